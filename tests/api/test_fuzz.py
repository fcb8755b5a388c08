"""Bad input never gives a 500: property tests over request bodies and query strings."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.main import create_app
from tests.conftest import make_settings

FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "2020-10-06",
            "2020-10-06T10:00:00+03:00",
            "0001-01-01T00:00:00+14:00",
            "https://example.com/a",
            "en",
        ]
    ),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
article_bodies = st.fixed_dictionaries(
    {},
    optional={
        "text": json_values,
        "title": json_values,
        "url": json_values,
        "source": json_values,
        "published_at": json_values,
        "language": json_values,
    },
)


@FUZZ
@given(body=article_bodies)
def test_post_article_is_never_a_500(client: TestClient, body: dict[str, Any]):
    response = client.post("/articles", json=body)
    assert response.status_code in {200, 201, 422}, response.text
    if response.status_code == 422:
        assert response.json()["errors"]


@FUZZ
@given(items=st.lists(article_bodies, min_size=1, max_size=4))
def test_batch_items_never_fail_with_500(client: TestClient, items: list[dict[str, Any]]):
    response = client.post("/articles/batch", json={"items": items})
    assert response.status_code == 200, response.text
    assert {r["status"] for r in response.json()["results"]} <= {200, 201, 422}


query_values = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(
        [
            "2020-10-06",
            "0001-01-01",
            "9999-12-31",
            "day",
            "vague",
            "all",
            "desc",
            "eyJrIjoiZXZlbnRzIn0",
            "%",
            "\x00",
        ]
    ),
)
# Every query parameter the API documents for the timeline, read from its OpenAPI
# document so that a parameter added later is fuzzed too.
EVENT_QUERY_PARAMS = sorted(
    p["name"]
    for p in create_app(make_settings("sqlite://")).openapi()["paths"]["/events"]["get"][
        "parameters"
    ]
    if p["in"] == "query"
)
event_params = st.dictionaries(
    st.sampled_from(EVENT_QUERY_PARAMS),
    query_values,
    max_size=5,
)


@FUZZ
@given(params=event_params)
def test_events_query_is_never_a_500(client: TestClient, params: dict[str, str]):
    response = client.get("/events", params=params)
    assert response.status_code in {200, 400, 422}, response.text


@FUZZ
@given(q=st.text(max_size=30), limit=st.integers(min_value=-5, max_value=600).map(str))
def test_actor_search_is_never_a_500(client: TestClient, q: str, limit: str):
    response = client.get("/actors", params={"q": q, "limit": limit})
    assert response.status_code in {200, 422}, response.text
