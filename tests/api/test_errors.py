"""Error contract: RFC 9457 problems for 401, 404, 413, 422 — never a 500 for bad input."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from tests.api.fakes import FakeExtractor
from tests.conftest import Backend, count_rows, make_settings

PROBLEM = "application/problem+json"


def problem(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    assert {"type", "title", "status", "detail", "instance"} <= body.keys()
    return body


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"text": ""}, ["text"]),
        ({"text": "   \n\t "}, ["text"]),
        ({}, ["text"]),
        ({"text": 42}, ["text"]),
        ({"text": "a\x00b"}, ["text"]),
        ({"text": "ok", "title": "bad\x00title"}, ["title"]),
        ({"text": "ok", "published_at": "garbage"}, ["published_at"]),
        ({"text": "ok", "published_at": "2020-13-45"}, ["published_at"]),
        ({"text": "ok", "published_at": 1601251200}, ["published_at"]),
        # digits in a string are no Unix timestamp (20200928 was stored as 1970-08-22)
        ({"text": "ok", "published_at": "20200928"}, ["published_at"]),
        ({"text": "ok", "published_at": "1601251200"}, ["published_at"]),
        ({"text": "ok", "published_at": "1601251200.5"}, ["published_at"]),
        ({"text": "ok", "published_at": "0001-01-01T00:30:00+01:00"}, ["published_at"]),
        ({"text": "ok", "published_at": "9999-12-31T23:30:00-01:00"}, ["published_at"]),
        ({"text": "ok", "url": "not a url"}, ["url"]),
        ({"text": "ok", "url": "https://x.com/" + "a" * 2100}, ["url"]),
        ({"text": "ok", "language": "English!"}, ["language"]),
        ({"text": "ok", "source": "s" * 201}, ["source"]),
        ({"text": "ok", "unexpected": 1}, ["unexpected"]),
        ({"text": "", "published_at": "nope"}, ["text", "published_at"]),
    ],
)
def test_invalid_article_is_422_naming_each_field(
    client: TestClient, db: Backend, body: dict[str, object], fields: list[str]
):
    response = client.post("/articles", json=body)
    found = problem(response, 422)
    assert found["type"] == "/problems/validation-error"
    assert [e["field"] for e in found["errors"]] == fields
    assert all(e["msg"] for e in found["errors"])
    assert found["instance"] == "/articles"
    assert set(count_rows(db).values()) == {0}


@pytest.mark.parametrize("published_at", ["0001-01-01", "9999-12-31", "0001-01-01T01:30:00+01:00"])
def test_extreme_but_valid_publication_dates_are_stored(client: TestClient, published_at: str):
    response = client.post("/articles", json={"text": "Old.", "published_at": published_at})
    assert response.status_code == 201
    assert response.json()["published_at"] == published_at
    listed = client.get("/articles", params={"limit": 1}).json()["items"]
    assert [a["published_at"] for a in listed] == [published_at]


def test_malformed_json_is_422_on_the_body(client: TestClient):
    response = client.post(
        "/articles", content=b'{"text": ', headers={"content-type": "application/json"}
    )
    assert [e["field"] for e in problem(response, 422)["errors"]] == ["body"]


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(b'{"text": "caf\xe9"}', id="not-utf-8"),
        pytest.param(b'{"text": "x", "title": ' + b"[" * 5000 + b"]" * 5000 + b"}", id="deep"),
    ],
)
@pytest.mark.parametrize("path", ["/articles", "/articles/batch", "/extract"])
def test_undecodable_json_is_422_on_the_body(client: TestClient, raw: bytes, path: str):
    """Like any malformed JSON (it was a 400 "about:blank" naming nothing)."""
    response = client.post(path, content=raw, headers={"content-type": "application/json"})
    body = problem(response, 422)
    assert body["type"] == "/problems/validation-error"
    assert [e["field"] for e in body["errors"]] == ["body"]
    assert body["errors"][0]["type"] == "json_invalid"


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({"content-type": "text/plain"}, id="text-plain"),
        pytest.param({"content-type": "application/x-www-form-urlencoded"}, id="form"),
        pytest.param({}, id="no-content-type"),
    ],
)
@pytest.mark.parametrize("path", ["/articles", "/articles/batch", "/extract"])
def test_a_body_that_is_not_json_is_415(
    client: TestClient, db: Backend, headers: dict[str, str], path: str
):
    """`curl -d '{"text": …}'` sends a form: it was a 422 saying the body "should be a
    valid dictionary", which it is; the media type is what is wrong."""
    response = client.post(path, content=b'{"text": "Hello."}', headers=headers)
    body = problem(response, 415)
    assert body["type"] == "/problems/unsupported-media-type"
    assert "application/json" in body["detail"]
    assert set(count_rows(db).values()) == {0}


@pytest.mark.parametrize(
    "content_type", ["application/json; charset=utf-8", "application/merge-patch+json"]
)
def test_json_media_types_are_accepted(client: TestClient, content_type: str):
    response = client.post(
        "/articles", content=b'{"text": "Hello."}', headers={"content-type": content_type}
    )
    assert response.status_code == 201


def test_lone_surrogates_are_422_in_single_and_batch_posts(client: TestClient, db: Backend):
    raw = b'{"text": "bad \\ud800 text"}'  # a JSON escape for a lone surrogate
    single = client.post("/articles", content=raw, headers={"content-type": "application/json"})
    assert [e["field"] for e in problem(single, 422)["errors"]] == ["text"]
    batch_raw = b'{"items": [{"text": "fine"}, {"text": "ok", "title": "\\udfff"}]}'
    batch = client.post(
        "/articles/batch", content=batch_raw, headers={"content-type": "application/json"}
    )
    assert [r["status"] for r in batch.json()["results"]] == [201, 422]
    assert count_rows(db)["article"] == 1


