"""Every rule's examples, negatives and latent phrases, run through the whole tagger."""

from __future__ import annotations

import datetime as dt

import pytest

from app.extraction.temporal import RuleTemporalTagger
from app.extraction.temporal.rules import (
    absolute,
    durations,
    holidays,
    non_dates,
    periods,
    relative,
    vague,
    weekday,
)
from app.extraction.temporal.rules.base import Example
from app.extraction.temporal.tagger import all_rules
from tests.extraction.temporal.marked import unmark

FAMILIES = (absolute, weekday, relative, periods, vague, durations, holidays, non_dates)

EXAMPLES = [(rule.name, ex) for rule in all_rules() for ex in rule.examples]
NEGATIVES = [text for family in FAMILIES for text in getattr(family, "NEGATIVES", ())]
LATENT = [pair for family in FAMILIES for pair in getattr(family, "LATENT", ())]


def _split(text: str) -> tuple[str, int, int]:
    """An example marks one span; an unmarked example is a span of its own."""
    plain, spans = unmark(text)
    start, end = spans[0] if spans else (0, len(plain))
    return plain, start, end


def test_every_rule_has_examples() -> None:
    assert all(rule.examples for rule in all_rules())


@pytest.mark.parametrize(("rule_name", "ex"), EXAMPLES, ids=[f"{r}:{e.text}" for r, e in EXAMPLES])
def test_rule_example(tagger: RuleTemporalTagger, rule_name: str, ex: Example) -> None:
    text, start, end = _split(ex.text)
    found = tagger.tag(text, dt.date.fromisoformat(ex.dct))
    hits = [t for t in found if t.start < end and start < t.end]
    assert len(hits) == 1, f"expected one timex over {text[start:end]!r}, got {found}"
    t = hits[0]
    assert (t.start, t.end, t.text) == (start, end, text[start:end])
    assert t.value == ex.value
    family = rule_name.split(".")[0]
    assert t.rule.split(".")[0] == family, t.rule
    if ex.mod is not None:
        assert t.mod == ex.mod
    if ex.granularity is not None:
        assert t.granularity is not None and t.granularity.value == ex.granularity
    if ex.start_date is not None:
        assert t.start_date == dt.date.fromisoformat(ex.start_date)
    if ex.end_date is not None:
        assert t.end_date == dt.date.fromisoformat(ex.end_date)
    if ex.type is not None:
        assert t.type.value == ex.type


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative(tagger: RuleTemporalTagger, text: str) -> None:
    """Nothing in the text, or with a [bracketed] part, nothing over that part
    ("Between April 24 and [25] people": the date stays, the figure is none)."""
    plain, spans = unmark(text)
    found = tagger.tag(plain, dt.date(2020, 11, 6))
    if not spans:
        assert found == []
    for start, end in spans:
        assert [t for t in found if t.start < end and start < t.end] == [], found


@pytest.mark.parametrize(("alone", "in_context"), LATENT)
def test_latent(tagger: RuleTemporalTagger, alone: str, in_context: str) -> None:
    assert tagger.tag(alone, dt.date(2020, 11, 6)) == []
    text, start, end = _split(in_context)
    (t,) = tagger.tag(text, dt.date(2020, 11, 6))
    assert (t.start, t.end) == (start, end)
