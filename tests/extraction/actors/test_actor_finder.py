"""GazetteerActorFinder with a fake NER: entities are written by hand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.extraction.actors.finder import GazetteerActorFinder
from app.extraction.actors.gazetteer import GazetteerError
from app.extraction.actors.keys import alias_key
from app.extraction.pipeline import NamedEntity
from app.extraction.types import Actor, ActorKind, ActorMention


def ent(text: str, surface: str, label: str, occurrence: int = 0) -> NamedEntity:
    """The fake NER: the `occurrence`-th place `surface` appears, labelled `label`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return NamedEntity(start, start + len(surface), label, surface)


def run(
    finder: GazetteerActorFinder, text: str, *ents: tuple[str, str]
) -> tuple[list[ActorMention], list[Actor]]:
    """Each (surface, label) is its first occurrence not inside an earlier entity."""
    entities: list[NamedEntity] = []
    for surface, label in ents:
        start = text.index(surface)
        while any(e.start < start + len(surface) and start < e.end for e in entities):
            start = text.index(surface, start + 1)
        entities.append(NamedEntity(start, start + len(surface), label, surface))
    return finder.find(text, entities)


def triples(mentions: list[ActorMention]) -> list[tuple[str, str, ActorKind]]:
    return [(m.text, m.name, m.kind) for m in mentions]


def test_org_span_swallowing_a_person_is_split(finder: GazetteerActorFinder) -> None:
    text = "The head of the Federal Tax Service Ivan Petrov resigned."
    mentions, _ = run(finder, text, ("the Federal Tax Service Ivan Petrov", "ORG"))
    assert triples(mentions) == [
        ("Federal Tax Service", "Federal Tax Service", ActorKind.ORGANIZATION),
        ("Ivan Petrov", "Ivan Petrov", ActorKind.PERSON),
    ]


def test_known_org_prefix_cuts_a_merged_span(finder: GazetteerActorFinder) -> None:
    text = "said head of the Russian Foreign Intelligence Service Sergey Naryshkin on Monday"
    mentions, _ = run(
        finder, text, ("the Russian Foreign Intelligence Service Sergey Naryshkin", "ORG")
    )
    assert [(m.text, m.kind) for m in mentions] == [
        ("Russian Foreign Intelligence Service", ActorKind.ORGANIZATION),
        ("Sergey Naryshkin", ActorKind.PERSON),
    ]


def test_title_between_org_and_person_is_cut(finder: GazetteerActorFinder) -> None:
    text = "Apple CEO Steve Jobs spoke. Jobs smiled."
    mentions, actors = run(finder, text, ("Apple CEO Steve Jobs", "ORG"))
    assert triples(mentions) == [
        ("Apple", "Apple Inc.", ActorKind.ORGANIZATION),
        ("Steve Jobs", "Steve Jobs", ActorKind.PERSON),
        ("Jobs", "Steve Jobs", ActorKind.PERSON),
    ]
    assert [a.name for a in actors] == ["Apple Inc.", "Steve Jobs"]


def test_title_before_a_person_is_dropped(finder: GazetteerActorFinder) -> None:
    text = "Presiding Judge Martin Mann ruled."
    mentions, _ = run(finder, text, ("Presiding Judge Martin Mann", "PERSON"))
    assert triples(mentions) == [("Martin Mann", "Martin Mann", ActorKind.PERSON)]


def test_org_name_starting_with_a_title_word_is_kept(finder: GazetteerActorFinder) -> None:
    text = "General Dynamics won the contract."
    mentions, _ = run(finder, text, ("General Dynamics", "ORG"))
    assert triples(mentions) == [("General Dynamics", "General Dynamics", ActorKind.ORGANIZATION)]


def test_surname_resolves_to_full_name_before_or_after(finder: GazetteerActorFinder) -> None:
    text = "Petrova said so. Later Anna Petrova added more. Petrova left."
    mentions, actors = run(finder, text, ("Petrova", "PERSON"), ("Anna Petrova", "PERSON"))
    assert {m.key for m in mentions} == {"anna petrova"}
    assert len(mentions) == 3  # the last "Petrova", missed by the NER, is found too
    (petrova,) = actors
    assert petrova.aliases == ("Anna Petrova", "Petrova")


