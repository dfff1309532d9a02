"""Settings and the workload cache: round trips, defaults, damage tolerance, private files."""

from __future__ import annotations

import stat

import pytest

from tray_app.core.cache import WorkloadCache
from tray_app.core.settings import Settings, SettingsFile
from tray_app.domain.entities import (
    Project,
    Task,
    TrackingRules,
    TrackingSetting,
    TypeOfWork,
    User,
    Workload,
    Workspace,
)

from helpers.unwritable import read_only_folder


def test_settings_round_trip_and_private(tmp_path):
    store = SettingsFile(tmp_path / "cfg")
    assert store.load() == Settings()
    changed = Settings().replace(oauth_client_id="abc", autostart=True, hotkey_toggle="")
    store.save(changed)
    assert store.load() == changed
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700


def test_settings_ignore_unknown_keys_wrong_types_and_damage(tmp_path):
    store = SettingsFile(tmp_path)
    store.path.write_text('{"autostart": "yes", "from_the_future": 1, "language": "de"}')
    assert store.load() == Settings(language="de")
    store.path.write_text("{not json")
    assert store.load() == Settings()
    store.path.write_text("[1, 2]")
    assert store.load() == Settings()


def test_cache_round_trip_per_api_url(tmp_path):
    user = User("u1", "Carla", "Creative", Workspace("w1", "Demo", None))
    project = Project("p1", "Website Relaunch", "WEB")
    workload = Workload(
        types_of_work=(TypeOfWork("t1", "Design"),),
        recent_tasks=(Task("k1", "Sitemap entwerfen", "WEB-12", project, "t1"),),
        known_tasks=(Task("k2", "SEO audit", "WEB-15", project, None, False),
                     Task("k3", "Stand", "FAIR-1", Project("p2", "Fair", "FAIR", is_closed=True), "t1", True)),
        rules=TrackingRules((TrackingSetting("prevent-on-done-projects", True),
                             TrackingSetting("allow-on-past-days", True, 7))),
    )
    cache = WorkloadCache(tmp_path, "https://api.awork.com/api/v1")
    cache.save(user, workload)
    assert cache.load() == (user, workload)
    other = WorkloadCache(tmp_path, "http://127.0.0.1:9/api/v1")
    assert other.load() == (None, Workload())  # a different awork never sees this data


def test_cached_tasks_share_one_object_per_project(tmp_path):
    # Thousands of cached tasks name a few hundred projects: loading must not make one each.
    project = Project("p1", "Website Relaunch", "WEB")
    workload = Workload(recent_tasks=(Task("k1", "Sitemap", project=project),),
                        known_tasks=(Task("k2", "SEO audit", project=project), Task("k3", "Menu", project=project)))
    cache = WorkloadCache(tmp_path, "https://api.awork.com/api/v1")
    cache.save(None, workload)
    _, loaded = cache.load()
    [first], (second, third) = loaded.recent_tasks, loaded.known_tasks
    assert first.project == project and first.project is second.project is third.project


def test_damaged_cache_is_ignored(tmp_path):
    cache = WorkloadCache(tmp_path, "x")
    cache.path.write_text('{"version": 1, "types_of_work": [{"nope": 1}]}')
    assert cache.load() == (None, Workload())


@pytest.mark.parametrize("content", [
    "null", "[]", "42", '"text"', '{"version": 1, "user": {"id": "u1", "first_', "\udcff",
    '{"version": 1, "user": []}', '{"version": 1, "user": {"id": 7, "first_name": "A", "last_name": "B"}}',
    '{"version": 1, "user": {"id": "u", "first_name": null, "last_name": "B"}}',
    '{"version": 1, "user": {"id": "u", "first_name": "A", "last_name": "B", "workspace": "w"}}',
    '{"version": 1, "types_of_work": null}', '{"version": 1, "types_of_work": {"id": "t"}}',
    '{"version": 1, "types_of_work": [null]}', '{"version": 1, "types_of_work": [{"id": "t", "name": 5}]}',
    '{"version": 1, "types_of_work": [{"id": "t", "name": "n", "is_archived": "false"}]}',
    '{"version": 1, "recent_tasks": [{"id": "k", "name": "n", "project": "p"}]}',
    '{"version": 1, "recent_tasks": [{"id": "k", "name": "n", "project": {"id": "p", "name": null}}]}',
    '{"version": 1, "known_tasks": [{"id": "k", "name": "n", "is_done": 1}]}',
    '{"version": 1, "known_tasks": [{"id": "k", "name": "n", "key": ["x"]}]}',
    '{"version": 1, "known_tasks": "all"}',
], ids=lambda c: c[:40])
def test_any_damaged_cache_is_ignored_and_rebuilt(tmp_path, content):
    cache = WorkloadCache(tmp_path, "x")
    cache.path.write_text(content, encoding="utf-8", errors="surrogateescape")
    assert cache.load() == (None, Workload())
    user = User("u1", "Carla", "Creative", None)
    cache.save(user, Workload(types_of_work=(TypeOfWork("t1", "Design"),)))
    assert cache.load() == (user, Workload(types_of_work=(TypeOfWork("t1", "Design"),)))


@pytest.mark.parametrize("content", [b'{"language": "de", "hotkey_toggle": "Ctr', b"[1, 2]", b"null", b"\xff{}"],
                         ids=["truncated", "a-list", "null", "not-utf8"])
def test_damaged_settings_are_kept_aside_and_survive_a_later_save(tmp_path, content):
    store = SettingsFile(tmp_path)
    store.path.write_bytes(content)
    assert store.load() == Settings()
    kept = store.damaged
    assert kept is not None and kept.name.startswith("settings.damaged-") and kept.suffix == ".json"
    assert kept.read_bytes() == content and str(kept) in store.problem
    store.save(Settings(language="fr"))
    assert kept.read_bytes() == content and store.load() == Settings(language="fr")
    assert SettingsFile(tmp_path).load() == Settings(language="fr") and SettingsFile(tmp_path).problem is None


def test_a_second_damage_keeps_the_first_copy(tmp_path):
    kept = []
    for content in (b"{first", b"{second"):
        store = SettingsFile(tmp_path)
        store.path.write_bytes(content)
        store.load()
        kept.append(store.damaged)
    assert [p.read_bytes() for p in kept] == [b"{first", b"{second"]


def test_damaged_settings_in_a_read_only_folder_still_start_with_defaults(tmp_path):
    with read_only_folder(tmp_path / "cfg", prepare=lambda p: (p / "settings.json").write_bytes(b"{trunc")) as place:
        store = SettingsFile(place.path)
        assert store.load() == Settings() and store.problem
        with pytest.raises(OSError):
            store.save(Settings(language="de"))
        assert (place.path / "settings.json").read_bytes() == b"{trunc"
