"""The data of a fake awork workspace: the demo's, and larger ones for tests and the benchmark."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone


def new_id(rng: random.Random | None = None) -> str:
    if rng is None:
        return str(uuid.uuid4())
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


@dataclass
class Record:
    """A time entry as the fake server keeps it: real datetimes, rendered to v1 JSON on the way out."""

    id: str
    user_id: str
    type_of_work_id: str
    timezone: str
    start: datetime
    task_id: str | None = None
    project_id: str | None = None
    note: str | None = None
    end: datetime | None = None
    breaks: list[list[datetime | None]] = field(default_factory=list)  # [start, end-or-None]
    created: datetime | None = None
    updated: datetime | None = None
    version: int = 0  # resourceVersion once changed here (0: the ticks of `updated` or `created`)
    is_billable: bool = False  # awork's non-nullable boolean: false unless set
    is_billed: bool = False
    duration: int | None = None  # a manual entry's seconds when it was made with a duration and no end
    start_time_known: bool = True  # False: a manual entry of a day, counted from midnight

    @property
    def running(self) -> bool:
        """A timer still going (or paused); a manual entry never is."""
        return self.end is None and self.duration is None and self.start_time_known


@dataclass
class Workspace:
    user: dict
    types_of_work: list[dict]
    projects: list[dict]
    tasks: list[dict]
    entries: list[Record]
    assigned_task_ids: list[str]
    # GET /timetracking/settings, as awork sends it.
    settings: list[dict] = field(default_factory=list)
    # Projects that restrict their types of work: project id -> the allowed type ids.
    project_types: dict[str, list[str]] = field(default_factory=dict)


USER_ID = "7f1c2a90-3b5e-4d8a-9c61-2f4e8b7a1d03"
WORKSPACE_ID = "0e6b9d24-51c8-4f3a-8a7e-93d2c4b5f610"

_TYPES = ["Design", "Entwicklung", "Konzeption", "Projektmanagement", "Meeting", "Support", "Copywriting"]
_PROJECTS = [  # (name, key, tasks); Marketing's time is not billed to a client
    ("Website Relaunch", "WEB", [
        "Sitemap entwerfen", "Startseite gestalten", "Kontaktformular testen", "SEO audit",
        "Bildrechte klären", "Navigation prototype", "Launch checklist",
    ]),
    ("Mobile App", "APP", [
        "Onboarding screens", "Push notifications", "Offline-Modus umsetzen", "App Store Texte",
        "Crash reports triage",
    ]),
    ("Marketing Q4", "MKT", [
        "Newsletter November schreiben", "Social media calendar", "Messestand planen",
        "Kampagnen-Reporting",
    ]),
]


# awork's general project status types: progress, not-started, closed (its "done"), stuck.
_STATUS_IDS = {"progress": "5d0c7d38-7e36-4c3e-9a56-0b1f2b8e4a01", "closed": "5d0c7d38-7e36-4c3e-9a56-0b1f2b8e4a02"}


def _project(rng, name: str, key: str, status: str = "progress", billable: bool = True) -> dict:
    return {"id": new_id(rng), "name": name, "projectKey": key, "isBillableByDefault": billable, "projectStatus": {
        "id": _STATUS_IDS[status], "name": "Done" if status == "closed" else "In progress", "type": status}}


def _task(rng, name, project, number, type_id, done=False) -> dict:
    return {
        "id": new_id(rng),
        "name": name,
        "taskIdentifier": f"{project['projectKey']}-{number}",
        "baseType": "projecttask",
        "projectId": project["id"],
        "project": {k: project[k] for k in ("id", "name", "projectKey", "projectStatus", "isBillableByDefault")},
        "typeOfWorkId": type_id,
        "taskStatus": {"type": "done" if done else "progress", "name": "Done" if done else "In progress"},
    }


def demo_workspace(now: datetime | None = None, seed: int = 7, running: bool = False) -> Workspace:
    """A small workspace with German and English names and a fortnight of history.

    With `running`, a timer on "Sitemap entwerfen" has been going for a while (with a coffee
    break), so the demo shows a live timer from the first click.
    """
    rng = random.Random(seed)
    now = now or datetime.now(timezone.utc)
    types = [{"id": new_id(rng), "name": n, "icon": None, "isArchived": False} for n in _TYPES]
    types.append({"id": new_id(rng), "name": "Reisezeit (alt)", "icon": None, "isArchived": True})
    projects, tasks = [], []
    for p_index, (pname, key, names) in enumerate(_PROJECTS):
        project = _project(rng, pname, key, billable=key != "MKT")
        projects.append(project)
        for t_index, name in enumerate(names):
            type_id = types[(p_index + t_index) % len(_TYPES)]["id"]
            tasks.append(_task(rng, name, project, 10 + t_index + (2 if key == "WEB" else 0), type_id))
    entries = _history(rng, now, tasks, types[: len(_TYPES)], days=14)
    if running:
        # Earlier today, before the timer: today's and this week's totals are more than the timer.
        entries += _earlier_today(random.Random(seed + 2_000_003), now, tasks)
        task = tasks[0]
        start = now - timedelta(minutes=83)
        entries.append(Record(new_id(rng), USER_ID, task["typeOfWorkId"], "Europe/Berlin", start, task["id"],
                              task["projectId"], note="Navigation und Footer",
                              breaks=[[start + timedelta(minutes=40), start + timedelta(minutes=50)]], created=start,
                              updated=start + timedelta(minutes=50),
                              is_billable=task["project"]["isBillableByDefault"]))
    workspace = Workspace(
        user=_user(),
        types_of_work=types,
        projects=projects,
        tasks=tasks,
        entries=entries,
        assigned_task_ids=[t["id"] for t in tasks[::2]],
        settings=[
            {"type": "prevent-on-done-projects", "enabled": True, "dayCount": None},
            {"type": "allow-on-past-days", "enabled": False, "dayCount": None},
        ],
    )
    _add_rules_showcase(workspace, random.Random(seed + 1_000_003), now)
    return workspace


def _earlier_today(rng: random.Random, now: datetime, tasks: list[dict]) -> list[Record]:
    """Two finished entries in the hours before the demo's timer (from their own random stream,
    so the ids above stay as they were): a design session and a call with a note."""
    made = []
    for task, minutes_ago, minutes, note in ((tasks[8], 255, 50, None), (tasks[1], 190, 95, "Hero-Bereich")):
        start = (now - timedelta(minutes=minutes_ago)).replace(second=0, microsecond=0)
        made.append(Record(new_id(rng), USER_ID, task["typeOfWorkId"], "Europe/Berlin", start, task["id"],
                           task["projectId"], note=note, end=start + timedelta(minutes=minutes), created=start,
                           is_billable=bool(task["project"]["isBillableByDefault"])))
    return made


def _add_rules_showcase(ws: Workspace, rng: random.Random, now: datetime) -> None:
    """What a real workspace has too: a project restricting its types of work, a done task,
    tasks whose type is archived or not allowed, and a closed project with history.

    Added last, from its own random stream, so the ids and history above stay as they were."""
    by_name = {t["name"]: t["id"] for t in ws.types_of_work}
    upkeep = _project(rng, "Wartungsvertrag 2024", "WART-2024")
    fair = _project(rng, "Sommerfest 2023", "FEST_23", status="closed")
    ws.projects += [upkeep, fair]
    ws.project_types[upkeep["id"]] = [by_name["Support"], by_name["Entwicklung"]]
    new = [
        _task(rng, "Sicherheitsupdates einspielen", upkeep, 3, by_name["Support"]),
        _task(rng, "Serverumzug planen", upkeep, 4, by_name["Design"]),  # not allowed in the project
        _task(rng, "Fahrt zum Kunden", upkeep, 5, by_name["Reisezeit (alt)"]),  # an archived type
        _task(rng, "Kick-off Protokoll", upkeep, 1, by_name["Support"], done=True),
        _task(rng, "Catering abrechnen", fair, 7, by_name["Projektmanagement"]),
    ]
    ws.tasks += new
    ws.assigned_task_ids += [t["id"] for t in new]
    # Worked on lately, but finished since: these must not come back as "recent".
    for days, task in ((2, new[3]), (3, new[4])):
        start = (now - timedelta(days=days)).replace(hour=7, minute=0, second=0, microsecond=0)
        ws.entries.append(Record(new_id(rng), USER_ID, task["typeOfWorkId"], "Europe/Berlin", start, task["id"],
                                 task["projectId"], end=start + timedelta(minutes=30), created=start))


def large_workspace(
    now: datetime | None = None, types: int = 50, tasks: int = 5000, entries: int = 2000, seed: int = 11
) -> Workspace:
    """A realistic big workspace for the benchmark and load tests."""
    rng = random.Random(seed)
    now = now or datetime.now(timezone.utc)
    tows = [{"id": new_id(rng), "name": f"Work type {i:02d}", "icon": None, "isArchived": False} for i in range(types)]
    projects = [_project(rng, f"Project {i:03d}", f"P{i:03d}", billable=i % 3 != 0) for i in range(tasks // 50 or 1)]
    words = ["Konzept", "review", "Entwurf", "deploy", "Abstimmung", "refactor", "Recherche", "test", "Layout", "budget"]
    task_list = []
    for i in range(tasks):
        project = projects[i % len(projects)]
        name = f"{rng.choice(words)} {rng.choice(words)} {i}"
        task_list.append(_task(rng, name, project, i + 1, tows[i % types]["id"]))
    history = _history(rng, now, task_list, tows, days=max(entries // 8, 1), count=entries)
    return Workspace(_user(), tows, projects, task_list, history, [t["id"] for t in task_list])


def _user() -> dict:
    return {
        "id": USER_ID,
        "firstName": "Carla",
        "lastName": "Creative",
        "workspace": {"id": WORKSPACE_ID, "name": "Demo Agentur", "url": "https://demo.awork.com"},
    }


def _history(rng, now, tasks, types, days: int, count: int | None = None) -> list[Record]:
    records = []
    total = count if count is not None else days * 3
    for i in range(total):
        day = now - timedelta(days=1 + (i * days) // max(total, 1))
        start = day.replace(hour=8 + (i % 8), minute=rng.choice([0, 15, 30, 45]), second=0, microsecond=0)
        task = rng.choice(tasks)
        records.append(
            Record(
                id=new_id(rng),
                user_id=USER_ID,
                type_of_work_id=task["typeOfWorkId"] or rng.choice(types)["id"],
                timezone="Europe/Berlin",
                start=start,
                task_id=task["id"],
                project_id=task["projectId"],
                end=start + timedelta(minutes=rng.choice([25, 45, 60, 90])),
                created=start,
                is_billable=bool(task["project"].get("isBillableByDefault")),
            )
        )
    return records
