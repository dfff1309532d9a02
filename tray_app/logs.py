"""One rotating log file per user, with secrets redacted before anything is written."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from .config import private_dir

_BEARER = re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+")
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*")
_FIELDS = re.compile(r"(?i)((?:access_token|refresh_token|api[_-]?token|code_verifier|client_secret)[\"']?\s*[=:]\s*[\"']?)[^\s\"'&,}]+")


class RedactSecrets(logging.Filter):
    """Masks bearer tokens, JWTs and token-named fields, plus any secret registered at run time."""

    def __init__(self):
        super().__init__()
        self._secrets: set[str] = set()

    def add_secret(self, value: str | None) -> None:
        if value and len(value) >= 6:
            self._secrets.add(value)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "«redacted»")
        text = _BEARER.sub(r"\1«redacted»", text)
        text = _JWT.sub("«redacted»", text)
        return _FIELDS.sub(r"\1«redacted»", text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = self.redact(message)
        if redacted != message or record.args:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        return True


REDACTOR = RedactSecrets()


def setup_logging(log_dir: Path, *, verbose: bool = False, to_stderr: bool = False) -> Path:
    path = private_dir(log_dir) / "awork-tray.log"
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(REDACTOR)
    root.addHandler(handler)
    try:
        path.chmod(0o600)
    except OSError:
        pass
    if to_stderr:
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        console.addFilter(REDACTOR)
        root.addHandler(console)
    # httpx logs every request URL at INFO; ours are enough.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    return path
