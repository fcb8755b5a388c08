"""The two seed articles (MUST-PASS specs): exact spans, values and intervals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.extraction.temporal import RuleTemporalTagger
from app.extraction.types import Granularity, Timex

SEEDS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "seeds"
D = dt.date.fromisoformat


def _read(name: str) -> str:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"seed data not found at {path}")
    return path.read_text(encoding="utf-8")


def _by_text(timexes: list[Timex]) -> dict[str, list[Timex]]:
    out: dict[str, list[Timex]] = {}
    for t in timexes:
        out.setdefault(t.text, []).append(t)
    return out


def test_seed_001_weekdays_and_partial_date(tagger: RuleTemporalTagger) -> None:
    text = _read("001_775ba3dc0255bdde.txt")
    header_end = text.index("date 2020-10-06") + len("date 2020-10-06")
    found = [t for t in tagger.tag(text, D("2020-10-06")) if t.start >= header_end]
    by_text = _by_text(found)

    tuesdays = by_text.pop("Tuesday")
    assert len(tuesdays) == 2
    for t in tuesdays:
        assert text[t.start : t.end] == "Tuesday"
        assert (t.value, t.start_date, t.end_date) == (
            "2020-10-06",
            D("2020-10-06"),
            D("2020-10-06"),
        )
        assert t.granularity is Granularity.DAY
    (sept,) = by_text.pop("September 27")
    assert (sept.value, sept.start_date, sept.granularity) == (
        "2020-09-27",
        D("2020-09-27"),
        Granularity.DAY,
    )
    (recent,) = by_text.pop("recent weeks")
    assert recent.value == "PAST_REF" and recent.granularity is Granularity.VAGUE
    assert recent.end_date == D("2020-10-06")
    # nothing else: "we", "We", "Today"… are not dates
    assert by_text == {}


def test_seed_001_header_date_is_the_dct(tagger: RuleTemporalTagger) -> None:
    text = _read("001_775ba3dc0255bdde.txt")
    first = tagger.tag(text, D("2020-10-06"))[0]
    assert (first.text, first.value) == ("2020-10-06", "2020-10-06")


def test_seed_000_fuzzy_and_relative(tagger: RuleTemporalTagger) -> None:
    text = _read("000_20e5c222f55f49f2.txt")
    found = tagger.tag(text, D("2020-11-06"))
    got = {t.text: t for t in found}
    assert sorted(got) == ["Late last week", "November 5", "late September", "this week"]

    assert (got["November 5"].value, got["November 5"].start_date) == (
        "2020-11-05",
        D("2020-11-05"),
    )
    late_last = got["Late last week"]
    assert (late_last.value, late_last.mod) == ("2020-W44", "END")
    assert (late_last.start_date, late_last.end_date) == (D("2020-10-29"), D("2020-11-01"))
    assert late_last.granularity is Granularity.WEEK
    this_week = got["this week"]
    assert this_week.value == "2020-W45"
    assert (this_week.start_date, this_week.end_date) == (D("2020-11-02"), D("2020-11-08"))
    late_sept = got["late September"]
    assert (late_sept.value, late_sept.mod) == ("2020-09", "END")
    assert (late_sept.start_date, late_sept.end_date) == (D("2020-09-21"), D("2020-09-30"))
    assert late_sept.granularity is Granularity.MONTH


def test_seed_000_russia_today_is_not_a_date(tagger: RuleTemporalTagger) -> None:
    text = _read("000_20e5c222f55f49f2.txt")
    at = text.index("Russia Today")
    for t in tagger.tag(text, D("2020-11-06")):
        assert not (t.start < at + len("Russia Today") and at < t.end)


def test_recent_weeks_alone_is_vague_ending_at_dct(tagger: RuleTemporalTagger) -> None:
    text = "In recent weeks Western media have quoted rebels."
    (t,) = tagger.tag(text, D("2020-11-06"))
    assert (t.text, t.value, t.granularity) == ("recent weeks", "PAST_REF", Granularity.VAGUE)
    assert t.end_date == D("2020-11-06") and t.start_date == D("2020-10-09")
