"""Place mentions keep the words that locate them (MEANTIME/ACE extents).

"San Francisco, California" is a mention of San Francisco, "the Moscone Center
in San Francisco" a mention of the venue, "central London" a mention of London;
the names inside those phrases (California, San Francisco, London) stay
mentions of their own. Lists of places stay separate places.
"""

from __future__ import annotations

from app.extraction.actors.finder import GazetteerActorFinder
from app.extraction.types import ActorKind, ActorMention
from tests.extraction.actors.test_actor_finder import run


def places(mentions: list[ActorMention]) -> list[tuple[str, str]]:
    return [(m.text, m.name) for m in mentions if m.kind is ActorKind.PLACE]


def test_city_qualified_by_its_state_is_one_mention(finder: GazetteerActorFinder) -> None:
    text = "Apple unveiled the phone in Cupertino, California on Monday."
    mentions, actors = run(finder, text, ("Cupertino", "GPE"), ("California", "GPE"))
    assert places(mentions) == [
        ("Cupertino, California", "Cupertino"),
        ("California", "California"),
    ]
    city = next(a for a in actors if a.name == "Cupertino")
    # the qualified form is an extent, not a new name for the city
    assert city.aliases == ("Cupertino",)


def test_city_qualified_by_a_country_or_a_state_abbreviation(
    finder: GazetteerActorFinder,
) -> None:
    text = "Talks opened in Sochi, Russia while others met in Austin, Tex. on Friday."
    mentions, _ = run(finder, text, ("Sochi", "GPE"), ("Austin", "GPE"), ("Tex.", "GPE"))
    # a trailing period is trimmed from every name ("Tex." -> "Tex")
    assert places(mentions) == [
        ("Sochi, Russia", "Sochi"),
        ("Russia", "Russia"),
        ("Austin, Tex", "Austin"),
        ("Tex", "Tex"),
    ]


def test_venue_in_a_city_keeps_the_city_as_its_own_mention(
    finder: GazetteerActorFinder,
) -> None:
    text = "Jobs spoke at the Moscone Center in San Francisco, California on Monday."
    mentions, _ = run(
        finder,
        text,
        ("Jobs", "PERSON"),
        ("the Moscone Center", "FAC"),
        ("San Francisco", "GPE"),
        ("California", "GPE"),
    )
    assert places(mentions) == [
        ("Moscone Center in San Francisco, California", "Moscone Center"),
        ("San Francisco, California", "San Francisco"),
        ("California", "California"),
    ]


def test_locating_modifier_is_part_of_the_place(finder: GazetteerActorFinder) -> None:
    text = "Crowds gathered in central London and in downtown San Jose."
    mentions, _ = run(finder, text, ("London", "GPE"), ("San Jose", "GPE"))
    assert places(mentions) == [
        ("central London", "London"),
        ("London", "London"),
        ("downtown San Jose", "San Jose"),
        ("San Jose", "San Jose"),
    ]


def test_a_list_of_places_stays_a_list(finder: GazetteerActorFinder) -> None:
    text = "Envoys from Lyon, Marseille and Nice met; Russia, Turkey and Iran did not."
    mentions, _ = run(finder, text, ("Lyon", "GPE"), ("Marseille", "GPE"), ("Nice", "GPE"))
    assert places(mentions) == [
        ("Lyon", "Lyon"),
        ("Marseille", "Marseille"),
        ("Nice", "Nice"),
        ("Russia", "Russia"),
        ("Turkey", "Turkey"),
        ("Iran", "Iran"),
    ]


def test_a_country_in_another_place_is_not_inside_it(finder: GazetteerActorFinder) -> None:
    text = "The role of Turkey in Syria was discussed by officials in Ankara."
    mentions, _ = run(finder, text)
    assert places(mentions) == [("Turkey", "Turkey"), ("Syria", "Syria"), ("Ankara", "Ankara")]


def test_a_state_after_a_non_place_is_left_alone(finder: GazetteerActorFinder) -> None:
    text = "Steve Jobs, California's best-known executive, spoke."
    mentions, _ = run(finder, text, ("Steve Jobs", "PERSON"), ("California", "GPE"))
    assert places(mentions) == [("California", "California")]


def test_a_region_owning_what_follows_is_no_qualifier(finder: GazetteerActorFinder) -> None:
    text = "Crowds filled Kharkiv, Ukraine's second city, on Sunday."
    mentions, _ = run(finder, text, ("Kharkiv", "GPE"))
    assert places(mentions) == [("Kharkiv", "Kharkiv"), ("Ukraine", "Ukraine")]
