"""Event assembly rules, one behaviour per test, on real parses of short texts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from app.extraction.events.assemble import DependencyEventAssembler
from app.extraction.types import (
    ActorKind,
    Event,
    Granularity,
    Role,
    Timex,
    TimexType,
)
from tests.extraction.events.builders import (
    assembler_over,
    date_timex,
    duration_timex,
    find,
    mentions_of,
    publication,
)

D = dt.date
NAMES = {
    "Apple": ("Apple", ActorKind.ORGANIZATION),
    "Steve Jobs": ("Steve Jobs", ActorKind.PERSON),
    "Jobs": ("Steve Jobs", ActorKind.PERSON),
    "NeXT": ("NeXT", ActorKind.ORGANIZATION),
    "iPod": ("iPod", ActorKind.PRODUCT),
    "iPhone": ("iPhone", ActorKind.PRODUCT),
    "Cisco": ("Cisco", ActorKind.ORGANIZATION),
}


@pytest.fixture(scope="module")
def assemble(nlp: Any) -> Any:
    return assembler_over(nlp, NAMES)


def summary(events: list[Event]) -> list[tuple[str, dt.date, dt.date, str, int | None]]:
    return [(e.trigger, e.start_date, e.end_date, e.dated_by.value, e.timex_index) for e in events]


def roles(event: Event) -> dict[str, Role]:
    return {p.actor_key: p.role for p in event.participants}


def year(text: str, phrase: str) -> Timex:
    y = int(phrase[-4:])
    return date_timex(text, phrase, D(y, 1, 1), D(y, 12, 31), Granularity.YEAR, str(y))


def test_two_predicates_with_their_own_dates_make_two_events(assemble: Any) -> None:
    text = "Apple announced on Monday that it will release the iPhone on June 24."
    timexes = [
        date_timex(text, "Monday", D(2010, 6, 7)),
        date_timex(text, "June 24", D(2010, 6, 24)),
    ]
    events = assemble(text, timexes, D(2010, 6, 8))
    assert summary(events) == [
        ("announced", D(2010, 6, 7), D(2010, 6, 7), "text", 0),
        ("release", D(2010, 6, 24), D(2010, 6, 24), "text", 1),
    ]
    assert roles(events[0]) == {"apple": Role.AGENT}
    # "it" is Apple: the latest organisation that was a subject
    assert roles(events[1]) == {"apple": Role.AGENT, "iphone": Role.PATIENT}


def test_a_pronoun_subject_resolves_to_the_last_person_named(assemble: Any) -> None:
    text = "Steve Jobs founded NeXT in 1985. He returned to Apple in 1996."
    events = assemble(text, [year(text, "1985"), year(text, "1996")], D(2011, 10, 6))
    assert summary(events) == [
        ("founded", D(1985, 1, 1), D(1985, 12, 31), "text", 0),
        ("returned", D(1996, 1, 1), D(1996, 12, 31), "text", 1),
    ]
    assert roles(events[0]) == {"steve jobs": Role.AGENT, "next": Role.PATIENT}
    assert roles(events[1]) == {"steve jobs": Role.AGENT, "apple": Role.MENTIONED}


def test_a_clause_with_actors_and_no_date_takes_the_publication_date(assemble: Any) -> None:
    text = "Apple sells the iPod in many countries."
    events = assemble(text, [], D(2006, 1, 1))
    assert summary(events) == [("sells", D(2006, 1, 1), D(2006, 1, 1), "publication", None)]
    assert events[0].granularity is Granularity.DAY
    assert roles(events[0]) == {"apple": Role.AGENT, "ipod": Role.PATIENT}


def test_a_clause_without_actors_is_no_event(assemble: Any) -> None:
    assert assemble("Prices rose sharply.", [], D(2006, 1, 1)) == []


def test_a_story_set_on_a_recent_day_keeps_that_day(assemble: Any) -> None:
    text = "On Wednesday, Apple unveiled the iPhone. Jobs praised the device."
    events = assemble(text, [date_timex(text, "Wednesday", D(2010, 10, 20))], D(2010, 10, 23))
    assert summary(events) == [
        ("unveiled", D(2010, 10, 20), D(2010, 10, 20), "text", 0),
        ("praised", D(2010, 10, 20), D(2010, 10, 20), "text", 0),
    ]


def test_a_background_date_does_not_move_the_story(assemble: Any) -> None:
    text = "In 1985, Jobs was fired by Apple. Jobs praised the device."
    events = assemble(text, [year(text, "1985")], D(2010, 10, 23))
    assert summary(events) == [
        ("fired", D(1985, 1, 1), D(1985, 12, 31), "text", 0),
        ("praised", D(2010, 10, 23), D(2010, 10, 23), "publication", None),
    ]
    assert roles(events[0]) == {"apple": Role.AGENT, "steve jobs": Role.PATIENT}


def test_passive_by_phrase_is_the_agent(assemble: Any) -> None:
    text = "The iPod was introduced by Apple on October 23, 2001."
    events = assemble(text, [date_timex(text, "October 23, 2001", D(2001, 10, 23))], D(2010, 1, 1))
    assert summary(events) == [("introduced", D(2001, 10, 23), D(2001, 10, 23), "text", 0)]
    assert roles(events[0]) == {"apple": Role.AGENT, "ipod": Role.PATIENT}


def test_an_event_noun_is_a_trigger(assemble: Any) -> None:
    text = "Apple's launch of the iPod in October 2001 surprised Cisco."
    timex = date_timex(text, "October 2001", D(2001, 10, 1), D(2001, 10, 31), Granularity.MONTH)
    events = assemble(text, [timex], D(2010, 1, 1))
    launch = [e for e in events if e.timex_index == 0]
    assert summary(launch) == [("launch", D(2001, 10, 1), D(2001, 10, 31), "text", 0)]
    assert roles(launch[0])["apple"] is Role.AGENT
    assert roles(launch[0])["ipod"] is Role.PATIENT


def test_a_duration_never_dates_an_event(assemble: Any) -> None:
    text = "Cisco sued Apple for three weeks."
    events = assemble(text, [duration_timex(text, "for three weeks", "P3W")], D(2010, 1, 1))
    assert summary(events) == [("sued", D(2010, 1, 1), D(2010, 1, 1), "publication", None)]


def test_a_set_or_an_undated_expression_never_dates_an_event(assemble: Any) -> None:
    text = "Cisco sued Apple every week."
    offset = find(text, "every week")
    timexes = [
        Timex("every week", offset, offset + 10, TimexType.SET, "P1W"),
        Timex("every week", offset, offset + 10, TimexType.DATE, "PAST_REF"),  # no interval
    ]
    events = assemble(text, timexes, D(2010, 1, 1))
    assert summary(events) == [("sued", D(2010, 1, 1), D(2010, 1, 1), "publication", None)]


def test_a_date_line_dates_nothing(assemble: Any) -> None:
    text = "May 7, 2005\n\nApple released Tiger."
    events = assemble(text, [date_timex(text, "May 7, 2005", D(2005, 5, 7))], D(2005, 6, 1))
    assert summary(events) == [("released", D(2005, 6, 1), D(2005, 6, 1), "publication", None)]


def test_relative_clause_and_main_clause_get_their_own_dates(assemble: Any) -> None:
    text = "Jobs, who was born on February 24, 1955, died on Wednesday."
    timexes = [
        date_timex(text, "February 24, 1955", D(1955, 2, 24)),
        date_timex(text, "Wednesday", D(2011, 10, 5)),
    ]
    events = assemble(text, timexes, D(2011, 10, 6))
    assert summary(events) == [
        ("born", D(1955, 2, 24), D(1955, 2, 24), "text", 0),
        ("died", D(2011, 10, 5), D(2011, 10, 5), "text", 1),
    ]
    assert roles(events[0]) == {"steve jobs": Role.PATIENT}
    assert roles(events[1]) == {"steve jobs": Role.AGENT}


def test_a_verb_particle_belongs_to_the_trigger(assemble: Any) -> None:
    text = "Jobs showed off the iPhone on Monday."
    events = assemble(text, [date_timex(text, "Monday", D(2010, 6, 7))], D(2010, 6, 8))
    assert [(e.trigger, text[e.trigger_start : e.trigger_end]) for e in events] == [
        ("showed off", "showed off")
    ]


def test_a_present_tense_state_holds_at_publication_not_on_the_story_day(assemble: Any) -> None:
    text = "On Wednesday, Apple unveiled the iPhone. The iPhone has a new screen."
    events = assemble(text, [date_timex(text, "Wednesday", D(2010, 10, 20))], D(2010, 10, 23))
    assert summary(events) == [
        ("unveiled", D(2010, 10, 20), D(2010, 10, 20), "text", 0),
        ("has", D(2010, 10, 23), D(2010, 10, 23), "publication", None),
    ]


def test_a_headline_restating_the_lead_adds_no_event(assemble: Any) -> None:
    text = "Apple unveils iPhone\n\nOn Wednesday, Apple unveiled the iPhone."
    events = assemble(text, [date_timex(text, "Wednesday", D(2010, 10, 20))], D(2010, 10, 23))
    assert summary(events) == [("unveiled", D(2010, 10, 20), D(2010, 10, 20), "text", 0)]


def test_a_thing_described_by_an_actor_name_is_not_a_participant(assemble: Any) -> None:
    text = "Cisco lowered the price of the iPod on Monday."
    events = assemble(text, [date_timex(text, "Monday", D(2010, 6, 7))], D(2010, 6, 8))
    assert summary(events) == [("lowered", D(2010, 6, 7), D(2010, 6, 7), "text", 0)]
    assert roles(events[0]) == {"cisco": Role.AGENT}


def test_an_undated_event_noun_naming_an_actor_is_an_event(assemble: Any) -> None:
    text = "The growth is due to strong sales of the iPod."
    events = assemble(text, [], D(2007, 1, 18))
    assert summary(events) == [("sales", D(2007, 1, 18), D(2007, 1, 18), "publication", None)]
    assert roles(events[0]) == {"ipod": Role.PATIENT}


def test_first_person_in_a_quote_is_the_person_the_passage_is_about(assemble: Any) -> None:
    text = 'Steve Jobs sent an email to Apple. It reads: "I have asked Cisco to help."'
    events = assemble(text, [], D(2011, 1, 17))
    asked = [e for e in events if e.trigger == "asked"]
    assert len(asked) == 1
    assert roles(asked[0]) == {"cisco": Role.PATIENT, "steve jobs": Role.AGENT}


def test_a_definite_description_resolves_to_the_actor_whose_name_has_its_noun(
    assemble: Any, nlp: Any
) -> None:
    text = "Apple opened the iTunes Music Store in 2003. The store has sold a billion songs."
    mentions = [
        *mentions_of(text, {"Apple": ("Apple", ActorKind.ORGANIZATION)}),
        *mentions_of(text, {"iTunes Music Store": ("iTunes", ActorKind.PRODUCT)}),
    ]
    events = DependencyEventAssembler().assemble(
        nlp(text), [year(text, "2003")], mentions, publication(D(2008, 1, 9))
    )
    sold = [e for e in events if e.trigger == "sold"]
    assert len(sold) == 1
    assert roles(sold[0]) == {"itunes": Role.AGENT}


def test_an_undated_future_act_is_not_put_on_the_publication_date(assemble: Any) -> None:
    text = "The iPhone will use a new chip. Apple sells the iPod."
    events = assemble(text, [], D(2010, 6, 8))
    assert summary(events) == [("sells", D(2010, 6, 8), D(2010, 6, 8), "publication", None)]


def test_a_future_act_with_its_own_date_is_an_event(assemble: Any) -> None:
    text = "Apple will release the iPhone on June 24."
    events = assemble(text, [date_timex(text, "June 24", D(2010, 6, 24))], D(2010, 6, 8))
    assert summary(events) == [("release", D(2010, 6, 24), D(2010, 6, 24), "text", 0)]
    assert roles(events[0]) == {"apple": Role.AGENT, "iphone": Role.PATIENT}


def test_a_blank_line_bounds_sentences_and_triggers(assemble: Any) -> None:
    """spaCy parses headline, date line and lead as one sentence; the lead's
    "Yesterday" must still date the lead's verb, and the sentence is the lead."""
    text = (
        "Apple unveils iPhone 4 at Worldwide Developers Conference 2010\n\n"
        "June 8, 2010\n\n"
        "Yesterday, at this year's Apple Worldwide Developers Conference (WWDC), "
        "company CEO Steve Jobs unveiled iPhone 4."
    )
    timexes = [
        date_timex(text, "June 8, 2010", D(2010, 6, 8)),
        date_timex(text, "Yesterday", D(2010, 6, 7)),
    ]
    events = assemble(text, timexes, D(2010, 6, 8))
    assert summary(events) == [("unveiled", D(2010, 6, 7), D(2010, 6, 7), "text", 1)]
    assert events[0].sentence.startswith("Yesterday, at this year")
    assert roles(events[0])["steve jobs"] is Role.AGENT