def test_surname_mislabelled_as_org_becomes_the_person(finder: GazetteerActorFinder) -> None:
    text = "Mark Papermaster joined. Papermaster left."
    mentions, _ = run(finder, text, ("Mark Papermaster", "PERSON"), ("Papermaster", "ORG"))
    assert triples(mentions)[1] == ("Papermaster", "Mark Papermaster", ActorKind.PERSON)


def test_two_spellings_are_one_actor_with_both_aliases(finder: GazetteerActorFinder) -> None:
    text = "Sergei Naryshkin spoke. Sergey Naryshkin repeated. Naryshkin stopped."
    _, actors = run(finder, text, ("Sergei Naryshkin", "PERSON"), ("Sergey Naryshkin", "PERSON"))
    (person,) = actors
    assert person.key == "sergey naryshkin"
    assert set(person.aliases) == {"Sergei Naryshkin", "Sergey Naryshkin", "Naryshkin"}


def test_arabic_article_surname(finder: GazetteerActorFinder) -> None:
    text = "Bashar al-Assad spoke. Al-Assad and Assad are the same man."
    mentions, actors = run(
        finder, text, ("Bashar al-Assad", "PERSON"), ("Al-Assad", "PERSON"), ("Assad", "PERSON")
    )
    assert {m.name for m in mentions} == {"Bashar al-Assad"}
    assert len(actors) == 1


def test_acronym_defined_in_parentheses(finder: GazetteerActorFinder) -> None:
    text = "Northwind Widget Works (NWW) hired staff. NWW said profits rose."
    mentions, actors = run(finder, text, ("Northwind Widget Works", "ORG"), ("NWW", "ORG"))
    assert [(m.text, m.name) for m in mentions] == [
        ("Northwind Widget Works", "Northwind Widget Works"),
        ("NWW", "Northwind Widget Works"),
        ("NWW", "Northwind Widget Works"),
    ]
    assert actors[0].aliases == ("Northwind Widget Works", "NWW")


def test_short_org_resolves_to_longer_org(finder: GazetteerActorFinder) -> None:
    text = "NPD expects a rebound, the NPD Group says."
    mentions, _ = run(finder, text, ("NPD", "ORG"), ("the NPD Group", "ORG"))
    assert [(m.text, m.name) for m in mentions] == [
        ("NPD", "NPD Group"),
        ("NPD Group", "NPD Group"),
    ]


def test_gazetteer_overrides_spacy_labels(finder: GazetteerActorFinder) -> None:
    text = "Yerevan also claims Azerbaijan lies."
    mentions, _ = run(finder, text, ("Yerevan", "PERSON"), ("Azerbaijan", "ORG"))
    assert triples(mentions) == [
        ("Yerevan", "Armenia", ActorKind.PLACE),
        ("Azerbaijan", "Azerbaijan", ActorKind.PLACE),
    ]


def test_gazetteer_finds_what_the_ner_missed(finder: GazetteerActorFinder) -> None:
    text = "Fighters of Jabhat al-Nusra were interviewed by Russia Today."
    mentions, _ = run(finder, text, ("Russia", "GPE"))
    assert triples(mentions) == [
        ("Jabhat al-Nusra", "Jabhat al-Nusra", ActorKind.GROUP),
        ("Russia Today", "Russia Today", ActorKind.ORGANIZATION),
    ]


def test_demonyms_and_capitals_stand_for_countries(finder: GazetteerActorFinder) -> None:
    text = "The Turks and Turkish officials said Ankara agreed; Turkey’s role grew."
    mentions, actors = run(finder, text)
    assert [(m.text, m.key) for m in mentions] == [
        ("Turks", "turkey"),
        ("Turkish", "turkey"),
        ("Ankara", "turkey"),
        ("Turkey", "turkey"),
    ]
    # forms seen first, then the rest the gazetteer knows
    seen = ("Turkey", "Turks", "Turkish", "Ankara")
    known = ("Türkiye", "Turkiye", "Republic of Turkey", "Turk")
    assert actors == [Actor("turkey", "Turkey", ActorKind.PLACE, seen + known)]


def test_capital_after_locative_word_is_the_city(finder: GazetteerActorFinder) -> None:
    text = "Talks in Moscow ended; Moscow said no."
    mentions, _ = run(finder, text)
    assert triples(mentions) == [
        ("Moscow", "Moscow", ActorKind.PLACE),
        ("Moscow", "Russia", ActorKind.PLACE),
    ]


