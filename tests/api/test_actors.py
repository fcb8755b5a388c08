"""GET /actors (prefix/alias search with event counts) and GET /actors/{id}."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.test_events import seed_timeline

# After seed_timeline: Turkey 1 (4 events), Armenia 2 (4), Azerbaijan 3 (2), Russia 4 (1),
# NATO 5 (1), Sergei Naryshkin 6 (1).


@pytest.fixture
def timeline(client: TestClient, fake) -> TestClient:  # type: ignore[no-untyped-def]
    seed_timeline(client, fake)
    return client


def search(client: TestClient, **params: object) -> list[tuple[int, str, int]]:
    response = client.get("/actors", params=params)  # type: ignore[arg-type]
    assert response.status_code == 200, response.text
    return [(a["id"], a["name"], a["event_count"]) for a in response.json()["items"]]


def test_all_actors_most_events_first(timeline: TestClient):
    assert search(timeline) == [
        (2, "Armenia", 4),
        (1, "Turkey", 4),
        (3, "Azerbaijan", 2),
        (5, "NATO", 1),
        (4, "Russia", 1),
        (6, "Sergei Naryshkin", 1),
    ]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("tur", [(1, "Turkey", 4)]),
        ("TURKISH", [(1, "Turkey", 4)]),
        ("ank", [(1, "Turkey", 4)]),  # alias prefix (Ankara)
        ("a", [(2, "Armenia", 4), (1, "Turkey", 4), (3, "Azerbaijan", 2)]),
        ("nary", [(6, "Sergei Naryshkin", 1)]),  # word of an alias
        ("sergey", [(6, "Sergei Naryshkin", 1)]),  # transliteration folds
        ("Sergei Nar", [(6, "Sergei Naryshkin", 1)]),
        ("mosc", [(4, "Russia", 1)]),
        ("zzz", []),
        ("%", []),
        (
            "",
            [
                (2, "Armenia", 4),
                (1, "Turkey", 4),
                (3, "Azerbaijan", 2),
                (5, "NATO", 1),
                (4, "Russia", 1),
                (6, "Sergei Naryshkin", 1),
            ],
        ),
    ],
)
def test_search(timeline: TestClient, q: str, expected: list[tuple[int, str, int]]):
    assert search(timeline, q=q) == expected


def test_search_limit(timeline: TestClient):
    assert search(timeline, limit=2) == [(2, "Armenia", 4), (1, "Turkey", 4)]
    assert timeline.get("/actors", params={"limit": 501}).status_code == 422


def test_actor_detail(timeline: TestClient):
    assert timeline.get("/actors/6").json() == {
        "id": 6,
        "name": "Sergei Naryshkin",
        "kind": "person",
        "event_count": 1,
        "aliases": ["Sergei Naryshkin", "Sergey Naryshkin", "Naryshkin"],
    }
    turkey = timeline.get("/actors/1").json()
    assert turkey["aliases"] == ["Turkey", "Turkish", "Ankara"]
    assert turkey["event_count"] == 4


def test_event_counts_drop_when_articles_are_deleted(timeline: TestClient):
    assert timeline.delete("/articles/3").status_code == 204  # A3: Turkey x2, Armenia x1
    assert search(timeline, q="tur") == [(1, "Turkey", 2)]
    assert timeline.get("/actors/2").json()["event_count"] == 3
