"""What the workspace lets a timer book: active types, a project's restriction, closed projects."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tray_app.domain.allowed import (
    TypeProblem,
    offered_types,
    start_refused,
    type_problem,
)
from tray_app.domain.entities import Project, TrackingRules, TrackingSetting, TypeOfWork

DESIGN = TypeOfWork("design", "Design")
DEV = TypeOfWork("dev", "Development")
SUPPORT = TypeOfWork("support", "Support")
OLD = TypeOfWork("old", "Travel (old)", is_archived=True)
TYPES = (DESIGN, DEV, SUPPORT, OLD)
PREVENT = TrackingRules((TrackingSetting("prevent-on-done-projects", True),))


def test_archived_types_are_never_offered_not_even_when_a_project_lists_them():
    assert offered_types(TYPES, None) == [DESIGN, DEV, SUPPORT]
    assert offered_types(TYPES, ()) == [DESIGN, DEV, SUPPORT]  # an empty list restricts nothing
    assert offered_types(TYPES, ("dev", "old")) == [DEV]
    assert offered_types(TYPES, ("old",)) == []  # a project allowing only archived types offers none


def test_type_problem():
    assert type_problem("design", TYPES, None) is None
    assert type_problem("old", TYPES, None) is TypeProblem.ARCHIVED
    assert type_problem("gone", TYPES, None) is None  # not known here: awork decides
    assert type_problem("design", TYPES, ("dev", "support")) is TypeProblem.NOT_ALLOWED
    assert type_problem("dev", TYPES, ("dev", "support")) is None
    assert type_problem("old", TYPES, ("old",)) is TypeProblem.ARCHIVED


def test_start_refused_only_on_closed_projects_when_the_workspace_says_so():
    closed, running = Project("p1", "Old", is_closed=True), Project("p2", "New")
    assert start_refused(PREVENT, closed)
    assert not start_refused(PREVENT, running)
    assert not start_refused(PREVENT, None)
    assert not start_refused(TrackingRules(), closed)
    assert not start_refused(TrackingRules((TrackingSetting("prevent-on-done-projects", False),)), closed)
    assert not start_refused(TrackingRules((TrackingSetting("allow-on-past-days", True, 3),)), closed)


@given(st.lists(st.sampled_from([t.id for t in TYPES] + ["gone"]), max_size=5), st.sampled_from(TYPES))
@settings(max_examples=100, deadline=None)
def test_offered_is_exactly_what_has_no_problem(allowed, candidate):
    offered = offered_types(TYPES, allowed)
    assert (candidate in offered) == (type_problem(candidate.id, TYPES, allowed) is None)
