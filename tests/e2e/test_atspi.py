"""What a screen reader meets: the popover and the settings window read through the real AT-SPI bus.

The demo tray runs under Xvfb on a private D-Bus session; atspi_probe.py (system Python, pyatspi)
reads its accessible tree and hears its focus events, as Orca would. Keys are typed with xdotool.
One app for the whole module (the checks only read, until the last popover check pauses the timer).

Checks marked xfail(strict=True) describe what issue 12 demands and other branches fix; they turn
into failures (XPASS) once the fix is merged, which is the sign to remove the mark.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from .atspi_reader import APP_ENV, ScreenReader, brief, find, missing, walk, window
from helpers import tray_state
from helpers.desktop import VirtualDesktop, missing_tools
from helpers.waiting import wait_for

pytestmark = pytest.mark.e2e

ARTIFACTS = Path(__file__).parent / "artifacts"
TIMEOUT = 20
STEP = 5  # one key press until its focus event

POPOVER = "Quick start"
SETTINGS = "Settings"
WINDOW_ROLES = {"frame", "window", "dialog"}
TEXT_ROLES = {"text", "entry"}
ROW = "Sitemap entwerfen, WEB-12, Website Relaunch"  # the demo's WEB-12, named as it is read out
ELAPSED = re.compile(r"^\d+:\d\d(:\d\d)?$")

PENDING = "fixed by popover12/windows12; lead removes on merge"
fixed_elsewhere = pytest.mark.xfail(strict=True, reason=PENDING)


class Session:
    def __init__(self, desktop: VirtualDesktop, reader: ScreenReader, config: Path, env: dict[str, str]):
        self.d = desktop
        self.reader = reader
        self.config = config
        self.env = env

    def timer(self) -> str | None:
        """The demo tray's timer state, as it answers over its socket."""
        return tray_state.timer(self.config, dict(self.d.env, **self.env), demo=True)

    def tree(self):
        tree = self.reader.tree()
        assert tree is not None, "the app is not on the AT-SPI bus"
        return tree

    def window(self, title: str):
        return self.reader.wait_tree(lambda t: window(t, title), TIMEOUT, f"the {title!r} window on the bus")

    def open_popover(self):
        """The popover, shown and focused (opened from the tray icon when it is not)."""
        if not self.d.find_windows(POPOVER):
            self.d.click_tray_icon(timeout=TIMEOUT)
        wid = self.d.find_window(POPOVER, timeout=TIMEOUT)
        self.d.focus_window(wid)
        return self.window(POPOVER)

    def press(self, *keys: str):
        """Press keys, then return the object the next focus event lands on."""
        count, _ = self.reader.focus()
        self.d.key(*keys)
        return self.reader.wait_focus(lambda n: True, count, STEP, f"focus to move after {keys}")[1]

    def tab_to(self, matches, key: str = "Tab", limit: int = 14):
        """Press `key` until the focus is on an object that `matches`; the objects passed on the way."""
        passed = []
        _, node = self.reader.focus()
        for _ in range(limit):
            if node and matches(node):
                return node, passed
            node = self.press(key)
            passed.append(node)
        raise AssertionError(f"{key} never reached it; passed: " + "; ".join(brief(n) for n in passed))


def _focus_in(title: str):
    return lambda n: title in ((n.get("window") or {}).get("name") or "")


