"""Find the amendments, motions and clauses a contribution refers to, each with the sentence
it stands in.

Pure: plain text in (sanitised elsewhere), dataclasses out. Numbers are kept as printed
("449A", "47B", "NC15"); matching them against a stage's marshalled list is the database
layer's job. Only numbered references count: "the cross-party amendment" or "his new clause"
name nothing we could resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

MentionKind = Literal["amendment", "motion", "clause"]

# Sentences


@dataclass(frozen=True)
class Sentence:
    """One sentence of a text, with its character span in that text."""

    text: str
    start: int
    end: int


# Words after whose full stop a sentence never ends ("hon. Friend", "Mr. Speaker", "c. 54").
_ABBREVIATIONS = frozenset(
    {"hon", "Hon", "rt", "Rt", "Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Sr", "Jr",
     "c", "cc", "col", "cols", "vol", "Vol", "para", "paras", "Sch", "cl", "cf", "e.g", "i.e"}
)
# Full stops that end a sentence only when no number follows ("Division No. 252").
_NUMBER_ABBREVIATIONS = frozenset({"No", "Nos", "no", "nos"})

_CANDIDATE_END = re.compile(
    r"(?P<stop>[.!?]+[\"'”’)\]]*)(?P<gap>\s+)(?=\S)|(?P<paragraph>\s*\n[ \t]*\n\s*)(?=\S)"
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LAST_WORD = re.compile(r"([\w.]+)$")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split at a stop (. ! ?, with any closing quotes or brackets) followed by space, and at
    blank lines; an ellipsis marks words left out, not an end. No break where the next word
    starts in lower case (a stray stop, or a paragraph a capture broke mid-sentence), after
    an abbreviation, after "No." before a number, or inside an open bracket
    ("proposed.—(Lord Hunt of Kings Heath.)" stays whole).
    """
    sentences: list[Sentence] = []
    start = 0
    for match in _CANDIDATE_END.finditer(text):
        if match.start() < start:
            continue
        end = match.end("stop") if match["stop"] else match.start()
        if _ends_sentence(text, start, match):
            _add_sentence(sentences, text, start, end)
            start = match.end()
    _add_sentence(sentences, text, start, len(text))
    return tuple(sentences)


def _ends_sentence(text: str, start: int, match: re.Match[str]) -> bool:
    following = text[match.end()]
    if following.islower():
        return False
    if match["paragraph"] or _BLANK_LINE.search(match["gap"]):
        return True
    before = text[start : match.start("stop")]
    last_word = _LAST_WORD.search(before)
    word = last_word[1] if last_word else ""
    if match["stop"].startswith(".") and match["stop"].rstrip("\"'”’)]") == ".":
        if word in _ABBREVIATIONS:
            return False
        if word in _NUMBER_ABBREVIATIONS and following.isdigit():
            return False
    sentence = text[start : match.end("stop")]
    return sentence.count("(") <= sentence.count(")")


def _add_sentence(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + (len(chunk) - len(chunk.lstrip()))
        sentences.append(Sentence(stripped, offset, offset + len(stripped)))


# Mentions


@dataclass(frozen=True)
class Mention:
    """One numbered reference to an amendment, motion or clause.

    `number` is as printed ("449A", "47B", "1" in "new clause 1", "NC15"); `span` is where that
    number stands in the text. A number inside a range ("Amendments 1 to 5" -> 2, 3, 4) is not
    printed: it has `from_range` set and the whole range as its span. `new_clause` marks new
    clauses, which are amendments on the marshalled list; `stand_part` marks "clause N stand
    part" questions.
    """

    kind: MentionKind
    number: str
    sentence: str
    span: tuple[int, int]
    new_clause: bool = False
    stand_part: bool = False
    from_range: bool = False

    @property
    def marshalled_list_text(self) -> str:
        """The number as a marshalled list prints it: new clause 1 is "NC1"."""
        if self.new_clause and not self.number.upper().startswith("NC"):
            return f"NC{self.number}"
        return self.number


_NUMBER = r"(?:NC)?\d+[A-Z]{0,3}(?!\w)"
# "Motion 47A", "Motion A"; not the "I" of "in moving this Motion I will speak to …".
_MOTION_NUMBER = r"(?:\d+[A-Z]{0,3}|(?!I\b)[A-Z]\d*)(?!\w)"
_SEPARATOR = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+|\s*[-–]\s*)"
_RANGE_SEPARATOR = re.compile(r"^\s*(?:to|[-–])\s*$")
_NUMBER_ABBREVIATION = r"(?:(?i:nos?)\.?\s*)?"
_MAX_RANGE = 500  # a wider "range" is a misreading, not a list of amendments


