"""terminal_text: what the command line prints of awork's words holds no terminal instructions."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tray_app.logs import REDACTOR
from tray_app.terminal_text import MAX_LINE, for_terminal, json_text


def controls(text: str) -> list[str]:
    return [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F
            or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"]


@pytest.mark.parametrize("raw, shown", [
    ("\x1b[31mred\x1b[0m", "red"),
    ("\x1b[1;38;5;196mbold\x1b[m", "bold"),
    ("a\x1b]0;new title\x07b", "ab"),  # window title (OSC 0), BEL-terminated
    ("\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\", "link"),  # hyperlink (OSC 8), ST-terminated
    ("\x1b]52;c;ZXZpbA==\x07x", "x"),  # clipboard write (OSC 52)
    ("\x1bPqdcs\x1b\\after", "after"),
    ("\x9b2Jc1", "c1"),  # 8-bit CSI
    ("\x1b[2J\x1b[Hclear", "clear"),
    ("un\x1b", "un"),  # a dangling escape
    ("abc\rxyz", "abc\nxyz"),  # no carriage return overwriting the line
    ("tab\tok\nnext", "tab\tok\nnext"),
    ("\u202eevil\u2066x\u2069", "evilx"),
    ("ä ö ü ß € 漢字 🙂", "ä ö ü ß € 漢字 🙂"),
])
def test_escape_sequences_and_controls_are_removed(raw, shown):
    assert for_terminal(raw) == shown


def test_long_text_is_shortened():
    text = for_terminal("x" * 100_000 + "\n" + "line\n" * 500)
    assert len(text.split("\n")[0]) == MAX_LINE + 1 and text.split("\n")[0].endswith("…")
    assert len(text) < MAX_LINE + 60 * 6
    assert len(for_terminal("x" * 100_000, limit=None)) == 100_000


def test_a_known_token_is_never_printed():
    secret = "sk-live-4f9c1e2d7a"
    REDACTOR.add_secret(secret)
    shown = for_terminal(f"awork says: {secret} is wrong; Bearer abc.def.ghi; refresh_token=r-123456")
    assert secret not in shown and "abc.def.ghi" not in shown and "r-123456" not in shown


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_nothing_a_terminal_acts_on_survives(text):
    assert controls(for_terminal(text)) == []


@settings(max_examples=300, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                    max_leaves=10))
def test_json_text_is_lossless_and_printable(value):
    text = json_text(value)
    assert controls(text) == []
    assert json.loads(text) == value
    assert for_terminal(text, limit=None) == text or REDACTOR.redact(text) != text
