"""Where things live and which awork to talk to: read from the environment, once, at start."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from . import APP_NAME

DEFAULT_API_URL = "https://api.awork.com/api/v1"


@dataclass(frozen=True)
class Config:
    api_url: str
    api_token: str | None
    config_dir: Path
    cache_dir: Path
    log_dir: Path

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Config:
        env = os.environ if environ is None else environ
        api_url = (env.get("AWORK_API_URL") or DEFAULT_API_URL).rstrip("/")
        token = env.get("AWORK_API_TOKEN") or None
        base = env.get("AWORK_TRAY_CONFIG_DIR")
        if base:
            root = Path(base).expanduser()
            return cls(api_url, token, root, root / "cache", root / "logs")
        import platformdirs  # only needed when no directory is given

        return cls(
            api_url,
            token,
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        )

    def __repr__(self) -> str:  # the token must never reach a log line or traceback
        return f"Config(api_url={self.api_url!r}, api_token={'set' if self.api_token else None}, config_dir={str(self.config_dir)!r})"


def private_dir(path: Path) -> Path:
    """Create `path` readable by the user only (settings, caches and logs are personal).

    Every folder this creates is 0700, parents included (so a new config root or the app's folder
    above the log folder is never 0755). Existing folders of ours are tightened: `path` itself and
    the app's own folder above it (left 0755 by older versions). Raises OSError if `path` cannot be
    created (a read-only folder, an unwritable HOME)."""
    missing = []
    folder = path
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            pass
        _tighten(folder)
    _tighten(path)
    for parent in path.parents:
        if parent.name == APP_NAME:
            _tighten(parent)
            break
    return path


def tighten_existing(config: Config) -> None:
    """Make the folders an older version created 0755 readable by the user only; creates nothing."""
    for folder in (config.config_dir, config.cache_dir, config.log_dir):
        if folder.is_dir():
            _tighten(folder)
            for parent in folder.parents:
                if parent.name == APP_NAME:
                    _tighten(parent)
                    break


def _tighten(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows: the user's profile folders are already private (ACLs, not modes)
    try:
        info = os.lstat(folder)
        # Only our own real folders: never follow a link, never a folder someone else owns.
        if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & 0o077:
            os.chmod(folder, 0o700)
    except OSError:
        pass
