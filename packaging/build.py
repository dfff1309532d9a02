"""Build awork tray for distribution. One command per target, run from anywhere:

    python3 packaging/build.py wheel     dist/awork_tray-VERSION-py3-none-any.whl
    python3 packaging/build.py bundle    dist/awork-tray/ (PyInstaller onedir for this OS) and its archive:
                                         Linux dist/awork-tray-VERSION-linux-ARCH.tar.gz, Windows …-windows-ARCH.zip,
                                         macOS dist/awork tray.app and …-macos-ARCH.zip
    python3 packaging/build.py icons     build/icons/ (hicolor PNGs, .ico, .icns from the SVG)

`bundle` builds the wheel first and installs it with PyInstaller (the `build` extra) into its own
virtualenv, build/bundle-venv, so the bundle holds exactly what the wheel holds. Options:
--dist DIR and --work DIR move the output (default dist/) and the scratch space (default build/).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "packaging"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def run(*argv: str | Path, **kw) -> None:
    print("+", " ".join(map(str, argv)), flush=True)
    subprocess.run([str(a) for a in argv], check=True, **kw)


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def build_wheel(dist: Path) -> Path:
    dist.mkdir(parents=True, exist_ok=True)
    for old in dist.glob("awork_tray-*.whl"):
        old.unlink()
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", dist, ROOT)
    (wheel,) = dist.glob("awork_tray-*.whl")
    return wheel


def build_icons(out: Path, python: str | Path = sys.executable) -> Path:
    """Needs PySide6 (Qt draws them): the `bundle` target uses its own venv, `icons` this Python."""
    run(python, HERE / "icons.py", out)
    return out


def bundle_venv(work: Path, wheel: Path) -> Path:
    venv = work / "bundle-venv"
    if not venv_python(venv).exists():
        run(sys.executable, "-m", "venv", venv)
    python = venv_python(venv)
    run(python, "-m", "pip", "install", "--quiet", f"{wheel}[build]")
    # The same version number as last time would count as installed: always take this wheel.
    run(python, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", wheel)
    return python


def add_linux_share(onedir: Path, icons: Path) -> None:
    """What a desktop needs to list the app: the .desktop entry, AppStream metadata, the icons."""
    share = onedir / "share"
    shutil.copy2(HERE / "linux" / "com.awork.tray.desktop", _mkdir(share / "applications"))
    shutil.copy2(HERE / "linux" / "com.awork.tray.metainfo.xml", _mkdir(share / "metainfo"))
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor", dirs_exist_ok=True)


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def archive(dist: Path) -> Path:
    arch = platform.machine().lower().replace("amd64", "x86_64")
    if sys.platform.startswith("linux"):
        out = dist / f"awork-tray-{VERSION}-linux-{arch}.tar.gz"
        with tarfile.open(out, "w:gz") as tar:
            tar.add(dist / "awork-tray", arcname="awork-tray")
        return out
    if sys.platform == "darwin":
        out = dist / f"awork-tray-{VERSION}-macos-{arch}.zip"
        run("ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", dist / "awork tray.app", out)  # keeps symlinks
        return out
    return Path(shutil.make_archive(str(dist / f"awork-tray-{VERSION}-windows-{arch}"), "zip", dist, "awork-tray"))


def build_bundle(dist: Path, work: Path) -> Path:
    wheel = build_wheel(work / "wheel")
    python = bundle_venv(work, wheel)
    icons = build_icons(work / "icons", python)
    env = dict(os.environ, AWORK_TRAY_ICONS=str(icons))
    run(python, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", dist, "--workpath", work / "pyinstaller", HERE / "awork-tray.spec",
        env=env, cwd=work)  # not the repo: its tray_app/ (without resources) must not shadow the wheel's
    if sys.platform.startswith("linux"):
        add_linux_share(dist / "awork-tray", icons)
    return archive(dist)


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("target", choices=("wheel", "bundle", "icons"))
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="scratch folder (default: build/)")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    if args.target == "wheel":
        out = build_wheel(dist)
    elif args.target == "icons":
        out = build_icons(work / "icons")
    else:
        out = build_bundle(dist, work)
        print(f"bundle: {dist / 'awork-tray'} ({size_mb(dist / 'awork-tray'):.1f} MB unpacked)")
    print(f"{args.target}: {out} ({size_mb(out):.1f} MB) in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
