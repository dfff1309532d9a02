"""The app's Python as an installed copy has it: every module already compiled to bytecode.

pip compiles a package's modules when it installs it, and Python writes the bytecode of anything
else at the first launch, so at every login but the first the app's modules load from `.pyc`
files. A checkout does not have them, and a shell with PYTHONDONTWRITEBYTECODE set (as this
project's development machines are) never writes them: each launch would compile ~150 modules
from source (tens of ms, and the compiler's garbage left in the process's memory), which no user
pays. The bare icon's modules (PySide6, the standard library) come compiled already.
"""

from __future__ import annotations

import compileall
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def as_installed() -> None:
    """Compile the app's modules, and let the launched processes write bytecode as users' do.
    Call before the desktop (and its environment) is made."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(ROOT / "tray_app", quiet=1)
