"""Method handling: a 405 names every method the path supports (RFC 9110 §15.5.6), and a
literal path is not read as an id ("/articles/batch" is not article "batch")."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.api.fakes import FakeExtractor
from tests.api.test_errors import problem
from tests.conftest import Backend, count_rows


def allowed(response) -> set[str]:  # type: ignore[no-untyped-def]
    return {m.strip() for m in response.headers["allow"].split(",")}


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        # GET /articles and POST /articles are two routes: both must be named.
        ("PUT", "/articles", {"GET", "HEAD", "POST"}),
        ("PUT", "/articles/1", {"GET", "HEAD", "DELETE"}),
        ("PATCH", "/events", {"GET", "HEAD"}),
        ("POST", "/events/1", {"GET", "HEAD"}),
        ("GET", "/extract", {"POST"}),
        ("GET", "/articles/1/reprocess", {"POST"}),
        ("DELETE", "/actors", {"GET", "HEAD"}),
    ],
)
def test_405_lists_every_method_of_the_path(
    client: TestClient, method: str, path: str, expected: set[str]
):
    response = client.request(method, path)
    body = problem(response, 405)
    assert body["title"] == "Method Not Allowed"
    assert body["instance"] == path
    assert allowed(response) == expected


@pytest.mark.parametrize("method", ["GET", "DELETE", "PUT"])
def test_batch_path_is_not_an_article_id(client: TestClient, db: Backend, method: str):
    response = client.request(method, "/articles/batch")
    problem(response, 405)
    assert allowed(response) == {"POST"}
    assert set(count_rows(db).values()) == {0}


def test_head_of_a_post_only_path_is_405(client: TestClient):
    response = client.head("/articles/batch")
    assert response.status_code == 405
    assert allowed(response) == {"POST"}
    assert response.content == b""


def test_allowed_methods_still_reach_their_routes(client: TestClient):
    created = client.post("/articles", json={"text": "Hello."})
    assert created.status_code == 201
    article_id = created.json()["id"]
    assert client.get(f"/articles/{article_id}").status_code == 200
    assert client.get("/articles/x").status_code == 422  # a malformed id is still named
    assert client.delete(f"/articles/{article_id}").status_code == 204


def test_the_405_table_agrees_with_the_openapi_document(client: TestClient):
    """The table is built from the routers; every documented path must be in it with
    exactly its documented methods (a router included with a prefix would break this)."""
    from app.api.methods import allowed_methods, path_methods
    from app.main import route_methods

    table = path_methods(route_methods())
    documented = client.app.openapi()["paths"]  # type: ignore[attr-defined]
    for template, operations in documented.items():
        path = re.sub(r"\{[^}]+\}", "1", template)
        methods = {m.upper() for m in operations}
        expected = methods | ({"HEAD"} if "GET" in methods else set())
        assert allowed_methods(table, path) == expected, template


def test_405_under_a_root_path(settings: Settings, fake: FakeExtractor):
    """Behind a proxy (uvicorn --root-path /api) the prefix is part of `path`."""
    app = create_app(settings, extractor=fake)
    with TestClient(app, root_path="/api") as client:
        put = client.put("/api/articles")
        assert put.status_code == 405
        assert allowed(put) == {"GET", "HEAD", "POST"}
        batch = client.get("/api/articles/batch")
        assert batch.status_code == 405
        assert allowed(batch) == {"POST"}
        assert client.get("/api/articles").status_code == 200


def test_405_is_counted_under_its_route(client: TestClient):
    client.patch("/events")
    client.get("/articles/batch")
    lines = client.get("/metrics").text.splitlines()
    assert 'chronicle_http_requests_total{method="PATCH",route="/events",status="405"} 1' in lines
    assert (
        'chronicle_http_requests_total{method="GET",route="/articles/batch",status="405"} 1'
        in lines
    )
