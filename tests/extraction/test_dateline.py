"""Publication date from the request, the text's own date line, or receipt (SPEC §4)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.extraction.dateline import resolve_publication
from app.extraction.types import PublishedAtSource

RECEIVED = dt.datetime(2026, 11, 21, 9, 30, tzinfo=dt.UTC)
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seeds"

# (text, expected value, expected span text)
FROM_TEXT = [
    ("date 2020-10-06 The head of ...", dt.date(2020, 10, 6), "date 2020-10-06"),
    (
        "Published: 2020-10-06T08:00:00Z\nHello",
        dt.datetime(2020, 10, 6, 8, 0, tzinfo=dt.UTC),
        "Published: 2020-10-06T08:00:00Z",
    ),
    (
        "MOSCOW, Oct 6 (Reuters) - The Kremlin said",
        dt.date(2026, 10, 6),
        "MOSCOW, Oct 6 (Reuters) -",
    ),
    (
        "PARIS, 6 October 2020 (AFP) \u2014 x",
        dt.date(2020, 10, 6),
        "PARIS, 6 October 2020 (AFP) \u2014",
    ),
    (
        "Apple unveils iPod nano\n\nSeptember 7, 2005\n\nApple today",
        dt.date(2005, 9, 7),
        "September 7, 2005",
    ),
    ("Title\n\nOctober 04, 2005\n\nBody", dt.date(2005, 10, 4), "October 04, 2005"),
    ("Title\n\n7 May 2005\n\nBody", dt.date(2005, 5, 7), "7 May 2005"),
]


@pytest.mark.parametrize(("text", "expected", "span_text"), FROM_TEXT)
def test_date_line_in_text_is_the_publication_date(
    text: str, expected: dt.date, span_text: str
) -> None:
    publication = resolve_publication(text, None, RECEIVED)
    assert publication.source is PublishedAtSource.TEXT
    assert publication.value == expected
    assert publication.span is not None
    assert text[publication.span[0] : publication.span[1]].strip() == span_text


def test_year_less_wire_date_is_never_after_receipt() -> None:
    publication = resolve_publication("MOSCOW, Dec 30 (Reuters) - x", None, RECEIVED)
    assert publication.value == dt.date(2025, 12, 30)


@pytest.mark.parametrize(
    "text",
    [
        "No date line. Talks resume on May 7, 2005 in Geneva.",
        "The deal, signed 2020-10-06, ...",
        "Title\n\nMay is a month\n\nBody",
        "Title\n\nFebruary 30, 2005\n\nBody",
    ],
)
def test_dates_inside_the_story_are_not_a_date_line(text: str) -> None:
    publication = resolve_publication(text, None, RECEIVED)
    assert publication.source is PublishedAtSource.RECEIVED
    assert publication.value == RECEIVED


def test_request_date_wins_over_the_text_but_the_date_line_is_still_marked() -> None:
    publication = resolve_publication("date 2020-10-06 x", dt.date(2021, 1, 2), RECEIVED)
    assert publication.source is PublishedAtSource.REQUEST
    assert publication.value == dt.date(2021, 1, 2)
    assert publication.span == (0, 15)


def test_request_date_without_a_date_line_has_no_span() -> None:
    publication = resolve_publication("Talks resumed.", dt.date(2021, 1, 2), RECEIVED)
    assert publication.span is None


def test_seed_001_header_gives_2020_10_06() -> None:
    text = (SEEDS / "001_775ba3dc0255bdde.txt").read_text(encoding="utf-8")
    publication = resolve_publication(text, None, RECEIVED)
    assert (publication.value, publication.source) == (dt.date(2020, 10, 6), PublishedAtSource.TEXT)
