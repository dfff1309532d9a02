"""The tray's own start, before its icon is painted: what it reads of its arguments and what it imports.

`awork-tray` (and `awork-tray --autostart` at login) skips building the full command-line parser
and loads nothing of ours the icon does not need (cli._tray_launch, app.run_tray): these tests keep
that quick path exactly as the parser would read the same arguments, and keep it quick.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tray_app.cli import TRAY_FLAGS, _tray_launch, build_parser

ROOT = Path(__file__).resolve().parents[2]


def _flag_lists():
    flags = sorted(TRAY_FLAGS)
    yield []
    for n in (1, 2, 3):
        yield from (list(p) for p in itertools.permutations(flags, n))
    yield ["--demo", "--demo", "-v", "--verbose", "--autostart", "--autostart"]


@pytest.mark.parametrize("argv", list(_flag_lists()), ids=lambda a: " ".join(a) or "(none)")
def test_a_plain_start_reads_its_flags_as_the_parser_does(argv):
    assert _tray_launch(argv) == build_parser().parse_args(argv)


@pytest.mark.parametrize("argv", [
    ["run"], ["show"], ["run", "--autostart"], ["--demo", "show"], ["status"], ["--dem"], ["--auto"], ["-vv"],
    ["--version"], ["-h"], ["--help"], ["--verbose=1"], ["-v", "run"], [""], ["--demo", "--"],
])
def test_anything_else_goes_to_the_parser(argv):
    # Abbreviations, commands, --help and mistakes: argparse's own answers and messages.
    assert _tray_launch(argv) is None


# Loaded by PySide6 itself (the bare icon has them too), or ours that the icon needs.
NOT_BEFORE_THE_ICON = ("tray_app.i18n", "tray_app.core", "tray_app.domain", "tray_app.storage", "tray_app.logs",
                       "tray_app.platform.desktop_entry", "json", "socket", "signal", "asyncio", "locale",
                       "PySide6.QtNetwork", "PySide6.QtSvg", "hashlib", "_hashlib")

PROBE = """
import os, sys
import tray_app.trace as trace

def mark(event):
    if event == "icon_shown":
        print("\\n".join(sorted(sys.modules)), flush=True)
        os._exit(0)

trace.mark = mark
from tray_app.cli import main
sys.exit(main([]))
"""


def test_the_icon_shows_before_the_rest_is_imported(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWORK_")}
    env.update(QT_QPA_PLATFORM="offscreen", AWORK_TRAY_CONFIG_DIR=str(tmp_path), XDG_RUNTIME_DIR=str(tmp_path / "run"))
    (tmp_path / "run").mkdir(mode=0o700)
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, cwd=ROOT, env=env)
    loaded = done.stdout.split()
    assert done.returncode == 0 and "tray_app.app" in loaded, done.stderr
    early = [m for m in loaded if m in NOT_BEFORE_THE_ICON or m.startswith(tuple(p + "." for p in NOT_BEFORE_THE_ICON))]
    assert not early, f"imported before the tray icon shows: {early}"
