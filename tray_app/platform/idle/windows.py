"""Windows: GetLastInputInfo, the tick count of the last input, against GetTickCount.

Both tick counts are 32-bit milliseconds since boot (sleep included) and wrap after 49.7 days;
the difference is taken modulo 2**32, as Microsoft's documentation advises.
"""

from __future__ import annotations

import ctypes

from .base import IdleUnavailable


class LASTINPUTINFO(ctypes.Structure):
    _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint32)]


class WindowsIdle:
    name = "Windows (GetLastInputInfo)"

    def __init__(self, *, user32=None, kernel32=None):
        if user32 is None:
            user32, kernel32 = ctypes.WinDLL("user32"), ctypes.WinDLL("kernel32")
            kernel32.GetTickCount.restype = ctypes.c_uint32
        self.user32, self.kernel32 = user32, kernel32

    async def idle_seconds(self) -> float:
        info = LASTINPUTINFO(ctypes.sizeof(LASTINPUTINFO), 0)
        if not self.user32.GetLastInputInfo(ctypes.byref(info)):
            raise IdleUnavailable("GetLastInputInfo failed")
        return ((self.kernel32.GetTickCount() - info.dwTime) & 0xFFFFFFFF) / 1000.0

    async def locked(self) -> bool | None:
        return None  # the return after a lock is input like any other

    async def close(self) -> None:
        return None