def test_norp_without_country_is_a_group_and_lowercase_is_dropped(
    finder: GazetteerActorFinder,
) -> None:
    text = "Kurdish fighters and jihadist recruits."
    mentions, _ = run(finder, text, ("Kurdish", "NORP"), ("jihadist", "NORP"))
    assert triples(mentions) == [("Kurdish", "Kurdish", ActorKind.GROUP)]


def test_products_with_models(finder: GazetteerActorFinder) -> None:
    text = "Apple sold the iPhone 4 and the iPod nano; Boeing delayed the Boeing 787."
    mentions, _ = run(finder, text)
    assert triples(mentions) == [
        ("Apple", "Apple Inc.", ActorKind.ORGANIZATION),
        ("iPhone 4", "iPhone 4", ActorKind.PRODUCT),
        ("iPod nano", "iPod nano", ActorKind.PRODUCT),
        ("Boeing", "Boeing", ActorKind.ORGANIZATION),
        ("Boeing 787", "Boeing 787", ActorKind.PRODUCT),
    ]


def test_non_actor_labels_are_dropped_and_possessive_stripped(
    finder: GazetteerActorFinder,
) -> None:
    text = "On Tuesday the Acme Widget Company’s two plants closed."
    mentions, _ = run(
        finder,
        text,
        ("Tuesday", "DATE"),
        ("the Acme Widget Company’s", "ORG"),
        ("two", "CARDINAL"),
    )
    assert triples(mentions) == [
        ("Acme Widget Company", "Acme Widget Company", ActorKind.ORGANIZATION)
    ]


def test_user_data_file_extends_the_gazetteer(tmp_path: Path) -> None:
    data = tmp_path / "mine.toml"
    data.write_text(
        '[[actor]]\nname = "Northwind Traders"\nkind = "organization"\naliases = ["Northwind"]\n',
        encoding="utf-8",
    )
    finder = GazetteerActorFinder.default(extra_paths=[data])
    mentions, _ = finder.find("Northwind said Northwind Traders grew.", [])
    assert [(m.text, m.name, m.kind) for m in mentions] == [
        ("Northwind", "Northwind Traders", ActorKind.ORGANIZATION),
        ("Northwind Traders", "Northwind Traders", ActorKind.ORGANIZATION),
    ]


def test_user_file_can_extend_a_packaged_entry(tmp_path: Path) -> None:
    data = tmp_path / "more.toml"
    data.write_text('[[actor]]\nname = "Turkey"\nkind = "place"\nmetonyms = ["Istanbul"]\n')
    finder = GazetteerActorFinder.default(extra_paths=[data])
    mentions, _ = finder.find("Istanbul and Ankara agreed.", [])
    assert [m.key for m in mentions] == ["turkey", "turkey"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[[actor]]\nkind = "place"\n', "'name'"),
        ('[[actor]]\nname = "X"\nkind = "planet"\n', "'kind'"),
        ('[[actor]]\nname = "X"\nkind = "place"\nalias = ["Y"]\n', "unknown field"),
        ('[[actor]]\nname = "X"\nkind = "place"\naliases = "Y"\n', "'aliases'"),
        ("[[actor]\n", "mine.toml"),
    ],
)
def test_bad_user_file_is_reported_with_its_name(
    tmp_path: Path, content: str, message: str
) -> None:
    data = tmp_path / "mine.toml"
    data.write_text(content)
    with pytest.raises(GazetteerError, match=message) as info:
        GazetteerActorFinder.default(extra_paths=[data])
    assert "mine.toml" in str(info.value)


def test_every_un_member_is_in_the_country_gazetteer(finder: GazetteerActorFinder) -> None:
    places = {e.name for e in finder.gazetteer.entries if e.kind is ActorKind.PLACE}
    for name in ("Turkey", "Armenia", "Azerbaijan", "Russia", "Syria", "France", "Tuvalu"):
        assert name in places
    countries = [e for e in finder.gazetteer.entries if e.demonyms or e.metonyms]
    assert len(countries) >= 193
    us = finder.gazetteer.lookup("U.S.")
    assert us is not None and us.name == "United States"


