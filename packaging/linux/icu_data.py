"""A smaller libicudata for the Linux bundle: ICU's data, less what Qt never asks ICU for.

Qt's wheels link ICU, whose data library (31 MB) is the largest file in the bundle. Qt takes its
locale data (number, date and language names) from CLDR tables compiled into QtCore and does its own
text boundaries, so of ICU's data it needs the Unicode properties, normalization and collation.
This keeps those, and of the per-locale trees only root, German and English (the app's languages;
any other locale falls back to root, as ICU does for a locale it does not have), and drops the
legacy-charset converters (Qt uses UTF-8 on Linux), the transliterators, the number spell-out rules
and the Thai/CJK word-break dictionaries.

It needs `icupkg` (Debian: icu-devtools), `readelf` (binutils) and a C compiler; without them the
bundle keeps the full data and the build says so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

KEEP_LANGS = ("de", "en")
LOCALE_ITEM = re.compile(r"(?:^|/)([a-z]{2,3})(?:_[A-Za-z0-9_]*)?\.res$")  # af.res, coll/zh_Hant.res, coll/es_.res
DROP_TREES = ("translit/", "rbnf/")


def droppable(item: str) -> bool:
    """Whether an item of the ICU data package (as `icupkg -l` lists it) goes."""
    if item.endswith(".cnv") or item.endswith(".dict") or item.startswith(DROP_TREES):
        return True
    if item.rsplit("/", 1)[-1] in ("res_index.res", "pool.res", "root.res"):  # each tree's index and shared strings
        return False
    match = LOCALE_ITEM.search(item)
    return bool(match) and match.group(1) not in KEEP_LANGS


def missing_tools() -> list[str]:
    return [tool for tool in ("icupkg", "readelf", "cc") if shutil.which(tool) is None]


def _symbol_bytes(library: Path) -> tuple[str, bytes]:
    """The name and bytes of the icudtNN_dat symbol (the whole data package) in libicudata."""
    symbols = subprocess.run(["readelf", "-Ws", str(library)], check=True, capture_output=True, text=True).stdout
    # Num: Value Size Type Bind Vis Ndx Name
    match = re.search(r"\s([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+(icudt\d+_dat)\b",
                      symbols)
    if not match:
        raise ValueError(f"{library}: no icudt*_dat symbol")
    value, size, section, name = int(match[1], 16), int(match[2], 0), int(match[3]), match[4]
    sections = subprocess.run(["readelf", "-SW", str(library)], check=True, capture_output=True, text=True).stdout
    row = re.search(rf"\[\s*{section}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections)
    if not row:
        raise ValueError(f"{library}: no section {section}")
    offset = value - int(row[1], 16) + int(row[2], 16)
    return name, library.read_bytes()[offset:offset + size]


def trim(library: Path, workdir: Path) -> Path:
    """Build the smaller library in workdir (same file name and soname) and return its path."""
    workdir.mkdir(parents=True, exist_ok=True)
    symbol, data = _symbol_bytes(library)
    # icupkg names the items inside after the file (icudt73l/…, l = little-endian): both keep that name.
    package = f"{symbol[:-4]}l.dat"
    full = workdir / "full" / package
    full.parent.mkdir(exist_ok=True)
    full.write_bytes(data)
    items = subprocess.run(["icupkg", "-l", str(full)], check=True, capture_output=True, text=True).stdout.split()
    drop = workdir / "drop.txt"
    drop.write_text("\n".join(i for i in items if droppable(i)) + "\n")
    small = workdir / package
    # --ignore-deps: root's word-break rules name the dictionaries; ICU falls back without them.
    subprocess.run(["icupkg", "--ignore-deps", "-r", str(drop), str(full), str(small)], check=True, capture_output=True)
    assembly = workdir / "icudata.s"
    # The data must stay 16-byte aligned; .incbin keeps the bytes exactly as icupkg wrote them.
    assembly.write_text(f"""    .section .rodata
    .globl {symbol}
    .type {symbol}, @object
    .balign 16
{symbol}:
    .incbin "{small}"
    .size {symbol}, . - {symbol}
    .section .note.GNU-stack,"",@progbits
""")
    out = workdir / library.name
    subprocess.run(["cc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(out), str(assembly)],
                   check=True, capture_output=True)
    return out
