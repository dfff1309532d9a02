"""Reading one field of awork's JSON, whatever shape it arrives in.

Every parser reads through these, so a string where a flag belongs, a list where an object
belongs or an infinite number is judged the same way everywhere: the field counts as absent
(or its default), never as something it does not say ("false" is not true), and never raises.
"""

from __future__ import annotations

import math
from typing import Any

_TRUE = ("true", "1")
_FALSE = ("false", "0")


def obj(value: Any) -> dict:
    """`value` if it is a JSON object, else an empty one."""
    return value if isinstance(value, dict) else {}


def items(value: Any) -> list:
    """`value` if it is a JSON array, else an empty one (an object or a number is no list)."""
    return value if isinstance(value, list) else []


def text(data: dict, key: str) -> str | None:
    """A non-empty string, else None (a number or an object is not text)."""
    value = data.get(key)
    return value if isinstance(value, str) and value != "" else None


def flag(data: dict, key: str, default: bool | None = False) -> bool | None:
    """true/false, the strings "true"/"false" (any case) or 0/1; anything else is `default`."""
    value = data.get(key)
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    return default


def number(data: dict, key: str) -> float | None:
    """A finite number (a flag is not a number), else None."""
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        result = float(value)
    except OverflowError:  # an integer beyond any float
        return None
    return result if math.isfinite(result) else None
