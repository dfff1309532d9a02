"""Builds shared by the packaging tests: the wheel, a fresh virtualenv with it, the PyInstaller bundle.

Each is built once per test session, the same way a person would (packaging/build.py), into a
temporary folder. The bundle's own build virtualenv stays in build/bundle-venv (git-ignored), so a
second run reuses it; pip's download cache makes a fresh one quick too.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import venv
from pathlib import Path

import pytest

from helpers import tray_state
from helpers.desktop import virtual_desktop
from helpers.waiting import wait_for

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "packaging" / "build.py"
APP_ID = "com.awork.tray"


def run_logged(argv: list, log: Path, timeout: float, cwd: Path | None = None) -> float:
    """Run argv with its output in log; fail with the log's end if it fails. Returns the seconds taken."""
    started = time.monotonic()
    with open(log, "w") as out:
        result = subprocess.run([str(a) for a in argv], stdout=out, stderr=subprocess.STDOUT, timeout=timeout,
                                cwd=cwd, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        pytest.fail(f"{' '.join(map(str, argv))} exited {result.returncode}:\n{log.read_text()[-4000:]}")
    return time.monotonic() - started


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    run_logged([sys.executable, BUILD, "wheel", "--dist", out], out / "build.log", timeout=300)
    (found,) = out.glob("awork_tray-*.whl")
    return found


@pytest.fixture(scope="session")
def wheel_venv(wheel, tmp_path_factory) -> Path:
    """A new virtualenv with nothing but the wheel and what it depends on; returns its bin folder."""
    folder = tmp_path_factory.mktemp("wheel-venv")
    venv.create(folder / "venv", with_pip=True)
    bin_dir = folder / "venv" / "bin"
    run_logged([bin_dir / "python", "-m", "pip", "install", "--quiet", wheel], folder / "pip.log", timeout=600,
               cwd=folder)  # not the repo: its tray_app/ must not be what gets imported
    return bin_dir


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    """dist/ of `packaging/build.py bundle`: the onedir awork-tray/ and its .tar.gz."""
    dist = tmp_path_factory.mktemp("bundle")
    run_logged([sys.executable, BUILD, "bundle", "--dist", dist], dist / "build.log", timeout=900)
    return dist


def smoke(desktop, argv: list[str], config_dir: Path, artifacts: Path) -> dict:
    """Start `argv --demo` on the virtual desktop; its icon must show in the tray, drawn (the SVG
    icon engine is there), and `argv --demo status --json` must answer through it. Returns the status."""
    env = {"AWORK_TRAY_CONFIG_DIR": str(config_dir), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    desktop.launch([*argv, "--demo"], env=env, cwd=config_dir)
    geometry = desktop.tray_icon_geometry(timeout=30)
    from PySide6.QtGui import QImage

    def colours() -> int:
        image = QImage(str(desktop.screenshot(artifacts / "tray-icon.png", crop=geometry)))
        return len({image.pixel(x, y) for x in range(image.width()) for y in range(image.height())})

    # An icon Qt could not draw (no SVG icon engine) stays one flat colour.
    wait_for(lambda: colours() > 8, 15, interval=0.5, what="the tray icon to be drawn")
    full = dict(desktop.env, **env)
    wait_for(lambda: tray_state.answers(config_dir, full, demo=True), 20, what="the tray's socket")
    # Pause the tray's demo timer: a demo of the command's own (not through the tray) would run.
    paused = tray_state.ask(config_dir, full, "pause", demo=True)
    assert paused is not None and paused["exit"] == 0, paused
    result = subprocess.run([*argv, "--demo", "status", "--json"], env=full, cwd=config_dir,
                            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    assert status["state"] == "paused", "status did not go through the running tray"
    return status