def test_unknown_route_and_method_are_problems(client: TestClient):
    assert problem(client.get("/nowhere"), 404)["type"] == "about:blank"
    assert problem(client.put("/articles"), 405)["title"] == "Method Not Allowed"


@pytest.mark.parametrize("path", ["/articles/5", "/events/5", "/actors/5", "/articles/5/reprocess"])
def test_missing_resources_are_404(client: TestClient, path: str):
    response = client.post(path) if path.endswith("reprocess") else client.get(path)
    assert problem(response, 404)["type"] == "/problems/not-found"


@pytest.mark.parametrize("path", ["/articles/0", "/events/-1", "/actors/99999999999", "/events/x"])
def test_out_of_range_ids_are_422(client: TestClient, path: str):
    problem(client.get(path), 422)


# --- body size ---------------------------------------------------------------------------


@pytest.fixture
def small_body_client(db: Backend) -> Iterator[TestClient]:
    app = create_app(make_settings(db.url, max_body_bytes=200), extractor=FakeExtractor())
    with TestClient(app) as client:
        yield client


def test_body_over_content_length_limit_is_413(small_body_client: TestClient, db: Backend):
    response = small_body_client.post("/articles", json={"text": "x" * 300})
    body = problem(response, 413)
    assert body["type"] == "/problems/payload-too-large"
    assert "200 bytes" in body["detail"]
    assert set(count_rows(db).values()) == {0}


def test_streamed_body_over_limit_is_413(small_body_client: TestClient, db: Backend):
    """No Content-Length (chunked upload): the middleware counts the bytes received."""

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(10):
            yield b"x" * 50
        yield b'"}'

    response = small_body_client.post(
        "/articles", content=chunks(), headers={"content-type": "application/json"}
    )
    assert "content-length" not in response.request.headers
    problem(response, 413)
    assert set(count_rows(db).values()) == {0}


def test_body_under_limit_passes(small_body_client: TestClient):
    assert small_body_client.post("/articles", json={"text": "short"}).status_code == 201


def test_batch_body_is_limited_too(small_body_client: TestClient):
    response = small_body_client.post("/articles/batch", json={"items": [{"text": "x" * 300}]})
    problem(response, 413)


# --- API keys -----------------------------------------------------------------------------


@pytest.fixture
def keyed_client(db: Backend) -> Iterator[TestClient]:
    settings = make_settings(db.url, api_keys=["k-one", "k-two"])
    with TestClient(create_app(settings, extractor=FakeExtractor())) as client:
        yield client


WRITES = [
    ("post", "/articles", {"text": "Hello."}),
    ("post", "/articles/batch", {"items": [{"text": "Hello."}]}),
    ("post", "/extract", {"text": "Hello."}),
    ("post", "/articles/1/reprocess", None),
    ("delete", "/articles/1", None),
]


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
@pytest.mark.parametrize("key", [None, "wrong", "k-one-", ""])
def test_writes_need_a_valid_key(
    keyed_client: TestClient, method: str, path: str, body: object, key: str | None
):
    headers = {"X-API-Key": key} if key is not None else {}
    response = keyed_client.request(method, path, json=body, headers=headers)
    assert problem(response, 401)["type"] == "/problems/unauthorized"


def test_any_configured_key_writes_and_reads_stay_public(keyed_client: TestClient):
    first = keyed_client.post("/articles", json={"text": "One."}, headers={"X-API-Key": "k-one"})
    second = keyed_client.post("/articles", json={"text": "Two."}, headers={"X-API-Key": "k-two"})
    assert (first.status_code, second.status_code) == (201, 201)
    assert keyed_client.get("/articles/1").status_code == 200
    assert keyed_client.get("/events").status_code == 200
    assert keyed_client.get("/actors").status_code == 200
    deleted = keyed_client.delete("/articles/1", headers={"X-API-Key": "k-two"})
    assert deleted.status_code == 204


def test_reads_can_require_a_key(db: Backend):
    settings = make_settings(db.url, api_keys=["secret"], read_requires_key=True)
    with TestClient(create_app(settings, extractor=FakeExtractor())) as client:
        for path in ("/events", "/events/1", "/articles", "/articles/1", "/actors", "/actors/1"):
            problem(client.get(path), 401)
        assert client.get("/events", headers={"X-API-Key": "secret"}).status_code == 200
        assert client.get("/healthz").status_code == 200  # probes stay open


def test_no_keys_configured_means_open_writes(client: TestClient):
    assert client.post("/articles", json={"text": "Open."}).status_code == 201


# --- CORS ---------------------------------------------------------------------------------


def test_cors_allows_configured_origins_only(db: Backend):
    settings = make_settings(db.url, cors_origins=["https://timeline.example"])
    with TestClient(create_app(settings, extractor=FakeExtractor())) as client:
        allowed = client.get("/events", headers={"Origin": "https://timeline.example"})
        other = client.get("/events", headers={"Origin": "https://evil.example"})
        preflight = client.options(
            "/articles",
            headers={
                "Origin": "https://timeline.example",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "X-API-Key, Content-Type",
            },
        )
    assert allowed.headers["access-control-allow-origin"] == "https://timeline.example"
    assert "access-control-allow-origin" not in other.headers
    assert preflight.status_code == 200
    assert "x-api-key" in preflight.headers["access-control-allow-headers"].lower()
