"""The Python route: the build says nothing, the wheel holds every module, icon and translation, and
installed into a fresh virtualenv its `awork-tray` runs the tray (Xvfb + trayer) and answers
`status --json` through it."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT, run_logged, smoke

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(900)]


# PEP 517's hooks as a frontend calls them, one process each (as pip does). argv: the backend, a
# hook (build_wheel, build_editable, build_sdist, get_requires_for_build_…), the folder or file for
# its answer.
HOOKS = """
import importlib, json, sys
backend = importlib.import_module(sys.argv[1])
hook, out = sys.argv[2], sys.argv[3]
if hook.startswith("get_requires_"):  # optional hooks
    with open(out, "w") as file:
        json.dump(getattr(backend, hook, lambda: [])(), file)
else:
    getattr(backend, hook)(out)
"""


def build_output(project: Path, work: Path) -> str:
    """All the build backend prints while building `project`'s wheel, editable wheel and sdist."""
    system = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]
    venv.create(work / "venv", with_pip=True)
    python = work / "venv" / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    run_logged([python, "-m", "pip", "install", "--quiet", *system["requires"]], work / "pip.log", timeout=300,
               cwd=work)
    printed = []
    for kind in ("wheel", "editable", "sdist"):
        requires = work / f"requires-{kind}.json"
        run_logged([python, "-c", HOOKS, system["build-backend"], f"get_requires_for_build_{kind}", requires],
                   work / f"requires-{kind}.log", timeout=120, cwd=project)
        if extra := json.loads(requires.read_text()):
            run_logged([python, "-m", "pip", "install", "--quiet", *extra], work / f"pip-{kind}.log", timeout=300,
                       cwd=work)
        (work / kind).mkdir()
        # Python's warnings as errors: a deprecation must not pass just because nothing printed it.
        build = subprocess.run([python, "-W", "error", "-c", HOOKS, system["build-backend"], f"build_{kind}",
                                work / kind], cwd=project, capture_output=True, text=True, timeout=300, check=False)
        printed.append(build.stdout + build.stderr)
        if build.returncode != 0:
            printed.append(f"(build_{kind} exited {build.returncode})")
    return "".join(printed)


def test_building_prints_nothing(tmp_path):
    """pip shows a backend's output only with -v, so its warnings stay hidden until a newcomer looks
    (`pip install -v .` printed ~150 lines of them from setuptools): ask the backend itself."""
    assert build_output(ROOT, tmp_path) == ""


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
             "from tray_app.resource_files import resource_file;"
             "assert resource_file() == res, resource_file();"  # what the app reads: the package, too
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