def test_finder_imports_no_web_or_database_layer() -> None:
    code = (
        "import sys, app.extraction.actors.finder, app.extraction.actors.ner;"
        "bad = [m for m in ('fastapi', 'sqlalchemy', 'app.db', 'app.api', 'spacy')"
        " if m in sys.modules]; print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_possessive_inside_a_span_splits_owner_and_owned(finder: GazetteerActorFinder) -> None:
    text = "The head of Russia’s Foreign Intelligence Service spoke."
    mentions, _ = run(finder, text, ("Russia’s Foreign Intelligence Service", "ORG"))
    assert triples(mentions) == [
        ("Russia", "Russia", ActorKind.PLACE),
        (
            "Foreign Intelligence Service",
            "Russian Foreign Intelligence Service",
            ActorKind.ORGANIZATION,
        ),
    ]


def test_unknown_possessive_name_stays_whole(finder: GazetteerActorFinder) -> None:
    text = "Shares of Zorblat's Widget Works rose."
    mentions, _ = run(finder, text, ("Zorblat's Widget Works", "ORG"))
    assert [m.text for m in mentions] == ["Zorblat's Widget Works"]


def test_conjunction_of_known_names_is_split(finder: GazetteerActorFinder) -> None:
    text = "It sells the Macbook and Macbook Pro; Bosnia and Herzegovina agreed."
    mentions, _ = run(
        finder,
        text,
        ("the Macbook and Macbook Pro", "ORG"),
        ("Bosnia and Herzegovina", "GPE"),
    )
    assert triples(mentions) == [
        ("Macbook", "MacBook", ActorKind.PRODUCT),
        ("Macbook Pro", "MacBook Pro", ActorKind.PRODUCT),
        ("Bosnia and Herzegovina", "Bosnia and Herzegovina", ActorKind.PLACE),
    ]


def test_spaced_dash_separates_names(finder: GazetteerActorFinder) -> None:
    text = "a leader based in San Jose - Cisco. The new Zeta Phone - a laptop."
    mentions, _ = run(finder, text, ("San Jose - Cisco", "GPE"), ("Zeta Phone - a", "PRODUCT"))
    assert triples(mentions) == [
        ("San Jose", "San Jose", ActorKind.PLACE),
        ("Cisco", "Cisco Systems", ActorKind.ORGANIZATION),
        ("Zeta Phone", "Zeta Phone", ActorKind.PRODUCT),
    ]


def test_named_events_are_kind_other(finder: GazetteerActorFinder) -> None:
    text = "at the Worldwide Developers Conference (WWDC) in June; WWDC 2010 ended."
    mentions, actors = run(
        finder, text, ("the Worldwide Developers Conference", "ORG"), ("WWDC 2010", "ORG")
    )
    assert {(m.name, m.kind) for m in mentions} == {
        ("Worldwide Developers Conference", ActorKind.OTHER)
    }
    assert len(mentions) == 3
    assert actors[0].aliases == ("Worldwide Developers Conference", "WWDC", "WWDC 2010")


def test_currencies_are_not_actors(finder: GazetteerActorFinder) -> None:
    text = "It costs $99 (USD), or US$ 299 in the US."
    mentions, _ = run(finder, text, ("USD", "ORG"))
    assert [(m.text, m.start) for m in mentions] == [("US", text.rindex("US"))]


def test_product_model_words_and_short_forms(finder: GazetteerActorFinder) -> None:
    text = (
        "Apple's OS X Tiger shipped with the 30GB iPod and the 3G iPhone. "
        "Tiger sold well; the iPod Nano too. Nano buyers and iChat users agreed."
    )
    # the NER calls the later, lone "Tiger" and "Nano" persons
    entities = [ent(text, "Tiger", "PERSON", 1), ent(text, "Nano", "PERSON", 1)]
    mentions, _ = finder.find(text, entities)
    assert [(m.text, m.name) for m in mentions if m.kind is ActorKind.PRODUCT] == [
        ("OS X Tiger", "Mac OS X Tiger"),
        ("30GB iPod", "iPod"),
        ("3G iPhone", "iPhone 3G"),
        ("Tiger", "Mac OS X Tiger"),
        ("iPod Nano", "iPod Nano"),
        ("Nano", "iPod Nano"),
        ("iChat", "iChat"),
    ]


def test_product_name_does_not_swallow_a_following_person(finder: GazetteerActorFinder) -> None:
    text = "On stage with the iPhone Steve Jobs smiled."
    mentions, _ = run(finder, text, ("Steve Jobs", "PERSON"))
    assert triples(mentions) == [
        ("iPhone", "iPhone", ActorKind.PRODUCT),
        ("Steve Jobs", "Steve Jobs", ActorKind.PERSON),
    ]


def test_lone_first_name_is_the_only_person_with_it(finder: GazetteerActorFinder) -> None:
    text = "Elian Gonzalez stayed. Juan Miguel Gonzalez flew in. Elian smiled."
    mentions, _ = run(
        finder,
        text,
        ("Elian Gonzalez", "PERSON"),
        ("Juan Miguel Gonzalez", "PERSON"),
        ("Elian", "PERSON"),
    )
    assert [(m.text, m.name) for m in mentions] == [
        ("Elian Gonzalez", "Elian Gonzalez"),
        ("Juan Miguel Gonzalez", "Juan Miguel Gonzalez"),
        ("Elian", "Elian Gonzalez"),
    ]


def test_company_short_name_taken_for_a_person(finder: GazetteerActorFinder) -> None:
    text = "Reed International PLC rose. Reed said profit grew in California."
    mentions, _ = run(
        finder,
        text,
        ("Reed International PLC", "ORG"),
        ("Reed", "PERSON"),
        ("California", "GPE"),
    )
    assert triples(mentions) == [
        ("Reed International PLC", "Reed International PLC", ActorKind.ORGANIZATION),
        ("Reed", "Reed International PLC", ActorKind.ORGANIZATION),
        ("California", "California", ActorKind.PLACE),
    ]


def test_lowercase_words_are_not_names_but_particles_are(finder: GazetteerActorFinder) -> None:
    text = "trans-Atlantic ties; al-Zawahiri spoke."
    mentions, _ = run(finder, text, ("trans-Atlantic", "NORP"), ("al-Zawahiri", "PERSON"))
    assert triples(mentions) == [("al-Zawahiri", "al-Zawahiri", ActorKind.PERSON)]


def test_common_word_taken_for_a_person_is_dropped(finder: GazetteerActorFinder) -> None:
    text = "The Embassy was hit; the embassy staff fled. Steve Jobs kept the jobs. Cook spoke."
    mentions, _ = run(
        finder,
        text,
        ("Embassy", "PERSON"),
        ("Steve Jobs", "PERSON"),
        ("Cook", "PERSON"),
    )
    # "Jobs" has a full name in the article; "Cook" is never written in lower case
    assert [m.text for m in mentions] == ["Steve Jobs", "Cook"]


def test_product_plurals_and_company_quantities(finder: GazetteerActorFinder) -> None:
    text = "Boeing sold 20 million iPhones? No: Apple 15 percent up, Boeing 747 orders."
    mentions, _ = run(finder, text)
    assert [(m.text, m.name, m.kind) for m in mentions] == [
        ("Boeing", "Boeing", ActorKind.ORGANIZATION),
        ("iPhones", "iPhone", ActorKind.PRODUCT),
        ("Apple", "Apple Inc.", ActorKind.ORGANIZATION),
        ("Boeing 747", "Boeing 747", ActorKind.PRODUCT),
    ]


def test_capital_after_to_is_still_the_government(finder: GazetteerActorFinder) -> None:
    mentions, _ = run(finder, "Yerevan appealed to Moscow for help.")
    assert [m.name for m in mentions] == ["Armenia", "Russia"]


def _actor(actors: list[Actor], key: str) -> Actor:
    return next(a for a in actors if a.key == key)


def test_owner_qualified_organization_keeps_the_qualified_alias(
    finder: GazetteerActorFinder,
) -> None:
    text = "The Beatles' Apple Corps sued Apple Computer. Apple Corps said so."
    mentions, actors = run(finder, text, ("Apple Computer", "ORG"))
    assert [(m.text, m.key) for m in mentions] == [
        ("Apple Corps", "apple corps"),
        ("Apple Computer", "apple"),
        ("Apple Corps", "apple corps"),
    ]
    corps = _actor(actors, "apple corps")
    assert corps.aliases == ("Apple Corps", "Beatles' Apple Corps", "Apple Corps Ltd")
    # the store looks actors up by alias key: "Beatles Apple Corps" finds it
    assert alias_key("Beatles Apple Corps") in {alias_key(a) for a in corps.aliases}


def test_owner_qualified_form_for_unknown_organizations_and_curly_apostrophes(
    finder: GazetteerActorFinder,
) -> None:
    text = "Russia’s Foreign Intelligence Service said. Zorblat's Widget Works rose."
    _, actors = run(finder, text, ("Widget Works", "ORG"))
    svr = _actor(actors, "russian foreign intelligence service")
    assert "Russia’s Foreign Intelligence Service" in svr.aliases
    widget = _actor(actors, alias_key("Widget Works"))
    assert widget.aliases == ("Widget Works", "Zorblat's Widget Works")


def test_no_owner_qualified_alias_for_products_people_or_time_words(
    finder: GazetteerActorFinder,
) -> None:
    # a product's possessor is its maker or its owner ("the judge's iPod"): not a name
    # of the product; a person's possessor is an affiliation ("Apple's Steve Jobs");
    # "Monday's", "Its" and "Here's" (= "Here is") are no owners
    text = (
        "Apple's iPod sold. Apple's Steve Jobs spoke. Monday's Apple Corps statement came. "
        "Its Apple Corps unit grew. Here's Apple Corps again."
    )
    _, actors = run(finder, text, ("Steve Jobs", "PERSON"))
    assert _actor(actors, "ipod").aliases == ("iPod",)
    assert _actor(actors, "steve jobs").aliases == ("Steve Jobs", "Jobs")
    assert _actor(actors, "apple corps").aliases == ("Apple Corps", "Apple Corps Ltd")


def test_itunes_and_its_store_are_one_actor(finder: GazetteerActorFinder) -> None:
    # MEANTIME and SemEval-2015 annotate "iTunes", "the iTunes Music Store" and
    # "the iTunes store" as one entity; news uses "iTunes" for the store
    text = "Apple's iTunes Music Store opened. Movies on iTunes. The iTunes Store grew."
    mentions, actors = run(finder, text)
    assert {m.key for m in mentions if m.text.startswith("iTunes")} == {"itunes"}
    itunes = _actor(actors, "itunes")
    assert itunes.name == "iTunes"
    assert {"iTunes Music Store", "iTunes Store"} <= set(itunes.aliases)
    assert "App Store" not in itunes.aliases


def test_itunes_app_store_is_the_app_store_and_the_mac_app_store_its_own(
    finder: GazetteerActorFinder,
) -> None:
    # "iTunes App Store" is the App Store's first name (a store inside iTunes), not
    # iTunes and the App Store side by side; the Mac App Store is another store
    text = "Developers joined the iTunes App Store. The App Store grew. The Mac App Store opened."
    mentions, actors = run(finder, text)
    assert [(m.text, m.key) for m in mentions] == [
        ("iTunes App Store", "app store"),
        ("App Store", "app store"),
        ("Mac App Store", "mac app store"),
    ]
    assert {a.key for a in actors} == {"app store", "mac app store"}


def test_lone_first_name_resolves_whatever_its_label(finder: GazetteerActorFinder) -> None:
    # spaCy may call a lone first name ORG or GPE; the NER may miss a repetition
    text = "Steve Jobs spoke. Steve called it great. Later Steve said more."
    mentions, actors = run(
        finder, text, ("Steve Jobs", "PERSON"), ("Steve", "ORG"), ("Steve", "GPE")
    )
    assert [(m.text, m.key, m.kind) for m in mentions] == [
        ("Steve Jobs", "steve jobs", ActorKind.PERSON),
        ("Steve", "steve jobs", ActorKind.PERSON),
        ("Steve", "steve jobs", ActorKind.PERSON),
    ]
    assert [a.key for a in actors] == ["steve jobs"]
    # a lone first name is no alias across articles: the store links actors by any
    # shared alias, so "Steve" would pull the next article's Steve Wozniak into Jobs
    assert actors[0].aliases == ("Steve Jobs", "Jobs")


def test_lone_first_name_missed_by_the_ner_is_found_again(finder: GazetteerActorFinder) -> None:
    text = "Steve Jobs spoke. Steve called it great."
    mentions, _ = run(finder, text, ("Steve Jobs", "PERSON"))
    assert [(m.text, m.key) for m in mentions] == [
        ("Steve Jobs", "steve jobs"),
        ("Steve", "steve jobs"),
    ]


def test_lone_first_name_shared_by_two_people_stays_unresolved(
    finder: GazetteerActorFinder,
) -> None:
    text = "Steve Jobs and Steve Wozniak founded it. Steve said so."
    mentions, actors = run(
        finder, text, ("Steve Jobs", "PERSON"), ("Steve Wozniak", "PERSON"), ("Steve", "PERSON")
    )
    assert [(m.text, m.key) for m in mentions] == [
        ("Steve Jobs", "steve jobs"),
        ("Steve Wozniak", "steve wozniak"),
        ("Steve", "steve"),
    ]
    # and no full-name actor carries the ambiguous first name as an alias
    assert all("Steve" not in a.aliases for a in actors if a.key != "steve")


def test_bare_product_family_is_the_articles_one_numbered_model(
    finder: GazetteerActorFinder,
) -> None:
    text = (
        "Apple launches 3G iPhone\n\n"
        "Apple today launched a 3G version of its iPhone. Jobs promoted the new iPhone "
        "and iPhone sales. Since the original iPhone, iPhones sold well; the first iPhone "
        "had no 3G. One year after launching the iPhone, Apple launches the iPhone 3G."
    )
    mentions, actors = run(finder, text)
    products = [(m.text, m.key) for m in mentions if m.kind is ActorKind.PRODUCT]
    assert products == [
        ("3G iPhone", "iphone 3g"),
        ("iPhone", "iphone 3g"),
        ("iPhone", "iphone 3g"),
        ("iPhone", "iphone 3g"),
        ("iPhone", "iphone"),  # the original iPhone
        ("iPhones", "iphone"),  # a plural is the family
        ("iPhone", "iphone"),  # the first iPhone
        ("iPhone", "iphone"),  # looking back: "after launching the iPhone"
        ("iPhone 3G", "iphone 3g"),
    ]
    # the family's name is no alias of the model: the store links actors by alias
    assert _actor(actors, "iphone 3g").aliases == ("iPhone 3G", "3G iPhone")


def test_model_named_once_in_passing_is_not_the_articles_model(
    finder: GazetteerActorFinder,
) -> None:
    text = "Jobs unveiled the iPad 2 in March. Cook is credited with the success of the iPad."
    mentions, _ = run(finder, text)
    assert [(m.text, m.key) for m in mentions if m.kind is ActorKind.PRODUCT] == [
        ("iPad 2", "ipad 2"),
        ("iPad", "ipad"),
    ]


def test_software_version_is_no_model_a_bare_family_stands_for(
    finder: GazetteerActorFinder,
) -> None:
    text = "Apple announces iPhone 2.0 software. The iPhone gets apps."
    mentions, _ = run(finder, text)
    assert [(m.text, m.key) for m in mentions] == [
        ("Apple", "apple"),
        ("iPhone 2.0", "iphone 2 0"),
        ("iPhone", "iphone"),
    ]


def test_bare_product_family_with_several_models_uses_the_main_one(
    finder: GazetteerActorFinder,
) -> None:
    text = (
        "Apple unveils iPhone 4\n\n"
        "The iPhone 4 replaces the iPhone 3GS. The new iPhone is thin. iPhone 4 ships soon."
    )
    mentions, _ = run(finder, text)
    assert [(m.text, m.key) for m in mentions if m.kind is ActorKind.PRODUCT] == [
        ("iPhone 4", "iphone 4"),
        ("iPhone 4", "iphone 4"),
        ("iPhone 3GS", "iphone 3gs"),
        ("iPhone", "iphone 4"),
        ("iPhone 4", "iphone 4"),
    ]
    # no main model (first mentioned and strictly most mentioned): the family stays
    text = "The iPhone 4 and the iPhone 3GS sell. The iPhone is popular."
    mentions, _ = run(finder, text)
    assert [m.key for m in mentions] == ["iphone 4", "iphone 3gs", "iphone"]


def test_bare_product_family_without_a_numbered_model_stays_the_family(
    finder: GazetteerActorFinder,
) -> None:
    # "iPod nano" is a product line beside the iPod, not a generation of it;
    # "iPhone OS" is no model of the iPhone
    text = "Apple unveils iPod nano. The iPod sells. iPhone OS runs on the iPhone."
    mentions, _ = run(finder, text)
    assert [(m.text, m.key) for m in mentions] == [
        ("Apple", "apple"),
        ("iPod nano", "ipod nano"),
        ("iPod", "ipod"),
        ("iPhone OS", "iphone os"),
        ("iPhone", "iphone"),
    ]


@pytest.mark.parametrize(
    ("surface", "label", "variants"),
    [
        ("Moscone Center", "FAC", {"moscone center"}),
        ("Moscone West center", "FAC", {"moscone west center", "moscone center"}),
        (
            "Moscone West Convention Center",
            "LOC",
            {"moscone west convention center", "moscone west center", "moscone center"},
        ),
        ("Moscone Center West", "FAC", {"moscone center west", "moscone center"}),
        ("Javits Convention Centre", "ORG", {"javits convention centre", "javits center"}),
        # a compass word that starts the name is part of it; "Space" is no generic word
        (
            "North Carolina Convention Center",
            "FAC",
            {"north carolina convention center", "north carolina center"},
        ),
        ("Kennedy Space Center", "FAC", {"kennedy space center"}),
    ],
)
def test_venue_spellings_and_parts_share_an_alias(
    finder: GazetteerActorFinder, surface: str, label: str, variants: set[str]
) -> None:
    # "Moscone West Convention Center" and "Moscone Center" in two articles are one
    # actor in the store, which links actors through any shared alias key
    _, actors = run(finder, f"Apple met at the {surface} in 2005.", (surface, label))
    venue = next(a for a in actors if a.name == surface)
    assert {alias_key(a) for a in venue.aliases} == variants


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        # a place starting an organization's name is part of it
        ("U.S. Trust Corp.", [("U.S. Trust Corp.", ActorKind.ORGANIZATION)]),
        ("U.S. Trust", [("U.S. Trust", ActorKind.ORGANIZATION)]),
        # a single word or a company-like tail after a known organization is no person
        ("GM Hughes", [("GM Hughes", ActorKind.ORGANIZATION)]),
        ("GM Hughes Electronics", [("GM Hughes Electronics", ActorKind.ORGANIZATION)]),
    ],
)
def test_known_prefix_does_not_cut_an_organizations_own_name(
    finder: GazetteerActorFinder, span: str, expected: list[tuple[str, ActorKind]]
) -> None:
    text = f"Shares of {span} rose on Monday."
    mentions, _ = run(finder, text, (span, "ORG"))
    assert [(m.text, m.kind) for m in mentions] == expected


