"""Constructions of today's news found by probe rounds (fake NER, see test_actor_finder)."""

from __future__ import annotations

from app.extraction.actors.finder import GazetteerActorFinder
from app.extraction.types import ActorKind
from tests.extraction.actors.test_actor_finder import run


def names(
    finder: GazetteerActorFinder, text: str, *ents: tuple[str, str]
) -> list[tuple[str, ActorKind]]:
    _, actors = run(finder, text, *ents)
    return [(a.name, a.kind) for a in actors]


def test_portfolio_word_next_to_a_title_is_no_organization(finder: GazetteerActorFinder) -> None:
    # spaCy labels the portfolio word alone ORG, the name after it PERSON
    text = "Defense Secretary Lloyd Austin said the weapons would arrive."
    assert names(finder, text, ("Defense", "ORG"), ("Lloyd Austin", "PERSON")) == [
        ("Lloyd Austin", ActorKind.PERSON)
    ]
    text = "talks with U.S. Secretary of State Antony Blinken."
    assert names(finder, text, ("U.S.", "GPE"), ("State", "ORG"), ("Antony Blinken", "PERSON")) == [
        ("United States", ActorKind.PLACE),
        ("Antony Blinken", ActorKind.PERSON),
    ]
    text = "Iran's Supreme Leader Ayatollah Ali Khamenei praised the army."
    assert names(
        finder, text, ("Iran", "GPE"), ("Supreme", "ORG"), ("Ayatollah Ali Khamenei", "PERSON")
    ) == [("Iran", ActorKind.PLACE), ("Ali Khamenei", ActorKind.PERSON)]
    # one span holding portfolio, title and name
    text = "Finance Minister Shunichi Suzuki said Japan may intervene."
    assert names(finder, text, ("Finance Minister Shunichi Suzuki", "PERSON")) == [
        ("Shunichi Suzuki", ActorKind.PERSON),
        ("Japan", ActorKind.PLACE),
    ]


def test_names_and_departments_before_a_title_stay(finder: GazetteerActorFinder) -> None:
    text = "Apple CEO Tim Cook said Treasury Secretary Janet Yellen called."
    assert names(
        finder,
        text,
        ("Apple", "ORG"),
        ("Tim Cook", "PERSON"),
        ("Treasury", "ORG"),
        ("Janet Yellen", "PERSON"),
    ) == [
        ("Apple Inc.", ActorKind.ORGANIZATION),
        ("Tim Cook", ActorKind.PERSON),
        ("Treasury", ActorKind.ORGANIZATION),
        ("Janet Yellen", ActorKind.PERSON),
    ]
    text = "Labour leader Keir Starmer said the country needed change."
    assert names(finder, text, ("Labour", "ORG"), ("Keir Starmer", "PERSON")) == [
        ("Labour", ActorKind.ORGANIZATION),
        ("Keir Starmer", ActorKind.PERSON),
    ]
    # a portfolio word that is no title's qualifier is left to the NER
    text = "The State said the Justice Department would appeal."
    assert names(finder, text, ("State", "ORG"), ("the Justice Department", "ORG")) == [
        ("State", ActorKind.ORGANIZATION),
        ("Justice Department", ActorKind.ORGANIZATION),
    ]


def test_a_span_ending_in_a_function_word_loses_it(finder: GazetteerActorFinder) -> None:
    text = "The EU said Facebook and Instagram may be addictive."
    mentions, _ = run(finder, text, ("EU", "ORG"), ("Facebook and", "ORG"))
    assert [(m.text, m.name) for m in mentions] == [
        ("EU", "European Union"),
        ("Facebook", "Facebook"),
    ]
    text = "Verstappen beat Lando Norris of McLaren."
    mentions, _ = run(finder, text, ("Lando Norris of", "PERSON"))
    assert [(m.text, m.kind) for m in mentions] == [("Lando Norris", ActorKind.PERSON)]


def test_function_words_inside_a_name_stay(finder: GazetteerActorFinder) -> None:
    text = "Bosnia and Herzegovina asked the Bank of England and the Council of Europe."
    mentions, _ = run(
        finder,
        text,
        ("Bosnia and Herzegovina", "GPE"),
        ("the Bank of England", "ORG"),
        ("the Council of Europe", "ORG"),
    )
    assert [m.text for m in mentions] == [
        "Bosnia and Herzegovina",
        "Bank of England",
        "Council of Europe",
    ]


def test_abbreviations_of_common_nouns_are_no_actors(finder: GazetteerActorFinder) -> None:
    # spaCy labels "AI" GPE or ORG in most articles that mention it
    text = "Google announced new AI features. Schumer unveiled an AI road map for EVs."
    assert names(finder, text, ("Google", "ORG"), ("AI", "GPE"), ("EVs", "ORG")) == [
        ("Google", ActorKind.ORGANIZATION)
    ]
    text = "Foxconn's AI's servers sold well."
    assert names(finder, text, ("AI's", "ORG")) == []


