"""How every connection to awork verifies TLS."""

from __future__ import annotations

import ssl


def verification() -> ssl.SSLContext | bool:
    """The operating system's trust store, so company proxies with their own CA work. Without
    truststore for this platform: httpx's own CA bundle — still verifying, never off."""
    try:
        import truststore

        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    except Exception:
        return True
