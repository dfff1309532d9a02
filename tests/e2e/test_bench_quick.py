"""The benchmark still runs end to end (a short run). It asserts that every figure was
measured, for the app and for the bare icon, never a timing: timings are the benchmark's job,
not a test's."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]

FIGURES = {
    "launch_to_docked_ms", "launch_to_painted_ms", "click_to_popover_ms", "keystroke_to_list_p95_ms",
    "enter_to_request_ms", "rss_small_mib", "pss_small_mib", "threads_small", "rss_5000_tasks_extra_mib",
    "pss_5000_tasks_extra_mib", "memory_growth_mib", "idle_cpu_percent", "wakeups_per_second", "requests_per_minute",
}
NUMBERS = ("value", "min", "max", "bare", "bare_min", "bare_max", "ratio")


def test_quick_benchmark_measures_every_figure(tmp_path):
    out = tmp_path / "bench.json"
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--out", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    results = json.loads(out.read_text())
    figures = results["figures"]
    assert set(figures) == FIGURES
    for name, figure in figures.items():
        for key in NUMBERS:
            if key in figure:
                assert isinstance(figure[key], (int, float)) and math.isfinite(figure[key]), (name, key, figure)
        assert figure["met"] in (True, False, None), name
        assert figure["label"] in run.stdout, name  # the table was printed

    # Launches: the app's and the bare icon's, in turns, each painted no sooner than docked.
    launches = results["launches"]
    assert len(launches["app"]) == len(launches["bare"]) == 3
    for run_ in launches["app"] + launches["bare"]:
        assert 0 < run_["docked_ms"] <= run_["painted_ms"], run_
    for name in ("launch_to_docked_ms", "launch_to_painted_ms"):
        assert figures[name]["bare"] > 0 and figures[name]["n"] == 3, name
    assert figures["launch_to_painted_ms"]["value"] >= figures["launch_to_docked_ms"]["value"]
    assert figures["launch_to_painted_ms"]["bare"] >= figures["launch_to_docked_ms"]["bare"]

    # Memory and threads of the bare icon and of the app, with a small and a large workspace.
    for who in ("bare", "small", "large"):
        alone = results["alone"][who]
        assert alone["rss_mib"] > 0 and alone["pss_mib"] > 0 and alone["threads"] >= 1, who
    for name in ("rss_small_mib", "pss_small_mib", "threads_small"):
        assert figures[name]["bare"] > 0, name