def test_acronyms_of_names_stay(finder: GazetteerActorFinder) -> None:
    text = "Amnesty International (AI) and the IMF met AIG and OpenAI."
    assert names(
        finder,
        text,
        ("Amnesty International", "ORG"),
        ("AI", "ORG"),
        ("IMF", "ORG"),
        ("AIG", "ORG"),
        ("OpenAI", "ORG"),
    ) == [
        ("Amnesty International", ActorKind.ORGANIZATION),
        ("International Monetary Fund", ActorKind.ORGANIZATION),
        ("AIG", ActorKind.ORGANIZATION),
        ("OpenAI", ActorKind.ORGANIZATION),
    ]


def test_a_central_bank_and_its_short_form_are_one_actor(finder: GazetteerActorFinder) -> None:
    text = "The Federal Reserve held rates. Fed Chair Jerome Powell said the BoE agreed."
    mentions, actors = run(
        finder, text, ("The Federal Reserve", "ORG"), ("Fed", "ORG"), ("Jerome Powell", "PERSON")
    )
    assert [(m.text, m.name) for m in mentions] == [
        ("Federal Reserve", "Federal Reserve"),
        ("Fed", "Federal Reserve"),
        ("Jerome Powell", "Jerome Powell"),
        ("BoE", "Bank of England"),
    ]
    assert [a.kind for a in actors][:1] == [ActorKind.ORGANIZATION]


def test_central_bank_short_forms_only_as_written(finder: GazetteerActorFinder) -> None:
    # lower-case "fed" is a verb; a regional Reserve Bank the NER names stays whole
    text = "Rumours fed the rally, the Federal Reserve Bank of New York said."
    mentions, _ = run(finder, text, ("the Federal Reserve Bank of New York", "ORG"))
    assert [(m.text, m.name) for m in mentions] == [
        ("Federal Reserve Bank of New York", "Federal Reserve Bank of New York")
    ]


def test_a_seat_of_government_is_its_country_except_as_a_place(
    finder: GazetteerActorFinder,
) -> None:
    text = "The White House said the tariffs protect jobs. Biden hosted Ruto at the White House."
    mentions, _ = run(finder, text, ("The White House", "ORG"), ("the White House", "FAC"))
    assert [(m.text, m.name, m.kind) for m in mentions if "White" in m.text] == [
        ("White House", "United States", ActorKind.PLACE),
        ("White House", "White House", ActorKind.PLACE),
    ]
    # an article before a seat is skipped when looking for the locative word
    text = "Macron spoke at the Elysee. Talks in the Kremlin ended."
    mentions, _ = run(finder, text)
    assert [(m.text, m.name, m.kind) for m in mentions] == [
        ("Elysee", "Elysee", ActorKind.PLACE),
        ("Kremlin", "Kremlin", ActorKind.PLACE),
    ]


def test_a_seat_after_a_non_locative_word_stays_the_government(
    finder: GazetteerActorFinder,
) -> None:
    text = "The Kremlin said Kyiv appealed to the Kremlin and the Elysee replied."
    mentions, _ = run(finder, text)
    assert [(m.text, m.name) for m in mentions] == [
        ("Kremlin", "Russia"),
        ("Kyiv", "Ukraine"),
        ("Kremlin", "Russia"),
        ("Elysee", "France"),
    ]


def test_a_voice_from_the_seat_of_government_is_the_government(
    finder: GazetteerActorFinder,
) -> None:
    # "from the Kremlin" is who spoke or wrote, not where ("from Moscow" stays the city)
    text = "A spokesman from the Kremlin said so. A letter from the Elysee came from Paris."
    mentions, _ = run(finder, text)
    assert [(m.text, m.name) for m in mentions] == [
        ("Kremlin", "Russia"),
        ("Elysee", "France"),
        ("Paris", "Paris"),
    ]


def test_short_forms_that_are_common_words_in_other_news_are_not_the_bank(
    finder: GazetteerActorFinder,
) -> None:
    # "fed up" is an adjective and an RBI a baseball statistic; the API of oil news is
    # the American Petroleum Institute, so "API" is no common noun to drop
    text = (
        "Fed-up voters left. Fed up, she quit. Judge hit an RBI single. The API said stocks fell."
    )
    mentions, _ = run(finder, text, ("Judge", "PERSON"), ("RBI", "ORG"), ("API", "ORG"))
    assert [(m.text, m.name) for m in mentions if m.name != "Judge"] == [
        ("RBI", "RBI"),
        ("API", "API"),
    ]


