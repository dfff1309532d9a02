"""Local search: accent- and case-insensitive, whole word > prefix > substring, task keys."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tray_app.domain.search import SearchIndex, looks_like_task_key, normalise

KEY_CHARS = "ABCXYZabz0189_-"


def index(*texts: str) -> SearchIndex[str]:
    return SearchIndex((text, text) for text in texts)


@pytest.mark.parametrize(
    "query, text",
    [
        ("ubersicht", "Übersicht"),
        ("UBERSICHT", "übersicht"),
        ("übersicht", "Ubersicht"),
        ("strasse", "Hauptstraße sanieren"),
        ("straße", "STRASSE"),
        ("cafe", "Café Relaunch"),
        ("creme", "Crème brûlée"),
        ("francois", "FRANÇOIS"),
        ("ﬁnance", "Finance"),  # ligature
        ("lodz", "Łódź office"),
        ("soren", "Søren's review"),
    ],
)
def test_accent_and_case_insensitive(query, text):
    assert index("Something else", text).query(query) == [text]


def test_normalise():
    assert normalise("Übersicht Straße") == "ubersicht strasse"
    assert normalise("ÅNGSTRÖM") == "angstrom"


@given(st.text(alphabet="abcXYZ 019-_.éÜßøŁﬁ\u0301", max_size=20))
def test_normalise_drops_accents_and_spells_out_letters_in_any_text(text):
    spelled = "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch))
    for letter, spelling in {"ß": "ss", "ø": "o", "ł": "l"}.items():
        spelled = spelled.replace(letter, spelling)
    assert normalise(text) == spelled


def test_every_query_word_must_match_in_any_order():
    idx = index("Website relaunch · ACME", "Website audit · Globex", "Relaunch newsletter")
    assert idx.query("acme web") == ["Website relaunch · ACME"]
    assert idx.query("relaunch") == ["Website relaunch · ACME", "Relaunch newsletter"]
    assert idx.query("relaunch globex") == []
    assert idx.query("zzz") == []


def test_ranking_whole_word_before_prefix_before_substring():
    idx = index("Redesign homepage", "Design system", "Designer handoff", "Web design")
    # "design" is a whole word in two items (kept in input order), a prefix in one, a substring in one.
    assert idx.query("design") == ["Design system", "Web design", "Designer handoff", "Redesign homepage"]


def test_ranking_sums_over_words():
    idx = index("Recall Macarla", "Callback Carlas", "Carla call notes", "Call Carla")
    assert idx.query("call carla") == ["Carla call notes", "Call Carla", "Callback Carlas", "Recall Macarla"]


def test_empty_query_lists_everything_up_to_limit():
    idx = index(*(f"Task {n}" for n in range(10)))
    assert len(idx) == 10
    assert idx.query("   ") == [f"Task {n}" for n in range(10)]
    assert idx.query("", limit=3) == ["Task 0", "Task 1", "Task 2"]
    assert idx.query("task", limit=4) == ["Task 0", "Task 1", "Task 2", "Task 3"]


def test_items_are_returned_not_texts():
    idx = SearchIndex([(1, "Alpha"), (2, "Beta")])
    assert idx.query("bet") == [2]


@pytest.mark.parametrize(
    "text, key",
    [
        ("WEB-12", "WEB-12"),
        ("web-12", "WEB-12"),
        ("  Nike-42 ", "NIKE-42"),
        ("A1-7", "A1-7"),
        # awork's grammar: letters, digits, dashes and underscores, up to 32, then -number.
        ("PROJ-123-7", "PROJ-123-7"),
        ("WEB_APP-7", "WEB_APP-7"),
        ("web_app-7", "WEB_APP-7"),
        ("2024-7", "2024-7"),
        ("1A-7", "1A-7"),
        ("A" * 32 + "-1", "A" * 32 + "-1"),
        ("A" * 33 + "-1", None),
        ("A" * 32 + "-12345678", None),  # a taskIdentifier is at most 40 characters
        ("--12", None),
        ("WEB-", None),
        ("-12", None),
        ("12-WEB", None),
        ("WEB 12", None),
        ("WEB-12 sitemap", None),
        ("WEB-1a", None),
        ("design", None),
        ("", None),
    ],
)
def test_task_key_detection(text, key):
    assert looks_like_task_key(text) == key


@given(
    st.text(alphabet=KEY_CHARS, min_size=1, max_size=32).filter(lambda k: k.strip("-")),
    st.integers(min_value=0, max_value=10**6),
)
def test_any_key_of_awork_grammar_is_recognised_and_the_last_dash_number_is_the_number(project_key, number):
    key = f"{project_key}-{number}"
    found = looks_like_task_key(f"  {key} ")
    if len(key) > 40:
        assert found is None
        return
    assert found == key.upper()
    prefix, _, tail = found.rpartition("-")
    assert (prefix, int(tail)) == (project_key.upper(), number)


@given(st.text(alphabet=KEY_CHARS + " .é", max_size=45))
def test_a_recognised_key_always_ends_in_dash_number_after_a_short_key(text):
    found = looks_like_task_key(text)
    if found is not None:
        prefix, _, tail = found.rpartition("-")
        assert tail.isdigit() and 1 <= len(prefix) <= 32 and len(found) <= 40
        assert found == text.strip().upper()


@given(
    st.lists(st.text(alphabet="abcdeé ÜßX-1", min_size=0, max_size=12), min_size=1, max_size=30),
    st.lists(st.text(alphabet="abcdeé üss", min_size=0, max_size=6), min_size=1, max_size=6),
)
@settings(max_examples=150, deadline=None)
def test_typing_on_gives_the_same_results_as_a_fresh_search(texts, queries):
    """The index narrows the previous hits while the user types on; it must never differ from
    searching everything afresh."""
    typed = SearchIndex((i, t) for i, t in enumerate(texts))
    for query in queries:
        fresh = SearchIndex((i, t) for i, t in enumerate(texts))
        assert typed.query(query, limit=100) == fresh.query(query, limit=100)


def _ranked_by_the_rule(texts: list[str], query: str, limit: int) -> list[int]:
    """The ranking spelled out: every word must occur; 3 for a whole word, 2 for a word's start,
    1 anywhere, summed; the best first, equals in the index's order."""
    words = normalise(query).split()
    ranked = []
    for position, text in enumerate(texts):
        padded = f" {' '.join(normalise(text).split())} "
        if all(word in padded for word in words):
            score = sum(3 if f" {w} " in padded else 2 if f" {w}" in padded else 1 for w in words)
            ranked.append((-score, position))
    return [position for _, position in sorted(ranked)[:limit]]


