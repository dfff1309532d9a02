"""Pinned items (domain/pins.py): what a pin is, adding, removing, moving, refreshing from the
lists, searching, and reading them back from a settings file that may be damaged."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tray_app.domain.entities import Project, Task, TypeOfWork
from tray_app.domain.pins import (
    MAX_PINS,
    Pin,
    PinOutcome,
    add,
    from_json,
    move,
    pin_for,
    refreshed,
    remove,
    search_text,
    to_json,
)

DESIGN = TypeOfWork("tow-design", "Design")
MEETING = TypeOfWork("tow-meeting", "Meeting")
WEB = Project("p-web", "Website Relaunch", "WEB")
SITEMAP = Task("t1", "Sitemap entwerfen", "WEB-12", WEB, DESIGN.id)
HOME = Task("t2", "Startseite gestalten", "WEB-13", WEB, DESIGN.id)


def test_a_task_with_its_own_type_and_no_note_is_a_plain_pin():
    pin = pin_for(SITEMAP, DESIGN, "  ")
    assert pin == Pin(task=SITEMAP) and not pin.is_combination


def test_a_task_with_another_type_and_a_note_is_a_combination():
    pin = pin_for(SITEMAP, MEETING, "  Abstimmung\n mit  Kunde ")
    assert pin.type_of_work == MEETING and pin.note == "Abstimmung mit Kunde" and pin.is_combination


def test_a_type_of_work_alone_is_a_pin_and_nothing_is_none():
    assert pin_for(None, MEETING, "Jour fixe") == Pin(type_of_work=MEETING, note="Jour fixe")
    assert pin_for(None, None, "just a note") is None


def test_a_pin_is_its_ids_and_note_not_the_names_it_keeps():
    renamed = Task("t1", "Sitemap (neu)", "WEB-12", WEB, DESIGN.id)
    pins, outcome = add((Pin(task=SITEMAP),), Pin(task=renamed))
    assert outcome is PinOutcome.ALREADY and pins == (Pin(task=SITEMAP),)
    assert remove(pins, Pin(task=renamed)) == ()


def test_pins_are_added_last_up_to_the_limit():
    pins: tuple[Pin, ...] = ()
    for n in range(MAX_PINS):
        pins, outcome = add(pins, Pin(task=Task(f"n{n}", f"Task {n}")))
        assert outcome is PinOutcome.PINNED
    assert pins[-1].task.id == f"n{MAX_PINS - 1}"
    full, outcome = add(pins, Pin(task=SITEMAP))
    assert outcome is PinOutcome.FULL and full == pins
    assert add(remove(pins, pins[0]), Pin(task=SITEMAP))[1] is PinOutcome.PINNED


def test_the_same_task_may_be_pinned_alone_and_as_combinations():
    pins, _ = add((), Pin(task=SITEMAP))
    pins, outcome = add(pins, pin_for(SITEMAP, MEETING, ""))
    assert outcome is PinOutcome.PINNED
    pins, outcome = add(pins, pin_for(SITEMAP, None, "Review"))
    assert outcome is PinOutcome.PINNED and len(pins) == 3
    assert remove(pins, Pin(task=SITEMAP)) == pins[1:]


@given(st.integers(1, MAX_PINS), st.data())
def test_moving_keeps_every_pin_and_puts_it_where_asked(count, data):
    pins = tuple(Pin(task=Task(f"t{n}", f"Task {n}")) for n in range(count))
    at = data.draw(st.integers(0, count - 1))
    step = data.draw(st.integers(-12, 12))
    moved = move(pins, pins[at], step)
    assert sorted(p.key for p in moved) == sorted(p.key for p in pins)
    assert moved.index(pins[at]) == min(max(at + step, 0), count - 1)


def test_moving_what_is_not_pinned_changes_nothing():
    pins = (Pin(task=SITEMAP),)
    assert move(pins, Pin(task=HOME), -1) == pins


def test_the_lists_fresher_task_and_type_replace_the_copies():
    done = Task("t1", "Sitemap entwerfen (final)", "WEB-12", WEB, DESIGN.id, is_done=True)
    pins = (pin_for(SITEMAP, MEETING, "x"), Pin(task=HOME))
    fresh = refreshed(pins, {"t1": done}, {MEETING.id: TypeOfWork(MEETING.id, "Besprechung")})
    assert fresh[0].task.is_done and fresh[0].task.name.endswith("(final)")
    assert fresh[0].type_of_work.name == "Besprechung" and fresh[0].note == "x"
    assert fresh[1] == pins[1]  # unknown to the lists: the copy stays


def test_search_finds_a_pin_by_its_task_key_project_type_and_note():
    text = search_text(pin_for(SITEMAP, MEETING, "Abstimmung Kunde"))
    assert text == "Sitemap entwerfen WEB-12 Website Relaunch Meeting Abstimmung Kunde"
    assert search_text(Pin(type_of_work=MEETING)) == "Meeting"


# -- the settings file -----------------------------------------------------------------------------

PIN_VALUES = st.builds(
    pin_for,
    st.one_of(st.none(), st.builds(Task, st.text(min_size=1).filter(str.strip), st.text(min_size=1).filter(str.strip),
                                   st.one_of(st.none(), st.text()),
                                   st.one_of(st.none(), st.builds(Project, st.just("p"), st.just("Projekt"),
                                                                  st.one_of(st.none(), st.just("P")))),
                                   st.one_of(st.none(), st.just("tow-design")))),
    st.one_of(st.none(), st.sampled_from([DESIGN, MEETING])),
    st.text(max_size=40),
)


@given(st.lists(PIN_VALUES, max_size=MAX_PINS))
def test_pins_survive_the_settings_file(values):
    pins, seen = [], set()
    for pin in values:
        if pin is not None and pin.key not in seen:
            seen.add(pin.key)
            pins.append(pin)
    again, skipped = from_json(json.loads(json.dumps(to_json(pins))))
    assert again == tuple(pins) and skipped == 0


@pytest.mark.parametrize("damaged", [
    "not a pin",
    42,
    None,
    {},
    {"note": "only a note"},
    {"task": "t1"},
    {"task": {"id": "t1"}},
    {"task": {"id": "", "name": "Blank id"}},
    {"task": {"id": "t1", "name": "Sitemap", "key": 12}},
    {"task": {"id": "t1", "name": "Sitemap", "project": {"id": "p"}}},
    {"task": {"id": "t1", "name": "Sitemap", "project": []}},
    {"task": {"id": "t1", "name": "Sitemap"}, "typeOfWork": {"id": 3, "name": "Design"}},
    {"task": {"id": "t1", "name": "Sitemap"}, "note": ["not", "text"]},
    {"task": {"id": "t1", "name": "Sitemap"}, "note": "x" * 501},
    {"typeOfWork": {"name": "no id"}},
])
def test_a_damaged_entry_is_skipped_and_the_others_kept(damaged):
    good = to_json([Pin(task=SITEMAP), pin_for(None, MEETING, "Jour fixe")])
    pins, skipped = from_json([good[0], damaged, good[1]])
    assert pins == (Pin(task=SITEMAP), Pin(type_of_work=MEETING, note="Jour fixe"))
    assert skipped == 1


@pytest.mark.parametrize("value, skipped", [(None, 0), ("pins", 1), ({"task": {}}, 1), (7, 1)])
def test_a_value_that_is_no_list_means_no_pins(value, skipped):
    assert from_json(value) == ((), skipped)


def test_copies_and_more_than_the_limit_are_left_out():
    many = to_json([Pin(task=Task(f"t{n}", f"Task {n}")) for n in range(MAX_PINS + 3)])
    pins, skipped = from_json([many[0], *many])
    assert [p.task.id for p in pins] == [f"t{n}" for n in range(MAX_PINS)]
    assert skipped == 1 + 3


def test_unknown_fields_from_a_newer_version_are_ignored():
    data = to_json([pin_for(SITEMAP, MEETING, "Review")])
    data[0]["colour"] = "red"
    data[0]["task"]["startedBy"] = {"id": "u1"}
    assert from_json(data) == ((pin_for(SITEMAP, MEETING, "Review"),), 0)
