"""A global shortcut as the settings store it (Qt's portable text, "Ctrl+Alt+Shift+Space"), parsed
into modifiers and a key, with each key's code for X11, Windows, macOS and the XDG portal.

Qt's meaning of the modifier names is kept: on macOS "Ctrl" is ⌘ Command and "Meta" is ⌃ Control;
elsewhere "Meta" is the Windows/Super key. Pure Python, so the backends' logic is testable anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...i18n import translate

MODIFIERS = ("ctrl", "alt", "shift", "meta")
_MODIFIER_NAMES = {"ctrl": "ctrl", "control": "ctrl", "alt": "alt", "option": "alt", "shift": "shift",
                   "meta": "meta", "win": "meta", "super": "meta", "cmd": "ctrl", "command": "ctrl"}


@dataclass(frozen=True)
class Key:
    name: str  # Qt's portable name: "A", "F5", "Space", "PgUp", "/"
    x11: int  # X keysym
    windows: int | None  # virtual-key code; None: ask the keyboard layout (VkKeyScanW)
    mac: int | None  # kVK_* code (ANSI positions); None: no such key on a Mac keyboard
    xdg: str  # xkbcommon keysym name, for the portal's preferred trigger


_MAC_LETTERS = dict(zip("ASDFHGZXCVBQWERYT", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17], strict=False))
_MAC_LETTERS.update({"O": 0x1F, "U": 0x20, "I": 0x22, "P": 0x23, "L": 0x25, "J": 0x26, "K": 0x28, "N": 0x2D, "M": 0x2E})
_MAC_DIGITS = {"1": 0x12, "2": 0x13, "3": 0x14, "4": 0x15, "6": 0x16, "5": 0x17, "9": 0x19, "7": 0x1A, "8": 0x1C, "0": 0x1D}
_MAC_F = [0x7A, 0x78, 0x63, 0x76, 0x60, 0x61, 0x62, 0x64, 0x65, 0x6D, 0x67, 0x6F, 0x69, 0x6B, 0x71, 0x6A,
          0x40, 0x4F, 0x50, 0x5A]
_SPECIAL = [
    # name, keysym, VK, kVK, xkb name
    ("Space", 0x20, 0x20, 0x31, "space"),
    ("Tab", 0xFF09, 0x09, 0x30, "Tab"),
    ("Backspace", 0xFF08, 0x08, 0x33, "BackSpace"),
    ("Return", 0xFF0D, 0x0D, 0x24, "Return"),
    ("Enter", 0xFF8D, 0x0D, 0x4C, "KP_Enter"),
    ("Esc", 0xFF1B, 0x1B, 0x35, "Escape"),
    ("Ins", 0xFF63, 0x2D, 0x72, "Insert"),
    ("Del", 0xFFFF, 0x2E, 0x75, "Delete"),
    ("Home", 0xFF50, 0x24, 0x73, "Home"),
    ("End", 0xFF57, 0x23, 0x77, "End"),
    ("PgUp", 0xFF55, 0x21, 0x74, "Page_Up"),
    ("PgDown", 0xFF56, 0x22, 0x79, "Page_Down"),
    ("Left", 0xFF51, 0x25, 0x7B, "Left"),
    ("Up", 0xFF52, 0x26, 0x7E, "Up"),
    ("Right", 0xFF53, 0x27, 0x7C, "Right"),
    ("Down", 0xFF54, 0x28, 0x7D, "Down"),
    ("Pause", 0xFF13, 0x13, None, "Pause"),
    ("Print", 0xFF61, 0x2C, None, "Print"),
]
_PUNCTUATION = {  # char: (kVK on an ANSI keyboard, xkb name)
    "-": (0x1B, "minus"), "=": (0x18, "equal"), "[": (0x21, "bracketleft"), "]": (0x1E, "bracketright"),
    "\\": (0x2A, "backslash"), ";": (0x29, "semicolon"), "'": (0x27, "apostrophe"), ",": (0x2B, "comma"),
    ".": (0x2F, "period"), "/": (0x2C, "slash"), "`": (0x32, "grave"), "+": (None, "plus"),
}


def _build() -> dict[str, Key]:
    keys: dict[str, Key] = {}
    for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        keys[ch] = Key(ch, ord(ch.lower()), ord(ch), _MAC_LETTERS[ch], ch.lower())
    for ch in "0123456789":
        keys[ch] = Key(ch, ord(ch), ord(ch), _MAC_DIGITS[ch], ch)
    for n in range(1, 25):
        keys[f"F{n}"] = Key(f"F{n}", 0xFFBE + n - 1, 0x70 + n - 1, _MAC_F[n - 1] if n <= len(_MAC_F) else None, f"F{n}")
    for name, sym, vk, mac, xdg in _SPECIAL:
        keys[name.upper()] = Key(name, sym, vk, mac, xdg)
    for ch, (mac, xdg) in _PUNCTUATION.items():
        keys[ch] = Key(ch, ord(ch), None, mac, xdg)
    aliases = {"ESCAPE": "ESC", "INSERT": "INS", "DELETE": "DEL", "PAGEUP": "PGUP", "PAGEDOWN": "PGDOWN",
               "BACKSPACE": "BACKSPACE", "ENTER": "ENTER", "RETURN": "RETURN"}
    for alias, target in aliases.items():
        keys.setdefault(alias, keys[target])
    return keys


KEYS = _build()


class ChordError(ValueError):
    """Why a text cannot be a global shortcut, in the user's language (shown as it is in the settings)."""


