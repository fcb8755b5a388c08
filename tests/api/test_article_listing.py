"""GET /articles: source, from/to (publication day), order, cursor pagination."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def articles(client: TestClient) -> TestClient:
    for text, source, published in [
        ("A.", "reuters", "2020-09-10"),
        ("B.", "ap", "2020-09-12T23:30:00-02:00"),  # 2020-09-13T01:30Z, published on the 12th
        ("C.", "reuters", "2020-09-13"),
        ("D.", "reuters", "2020-09-20"),
        ("E.", None, "2020-09-11"),
    ]:
        body = {"text": text, "published_at": published} | ({"source": source} if source else {})
        assert client.post("/articles", json=body).status_code == 201
    return client


def listing(client: TestClient, **params: object) -> list[int]:
    response = client.get("/articles", params=params)  # type: ignore[arg-type]
    assert response.status_code == 200, response.text
    assert response.json()["next_cursor"] is None
    return [a["id"] for a in response.json()["items"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, [4, 2, 3, 5, 1]),
        ({"order": "asc"}, [1, 5, 3, 2, 4]),
        ({"source": "reuters"}, [4, 3, 1]),
        ({"from": "2020-09-12"}, [4, 2, 3]),
        ({"to": "2020-09-12"}, [2, 5, 1]),
        ({"from": "2020-09-11", "to": "2020-09-13", "order": "asc"}, [5, 3, 2]),
        ({"source": "reuters", "from": "2020-09-11"}, [4, 3]),
        ({"source": "nobody"}, []),
    ],
)
def test_filters_and_order(articles: TestClient, params: dict[str, object], expected: list[int]):
    assert listing(articles, **params) == expected


def test_cursor_pages(articles: TestClient):
    pages, cursor = [], None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        body = articles.get("/articles", params=params).json()
        pages.append([a["id"] for a in body["items"]])
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert pages == [[4, 2], [3, 5], [1]]


def test_listing_items_are_summaries(articles: TestClient):
    item = articles.get("/articles", params={"limit": 1, "order": "asc"}).json()["items"][0]
    assert set(item) == {
        "id",
        "url",
        "title",
        "source",
        "language",
        "published_at",
        "published_at_source",
        "extractor_version",
        "created_at",
    }
    assert item["published_at"] == "2020-09-10"


def test_bad_listing_input(articles: TestClient):
    assert articles.get("/articles", params={"cursor": "zzz"}).status_code == 400
    assert (
        articles.get("/articles", params={"from": "2020-09-13", "to": "2020-09-12"}).status_code
        == 422
    )
    assert articles.get("/articles", params={"limit": 501}).status_code == 422
    for field in ("from", "to"):  # a Unix timestamp (here 2020-09-13 00:00 UTC) is not a day
        response = articles.get("/articles", params={field: "1599955200"})
        assert [e["field"] for e in response.json()["errors"]] == [field]
