"""Timestamps for the benchmark (bench/run.py): written only when AWORK_TRAY_TRACE names a file.

Off, it costs one dictionary lookup at import and a falsy check per call.
"""

from __future__ import annotations

import os
import time

_PATH = os.environ.get("AWORK_TRAY_TRACE")


def enabled() -> bool:
    return bool(_PATH)


def mark(event: str) -> None:
    if not _PATH:
        return
    # A JSON line written by hand: the first marks come before the icon is painted, and importing
    # json there would be timed as part of the start. Event names are plain words (no escaping).
    with open(_PATH, "a", encoding="utf-8") as handle:
        handle.write(f'{{"event": "{event}", "t": {time.time()!r}}}\n')
