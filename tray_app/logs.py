"""One rotating log file per user, with secrets redacted before anything is written.

Only our own modules log details with -v: third-party loggers (qasync, asyncio, httpx, httpcore)
stay at WARNING, as their debug lines carry whole replies (names, task names, notes).
When the log cannot be written (a read-only or full disk, an unwritable HOME) the app goes on and
logs warnings to stderr instead, after saying so once.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
from pathlib import Path

from .config import private_dir

OURS = "tray_app"
# Their DEBUG (and httpx's INFO) lines hold request URLs and whole replies.
QUIET = ("qasync", "asyncio", "httpx", "httpcore", "hpack", "keyring", "urllib3")

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


MAX_BYTES = 1_000_000
BACKUPS = 3  # awork-tray.log.1 (the newest) … .3


class _LogFile(logging.FileHandler):
    """The log file; on the first failure to write it (a full disk, a folder gone read-only) it
    says so once on stderr and hands every later record to `fallback`, never a traceback.

    It rotates as logging.handlers.RotatingFileHandler does (MAX_BYTES, BACKUPS), written out here
    because logging.handlers brings pickle and the socket handlers with it: ~0.4 MiB the tray
    would hold for its whole life for two renames."""

    def __init__(self, path: Path, fallback: logging.Handler):
        super().__init__(path, encoding="utf-8")
        self.fallback = fallback
        self.failed = False

    def emit(self, record: logging.LogRecord) -> None:
        if self.failed:
            self.fallback.handle(record)
            return
        try:
            if self._full(record):
                self._rotate()
        except Exception:  # as the stdlib handler: a failure to rotate is a failure to write
            self.handleError(record)
            return
        super().emit(record)

    def _full(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        if not os.path.isfile(self.baseFilename):  # e.g. /dev/null given as the log: never rotated
            return False
        self.stream.seek(0, 2)  # the end: another process may have written to it meanwhile
        return self.stream.tell() + len(self.format(record)) + 1 >= MAX_BYTES

    def _rotate(self) -> None:
        self.stream.close()
        self.stream = None
        for i in range(BACKUPS - 1, 0, -1):
            older, newer = f"{self.baseFilename}.{i}", f"{self.baseFilename}.{i + 1}"
            if os.path.exists(older):
                os.replace(older, newer)
        os.replace(self.baseFilename, f"{self.baseFilename}.1")
        self.stream = self._open()

    def handleError(self, record: logging.LogRecord) -> None:
        if self.failed:
            return
        self.failed = True
        error = sys.exc_info()[1]
        _say_unwritable(Path(self.baseFilename), error)
        with contextlib.suppress(OSError, ValueError):  # the same full disk fails the close's flush
            self.close()
        self.fallback.handle(record)


def _say_unwritable(where: Path, error: BaseException | None) -> None:
    from .i18n import translate

    reason = getattr(error, "strerror", None) or error or "?"
    try:
        sys.stderr.write("awork-tray: " + translate(
            "Cli", "the log file {0} cannot be written ({1}); logging to the terminal instead.").format(
                where, reason) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # no stderr at all (a GUI start on Windows): nothing to tell
        pass


def _stderr_handler(level: int) -> logging.Handler:
    console = logging.StreamHandler()
    console.setLevel(level)
    console.setFormatter(logging.Formatter("awork-tray: %(levelname)s %(name)s: %(message)s"))
    console.addFilter(REDACTOR)
    return console


def setup_logging(log_dir: Path, *, verbose: bool = False, to_stderr: bool = False) -> Path:
    path = log_dir / "awork-tray.log"
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    logging.getLogger(OURS).setLevel(logging.DEBUG if verbose else logging.INFO)
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    fallback = _stderr_handler(logging.DEBUG if verbose else logging.WARNING)
    try:
        private_dir(log_dir)
        handler = _LogFile(path, fallback)
    except OSError as exc:
        _say_unwritable(path, exc)
        root.addHandler(fallback)
        return path
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(REDACTOR)
    root.addHandler(handler)
    try:
        path.chmod(0o600)
    except OSError:
        pass
    if to_stderr:
        root.addHandler(_stderr_handler(logging.WARNING))
    return path
