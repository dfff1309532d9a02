"""Local search over tasks and types of work, fast enough to run on every keystroke.

Each item's searchable text is normalised once when the index is built; a query then only
does substring checks on prepared strings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Generic, Iterable, TypeVar

T = TypeVar("T")

TASK_KEY = re.compile(r"^\s*([A-Za-z][A-Za-z0-9]*-\d+)\s*$")


# Letters that Unicode does not decompose into base letter + accent, so NFKD leaves them alone.
_UNDECOMPOSED = str.maketrans(
    {"ß": "ss", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "æ": "ae", "œ": "oe"}
)


def normalise(text: str) -> str:
    """Case- and accent-insensitive form: 'Übersicht' and 'ubersicht' match, so do 'Łódź' and 'lodz'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_UNDECOMPOSED)


def looks_like_task_key(text: str) -> str | None:
    """`WEB-12` typed exactly: the upper-cased key, else None."""
    match = TASK_KEY.match(text)
    return match.group(1).upper() if match else None


@dataclass(frozen=True)
class _Entry(Generic[T]):
    item: T
    words: tuple[str, ...]
    haystack: str


class SearchIndex(Generic[T]):
    """Ranks items by how well every query word matches their words."""

    def __init__(self, items: Iterable[tuple[T, str]]):
        self._entries: list[_Entry[T]] = []
        for item, text in items:
            norm = normalise(text)
            self._entries.append(_Entry(item, tuple(norm.split()), norm))

    def __len__(self) -> int:
        return len(self._entries)

    def query(self, text: str, limit: int = 50) -> list[T]:
        terms = normalise(text).split()
        if not terms:
            return [e.item for e in self._entries[:limit]]
        scored: list[tuple[int, int, T]] = []
        for position, entry in enumerate(self._entries):
            score = _score(terms, entry)
            if score:
                scored.append((-score, position, entry.item))
        scored.sort(key=lambda s: (s[0], s[1]))
        return [item for _, _, item in scored[:limit]]


def _score(terms: list[str], entry: _Entry) -> int:
    total = 0
    for term in terms:
        if term not in entry.haystack:
            return 0
        if any(word == term for word in entry.words):
            total += 3
        elif any(word.startswith(term) for word in entry.words):
            total += 2
        else:
            total += 1
    return total