def test_a_capital_run_into_a_name_is_that_name(finder: GazetteerActorFinder) -> None:
    # spaCy misses "Real Madrid" and cuts "London" from "Stock Exchange": no Spain, no UK
    text = "Real Madrid beat Bayern Munich. Shares fell on London Stock Exchange."
    assert names(finder, text, ("Bayern Munich", "ORG"), ("Stock Exchange", "ORG")) == [
        ("Real Madrid", ActorKind.ORGANIZATION),
        ("Bayern Munich", ActorKind.ORGANIZATION),
        ("London Stock Exchange", ActorKind.ORGANIZATION),
    ]
    # the capital alone to spaCy, a name word after it
    text = "Students of Ankara University and fans of CSKA Moscow marched."
    assert names(finder, text, ("Ankara", "GPE"), ("Moscow", "GPE")) == [
        ("Ankara University", ActorKind.ORGANIZATION),
        ("CSKA Moscow", ActorKind.ORGANIZATION),
    ]
    # a title after the club's name is not part of it
    text = "Real Madrid President Florentino Perez said the Paris Olympics would wait."
    assert names(finder, text, ("Florentino Perez", "PERSON")) == [
        ("Real Madrid", ActorKind.ORGANIZATION),
        ("Florentino Perez", ActorKind.PERSON),
        ("Paris Olympics", ActorKind.OTHER),
    ]


def test_a_capital_before_a_city_office_is_the_city(finder: GazetteerActorFinder) -> None:
    text = "Moscow Mayor Sergei Sobyanin said it was over. Kyiv Deputy Mayor Anna Ivanova agreed."
    assert names(
        finder, text, ("Moscow", "GPE"), ("Sergei Sobyanin", "PERSON"), ("Anna Ivanova", "PERSON")
    ) == [
        ("Moscow", ActorKind.PLACE),
        ("Sergei Sobyanin", ActorKind.PERSON),
        ("Kyiv", ActorKind.PLACE),
        ("Anna Ivanova", ActorKind.PERSON),
    ]


def test_a_capital_on_its_own_or_in_the_governments_office_is_its_country(
    finder: GazetteerActorFinder,
) -> None:
    text = "Ankara said talks between Moscow and Kyiv stalled. Biden warned Beijing Tuesday."
    assert names(finder, text, ("Ankara", "GPE"), ("Biden", "PERSON")) == [
        ("Turkey", ActorKind.PLACE),
        ("Russia", ActorKind.PLACE),
        ("Ukraine", ActorKind.PLACE),
        ("Biden", ActorKind.PERSON),
        ("China", ActorKind.PLACE),
    ]
    text = (
        "Kremlin Spokesman Dmitry Peskov and White House Press Secretary Karine Jean-Pierre spoke."
    )
    assert names(finder, text, ("Dmitry Peskov", "PERSON"), ("Karine Jean-Pierre", "PERSON")) == [
        ("Russia", ActorKind.PLACE),
        ("Dmitry Peskov", ActorKind.PERSON),
        ("United States", ActorKind.PLACE),
        ("Karine Jean-Pierre", ActorKind.PERSON),
    ]
    # a sentence's first word spaCy did not join to the capital; a function or time word
    text = "Earlier Moscow said no. But Kyiv denied it. Yesterday Ankara agreed."
    assert names(finder, text, ("Moscow", "GPE"), ("Yesterday", "DATE")) == [
        ("Russia", ActorKind.PLACE),
        ("Ukraine", ActorKind.PLACE),
        ("Turkey", ActorKind.PLACE),
    ]
    # a place after a comma qualifies the city
    mentions, _ = run(
        finder, "He flew to Washington, D.C. and then Kyiv, Ukraine.", ("D.C.", "GPE")
    )
    assert [(m.text, m.name) for m in mentions] == [
        ("Washington", "United States"),
        ("D.C.", "D.C."),
        ("Kyiv, Ukraine", "Ukraine"),
        ("Ukraine", "Ukraine"),
    ]


def test_title_case_headline_capitals_stay_their_country(finder: GazetteerActorFinder) -> None:
    # every word of a headline is capitalized: "Says" continues no name
    text = "Moscow Says Kyiv Is to Blame for Crimea Bridge Attack\n\nRussia said on Monday."
    assert names(finder, text)[:2] == [("Russia", ActorKind.PLACE), ("Ukraine", ActorKind.PLACE)]


def test_a_part_of_a_city_is_a_place(finder: GazetteerActorFinder) -> None:
    # TimeBank: "Little Havana" read as Cuba
    text = "Crowds gathered outside the Little Havana home. In Old Havana, children marched."
    assert names(finder, text) == [
        ("Little Havana", ActorKind.PLACE),
        ("Old Havana", ActorKind.PLACE),
    ]
