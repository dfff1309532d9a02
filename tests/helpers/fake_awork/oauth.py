"""awork's OAuth endpoints for the strict fake server: dynamic client registration, authorize,
token (code + PKCE, refresh with rotation) and revocation — checked the way awork documents them.

The authorize endpoint does what a user would do in awork's sign-in page at once (sign in, pick the
workspace) and redirects to the client's redirect URI, like awork's 302. Tokens it issues stand for
the fake workspace's user: the server lets them through to the in-memory awork as its own token.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import parse_qs, urlencode, urlsplit

from .faults import LINK, new_trace_id

FORM = "application/x-www-form-urlencoded"
REGISTER_FIELDS = {
    "redirect_uris", "client_name", "token_endpoint_auth_method", "grant_types", "response_types", "scope",
    "application_type", "contacts", "logo_uri", "client_uri", "policy_uri", "tos_uri", "software_id",
    "software_version",
}
SCOPES = {"full_access", "offline_access"}


class OAuthRejected(Exception):
    def __init__(self, status: int, code: str, description: str):
        super().__init__(description)
        self.status, self.code, self.description = status, code, description


@dataclass
class Client:
    client_id: str
    redirect_uris: list[str]
    body: dict = field(default_factory=dict)


@dataclass
class Grant:
    """A code, access or refresh token with what it was issued for."""

    client_id: str
    expires_at: float
    used: bool = False
    revoked: bool = False
    redirect_uri: str = ""
    challenge: str = ""
    scope: str = ""


class FakeOAuth:
    def __init__(self, clock: Callable[[], float] = time.time):
        self.clock = clock
        self.lock = threading.Lock()
        self.clients: dict[str, Client] = {}
        self.codes: dict[str, Grant] = {}
        self.access: dict[str, Grant] = {}
        self.refresh: dict[str, Grant] = {}
        # Knobs for tests.
        self.access_lifetime = 86400.0  # awork's documented expires_in
        self.refresh_lifetime = 30 * 86400.0  # "expires when used or after 30 days"
        self.registration_enabled = True
        self.authorize_error: str | None = None  # e.g. "access_denied": the user said no
        self.state_override: str | None = None  # send this state back instead of the client's
        # What was seen, for assertions.
        self.registrations: list[dict] = []
        self.authorize_requests: list[dict[str, str]] = []
        self.token_requests: list[dict[str, str]] = []
        self.revocations: list[str] = []
        self.refresh_count = 0

    # -- helpers for tests ---------------------------------------------------------------------

    def add_client(self, client_id: str, redirect_uris: list[str]) -> None:
        """A client a workspace admin created by hand (Settings → Integrations → API clients)."""
        self.clients[client_id] = Client(client_id, list(redirect_uris))

    def is_valid_access_token(self, token: str) -> bool:
        with self.lock:
            grant = self.access.get(token)
            return grant is not None and not grant.revoked and self.clock() < grant.expires_at

    def issued_secrets(self) -> set[str]:
        """Every code and token handed out (none may show up in logs, settings or argv)."""
        with self.lock:
            return set(self.codes) | set(self.access) | set(self.refresh)

    def live_refresh_tokens(self) -> list[str]:
        with self.lock:
            return [t for t, g in self.refresh.items() if not (g.used or g.revoked) and self.clock() < g.expires_at]

    # -- the HTTP surface ----------------------------------------------------------------------

    def handles(self, method: str, relative: str) -> bool:
        return relative in ("clientapplications/register", "accounts/authorize", "accounts/token") or (
            relative.startswith("accounts/me/authorizedclients/")
        )

    def handle(self, method: str, relative: str, query: dict[str, str], headers: dict[str, str], raw: bytes,
               auth: str | None, raw_query: str) -> tuple[int, dict[str, str], bytes]:
        trace_id = new_trace_id()
        try:
            with self.lock:
                if relative == "clientapplications/register":
                    self._require(method, "POST")
                    return self._json(201, self._register(headers, raw), trace_id)
                if relative == "accounts/authorize":
                    self._require(method, "GET")
                    location = self._authorize(query)
                    return 302, {"Location": location, "Trace-Id": trace_id}, b""
                if relative == "accounts/token":
                    self._require(method, "POST")
                    return self._json(200, self._token(headers, raw, raw_query), trace_id)
                self._require(method, "DELETE")
                self._revoke(relative.rsplit("/", 1)[1], auth)
                return 204, {"Trace-Id": trace_id}, b""
        except OAuthRejected as rej:
            body = {"code": rej.code, "description": rej.description, "link": LINK, "traceId": trace_id}
            return self._json(rej.status, body, trace_id)

    @staticmethod
    def _json(status: int, body: dict, trace_id: str) -> tuple[int, dict[str, str], bytes]:
        return status, {"Trace-Id": trace_id, "Content-Type": "application/json; charset=utf-8"}, json.dumps(body).encode()

    @staticmethod
    def _require(method: str, allowed: str) -> None:
        if method != allowed:
            raise OAuthRejected(405, "invalid-operation", f"The method {method} is not allowed here.")

    def _register(self, headers: dict[str, str], raw: bytes) -> dict:
        if not self.registration_enabled:
            raise OAuthRejected(403, "forbidden", "Dynamic client registration is disabled for this workspace.")
        if not headers.get("content-type", "").startswith("application/json"):
            raise OAuthRejected(400, "invalid_client_metadata", "The request body must be JSON.")
        try:
            body = json.loads(raw)
        except ValueError:
            raise OAuthRejected(400, "invalid_client_metadata", "The request body is not valid JSON.") from None
        if not isinstance(body, dict):
            raise OAuthRejected(400, "invalid_client_metadata", "The request body must be an object.")
        unknown = set(body) - REGISTER_FIELDS
        if unknown:
            raise OAuthRejected(400, "invalid_client_metadata", f"Unknown fields: {sorted(unknown)}.")
        uris = body.get("redirect_uris")
        if not (isinstance(uris, list) and uris and all(isinstance(u, str) and urlsplit(u).scheme in ("http", "https")
                                                         and urlsplit(u).netloc for u in uris)):
            raise OAuthRejected(400, "invalid_redirect_uri", "redirect_uris must be a list of absolute URLs.")
        checks = {
            "token_endpoint_auth_method": body.get("token_endpoint_auth_method") == "none",
            "application_type": body.get("application_type") == "native",
            "grant_types": sorted(body.get("grant_types") or []) == ["authorization_code", "refresh_token"],
            "response_types": body.get("response_types") == ["code"],
            "scope": isinstance(body.get("scope"), str) and set(body["scope"].split(" ")) == SCOPES,
            "client_name": isinstance(body.get("client_name"), str) and bool(body["client_name"].strip()),
        }
        bad = [name for name, ok in checks.items() if not ok]
        if bad:
            raise OAuthRejected(400, "invalid_client_metadata", f"Invalid client metadata: {', '.join(bad)}.")
        client_id = f"dcr-{uuid.uuid4()}"
        self.clients[client_id] = Client(client_id, list(uris), body)
        self.registrations.append(body)
        return {"client_id": client_id, "client_id_issued_at": int(self.clock()), **body}

    def _authorize(self, query: dict[str, str]) -> str:
        self.authorize_requests.append(dict(query))
        client = self.clients.get(query.get("client_id", ""))
        if client is None:
            raise OAuthRejected(400, "invalid_request", "The specified 'client_id' is invalid.")
        redirect_uri = query.get("redirect_uri", "")
        if redirect_uri not in client.redirect_uris:  # exact string comparison, like awork's
            raise OAuthRejected(400, "invalid_request",
                                "The specified 'redirect_uri' parameter is not valid for this client application.")
        problems = []
        if query.get("response_type") != "code":
            problems.append("response_type must be 'code'")
        if query.get("code_challenge_method") != "S256":
            problems.append("code_challenge_method must be 'S256'")
        if len(query.get("code_challenge", "")) != 43:
            problems.append("code_challenge must be a base64url SHA-256 (43 characters)")
        if not query.get("state"):
            problems.append("state is missing")
        if set(query.get("scope", "").split(" ")) != SCOPES:
            problems.append("scope must be 'full_access offline_access'")
        if problems:
            raise OAuthRejected(400, "invalid_request", "; ".join(problems) + ".")
        state = self.state_override if self.state_override is not None else query["state"]
        if self.authorize_error:
            answer = {"error": self.authorize_error, "error_description": "The user denied the request.", "state": state}
        else:
            code = "code-" + secrets.token_hex(16)
            self.codes[code] = Grant(client.client_id, self.clock() + 300, redirect_uri=redirect_uri,
                                     challenge=query["code_challenge"], scope=query["scope"])
            answer = {"code": code, "state": state}
        return f"{redirect_uri}?{urlencode(answer)}"

    def _token(self, headers: dict[str, str], raw: bytes, raw_query: str) -> dict:
        if not headers.get("content-type", "").startswith(FORM):
            raise OAuthRejected(400, "invalid_request", "The mandatory 'Content-Type' header must be specified.")
        if raw_query:
            raise OAuthRejected(400, "invalid_request", "Parameters must be sent in the form body, not the query.")
        try:
            form = {k: v[0] for k, v in parse_qs(raw.decode("ascii"), keep_blank_values=True, strict_parsing=bool(raw)).items()}
        except (UnicodeDecodeError, ValueError):
            raise OAuthRejected(400, "invalid_request", "The form body could not be read.") from None
        self.token_requests.append(form)
        grant_type = form.get("grant_type")
        if not grant_type:
            raise OAuthRejected(400, "invalid_request", "The mandatory 'grant_type' parameter is missing.")
        client = self.clients.get(form.get("client_id", ""))
        if client is None:
            raise OAuthRejected(400, "invalid_client", "The specified 'client_id' is invalid.")
        if grant_type == "authorization_code":
            return self._redeem_code(client, form)
        if grant_type == "refresh_token":
            return self._redeem_refresh(client, form)
        raise OAuthRejected(400, "unsupported_grant_type", f"The grant type '{grant_type}' is not supported.")

    def _redeem_code(self, client: Client, form: dict[str, str]) -> dict:
        grant = self.codes.get(form.get("code", ""))
        if grant is None or grant.used or grant.client_id != client.client_id or self.clock() >= grant.expires_at:
            raise OAuthRejected(400, "invalid_grant", "The specified authorization code is invalid.")
        grant.used = True  # one use, even when the rest is wrong
        if form.get("redirect_uri") != grant.redirect_uri:
            raise OAuthRejected(400, "invalid_grant", "The specified 'redirect_uri' parameter doesn't match.")
        verifier = form.get("code_verifier", "")
        if not 43 <= len(verifier) <= 128:
            raise OAuthRejected(400, "invalid_request", "The mandatory 'code_verifier' parameter is missing or invalid.")
        digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if digest != grant.challenge:
            raise OAuthRejected(400, "invalid_grant", "The specified 'code_verifier' is invalid.")
        return self._issue(client.client_id, grant.scope)

    def _redeem_refresh(self, client: Client, form: dict[str, str]) -> dict:
        token = form.get("refresh_token", "")
        grant = self.refresh.get(token)
        if grant is None or grant.client_id != client.client_id:
            raise OAuthRejected(400, "invalid_grant", "The specified refresh token is invalid.")
        if grant.used or grant.revoked:
            raise OAuthRejected(400, "invalid_grant", "The specified refresh token has already been redeemed.")
        if self.clock() >= grant.expires_at:
            raise OAuthRejected(400, "invalid_grant", "The specified refresh token is no longer valid.")
        grant.used = True  # rotation: this one is spent
        self.refresh_count += 1
        return self._issue(client.client_id, grant.scope)

    def _issue(self, client_id: str, scope: str) -> dict:
        # Deliberately not JWT-shaped: the app must redact them because it knows them, not
        # because a pattern happens to match.
        access, refresh = "at-" + secrets.token_hex(24), "rt-" + secrets.token_hex(24)
        now = self.clock()
        self.access[access] = Grant(client_id, now + self.access_lifetime, scope=scope)
        body = {"access_token": access, "token_type": "Bearer", "resource": "awork.com",
                "expires_in": int(self.access_lifetime)}
        if "offline_access" in scope.split(" "):
            self.refresh[refresh] = Grant(client_id, now + self.refresh_lifetime, scope=scope)
            body["refresh_token"] = refresh
        return body

    def _revoke(self, client_id: str, auth: str | None) -> None:
        token = auth[7:] if auth and auth.startswith("Bearer ") else ""
        grant = self.access.get(token)
        if grant is None or grant.revoked or self.clock() >= grant.expires_at:
            raise OAuthRejected(401, "unauthorized", "Authorization has been denied for this request.")
        if client_id not in self.clients:
            raise OAuthRejected(404, "not-found", "The client application was not found.")
        self.revocations.append(client_id)
        for grants in (self.access, self.refresh):
            for g in grants.values():
                if g.client_id == client_id:
                    g.revoked = True
