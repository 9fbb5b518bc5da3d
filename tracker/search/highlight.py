"""A snippet of a document's words around what was searched for, the matching words marked:
pure, no Django. Scraped text is untrusted, so every character of it is escaped; only the
<mark> elements added here are markup."""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Iterable

TOKEN = re.compile(r"[^\W_]+")
SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "es", "ed", "s", "e", "y")
WORDS_BEFORE = 10
SNIPPET_WORDS = 36


@functools.lru_cache(maxsize=65536)
def folded(word: str) -> str:
    """Lower case without accents, as the SQLite index compares ("ŵ" finds "w")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A rough stem, so "surveillance" marks "surveil" and "suppliers" marks "supplier"."""
    word = folded(word)
    for suffix in SUFFIXES:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def snippet(text: str, words: Iterable[str]) -> str:
    """About SNIPPET_WORDS words of `text` from a little before the first match, HTML-escaped,
    each matching word in <mark>; the start of the text when nothing matches."""
    stems = frozenset(stem(word) for word in words)
    tokens = list(TOKEN.finditer(text))
    matches = [i for i, token in enumerate(tokens) if _matches(token.group(), stems)]
    first = max(0, (matches[0] if matches else 0) - WORDS_BEFORE)
    window = tokens[first:first + SNIPPET_WORDS]
    if not window:
        return html.escape(text[:200])
    start = window[0].start() if first else 0
    end = window[-1].end() if first + SNIPPET_WORDS < len(tokens) else len(text)
    parts = ["…" if first else ""]
    cursor = start
    for token in window:
        if _matches(token.group(), stems):
            parts += [html.escape(text[cursor:token.start()]), f"<mark>{html.escape(token.group())}</mark>"]
            cursor = token.end()
    parts.append(html.escape(text[cursor:end]))
    if end < len(text):
        parts.append("…")
    return " ".join("".join(parts).split())


@functools.lru_cache(maxsize=65536)
def _matches(token: str, stems: frozenset[str]) -> bool:
    return stem(token) in stems or any(len(s) >= 4 and folded(token).startswith(s) for s in stems)