def test_gazetteer_actor_carries_its_known_forms(finder: GazetteerActorFinder) -> None:
    # so that `actor=Ankara` finds Turkey even before any article wrote "Ankara"
    _, actors = run(finder, "Turkey denied it.", ("Turkey", "GPE"))
    turkey = next(a for a in actors if a.name == "Turkey")
    assert {"Turkey", "Turkish", "Turks", "Ankara"} <= set(turkey.aliases)
    assert len(turkey.aliases) == len(set(turkey.aliases))


def test_actor_outside_the_gazetteer_keeps_only_forms_seen(finder: GazetteerActorFinder) -> None:
    _, actors = run(finder, "Ivan Petrov resigned.", ("Ivan Petrov", "PERSON"))
    assert [a.aliases for a in actors] == [("Ivan Petrov", "Petrov")]


def test_a_name_right_after_a_title_is_a_person_whatever_the_ner_label(
    finder: GazetteerActorFinder,
) -> None:
    # spaCy labels "Olaf Scholz" after "Chancellor" (and then "Scholz") ORG; a
    # capitalized title right before two to four name words makes them a person
    text = "German Chancellor Olaf Scholz met Ford Motor Co. Scholz said aid would come."
    mentions, actors = run(
        finder, text, ("Olaf Scholz", "ORG"), ("Ford Motor Co.", "ORG"), ("Scholz", "ORG")
    )
    scholz = _actor(actors, "olaf scholz")
    assert scholz.kind is ActorKind.PERSON
    assert [m.key for m in mentions if m.text.endswith("Scholz")] == ["olaf scholz"] * 2
    # not a company after a title-like word, nor a name after a lower-case word
    text = "Its chief Ford Motor Co. rival grew; the general Election Commission met."
    _, actors = run(finder, text, ("Ford Motor Co.", "ORG"), ("Election Commission", "ORG"))
    assert {a.kind for a in actors} == {ActorKind.ORGANIZATION}
