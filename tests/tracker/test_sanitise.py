"""Allow-list sanitising of untrusted scraped HTML."""

import pytest

from tracker.sanitise import clean_html, html_to_text

LORDS_NOTES_3172 = "<p>Lord Roborough moved amendment 51, to leave out clause 10. The House divided:</p>"


# clean_html


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<script>alert(1)</script>Clause 65", "Clause 65"),
        ("<style>p { color: red }</style><p>Clause 65</p>", "<p>Clause 65</p>"),
        ("<img src=x onerror=alert(1)>Clause 65", "Clause 65"),
        ('<p onclick="alert(1)" style="color:red" class="x" title="t">Clause 65</p>', "<p>Clause 65</p>"),
        ("<iframe src=x></iframe><object data=x></object>ok", "ok"),
        ("<!-- note -->ok", "ok"),
    ],
)
def test_dangerous_markup_is_removed(dirty, clean):
    assert clean_html(dirty) == clean


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "/relative/page",
        "ftp://x",
    ],
)
def test_links_lose_any_href_but_http_https_and_mailto(href):
    assert clean_html(f'<a href="{href}">x</a>') == '<a rel="nofollow noopener">x</a>'


@pytest.mark.parametrize(
    "href", ["https://example.invalid/a?b=1", "http://example.invalid/", "mailto:someone@example.invalid"]
)
def test_safe_links_keep_their_href_and_get_nofollow_noopener(href):
    link = f'<a href="{href}" target="_blank" rel="opener">x</a>'

    assert clean_html(link) == f'<a href="{href}" rel="nofollow noopener">x</a>'


def test_simple_formatting_is_kept():
    allowed = (
        "<p>a<br><em>b</em><strong>c</strong><b>d</b><i>e</i><sup>1</sup><sub>2</sub></p>"
        "<ul><li>f</li></ul><ol><li>g</li></ol><blockquote>h</blockquote>"
    )
    assert clean_html(allowed) == allowed


def test_other_tags_are_dropped_but_their_text_kept():
    assert clean_html('<div id="d"><span>Clause</span> <h2>65</h2></div>') == "Clause 65"


def test_nested_and_unclosed_tags_are_balanced():
    assert clean_html("<p>a<b>b<i>c</p>d") == "<p>a<b>b<i>c</i></b></p><b><i>d</i></b>"


def test_entities_stay_escaped_and_bare_angle_brackets_are_escaped():
    assert clean_html("Lords &amp; Commons &lt;b&gt; 1 < 2") == "Lords &amp; Commons &lt;b&gt; 1 &lt; 2"


@pytest.mark.parametrize("empty", [None, ""])
def test_clean_html_of_nothing_is_empty(empty):
    assert clean_html(empty) == ""


# html_to_text


def test_real_lords_notes_to_text():
    assert html_to_text(LORDS_NOTES_3172) == (
        "Lord Roborough moved amendment 51, to leave out clause 10. The House divided:"
    )


def test_text_drops_script_and_style_contents_and_images():
    dirty = "<script>alert(1)</script><style>p{}</style><img src=x onerror=alert(1)>Clause 65"

    assert html_to_text(dirty) == "Clause 65"


def test_text_decodes_entities():
    text = html_to_text("Lords &amp; Commons &#8220;Clause&#8221;&nbsp;65 &lt;b&gt;")

    assert text == "Lords & Commons “Clause” 65 <b>"


def test_blocks_are_separated_and_inline_tags_are_not():
    blocks = "<p>Clause 1</p><p>Clause<sup>2</sup></p><div>a</div><div>b<br>c</div><em>Claus</em>e"

    assert html_to_text(blocks) == "Clause 1 Clause2 a b c Clause"


def test_whitespace_is_normalised():
    assert html_to_text("  <p>\n Clause \t 65 </p>\n\n<p> stand   part </p> ") == "Clause 65 stand part"


def test_javascript_link_leaves_only_its_text():
    assert html_to_text('<a href="javascript:alert(1)">Clause 65</a>') == "Clause 65"


@pytest.mark.parametrize("empty", [None, "", "<p> </p>"])
def test_text_of_nothing_is_empty(empty):
    assert html_to_text(empty) == ""