@dataclass(frozen=True)
class Chord:
    modifiers: frozenset[str]
    key: Key

    @classmethod
    def parse(cls, text: str, shown: str | None = None) -> Chord:
        """'Ctrl+Alt+Shift+Space' -> Chord; raises ChordError for what cannot be a global shortcut.
        `shown`: how the shortcut reads to the user (Qt's native text, "Strg+A"), for the message."""
        text = text.strip()
        shown = shown or text
        if not text:
            raise ChordError(translate("Hotkeys", "No shortcut."))
        if "," in text.rstrip(","):
            raise ChordError(translate("Hotkeys", "{0} is a sequence of keys; a global shortcut is one chord, such as "
                                                  "Ctrl+Alt+K.").format(shown))
        if text.endswith("++") or text == "+":
            parts, key_name = text[:-2].split("+") if len(text) > 2 else [], "+"
        else:
            *parts, key_name = text.split("+")
        mods = set()
        for part in parts:
            mod = _MODIFIER_NAMES.get(part.strip().lower())
            if mod is None:
                raise ChordError(translate("Hotkeys", "{0} is not a modifier key (Ctrl, Alt, Shift or Meta).").format(
                    part.strip()))
            mods.add(mod)
        key = KEYS.get(key_name.strip().upper()) or KEYS.get(key_name.strip())
        if key is None:
            raise ChordError(translate("Hotkeys", "The key {0} cannot be used in a global shortcut.").format(
                key_name.strip()))
        if not mods - {"shift"} and not key.name.startswith("F"):
            # A letter (or Shift+letter) grabbed system-wide would stop it from being typed anywhere.
            raise ChordError(translate("Hotkeys", "{0} would stop working in every other program: add Ctrl, Alt or "
                                                  "Meta.").format(shown))
        return cls(frozenset(mods), key)

    def portable(self) -> str:
        order = [("ctrl", "Ctrl"), ("alt", "Alt"), ("shift", "Shift"), ("meta", "Meta")]
        return "+".join([label for mod, label in order if mod in self.modifiers] + [self.key.name])

    def xdg_trigger(self) -> str:
        """The XDG shortcuts spec form ("CTRL+ALT+SHIFT+space") the portal takes as preferred_trigger."""
        order = [("ctrl", "CTRL"), ("alt", "ALT"), ("shift", "SHIFT"), ("meta", "LOGO")]
        return "+".join([label for mod, label in order if mod in self.modifiers] + [self.key.xdg])
