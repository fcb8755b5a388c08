"""Probes, metrics, exports, OpenAPI docs, and app construction."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from tests.api.fakes import FakeExtractor
from tests.api.test_events import seed_timeline
from tests.conftest import make_settings


def test_healthz(client: TestClient):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_ok(client: TestClient):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "database": "ok"}


def test_readyz_503_when_database_unreachable():
    settings = make_settings("postgresql+psycopg://postgres@127.0.0.1:1/none?connect_timeout=2")
    with TestClient(create_app(settings, extractor=FakeExtractor())) as client:
        response = client.get("/readyz")
        assert client.get("/healthz").status_code == 200
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == "/problems/service-unavailable"


def test_metrics_count_requests_by_route_and_ingest_outcome(
    client: TestClient, fake: FakeExtractor
):
    client.post("/articles", json={"text": "One."})
    client.post("/articles", json={"text": "One."})
    client.get("/events/1")
    client.get("/events/2")
    response = client.get("/metrics")
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    lines = response.text.splitlines()
    assert 'chronicle_http_requests_total{method="POST",route="/articles",status="201"} 1' in lines
    assert 'chronicle_http_requests_total{method="POST",route="/articles",status="200"} 1' in lines
    assert (
        'chronicle_http_requests_total{method="GET",route="/events/{event_id}",status="404"} 2'
        in lines
    )
    assert 'chronicle_articles_ingested_total{outcome="created"} 1' in lines
    assert 'chronicle_articles_ingested_total{outcome="duplicate"} 1' in lines
    assert 'chronicle_http_request_duration_seconds_count{route="/events/{event_id}"} 2' in lines


@pytest.fixture
def timeline(client: TestClient, fake: FakeExtractor) -> TestClient:
    seed_timeline(client, fake)
    return client


def test_csv_export_by_accept_header(timeline: TestClient):
    response = timeline.get(
        "/events", params={"actor": "Turkey", "limit": 3}, headers={"Accept": "text/csv"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [int(r["id"]) for r in rows] == [8, 7, 1]
    assert rows[2]["actors"] == "Turkey; Armenia"
    assert rows[2]["timex_value"] == "2020-09-27"
    assert rows[2]["source"] == "reuters"
    cursor = response.headers["x-next-cursor"]
    rest = timeline.get("/events", params={"actor": "Turkey", "cursor": cursor, "format": "csv"})
    assert [int(r["id"]) for r in csv.DictReader(io.StringIO(rest.text))] == [5]
    assert "x-next-cursor" not in rest.headers


def test_json_stays_default_for_browsers(timeline: TestClient):
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = timeline.get("/events", headers={"Accept": accept})
    assert response.headers["content-type"] == "application/json"


def test_timelinejs_export(timeline: TestClient):
    response = timeline.get("/events", params={"format": "timelinejs", "article_id": 1})
    assert response.json() == {
        "events": [
            {
                "unique_id": "event-2",
                "start_date": {"year": "2020", "month": "9", "day": "21"},
                "end_date": {"year": "2020", "month": "9", "day": "30"},
                "text": {"headline": "erupted", "text": "Fighting erupted in late September."},
                "group": "reuters",
            },
            {
                "unique_id": "event-1",
                "start_date": {"year": "2020", "month": "9", "day": "27"},
                "text": {"headline": "accused", "text": "Turkey accused Armenia on Sunday."},
                "group": "reuters",
            },
            {
                "unique_id": "event-3",
                "start_date": {"year": "2020", "month": "10", "day": "1"},
                "text": {"headline": "called", "text": "Russia called for calm."},
                "group": "reuters",
            },
        ]
    }


def test_openapi_documents_examples_and_problems(client: TestClient):
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    for name in (
        "ArticleIn",
        "ArticleDetail",
        "EventOut",
        "EventPage",
        "Problem",
        "ActorDetail",
        "ExtractionOut",
        "BatchOut",
        "ArticlePage",
        "ActorList",
        "Health",
        "Readiness",
    ):
        assert schemas[name].get("examples"), name
    post = spec["paths"]["/articles"]["post"]
    assert {"200", "201", "401", "413", "422"} <= set(post["responses"])
    assert "application/problem+json" in post["responses"]["422"]["content"]
    params = {p["name"] for p in spec["paths"]["/events"]["get"]["parameters"]}
    assert {
        "actor",
        "actor_mode",
        "from",
        "to",
        "q",
        "article_id",
        "source",
        "granularity",
        "dated_by",
        "order",
        "limit",
        "cursor",
        "format",
    } <= params
    assert client.get("/docs").status_code == 200


def test_importing_the_app_is_cheap_and_loads_no_model():
    code = (
        "import sys, time; t = time.perf_counter(); import app.main; "
        "print(round(time.perf_counter() - t, 2), 'spacy' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"DATABASE_URL": "sqlite:///:memory:"},
    ).stdout.split()
    assert out[1] == "False"
    assert float(out[0]) < 5


def test_default_sqlite_directory_is_created(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'nested' / 'dir' / 'chronicle.db'}"
    with TestClient(create_app(make_settings(url), extractor=FakeExtractor())) as client:
        assert client.get("/readyz").status_code == 200
    assert (tmp_path / "nested" / "dir" / "chronicle.db").exists()


@pytest.mark.parametrize(
    "path",
    [
        "/events",
        "/events?format=csv",
        "/events/1",
        "/articles",
        "/articles/1",
        "/actors",
        "/healthz",
    ],
)
def test_head_answers_like_get_without_a_body(timeline: TestClient, path: str):
    """RFC 9110 §9.3.2: HEAD is GET without the content (it was a 405 everywhere)."""
    got = timeline.get(path)
    head = timeline.head(path)
    assert (head.status_code, got.status_code) == (200, 200)
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == got.headers["content-length"]
    assert head.content == b""


def test_head_of_a_missing_resource_is_404_without_a_body(client: TestClient):
    response = client.head("/events/5")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.content == b""
