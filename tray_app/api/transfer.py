"""One exchange with awork, bounded in time and size, with failures worded for what they are.

httpx's timeouts are per operation: a server that sends one byte a second never trips them, and
a 50 MB reply is read whole. Here every exchange (connect, headers, body) ends within one overall
deadline and stops reading at a cap. A certificate nobody trusts or a redirect is said as such,
not as "check your internet connection" (the redirect's wording is in errors.py).
"""

from __future__ import annotations

import asyncio
import logging
import ssl

import httpx

from ..i18n import translate
from .errors import MalformedResponseError, NetworkError

log = logging.getLogger(__name__)

DEADLINE = 15.0  # seconds for a whole read, whatever the transfer does
WRITE_DEADLINE = 30.0  # a start or stop may take awork longer; giving up early would queue it
MAX_REPLY_BYTES = 8 * 2**20  # a page of 1000 tasks is well under 4 MB


async def exchange(http: httpx.AsyncClient, method: str, url: str, *, deadline: float, max_bytes: int,
                   **kw) -> httpx.Response:
    """Send one request and read its whole reply, or raise NetworkError/MalformedResponseError."""
    request = http.build_request(method, url, **kw)
    path = request.url.path
    try:
        async with asyncio.timeout(deadline):
            response = await http.send(request, stream=True)
            try:
                body = await _read_capped(response, max_bytes)
            finally:
                await response.aclose()  # unread or cut short: the connection is closed, not reused
    except (TimeoutError, httpx.TimeoutException) as exc:
        log.warning("%s %s got no whole answer within %.0f s", method, path, deadline)
        raise NetworkError(translate("ApiError", "awork did not answer in time. Check your connection.")) from exc
    except httpx.HTTPError as exc:
        problem = _tls_problem(exc, request.url.host)
        log.warning("%s %s failed: %s%s", method, path, type(exc).__name__, " (TLS)" if problem else "")
        if problem is not None:
            raise NetworkError(problem) from exc
        raise NetworkError(translate("ApiError", "Cannot reach awork. Check your internet connection.")) from exc
    # Decoded already: drop the headers that described the encoded transfer.
    # Raw bytes: a header in Latin-1 must not fail to encode again.
    headers = [(k, v) for k, v in response.headers.raw
               if k.lower() not in (b"content-encoding", b"content-length", b"transfer-encoding")]
    return httpx.Response(response.status_code, headers=headers, content=body, request=request)


async def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdecimal() and (len(declared) > 15 or int(declared) > max_bytes):
        raise _too_big(response, max_bytes)
    chunks: list[bytes] = []
    size = 0
    pieces = response.aiter_bytes()
    async for chunk in pieces:
        size += len(chunk)
        if size > max_bytes:
            await _abandon(response, pieces)
            raise _too_big(response, max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


async def _abandon(response: httpx.Response, pieces) -> None:
    """Stop reading for good. Leaving httpx's chain of stream generators suspended would have
    them finalized later with no event loop (qasync installs no async-generator hooks), each
    printing "Exception ignored"; so close the connection, then let the chain run into that."""
    await response.aclose()
    try:
        async for _ in pieces:  # what was already buffered at most: the socket is closed
            pass
    except (httpx.HTTPError, httpx.StreamError, OSError):
        pass


def _too_big(response: httpx.Response, max_bytes: int) -> MalformedResponseError:
    log.warning("%s %s: reply over %d bytes, not read (status %s, trace id %s)", response.request.method,
                response.request.url.path, max_bytes, response.status_code, response.headers.get("trace-id"))
    return MalformedResponseError(
        translate("ApiError", "awork sent a reply larger than {0} MB; it was not read.").format(f"{max_bytes / 2**20:g}"),
        status=response.status_code, trace_id=response.headers.get("trace-id"))


def _tls_problem(exc: BaseException, host: str) -> str | None:
    """What went wrong when the failure was TLS, else None."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, ssl.SSLCertVerificationError):
            reason = cause.verify_message or cause.reason or str(cause)
            return translate("ApiError", "The certificate of {0} could not be verified ({1}). A company proxy or a "
                                         "network's sign-in page may be in the way.").format(host, reason[:200])
        if isinstance(cause, ssl.SSLError):
            reason = cause.reason or str(cause)
            return translate("ApiError", "No secure connection to {0} could be made ({1}).").format(host, reason[:200])
        cause = cause.__cause__ or cause.__context__
    return None

