"""Reading a contribution: its text as sanitised HTML and as plain text, the numbered things it
mentions (in its words, or in the heading it falls under) with the sentences around each, the
stance those sentences show, and the names Hansard may attribute it to.

Pure: strings in, dataclasses out. Matching what is found against stored amendments is
derive.py's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tracker.hansard.mentions import Mention, Sentence, find_mentions, split_sentences
from tracker.hansard.stance import Role, Stance, StanceReading, read_stance
from tracker.sanitise import clean_html, html_to_text

PARAGRAPH_BREAK = "\n\n"
NO_RULE = StanceReading(Stance.NEUTRAL, "no-rule", 0.0)
UNDER_HEADING = " (under the heading)"

_PARAGRAPH_END = re.compile(r"</p\s*>|<br\s*/?>|</li\s*>|</blockquote\s*>", re.IGNORECASE)


def contribution_texts(value_html: str) -> tuple[str, str]:
    """(sanitised HTML, plain text). The plain text keeps paragraphs apart by a blank line, so
    a paragraph that ends without a full stop still ends its sentence."""
    cleaned = clean_html(value_html)
    paragraphs = (html_to_text(part) for part in _PARAGRAPH_END.split(cleaned))
    return cleaned, PARAGRAPH_BREAK.join(paragraph for paragraph in paragraphs if paragraph)


@dataclass(frozen=True)
class FoundMention:
    """A mention with what its stance is read from. A mention in the words has the sentences
    either side of its own; one in the heading has the contribution's sentences that name
    nothing themselves, since any of those may say what the speaker thinks of it."""

    mention: Mention
    in_heading: bool = False
    previous: str | None = None
    following: str | None = None
    unnamed_sentences: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return self.mention.kind, self.mention.marshalled_list_text.upper()


def mentions_in(text: str, heading: str) -> tuple[FoundMention, ...]:
    """Mentions in `text`, in reading order, then those of `heading` the text does not repeat."""
    sentences = split_sentences(text)
    in_text = tuple(_in_words(mention, sentences) for mention in find_mentions(text))
    named = {found.key for found in in_text}
    naming_sentences = {_sentence_index(sentences, found.mention.span[0]) for found in in_text}
    unnamed = tuple(s.text for index, s in enumerate(sentences) if index not in naming_sentences)
    in_heading = []
    for mention in find_mentions(heading):
        found = FoundMention(mention, in_heading=True, unnamed_sentences=unnamed)
        if found.key not in named:
            named.add(found.key)
            in_heading.append(found)
    return in_text + tuple(in_heading)


def _in_words(mention: Mention, sentences: tuple[Sentence, ...]) -> FoundMention:
    index = _sentence_index(sentences, mention.span[0])
    if index is None:
        return FoundMention(mention)
    return FoundMention(
        mention,
        previous=sentences[index - 1].text if index > 0 else None,
        following=sentences[index + 1].text if index + 1 < len(sentences) else None,
    )


def _sentence_index(sentences: tuple[Sentence, ...], position: int) -> int | None:
    return next((i for i, s in enumerate(sentences) if s.start <= position < s.end), None)


def stance_of(found: FoundMention, role: Role | None) -> tuple[StanceReading, str]:
    """The stance and the sentence it was read from. Under a heading, the first of the
    contribution's sentences that names nothing else and fires a rule decides; with none,
    the heading itself stands as the sentence, and the stance is neutral."""
    if not found.in_heading:
        reading = read_stance(found.mention.sentence, previous=found.previous, following=found.following, role=role)
        return reading, found.mention.sentence
    for sentence in found.unnamed_sentences:
        reading = read_stance(sentence, role=role)
        if reading.rule != NO_RULE.rule:
            return replace(reading, rule=reading.rule + UNDER_HEADING), sentence
    return NO_RULE, found.mention.sentence


_BRACKETED = re.compile(r"\(([^()]*)\)")


def name_candidates(attributed_to: str | None) -> tuple[str, ...]:
    """The names an AttributedTo may carry: the whole string without its bracketed parts
    ("Jeremy Quin (Con)" -> "Jeremy Quin"), and each bracketed part of more than one word, as
    a party abbreviation ("Con", "Lab/Co-op") is one word ("The Minister of State, Cabinet
    Office (Baroness Neville-Rolfe) (Con)" -> "Baroness Neville-Rolfe"). Whitespace is made
    single; nothing else is changed."""
    if not attributed_to:
        return ()
    outside = " ".join(_BRACKETED.sub(" ", attributed_to).split())
    inside = [" ".join(part.split()) for part in _BRACKETED.findall(attributed_to)]
    candidates = [outside, *(part for part in inside if " " in part)]
    return tuple(dict.fromkeys(name for name in candidates if name))
