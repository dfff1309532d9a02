"""Keeps PySide6 from holding the source text of every module imported after it.

PySide6 (shibokensupport/feature.py, `feature_imported`) decides whether a newly imported module
uses PySide by reading its whole source with `inspect.getsource`, which keeps every file's lines in
`linecache` for the life of the process: about 8 MiB for the tray's imports. Worse than the lines
themselves, they are small objects interleaved with the modules' own, so dropping them later
(`release`) leaves Python's memory arenas full of holes: the process stays ~8 MiB bigger than one
that never read them (bench/memory_profile.py live: 88 → 81 MiB).

`skip_source_reads` gives PySide6 the same answer from the module's loader, without linecache:
the text is read, searched and dropped at once. Nothing of ours needs the lines; a traceback
reads the ones it shows again.
"""

from __future__ import annotations

import linecache
import sys

_skipping = False


def skip_source_reads() -> None:
    """Call once PySide6 is imported, before the rest of the app is."""
    global _skipping
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return  # another PySide6 than the one this was written for: it keeps its own way
    feature._mod_uses_pyside = mentions_pyside
    _skipping = True


def mentions_pyside(module) -> bool:
    """What PySide6's own check answers (does the module's source mention PySide6?), with the
    same answer for modules without source (extension, frozen, bundled: False)."""
    try:
        source = module.__loader__.get_source(module.__name__)
    except Exception:  # no loader, or one that cannot give source: as inspect.getsource fails
        return False
    return bool(source) and "PySide6" in source


def release() -> None:
    """After a batch of imports: drops what PySide6 read into linecache, for a PySide6 whose check
    skip_source_reads could not replace (the holes it leaves are still better than the lines)."""
    if not _skipping:
        linecache.clearcache()
