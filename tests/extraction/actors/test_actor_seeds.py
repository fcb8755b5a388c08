"""Integration: the real spaCy model + gazetteers on the two seed articles.

The one test module that loads the model; the others use a fake NER.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.extraction.actors.finder import GazetteerActorFinder
from app.extraction.actors.ner import entities_from_doc, load_ner
from app.extraction.types import Actor, ActorKind, ActorMention

SEEDS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "seeds"
SEED_000 = SEEDS / "000_20e5c222f55f49f2.txt"
SEED_001 = SEEDS / "001_775ba3dc0255bdde.txt"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not found at {SEEDS}")

Result = tuple[str, list[ActorMention], list[Actor]]


@pytest.fixture(scope="module")
def results() -> dict[str, Result]:
    nlp = load_ner()
    finder = GazetteerActorFinder.default()
    out = {}
    for name, path in (("000", SEED_000), ("001", SEED_001)):
        text = path.read_text(encoding="utf-8")
        mentions, actors = finder.find(text, entities_from_doc(nlp(text)))
        out[name] = (text, mentions, actors)
    return out


def actor(result: Result, name: str) -> Actor:
    matches = [a for a in result[2] if a.name == name]
    assert len(matches) == 1, [a.name for a in result[2]]
    return matches[0]


def mentions_of(result: Result, surface: str) -> list[ActorMention]:
    return [m for m in result[1] if m.text == surface]


def test_naryshkin_is_one_actor_with_every_spelling(results: dict[str, Result]) -> None:
    people = [a for a in results["000"][2] if "Naryshkin" in a.name]
    assert len(people) == 1
    naryshkin = people[0]
    assert naryshkin.kind is ActorKind.PERSON
    assert {"Sergei Naryshkin", "Sergey Naryshkin", "Naryshkin"} <= set(naryshkin.aliases)
    assert naryshkin.key == "sergey naryshkin"


def test_naryshkin_has_the_same_key_across_articles(results: dict[str, Result]) -> None:
    keys = {m.key for r in results.values() for m in r[1] if "Naryshkin" in m.text}
    assert keys == {"sergey naryshkin"}
    bare = mentions_of(results["001"], "Naryshkin")
    assert len(bare) == 2  # "Naryshkin stressed", "said Naryshkin"


def test_turkey_absorbs_capital_and_demonyms(results: dict[str, Result]) -> None:
    text, mentions, _ = results["000"]
    at = text.index("Turkey’s role")
    (turkeys,) = [m for m in mentions if m.start == at]
    assert (turkeys.text, turkeys.name, turkeys.kind) == ("Turkey", "Turkey", ActorKind.PLACE)
    for surface in ("Ankara", "Turkish", "Turks"):
        found = mentions_of(results["001"], surface)
        assert found and {m.key for m in found} == {"turkey"}, surface
    assert {"Ankara", "Turkish", "Turks"} <= set(actor(results["001"], "Turkey").aliases)


def test_yerevan_is_armenia_never_a_person(results: dict[str, Result]) -> None:
    (yerevan,) = mentions_of(results["000"], "Yerevan")
    assert (yerevan.name, yerevan.kind) == ("Armenia", ActorKind.PLACE)


def test_azerbaijan_is_a_place(results: dict[str, Result]) -> None:
    found = mentions_of(results["000"], "Azerbaijan")
    assert len(found) == 5
    assert {(m.name, m.kind) for m in found} == {("Azerbaijan", ActorKind.PLACE)}


def test_jabhat_al_nusra_is_a_group(results: dict[str, Result]) -> None:
    (nusra,) = mentions_of(results["001"], "Jabhat al-Nusra")
    assert nusra.kind is ActorKind.GROUP


def test_assad_resolves_to_bashar_al_assad(results: dict[str, Result]) -> None:
    assad = actor(results["001"], "Bashar al-Assad")
    assert assad.kind is ActorKind.PERSON
    bare = mentions_of(results["001"], "Assad")
    assert len(bare) == 2
    assert {m.key for m in bare} == {assad.key}
    assert {"Assad", "al-Assad"} <= set(assad.aliases)


def test_zakharova_is_a_person(results: dict[str, Result]) -> None:
    zakharova = actor(results["000"], "Maria Zakharova")
    assert zakharova.kind is ActorKind.PERSON


def test_intelligence_service_is_not_merged_with_naryshkin(results: dict[str, Result]) -> None:
    svr = actor(results["000"], "Russian Foreign Intelligence Service")
    assert svr.kind is ActorKind.ORGANIZATION
    assert not any("Naryshkin" in alias for alias in svr.aliases)
    texts = [m.text for m in results["000"][1] if m.key == svr.key]
    assert texts == ["Russian Foreign Intelligence Service"] * 2
    # Russia's own article names it without "Russian": same actor by the gazetteer
    assert actor(results["001"], "Russian Foreign Intelligence Service").key == svr.key


def test_russia_today_is_an_organization(results: dict[str, Result]) -> None:
    (rt,) = mentions_of(results["000"], "Russia Today")
    assert (rt.name, rt.kind) == ("Russia Today", ActorKind.ORGANIZATION)


def test_moscow_stands_for_russia(results: dict[str, Result]) -> None:
    found = mentions_of(results["000"], "Moscow")
    assert len(found) == 2
    assert {m.key for m in found} == {"russia"}


def test_regions_are_places(results: dict[str, Result]) -> None:
    for name in ("Nagorno-Karabakh", "Middle East", "South Caucasus"):
        assert actor(results["000"], name).kind is ActorKind.PLACE
    karabakh = mentions_of(results["001"], "Karabakh")
    assert {m.name for m in karabakh} == {"Nagorno-Karabakh"}


def test_no_dates_or_numbers_become_actors(results: dict[str, Result]) -> None:
    texts = {m.text for r in results.values() for m in r[1]}
    assert not texts & {"Today", "this week", "Tuesday", "two", "November 5", "hundreds"}
