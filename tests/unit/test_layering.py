"""Imports run one way: domain imports nothing of ours but itself, and neither domain nor api touches Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "tray_app"
QT = {"PySide6", "PyQt5", "PyQt6", "shiboken6", "qasync", "pytestqt"}


def imports(path: Path) -> list[str]:
    """Absolute module names imported by `path`, relative imports resolved against its package."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
                # `from . import x` may import a submodule x
                names += [module] + ([] if node.module else [f"{module}.{a.name}" for a in node.names])
            else:
                names.append(node.module)
    return names


def module_name(path: Path) -> str:
    """tray_app/api/auth/oauth.py -> tray_app.api.auth.oauth (a package's __init__ -> the package)."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def sources(layer: str) -> list[Path]:
    found = sorted((PACKAGE / layer).rglob("*.py"))
    assert found, f"no sources under tray_app/{layer}"
    return found


def test_import_resolution():
    assert "tray_app.domain.entities" in imports(PACKAGE / "domain" / "timer.py")
    assert "tray_app.domain.entities" in imports(PACKAGE / "api" / "parse.py")
    assert "tray_app" in imports(PACKAGE / "api" / "tls.py")  # `from .. import __version__`


@pytest.mark.parametrize("path", sources("domain") + sources("api"), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_qt(path):
    bad = [name for name in imports(path) if name.split(".")[0] in QT]
    assert not bad, f"{path.relative_to(PACKAGE.parent)} imports {bad}"


@pytest.mark.parametrize("path", sources("domain"), ids=lambda p: p.name)
def test_domain_is_stdlib_and_itself_only(path):
    bad = [
        name
        for name in imports(path)
        if not (name.split(".")[0] in sys.stdlib_module_names or name == "__future__"
                or name == "tray_app.domain" or name.startswith("tray_app.domain."))
    ]
    assert not bad, f"{path.relative_to(PACKAGE.parent)} imports {bad}"


@pytest.mark.parametrize("path", sources("api"), ids=lambda p: p.name)
def test_api_does_not_reach_up(path):
    up = ("tray_app.core", "tray_app.ui", "tray_app.app", "tray_app.composition", "tray_app.cli", "tray_app.demo")
    bad = [name for name in imports(path) if name.startswith(up)]
    assert not bad, f"{path.relative_to(PACKAGE.parent)} imports {bad}"


def test_importing_domain_and_api_loads_no_qt():
    modules = [module_name(p) for p in sources("domain") + sources("api")]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {sorted(QT)!r}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          cwd=PACKAGE.parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("path", sources("platform"), ids=lambda p: str(p.relative_to(PACKAGE / "platform")))
def test_platform_does_not_reach_up(path):
    # platform/ serves core and ui (single instance, hotkeys, autostart); it must not need them.
    up = ("tray_app.core", "tray_app.ui", "tray_app.app", "tray_app.composition", "tray_app.cli", "tray_app.demo",
          "tray_app.api")
    bad = [name for name in imports(path) if name.startswith(up)]
    assert not bad, f"{path.relative_to(PACKAGE.parent)} imports {bad}"


def test_the_instance_client_loads_no_qt_on_linux():
    # `awork-tray toggle` bound to a key must stay quick: no Qt on its way to the running tray.
    code = ("import sys, tray_app.cli, tray_app.platform.instance_client\n"
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {sorted(QT)!r}))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=PACKAGE.parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("path", sources("core"), ids=lambda p: p.name)
def test_core_does_not_import_qt(path):
    bad = [name for name in imports(path) if name.split(".")[0] in QT]
    assert not bad, f"{path.relative_to(PACKAGE.parent)} imports {bad}"


def test_importing_core_loads_no_qt():
    # The core serves the tray and the command line alike: a one-shot command never loads Qt.
    modules = [module_name(p) for p in sources("core")]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {sorted(QT)!r}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          cwd=PACKAGE.parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert "tray_app.core.commands" in modules and "tray_app.core.timer_actions" in modules
