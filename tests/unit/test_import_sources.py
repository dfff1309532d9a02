"""PySide6's check of each imported module keeps no source lines once the tray skips its source reads,
and gives the same answers as PySide6's own check."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = ["tray_app.ui.tray", "tray_app.core.state", "json.decoder"]

PROBE = """
import json, linecache, sys
import PySide6.QtCore
from tray_app import import_sources
if sys.argv[1] == "skip":
    import_sources.skip_source_reads()
before = set(linecache.cache)
import importlib
for name in {modules!r}:
    importlib.import_module(name)
feature = sys.modules["shibokensupport.feature"]
print(json.dumps({{
    "answers": {{name: v for name, v in feature.pyside_feature_dict.items() if name.startswith("tray_app")}},
    "cached": sorted(set(linecache.cache) - before),
}}))
"""


def probe(mode: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE.format(modules=MODULES), mode], capture_output=True, text=True,
                         cwd=ROOT, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_no_source_lines_kept_and_the_same_answers():
    own, skipped = probe("pyside"), probe("skip")
    assert own["cached"], "PySide6 no longer reads sources into linecache: skip_source_reads may go"
    assert skipped["cached"] == []
    assert skipped["answers"] == own["answers"]
    # What PySide6 is told about (the modules `from x import y` reaches) includes both kinds.
    assert skipped["answers"]["tray_app.ui.icons"] == 0  # uses PySide6
    assert skipped["answers"]["tray_app.domain.entities"] == -1  # does not


def test_a_module_without_source_does_not_use_pyside():
    from tray_app.import_sources import mentions_pyside

    class NoSource:
        __name__ = "frozen_thing"

        class __loader__:
            @staticmethod
            def get_source(_name):
                return None

    assert mentions_pyside(NoSource()) is False
    assert mentions_pyside(object()) is False  # no loader at all
