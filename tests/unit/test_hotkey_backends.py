"""Hotkey logic for every OS, with the OS calls replaced: chords, Windows, macOS, the fallbacks."""

from __future__ import annotations

import ctypes

import pytest

from tray_app.platform.hotkeys import create_backend, macos, windows
from tray_app.platform.hotkeys.base import ACTIVE, OFF, UNAVAILABLE, Binding, NoHotkeys
from tray_app.platform.hotkeys.chord import Chord


@pytest.mark.parametrize("text, mods, key, xdg", [
    ("Ctrl+Alt+Shift+Space", {"ctrl", "alt", "shift"}, "Space", "CTRL+ALT+SHIFT+space"),
    ("Ctrl+Alt+Shift+P", {"ctrl", "alt", "shift"}, "P", "CTRL+ALT+SHIFT+p"),
    ("Meta+F9", {"meta"}, "F9", "LOGO+F9"),
    ("Ctrl++", {"ctrl"}, "+", "CTRL+plus"),
    ("Alt+PgDown", {"alt"}, "PgDown", "ALT+Page_Down"),
    ("F12", set(), "F12", "F12"),
])
def test_parse(text, mods, key, xdg):
    chord = Chord.parse(text)
    assert chord.modifiers == mods and chord.key.name == key and chord.xdg_trigger() == xdg
    assert Chord.parse(chord.portable()) == chord


@pytest.mark.parametrize("text", ["", "A", "Shift+A", "Ctrl+K, Ctrl+C", "Hyper+A", "Ctrl+Alt+Ä"])
def test_what_cannot_be_a_global_shortcut(text):
    with pytest.raises(ValueError):
        Chord.parse(text)


class FakeUser32:
    def __init__(self, taken=()):
        self.registered: dict[int, tuple[int, int]] = {}
        self.taken = set(taken)
        self.error = 0

    def RegisterHotKey(self, hwnd, number, mods, vk):
        if (mods & ~windows.MOD_NOREPEAT, vk) in self.taken:
            self.error = windows.ERROR_HOTKEY_ALREADY_REGISTERED
            return 0
        self.registered[number] = (mods, vk)
        return 1

    def UnregisterHotKey(self, hwnd, number):
        del self.registered[number]
        return 1

    def VkKeyScanW(self, ch):
        return {ord("/"): 0xBF, ord("+"): 0x1BB}.get(ch, -1)


def _windows(taken=()):
    user32, pressed, statuses, filters = FakeUser32(taken), [], {}, []
    backend = windows.WindowsHotkeys(pressed.append, statuses.__setitem__, user32=user32,
                                     last_error=lambda: user32.error, install_filter=filters.append)
    return backend, user32, pressed, statuses, filters


def _message(kind: int, wparam: int) -> tuple[object, int]:
    msg = windows._MSG(None, kind, wparam, 0, 0, 0, 0)
    return msg, ctypes.addressof(msg)


def test_windows_registers_and_the_filter_delivers_wm_hotkey():
    backend, user32, pressed, statuses, filters = _windows()
    backend.bind([Binding("quick_start", "Quick", "Ctrl+Alt+Shift+Space"), Binding("toggle", "T", "Meta+Ctrl+/")])
    assert statuses == {"quick_start": ACTIVE_S, "toggle": ACTIVE_S}
    mods = {n: v for n, v in user32.registered.items()}
    assert sorted(mods.values()) == sorted([
        (windows.MOD_CONTROL | windows.MOD_ALT | windows.MOD_SHIFT | windows.MOD_NOREPEAT, 0x20),
        (windows.MOD_WIN | windows.MOD_CONTROL | windows.MOD_NOREPEAT, 0xBF),  # "/" where the layout has it
    ])
    (event_filter,) = filters
    number = next(n for n, v in mods.items() if v[1] == 0x20)
    _msg, address = _message(windows.WM_HOTKEY, number)
    assert event_filter.nativeEventFilter(b"windows_generic_MSG", address) == (True, 0)
    assert pressed == ["quick_start"]
    _other, address = _message(0x0100, number)  # WM_KEYDOWN: not ours
    assert event_filter.nativeEventFilter(b"windows_generic_MSG", address) == (False, 0)
    _stray, address = _message(windows.WM_HOTKEY, 7)  # another program's id
    assert event_filter.nativeEventFilter(b"windows_generic_MSG", address) == (False, 0)
    backend.bind([])
    assert user32.registered == {}


def test_windows_says_when_the_chord_is_taken():
    backend, _user32, _pressed, statuses, _ = _windows(taken={(windows.MOD_CONTROL | windows.MOD_ALT | windows.MOD_SHIFT, ord("P"))})
    backend.bind([Binding("toggle", "T", "Ctrl+Alt+Shift+P"), Binding("quick_start", "Q", "")])
    assert statuses["toggle"].state == UNAVAILABLE and "already uses Ctrl+Alt+Shift+P" in statuses["toggle"].message
    assert statuses["quick_start"].state == OFF


ACTIVE_S = __import__("tray_app.platform.hotkeys.base", fromlist=["HotkeyStatus"]).HotkeyStatus(ACTIVE)


