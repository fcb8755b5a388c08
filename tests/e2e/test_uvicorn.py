"""End to end over a real socket: uvicorn serves the app on a free port in a thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx2
import pytest
import uvicorn

from app.main import create_app
from tests.api.fakes import FakeExtractor, event
from tests.conftest import Backend, make_settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(db: Backend) -> Iterator[tuple[str, FakeExtractor]]:
    fake = FakeExtractor()
    app = create_app(make_settings(db.url, api_keys=["e2e-key"]), extractor=fake)
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}", fake
    finally:
        uv.should_exit = True
        thread.join(timeout=10)


def test_post_then_timeline_over_http(server: tuple[str, FakeExtractor]):
    base, fake = server
    text = fake.article(
        event(
            "Turkey accused Armenia on Sunday.",
            "accused",
            "2020-09-27",
            timex="on Sunday",
            actors=("Turkey", "Armenia"),
        ),
        event("Russia called for calm.", "called", "2020-10-01", actors=("Russia",)),
    )
    with httpx2.Client(base_url=base, timeout=10) as http:
        assert http.get("/readyz").status_code == 200
        denied = http.post("/articles", json={"text": text})
        created = http.post(
            "/articles",
            json={"text": text, "published_at": "2020-10-01", "source": "reuters"},
            headers={"X-API-Key": "e2e-key"},
        )
        timeline = http.get("/events", params={"actor": "ankara"})
        everything = http.get("/events", params={"order": "desc"})
        too_big = http.post(
            "/articles",
            content=b"x" * (2 * 1024 * 1024),
            headers={"X-API-Key": "e2e-key", "content-type": "application/json"},
        )

    assert denied.status_code == 401
    assert created.status_code == 201
    assert timeline.status_code == 200
    assert [e["trigger"]["text"] for e in timeline.json()["items"]] == ["accused"]
    assert timeline.json()["items"][0]["article"]["source"] == "reuters"
    assert [e["id"] for e in everything.json()["items"]] == [2, 1]
    assert too_big.status_code == 413
    assert too_big.headers["content-type"] == "application/problem+json"


def test_head_over_http(server: tuple[str, FakeExtractor]):
    base, _fake = server
    with httpx2.Client(base_url=base, timeout=10) as http:
        got = http.get("/events")
        head = http.head("/events")
        missing = http.head("/articles/7")
    assert (got.status_code, head.status_code, missing.status_code) == (200, 200, 404)
    assert head.headers["content-length"] == got.headers["content-length"]
    assert head.content == b""
