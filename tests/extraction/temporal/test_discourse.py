"""Discourse policies: expressions resolved against what the article said before.

Quarterly reports: "the latest quarter", "a year ago", "last year" refer to the
quarter the report is about — a quarter that has ended by the publication date
(an outlook for the current quarter does not replace it).

Narrative reference time: anaphoric expressions ("the following month", "the
previous Friday", "that year", "the next day") resolve against the last date
the story named, not the publication date; without one they fall back to it.

Each case: text with every expected extent in [brackets], DCT, expected values.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.extraction.temporal import RuleTemporalTagger
from tests.extraction.temporal.marked import unmark

CASES: list[tuple[str, str, list[str]]] = [
    # an outlook for the current quarter does not become the reported quarter
    (
        "[Third-quarter] net fell 22%. The company has no estimate of the impact on"
        " [fourth-quarter] results. In [the latest quarter], it lost $23 million, compared"
        " with earnings of $33 million [last year].",
        "1989-10-30",
        ["1989-Q3", "1989-Q4", "1989-Q3", "1988-Q3"],
    ),
    # "last year" after a comparison of figures is the reported quarter a year back;
    # without a figure between, it is the year
    (
        "[Third-quarter] net rose 5% to $3 million. The threat comes from the brewing"
        " giant, which [last year] accounted for 41% of beer sales, up from 38% [last year].",
        "1989-10-26",
        ["1989-Q3", "1988", "1988-Q3"],
    ),
    # the article's first quarter is the reported one even when not over (fiscal years)
    (
        "Ralston reported a decline in [fourth-quarter] earnings, compared with $84.9 million"
        " [a year earlier].",
        "1989-11-02",
        ["1989-Q4", "1988-Q4"],
    ),
    # after a year-to-date period, "a year earlier" is the previous year
    (
        "[Third-quarter] net rose 5% from [a year earlier]. In [the first nine months], net"
        " rose 4%, compared with 40% [a year earlier]. In [the 1988 period], it lost money.",
        "1989-10-26",
        ["1989-Q3", "1988-Q3", "P9M", "1988", "1988"],
    ),
    # "the quarter ended Sept. 30" is the quarter that date closes (July-September);
    # "the quarter" after it is that quarter
    (
        "Delta earned a record in [the third quarter]. For [the quarter] ended"
        " [July 31], net rose from $100 million [a year earlier]. Passenger traffic"
        " jumped 14% in [the quarter].",
        "1989-10-26",
        ["1989-Q3", "1989-Q2", "1989-07-31", "1988-Q2", "1989-Q2"],
    ),
    # ... unless the article numbers its quarters by a fiscal year: then the quarter
    # keeps the fiscal number the article gave it (as TimeML writes it)
    (
        "Delta earned a record in [the fiscal first quarter]. For [the quarter] ended"
        " [Sept. 30], net rose from $100 million [a year earlier].",
        "1989-10-26",
        ["1989-Q1", "1989-Q1", "1989-09-30", "1988-Q1"],
    ),
    # a quarter that has not ended by the publication date is no reported quarter
    (
        "[Third-quarter] net fell. It expects a loss for [the quarter] ending [Dec. 31]."
        " In [the quarter], sales fell.",
        "1989-10-26",
        ["1989-Q3", "1989-Q4", "1989-12-31", "1989-Q3"],
    ),
    # a quarter named as what came before ("after a flat second quarter", "up from
    # the second quarter") is a sequential comparison, not the reported quarter
    (
        "Net rose in [the third quarter] from [a year ago]. After a flat [second quarter],"
        " gains came from diapers. Charges were taken in [the year-earlier period].",
        "1989-11-01",
        ["1989-Q3", "1988-Q3", "1989-Q2", "1988-Q3"],
    ),
    (
        "Net rose in [the third quarter], up 4% from [the second quarter]. Sales"
        " rose from [a year ago].",
        "1989-11-01",
        ["1989-Q3", "1989-Q2", "1988-Q3"],
    ),
    # ... while a quarter reported later in the article still replaces it
    (
        "Net rose in [the third quarter]. Its unit posted a loss in [the second quarter]."
        " Sales fell from [a year ago].",
        "1989-11-01",
        ["1989-Q3", "1989-Q2", "1988-Q2"],
    ),
    # narrative reference time: the last date the story named
    (
        "In [March], it received an offer. [The following month], the company put itself"
        " up for sale.",
        "1989-10-27",
        ["1989-03", "1989-04"],
    ),
    (
        "The index closed lower [Friday], down 4.5% from [the previous Friday].",
        "1989-10-30",
        ["1989-10-27", "1989-10-20"],
    ),
    (
        "Imports totaled $37.3 million in [1988], a small share of all imports [that year].",
        "1989-11-02",
        ["1988", "1988"],
    ),
    (
        "He was elected in [1996] and resigned [the following year].",
        "1998-04-18",
        ["1996", "1997"],
    ),
    (
        "The talks began on [March 3, 1997]. [The next day], the envoy left.",
        "1998-04-18",
        ["1997-03-03", "1997-03-04"],
    ),
    # no earlier date: the publication date is the reference
    ("[The following week] the board will meet.", "2020-11-06", ["2020-W46"]),
]


@pytest.mark.parametrize(("text", "dct", "values"), CASES, ids=[c[0][:40] for c in CASES])
def test_discourse(tagger: RuleTemporalTagger, text: str, dct: str, values: list[str]) -> None:
    plain, spans = unmark(text)
    found = tagger.tag(plain, dt.date.fromisoformat(dct))
    assert [(t.start, t.end) for t in found] == spans, [(t.text, t.value) for t in found]
    assert [t.value for t in found] == values
