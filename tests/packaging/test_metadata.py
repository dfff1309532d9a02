"""The files the bundles carry for desktops and OSes: valid by their own tools, and agreeing with the
app (its id, its command, its version)."""

from __future__ import annotations

import ast
import configparser
import plistlib
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET

import pytest
import yaml

from tray_app.platform.desktop_entry import APP_ID, launch_command

from .conftest import ROOT

pytestmark = pytest.mark.packaging

PACKAGING = ROOT / "packaging"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:  # a skip would hide that the check never ran; scripts/test.sh installs it
        pytest.fail(f"{name} not found (Debian package {package})")
    return path


def test_desktop_entry_is_valid_and_runs_the_app():
    path = PACKAGING / "linux" / f"{APP_ID}.desktop"
    result = subprocess.run([tool("desktop-file-validate", "desktop-file-utils"), str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(path, encoding="utf-8")
    main = entry["Desktop Entry"]
    assert (main["Exec"], main["Icon"], main["Type"]) == ("awork-tray", APP_ID, "Application")
    actions = [entry[f"Desktop Action {a}"]["Exec"] for a in main["Actions"].strip(";").split(";")]
    assert actions == ["awork-tray show", "awork-tray toggle"]


def test_appstream_metadata_is_valid_and_current():
    path = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
    result = subprocess.run([tool("appstreamcli", "appstream"), "validate", "--no-net", "--strict", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    root = ET.parse(path).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.find("releases/release").get("version") == VERSION  # add a <release> when the version changes


def test_macos_info_plist_hides_the_dock_icon():
    info = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
    assert info["LSUIElement"] is True
    assert info["CFBundleIdentifier"] == APP_ID
    assert info["CFBundleExecutable"] == "awork-tray"


def test_windows_version_resource():
    sys.path.insert(0, str(PACKAGING / "windows"))
    try:
        from version_info import version_file_text, version_tuple
    finally:
        sys.path.remove(str(PACKAGING / "windows"))
    assert version_tuple("1.2.3") == (1, 2, 3, 0) and version_tuple("0.1.0rc1+local") == (0, 1, 0, 1)
    text = version_file_text(VERSION)
    tree = ast.parse(text, mode="eval")  # PyInstaller evaluates it as a Python expression
    calls = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call)}
    assert {"VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct"} <= calls
    assert f"filevers={version_tuple(VERSION)}" in text and f"'ProductVersion', '{VERSION}'" in text


def test_windows_login_starts_the_windowed_exe_not_its_console_twin():
    assert launch_command(environ={}, executable="C:/awork-tray/awork-tray-cli.exe", frozen=True,
                          platform="win32") == ["C:/awork-tray/awork-tray.exe"]
    assert launch_command(environ={}, executable="C:/awork-tray/awork-tray.exe", frozen=True,
                          platform="win32") == ["C:/awork-tray/awork-tray.exe"]


def test_flatpak_manifest_grants_what_the_tray_needs_and_no_more():
    manifest = yaml.safe_load((PACKAGING / "flatpak" / f"{APP_ID}.yml").read_text())
    assert manifest["id"] == APP_ID and manifest["command"] == "awork-tray"
    assert {"runtime", "runtime-version", "sdk", "modules"} <= set(manifest)
    assert sorted(manifest["finish-args"]) == sorted([
        "--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--share=network",
        "--talk-name=org.kde.StatusNotifierWatcher",  # the tray icon
        "--talk-name=org.freedesktop.Notifications",
        "--talk-name=org.freedesktop.secrets",  # the keychain
    ])
    app = manifest["modules"][-1]
    assert app["name"] == "awork-tray" and app["sources"] == [{"type": "dir", "path": "../.."}]
    top = (PACKAGING / "flatpak" / app["sources"][0]["path"]).resolve()
    assert top == ROOT
    for command in app["build-commands"]:
        if command.startswith("install "):  # install -Dm644 SOURCE DEST: every source exists
            source = command.split()[2]
            assert (top / source).is_file(), source
    assert any(f"share/applications/{APP_ID}.desktop" in c for c in app["build-commands"])
    assert any(f"share/metainfo/{APP_ID}.metainfo.xml" in c for c in app["build-commands"])
