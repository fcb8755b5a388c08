"""GET /events: every filter, ordering and keyset pagination, on SQLite and PostgreSQL.

The timeline fixture stores 4 articles / 10 events; ids are deterministic
(tables start empty). In ascending timeline order the events are:

  id  start..end              gran   article (published)   actors
   4  2020-01-01..2020-12-31  year   A2 ap (10-05 12:00Z)   NATO
  10  2020-09-01              day    A4 -  (09-10)          Armenia
   8  2020-09-01              day    A3 reuters (09-15)     Armenia, Turkey   (earlier in text)
   7  2020-09-01              day    A3 reuters (09-15)     Turkey            (later in text)
   6  2020-09-07..2020-10-05  vague  A2                     Azerbaijan
   9  2020-09-14..2020-09-20  week   A3                     -
   2  2020-09-21..2020-09-30  month  A1 reuters (10-01)     Armenia, Azerbaijan
   1  2020-09-27              day    A1                     Turkey, Armenia
   3  2020-10-01 (publication) day   A1                     Russia
   5  2020-10-02              day    A2                     Sergei Naryshkin, Turkey
"""

from __future__ import annotations

import base64

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert

from app.api.params import MAX_ACTORS
from app.db.models import Actor, ActorAlias
from tests.api.fakes import FakeExtractor, event
from tests.conftest import Backend

ALL_ASC = [4, 10, 8, 7, 6, 9, 2, 1, 3, 5]


def seed_timeline(client: TestClient, fake: FakeExtractor) -> None:
    a1 = fake.article(
        event(
            "Turkey accused Armenia on Sunday.",
            "accused",
            "2020-09-27",
            timex="on Sunday",
            actors=("Turkey", "Armenia"),
        ),
        event(
            "Fighting erupted in late September.",
            "erupted",
            "2020-09-21",
            "2020-09-30",
            granularity="month",
            timex="in late September",
            actors=("Armenia", "Azerbaijan"),
        ),
        event("Russia called for calm.", "called", "2020-10-01", actors=("Russia",)),
    )
    a2 = fake.article(
        event(
            "NATO met in 2020.",
            "met",
            "2020-01-01",
            "2020-12-31",
            granularity="year",
            timex="in 2020",
            actors=("NATO",),
        ),
        event(
            "Sergey Naryshkin warned Turkey on Friday.",
            "warned",
            "2020-10-02",
            timex="on Friday",
            actors=("Sergei Naryshkin", "Turkey"),
        ),
        event(
            "Azerbaijan shelled Stepanakert in recent weeks.",
            "shelled",
            "2020-09-07",
            "2020-10-05",
            granularity="vague",
            timex="in recent weeks",
            actors=("Azerbaijan",),
        ),
    )
    a3 = fake.article(
        event(
            "Turkey denied it on 1 September.",
            "denied",
            "2020-09-01",
            timex="on 1 September",
            actors=("Turkey",),
        ),
        event(
            "Armenia and Turkey clashed on 1 September.",
            "clashed",
            "2020-09-01",
            timex="on 1 September",
            actors=("Armenia", "Turkey"),
        ),
        event(
            "Talks collapsed this week.",
            "collapsed",
            "2020-09-14",
            "2020-09-20",
            granularity="week",
            timex="this week",
        ),
        text_order=(1, 2, 0),
    )
    a4 = fake.article(
        event(
            "Armenia mobilised on 1 September.",
            "mobilised",
            "2020-09-01",
            timex="on 1 September",
            actors=("Armenia",),
        ),
    )
    for text, fields in (
        (a1, {"source": "reuters", "published_at": "2020-10-01"}),
        (a2, {"source": "ap", "published_at": "2020-10-05T12:00:00Z"}),
        (a3, {"source": "reuters", "published_at": "2020-09-15"}),
        (a4, {"published_at": "2020-09-10"}),
    ):
        assert client.post("/articles", json={"text": text, **fields}).status_code == 201


@pytest.fixture
def timeline(client: TestClient, fake: FakeExtractor) -> TestClient:
    seed_timeline(client, fake)
    return client


def ids(client: TestClient, params: object) -> list[int]:
    response = client.get("/events", params=params)  # type: ignore[arg-type]
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["next_cursor"] is None
    return [item["id"] for item in body["items"]]


