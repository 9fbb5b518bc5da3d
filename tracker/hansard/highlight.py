"""A contribution's plain text cut into paragraphs of segments, some of them marked mentions,
for a template to render with autoescaping on: the text is never marked safe, so nothing a
source says can become markup. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .reading import PARAGRAPH_BREAK


@dataclass(frozen=True)
class Mark:
    """Where a mention stands in the text, where it links (None: to nothing stored) and what
    a reader is told about it."""

    start: int
    end: int
    href: str | None
    title: str


@dataclass(frozen=True)
class Segment:
    text: str
    mark: Mark | None = None


def paragraphs(text: str, marks: Iterable[Mark]) -> list[list[Segment]]:
    """The text's paragraphs, each a list of segments. A mark that overlaps one placed before
    it (reading from the start, narrower first) is left out, so every character is shown
    exactly once."""
    placed: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, m.end)):
        if 0 <= mark.start < mark.end <= len(text) and (not placed or mark.start >= placed[-1].end):
            placed.append(mark)
    result = []
    start = 0
    for paragraph in text.split(PARAGRAPH_BREAK):
        end = start + len(paragraph)
        inside = [m for m in placed if start <= m.start and m.end <= end]
        result.append(_segments(text, start, end, inside))
        start = end + len(PARAGRAPH_BREAK)
    return [segments for segments in result if segments]


def _segments(text: str, start: int, end: int, marks: list[Mark]) -> list[Segment]:
    segments = []
    position = start
    for mark in marks:
        if mark.start > position:
            segments.append(Segment(text[position:mark.start]))
        segments.append(Segment(text[mark.start:mark.end], mark))
        position = mark.end
    if position < end:
        segments.append(Segment(text[position:end]))
    return segments
