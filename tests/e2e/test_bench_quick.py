"""The benchmark still runs end to end (a short run). It asserts that every figure was
measured, never a timing: timings are the benchmark's job, not a test's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]


def test_quick_benchmark_measures_every_figure(tmp_path):
    out = tmp_path / "bench.json"
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--out", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    figures = json.loads(out.read_text())["figures"]
    assert set(figures) == {
        "launch_to_icon_ms", "click_to_popover_ms", "keystroke_to_list_p95_ms", "enter_to_request_ms",
        "rss_after_idle_mib", "memory_growth_mib", "idle_cpu_percent", "wakeups_per_second", "requests_per_minute",
    }
    for name, figure in figures.items():
        assert isinstance(figure["median"], (int, float)), name
    assert figures["launch_to_icon_ms"]["bare_median"] > 0 and figures["rss_after_idle_mib"]["bare_median"] > 0
    assert "launch_to_icon_ms" in run.stdout  # the table was printed
