"""Local search over tasks and types of work, fast enough to run on every keystroke.

Each item's searchable text is normalised once when the index is built; a query then only
does substring checks on prepared strings.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Generic, Iterable, TypeVar

T = TypeVar("T")

# awork's grammar: a project key of 1-32 letters, digits, dashes or underscores (lower case is
# normalised to upper), then "-" and the task number: WEB-12, PROJ-123-7, WEB_APP-7, 2024-7.
# The key may itself contain "-<digits>", so the number is the last "-<digits>". A
# taskIdentifier is at most 40 characters.
TASK_KEY = re.compile(r"^\s*((?=[A-Za-z0-9_-]*[A-Za-z0-9_]-)[A-Za-z0-9_-]{1,32}-\d{1,39})\s*$")
KEY_MAX = 40


# Letters that Unicode does not decompose into base letter + accent, so NFKD leaves them alone.
_UNDECOMPOSED = str.maketrans(
    {"ß": "ss", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "æ": "ae", "œ": "oe"}
)


def normalise(text: str) -> str:
    """Case- and accent-insensitive form: 'Übersicht' and 'ubersicht' match, so do 'Łódź' and 'lodz'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():  # most names: no accents to drop, no letters to spell out
        return decomposed
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_UNDECOMPOSED)


def looks_like_task_key(text: str) -> str | None:
    """A task key such as `WEB-12` or `PROJ-123-7` typed exactly: upper-cased, else None."""
    match = TASK_KEY.match(text)
    if not match or len(match.group(1)) > KEY_MAX:
        return None
    return match.group(1).upper()


class SearchIndex(Generic[T]):
    """Ranks items by how well every query word matches their words.

    Each item keeps one normalised string, padded with spaces so that " term" finds a word
    start and " term " a whole word without splitting anything per keystroke. When a query
    only adds to the previous one (the user typing on), only the previous matches are scanned.
    """

    def __init__(self, items: Iterable[tuple[T, str]]):
        self._items: list[T] = []
        self._texts: list[str] = []
        for item, text in items:
            self._items.append(item)
            self._texts.append(f" {' '.join(normalise(text).split())} ")
        self._last_terms: list[str] = []
        self._last_hits: list[int] = list(range(len(self._items)))

    def __len__(self) -> int:
        return len(self._items)

    def query(self, text: str, limit: int = 50) -> list[T]:
        terms = normalise(text).split()
        if not terms:
            return self._items[:limit]
        narrows = self._last_terms and _narrows(self._last_terms, terms)
        texts = self._texts
        # One pass per term over the candidates, each a bare substring test: the first letter
        # typed tests all 5,000 tasks, and a call per task would cost more than the test.
        hits = self._last_hits if narrows else range(len(texts))
        for term in terms:
            hits = [p for p in hits if term in texts[p]]
        scores = [0] * len(hits)
        for term in terms:
            start, whole = f" {term}", f" {term} "
            # 1 for anywhere, 2 for a word's start, 3 for a whole word.
            scores = [score + 1 + (start in texts[p] and (2 if whole in texts[p] else 1))
                      for score, p in zip(scores, hits, strict=True)]
        self._last_terms, self._last_hits = terms, hits
        # The best first, and among equals the index's order (a stable sort stays stable reversed).
        best = sorted(range(len(hits)), key=scores.__getitem__, reverse=True)[:limit]
        return [self._items[hits[i]] for i in best]


def _narrows(before: list[str], after: list[str]) -> bool:
    """Every item matching `after` also matches `before` (each old term is inside a new one)."""
    return len(after) >= len(before) and all(old in new for old, new in zip(before, after, strict=False))
