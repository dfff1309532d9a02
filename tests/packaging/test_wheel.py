"""The Python route: the wheel holds every module, icon and translation, and installed into a fresh
virtualenv its `awork-tray` runs the tray (Xvfb + trayer) and answers `status --json` through it."""

from __future__ import annotations

import subprocess
import zipfile

import pytest

from .conftest import ROOT, smoke

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(900)]


def test_the_wheel_holds_every_module_icon_and_translation(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / "tray_app").rglob("*.py")}
    assert sources - names == set(), "modules missing from the wheel (is a subpackage left out?)"
    resources = {"tray_app/resources/" + p.relative_to(ROOT / "resources").as_posix()
                 for pattern in ("icons/*.svg", "translations/*.qm", "__init__.py")
                 for p in (ROOT / "resources").glob(pattern)}
    assert resources - names == set()
    assert "tray_app/resources/icons/awork-tray.svg" in names
    assert not [n for n in names if n.startswith(("tests/", "packaging/", "resources/"))]


def test_installed_in_a_fresh_venv_it_finds_its_resources(wheel_venv, tmp_path):
    check = ("import importlib.resources as r, tray_app, sys;"
             "res = r.files('tray_app.resources');"
             "icons = sorted(p.name for p in (res / 'icons').iterdir());"
             "assert 'awork-tray.svg' in icons and 'tray-idle.svg' in icons, icons;"
             "print(tray_app.__file__)")
    out = subprocess.run([wheel_venv / "python", "-c", check], cwd=tmp_path, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert str(wheel_venv.parent) in out.stdout  # the installed copy, not the checkout
    version = subprocess.run([wheel_venv / "awork-tray", "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("awork-tray ")


@pytest.mark.e2e
def test_the_installed_awork_tray_runs_in_the_tray(wheel_venv, virtual_desktop, tmp_path):
    status = smoke(virtual_desktop, [str(wheel_venv / "awork-tray")], tmp_path, tmp_path)
    assert status["state"] in ("idle", "running", "paused")
