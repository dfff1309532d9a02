"""The committed extract is awork's document, cut by scripts/openapi_extract.py, and nothing else."""

from __future__ import annotations

import copy
import importlib.util
import json
import os
from pathlib import Path

import pytest
from openapi_core import OpenAPI

from . import exceptions
from .validating import EXTRACT, contract_document, load_extract

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "openapi_extract.py"
# CI runs in a fresh clone with a copy of shared/ beside it, as the developers' checkouts have.
DOCUMENT = ROOT.parent / "shared" / "reference" / "awork-openapi-v1.json"


def _script():
    spec = importlib.util.spec_from_file_location("openapi_extract", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_extract_is_what_the_script_makes_of_awork_s_document():
    if not DOCUMENT.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"CI must have awork's OpenAPI document at {DOCUMENT} (shared/ beside the clone)")
        pytest.skip(f"awork's OpenAPI document is not at {DOCUMENT}: the committed extract cannot be compared "
                    "with it here (CI compares it)")
    fresh = _script().build(DOCUMENT)
    committed = EXTRACT.read_text(encoding="utf-8")
    assert fresh == committed, ("tests/contract/awork-openapi-v1.extract.json is stale or edited by hand: "
                                "run python scripts/openapi_extract.py")


def test_the_extract_holds_exactly_the_listed_operations():
    script = _script()
    paths = load_extract()["paths"]
    held = {(m, p) for p, item in paths.items() for m in item if m in ("get", "put", "post", "delete", "patch")}
    assert held == set(script.OPERATIONS)


def test_the_script_refuses_an_operation_the_document_lacks():
    script = _script()
    document = json.loads(EXTRACT.read_text(encoding="utf-8"))
    with pytest.raises(script.ExtractError, match="GET /me/timer"):
        script.extract(document, operations=(("get", "/me"), ("get", "/me/timer")))


def test_the_extract_and_the_contract_with_its_exceptions_are_valid_openapi():
    # from_dict validates the document against the OpenAPI 3.0 schema.
    OpenAPI.from_dict(load_extract())
    OpenAPI.from_dict(contract_document())


def test_every_exception_still_matches_the_document_and_says_why():
    for deviation in exceptions.DEVIATIONS:
        assert len(deviation.reason) > 40, deviation.pointer
        exceptions.apply(copy.deepcopy(load_extract()), (deviation,))  # raises when it no longer applies
    for reason in (*exceptions.UNDOCUMENTED.values(), *exceptions.NOTES.values()):
        assert len(reason) > 40


def test_an_exception_the_document_no_longer_needs_is_refused():
    stale = exceptions.Deviation("/components/schemas/TimeTracking/properties/startDateLocal",
                                 expect={"format": "date"}, changes={"format": None}, reason="x")
    with pytest.raises(LookupError, match="revisit"):
        exceptions.apply(copy.deepcopy(load_extract()), (stale,))
