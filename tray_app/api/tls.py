"""How every connection to awork is made: verified TLS, our user agent, no redirects followed."""

from __future__ import annotations

import ssl

import httpx

from .. import __version__


def verification() -> ssl.SSLContext | bool:
    """The operating system's trust store, so company proxies with their own CA work. Without
    truststore for this platform: httpx's own CA bundle — still verifying, never off."""
    try:
        import truststore

        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    except Exception:
        return True


def http_client(*, transport: httpx.AsyncBaseTransport | None, timeout: httpx.Timeout, **kw) -> httpx.AsyncClient:
    # Proxies come from the environment (httpx's trust_env); a test transport needs no TLS.
    return httpx.AsyncClient(
        transport=transport,
        timeout=timeout,
        headers={"User-Agent": f"awork-tray/{__version__}", "Accept": "application/json"},
        follow_redirects=False,
        verify=verification() if transport is None else True,
        **kw,
    )
