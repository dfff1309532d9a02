"""Which items of ICU's data the Linux bundle leaves out (packaging/linux/icu_data.py)."""

from __future__ import annotations

import sys

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.packaging

sys.path.insert(0, str(ROOT / "packaging" / "linux"))
from icu_data import droppable  # noqa: E402

sys.path.remove(str(ROOT / "packaging" / "linux"))


@pytest.mark.parametrize("item", [
    "root.res", "res_index.res", "pool.res", "coll/root.res", "coll/res_index.res", "coll/ucadata.icu",
    "de.res", "de_AT.res", "en_GB.res", "en_US_POSIX.res", "coll/de__PHONEBOOK.res", "zone/de.res",
    "supplementalData.res", "metaZones.res", "zoneinfo64.res", "likelySubtags.res", "unames.icu", "uts46.nrm",
    "nfkc.nrm", "cnvalias.icu", "brkitr/word.brk", "brkitr/root.res",
])
def test_kept(item):
    assert not droppable(item)


@pytest.mark.parametrize("item", [
    "fr.res", "zh_Hant_TW.res", "coll/zh.res", "coll/es_.res", "lang/ja.res", "curr/fr_CA.res",
    "ibm-943_P15A-2003.cnv", "brkitr/cjdict.dict", "translit/Latin_ASCII.res", "rbnf/de.res",
])
def test_dropped(item):
    assert droppable(item)
