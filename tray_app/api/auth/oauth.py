"""awork's OAuth 2.0 for a public client: PKCE, the URLs, self-registration, code exchange,
refresh and revocation. Pure httpx, no Qt, so the tray and the command line share it.

awork's token endpoint wants form-encoded bodies only and answers errors in awork's shape
({"code", "description"}); the RFC's ({"error", "error_description"}) is read too, in case.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import secrets
import time
from dataclasses import dataclass
from typing import Callable
from urllib.parse import quote, urlencode

import httpx

from ... import __version__
from ...i18n import translate
from ...logs import REDACTOR
from .. import transfer
from ..errors import (
    ApiError,
    AuthError,
    MalformedResponseError,
    NetworkError,
    RateLimitedError,
    ServerError,
    error_for_response,
)
from ..tls import http_client

log = logging.getLogger(__name__)

SCOPE = "full_access offline_access"  # offline_access: awork only issues a refresh token with it
CLIENT_NAME = "awork tray"
# A fixed port, so the redirect URI can be registered exactly (awork compares it byte for byte),
# and two fallbacks registered in the same registration for when another program holds it.
REDIRECT_PORTS = (48613, 48614, 48615)
REDIRECT_PATH = "/callback"
TIMEOUT = httpx.Timeout(15.0, connect=5.0)


def default_redirect_uris() -> list[str]:
    return [f"http://127.0.0.1:{port}{REDIRECT_PATH}" for port in REDIRECT_PORTS]


class SignInError(ApiError):
    """Signing in failed before there was a token: cancelled, timed out, refused, mismatched."""


class SignInRejected(AuthError):
    """awork's token endpoint refused a code or refresh token: the user has to sign in again."""


class RefreshUnavailable(ServerError):
    """The token endpoint could not renew the sign-in just now (a 403 from awork's edge, a 5xx,
    an answer that refuses nothing in particular): "try later", like an outage. The refresh
    token stays where it is."""


# The token endpoint's codes (RFC 6749 §5.2) that mean this refresh token will never work again.
REFUSED_REFRESH_CODES = frozenset({"invalid_grant", "invalid_client"})


class RegistrationRefused(SignInError):
    """The workspace (or awork) does not let apps register themselves."""


