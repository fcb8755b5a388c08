"""A fronted reported clause takes the date of the reporting clause attributing it.

"X has warned that …, TASS cited him as saying on Tuesday": the report of the
saying dates the saying. Only the main asserted verb takes that date — not the
events embedded in what was said, not a future or hypothetical act, and not a
clause that has a date of its own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from app.extraction.actors.keys import alias_key
from app.extraction.pipeline import Extractor, build_extractor
from app.extraction.types import ActorKind, DatedBy, Event, Granularity, Role
from tests.extraction.events.builders import (
    assembler_over,
    date_timex,
    find,
    seed_text,
)
from tests.extraction.events.conftest import MODEL

D = dt.date
ORG, PLACE, PERSON = ActorKind.ORGANIZATION, ActorKind.PLACE, ActorKind.PERSON
NAMES = {
    "Apple": ("Apple", ORG),
    "Samsung": ("Samsung", ORG),
    "Reuters": ("Reuters", ORG),
    "Steve Jobs": ("Steve Jobs", PERSON),
    "Jobs": ("Steve Jobs", PERSON),
    "iPhone": ("iPhone", ActorKind.PRODUCT),
    "Homs": ("Homs", PLACE),
    "Syrian": ("Syria", PLACE),
}


@pytest.fixture(scope="module")
def assemble(nlp: Any) -> Any:
    return assembler_over(nlp, NAMES)


def summary(events: list[Event]) -> list[tuple[str, dt.date, str, int | None]]:
    return [(e.trigger, e.start_date, e.dated_by.value, e.timex_index) for e in events]


# --- unit cases: hand-built timexes and mentions, real parse ---------------------------


def test_a_seizure_reported_on_an_earlier_friday_is_dated_friday(assemble: Any) -> None:
    text = "Rebels seized Homs, the Syrian army reported Friday."
    # published Monday 2012-02-13; Friday is 2012-02-10
    events = assemble(text, [date_timex(text, "Friday", D(2012, 2, 10))], D(2012, 2, 13))
    assert summary(events) == [
        ("seized", D(2012, 2, 10), "text", 0),
        ("reported", D(2012, 2, 10), "text", 0),
    ]
    assert events[0].participants[0].actor_key == alias_key("Homs")
    assert events[0].participants[0].role is Role.PATIENT


def test_a_report_older_than_the_story_window_still_dates_what_it_reports(
    assemble: Any,
) -> None:
    # March 3 is background for the story (five weeks before publication): only the
    # attribution lets it date the suit
    text = "Samsung has sued Apple, Reuters reported on March 3."
    events = assemble(text, [date_timex(text, "March 3", D(2011, 3, 3))], D(2011, 4, 10))
    assert summary(events) == [
        ("sued", D(2011, 3, 3), "text", 0),
        ("reported", D(2011, 3, 3), "text", 0),
    ]


def test_a_future_act_reported_on_monday_is_not_dated_monday(assemble: Any) -> None:
    text = "Apple will cut 500 jobs, its chief executive said on Monday."
    events = assemble(text, [date_timex(text, "Monday", D(2010, 6, 7))], D(2010, 6, 8))
    # "said" is Monday's; "will cut" has no date the story gives: no event at all
    assert [e for e in events if e.trigger == "cut"] == []
    assert ("said", D(2010, 6, 7), "text", 0) in summary(events)


def test_only_the_main_asserted_verb_takes_the_date_not_what_it_embeds(assemble: Any) -> None:
    text = "Jobs warned that Samsung copied the iPhone, Reuters reported on March 3."
    events = assemble(text, [date_timex(text, "March 3", D(2011, 3, 3))], D(2011, 4, 10))
    assert summary(events) == [
        ("warned", D(2011, 3, 3), "text", 0),
        ("copied", D(2011, 4, 10), "publication", None),
        ("reported", D(2011, 3, 3), "text", 0),
    ]
    assert {p.actor_key: p.role for p in events[0].participants}[
        alias_key("Steve Jobs")
    ] is Role.AGENT


def test_a_clause_with_its_own_date_keeps_it(assemble: Any) -> None:
    text = "Samsung sued Apple on Friday, Reuters reported on Monday."
    timexes = [
        date_timex(text, "Friday", D(2011, 4, 15)),
        date_timex(text, "Monday", D(2011, 4, 18)),
    ]
    events = assemble(text, timexes, D(2011, 4, 19))
    assert summary(events) == [
        ("sued", D(2011, 4, 15), "text", 0),
        ("reported", D(2011, 4, 18), "text", 1),
    ]


def test_according_to_a_dated_statement(assemble: Any) -> None:
    text = "Samsung has sued Apple, according to a statement on March 3."
    events = assemble(text, [date_timex(text, "March 3", D(2011, 3, 3))], D(2011, 4, 10))
    assert ("sued", D(2011, 3, 3), "text", 0) in summary(events)


def test_a_parenthetical_report_dates_the_clause_around_it(assemble: Any) -> None:
    # published that Friday: the story's day alone would leave "seized" on the
    # publication date, with no expression behind it
    text = "Rebels, the Syrian army said Friday, seized Homs."
    events = assemble(text, [date_timex(text, "Friday", D(2012, 2, 10))], D(2012, 2, 10))
    assert summary(events) == [
        ("said", D(2012, 2, 10), "text", 0),
        ("seized", D(2012, 2, 10), "text", 0),
    ]


def test_the_saying_does_not_take_the_date_of_what_was_said(assemble: Any) -> None:
    # the parser hangs the parenthetical "Jobs said" on "sued": the saying is not 2010's
    text = "Apple, Jobs said, sued Samsung in 2010."
    y2010 = date_timex(text, "2010", D(2010, 1, 1), D(2010, 12, 31), Granularity.YEAR, "2010")
    events = assemble(text, [y2010], D(2011, 4, 10))
    assert summary(events) == [
        ("said", D(2011, 4, 10), "publication", None),
        ("sued", D(2010, 1, 1), "text", 0),
    ]


def test_a_clause_hung_on_a_verb_that_reports_nothing_keeps_the_story_date(
    assemble: Any,
) -> None:
    # the parser makes "has said …" a complement of "sold": selling is no report
    text = "Jobs has said he hopes to sell more iPhones; in 2010 Apple sold 5 million iPhones."
    y2010 = date_timex(text, "2010", D(2010, 1, 1), D(2010, 12, 31), Granularity.YEAR, "2010")
    events = assemble(text, [y2010], D(2011, 4, 10))
    assert ("said", D(2011, 4, 10), "publication", None) in summary(events)
    assert ("sold", D(2010, 1, 1), "text", 0) in summary(events)


# --- the seed, through the real pipeline (tagger, actor finder, assembler) -------------


@pytest.fixture(scope="module")
def real_extractor() -> Extractor:
    pytest.importorskip("spacy")
    try:
        return build_extractor(MODEL)
    except OSError:
        pytest.skip(f"spaCy model {MODEL} is not installed")


def test_seed_001_naryshkins_warning_is_dated_by_tuesday(real_extractor: Extractor) -> None:
    text = seed_text("001_775ba3dc0255bdde.txt")
    extraction = real_extractor.extract(text, None, dt.datetime(2026, 11, 21, tzinfo=dt.UTC))
    assert extraction.publication.day == D(2020, 10, 6)
    warned = [e for e in extraction.events if e.trigger == "warned"]
    assert len(warned) == 1
    event = warned[0]
    assert event.dated_by is DatedBy.TEXT
    assert event.timex_index is not None
    timex = extraction.timexes[event.timex_index]
    assert timex.text == "Tuesday"
    # the first sentence's "on Tuesday", not the later "On Tuesday, Syria's President …"
    assert timex.start == find(text, "Tuesday")
    assert (event.start_date, event.end_date, event.granularity) == (
        D(2020, 10, 6),
        D(2020, 10, 6),
        Granularity.DAY,
    )
    roles = {p.actor_key: p.role for p in event.participants}
    naryshkin = {alias_key("Sergei Naryshkin"), alias_key("Sergey Naryshkin")}
    assert [roles[key] for key in naryshkin if key in roles] == [Role.AGENT]
    # what he warned of is no dated event: "risks becoming" is non-finite, "could enter"
    # hypothetical
    assert not [e for e in extraction.events if e.trigger in ("becoming", "enter")]
