"""evaluation/tempeval.py --classes: value errors bucketed without any text."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.tempeval import rule_counts, run, value_error_class, value_shape


@pytest.mark.parametrize(
    ("gold", "system", "expected"),
    [
        (("DATE", "1989-WXX"), ("DATE", "1989-W43"), "DATE/DATE shape 9999-WXX <- 9999-W99"),
        (("DATE", "1990-08-10"), ("DATE", "1990-08-17"), "DATE/DATE day sys-gold=+7"),
        (("DATE", "1988-Q3"), ("DATE", "1988-Q4"), "DATE/DATE quarter sys-gold=+1"),
        (("DATE", "1988-12"), ("DATE", "1989-12"), "DATE/DATE month sys-gold=+12"),
        (("DATE", "1989-W42"), ("DATE", "1989-W43"), "DATE/DATE week sys-gold=+1"),
        (("DURATION", "PXM"), ("DATE", "PAST_REF"), "DURATION/DATE shape PXM <- PAST_REF"),
        (("DATE", "1989-SP"), ("DATE", "1988-SP"), "DATE/DATE same shape 9999-SP"),
    ],
)
def test_value_error_class(gold: tuple[str, str], system: tuple[str, str], expected: str) -> None:
    assert value_error_class(gold[0], gold[1], system[0], system[1]) == expected


def test_value_shape() -> None:
    assert value_shape("2000-W7") == "9999-W9"
    assert value_shape("PRESENT_REF") == "PRESENT_REF"


def test_rule_counts_are_counts_only(tmp_path: Path) -> None:
    tml = (
        '<?xml version="1.0" ?>\n<TimeML><DOCID>d1</DOCID>\n'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="2020-11-06">x</TIMEX3></DCT>\n'
        '<TEXT>They met <TIMEX3 tid="t1" type="DATE" value="2020-11-02">Monday</TIMEX3>'
        " and talked for hours.</TEXT></TimeML>\n"
    )
    (tmp_path / "d1.tml").write_text(tml, encoding="utf-8")
    lines, _elapsed, _chars = run([tmp_path])
    assert all("rule" in t for t in lines[0]["timexes"])
    counts = rule_counts(lines, [tmp_path])
    assert counts["weekday.named"]["n"] == 1
    assert counts["weekday.named"]["ok DATE 9999-99-99"] == 1
    assert counts["duration.bare_plural"]["fp"] == 1


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        (
            "bought from Aug. 26 to Oct. 20 for $23",
            "1989-10-30",
            [("Aug. 26", "1989-08-26"), ("Oct. 20", "1989-10-20")],
        ),
        ("sold between 1985 and 1987.", "1989-10-30", [("1985", "1985"), ("1987", "1987")]),
        ("on Oct. 20 they sold", "1989-10-30", [("Oct. 20", "1989-10-20")]),
    ],
)
def test_timeml_export_writes_each_end_of_a_range(
    text: str, dct: str, expected: list[tuple[str, str]]
) -> None:
    import datetime as dt

    from app.extraction.temporal import RuleTemporalTagger
    from evaluation.tempeval import timeml_split

    out = [
        j
        for t in RuleTemporalTagger().tag(text, dt.date.fromisoformat(dct))
        for j in timeml_split(t)
    ]
    assert [(text[j["start"] : j["end"]], j["value"]) for j in out] == expected
