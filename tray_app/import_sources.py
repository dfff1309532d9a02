"""Drops the source text PySide6 reads for every module imported after it.

PySide6 (shibokensupport/feature.py, `feature_imported`) decides whether a newly imported module
uses PySide by reading its whole source with `inspect.getsource`, which keeps every file's lines in
`linecache` for the life of the process: about 8 MiB for the tray's imports (measured with
bench/memory_profile.py). Nothing of ours needs them; a traceback reads the lines it shows again.
So the tray drops them once a batch of imports is done (start-up, the popover's first build).
"""

from __future__ import annotations

import linecache


def release() -> None:
    linecache.clearcache()
