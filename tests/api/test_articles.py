"""POST/GET/DELETE /articles, reprocess, batch and /extract, on both backends."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

from app.db.engine import make_session_factory
from app.db.models import Article
from app.main import create_app
from app.services.ingest import ArticleSubmission, ingest_article
from tests.api.fakes import FakeExtractor, build_extraction, event, with_unknown_participant
from tests.conftest import Backend, count_rows

FIGHTING = event(
    "Fighting between Armenia and Azerbaijan erupted on Sunday.",
    "erupted",
    "2020-09-27",
    timex="on Sunday",
    actors=("Armenia", "Azerbaijan"),
)
TALKS = event(
    "Russia will host talks in Moscow.",
    "host",
    "2020-09-28",
    actors=("Russia",),
)


def post(client: TestClient, text: str, **fields: object):
    return client.post("/articles", json={"text": text, **fields})


def test_post_article_stores_it_with_events(client: TestClient, fake: FakeExtractor, db: Backend):
    text = fake.article(FIGHTING, TALKS)
    response = post(
        client,
        text,
        title="War",
        url="https://ex.com/a",
        source="reuters",
        published_at="2020-09-28",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["id"] == 1
    assert body["published_at"] == "2020-09-28"
    assert body["published_at_source"] == "request"
    assert body["extractor_version"] == "fake-1"
    assert body["timexes"] == [
        {
            "id": 1,
            "text": "on Sunday",
            "start": 48,
            "end": 57,
            "type": "DATE",
            "value": "2020-09-27",
            "mod": None,
            "start_date": "2020-09-27",
            "end_date": "2020-09-27",
            "granularity": "day",
        }
    ]
    first, second = body["events"]
    assert first == {
        "id": 1,
        "article_id": 1,
        "start_date": "2020-09-27",
        "end_date": "2020-09-27",
        "granularity": "day",
        "dated_by": "text",
        "timex": {"text": "on Sunday", "start": 48, "end": 57, "value": "2020-09-27", "mod": None},
        "trigger": {"text": "erupted", "start": 40, "end": 47},
        "sentence": {"text": FIGHTING.sentence, "start": 0, "end": 58},
        "actors": [
            {"id": 1, "name": "Armenia", "kind": "place", "role": "agent"},
            {"id": 2, "name": "Azerbaijan", "kind": "place", "role": "patient"},
        ],
        "article": {
            "id": 1,
            "title": "War",
            "url": "https://ex.com/a",
            "source": "reuters",
            "published_at": "2020-09-28",
        },
    }
    assert second["dated_by"] == "publication" and second["timex"] is None
    assert [a["name"] for a in second["actors"]] == ["Russia"]
    assert count_rows(db) == {
        "event_actor": 3,
        "event": 2,
        "timex": 1,
        "actor_name": 7,
        "actor_alias": 7,
        "actor": 3,
        "article": 1,
    }
    assert client.get("/articles/1").json() == body


def test_duplicate_post_returns_existing_and_writes_nothing(
    client: TestClient, fake: FakeExtractor, db: Backend
):
    text = fake.article(FIGHTING)
    created = post(client, text, url="https://ex.com/a")
    before = count_rows(db)

    again = post(client, text, url="https://ex.com/a")
    same_text_other_spacing = post(client, "  " + text.replace(" ", "  ") + "\n")
    same_url_other_text = post(client, "Completely different text.", url="https://ex.com/a")

    assert created.status_code == 201
    for response in (again, same_text_other_spacing, same_url_other_text):
        assert response.status_code == 200
        assert response.json()["id"] == created.json()["id"]
    assert response.json()["events"] == created.json()["events"]
    assert count_rows(db) == before
    assert fake.calls == 1


def test_publication_date_forms(client: TestClient, fake: FakeExtractor):
    with_time = post(client, "One.", published_at="2020-10-06T01:30:00+03:00").json()
    date_only = post(client, "Two.", published_at="2020-10-06").json()
    naive = post(client, "Three.", published_at="2020-10-06T08:00:00").json()
    received = post(client, "Four.").json()

    assert with_time["published_at"] == "2020-10-06T01:30:00+03:00"
    assert date_only["published_at"] == "2020-10-06"
    assert naive["published_at"] == "2020-10-06T08:00:00Z"
    assert received["published_at_source"] == "received"
    assert "T" in received["published_at"]


def test_get_missing_article_is_404_problem(client: TestClient):
    response = client.get("/articles/99")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "/problems/not-found",
        "title": "Not Found",
        "status": 404,
        "detail": "No article with id 99.",
        "instance": "/articles/99",
    }


def test_delete_article_removes_its_events_and_timexes(
    client: TestClient, fake: FakeExtractor, db: Backend
):
    kept = post(client, fake.article(TALKS)).json()["id"]
    gone = post(client, fake.article(FIGHTING)).json()["id"]

    assert client.delete(f"/articles/{gone}").status_code == 204
    assert client.get(f"/articles/{gone}").status_code == 404
    assert client.delete(f"/articles/{gone}").status_code == 404
    assert [e["article_id"] for e in client.get("/events").json()["items"]] == [kept]
    rows = count_rows(db)
    assert (rows["article"], rows["event"], rows["timex"], rows["event_actor"]) == (1, 1, 0, 1)
    assert rows["actor"] == 3  # actors are canonical entities: they outlive articles


def test_reprocess_replaces_timexes_and_events(
    client: TestClient, fake: FakeExtractor, db: Backend
):
    text = fake.article(FIGHTING)
    article_id = post(client, text, published_at="2020-09-28").json()["id"]
    fake._by_text[text] = (
        (
            TALKS.__class__(
                sentence=FIGHTING.sentence,
                trigger="Fighting",
                start=FIGHTING.start,
                actors=FIGHTING.actors[:1],
            ),
        ),
        (),
    )

    response = client.post(f"/articles/{article_id}/reprocess")

    assert response.status_code == 200
    body = response.json()
    assert [(e["trigger"]["text"], e["dated_by"]) for e in body["events"]] == [
        ("Fighting", "publication")
    ]
    assert body["timexes"] == []
    assert body["published_at"] == "2020-09-28"
    assert count_rows(db)["event"] == 1
    assert client.post("/articles/77/reprocess").status_code == 404


def test_extract_stores_nothing(client: TestClient, fake: FakeExtractor, db: Backend):
    text = fake.article(FIGHTING)
    response = client.post("/extract", json={"text": text, "published_at": "2020-09-28"})

    assert response.status_code == 200
    body = response.json()
    assert body["publication"] == {"published_at": "2020-09-28", "source": "request"}
    assert [t["value"] for t in body["timexes"]] == ["2020-09-27"]
    assert [a["key"] for a in body["actors"]] == ["armenia", "azerbaijan"]
    assert body["events"][0]["timex_index"] == 0
    assert body["events"][0]["participants"] == [
        {"actor_key": "armenia", "role": "agent"},
        {"actor_key": "azerbaijan", "role": "patient"},
    ]
    assert set(count_rows(db).values()) == {0}


def test_batch_reports_each_item(client: TestClient, fake: FakeExtractor, db: Backend):
    first = fake.article(FIGHTING)
    response = client.post(
        "/articles/batch",
        json={
            "items": [
                {"text": first, "source": "a"},
                {"text": "   "},
                {"text": first},
                {"text": fake.article(TALKS), "published_at": "not a date"},
                {"text": fake.article(TALKS)},
            ]
        },
    )

    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["status"] for r in results] == [201, 422, 200, 422, 201]
    assert results[0]["article"]["id"] == results[2]["article"]["id"] == 1
    assert results[4]["article"]["id"] == 2
    assert [e["field"] for e in results[1]["problem"]["errors"]] == ["text"]
    assert [e["field"] for e in results[3]["problem"]["errors"]] == ["published_at"]
    assert count_rows(db)["article"] == 2


def test_batch_non_object_items_fail_alone(client: TestClient):
    response = client.post("/articles/batch", json={"items": [1, {"text": "Fine."}, "x"]})
    assert [r["status"] for r in response.json()["results"]] == [422, 201, 422]
    spec = client.get("/openapi.json").json()["components"]["schemas"]["BatchIn"]
    assert spec["properties"]["items"]["items"] == {"$ref": "#/components/schemas/ArticleIn"}


def test_batch_over_the_limit_is_422(client: TestClient):
    response = client.post(
        "/articles/batch", json={"items": [{"text": f"t{i}"} for i in range(11)]}
    )
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["items"]


def test_failed_write_persists_nothing(db: Backend, fake: FakeExtractor):
    """The whole ingest is one transaction: a failure after the article, timexes,
    actors and the first event were flushed leaves no row behind."""
    text = fake.article(FIGHTING, TALKS)

    class BrokenExtractor(FakeExtractor):
        def extract(self, text, published_at, received_at):  # type: ignore[no-untyped-def]
            return with_unknown_participant(fake.extract(text, published_at, received_at))

    factory = make_session_factory(db.engine)
    with Session(db.engine) as session, pytest.raises(KeyError, match="nobody"):
        ingest_article(session, BrokenExtractor(), ArticleSubmission(text=text))
    assert set(count_rows(db).values()) == {0}

    app = create_app(client_settings(db), extractor=BrokenExtractor())
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.post("/articles", json={"text": text})
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert set(count_rows(db).values()) == {0}
    with factory() as session:  # the engine still works after the rollback
        result = ingest_article(session, fake, ArticleSubmission(text=text))
    assert result.created and len(result.article.events) == 2


def client_settings(db: Backend):
    from tests.conftest import make_settings

    return make_settings(db.url)


def test_concurrent_duplicate_posts_store_one_article(db: Backend, fake: FakeExtractor):
    """Both requests pass the duplicate lookup before either writes; the loser hits
    the unique constraint and answers 200 with the winner's article."""
    text = fake.article(FIGHTING)
    both_extracting = threading.Barrier(2, timeout=10)
    fake.on_extract = lambda _text: both_extracting.wait()
    responses = []

    with TestClient(create_app(client_settings(db), extractor=fake)) as client:

        def send() -> None:
            responses.append(client.post("/articles", json={"text": text}))

        threads = [threading.Thread(target=send) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    assert sorted(r.status_code for r in responses) == [200, 201]
    # one id for both (not necessarily 1: PostgreSQL sequences skip the loser's value)
    assert len({r.json()["id"] for r in responses}) == 1
    assert count_rows(db)["article"] == 1
    assert count_rows(db)["event"] == 1


def test_actor_upsert_merges_by_any_alias(client: TestClient, fake: FakeExtractor, db: Backend):
    from app.extraction import types as x

    post(client, fake.article(FIGHTING))
    # Another article names Armenia by a new canonical form sharing the alias "Yerevan".
    variant = x.Actor(
        "republic of armenia",
        "Republic of Armenia",
        x.ActorKind.PLACE,
        ("Republic of Armenia", "Yerevan"),
    )
    text = "Yerevan protested."
    fake._by_text[text] = ((), ())
    extraction = build_extraction(
        text, fake.extract(text, None, _now()).publication, (), (variant,)
    )
    fake._by_text.pop(text)

    class OneShot(FakeExtractor):
        def extract(self, text, published_at, received_at):  # type: ignore[no-untyped-def]
            return extraction

    with Session(db.engine) as session:
        ingest_article(session, OneShot(), ArticleSubmission(text=text))

    actors = client.get("/actors").json()["items"]
    assert sorted(a["name"] for a in actors) == ["Armenia", "Azerbaijan"]
    armenia = client.get("/actors/1").json()
    assert armenia["aliases"] == ["Armenia", "Yerevan", "Republic of Armenia"]
    ids = [
        e["id"]
        for e in client.get("/events", params={"actor": "republic of armenia"}).json()["items"]
    ]
    assert ids == [1]


def _now():
    import datetime as dt

    return dt.datetime(2020, 10, 1, tzinfo=dt.UTC)


def test_concurrent_articles_sharing_a_new_actor_create_it_once(db: Backend, fake: FakeExtractor):
    """Two different articles introduce the same unseen actor at the same moment: the
    alias-key constraint lets one create it; the other retries and reuses it."""
    texts = [
        fake.article(
            event(
                "Turkey protested on Monday.",
                "protested",
                "2020-09-28",
                timex="on Monday",
                actors=("Turkey",),
            )
        ),
        fake.article(
            event(
                "Ankara answered on Tuesday.",
                "answered",
                "2020-09-29",
                timex="on Tuesday",
                actors=("Turkey",),
            )
        ),
    ]
    both_extracting = threading.Barrier(2, timeout=10)
    fake.on_extract = lambda _text: both_extracting.wait()
    responses = []

    with TestClient(create_app(client_settings(db), extractor=fake)) as client:
        threads = [
            threading.Thread(
                target=lambda t=t: responses.append(client.post("/articles", json={"text": t}))
            )
            for t in texts
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        turkey = client.get("/actors", params={"q": "turkey"}).json()["items"]

    assert [r.status_code for r in responses] == [201, 201]
    assert [(a["name"], a["event_count"]) for a in turkey] == [("Turkey", 2)]
    rows = count_rows(db)
    assert (rows["actor"], rows["actor_alias"], rows["actor_name"], rows["article"]) == (1, 3, 3, 2)


def test_reprocess_of_an_article_deleted_meanwhile_is_404(
    client: TestClient, fake: FakeExtractor, db: Backend
):
    text = fake.article(FIGHTING)
    article_id = post(client, text).json()["id"]

    def delete_during_extraction(_text: str) -> None:
        with Session(db.engine) as other:
            other.execute(delete(Article).where(Article.id == article_id))
            other.commit()

    fake.on_extract = delete_during_extraction
    assert client.post(f"/articles/{article_id}/reprocess").status_code == 404
    assert count_rows(db) == {  # the actors remain (canonical entities); nothing else
        "event_actor": 0,
        "event": 0,
        "timex": 0,
        "actor_name": 4,
        "actor_alias": 4,
        "actor": 2,
        "article": 0,
    }


def _ingest_actors(db: Backend, text: str, *actors: Any) -> None:
    """Ingest `text` with exactly these actors (and no events) through the service."""
    fake = FakeExtractor()
    publication = fake.extract(text, None, _now()).publication
    extraction = build_extraction(text, publication, (), actors)

    class OneShot(FakeExtractor):
        def extract(self, text, published_at, received_at):  # type: ignore[no-untyped-def]
            return extraction

    with Session(db.engine) as session:
        ingest_article(session, OneShot(), ArticleSubmission(text=text))


def _person(name: str, *aliases: str) -> Any:
    from app.extraction import types as x
    from app.extraction.actors.keys import alias_key

    return x.Actor(alias_key(name), name, x.ActorKind.PERSON, (name, *aliases))


def test_a_shared_surname_does_not_merge_two_people(client: TestClient, db: Backend):
    _ingest_actors(db, "Martin Mann spoke.", _person("Martin Mann", "Mann"))
    _ingest_actors(db, "Anthony Mann spoke.", _person("Anthony Mann", "Mann"))
    names = sorted(a["name"] for a in client.get("/actors").json()["items"])
    assert names == ["Anthony Mann", "Martin Mann"]


def test_a_surname_only_actor_joins_the_full_name(client: TestClient, db: Backend):
    _ingest_actors(db, "Naryshkin spoke.", _person("Naryshkin"))
    _ingest_actors(db, "Sergey Naryshkin spoke.", _person("Sergey Naryshkin", "Naryshkin"))
    _ingest_actors(db, "Sergei Naryshkin spoke.", _person("Sergei Naryshkin", "Naryshkin"))
    actors = client.get("/actors").json()["items"]
    assert [a["name"] for a in actors] == ["Sergey Naryshkin"]
    detail = client.get(f"/actors/{actors[0]['id']}").json()
    assert detail["aliases"] == ["Naryshkin", "Sergey Naryshkin", "Sergei Naryshkin"]


def test_concurrent_articles_naming_new_actors_in_opposite_orders(db: Backend, fake: FakeExtractor):
    """ "Turkey … Armenia" and "Armenia … Turkey" ingested at once, both actors unseen.
    Each writer holds the alias keys it has inserted until it commits; inserted in the
    order actors appear, each would wait for a key the other holds (on PostgreSQL a
    deadlock, one request failing with 500). Keys go in one global order instead."""
    texts = [
        fake.article(
            event("Turkey met Armenia.", "met", "2020-09-28", actors=("Turkey", "Armenia"))
        ),
        fake.article(
            event("Armenia met Turkey.", "met", "2020-09-28", actors=("Armenia", "Turkey"))
        ),
    ]
    both_extracting = threading.Barrier(2, timeout=10)
    # Make the bad interleaving certain: after its first alias INSERT, each writer waits
    # (briefly: a writer blocked by the other never gets there) for the other's first.
    first_alias_insert = {name: threading.Event() for name in ("a", "b")}
    writer = threading.local()

    def after_execute(*args: Any) -> None:
        statement = args[2]
        mine = getattr(writer, "name", None)
        if not mine or not statement.startswith("INSERT INTO actor_alias"):
            return
        if not first_alias_insert[mine].is_set():
            first_alias_insert[mine].set()
            other = "b" if mine == "a" else "a"
            first_alias_insert[other].wait(timeout=1.5)

    responses: dict[str, Any] = {}
    app = create_app(client_settings(db), extractor=fake)
    with TestClient(app, raise_server_exceptions=False) as client:
        sa_event.listen(app.state.engine, "after_cursor_execute", after_execute)

        def send(name: str, text: str) -> None:
            responses[name] = client.post("/articles", json={"text": text})

        # TestClient runs the endpoint in a worker thread: mark it from the extractor.
        def mark_and_wait(text: str) -> None:
            writer.name = "a" if text == texts[0] else "b"
            both_extracting.wait()

        fake.on_extract = mark_and_wait
        threads = [
            threading.Thread(target=send, args=(name, text))
            for name, text in zip("ab", texts, strict=True)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        actors = client.get("/actors").json()["items"]

    assert [responses[n].status_code for n in "ab"] == [201, 201]
    assert sorted((a["name"], a["event_count"]) for a in actors) == [
        ("Armenia", 2),
        ("Turkey", 2),
    ]
