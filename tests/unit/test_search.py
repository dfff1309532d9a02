"""Local search: accent- and case-insensitive, whole word > prefix > substring, task keys."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tray_app.domain.search import SearchIndex, looks_like_task_key, normalise


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
        ("WEB-", None),
        ("-12", None),
        ("12-WEB", None),
        ("1A-7", None),
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
