"""The seed articles' events, end to end through the assembler (real parse, hand-built
timexes and mentions standing in for the tagger and the actor finder)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from app.extraction.actors.keys import alias_key
from app.extraction.events.assemble import DependencyEventAssembler
from app.extraction.types import ActorKind, DatedBy, Event, Granularity, Role
from tests.extraction.events.builders import (
    date_timex,
    find,
    mentions_of,
    publication,
    seed_text,
)

D = dt.date
PERSON, PLACE, ORG = ActorKind.PERSON, ActorKind.PLACE, ActorKind.ORGANIZATION

NARYSHKIN = ("Sergey Naryshkin", PERSON)
ASSAD = ("Bashar al-Assad", PERSON)
TURKEY = ("Turkey", PLACE)
NAMES = {
    "Sergei Naryshkin": NARYSHKIN,
    "Sergey Naryshkin": NARYSHKIN,
    "Naryshkin": NARYSHKIN,
    "Bashar al-Assad": ASSAD,
    "Assad": ASSAD,
    "Recep Tayyip Erdogan": ("Recep Tayyip Erdogan", PERSON),
    "Maria Zakharova": ("Maria Zakharova", PERSON),
    "Dmitry Kiselyov": ("Dmitry Kiselyov", PERSON),
    "Turkey": TURKEY,
    "Ankara": TURKEY,
    "Turkish": TURKEY,
    "Russia": ("Russia", PLACE),
    "Moscow": ("Russia", PLACE),
    "Armenia": ("Armenia", PLACE),
    "Armenian": ("Armenia", PLACE),
    "Yerevan": ("Armenia", PLACE),
    "France": ("France", PLACE),
    "Syria": ("Syria", PLACE),
    "Azerbaijan": ("Azerbaijan", PLACE),
    "Nagorno-Karabakh": ("Nagorno-Karabakh", PLACE),
    "TASS": ("TASS", ORG),
    "RIA Novosti": ("RIA Novosti", ORG),
}

SEED_1 = "001_775ba3dc0255bdde.txt"  # starts with "date 2020-10-06"
SEED_0 = "000_20e5c222f55f49f2.txt"  # published 2020-11-06


def actors(event: Event) -> dict[str, Role]:
    return {p.actor_key: p.role for p in event.participants}


def event_at(events: list[Event], text: str, trigger: str, near: str) -> Event:
    """The event whose trigger is `trigger` in the sentence containing `near`."""
    offset = find(text, near)
    found = [
        e for e in events if e.trigger == trigger and e.sentence_start <= offset < e.sentence_end
    ]
    assert len(found) == 1, [(e.trigger, e.sentence[:40]) for e in events]
    return found[0]


@pytest.fixture(scope="module")
def seed_1(nlp: Any) -> tuple[str, list[Any], list[Event]]:
    text = seed_text(SEED_1)
    timexes = [
        date_timex(text, "Tuesday", D(2020, 10, 6), occurrence=1),
        date_timex(text, "Tuesday", D(2020, 10, 6), occurrence=2),
        date_timex(text, "September 27", D(2020, 9, 27)),
        date_timex(
            text, "In recent weeks", D(2020, 9, 1), D(2020, 10, 6), Granularity.VAGUE, "PAST_REF"
        ),
    ]
    header = find(text, "date 2020-10-06")
    pub = publication(D(2020, 10, 6), (header, header + len("date 2020-10-06")))
    events = DependencyEventAssembler().assemble(nlp(text), timexes, mentions_of(text, NAMES), pub)
    return text, timexes, events


@pytest.fixture(scope="module")
def seed_0(nlp: Any) -> tuple[str, list[Any], list[Event]]:
    text = seed_text(SEED_0)
    timexes = [
        date_timex(text, "this week", D(2020, 11, 2), D(2020, 11, 8), Granularity.WEEK, "2020-W45"),
        date_timex(
            text, "late September", D(2020, 9, 21), D(2020, 9, 30), Granularity.MONTH, "2020-09"
        ),
        date_timex(
            text, "Late last week", D(2020, 10, 29), D(2020, 11, 1), Granularity.WEEK, "2020-W44"
        ),
        date_timex(text, "November 5", D(2020, 11, 5)),
    ]
    events = DependencyEventAssembler().assemble(
        nlp(text), timexes, mentions_of(text, NAMES), publication(D(2020, 11, 6))
    )
    return text, timexes, events


def test_naryshkin_warning_is_dated_by_tuesday_with_naryshkin_as_agent(seed_1: Any) -> None:
    text, timexes, events = seed_1
    event = event_at(events, text, "saying", "has warned")
    assert event.timex_index == 0 and timexes[0].text == "Tuesday"
    assert (event.start_date, event.end_date) == (D(2020, 10, 6), D(2020, 10, 6))
    assert event.dated_by is DatedBy.TEXT
    assert actors(event)[alias_key("Sergey Naryshkin")] is Role.AGENT


def test_the_warning_itself_is_dated_by_the_report_of_it(seed_1: Any) -> None:
    """The warning is the saying TASS reports ("… has warned that …, TASS cited him as
    saying on Tuesday"), so it is Tuesday's, with Naryshkin as its agent."""
    text, _, events = seed_1
    event = event_at(events, text, "warned", "has warned")
    assert event.timex_index == 0 and event.dated_by is DatedBy.TEXT
    assert (event.start_date, event.end_date) == (D(2020, 10, 6), D(2020, 10, 6))
    assert actors(event)[alias_key("Sergey Naryshkin")] is Role.AGENT


def test_the_date_header_is_not_part_of_the_first_sentence(seed_1: Any) -> None:
    text, _, events = seed_1
    event = event_at(events, text, "saying", "has warned")
    assert event.sentence.startswith("The head of Russia")
    assert text[event.sentence_start : event.sentence_end] == event.sentence


def test_assad_joined_on_tuesday_in_accusing_turkey(seed_1: Any) -> None:
    text, timexes, events = seed_1
    event = event_at(events, text, "joined", "Syria’s President")
    assert timexes[event.timex_index or 0].start == find(text, "Tuesday", 2)
    assert event.timex_index == 1
    assert (event.start_date, event.end_date) == (D(2020, 10, 6), D(2020, 10, 6))
    roles = actors(event)
    assert roles[alias_key("Bashar al-Assad")] is Role.AGENT
    assert roles[alias_key("Armenia")] is Role.PATIENT
    assert alias_key("Turkey") in roles


def test_the_war_that_erupted_on_september_27(seed_1: Any) -> None:
    text, _, events = seed_1
    event = event_at(events, text, "erupted", "the war in Karabakh")
    assert event.timex_index == 2
    assert (event.start_date, event.end_date, event.granularity) == (
        D(2020, 9, 27),
        D(2020, 9, 27),
        Granularity.DAY,
    )
    assert text[event.trigger_start : event.trigger_end] == "erupted"


def test_the_blame_has_no_date_of_its_own_and_takes_the_story_day(seed_1: Any) -> None:
    text, timexes, events = seed_1
    event = event_at(events, text, "blamed", "the war in Karabakh")
    # the story's day: "On Tuesday, … Assad joined …", Tuesday being the publication day
    assert event.dated_by is DatedBy.TEXT and event.timex_index == 1
    assert timexes[1].text == "Tuesday"
    assert event.start_date == D(2020, 10, 6)
    roles = actors(event)
    assert roles[alias_key("Bashar al-Assad")] is Role.AGENT
    assert roles[alias_key("Turkey")] is Role.PATIENT


def test_he_stressed_resolves_to_naryshkin(seed_1: Any) -> None:
    text, _, events = seed_1
    event = event_at(events, text, "stressed", "He stressed that")
    assert actors(event) == {alias_key("Sergey Naryshkin"): Role.AGENT}


def test_zakharova_expressed_concerns_at_the_briefing_on_november_5(seed_0: Any) -> None:
    text, _, events = seed_0
    event = event_at(events, text, "expressed", "At a news briefing")
    assert event.timex_index == 3
    assert (event.start_date, event.end_date) == (D(2020, 11, 5), D(2020, 11, 5))
    assert actors(event)[alias_key("Maria Zakharova")] is Role.AGENT


def test_late_last_week_armenian_forces_claimed(seed_0: Any) -> None:
    text, _, events = seed_0
    event = event_at(events, text, "claimed", "Late last week")
    assert event.timex_index == 2
    # "ethnic Armenian forces in Nagorno-Karabakh": forces act for their side
    assert actors(event) == {
        alias_key("Armenia"): Role.MENTIONED,
        alias_key("Nagorno-Karabakh"): Role.MENTIONED,
    }
    assert (event.start_date, event.end_date, event.granularity) == (
        D(2020, 10, 29),
        D(2020, 11, 1),
        Granularity.WEEK,
    )


def test_naryshkin_said_this_week(seed_0: Any) -> None:
    text, _, events = seed_0
    event = event_at(events, text, "said", "In an interview")
    assert event.timex_index == 0
    assert (event.start_date, event.end_date) == (D(2020, 11, 2), D(2020, 11, 8))
    assert alias_key("Sergey Naryshkin") in actors(event)


def test_since_the_outbreak_of_hostilities_in_late_september(seed_0: Any) -> None:
    text, _, events = seed_0
    event = event_at(events, text, "outbreak", "Since the outbreak")
    assert event.timex_index == 1
    assert (event.start_date, event.end_date, event.granularity) == (
        D(2020, 9, 21),
        D(2020, 9, 30),
        Granularity.MONTH,
    )


def test_every_text_dated_event_of_the_seeds(seed_0: Any, seed_1: Any) -> None:
    """Exactly these triggers are dated by each expression of their own sentence
    ("cited" shares the date of the "saying on Tuesday" it governs, and "warned", the
    clause it reports, the date of that report)."""
    for (_, timexes, events), expected in (
        (
            seed_1,
            {0: ["warned", "cited", "saying"], 1: ["joined"], 2: ["erupted"], 3: ["quoted"]},
        ),
        (seed_0, {0: ["said"], 1: ["outbreak"], 2: ["claimed"], 3: ["expressed"]}),
    ):
        dated: dict[int, list[str]] = {}
        for e in events:
            if e.timex_index is None:
                continue
            timex = timexes[e.timex_index]
            if e.sentence_start <= timex.start and timex.end <= e.sentence_end:
                dated.setdefault(e.timex_index, []).append(e.trigger)
        assert dated == expected
