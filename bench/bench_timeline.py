"""Timeline read performance: seed N events, then time GET /events in-process.

    .venv/bin/python bench/bench_timeline.py [--events 100000] [--requests 300]
        [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/test]

Without --database-url a temporary SQLite file is used. PostgreSQL runs in a
fresh schema that is dropped afterwards. For each query shape it prints the
median and p99 latency and the sequential request rate, twice: through the
HTTP stack (FastAPI TestClient, one thread) and for the query function alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import Engine, insert, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from app.config import Settings  # noqa: E402
from app.db import events as event_queries  # noqa: E402
from app.db.engine import make_engine  # noqa: E402
from app.db.models import (  # noqa: E402
    EVENT_TEXT_TRIGRAM_INDEX,
    Actor,
    ActorAlias,
    Article,
    Event,
    EventActor,
)
from app.extraction.actors.keys import alias_key  # noqa: E402
from app.main import create_app  # noqa: E402

EVENTS_PER_ARTICLE = 10
ACTORS = 500
GRANULARITIES = ["day"] * 6 + ["week", "month", "year", "vague"]
FIRST_DAY = dt.date(2015, 1, 1)
DAYS = 3650


class NoExtractor:
    version = "bench"

    def extract(self, *args: Any) -> Any:
        raise RuntimeError("the timeline benchmark never ingests through the extractor")


def migrate(engine: Engine) -> None:
    config = Config(str(ROOT / "alembic.ini"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def seed(engine: Engine, n_events: int, rng: random.Random) -> None:
    started = time.perf_counter()
    with engine.begin() as connection:
        connection.execute(
            insert(Actor),
            [{"id": i, "name": f"Actor {i}", "kind": "place"} for i in range(1, ACTORS + 1)],
        )
        connection.execute(
            insert(ActorAlias),
            [
                {"actor_id": i, "name": f"Actor {i}", "key": alias_key(f"Actor {i}")}
                for i in range(1, ACTORS + 1)
            ],
        )
    # Zipf-like popularity: a few actors appear in many events, most in few.
    weights = [1 / rank for rank in range(1, ACTORS + 1)]
    n_articles = max(1, n_events // EVENTS_PER_ARTICLE)
    event_id = 0
    batch_articles: list[dict[str, Any]] = []
    batch_events: list[dict[str, Any]] = []
    batch_links: list[dict[str, Any]] = []
    for article_id in range(1, n_articles + 1):
        published_on = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        published_at = dt.datetime.combine(published_on, dt.time(), dt.UTC)
        batch_articles.append(
            {
                "id": article_id,
                "url": None,
                "title": f"Article {article_id}",
                "source": rng.choice(["reuters", "ap", "afp", "bbc"]),
                "text": "x",
                "language": "en",
                "published_on": published_on,
                "published_at": published_at,
                "published_has_time": False,
                "published_utc_offset": None,
                "published_at_source": "request",
                "content_hash": uuid.uuid4().hex,
                "extractor_version": "bench",
            }
        )
        for position in range(EVENTS_PER_ARTICLE):
            event_id += 1
            granularity = rng.choice(GRANULARITIES)
            start = published_on - dt.timedelta(days=rng.randrange(60))
            span = {"day": 0, "week": 6, "month": 29, "year": 364, "vague": 20}[granularity]
            batch_events.append(
                {
                    "id": event_id,
                    "article_id": article_id,
                    "timex_id": None,
                    "start_date": start,
                    "end_date": start + dt.timedelta(days=span),
                    "granularity": granularity,
                    "dated_by": "text",
                    "trigger_text": "said",
                    "trigger_start": position * 80 + 10,
                    "trigger_end": position * 80 + 14,
                    "sentence_text": f"Actor said something about topic {rng.randrange(1000)}.",
                    "sentence_start": position * 80,
                    "sentence_end": position * 80 + 60,
                    "published_at": published_at,
                }
            )
            for actor_id in set(rng.choices(range(1, ACTORS + 1), weights, k=rng.randint(1, 3))):
                batch_links.append(
                    {
                        "event_id": event_id,
                        "actor_id": actor_id,
                        "role": "agent",
                        "start_date": start,
                    }
                )
        if len(batch_events) >= 20_000 or article_id == n_articles:
            with engine.begin() as connection:
                connection.execute(insert(Article), batch_articles)
                connection.execute(insert(Event), batch_events)
                connection.execute(insert(EventActor), batch_links)
            batch_articles, batch_events, batch_links = [], [], []
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("ANALYZE"))
        else:
            connection.execute(text("ANALYZE"))
    print(
        f"seeded {event_id} events, {n_articles} articles in {time.perf_counter() - started:.1f} s"
    )


def timed(run: Callable[[], object], n: int) -> tuple[float, float, float]:
    for _ in range(min(20, n)):  # warm caches and the statement cache
        run()
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        run()
        samples.append(time.perf_counter() - started)
    samples.sort()
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    return statistics.median(samples) * 1000, p99 * 1000, n / sum(samples)


def shapes(client: TestClient) -> dict[str, dict[str, Any]]:
    first = client.get("/events", params={"limit": 50}).json()["next_cursor"]
    return {
        "first page (limit 50)": {"limit": 50},
        "page 2 via cursor": {"limit": 50, "cursor": first},
        "desc": {"limit": 50, "order": "desc"},
        "popular actor": {"actor": "Actor 1"},
        "rare actor": {"actor": "Actor 400"},
        "two actors, all": {"actor": ["Actor 1", "Actor 2"], "actor_mode": "all"},
        "actor + month": {"actor": "Actor 3", "from": "2020-03-01", "to": "2020-03-31"},
        "month": {"from": "2020-03-01", "to": "2020-03-31"},
        "source + day granularity": {"source": "ap", "granularity": "day"},
        "text search q": {"q": "topic 123"},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    rng = random.Random(20201006)

    schema = None
    if args.database_url:
        base_url = args.database_url
        schema = f"bench_{uuid.uuid4().hex[:8]}"
        admin = make_engine(base_url)
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        admin.dispose()
        separator = "&" if "?" in base_url else "?"
        url = f"{base_url}{separator}options=-csearch_path%3D{schema}"
    else:
        url = f"sqlite:///{tempfile.mkdtemp(prefix='chronicle-bench-')}/bench.db"
    engine = make_engine(url)
    try:
        migrate(engine)
        seed(engine, args.events, rng)
        settings = Settings(database_url=url)
        print(f"backend: {engine.dialect.name}; {args.requests} sequential requests per shape")
        print(
            f"{'query':28} {'HTTP p50 ms':>11} {'p99 ms':>7} {'req/s':>7} | "
            f"{'query p50 ms':>12} {'p99 ms':>7} {'q/s':>7}  items"
        )
        with TestClient(create_app(settings, extractor=NoExtractor())) as client:
            for name, params in shapes(client).items():
                items = len(client.get("/events", params=params).json()["items"])
                http = timed(lambda p=params: client.get("/events", params=p), args.requests)
                query = timed(lambda p=params: _query(engine, p), args.requests)
                print(
                    f"{name:28} {http[0]:11.2f} {http[1]:7.2f} {http[2]:7.0f} | "
                    f"{query[0]:12.2f} {query[1]:7.2f} {query[2]:7.0f}  {items}"
                )
        if engine.dialect.name == "postgresql":
            compare_without_trigram_index(engine, args.requests)
    finally:
        engine.dispose()
        if schema is not None:
            admin = make_engine(args.database_url)
            with admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()


def compare_without_trigram_index(engine: Engine, n: int) -> None:
    """`q` with and without migration 0002's trigram index, same data, same run."""
    params = {"q": "topic 123"}
    with_index = timed(lambda: _query(engine, params), n)
    with engine.begin() as connection:
        connection.execute(text(f"DROP INDEX IF EXISTS {EVENT_TEXT_TRIGRAM_INDEX}"))
    without = timed(lambda: _query(engine, params), n)
    print(
        f"text search q, query p50: {with_index[0]:.2f} ms with {EVENT_TEXT_TRIGRAM_INDEX}, "
        f"{without[0]:.2f} ms without (x{without[0] / with_index[0]:.1f})"
    )


def _query(engine: Engine, params: dict[str, Any]) -> None:
    actors = params.get("actor", ())
    filters = event_queries.EventFilters(
        actors=tuple([actors] if isinstance(actors, str) else actors),
        actor_mode=params.get("actor_mode", "any"),
        date_from=dt.date.fromisoformat(params["from"]) if "from" in params else None,
        date_to=dt.date.fromisoformat(params["to"]) if "to" in params else None,
        q=params.get("q"),
        source=params.get("source"),
        granularity=params.get("granularity") and event_queries.Granularity(params["granularity"]),
    )
    with Session(engine) as session:
        event_queries.list_events(
            session,
            filters,
            order=params.get("order", "asc"),
            limit=params.get("limit", 50),
            cursor=params.get("cursor"),
        )


if __name__ == "__main__":
    main()
