"""What every start-on-login backend offers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class AutostartStatus:
    enabled: bool
    where: str = ""  # the file or registry value that does it, for the settings window and the CLI
    problem: str = ""  # e.g. turned off in the desktop's own startup settings, or another installation's


class AutostartBackend(Protocol):
    name: str

    def status(self) -> AutostartStatus:
        ...

    def enable(self) -> AutostartStatus:
        ...

    def disable(self) -> AutostartStatus:
        ...
