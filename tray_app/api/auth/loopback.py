"""The redirect target of one browser sign-in: a tiny HTTP listener on 127.0.0.1.

Plain asyncio (no Qt, no http.server thread), so it runs on qasync's loop in the tray and on
asyncio.run's in the command line alike. It takes exactly one answer on the callback path and
closes; anything else gets a clear page and is otherwise ignored. Any program on this computer can
reach the port: only a redirect carrying this sign-in's `state` ends the flow (a stray or forged one,
an `error=` included, gets a 400 and the listener keeps waiting), and awork's error text is shown as
short plain text. Connections still open when the flow ends are closed, quietly.
"""

from __future__ import annotations

import asyncio
import errno
import hmac
import logging
import unicodedata
from typing import Sequence
from urllib.parse import parse_qs, urlsplit

from ...i18n import translate
from ...logs import REDACTOR
from .oauth import SignInError

log = logging.getLogger(__name__)

REQUEST_LIMIT = 16 * 1024  # a request line with a code and a state, and a browser's headers
READ_TIMEOUT = 10.0  # browsers open speculative connections and send nothing on them
DETAIL_LIMIT = 200  # characters of awork's error_description shown to the user


def plain_text(text: str, limit: int = DETAIL_LIMIT) -> str:
    """`text` without control characters (no terminal escapes, no line breaks), at most `limit` long."""
    cleaned = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)
    cleaned = " ".join(cleaned.split())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1].rstrip() + "…"


def check_loopback_uri(uri: str) -> tuple[str, int, str]:
    """(host, port, path) of an http://127.0.0.1 or http://localhost redirect URI with a port.

    Raises ValueError with a message for the user: awork tray can only receive the answer on
    this computer, over plain http (the browser never leaves the machine for it)."""
    parts = urlsplit(uri.strip())
    if parts.scheme != "http" or parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError(translate("SignIn", "The redirect URI must start with http://127.0.0.1: or http://localhost: "
                                             "(got {0}).").format(repr(uri)))
    try:
        port = parts.port
    except ValueError:
        port = None
    if not port:
        raise ValueError(translate("SignIn", "The redirect URI needs a port, such as http://127.0.0.1:48613/callback "
                                             "(got {0}).").format(repr(uri)))
    if parts.query or parts.fragment:
        raise ValueError(translate("SignIn", "The redirect URI must not contain '?' or '#'."))
    return parts.hostname, port, parts.path or "/"


class LoopbackListener:
    def __init__(self, redirect_uri: str, host: str, port: int, path: str, state: str, language: str):
        self.redirect_uri = redirect_uri
        self._host, self._port, self._path = host, port, path
        self._state = state
        self._language = language
        self._server: asyncio.AbstractServer | None = None
        self._result: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self._connections: set[asyncio.StreamWriter] = set()

    @classmethod
    async def open(cls, redirect_uris: Sequence[str], state: str, language: str = "en") -> LoopbackListener:
        """Listen on the first of `redirect_uris` whose port is free."""
        busy = []
        for uri in redirect_uris:
            host, port, path = check_loopback_uri(uri)
            listener = cls(uri, host, port, path, state, language)
            try:
                await listener._listen()
            except OSError as exc:
                if exc.errno not in (errno.EADDRINUSE, errno.EACCES, getattr(errno, "WSAEADDRINUSE", -1)):
                    raise SignInError(translate("SignIn", "Cannot listen for awork's answer on port {0}: {1}").format(
                        port, exc.strerror or exc)) from exc
                busy.append(str(port))
                continue
            log.info("waiting for the sign-in answer on %s", uri)
            return listener
        raise SignInError(translate(
            "SignIn", "Another program is using port {0} on this computer, where awork tray waits for awork's "
            "answer. Close it and try again.").format(", ".join(busy)))

    async def _listen(self) -> None:
        # "localhost" may resolve to ::1 in the browser: listen on both loopbacks when asked for it.
        hosts = ["127.0.0.1", "::1"] if self._host == "localhost" else [self._host]
        try:
            self._server = await asyncio.start_server(self._handle, hosts, self._port)
        except OSError:
            if len(hosts) == 1:
                raise
            self._server = await asyncio.start_server(self._handle, "127.0.0.1", self._port)

    async def wait(self) -> str:
        """The authorization code, once the browser comes back; raises SignInError otherwise."""
        try:
            return await asyncio.shield(self._result)
        finally:
            if self._result.done():
                await self.close()

    async def close(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.close()
            # Browsers keep idle (speculative) connections open: hang up on them now. Their
            # handlers then end on their own, with nothing to log.
            for writer in list(self._connections):
                writer.close()
            await server.wait_closed()
        if not self._result.done():
            self._result.cancel()

    # -- one connection ------------------------------------------------------------------------

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._connections.add(writer)
        try:
            await self._serve(reader, writer)
        except (asyncio.CancelledError, OSError):
            # The loop ends (the app quits, Ctrl+C) with this connection open. This task is the
            # connection's own top level: ending it normally keeps asyncio from logging a
            # traceback per connection.
            pass
        finally:
            self._connections.discard(writer)
            writer.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), READ_TIMEOUT)
        except (TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            return
        try:
            method, target = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ")[:2]
        except ValueError:
            method, target = "", ""
        status, body = self._answer(method, target)
        try:
            writer.write(
                f"HTTP/1.1 {status}\r\n"
                "Content-Type: text/html; charset=utf-8\r\n"
                f"Content-Length: {len(body)}\r\n"
                # The URL holds the code: keep it out of caches and Referer headers.
                "Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\n"
                "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n"
                "Connection: close\r\n\r\n".encode("latin-1") + body
            )
            await writer.drain()
        except ConnectionError:
            pass
        if self._result.done() and self._server is not None:
            await self.close()  # one answer, then nobody can talk to this port any more

    def _answer(self, method: str, target: str) -> tuple[str, bytes]:
        from .sign_in_pages import page  # (and html's entity table) only once a browser answers

        lang = self._language
        parts = urlsplit(target)
        if method != "GET" or parts.path != self._path or self._result.done():
            log.warning("sign-in listener: ignored %s %s", method or "?", parts.path[:80])
            return "404 Not Found", page("path", lang)
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        if not hmac.compare_digest(query.get("state", "").encode(), self._state.encode()):
            # Not this sign-in's answer (a stale tab, or another program on this computer): it must
            # not end, or fail, the sign-in the user is doing. Refused, and we keep waiting.
            log.warning("sign-in listener: ignored an answer without this sign-in's state")
            return "400 Bad Request", page("state", lang)
        if "error" in query:
            error = plain_text(query["error"], 80)
            detail = plain_text(query.get("error_description") or error)
            log.warning("sign-in answered with error %s", error)
            if error == "access_denied":
                self._fail(translate("SignIn", "The sign-in was cancelled in the browser, or awork did not allow it."))
                return "200 OK", page("denied", lang)
            self._fail(translate("SignIn", "awork reported a problem: {0}").format(detail))
            return "400 Bad Request", page("error", lang, detail)
        code = query.get("code")
        if not code:
            self._fail(translate("SignIn", "awork's answer had no authorization code. Please start again."))
            return "400 Bad Request", page("missing", lang)
        REDACTOR.add_secret(code)
        log.info("sign-in answer received")
        self._result.set_result(code)
        return "200 OK", page("ok", lang)

    def _fail(self, message: str) -> None:
        self._result.set_exception(SignInError(message))
