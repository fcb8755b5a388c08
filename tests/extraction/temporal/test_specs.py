"""Specs for sentences with several expressions and for the issue's error classes.

Each case: a text with every expected extent in [brackets], the DCT, and the
expected (value, start_date, end_date) per extent; nothing else may be found.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.extraction.temporal import RuleTemporalTagger
from tests.extraction.temporal.marked import unmark

Expected = tuple[str, str | None, str | None]

CASES: list[tuple[str, str, list[Expected]]] = [
    # weekday on the publication day is the publication day; "said" keeps it there
    (
        "The ministry said [Friday] it would respond.",
        "2020-11-06",
        [("2020-11-06", "2020-11-06", "2020-11-06")],
    ),
    # tense decides the year of a bare month
    (
        "The report is due to be published in [May].",
        "2020-11-06",
        [("2021-05", "2021-05-01", "2021-05-31")],
    ),
    ("The programme runs through [June].", "2020-03-10", [("2020-06", None, None)]),
    ("In [March] the company announced job cuts.", "2020-11-06", [("2020-03", None, None)]),
    # durations are not dates; a race time is a duration
    (
        "He served [five years] and won in [3:07:35].",
        "2020-11-06",
        [("P5Y", None, None), ("PT3H7M35S", None, None)],
    ),
    # now, decades, centuries
    (
        "[Now] [the 1990s] look tame.",
        "2020-11-06",
        [("PRESENT_REF", "2020-11-06", "2020-11-06"), ("199", "1990-01-01", "1999-12-31")],
    ),
    (
        "the greatest event of [the 20th century]",
        "2020-11-06",
        [("19", "1900-01-01", "1999-12-31")],
    ),
    # look-alikes
    ("We appear to agree that it may rain.", "2020-11-06", []),
    ("It grew 2 1/2 times, short of a 50% rise.", "2020-11-06", []),
    ("He spoke to Russia Today.", "2020-11-06", []),
    # spans never swallow prepositions or neighbours
    (
        "It happened on [April 7], the day after.",
        "2020-11-06",
        [("2020-04-07", "2020-04-07", "2020-04-07")],
    ),
    # (the news present "resume" is a scheduled event: the coming Friday)
    (
        "Talks resume on [Friday] in [May].",
        "2020-03-02",
        [("2020-03-06", None, None), ("2020-05", None, None)],
    ),
    # ranges: one interval
    (
        "The fair runs from [1 to 5 October].",
        "2020-09-20",
        [("2020-10-01", "2020-10-01", "2020-10-05")],
    ),
    (
        "Talks will be held between [Monday and Wednesday].",
        "2020-11-06",
        [("2020-11-09", "2020-11-09", "2020-11-11")],
    ),
    ("the [1998-99] season", "1999-06-01", [("1998", "1998-01-01", "1999-12-31")]),
    # fuzzy modifiers, quarters, halves, seasons
    (
        "Sales fell in [early 2020] and [mid-March].",
        "2020-11-06",
        [("2020", "2020-01-01", "2020-04-30"), ("2020-03", "2020-03-11", "2020-03-20")],
    ),
    (
        "Profit rose in [the third quarter] and [the first half].",
        "2020-11-06",
        [("2020-Q3", "2020-07-01", "2020-09-30"), ("2020-H1", "2020-01-01", "2020-06-30")],
    ),
    ("It opened [last summer].", "2020-11-06", [("2019-SU", "2019-06-01", "2019-08-31")]),
    (
        "By [the end of the decade] output doubled.",
        "2020-11-06",
        [("202", "2027-01-01", "2029-12-31")],
    ),
    # relative amounts: "ago" is part of the date; in "two days later" TimeML
    # marks the amount only (a duration anchored to an event, not to the DCT)
    (
        "It began [three weeks ago] and ends [two days] later.",
        "2020-11-06",
        [("2020-W42", "2020-10-12", "2020-10-18"), ("P2D", None, None)],
    ),
    # times of day; a bare clock time is on the last day the story named;
    # "Sunday night" is valued as the day (TimeBank + AQUAINT majority)
    (
        "Shelling began [Sunday night] and stopped at [8 PM].",
        "2020-11-06",
        [("2020-11-01", "2020-11-01", "2020-11-01"), ("2020-11-01T20:00", None, None)],
    ),
    (
        "Shelling began [Sunday evening] and stopped at [8 PM].",
        "2020-11-06",
        [("2020-11-01TEV", "2020-11-01", "2020-11-01"), ("2020-11-01T20:00", None, None)],
    ),
    ("Polls close at [8 PM].", "2020-11-06", [("2020-11-06T20:00", "2020-11-06", None)]),
    # vague references with bounds
    (
        "[Recently] prices rose, and in [the coming months] they may fall.",
        "2020-11-06",
        [("PAST_REF", None, "2020-11-06"), ("FUTURE_REF", "2020-11-06", None)],
    ),
    # sets
    (
        "Markets open [every Monday] and report [weekly].",
        "2020-11-06",
        [("XXXX-WXX-1", None, None), ("P1W", None, None)],
    ),
    # clause cues: a decimal point ends no clause; "a still unspecified" is an
    # adjective, not a past verb; "agreed to <verb>" points ahead like "plans to"
    (
        "The stock rose to $42.875 in [June] from $29.75 in [March].",
        "1989-10-30",
        [("1989-06", None, None), ("1989-03", None, None)],
    ),
    (
        "It will be paid on a still unspecified date in [January].",
        "1989-10-26",
        [("1990-01", None, None)],
    ),
    (
        "Thermo, which agreed to purchase the line for $22 million in [February].",
        "1989-10-30",
        [("1990-02", None, None)],
    ),
    # after "by" / "effective" a date ahead wins unless the past one is much nearer
    ("Qantas plans more flights by [August].", "1998-02-13", [("1998-08", None, None)]),
    ("the new labor pact effective [June 1].", "1989-10-26", [("1990-06-01", None, None)]),
    ("the offer expires [Oct. 19].", "1989-10-26", [("1989-10-19", None, None)]),
    # "as soon as" makes its clause future, whatever verb sits next to the weekday
    (
        "They were likely to buy its stock as soon as trading opened [Monday].",
        "1989-11-01",
        [("1989-11-06", None, None)],
    ),
]


@pytest.mark.parametrize(("text", "dct", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_spec(tagger: RuleTemporalTagger, text: str, dct: str, expected: list[Expected]) -> None:
    plain, spans = unmark(text)
    found = tagger.tag(plain, dt.date.fromisoformat(dct))
    assert [(t.start, t.end) for t in found] == spans, [(t.text, t.value) for t in found]
    for t, (value, start_date, end_date) in zip(found, expected, strict=True):
        assert t.value == value, t
        if start_date:
            assert t.start_date == dt.date.fromisoformat(start_date), t
        if end_date:
            assert t.end_date == dt.date.fromisoformat(end_date), t