FILTER_CASES = [
    pytest.param({}, ALL_ASC, id="no-filter"),
    pytest.param({"order": "desc"}, ALL_ASC[::-1], id="desc"),
    pytest.param({"actor": "Turkey"}, [8, 7, 1, 5], id="actor"),
    pytest.param({"actor": "ankara"}, [8, 7, 1, 5], id="actor-alias-lowercase"),
    pytest.param({"actor": "TURKISH"}, [8, 7, 1, 5], id="actor-demonym-uppercase"),
    pytest.param({"actor": "Sergey Naryshkin"}, [5], id="actor-transliteration"),
    pytest.param({"actor": "SERGEI NARYSHKIN"}, [5], id="actor-canonical-upper"),
    pytest.param({"actor": "Naryshkin"}, [5], id="actor-surname-alias"),
    pytest.param({"actor": ["Turkey", "Armenia"]}, [10, 8, 7, 2, 1, 5], id="actors-any"),
    pytest.param({"actor": ["Turkey", "Armenia"], "actor_mode": "all"}, [8, 1], id="actors-all"),
    pytest.param({"actor": ["Turkey", "Atlantis"]}, [8, 7, 1, 5], id="any-ignores-unknown"),
    pytest.param({"actor": ["Turkey", "Atlantis"], "actor_mode": "all"}, [], id="all-unknown"),
    pytest.param({"actor": "Atlantis"}, [], id="unknown-actor-empty"),
    pytest.param({"actor": "!!!"}, [], id="actor-folding-to-nothing"),
    pytest.param({"from": "2020-09-28"}, [4, 6, 2, 3, 5], id="from-overlap"),
    pytest.param({"to": "2020-09-05"}, [4, 10, 8, 7], id="to-overlap"),
    pytest.param({"from": "2020-09-15", "to": "2020-09-20"}, [4, 6, 9], id="from-to"),
    pytest.param({"from": "2020-10-02", "to": "2020-10-02"}, [4, 6, 5], id="one-day"),
    pytest.param({"q": "1 september"}, [10, 8, 7], id="q-case-insensitive"),
    pytest.param({"q": "%"}, [], id="q-wildcard-is-literal"),
    pytest.param({"q": "_"}, [], id="q-underscore-is-literal"),
    pytest.param({"article_id": 1}, [2, 1, 3], id="article"),
    pytest.param({"article_id": 99}, [], id="unknown-article"),
    pytest.param({"source": "reuters"}, [8, 7, 9, 2, 1, 3], id="source"),
    pytest.param({"source": "nobody"}, [], id="unknown-source"),
    pytest.param({"granularity": "day"}, [10, 8, 7, 1, 3, 5], id="granularity-day"),
    pytest.param({"granularity": "week"}, [10, 8, 7, 9, 1, 3, 5], id="granularity-week"),
    pytest.param({"granularity": "month"}, [10, 8, 7, 9, 2, 1, 3, 5], id="granularity-month"),
    pytest.param({"granularity": "century"}, [4, 10, 8, 7, 9, 2, 1, 3, 5], id="century"),
    pytest.param({"granularity": "vague"}, ALL_ASC, id="granularity-vague"),
    pytest.param({"dated_by": "publication"}, [3], id="dated-by-publication"),
    pytest.param({"dated_by": "text"}, [4, 10, 8, 7, 6, 9, 2, 1, 5], id="dated-by-text"),
    pytest.param({"actor": "Turkey", "from": "2020-09-20", "source": "ap"}, [5], id="combined"),
    pytest.param(
        {"actor": "Armenia", "granularity": "day", "order": "desc"},
        [1, 8, 10],
        id="combined-desc",
    ),
]


@pytest.mark.parametrize(("params", "expected"), FILTER_CASES)
def test_filters(timeline: TestClient, params: dict[str, object], expected: list[int]):
    assert ids(timeline, params) == expected


