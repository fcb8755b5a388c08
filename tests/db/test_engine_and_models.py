"""Database plumbing: SQLite settings, savepoints, UTC datetimes, lazy-load guards, cursors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, InvalidRequestError
from sqlalchemy.orm import Session

from app.db.cursor import decode_cursor, encode_cursor
from app.db.engine import make_engine
from app.db.models import Actor, ActorAlias, Article
from app.errors import InvalidCursorError
from tests.conftest import Backend


def article(**overrides: object) -> Article:
    values: dict[str, object] = {
        "text": "T.",
        "language": "en",
        "published_on": dt.date(2020, 10, 6),
        "published_at": dt.datetime(2020, 10, 6, 1, 30, tzinfo=dt.timezone(dt.timedelta(hours=3))),
        "published_has_time": True,
        "published_utc_offset": 180,
        "published_at_source": "request",
        "content_hash": "h1",
        "extractor_version": "v",
    }
    values.update(overrides)
    return Article(**values)


def test_sqlite_pragmas(tmp_path: Path):
    engine = make_engine(f"sqlite:///{tmp_path / 'p.db'}", sqlite_busy_timeout_ms=1234)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 1234
    engine.dispose()


def test_savepoint_rolls_back_only_its_part(db: Backend):
    with Session(db.engine) as session:
        session.add(Actor(name="Kept", kind="place"))
        session.flush()
        with pytest.raises(IntegrityError), session.begin_nested():
            session.add(ActorAlias(actor_id=999, name="x", key="x"))  # no such actor
            session.flush()
        session.commit()
    with Session(db.engine) as session:
        assert session.scalars(select(Actor.name)).all() == ["Kept"]
        assert session.scalars(select(ActorAlias)).all() == []


def test_transactional_ddl_rolls_back(db: Backend):
    connection = db.engine.connect()
    transaction = connection.begin()
    connection.execute(text("CREATE TABLE scratch_ddl (id INTEGER)"))
    transaction.rollback()
    connection.close()
    with db.engine.connect() as check:
        names = {
            row[0]
            for row in check.execute(
                text(
                    "SELECT name FROM sqlite_master WHERE type='table'"
                    if db.name == "sqlite"
                    else "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                )
            )
        }
    assert "scratch_ddl" not in names


def test_datetimes_come_back_aware_in_utc(db: Backend):
    with Session(db.engine, expire_on_commit=False) as session:
        stored = article()
        session.add(stored)
        session.commit()
    with Session(db.engine) as session:
        loaded = session.get_one(Article, stored.id)
        assert loaded.published_at == dt.datetime(2020, 10, 5, 22, 30, tzinfo=dt.UTC)
        assert loaded.published_at.tzinfo is not None
        assert loaded.publication() == dt.datetime(
            2020, 10, 6, 1, 30, tzinfo=dt.timezone(dt.timedelta(hours=3))
        )
        assert loaded.created_at.tzinfo is not None


def test_unloaded_relationships_raise_instead_of_querying(db: Backend):
    with Session(db.engine) as session:
        session.add(article())
        session.commit()
    with Session(db.engine) as session:
        loaded = session.scalars(select(Article)).one()
        with pytest.raises(InvalidRequestError, match="lazy='raise'"):
            _ = loaded.events


def test_unique_constraints(db: Backend):
    with Session(db.engine) as session:
        session.add(article(url="https://x/1"))
        session.commit()
        session.add(article(url="https://x/1", content_hash="h2"))
        with pytest.raises(IntegrityError):
            session.commit()
        session.rollback()
        session.add(article(url="https://x/2"))  # same content hash
        with pytest.raises(IntegrityError):
            session.commit()


def test_cursor_round_trip():
    keys = (dt.date(2020, 9, 1), dt.date(2020, 9, 2), dt.datetime(2020, 9, 3, tzinfo=dt.UTC), 7, 9)
    token = encode_cursor("events", "asc", keys)
    assert "=" not in token
    kinds = ("date", "date", "datetime", "int", "int")
    assert decode_cursor(token, "events", "asc", kinds) == keys  # type: ignore[arg-type]
    with pytest.raises(InvalidCursorError):
        decode_cursor(token, "events", "desc", kinds)  # type: ignore[arg-type]
    with pytest.raises(InvalidCursorError):
        decode_cursor(token, "articles", "asc", kinds)  # type: ignore[arg-type]
    with pytest.raises(InvalidCursorError):
        decode_cursor(token[:-3], "events", "asc", kinds)  # type: ignore[arg-type]
