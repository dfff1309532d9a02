"""What the workspace lets a timer book: which types of work, and on which projects.

awork refuses a start on an archived type of work, on a type the project does not allow, and,
when the workspace rule "prevent-on-done-projects" is on, on a closed project. Deciding it here
lets the app offer only what will be accepted, ask for another type, or say why, before it
sends anything.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from .entities import Project, TrackingRules, TypeOfWork


class TypeProblem(enum.Enum):
    ARCHIVED = "archived"
    NOT_ALLOWED = "not-allowed"  # the project restricts its types of work, and not to this one


def offered_types(types: Iterable[TypeOfWork], allowed_ids: Iterable[str] | None) -> list[TypeOfWork]:
    """The workspace's active types, narrowed to the project's when it restricts them.

    `allowed_ids` empty or None: no restriction (known). Archived types are never offered,
    even when a project still lists them.
    """
    active = [t for t in types if not t.is_archived]
    allowed = set(allowed_ids or ())
    return [t for t in active if t.id in allowed] if allowed else active


def type_problem(type_id: str, types: Iterable[TypeOfWork], allowed_ids: Iterable[str] | None) -> TypeProblem | None:
    """Why `type_id` cannot be booked; None: it can, or `types` does not know it (awork decides)."""
    found = next((t for t in types if t.id == type_id), None)
    if found is not None and found.is_archived:
        return TypeProblem.ARCHIVED
    allowed = set(allowed_ids or ())
    if allowed and type_id not in allowed:
        return TypeProblem.NOT_ALLOWED
    return None


def start_refused(rules: TrackingRules, project: Project | None) -> bool:
    """The workspace forbids tracking time on this (closed) project."""
    return rules.prevent_on_done_projects and project is not None and project.is_closed
