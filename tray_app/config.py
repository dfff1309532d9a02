"""Where things live and which awork to talk to: read from the environment, once, at start."""

from __future__ import annotations

import os
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
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> "Config":
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
    """Create `path` readable by the user only (settings, caches and logs are personal)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        path.chmod(0o700)
    except OSError:
        pass
    return path
