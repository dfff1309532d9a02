"""The icons and translations are found in a checkout that was never installed, as well as in an
install (tests/packaging covers the wheel and the bundle, where they are the package tray_app.resources)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# -I -S: no site-packages (so no install of ours, editable or not, can answer), no PYTHONPATH, no
# current folder on sys.path; only the standard library and the checkout, put first by hand. What
# runs here (the resource lookup, the non-Qt translator) needs nothing else.
CHECKOUT_ONLY = [sys.executable, "-I", "-S", "-c"]
PRELUDE = f"import sys; sys.path.insert(0, {str(ROOT)!r}); "


def run_in_bare_checkout(code: str) -> str:
    result = subprocess.run([*CHECKOUT_ONLY, PRELUDE + code], check=False, capture_output=True, text=True,
                            timeout=60, cwd=ROOT.parent, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_checkout_without_installing_finds_icons_and_translations():
    out = run_in_bare_checkout(
        "import importlib.util, tray_app;"
        "from tray_app import i18n;"
        "from tray_app.resource_files import resource_file;"
        "assert importlib.util.find_spec('tray_app.resources') is None;"  # nothing maps the folder in
        "assert i18n.use('de') == 'de';"
        "print(tray_app.__file__);"
        "print(resource_file('icons', 'tray-idle.svg'));"
        "print(i18n.translate('Busy', 'Starting…'))")
    package, icon, translated = out.splitlines()
    assert Path(package).parent == ROOT / "tray_app"
    assert Path(icon) == ROOT / "resources" / "icons" / "tray-idle.svg"
    assert translated != "Starting…"  # the German catalogue was read


def test_every_consumer_reads_the_same_folder():
    from tray_app import i18n
    from tray_app.platform.desktop_entry import icon_file
    from tray_app.resource_files import resource_file
    from tray_app.ui.icons import icon_path

    folder = resource_file()
    assert folder.is_dir() and (folder / "icons").is_dir() and (folder / "translations").is_dir()
    assert Path(icon_path("tray-idle.svg")) == folder / "icons" / "tray-idle.svg"
    assert Path(icon_file()) == folder / "icons" / "awork-tray.svg"
    assert i18n.qm_file("de") == folder / "translations" / "awork_tray_de.qm"
    assert i18n.qm_file("de").is_file()
