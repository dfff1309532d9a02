"""The PyInstaller onedir bundle for Linux: small, complete (every library it links is there or is a
system library), only the Qt pieces the app uses, and it runs the tray and answers `status --json`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import tomllib

import pytest

from .conftest import APP_ID, ROOT, smoke

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(900),
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle")]

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
MAX_MB = 120  # unpacked; Electron trackers are 200+ MB
UNUSED_QT = re.compile(r"Qt6(Qml|Quick|WebEngine|Pdf|OpenGL|Multimedia|3D|VirtualKeyboard|Designer|Charts)")


def files(folder):
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]


def test_small_enough(bundle):
    unpacked = sum(p.stat().st_size for p in files(bundle / "awork-tray")) / 1e6
    archive = bundle / f"awork-tray-{VERSION}-linux-{os.uname().machine}.tar.gz"
    assert unpacked <= MAX_MB, f"{unpacked:.1f} MB unpacked"
    assert archive.stat().st_size / 1e6 < unpacked / 2
    with tarfile.open(archive) as tar:
        assert tar.getmember("awork-tray/awork-tray").mode & 0o111


def test_it_holds_the_app_its_icons_and_the_desktop_files(bundle):
    onedir = bundle / "awork-tray"
    internal = onedir / "_internal"
    for source in (ROOT / "resources").glob("*/*"):
        if source.suffix in (".svg", ".png", ".qm"):
            assert (internal / "tray_app" / "resources" / source.relative_to(ROOT / "resources")).is_file(), source
    share = onedir / "share"
    assert (share / "applications" / f"{APP_ID}.desktop").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in (16, 22, 24, 32, 48, 64, 128, 256):
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()


def test_only_the_qt_pieces_the_app_uses(bundle):
    internal = bundle / "awork-tray" / "_internal"
    names = [p.relative_to(internal).as_posix() for p in files(internal)]
    assert not [n for n in names if UNUSED_QT.search(n)]
    plugins = {n.split("/plugins/")[1] for n in names if "/plugins/" in n}
    assert {"platforms/libqxcb.so", "platforms/libqwayland.so", "iconengines/libqsvgicon.so",
            "imageformats/libqsvg.so"} <= plugins
    assert not {p for p in plugins if p.split("/")[0] in ("xcbglintegrations", "egldeviceintegrations", "tls",
                                                         "generic", "sqldrivers", "qmltooling")}
    # Qt's own translations only for the languages the app speaks (German, and what resources/ adds).
    qt_catalogs = [n for n in names if n.endswith(".qm") and n.startswith("PySide6/")]
    assert "PySide6/Qt/translations/qtbase_de.qm" in qt_catalogs
    assert all(re.fullmatch(r"PySide6/Qt/translations/qtbase_[a-z]{2,3}\.qm", n) for n in qt_catalogs)
    assert len(qt_catalogs) <= 1 + len(list((ROOT / "resources").glob("translations/*.qm")))


# Not bundled when the build machine lacks them, and always there where they are used: a Wayland
# session has libwayland-*.
FROM_THE_DESKTOP = re.compile(r"^libwayland-")


def test_every_library_it_links_is_found(bundle):
    internal = bundle / "awork-tray" / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}")
    missing = {}
    for path in files(internal):
        if path.suffix == ".so" or ".so." in path.name:
            out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
            if "not found" in out:
                lost = {line.split()[0] for line in out.splitlines() if "not found" in line}
                if lost := {lib for lib in lost if not FROM_THE_DESKTOP.match(lib)}:
                    missing[path.name] = sorted(lost)
    assert missing == {}


@pytest.mark.e2e
def test_the_bundle_runs_in_the_tray(bundle, virtual_desktop, tmp_path):
    exe = bundle / "awork-tray" / "awork-tray"
    version = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"awork-tray {VERSION}"
    status = smoke(virtual_desktop, [str(exe)], tmp_path, tmp_path)
    assert status["state"] in ("idle", "running", "paused")
