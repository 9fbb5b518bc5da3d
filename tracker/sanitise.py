"""Allow-list sanitising of untrusted HTML from Parliament's sources (nh3, i.e. ammonia).

`clean_html` keeps simple formatting and safe links, for showing with `|safe`.
`html_to_text` gives plain text, for searching and matching: it is text, not HTML, so a
template must escape it as usual.
"""

from __future__ import annotations

import html
import re

import nh3

_DROPPED_WITH_CONTENT = {"script", "style"}

_FORMATTING_CLEANER = nh3.Cleaner(
    tags={"p", "br", "em", "strong", "b", "i", "ul", "ol", "li", "a", "blockquote", "sup", "sub"},
    clean_content_tags=_DROPPED_WITH_CONTENT,
    attributes={"*": set(), "a": {"href"}},  # "*" drops ammonia's default lang and title
    url_schemes={"http", "https", "mailto"},
    url_relative="deny",
    link_rel="nofollow noopener",
)

# Block tags are kept by the text cleaner only so that their edges become spaces:
# "<p>Clause 1</p><p>Clause 2</p>" must not read "Clause 1Clause 2".
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul",
}  # fmt: skip
_BLOCK_CLEANER = nh3.Cleaner(
    tags=_BLOCK_TAGS, clean_content_tags=_DROPPED_WITH_CONTENT, attributes={"*": set()}
)
_TAG = re.compile(r"<[^>]*>")  # after _BLOCK_CLEANER every "<" left opens a bare block tag


def clean_html(html_fragment: str | None) -> str:
    """Only p, br, em, strong, b, i, ul, ol, li, blockquote, sup, sub and a[href] survive;
    links keep http, https and mailto addresses only and get rel="nofollow noopener";
    script and style are dropped with their contents, and every other attribute is dropped."""
    if not html_fragment:
        return ""
    return _FORMATTING_CLEANER.clean(html_fragment)


def html_to_text(html_fragment: str | None) -> str:
    """Plain text: tags gone (script and style with their contents), entities decoded,
    every run of whitespace one space."""
    if not html_fragment:
        return ""
    spaced = _TAG.sub(" ", _BLOCK_CLEANER.clean(html_fragment))
    return " ".join(html.unescape(spaced).split())