@pytest.mark.parametrize("q", ["über", "ÜBER", "Über", "ärzte", "ÄRZTE", "ÜBER 40 ÄRZTE"])
def test_q_is_case_insensitive_beyond_ascii(client: TestClient, fake: FakeExtractor, q: str):
    """As on PostgreSQL (ILIKE): SQLite's own lower() folds ASCII letters only, so
    `q=über` did not find "Über" there."""
    text = fake.article(event("Über 40 Ärzte left Stepanakert.", "left", "2020-09-27"))
    assert client.post("/articles", json={"text": text}).status_code == 201
    assert ids(client, {"q": q}) == [1]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("istanbul", [1]),
        ("izmir", [1]),
        ("İZMİR", [1]),
        ("ΟΔΟΣ", [1]),
        ("οδοσ", [1]),
    ],
)
def test_q_lowers_each_character_as_postgresql_does(
    client: TestClient, fake: FakeExtractor, q: str, expected: list[int]
):
    """Both backends lower each character on its own (Unicode's simple mapping), as
    PostgreSQL's ILIKE does. SQLite used Python's str.lower(), whose full mapping makes
    "İ" two characters ("i" + a combining dot) and a word-final "Σ" a "ς": there
    `q=istanbul` did not find "İstanbul" and `q=οδοσ` did not find "ΟΔΟΣ"."""
    text = fake.article(event("İstanbul and İzmir closed ΟΔΟΣ roads.", "closed", "2020-09-27"))
    assert client.post("/articles", json={"text": text}).status_code == 201
    assert ids(client, {"q": q}) == expected


def walk(client: TestClient, params: dict[str, object]) -> list[list[int]]:
    pages, cursor = [], None
    while True:
        query = dict(params) | ({"cursor": cursor} if cursor else {})
        body = client.get("/events", params=query).json()  # type: ignore[arg-type]
        pages.append([item["id"] for item in body["items"]])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages


@pytest.mark.parametrize(
    ("params", "expected_pages"),
    [
        ({"limit": 3}, [[4, 10, 8], [7, 6, 9], [2, 1, 3], [5]]),
        ({"limit": 5}, [[4, 10, 8, 7, 6], [9, 2, 1, 3, 5]]),
        ({"limit": 3, "order": "desc"}, [[5, 3, 1], [2, 9, 6], [7, 8, 10], [4]]),
        ({"limit": 2, "actor": "Turkey"}, [[8, 7], [1, 5]]),
        ({"limit": 1, "source": "reuters", "granularity": "day"}, [[8], [7], [1], [3]]),
        ({"limit": 10}, [ALL_ASC]),
    ],
)
def test_keyset_pagination(
    timeline: TestClient, params: dict[str, object], expected_pages: list[list[int]]
):
    assert walk(timeline, params) == expected_pages


def test_pages_are_stable_when_earlier_events_are_added(timeline: TestClient, fake: FakeExtractor):
    first = timeline.get("/events", params={"limit": 3}).json()
    timeline.post(
        "/articles",
        json={
            "text": fake.article(
                event(
                    "Armenia protested in January.",
                    "protested",
                    "2020-01-05",
                    timex="in January",
                    actors=("Armenia",),
                )
            )
        },
    )
    second = timeline.get("/events", params={"limit": 3, "cursor": first["next_cursor"]})
    assert [e["id"] for e in second.json()["items"]] == [7, 6, 9]


def test_default_limit_is_50(client: TestClient, fake: FakeExtractor):
    many = [
        event(
            f"Turkey acted on day {i}.", "acted", "2020-09-01", timex=f"day {i}", actors=("Turkey",)
        )
        for i in range(55)
    ]
    client.post("/articles", json={"text": fake.article(*many)})
    body = client.get("/events").json()
    assert len(body["items"]) == 50 and body["next_cursor"] is not None
    rest = client.get("/events", params={"cursor": body["next_cursor"]}).json()
    assert [e["id"] for e in rest["items"]] == [51, 52, 53, 54, 55]
    assert len(client.get("/events", params={"limit": 500}).json()["items"]) == 55


