"""A strict fake awork HTTP server for tests (see server.py)."""

from .recording import RecordedRequest, RequestLog
from .server import FakeAworkServer

__all__ = ["FakeAworkServer", "RecordedRequest", "RequestLog"]
