"""At 2x scale (QT_SCALE_FACTOR=2) the popover is wholly on the available screen, never larger."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_popover_fits_the_available_screen_when_scaled(tmp_path):
    # A 1280x720 screen at 2x is 640x360 logical pixels: less than the popover's natural height.
    screens = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 720,
                            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(screens))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR="2",
               PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests")]))
    out = subprocess.run([sys.executable, "-m", "tests.ui.scaled_popover"], check=False, env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    ax, ay, aw, ah = result["avail"]
    for name in ("none", "bottom-icon"):
        x, y, w, h = result[name]
        assert w <= aw and h <= ah, (name, result)  # never larger than the screen
        assert ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah, (name, result)
