"""The X11 backends load libxcb (and libc, libxcb-screensaver) by their sonames: ctypes.util's search
runs ldconfig in a subprocess and parses its whole output (~5 ms each, at every start), so it is
only the fallback for a system whose library goes by another name."""

from __future__ import annotations

import ctypes
import ctypes.util

import pytest

from tray_app.platform import xcb


def test_a_library_is_loaded_by_its_soname_without_searching(monkeypatch):
    loaded = []
    monkeypatch.setattr(ctypes, "CDLL", lambda name: loaded.append(name) or name)
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: pytest.fail("searched"))
    assert xcb.load_library("libxcb.so.1", "xcb") == "libxcb.so.1"
    assert loaded == ["libxcb.so.1"]


def test_another_name_is_searched_for_when_the_soname_does_not_load(monkeypatch):
    def cdll(name):
        if name == "libxcb.so.1":
            raise OSError("libxcb.so.1: cannot open shared object file")
        return name

    monkeypatch.setattr(ctypes, "CDLL", cdll)
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: f"lib{name}.so.2" if name == "xcb" else None)
    assert xcb.load_library("libxcb.so.1", "xcb") == "libxcb.so.2"


def test_a_library_found_nowhere_raises_the_loaders_error(monkeypatch):
    def cdll(name):
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(ctypes, "CDLL", cdll)
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    with pytest.raises(OSError, match=r"libxcb-screensaver\.so\.0"):
        xcb.load_library("libxcb-screensaver.so.0", "xcb-screensaver")