def test_get_event(timeline: TestClient):
    body = timeline.get("/events/5").json()
    assert body == {
        "id": 5,
        "article_id": 2,
        "start_date": "2020-10-02",
        "end_date": "2020-10-02",
        "granularity": "day",
        "dated_by": "text",
        "timex": {"text": "on Friday", "start": 49, "end": 58, "value": "2020-10-02", "mod": None},
        "trigger": {"text": "warned", "start": 35, "end": 41},
        "sentence": {"text": "Sergey Naryshkin warned Turkey on Friday.", "start": 18, "end": 59},
        "actors": [
            {"id": 1, "name": "Turkey", "kind": "place", "role": "patient"},
            {"id": 6, "name": "Sergei Naryshkin", "kind": "person", "role": "agent"},
        ],
        "article": {
            "id": 2,
            "title": None,
            "url": None,
            "source": "ap",
            "published_at": "2020-10-05T12:00:00Z",
        },
    }
    assert timeline.get("/events/999").status_code == 404


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 501}, "limit"),
        ({"limit": 0}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"from": "2020-10-02", "to": "2020-10-01"}, "from"),
        ({"from": "yesterday"}, "from"),
        ({"from": "1601251200"}, "from"),  # a Unix timestamp is not a day
        ({"to": "1601251200"}, "to"),
        ({"to": "2020-10-01T00:00:00Z"}, "to"),
        ({"granularity": "fortnight"}, "granularity"),
        ({"dated_by": "magic"}, "dated_by"),
        ({"order": "sideways"}, "order"),
        ({"actor_mode": "some"}, "actor_mode"),
        ({"article_id": 2**40}, "article_id"),
        # more actors than SQLite's expression depth allows in `all` mode was a 500
        ({"actor": [f"a{i}" for i in range(101)], "actor_mode": "all"}, "actor"),
        ({"actor": ["Turkey", "x" * 201]}, "actor.1"),
        ({"q": "a\x00b"}, "q"),
        ({"q": ""}, "q"),
        ({"source": "x\x00"}, "source"),
    ],
)
def test_bad_parameters_are_422_naming_the_field(
    client: TestClient, params: dict[str, object], field: str
):
    response = client.get("/events", params=params)  # type: ignore[arg-type]
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 422 and body["type"] == "/problems/validation-error"
    assert [e["field"] for e in body["errors"]] == [field]


@pytest.mark.parametrize(
    "cursor",
    [
        "not-base64!!",
        "e30",  # {}
        "bm90IGpzb24",  # "not json"
        # events cursor, but for order=desc
        "eyJrIjoiZXZlbnRzIiwibyI6ImRlc2MiLCJ2IjpbIjIwMjAtMDEtMDEiLCIyMDIwLTEyLTMxIiwiMjAyMC0xMC0wNVQxMjowMDowMCswMDowMCIsMCw0XX0",
        # right shape, publication time not representable in UTC
        "eyJrIjoiZXZlbnRzIiwibyI6ImFzYyIsInYiOlsiMjAyMC0wMS0wMSIsIjIwMjAtMTItMzEiLCIwMDAxLTAxLTAxVDAwOjAwOjAwKzA1OjAwIiwwLDRdfQ",
        # right shape, id out of the database's range
        "eyJrIjoiZXZlbnRzIiwibyI6ImFzYyIsInYiOlsiMjAyMC0wMS0wMSIsIjIwMjAtMTItMzEiLCIyMDIwLTEwLTA1VDEyOjAwOjAwKzAwOjAwIiwwLDk5OTk5OTk5OTk5OV19",
        # JSON nested deeper than the decoder recurses (within the 2000-character limit)
        pytest.param(base64.urlsafe_b64encode(b"[" * 1400).decode(), id="deeply-nested"),
    ],
)
def test_bad_cursor_is_400(timeline: TestClient, cursor: str):
    response = timeline.get("/events", params={"cursor": cursor})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == "/problems/invalid-cursor"


def test_deeply_nested_article_cursor_is_400(timeline: TestClient):
    cursor = base64.urlsafe_b64encode(b"[" * 1400).decode()
    response = timeline.get("/articles", params={"cursor": cursor})
    assert response.status_code == 400
    assert response.json()["type"] == "/problems/invalid-cursor"


def test_articles_cursor_is_rejected_by_events(timeline: TestClient):
    cursor = timeline.get("/articles", params={"limit": 1}).json()["next_cursor"]
    assert timeline.get("/events", params={"cursor": cursor}).status_code == 400


def test_the_most_actors_allowed_work_in_all_mode(client: TestClient, db: Backend):
    """100 known actors (the limit) in `actor_mode=all`: one condition each, fine on
    both backends (past 1,000 SQLite refused the query: a 500)."""
    with db.engine.begin() as connection:
        for i in range(MAX_ACTORS):
            actor_id = connection.execute(
                insert(Actor).values(name=f"Zed {i}", kind="person").returning(Actor.id)
            ).scalar_one()
            connection.execute(
                insert(ActorAlias).values(actor_id=actor_id, name=f"Zed {i}", key=f"zed {i}")
            )
    names = [f"Zed {i}" for i in range(MAX_ACTORS)]
    response = client.get("/events", params={"actor": names, "actor_mode": "all"})
    assert response.status_code == 200
    assert response.json() == {"items": [], "next_cursor": None}