@given(
    st.lists(st.text(alphabet="abcdeé ÜßX-1", min_size=0, max_size=12), min_size=1, max_size=30),
    st.lists(st.text(alphabet="abcdeé üss", min_size=1, max_size=6), min_size=1, max_size=6),
    st.integers(min_value=1, max_value=8),
)
@settings(max_examples=150, deadline=None)
def test_the_ranking_is_the_rule_at_every_keystroke(texts, queries, limit):
    typed = SearchIndex((i, t) for i, t in enumerate(texts))
    for query in queries:
        assert typed.query(query, limit=limit) == _ranked_by_the_rule(texts, query, limit)


class _CountedTexts(list):
    """The index's texts, counting how many are read."""

    reads = 0

    def __getitem__(self, position):
        _CountedTexts.reads += 1
        return super().__getitem__(position)


def test_typing_on_reads_only_the_previous_hits():
    idx = SearchIndex((n, f"Item {n} {'konzept' if n % 10 == 0 else 'layout'}") for n in range(1000))
    idx._texts = _CountedTexts(idx._texts)
    assert len(idx.query("k", limit=500)) == 100
    first, _CountedTexts.reads = _CountedTexts.reads, 0
    assert first >= 1000  # the first letter reads every item

    assert len(idx.query("ko", limit=500)) == 100
    # Each of the 100 earlier hits read once for the filter and a few times for the score; not
    # the 1,000 items again.
    assert _CountedTexts.reads <= 4 * 100
