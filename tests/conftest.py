"""Shared fixtures: settings, a database backend (SQLite file and PostgreSQL), clients.

The schema is created by `alembic upgrade head` once per backend and session;
each test then starts from empty tables (ids restart at 1).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from app.config import Settings
from app.db.engine import make_engine
from app.main import create_app
from tests.api.fakes import FakeExtractor

REPO = Path(__file__).resolve().parent.parent
PG_ENV = "CHRONICLE_TEST_POSTGRES_URL"
TABLES = ("event_actor", "event", "timex", "actor_name", "actor_alias", "actor", "article")


@dataclass(frozen=True)
class Backend:
    name: str
    url: str
    engine: Engine


def alembic_config(engine_or_connection: object = None) -> Config:
    config = Config(str(REPO / "alembic.ini"))
    config.set_main_option("script_location", str(REPO / "migrations"))
    if engine_or_connection is not None:
        config.attributes["connection"] = engine_or_connection
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def postgres_url_or_skip() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests need {PG_ENV} (e.g. postgresql+psycopg://…/test)")
    return url


def fresh_postgres_schema(base_url: str) -> tuple[str, str]:
    """A new, empty schema and a URL whose connections use it (search_path)."""
    schema = f"chronicle_test_{uuid.uuid4().hex[:10]}"
    admin = make_engine(base_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    separator = "&" if "?" in base_url else "?"
    return schema, f"{base_url}{separator}options=-csearch_path%3D{schema}"


def drop_postgres_schema(base_url: str, schema: str) -> None:
    admin = make_engine(base_url)
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Backend]:
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "chronicle.db"
        url = f"sqlite:///{path}"
        engine = make_engine(url)
        migrate(engine)
        yield Backend("sqlite", url, engine)
        engine.dispose()
        return
    base_url = postgres_url_or_skip()
    schema, url = fresh_postgres_schema(base_url)
    engine = make_engine(url)
    try:
        migrate(engine)
        yield Backend("postgresql", url, engine)
    finally:
        engine.dispose()
        drop_postgres_schema(base_url, schema)


def empty_tables(backend: Backend) -> None:
    with backend.engine.begin() as connection:
        if backend.name == "postgresql":
            connection.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
        else:
            for table in TABLES:  # rowids restart at 1 once a table is empty
                connection.execute(text(f"DELETE FROM {table}"))


@pytest.fixture
def db(backend: Backend) -> Iterator[Backend]:
    """The backend, with empty tables before and after the test."""
    empty_tables(backend)
    yield backend
    empty_tables(backend)


def make_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": database_url,
        "api_keys": [],
        "read_requires_key": False,
        "cors_origins": [],
        "max_body_bytes": 1024 * 1024,
        "batch_max": 10,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def settings(db: Backend) -> Settings:
    return make_settings(db.url)


@pytest.fixture
def fake() -> FakeExtractor:
    return FakeExtractor()


@pytest.fixture
def client(settings: Settings, fake: FakeExtractor) -> Iterator[TestClient]:
    with TestClient(create_app(settings, extractor=fake)) as test_client:
        yield test_client


def count_rows(backend: Backend) -> dict[str, int]:
    with backend.engine.connect() as connection:
        return {
            table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in TABLES
        }
