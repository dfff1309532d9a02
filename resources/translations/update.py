"""Update the translations after changing strings in the code:

    .venv/bin/python resources/translations/update.py

1. pyside6-lupdate collects every self.tr(...), QCoreApplication.translate(...), QT_TRANSLATE_NOOP(...)
   and tray_app.i18n translate(...) call under tray_app/ into awork_tray_de.ts. New strings arrive
   as type="unfinished"; strings no longer in the code are dropped.
2. Translate them in Qt Linguist (pyside6-linguist awork_tray_de.ts) or in the XML directly.
3. Run this again: pyside6-lrelease compiles the .ts into awork_tray_de.qm, which ships.

tests/unit/test_translations.py fails while a string lacks its German or the .qm is stale.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGUAGES = ("de",)


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease of this Python's PySide6 (the venv's, not whatever is on PATH)."""
    scripts = Path(sys.executable).parent
    for candidate in (scripts / name, scripts / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found:
        return found
    raise FileNotFoundError(f"{name} not found; install PySide6-Essentials into this Python")


def lupdate(ts: Path, language: str) -> None:
    # No source locations: the .ts then changes only when strings change, not when code moves.
    subprocess.run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    "-extensions", "py", "-source-language", "en", "-target-language", language,
                    str(ROOT / "tray_app"), "-ts", str(ts)], check=True, cwd=ROOT)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT)


def main() -> int:
    os.chdir(ROOT)
    for language in LANGUAGES:
        ts, qm = HERE / f"awork_tray_{language}.ts", HERE / f"awork_tray_{language}.qm"
        lupdate(ts, language)
        lrelease(ts, qm)
        unfinished = ts.read_text(encoding="utf-8").count('type="unfinished"')
        print(f"{ts.name}: {unfinished} string(s) still to translate" if unfinished else f"{qm.name}: up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
