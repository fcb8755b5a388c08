"""Trigger gating is an optimisation only: it must find exactly what full scans find."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from app.extraction.temporal import RuleTemporalTagger
from app.extraction.temporal.rules.triggers import TRIGGERS
from app.extraction.temporal.tagger import all_rules

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT.parent / "shared" / "data" / "tempeval3"
TOOLS = ROOT.parent / "shared" / "tools" / "tempeval"


def test_every_rule_has_triggers() -> None:
    assert {r.name for r in all_rules()} == set(TRIGGERS)


def test_gated_tagging_equals_full_scans_on_the_dev_corpus() -> None:
    if not DATA.exists():
        pytest.skip(f"TempEval-3 data not found at {DATA}")
    sys.path.insert(0, str(TOOLS))
    try:
        import corpus  # the shared tools' TimeML reader
    finally:
        sys.path.remove(str(TOOLS))
    gated, full = RuleTemporalTagger(), RuleTemporalTagger(gated=False)
    n = 0
    for folder in ("TimeBank", "AQUAINT"):
        for doc in corpus.load_corpus(str(DATA / folder)):
            dct = dt.date.fromisoformat(doc.dct[:10])
            assert gated.tag(doc.text, dct) == full.tag(doc.text, dct), doc.doc_id
            n += 1
    assert n == 256