def _numbered(keyword: str, number: str, tail: str = "") -> re.Pattern[str]:
    items = rf"{number}(?:{_SEPARATOR}{number})*"
    return re.compile(rf"(?<![\w-])(?i:{keyword})\s+{_NUMBER_ABBREVIATION}(?P<list>{items}){tail}")


_CLAUSE_NUMBER = r"\d+[A-Z]{0,2}(?!\w)"  # "Clause 110(6)" is clause "110"
_STAND_PART = r"(?P<stand>\s+(?i:stand\s+part))?"

# (kind, new clause?, pattern, how one number of its list reads), in this order: a reference
# an earlier pattern claimed is not read again by a later one ("new clause 1" is not also
# "clause 1"; "New Clause NC15" is not also a bare "NC15").
_PATTERNS: tuple[tuple[MentionKind, bool, re.Pattern[str], str], ...] = (
    ("amendment", True, _numbered(r"new\s+clauses?", _NUMBER), _NUMBER),
    ("amendment", False, _numbered(r"amendments?", _NUMBER), _NUMBER),
    ("motion", False, _numbered(r"motions?", _MOTION_NUMBER), _MOTION_NUMBER),
    ("clause", False, _numbered(r"clauses?", _CLAUSE_NUMBER, _STAND_PART), _CLAUSE_NUMBER),
    ("amendment", True, re.compile(r"(?<!\w)(?P<list>NC\d+[A-Z]{0,3})(?!\w)"), _NUMBER),
)


def find_mentions(text: str) -> tuple[Mention, ...]:
    """Every numbered amendment, motion and clause reference in `text`, in reading order."""
    sentences = split_sentences(text)
    claimed: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    for kind, new_clause, pattern, number in _PATTERNS:
        for match in pattern.finditer(text):
            if any(start <= match.start() < end for start, end in claimed):
                continue
            claimed.append(match.span())
            stand_part = bool(match.groupdict().get("stand"))
            for span, printed, from_range in _numbers_in_list(match, number):
                mentions.append(
                    Mention(
                        kind=kind,
                        number=printed,
                        sentence=_sentence_at(sentences, span[0]),
                        span=span,
                        new_clause=new_clause,
                        stand_part=stand_part,
                        from_range=from_range,
                    )
                )
    return tuple(sorted(mentions, key=lambda mention: mention.span[0]))


def _numbers_in_list(match: re.Match[str], number: str) -> list[tuple[tuple[int, int], str, bool]]:
    """(span, number, from_range) for each number of a list such as "1, 4, 5, 81 and 82" or
    "19 to 23", whose inner numbers are filled in when both ends are plain integers."""
    offset = match.start("list")
    tokens = list(re.finditer(number, match["list"]))
    found: list[tuple[tuple[int, int], str, bool]] = []
    for index, token in enumerate(tokens):
        found.append(((offset + token.start(), offset + token.end()), token[0], False))
        if index + 1 < len(tokens):
            following = tokens[index + 1]
            separator = match["list"][token.end() : following.start()]
            if _RANGE_SEPARATOR.match(separator):
                span = (offset + token.start(), offset + following.end())
                found.extend((span, inner, True) for inner in _inner_numbers(token[0], following[0]))
    return found


def _inner_numbers(first: str, last: str) -> list[str]:
    if not (first.isdigit() and last.isdigit()):
        return []
    low, high = int(first), int(last)
    if not 0 < high - low <= _MAX_RANGE:
        return []
    return [str(value) for value in range(low + 1, high)]


def _sentence_at(sentences: tuple[Sentence, ...], position: int) -> str:
    return next(
        (sentence.text for sentence in sentences if sentence.start <= position < sentence.end),
        "",
    )
