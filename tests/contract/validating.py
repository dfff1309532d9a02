"""Every request and reply checked against awork's OpenAPI document, on the way through httpx.

`ValidatingTransport` wraps any httpx transport (the in-process FakeAwork, or a real socket to
tests/helpers/fake_awork's server) and checks, with openapi-core, each request the real client sends —
path, method, path and query parameters, security, body (required fields, types, formats,
`additionalProperties: false`) — and each reply against the response schema declared for that
operation and status. On top of what openapi-core checks (it ignores query parameters an
operation does not declare), it refuses undeclared query parameters and checks that the
property paths in `filterby`/`orderby` exist on the listed items.

The document is the committed extract (scripts/openapi_extract.py) with the deviations of
exceptions.py applied: the one place where awork and its document are known to differ.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import httpx
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from . import exceptions

EXTRACT = Path(__file__).with_name("awork-openapi-v1.extract.json")
API_PREFIX = "/api/v1"
# The document's server; requests to any host are checked as if sent there.
DOCUMENT_HOST = "https://api.awork.com"


class ContractViolation(AssertionError):
    """A request or reply the document does not allow."""


def load_extract() -> dict:
    return json.loads(EXTRACT.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def contract_document() -> dict:
    """The extract with exceptions.DEVIATIONS applied (each one must still apply)."""
    return exceptions.apply(copy.deepcopy(load_extract()))


@lru_cache(maxsize=1)
def _openapi() -> OpenAPI:
    return OpenAPI.from_dict(contract_document())


Operation = tuple[str, str]  # (METHOD, path template as the document spells it)


@lru_cache(maxsize=1)
def _templates() -> list[tuple[re.Pattern, str, frozenset[str]]]:
    out = []
    for template, item in contract_document()["paths"].items():
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
        methods = frozenset(m.upper() for m in item if m in ("get", "put", "post", "delete", "patch"))
        out.append((re.compile(f"^{pattern}$"), template, methods))
    return out


def operation_of(method: str, path: str) -> Operation | None:
    """The documented operation for a request path below /api/v1 (None: not in the extract)."""
    for pattern, template, methods in _templates():
        if pattern.match(path) and method.upper() in methods:
            return method.upper(), template
    return None


def documented_operations() -> set[Operation]:
    return {(m.upper(), p) for p, item in load_extract()["paths"].items() for m in item
            if m in ("get", "put", "post", "delete", "patch")}


# -- openapi-core's view of an httpx exchange ------------------------------------------------------


class _Request:
    def __init__(self, request: httpx.Request, path: str, body: bytes):
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(list(request.url.params.multi_items())),
            header=Headers(list(request.headers.items())),
            cookie=ImmutableMultiDict(),
        )
        self.host_url = DOCUMENT_HOST
        self.path = API_PREFIX + path
        self.method = request.method.lower()
        self.body = body or None
        self.content_type = request.headers.get("content-type", "")


class _Response:
    def __init__(self, response: httpx.Response):
        self.status_code = response.status_code
        self.headers = Headers(list(response.headers.items()))
        self.content_type = response.headers.get("content-type", "")
        self.data = response.content or None


def _describe(error: BaseException) -> str:
    """openapi-core's error, with the schema errors behind it as "where: what" (not whole bodies)."""
    lines = [_short(str(error), 160)]
    seen = {id(error)}
    cause = error.__cause__ or error.__context__
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        schema_errors = getattr(cause, "schema_errors", None)
        if schema_errors:
            for schema_error in schema_errors:
                for leaf in _leaves(schema_error):
                    where = "/".join(str(p) for p in leaf.absolute_path) or "(top)"
                    lines.append(f"  at {where}: {_short(leaf.message)}")
        else:
            lines.append("  " + _short(str(cause)))
        cause = cause.__cause__ or cause.__context__
    return "\n".join(dict.fromkeys(lines))


def _leaves(schema_error):
    """The innermost errors of a jsonschema error (oneOf/anyOf nest theirs in `context`)."""
    if not schema_error.context:
        return [schema_error]
    return [leaf for sub in schema_error.context for leaf in _leaves(sub)]


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[:limit] + " …"


# -- checks openapi-core does not make ---------------------------------------------------------------

_LITERAL = re.compile(r"(?:guid|datetime)?'(?:[^']|'')*'")
_WORDS = {"eq", "ne", "gt", "lt", "le", "ge", "and", "or", "not", "in", "null", "true", "false", "asc", "desc",
          "now", "sow", "eow", "som", "eom", "today", "tolower", "endswith", "startswith", "substringof"}
_PROPERTY_PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:/[A-Za-z_][A-Za-z0-9_]*)*")
_GUID_LITERAL = re.compile(r"guid'([^']*)'")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def _resolve(schema: dict, document: dict) -> dict:
    while "$ref" in schema:
        node = document
        for part in schema["$ref"][2:].split("/"):
            node = node[part]
        schema = node
    return schema