@pytest.fixture(scope="module")
def session(request, tmp_path_factory):
    problems = missing_tools() + ([missing()] if missing() else [])
    if problems:
        # A skip would hide that this tier did not run; scripts/test.sh installs these.
        pytest.fail("AT-SPI e2e tools missing: " + ", ".join(problems))
    config = tmp_path_factory.mktemp("atspi")
    with VirtualDesktop(dbus="private", artifacts_dir=ARTIFACTS, artifact_prefix="atspi") as d:
        for name in ("AWORK_API_TOKEN", "AWORK_API_URL"):
            d.env.pop(name, None)
        with ScreenReader(d.env) as reader:
            env = {"AWORK_TRAY_CONFIG_DIR": str(config), "TZ": "Europe/Berlin", "LANG": "C.UTF-8",
                   "LC_ALL": "C.UTF-8", "LANGUAGE": "en", "QT_STYLE_OVERRIDE": "Fusion", **APP_ENV}
            d.launch([sys.executable, "-m", "tray_app", "--demo"], env=env)
            s = Session(d, reader, config, env)
            d.tray_icon_geometry(timeout=TIMEOUT)
            wait_for(lambda: tray_state.lists_loaded(config), TIMEOUT, what="demo lists loaded")
            wait_for(lambda: s.timer() == "running", TIMEOUT, what="the demo's running timer")
            failed_before = request.session.testsfailed
            yield s
            if request.session.testsfailed > failed_before:  # xfails do not count: only real failures
                d.save_failure_artifacts()


# -- the popover ---------------------------------------------------------------------------------

def test_the_popover_is_a_window(session):
    popover = session.open_popover()
    assert popover["role"] in WINDOW_ROLES, brief(popover)


def test_rows_are_read_as_task_key_project(session):
    popover = session.open_popover()
    session.d.screenshot(ARTIFACTS / "atspi-popover.png")
    lists = find(popover, "list", "^Tasks and types of work$")
    assert len(lists) == 1, [brief(n) for n in find(popover, "list")]
    rows = [n["name"] for n in lists[0]["children"] if n["role"] == "list item"]
    assert ROW + ", running" in rows, rows  # the demo's timer runs on it: the row says so
    tasks = [r for r in rows if ", " in r]  # the types of work have no key and no project
    assert len(tasks) >= 5 and all(re.fullmatch(r"[^,]+, [A-Z]+-\d+, [^,]+(, running)?", r) for r in tasks), tasks


def test_section_headers_are_not_list_items(session):
    popover = session.open_popover()
    rows = [n["name"] for n in find(popover, "list item") if n["name"]]
    assert not {"Recent tasks", "Types of work", "RECENT TASKS", "TYPES OF WORK"} & set(rows), rows


def test_the_timer_label_reads_the_elapsed_time(session):
    popover = session.open_popover()
    clocks = [n for n in find(popover, "label") if ELAPSED.match(n["name"])]
    assert len(clocks) == 1, [brief(n) for n in find(popover, "label")]
    assert clocks[0]["description"].startswith("Elapsed time"), brief(clocks[0])


def test_the_card_says_running_in_words(session):
    popover = session.open_popover()
    words = " ".join(n["name"] + " " + n["description"] for n in find(popover, "label"))
    assert re.search(r"\brunning\b", words, re.IGNORECASE), words


def test_the_more_button_names_what_its_menu_holds(session):
    popover = session.open_popover()
    buttons = find(popover, "push button", r"(?i)^more|menu")
    assert len(buttons) == 1, [brief(n) for n in find(popover, "push button")]
    name = buttons[0]["name"]
    # The demo needs no sign-in, so its menu holds Settings and Quit (signed in: Sign out too).
    assert re.fullmatch(r"More: Settings, Quit awork tray", name), name


def test_tab_goes_through_the_popover_in_reading_order(session):
    session.open_popover()
    start = session.tab_to(lambda n: n["name"] == "Search tasks and types of work", key="shift+Tab")[0]
    assert start["role"] in TEXT_ROLES and "editable" in start["states"], brief(start)
    expected = [
        ("the list or its row", lambda n: n["name"] == "Tasks and types of work"
         or (n.get("parent") or {}).get("name") == "Tasks and types of work"),
        ("the type of work", lambda n: n["role"] == "combo box"),
        ("the note", lambda n: n["role"] in TEXT_ROLES and n["name"] == "Note for the time entry"),
        ("when it started (a timer you forgot to start)",
         lambda n: n["role"] == "combo box" and n["description"].startswith("Started")),
        ("Pause", lambda n: n["role"] == "push button" and n["name"] in ("Pause timer", "Resume timer")),
        ("Stop", lambda n: n["role"] == "push button" and n["name"] == "Stop timer"),
        ("✎", lambda n: n["role"] == "push button" and n["name"] == "Edit timer"),
        # Buttons that expand today's entries (a disclosure, not a check box).
        ("today's total", lambda n: n["role"] == "push button" and n["name"].startswith("Tracked today")
         and "expandable" in n["states"]),
        ("this week's total", lambda n: n["role"] == "push button" and n["name"].startswith("Tracked this week")
         and "expandable" in n["states"]),
        ("⋯", lambda n: n["role"] == "push button" and re.search(r"(?i)^more|menu", n["name"])),
        ("the search again", lambda n: n["name"] == "Search tasks and types of work"),
    ]
    for what, matches in expected:
        node = session.press("Tab")
        assert _focus_in(POPOVER)(node), f"Tab to {what} left the popover: {brief(node)}"
        assert matches(node), f"Tab to {what} landed on {brief(node)}"