class FakeCarbon:
    def __init__(self, taken=()):
        self.taken = set(taken)
        self.registered = {}
        self.handler = None

    def GetApplicationEventTarget(self):
        return 4242

    def InstallEventHandler(self, target, handler, count, spec, user, out):
        self.handler, self.spec = handler, spec._obj
        return 0

    def RegisterEventHotKey(self, code, mods, hkid, target, options, out):
        if (code, mods) in self.taken:
            return macos.EVENT_HOTKEY_EXISTS_ERR
        self.registered[hkid.id] = (code, mods, hkid.signature)
        out._obj.value = 1000 + hkid.id
        return 0

    def UnregisterEventHotKey(self, ref):
        self.registered.pop(ref.value - 1000)
        return 0

    def GetEventParameter(self, event, name, kind, out_type, size, out_size, out):
        assert (name, kind) == (macos.K_EVENT_PARAM_DIRECT_OBJECT, macos.TYPE_EVENT_HOTKEY_ID)
        signature, number = self.events[event]
        out._obj.signature, out._obj.id = signature, number
        return 0


def test_macos_carbon_registration_and_events():
    carbon, pressed, statuses = FakeCarbon(taken={(0x23, macos.CMD_KEY | macos.OPTION_KEY | macos.SHIFT_KEY)}), [], {}
    backend = macos.MacHotkeys(pressed.append, statuses.__setitem__, carbon=carbon)
    assert (carbon.spec.eventClass, carbon.spec.eventKind) == (macos.fourcc(b"keyb"), macos.K_EVENT_HOTKEY_PRESSED)
    backend.bind([Binding("quick_start", "Q", "Ctrl+Alt+Shift+Space"), Binding("toggle", "T", "Ctrl+Alt+Shift+P"),
                  Binding("other", "O", "Meta+Shift+K")])
    assert statuses["quick_start"].state == ACTIVE and statuses["other"].state == ACTIVE
    assert statuses["toggle"].state == UNAVAILABLE  # ⌘⌥⇧P taken by another app
    codes = sorted(v[:2] for v in carbon.registered.values())
    # Qt's Ctrl is ⌘, Meta is ⌃ on a Mac
    assert codes == sorted([(0x31, macos.CMD_KEY | macos.OPTION_KEY | macos.SHIFT_KEY),
                            (0x28, macos.CONTROL_KEY | macos.SHIFT_KEY)])
    number = next(n for n, v in carbon.registered.items() if v[0] == 0x31)
    carbon.events = {1: (macos.SIGNATURE, number), 2: (macos.fourcc(b"xxxx"), number)}
    assert carbon.handler(None, 1, None) == 0  # through the real C callback
    carbon.handler(None, 2, None)  # someone else's hotkey id
    assert pressed == ["quick_start"]
    backend.bind([])
    assert carbon.registered == {}


def test_the_same_chord_twice_is_refused_for_the_second():
    backend, user32, _pressed, statuses, _ = _windows()
    backend.bind([Binding("quick_start", "Open quick start", "Ctrl+Alt+Shift+P"), Binding("toggle", "T", "Ctrl+Alt+Shift+P")])
    assert statuses["quick_start"].state == ACTIVE
    assert statuses["toggle"].state == UNAVAILABLE and "Open quick start" in statuses["toggle"].message
    assert len(user32.registered) == 1


def test_backend_choice():
    noop = lambda *a: None  # noqa: E731
    assert create_backend(noop, noop, platform="linux", environ={}).name == "none"
    assert create_backend(noop, noop, platform="linux", environ={"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}).name == "portal"
    broken = create_backend(noop, noop, platform="linux", environ={"DISPLAY": ":4711"})  # no such X server
    assert broken.name == "none"
    statuses = {}
    NoHotkeys(statuses.__setitem__, "No way.").bind([Binding("a", "A", "Ctrl+A"), Binding("b", "B", "")])
    assert statuses["a"].state == UNAVAILABLE and statuses["a"].message == "No way." and statuses["b"].state == OFF


@pytest.fixture
def german():
    from tray_app import i18n

    i18n.use("de")
    yield
    i18n.use("en")


@pytest.mark.parametrize("text, german_words", [
    ("A", "in jedem anderen Programm"),
    ("Ctrl+K, Ctrl+C", "Tastenfolge"),
    ("Hyper+A", "keine Zusatztaste"),
    ("Ctrl+Alt+Ä", "kann nicht"),
])
def test_every_rejection_reason_is_translated(german, text, german_words):
    with pytest.raises(ValueError) as caught:
        Chord.parse(text)
    assert german_words in str(caught.value)


def test_the_chord_backends_say_why_in_the_users_language(german):
    from tray_app.platform.hotkeys.base import ChordBackend

    statuses = {}

    class Registering(ChordBackend):
        def register(self, hotkey_id, chord):
            return None

        def unregister_all(self):
            pass

    backend = Registering(lambda _id: None, statuses.__setitem__)
    backend.bind([Binding("quick_start", "Schnellstart", "Ctrl+Alt+K"), Binding("toggle", "Pause", "Ctrl+Alt+K"),
                  Binding("other", "Anderes", "Shift+A")])
    assert statuses["toggle"].state == UNAVAILABLE and "bereits für „Schnellstart“" in statuses["toggle"].message
    assert "in jedem anderen Programm" in statuses["other"].message and ": " not in statuses["other"].message[:8]