def _item_schema(document: dict, operation: Operation) -> dict | None:
    method, template = operation
    ok = document["paths"][template][method.lower()]["responses"].get("200", {})
    schema = ok.get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        return None
    schema = _resolve(schema, document)
    return _resolve(schema["items"], document) if schema.get("type") == "array" else schema


def _query_problems(operation: Operation, query: list[tuple[str, str]]) -> list[str]:
    document = contract_document()
    method, template = operation
    item = document["paths"][template]
    declared = set()
    for param in item[method.lower()].get("parameters", []) + item.get("parameters", []):
        param = _resolve(param, document)
        if param["in"] == "query":
            declared.add(param["name"])
    problems = [f"query parameter {name!r} is not declared by {method} {template}"
                for name, _ in query if name not in declared]
    names = [name for name, _ in query]
    problems += [f"query parameter {name!r} sent twice" for name, n in Counter(names).items() if n > 1]
    schema = _item_schema(document, operation)
    for name, value in query:
        if name not in ("filterby", "orderby"):
            continue
        for guid in _GUID_LITERAL.findall(value):
            if not _GUID.match(guid):
                problems.append(f"{name}: guid'{guid}' is not a GUID")
        text = _LITERAL.sub(" ", value)
        for path in _PROPERTY_PATH.findall(text):
            if path.lower() in _WORDS or path.startswith("me."):
                continue
            if schema is None or not _has_property(schema, path.split("/"), document):
                problems.append(f"{name}: {path!r} is not a property of what {method} {template} returns")
    return problems


def _has_property(schema: dict, parts: list[str], document: dict) -> bool:
    for part in parts:
        schema = _resolve(schema, document)
        if schema.get("type") == "array":
            schema = _resolve(schema.get("items", {}), document)
        properties = schema.get("properties", {})
        if part not in properties:
            return False
        schema = properties[part]
    return True


# -- checking one exchange -------------------------------------------------------------------------


def api_path(request: httpx.Request) -> str:
    """The path below /api/v1 ("/me"), or raises ContractViolation."""
    full = request.url.path
    if not full.startswith(API_PREFIX + "/"):
        raise ContractViolation(f"{request.method} {full}: not below {API_PREFIX}")
    return full[len(API_PREFIX):]


def check_request(request: httpx.Request, body: bytes) -> tuple[Operation | None, list[str]]:
    """The documented operation (None: not in the document) and what the request does wrong."""
    path = api_path(request)
    operation = operation_of(request.method, path)
    if operation is None:
        return None, [f"{request.method} {path}: no such operation in the document (or not in the extract)"]
    problems = [_describe(e) for e in _openapi().iter_request_errors(_Request(request, path, body))]
    problems += _query_problems(operation, list(request.url.params.multi_items()))
    return operation, problems


def check_response(request: httpx.Request, body: bytes, operation: Operation, response: httpx.Response) -> list[str]:
    """What the (read) reply to a documented request does wrong."""
    declared = contract_document()["paths"][operation[1]][operation[0].lower()]["responses"]
    if response.status_code < 400 and str(response.status_code) not in declared:
        return [f"status {response.status_code} is not declared for {operation[0]} {operation[1]}"]
    adapted = _Request(request, api_path(request), body)
    return [_describe(e) for e in _openapi().iter_response_errors(adapted, _Response(response))]


# -- the transport ---------------------------------------------------------------------------------


@dataclass
class Exchange:
    method: str
    operation: Operation | None  # None: an undocumented endpoint listed in exceptions.UNDOCUMENTED
    path: str
    status: int


@dataclass
class ValidatingTransport(httpx.AsyncBaseTransport):
    """Checks each exchange; a violation is raised into the caller and kept in `violations`."""

    inner: httpx.AsyncBaseTransport
    exchanges: list[Exchange] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    @property
    def exercised(self) -> set[Operation]:
        return {e.operation for e in self.exchanges if e.operation is not None}

    def _fail(self, text: str) -> None:
        self.violations.append(text)
        raise ContractViolation(text)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        try:
            path = api_path(request)
        except ContractViolation as exc:
            self._fail(str(exc))
        label = f"{request.method} {path}"
        if (request.method, path) in exceptions.UNDOCUMENTED:
            response = await self.inner.handle_async_request(request)
            await response.aread()
            self.exchanges.append(Exchange(request.method, None, path, response.status_code))
            return response
        operation, problems = check_request(request, body)
        if problems:
            self._fail(f"request {label} breaks the contract:\n" + "\n".join(problems))
        response = await self.inner.handle_async_request(request)
        await response.aread()
        self.exchanges.append(Exchange(request.method, operation, path, response.status_code))
        problems = check_response(request, body, operation, response)
        if problems:
            shown = response.content[:600].decode(errors="replace")
            self._fail(f"reply {response.status_code} to {label} breaks the contract:\n" + "\n".join(problems)
                       + f"\nbody: {shown}")
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()
