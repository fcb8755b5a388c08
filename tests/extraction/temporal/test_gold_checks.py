"""evaluation/gold_checks.py: gold values ruled out by the words of their own span."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.gold_checks import contradiction, unwrap_timexes
from evaluation.tempeval import contradictions, without_spans


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("Wednesday", "DATE", "1999-02-09"),  # a Tuesday
        ("9 a.m. EST Tuesday", "DATE", "2000-04-03T09:00"),  # a Monday
        ("Sept. 27, 1989", "DATE", "1989-11-27"),
        ("July last year", "DATE", "1997-06"),
        ("Oct. 12", "DATE", "1989-10-21"),
        ("the 1988 period", "DATE", "1998"),
        ("13 years", "DURATION", "P12Y"),
        ("six months", "DURATION", "P6D"),
        ("two decades", "DURATION", "P2Y"),
        ("Tuesday", "DATE", "1999-02-30"),  # no such day
        ("six months", "DURATION", "P6W"),
    ],
)
def test_contradictions_are_found(text: str, type_: str, value: str) -> None:
    assert contradiction(text, type_, value) is not None


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("Wednesday", "DATE", "1999-02-10"),
        ("Wednesday night", "TIME", "2000-01-05TEV"),
        ("Sept. 27, 1989", "DATE", "1989-09-27"),
        ("July last year", "DATE", "1997-07"),
        ("the day before last Tuesday", "DATE", "2000-02-21"),  # shifts what it names
        ("a year ago", "DATE", "1988-Q3"),
        ("fiscal 1988", "DATE", "1987"),
        ("the week of March 6", "DATE", "2000-W10"),
        ("1998", "DATE", "PAST_REF"),  # no calendar value to compare
        ("two decades", "DURATION", "P20Y"),
        ("a week", "DURATION", "P7D"),
        ("about a decade", "DURATION", "P1E"),
        ("several years", "DURATION", "PXY"),
        ("every week", "SET", "P1W"),
        ("12 months", "DURATION", "P1Y"),  # the same length in another unit
        ("two weeks", "DURATION", "P14D"),
        ("the 1997-98 season", "DATE", "1998"),  # a range, not one year
        ("the mid-1990s", "DATE", "1995"),
    ],
)
def test_consistent_values_pass(text: str, type_: str, value: str) -> None:
    assert contradiction(text, type_, value) is None


def test_unwrap_keeps_the_text_and_the_other_tags() -> None:
    source = (
        '<TEXT>On <TIMEX3 tid="t1" type="DATE" value="1999-02-09">Wednesday</TIMEX3> and '
        '<TIMEX3 tid="t2" type="DATE" value="1999-02-09">Tuesday</TIMEX3>.</TEXT>'
    )
    assert unwrap_timexes(source, {"t1"}) == (
        '<TEXT>On Wednesday and <TIMEX3 tid="t2" type="DATE" value="1999-02-09">Tuesday'
        "</TIMEX3>.</TEXT>"
    )


def test_set_aside_drops_the_gold_timex_and_overlapping_system_ones(tmp_path: Path) -> None:
    tml = (
        '<?xml version="1.0" ?>\n<TimeML><DOCID>d1</DOCID>\n'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="1999-02-10">x</TIMEX3></DCT>\n'
        '<TEXT>He said on <TIMEX3 tid="t1" type="DATE" value="1999-02-09">Wednesday</TIMEX3>'
        ' it ends <TIMEX3 tid="t2" type="DATE" value="1999-03">in March</TIMEX3>.</TEXT>'
        "</TimeML>\n"
    )
    (tmp_path / "d1.tml").write_text(tml, encoding="utf-8")
    found = contradictions([tmp_path])
    assert [(c.doc, c.tid, c.text) for c in found] == [("d1", "t1", "Wednesday")]
    start = found[0].start
    lines = [
        {
            "doc": "d1",
            "timexes": [
                {"start": start, "end": start + 9, "type": "DATE", "value": "1999-02-10"},
                {"start": start + 19, "end": start + 27, "type": "DATE", "value": "1999-03"},
            ],
        }
    ]
    assert [t["value"] for t in without_spans(lines, found)[0]["timexes"]] == ["1999-03"]
