"""Text from awork made safe to print on a terminal.

A task name, a note or an error description is data, not instructions to the terminal: an
escape sequence in it could recolour, retitle or clear the screen, plant a link, or hide what
follows. Everything the command line prints goes through `for_terminal`, which removes escape
sequences and other control characters, masks any token a server echoed back, and shortens
what no one would read on a terminal anyway.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .logs import REDACTOR

MAX_LINE = 1000  # characters of one printed line, e.g. a status with a huge note
MAX_LINES = 50

# Escape sequences whole (so no "[31m" is left behind): CSI, OSC (ended by BEL or ST, or not
# at all), DCS/SOS/PM/APC strings, and two-character escapes; with 7-bit and 8-bit introducers.
_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# What remains that a terminal acts on: C0 (but tab and newline), DEL, C1, and the bidi
# overrides and isolates that reorder what is shown ("Trojan source").
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def for_terminal(text: Any, *, limit: int | None = MAX_LINE) -> str:
    """`text` as it may be printed; `limit=None` keeps every line whole (JSON for scripts)."""
    text = _LINE_BREAKS.sub("\n", str(text))
    text = _CONTROLS.sub("", _SEQUENCES.sub("", text))
    text = REDACTOR.redact(text)
    if limit is None:
        return text
    lines = text.split("\n")
    shown = [line if len(line) <= limit else line[:limit] + "…" for line in lines[:MAX_LINES]]
    if len(lines) > MAX_LINES:
        shown.append("…")
    return "\n".join(shown)


def json_text(value: Any) -> str:
    """JSON for `status --json`: unchanged data, but every character `for_terminal` would remove
    written as a \\u escape, so the printed line holds no control character and loses nothing."""
    text = json.dumps(value, ensure_ascii=False)
    return _CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", _LINE_BREAKS.sub(
        lambda m: "".join(f"\\u{ord(c):04x}" for c in m.group()), text))