def s256(verifier: str) -> str:
    """PKCE's code_challenge: base64url(SHA-256(verifier)) without padding (RFC 7636 §4.2)."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class Pkce:
    verifier: str
    challenge: str

    @classmethod
    def new(cls) -> Pkce:
        verifier = secrets.token_urlsafe(64)  # 86 characters, inside RFC 7636's 43..128
        REDACTOR.add_secret(verifier)
        return cls(verifier, s256(verifier))

    def __repr__(self) -> str:
        return f"Pkce(challenge={self.challenge!r})"


def new_state() -> str:
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class TokenSet:
    access_token: str
    refresh_token: str | None
    # Wall-clock seconds (time.time()): a monotonic clock stops while a laptop sleeps, so an
    # expiry measured with it would be hours late after a night with the lid closed.
    expires_at: float

    def __repr__(self) -> str:  # never the secrets, e.g. in a traceback's locals
        return f"TokenSet(expires_at={self.expires_at!r}, refresh={'yes' if self.refresh_token else 'no'})"


class OAuth:
    """The OAuth endpoints under the awork API base URL (`…/api/v1`)."""

    def __init__(
        self,
        api_url: str,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.time,
        timeout: httpx.Timeout = TIMEOUT,
        deadline: float = transfer.WRITE_DEADLINE,
    ):
        self.api_url = api_url.rstrip("/")
        self._clock = clock
        self._deadline = deadline
        self._http = http_client(transport=transport, timeout=timeout)

    async def aclose(self) -> None:
        await self._http.aclose()

    @property
    def authorize_endpoint(self) -> str:
        return f"{self.api_url}/accounts/authorize"

    @property
    def token_endpoint(self) -> str:
        return f"{self.api_url}/accounts/token"

    def authorize_url(self, client_id: str, redirect_uri: str, state: str, challenge: str) -> str:
        params = {
            "client_id": client_id,
            "response_type": "code",
            "redirect_uri": redirect_uri,
            "scope": SCOPE,
            "state": state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
        # Encoded exactly once, every reserved character included: awork compares the decoded
        # redirect_uri with the registered one, and its own CLI was bitten by double encoding.
        return f"{self.authorize_endpoint}?{urlencode(params, safe='', quote_via=quote)}"

    async def register(self, redirect_uris: list[str]) -> str:
        """Dynamic client registration (RFC 7591) as a native public client; returns client_id."""
        body = {
            "redirect_uris": list(redirect_uris),
            "client_name": CLIENT_NAME,
            "token_endpoint_auth_method": "none",
            "grant_types": ["authorization_code", "refresh_token"],
            "response_types": ["code"],
            "scope": SCOPE,
            "application_type": "native",
            # Random like awork's own CLI: awork may keep software_id unique per registration.
            "software_id": str(_uuid4()),
            "software_version": __version__,
        }
        response = await self._post(f"{self.api_url}/clientapplications/register", json=body)
        if response.status_code in (401, 403):
            error = error_for_response(response)
            raise RegistrationRefused(
                translate("SignIn", "awork does not let awork tray register itself for this workspace. Ask a workspace "
                          "admin to create a public API client (see the README, “Sign in”) and enter its client id "
                          "under Advanced. awork said: {0}").format(error.description),
                status=response.status_code, code=error.code, trace_id=error.trace_id,
            )
        data = self._json(response, "registration")
        client_id = data.get("client_id")
        if not isinstance(client_id, str) or not client_id:
            raise MalformedResponseError(translate("ApiError", "awork's registration reply had no client_id."),
                                         status=response.status_code)
        log.info("registered with awork as client %s", client_id)
        return client_id

    async def exchange_code(self, client_id: str, code: str, redirect_uri: str, verifier: str) -> TokenSet:
        return await self._token({
            "grant_type": "authorization_code",
            "client_id": client_id,
            "code": code,
            "redirect_uri": redirect_uri,  # the very string sent to /accounts/authorize
            "code_verifier": verifier,
        })

    async def refresh(self, client_id: str, refresh_token: str) -> TokenSet:
        return await self._token({"grant_type": "refresh_token", "client_id": client_id, "refresh_token": refresh_token})

    async def revoke(self, client_id: str, access_token: str) -> None:
        """Withdraw this app's authorization (and every refresh token awork issued for it)."""
        try:
            response = await self._exchange(
                "DELETE", f"{self.api_url}/accounts/me/authorizedclients/{quote(client_id, safe='')}",
                headers={"Authorization": f"Bearer {access_token}"},
            )
        except NetworkError as exc:
            raise NetworkError(translate("ApiError", "Cannot reach awork to revoke the sign-in.")) from exc
        # 401/404: the authorization is already gone, which is what we wanted.
        if not (response.is_success or response.status_code in (401, 404)):
            raise error_for_response(response)

    # -- plumbing ------------------------------------------------------------------------------

    async def _token(self, form: dict[str, str]) -> TokenSet:
        response = await self._post(self.token_endpoint, data=form)  # data=: form-encoded, once
        if form["grant_type"] == "refresh_token" and not response.is_success:
            raise _refresh_failed(response)
        if response.status_code in (400, 401, 403):
            raise _rejected(response, form["grant_type"])
        data = self._json(response, "token")
        access = data.get("access_token")
        if not isinstance(access, str) or not access:
            raise MalformedResponseError(translate("ApiError", "awork's token reply had no access token."),
                                         status=response.status_code)
        refresh = data.get("refresh_token") if isinstance(data.get("refresh_token"), str) else None
        expires_in = data.get("expires_in")
        lifetime = float(expires_in) if isinstance(expires_in, (int, float)) and expires_in > 0 else 3600.0
        REDACTOR.add_secret(access)
        REDACTOR.add_secret(refresh)
        return TokenSet(access, refresh or None, self._clock() + lifetime)

    async def _post(self, url: str, **kw) -> httpx.Response:
        return await self._exchange("POST", url, **kw)

    async def _exchange(self, method: str, url: str, **kw) -> httpx.Response:
        # One deadline and size cap, as for every API request: a trickling token endpoint must
        # not hold a refresh (and every request waiting on it) for good.
        return await transfer.exchange(self._http, method, url, deadline=self._deadline,
                                       max_bytes=transfer.MAX_REPLY_BYTES, **kw)

    def _json(self, response: httpx.Response, what: str) -> dict:
        if not response.is_success:
            error = error_for_response(response)
            log.warning("%s request -> %s %s (trace id %s)", what, response.status_code, error.code or "", error.trace_id)
            raise error
        try:
            data = response.json()
        except ValueError as exc:
            raise MalformedResponseError(translate("ApiError", "awork's reply ({0}) could not be read.").format(what),
                                         status=response.status_code) from exc
        if not isinstance(data, dict):
            raise MalformedResponseError(translate("ApiError", "awork's reply ({0}) was not an object.").format(what),
                                         status=response.status_code)
        return data


def _body(response: httpx.Response) -> dict:
    try:
        body = response.json()
    except (ValueError, UnicodeDecodeError):
        return {}
    return body if isinstance(body, dict) else {}


def _refresh_failed(response: httpx.Response) -> ApiError:
    """Only a refresh token awork refuses (`invalid_grant`, or the client it belongs to is gone)
    signs out. Anything else — awork's edge blocking for a while (403), a 5xx, a 429, a 4xx that
    names no such cause — is "try later", and the refresh token is kept."""
    body = _body(response)
    code = body.get("code") or body.get("error")
    if code in REFUSED_REFRESH_CODES:
        return _rejected(response, "refresh_token")
    error = error_for_response(response)
    if isinstance(error, RateLimitedError):
        return error
    log.warning("token request (refresh_token) failed: %s %s (trace id %s, edge ref %s)", response.status_code,
                code if isinstance(code, str) else "", error.trace_id, error.edge_ref)
    return RefreshUnavailable(
        translate("SignIn", "awork's sign-in service cannot renew the sign-in right now ({0}); you stay signed "
                            "in.").format(response.status_code),
        status=response.status_code, code=code if isinstance(code, str) else None, trace_id=error.trace_id,
        edge_ref=error.edge_ref)


def _rejected(response: httpx.Response, grant_type: str) -> SignInRejected:
    body = _body(response)
    code = body.get("code") or body.get("error")
    said = body.get("description") or body.get("error_description") or ""
    trace_id = response.headers.get("trace-id") or body.get("traceId")
    log.warning("token request (%s) rejected: %s %s (trace id %s)", grant_type, response.status_code, code, trace_id)
    if grant_type == "refresh_token":
        message = translate("SignIn", "Your awork sign-in has expired or was revoked. Sign in again.")
    else:
        message = translate("SignIn", "awork did not accept the sign-in. Please try again.")
    if said:
        message += f" (awork: {said})"  # awork's own words, as awork wrote them
    return SignInRejected(message, status=response.status_code, code=code if isinstance(code, str) else None,
                          trace_id=trace_id)


def _uuid4():
    import uuid  # (and the platform module it loads) for a registration only

    return uuid.uuid4()
