"""What a person typed, read as the words and quoted phrases to find: pure, no Django.

Anything else (operators, punctuation, control characters) is ignored rather than passed to a
database's query language, so no input can make a search fail."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_LENGTH = 500  # characters; longer input is refused (400), not cut
MAX_PHRASES = 10
WORD = re.compile(r"[^\W_]+")


class QueryTooLong(ValueError):
    """More than MAX_LENGTH characters: refused with a 400 saying so, never cut."""


@dataclass(frozen=True)
class Query:
    """The phrases to find, all of them; a single word is a phrase of one word."""

    phrases: tuple[tuple[str, ...], ...]

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(word for phrase in self.phrases for word in phrase))

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def __str__(self) -> str:
        return " ".join(phrase[0] if len(phrase) == 1 else f'"{" ".join(phrase)}"' for phrase in self.phrases)


def query_parse(text: str) -> Query:
    """`surveillance "national security" 47B` -> phrases (surveillance), (national, security), (47B).
    An unclosed quote runs to the end. Raises QueryTooLong past MAX_LENGTH characters."""
    if len(text) > MAX_LENGTH:
        raise QueryTooLong(f"Search for at most {MAX_LENGTH} characters.")
    text = unicodedata.normalize("NFC", text)
    phrases: list[tuple[str, ...]] = []
    for position, part in enumerate(text.split('"')):
        words = WORD.findall(part)
        if position % 2:  # inside quotes
            phrases.append(tuple(words))
        else:
            phrases.extend((word,) for word in words)
    unique = [phrase for phrase in dict.fromkeys(phrases) if phrase]
    return Query(phrases=tuple(unique[:MAX_PHRASES]))
