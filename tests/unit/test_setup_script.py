"""scripts/setup.sh: demo.sh and test.sh share one install, and a second run of either does no pip work.

setup.sh runs from a copy of the checkout's scripts/ and pyproject.toml, against a virtualenv whose
`python` only writes down the pip commands it is given (and, like a real install, leaves the
`awork-tray` command behind), so no network and no real install are needed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FAKE_PYTHON = """#!/bin/sh
echo "$*" >> "$(dirname "$0")/../pip-calls"
case "$*" in *"install -q -e"*) touch "$(dirname "$0")/awork-tray"; chmod +x "$(dirname "$0")/awork-tray";; esac
"""


@pytest.fixture
def checkout(tmp_path) -> Path:
    copy = tmp_path / "checkout"
    shutil.copytree(ROOT / "scripts", copy / "scripts")
    shutil.copy2(ROOT / "pyproject.toml", copy / "pyproject.toml")
    python = tmp_path / "venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(FAKE_PYTHON)
    python.chmod(0o755)
    return copy


def ensure_venv(checkout: Path, extra: str = "") -> list[str]:
    """What demo.sh (no extra) or test.sh (extra "test") asks of setup.sh; returns the pip commands run."""
    venv = checkout.parent / "venv"
    calls = venv / "pip-calls"
    calls.unlink(missing_ok=True)
    subprocess.run(["bash", "-c", f'source scripts/setup.sh && ensure_venv "{extra}"'], cwd=checkout, check=True,
                   env={"PATH": "/usr/bin:/bin", "AWORK_TRAY_VENV": str(venv)}, capture_output=True, timeout=30)
    return calls.read_text().splitlines() if calls.exists() else []


def installed(calls: list[str]) -> list[str]:
    """What the pip commands installed (editable), e.g. ["/…/checkout[test]"]."""
    return [call.split(" -e ", 1)[1] for call in calls if " install " in call and " -e " in call]


def test_demo_after_the_tests_installs_nothing(checkout):
    assert installed(ensure_venv(checkout, "test")) == [f"{checkout}[test]"]
    assert ensure_venv(checkout) == []
    assert ensure_venv(checkout, "test") == []


def test_the_tests_after_the_demo_add_their_extra_once(checkout):
    assert installed(ensure_venv(checkout)) == [str(checkout)]
    assert ensure_venv(checkout) == []
    assert installed(ensure_venv(checkout, "test")) == [f"{checkout}[test]"]
    assert ensure_venv(checkout, "test") == []
    assert ensure_venv(checkout) == []


def test_a_changed_pyproject_reinstalls_once_and_keeps_the_test_extra(checkout):
    ensure_venv(checkout, "test")
    with open(checkout / "pyproject.toml", "a") as file:
        file.write("\n# a new dependency, say\n")
    assert installed(ensure_venv(checkout)) == [f"{checkout}[test]"]
    assert ensure_venv(checkout, "test") == []