def test_tabbing_into_the_list_focuses_its_current_row(session):
    session.open_popover()
    session.tab_to(lambda n: n["name"] == "Search tasks and types of work", key="shift+Tab")
    node = session.press("Tab")
    assert node["role"] == "list item" and (node.get("parent") or {}).get("name") == "Tasks and types of work", \
        brief(node)


def test_pause_from_the_keyboard_keeps_the_focus_on_the_button(session):
    session.open_popover()
    session.tab_to(lambda n: n["name"] == "Pause timer")
    count, _ = session.reader.focus()  # the focus event that brought it to Pause
    session.d.key("space")
    wait_for(lambda: session.timer() == "paused", TIMEOUT, what="the pause applied")
    # Wait for the popover to show the paused timer, then look where the focus is.
    session.reader.wait_tree(lambda t: find(t, "push button", "^Resume timer$"), TIMEOUT, "the Resume button")
    session.d.screenshot(ARTIFACTS / "atspi-paused.png")
    # The focus may still be on its way (today: Resume -> Stop -> ⋯); where it ends is what counts.
    session.reader.wait_focus(lambda n: n["role"] == "push button" and n["name"] == "Resume timer", count - 1, STEP,
                              "the focus on the pressed button, now Resume")


# -- the settings window -------------------------------------------------------------------------

def _open_settings(session):
    """Through the ⋯ menu, with the keyboard: the menu is a popup, which Qt keeps out of the tree."""
    if window(session.tree(), SETTINGS):
        return session.window(SETTINGS)
    session.open_popover()
    session.tab_to(lambda n: n["role"] == "push button" and re.search(r"(?i)^more|menu", n["name"]))
    count, _ = session.reader.focus()
    session.d.key("space")
    session.tab_to(lambda n: n["role"] == "menu item" and n["name"].startswith("Settings"), key="Down", limit=6)
    session.d.key("Return")
    settings = session.window(SETTINGS)
    session.reader.wait_focus(_focus_in(SETTINGS), count, TIMEOUT, "the focus in the settings window")
    session.d.screenshot(ARTIFACTS / "atspi-settings.png")
    return settings


def test_the_settings_window_is_a_window(session):
    settings = _open_settings(session)
    assert settings["role"] in WINDOW_ROLES, brief(settings)


def test_settings_open_with_the_focus_on_nothing_that_records_keys(session):
    _open_settings(session)
    _, node = session.reader.focus()
    assert _focus_in(SETTINGS)(node) and node["name"] not in ("Open quick start", "Pause/resume or continue"), \
        brief(node)


def test_a_shortcut_field_is_an_editable_field_with_its_chord_and_status(session):
    _open_settings(session)
    field = session.tab_to(lambda n: n["name"] == "Open quick start" and _focus_in(SETTINGS)(n))[0]
    assert field["role"] in TEXT_ROLES and "editable" in field["states"], brief(field)
    assert field["text"] == "Ctrl+Alt+Shift+Space", brief(field)  # the default chord, nothing recorded
    # Its description is the status line the window shows for it now (focused: "Press a chord…").
    session.reader.wait_tree(
        lambda t: any(n["role"] == "label" and n["name"] == field["description"] for n in walk(window(t, SETTINGS))),
        TIMEOUT, "a visible status label equal to the field's description")
