"""The popover on a small screen (800×600), a timer running and today's entries open, more of them
than there is room for, in English and German: the entries give up rows and scroll; the search,
the options row, the totals, the timer's buttons and the footer keep their full height, no text
is cut, nothing overlaps, and the popover stays on the screen. Grabs go to tests/ui/artifacts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .grabs import ARTIFACTS

ROOT = Path(__file__).resolve().parents[2]
SMALL = {"screens": [{"name": "small", "x": 0, "y": 0, "width": 800, "height": 600,
                      "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_today_s_entries_scroll_and_leave_the_rest_whole_on_a_small_screen(tmp_path, lang):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SMALL))
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"popover-small-screen-day-entries-{lang}.png"
    # The screen's size is read once, at start: a process of its own.
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests")]))
    run = subprocess.run([sys.executable, "-m", "tests.ui.small_screen_popover", lang, str(shot)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads(run.stdout.splitlines()[-1])
    assert report["avail"] == [800, 600] and report["entries_shown"]
    assert report["on_screen"], f"the popover is {report['size']} on a screen of {report['avail']}"
    assert report["problems"] == []
    squashed = [f for f in report["fixed"] if f["height"] < f["hint"]]
    assert squashed == [], "these lost height to today's entries"
    scroll = report["entries_scroll"]
    assert scroll is not None and scroll["content"] > scroll["seen"] > 0, "today's entries did not give up rows"
    assert scroll["bar_shown"] and scroll["bar_max"] > 0, "the entries out of view cannot be scrolled to"
    assert report["last_continue_in_view"], "Tab reached the last Continue, but it stayed out of view"
