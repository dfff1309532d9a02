"""Windows: the per-user Run key, and the StartupApproved flag that Task Manager and Settings set.

Turning the app off in Task Manager (or Settings → Apps → Startup) keeps our Run value and marks
it disabled under Explorer\\StartupApproved\\Run (first byte odd). We report that truthfully, and
when the user turns start-on-login on here, we clear the mark: they asked for it again.
"""

from __future__ import annotations

import subprocess

from ...i18n import translate
from ..desktop_entry import APP_NAME, launch_command
from .base import AutostartStatus

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
VALUE = APP_NAME
ENABLED_MARK = b"\x02" + b"\x00" * 11


class WindowsAutostart:
    name = "windows"

    def __init__(self, *, winreg=None, command: list[str] | None = None):
        if winreg is None:
            import winreg
        self.reg = winreg
        self.command_line = subprocess.list2cmdline(command or [*launch_command(platform="win32"), "--autostart"])
        self.where = f"HKEY_CURRENT_USER\\{RUN_KEY}\\{VALUE}"

    def _read(self, key_path: str):
        try:
            with self.reg.OpenKey(self.reg.HKEY_CURRENT_USER, key_path, 0, self.reg.KEY_READ) as key:
                return self.reg.QueryValueEx(key, VALUE)[0]
        except FileNotFoundError:
            return None

    def _write(self, key_path: str, kind, value) -> None:
        with self.reg.CreateKeyEx(self.reg.HKEY_CURRENT_USER, key_path, 0, self.reg.KEY_SET_VALUE) as key:
            self.reg.SetValueEx(key, VALUE, 0, kind, value)

    def _delete(self, key_path: str) -> None:
        try:
            with self.reg.OpenKey(self.reg.HKEY_CURRENT_USER, key_path, 0, self.reg.KEY_SET_VALUE) as key:
                self.reg.DeleteValue(key, VALUE)
        except FileNotFoundError:
            pass

    def _disabled_by_user(self) -> bool:
        mark = self._read(APPROVED_KEY)
        return isinstance(mark, (bytes, bytearray)) and len(mark) > 0 and bool(mark[0] & 1)

    def status(self) -> AutostartStatus:
        command = self._read(RUN_KEY)
        if command is None:
            return AutostartStatus(False, self.where)
        if self._disabled_by_user():
            return AutostartStatus(False, self.where, translate("Autostart", "Turned off in Task Manager → Startup apps."))
        if command != self.command_line:
            return AutostartStatus(True, self.where, translate("Autostart", "It starts another installation; turn it off and on to start this one."))
        return AutostartStatus(True, self.where)

    def enable(self) -> AutostartStatus:
        self._write(RUN_KEY, self.reg.REG_SZ, self.command_line)
        if self._disabled_by_user():
            self._write(APPROVED_KEY, self.reg.REG_BINARY, ENABLED_MARK)
        return self.status()

    def disable(self) -> AutostartStatus:
        self._delete(RUN_KEY)
        self._delete(APPROVED_KEY)
        return self.status()
