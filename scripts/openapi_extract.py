#!/usr/bin/env python3
"""Write the part of awork's official OpenAPI document that awork tray speaks to.

awork's v1 document (`../shared/reference/awork-openapi-v1.json`, 2.3 MB, 510 paths) is the
authority on what the API accepts and returns. The contract tests (tests/contract) validate
every request the client sends and every reply the fake awork gives against it, but they only
need the operations listed below and the schemas those reach. This script cuts that out:
the chosen operations, every component they reference (transitively, so each `$ref` still
resolves), the security schemes, and nothing else. Examples are dropped (they are not part of
the contract and one of them is not even valid against its own schema); descriptions stay,
since they carry awork's word on behaviour.

The output is deterministic (sorted keys, compact separators, one trailing newline), so the
committed extract can be compared byte for byte with a fresh one (tests/contract/test_extract.py).

    python scripts/openapi_extract.py [DOCUMENT] [-o OUTPUT]

DOCUMENT defaults to ../shared/reference/awork-openapi-v1.json beside the repository;
OUTPUT to tests/contract/awork-openapi-v1.extract.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DOCUMENT = ROOT.parent / "shared" / "reference" / "awork-openapi-v1.json"
DEFAULT_OUTPUT = ROOT / "tests" / "contract" / "awork-openapi-v1.extract.json"

# (method, path) exactly as the document spells them: what awork tray calls today, or will.
OPERATIONS: tuple[tuple[str, str], ...] = (
    ("get", "/me"),
    ("get", "/me/timeentries/last"),
    ("post", "/me/timetracking/start"),
    ("post", "/me/timetracking/stop"),
    ("post", "/me/timetracking/pause"),
    ("post", "/me/timetracking/resume"),
    ("get", "/typeofwork"),
    ("get", "/projects/{projectId}/typeofwork"),
    ("get", "/timetracking/settings"),
    ("get", "/timeentries"),
    ("post", "/timeentries"),
    ("get", "/timeentries/{timeEntryId}"),
    ("put", "/timeentries/{timeEntryId}"),
    ("delete", "/timeentries/{timeEntryId}"),
    ("get", "/me/assignedtasks"),
    ("get", "/search"),
    ("get", "/tasks/{taskId}"),
    ("get", "/tasks/key/{taskIdentifier}"),
    ("get", "/projects/{projectId}"),
    ("post", "/clientapplications/register"),
    ("delete", "/accounts/me/authorizedclients/{clientId}"),
)

_DROPPED = ("example", "examples")


class ExtractError(Exception):
    """The document lacks something the extract needs."""


def _clean(node):
    """A copy without examples. Keys named "example" inside `properties` are property names, kept."""
    if isinstance(node, list):
        return [_clean(item) for item in node]
    if not isinstance(node, dict):
        return node
    return {key: (_clean_properties(value) if key == "properties" else _clean(value))
            for key, value in node.items() if key not in _DROPPED}


def _clean_properties(properties):
    if not isinstance(properties, dict):
        return _clean(properties)
    return {name: _clean(schema) for name, schema in properties.items()}


def _refs(node, found: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            found.add(ref)
        for value in node.values():
            _refs(value, found)
    elif isinstance(node, list):
        for item in node:
            _refs(item, found)


def _resolve(document: dict, ref: str):
    if not ref.startswith("#/"):
        raise ExtractError(f"only local references are supported, not {ref!r}")
    node = document
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            raise ExtractError(f"{ref!r} does not resolve in the document")
        node = node[part]
    return node


def extract(document: dict, operations=OPERATIONS) -> dict:
    """The sub-document for `operations`, with every component they reach."""
    paths: dict[str, dict] = {}
    missing = []
    for method, path in operations:
        item = document.get("paths", {}).get(path)
        if item is None or method not in item:
            missing.append(f"{method.upper()} {path}")
            continue
        target = paths.setdefault(path, {})
        # Parameters and servers declared on the path item apply to every method below it.
        for key in ("parameters", "servers"):
            if key in item:
                target[key] = _clean(item[key])
        target[method] = _clean(item[method])
    if missing:
        raise ExtractError("not in the document: " + ", ".join(missing))

    components: dict[str, dict] = {}
    pending: set[str] = set()
    _refs(paths, pending)
    seen: set[str] = set()
    while pending:
        ref = pending.pop()
        if ref in seen:
            continue
        seen.add(ref)
        parts = ref[2:].split("/")
        if len(parts) != 3 or parts[0] != "components":
            raise ExtractError(f"unexpected reference {ref!r}")
        node = _clean(_resolve(document, ref))
        components.setdefault(parts[1], {})[parts[2]] = node
        _refs(node, pending)

    schemes = document.get("components", {}).get("securitySchemes")
    if schemes:
        components["securitySchemes"] = _clean(schemes)
    out = {key: document[key] for key in ("openapi", "servers", "security") if key in document}
    out["info"] = {key: document["info"][key] for key in ("title", "version") if key in document.get("info", {})}
    out["paths"] = paths
    out["components"] = components
    return out


def render(extracted: dict) -> str:
    return json.dumps(extracted, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


def build(document_path: Path) -> str:
    with open(document_path, encoding="utf-8") as handle:
        return render(extract(json.load(handle)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("document", nargs="?", type=Path, default=DEFAULT_DOCUMENT,
                        help="awork's OpenAPI v1 document (default: %(default)s)")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT, help="where to write (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        text = build(args.document)
    except OSError as exc:
        print(f"Cannot read {args.document}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except (ValueError, ExtractError) as exc:
        print(f"Cannot extract from {args.document}: {exc}", file=sys.stderr)
        return 1
    args.output.write_text(text, encoding="utf-8")
    print(f"Wrote {args.output} ({len(text.encode()) // 1024} KB, {len(OPERATIONS)} operations)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
