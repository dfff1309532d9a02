"""macOS: CGEventSourceSecondsSinceLastEventType from CoreGraphics (no permission needed), for
any input event type, on the hardware (HID) event state: input from real devices only."""

from __future__ import annotations

import ctypes
import ctypes.util

from .base import IdleUnavailable

HID_SYSTEM_STATE = 1  # kCGEventSourceStateHIDSystemState
ANY_INPUT_EVENT = 0xFFFFFFFF  # kCGAnyInputEventType (~0)


class MacIdle:
    name = "macOS (CoreGraphics)"

    def __init__(self, *, core_graphics=None):
        if core_graphics is None:
            path = ctypes.util.find_library("CoreGraphics") or ctypes.util.find_library("ApplicationServices")
            if not path:
                raise IdleUnavailable("CoreGraphics not found")
            core_graphics = ctypes.CDLL(path)
            fn = core_graphics.CGEventSourceSecondsSinceLastEventType
            fn.restype, fn.argtypes = ctypes.c_double, [ctypes.c_int32, ctypes.c_uint32]
        self.cg = core_graphics

    async def idle_seconds(self) -> float:
        seconds = float(self.cg.CGEventSourceSecondsSinceLastEventType(HID_SYSTEM_STATE, ANY_INPUT_EVENT))
        if seconds != seconds or seconds < 0:  # NaN or nonsense: not an answer
            raise IdleUnavailable("CoreGraphics gave no idle time")
        return seconds

    async def locked(self) -> bool | None:
        return None

    async def close(self) -> None:
        return None
