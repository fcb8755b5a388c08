"""Migrations: upgrade → downgrade → upgrade on both backends, and no drift between
the models and the migration (`alembic check`)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, select, text

from app.db.base import Base
from app.db.engine import make_engine
from app.db.events import EventFilters, _column_conditions
from app.db.models import EVENT_TEXT_TRIGRAM_INDEX, Event
from tests.conftest import (
    REPO,
    alembic_config,
    drop_postgres_schema,
    fresh_postgres_schema,
    postgres_url_or_skip,
)

APP_TABLES = {"article", "timex", "event", "actor", "actor_alias", "actor_name", "event_actor"}


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'migrate.db'}")
        yield engine
        engine.dispose()
        return
    base_url = postgres_url_or_skip()
    schema, url = fresh_postgres_schema(base_url)
    engine = make_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()
        drop_postgres_schema(base_url, schema)


def run(engine: Engine, action: str, revision: str) -> None:
    with engine.begin() as connection:
        getattr(command, action)(alembic_config(connection), revision)


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def test_round_trip_and_no_drift(empty_engine: Engine):
    run(empty_engine, "upgrade", "head")
    assert tables(empty_engine) == APP_TABLES
    run(empty_engine, "downgrade", "base")
    assert tables(empty_engine) == set()
    run(empty_engine, "upgrade", "head")
    assert tables(empty_engine) == APP_TABLES == set(Base.metadata.tables)
    with empty_engine.begin() as connection:
        command.check(alembic_config(connection))  # raises when models and migration differ


def test_indexes_the_timeline_relies_on(empty_engine: Engine):
    run(empty_engine, "upgrade", "head")
    inspector = inspect(empty_engine)
    event_actor = {i["name"]: i["column_names"] for i in inspector.get_indexes("event_actor")}
    event = {i["name"]: i["column_names"] for i in inspector.get_indexes("event")}
    assert event_actor["ix_event_actor_timeline"] == ["actor_id", "start_date", "event_id"]
    assert event["ix_event_timeline"][:2] == ["start_date", "end_date"]
    uniques = {
        table: {tuple(u["column_names"]) for u in inspector.get_unique_constraints(table)}
        for table in ("article", "actor_alias", "actor_name")
    }
    assert uniques == {
        "article": {("url",), ("content_hash",)},
        "actor_alias": {("key",)},
        "actor_name": {("actor_id", "name")},
    }


def test_alembic_cli_uses_database_url(tmp_path: Path):
    database = tmp_path / "sub" / "cli.db"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    alembic = Path(sys.executable).with_name("alembic")
    for args in (["upgrade", "head"], ["check"], ["current"]):
        done = subprocess.run(
            [str(alembic), *args], cwd=REPO, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
    assert "0002 (head)" in done.stdout
    assert tables(make_engine(f"sqlite:///{database}")) == APP_TABLES


def test_text_search_has_a_trigram_index_on_postgresql_only(empty_engine: Engine):
    run(empty_engine, "upgrade", "head")
    names = {i["name"] for i in inspect(empty_engine).get_indexes("event")}
    assert (EVENT_TEXT_TRIGRAM_INDEX in names) == (empty_engine.dialect.name == "postgresql")
    if empty_engine.dialect.name != "postgresql":
        return
    # the condition GET /events?q= builds (ILIKE with an ESCAPE clause) can use it
    stmt = select(Event.id).where(*_column_conditions(EventFilters(q="50% of Putin_s")))
    compiled = stmt.compile(empty_engine, compile_kwargs={"literal_binds": True})
    with empty_engine.begin() as connection:
        connection.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(connection.execute(text(f"EXPLAIN {compiled}")).scalars())
    assert EVENT_TEXT_TRIGRAM_INDEX in plan, plan
    run(empty_engine, "downgrade", "0001")
    assert EVENT_TEXT_TRIGRAM_INDEX not in {
        i["name"] for i in inspect(empty_engine).get_indexes("event")
    }
