"""Constructions that recur in news, found by a probe round over short articles.

Real parses, hand-built timexes and mentions (as in `test_assemble.py`), so each
test pins the assembler alone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from app.extraction.types import ActorKind, Event, Role, Timex, TimexType
from tests.extraction.events.builders import (
    assembler_over,
    date_timex,
    find,
)

D = dt.date
ORG, PERSON, PLACE = ActorKind.ORGANIZATION, ActorKind.PERSON, ActorKind.PLACE
NAMES = {
    "Boeing": ("Boeing", ORG),
    "Dave Calhoun": ("Dave Calhoun", PERSON),
    "United Airlines": ("United Airlines", ORG),
    "Federal Aviation Administration": ("Federal Aviation Administration", ORG),
    "Laptops Inc": ("Laptops Inc", ORG),
    "Rishi Sunak": ("Rishi Sunak", PERSON),
    "Sunak": ("Rishi Sunak", PERSON),
    "Keir Starmer": ("Keir Starmer", PERSON),
    "Starmer": ("Keir Starmer", PERSON),
    "Labour": ("Labour", ORG),
    "Emmanuel Macron": ("Emmanuel Macron", PERSON),
    "Macron": ("Emmanuel Macron", PERSON),
    "iPhone": ("iPhone", ActorKind.PRODUCT),
    "Brazil": ("Brazil", PLACE),
    "Congress": ("Congress", ORG),
    "Jair Bolsonaro": ("Jair Bolsonaro", PERSON),
    "Hamas": ("Hamas", ActorKind.GROUP),
    "Secret Service": ("Secret Service", ORG),
    "Wagner": ("Wagner", ORG),
    "Hungary": ("Hungary", PLACE),
    "Syrian": ("Syria", PLACE),
    "Aleppo": ("Aleppo", PLACE),
    "Turkish": ("Turkey", PLACE),
    "Gaza": ("Gaza", PLACE),
    "Russia": ("Russia", PLACE),
    "Supreme Court": ("Supreme Court", ORG),
}


@pytest.fixture(scope="module")
def assemble(nlp: Any) -> Any:
    return assembler_over(nlp, NAMES)


def dates(events: list[Event]) -> list[tuple[str, dt.date, str, int | None]]:
    return [(e.trigger, e.start_date, e.dated_by.value, e.timex_index) for e in events]


def roles(event: Event) -> dict[str, Role]:
    return {p.actor_key: p.role for p in event.participants}


def present_ref(text: str, phrase: str, dct: dt.date) -> Timex:
    offset = find(text, phrase)
    return Timex(
        phrase, offset, offset + len(phrase), TimexType.DATE, "PRESENT_REF", None, dct, dct
    )


# --- the story's day comes back to the publication day --------------------------------


def test_a_sentence_dated_on_the_publication_day_brings_the_story_back_to_it(
    assemble: Any,
) -> None:
    text = (
        "The Federal Aviation Administration grounded 171 planes on Saturday. "
        "Dave Calhoun told employees on Tuesday that Boeing had made a mistake. "
        "United Airlines found loose bolts on several jets."
    )
    tuesday = D(2024, 1, 9)  # the publication day
    timexes = [date_timex(text, "Saturday", D(2024, 1, 6)), date_timex(text, "Tuesday", tuesday)]
    events = assemble(text, timexes, tuesday)
    assert dates(events)[-1] == ("found", tuesday, "text", 1)  # was Saturday's
    assert roles(events[-1]) == {"united airlines": Role.AGENT}


def test_now_tells_of_no_day_and_leaves_the_story_where_it_was(assemble: Any) -> None:
    text = (
        "Laptops Inc unveiled its laptops on Wednesday, on sale now. "
        "Dave Calhoun praised the device."
    )
    dct = D(2010, 10, 23)
    timexes = [date_timex(text, "Wednesday", D(2010, 10, 20)), present_ref(text, "now", dct)]
    events = assemble(text, timexes, dct)
    assert dates(events)[-1] == ("praised", D(2010, 10, 20), "text", 0)


def test_a_publication_day_story_without_earlier_days_is_unchanged(assemble: Any) -> None:
    text = "Boeing cut 500 jobs on Tuesday. United Airlines welcomed the move."
    tuesday = D(2024, 1, 9)
    events = assemble(text, [date_timex(text, "Tuesday", tuesday)], tuesday)
    assert [(e.trigger, e.start_date) for e in events] == [
        ("cut", tuesday),
        ("welcomed", tuesday),
    ]


# --- an object pronoun is not its own verb's subject ----------------------------------


def test_an_object_pronoun_is_not_the_subject_of_its_own_verb(assemble: Any) -> None:
    text = (
        "Rishi Sunak announced the election date. "
        "Labour leader Keir Starmer accused him of dithering."
    )
    events = assemble(text, [], D(2024, 3, 14))
    accused = next(e for e in events if e.trigger == "accused")
    # Starmer is the latest subject, but "him" would be "himself" if it were Starmer
    assert roles(accused) == {
        "keir starmer": Role.AGENT,
        "labour": Role.MENTIONED,
        "rishi sunak": Role.PATIENT,
    }


def test_an_object_pronoun_is_not_what_a_pronoun_subject_stands_for(assemble: Any) -> None:
    text = "Rishi Sunak met Keir Starmer. Starmer spoke first. He then thanked him."
    events = assemble(text, [], D(2024, 3, 14))
    thanked = next(e for e in events if e.trigger == "thanked")
    assert roles(thanked) == {"keir starmer": Role.AGENT, "rishi sunak": Role.PATIENT}


def test_a_possessive_or_a_subject_pronoun_may_be_the_subject(assemble: Any) -> None:
    text = (
        "Rishi Sunak announced the election date. "
        "Keir Starmer praised his party. Starmer said he was ready."
    )
    events = assemble(text, [], D(2024, 3, 14))
    praised = next(e for e in events if e.trigger == "praised")
    assert roles(praised) == {"keir starmer": Role.AGENT}  # "his party" is a thing
    said = next(e for e in events if e.trigger == "said")
    assert roles(said)["keir starmer"] is Role.AGENT
    assert "rishi sunak" not in roles(said)


# --- a date on a happening the verb governs dates that happening -----------------------


def test_a_for_date_dates_the_event_it_schedules_not_the_scheduling(assemble: Any) -> None:
    text = (
        "Emmanuel Macron dissolved the assembly on Sunday. "
        "Macron called snap elections for June 30."
    )
    timexes = [
        date_timex(text, "Sunday", D(2024, 6, 9)),
        date_timex(text, "June 30", D(2024, 6, 30)),
    ]
    events = assemble(text, timexes, D(2024, 6, 10))
    assert dates(events) == [
        ("dissolved", D(2024, 6, 9), "text", 0),
        ("called", D(2024, 6, 9), "text", 0),  # the story's Sunday, not June 30
        ("elections", D(2024, 6, 30), "text", 1),
    ]
    assert roles(events[1]) == {"emmanuel macron": Role.AGENT}


def test_a_scheduled_passive_subject_takes_the_for_date(assemble: Any) -> None:
    text = "Boeing said the vote is scheduled for Friday."
    events = assemble(text, [date_timex(text, "Friday", D(2024, 6, 14))], D(2024, 6, 10))
    assert [(e.trigger, e.start_date) for e in events] == [
        ("said", D(2024, 6, 10)),
        ("vote", D(2024, 6, 14)),
    ]


def test_a_dated_event_noun_does_not_date_the_verb_governing_it(assemble: Any) -> None:
    text = "The iPhone is slated for a release on June 24."
    events = assemble(text, [date_timex(text, "June 24", D(2010, 6, 24))], D(2010, 6, 16))
    assert dates(events) == [
        ("slated", D(2010, 6, 16), "publication", None),
        ("release", D(2010, 6, 24), "text", 0),
    ]


def test_a_light_verb_takes_the_date_of_the_event_noun_it_carries_out(assemble: Any) -> None:
    # "carried out its attack of October 7": the carrying out is the attack, so the verb
    # keeps the noun's date (with a date outside the story's window, the story's day
    # would otherwise date it by publication)
    text = "Hamas carried out its attack of October 7, 2023."
    events = assemble(text, [date_timex(text, "October 7, 2023", D(2023, 10, 7))], D(2024, 6, 9))
    assert ("carried out", D(2023, 10, 7), "text", 0) in dates(events)


def test_a_for_date_without_an_event_noun_still_dates_the_verb(assemble: Any) -> None:
    text = "Boeing set the price for Friday. Boeing released the iPhone on Monday."
    timexes = [
        date_timex(text, "Friday", D(2024, 6, 14)),
        date_timex(text, "Monday", D(2024, 6, 10)),
    ]
    events = assemble(text, timexes, D(2024, 6, 10))
    assert [(e.trigger, e.start_date) for e in events] == [
        ("set", D(2024, 6, 14)),
        ("released", D(2024, 6, 10)),
    ]


# --- an event noun that is an actor's name is no event ----------------------------------


def test_an_event_noun_heading_an_actor_name_is_no_event(assemble: Any) -> None:
    text = "Supporters of Jair Bolsonaro stormed Brazil's Congress."
    events = assemble(text, [], D(2023, 1, 9))
    # "congress" is an event noun, but here it names the legislature (an actor)
    assert [e.trigger for e in events] == ["stormed"]
    assert roles(events[0]) == {"congress": Role.PATIENT, "brazil": Role.MENTIONED}


def test_an_event_noun_naming_an_actor_is_still_an_event(assemble: Any) -> None:
    text = "Congress praised Brazil's launch of the satellite."
    events = assemble(text, [], D(2023, 1, 9))
    assert [e.trigger for e in events] == ["praised", "launch"]
    assert roles(events[1]) == {"brazil": Role.AGENT}


# --- a group noun acts for the actor naming it -----------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "agent"),
    [
        ("Hamas gunmen attacked the town on Saturday.", "attacked", "hamas"),
        ("Secret Service agents killed the gunman on Saturday.", "killed", "secret service"),
        ("Wagner fighters seized the city on Saturday.", "seized", "wagner"),
        ("Hungary's parliament approved the bill on Monday.", "approved", "hungary"),
    ],
)
def test_a_group_noun_acts_for_the_actor_naming_it(
    assemble: Any, text: str, trigger: str, agent: str
) -> None:
    timexes = [date_timex(text, text.split(" on ")[1][:-1], D(2024, 1, 6))]
    events = assemble(text, timexes, D(2024, 1, 8))
    assert [e.trigger for e in events] == [trigger]
    assert roles(events[0])[agent] is Role.AGENT  # was none, or no part


def test_an_undated_act_of_a_group_noun_is_an_event(assemble: Any) -> None:
    text = "Hamas gunmen attacked the town."
    events = assemble(text, [], D(2024, 1, 8))
    assert [(e.trigger, roles(e)) for e in events] == [("attacked", {"hamas": Role.AGENT})]


def test_a_clause_borrowing_the_group_as_subject_has_its_actor(assemble: Any) -> None:
    text = "Hungary's parliament approved the bill on Monday and sent it to the president."
    events = assemble(text, [date_timex(text, "Monday", D(2024, 1, 8))], D(2024, 1, 8))
    assert {e.trigger: roles(e) for e in events} == {
        "approved": {"hungary": Role.AGENT},
        "sent": {"hungary": Role.AGENT},
    }


def test_a_demonym_does_not_make_its_country_the_agent(assemble: Any) -> None:
    # rebels fight the state: "Syrian" names their nationality, not Syria acting
    text = "Syrian rebels seized Aleppo on Saturday."
    events = assemble(text, [date_timex(text, "Saturday", D(2024, 11, 30))], D(2024, 12, 1))
    assert roles(events[0]) == {"syria": Role.MENTIONED, "aleppo": Role.PATIENT}


def test_a_backer_is_not_the_agent_of_what_the_backed_do(assemble: Any) -> None:
    text = "Turkish-backed fighters seized the town on Saturday."
    events = assemble(text, [date_timex(text, "Saturday", D(2024, 11, 30))], D(2024, 12, 1))
    assert [(e.trigger, roles(e)) for e in events] == [("seized", {})]


def test_an_armed_group_named_after_a_place_does_not_act_for_it(assemble: Any) -> None:
    text = "Gaza militants fired rockets. Russia's Wagner fighters seized the city."
    events = assemble(text, [], D(2023, 5, 20))
    assert roles(events[0]) == {"gaza": Role.MENTIONED}
    assert roles(events[1]) == {
        "wagner": Role.AGENT,
        "russia": Role.MENTIONED,
    }


def test_one_person_of_a_group_holds_a_role_and_the_court_named_is_the_actor(
    assemble: Any,
) -> None:
    text = "A Hamas official said the talks failed. Hungary's Supreme Court ruled."
    events = assemble(text, [], D(2024, 1, 8))
    assert {e.trigger: roles(e) for e in events if e.trigger != "failed"} == {
        "said": {"hamas": Role.MENTIONED},
        "ruled": {"supreme court": Role.AGENT, "hungary": Role.MENTIONED},
    }
