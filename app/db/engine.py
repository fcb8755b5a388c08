"""Engine and session factory, with the SQLite settings the service relies on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker


def make_engine(url: str, *, sqlite_busy_timeout_ms: int = 5000, **kwargs: Any) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, **kwargs)
    _ensure_sqlite_directory(parsed.database)
    engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)
    _install_sqlite_hooks(engine, sqlite_busy_timeout_ms)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # Objects stay usable after commit: services commit, then routers serialize.
    return sessionmaker(bind=engine, expire_on_commit=False)


def _ensure_sqlite_directory(database: str | None) -> None:
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    Path(database).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)


def _install_sqlite_hooks(engine: Engine, busy_timeout_ms: int) -> None:
    """SQLAlchemy's documented recipe for pysqlite: let SQLAlchemy emit BEGIN itself,
    so SAVEPOINTs and transactional DDL work; plus the pragmas we need."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Disable pysqlite's own transaction handling (it would also skip BEGIN).
        dbapi_connection.isolation_level = None
        # SQLite's lower() folds ASCII only; case-insensitive matching (`q=`, rendered
        # as lower(…) LIKE lower(…)) must fold "Ü" — and everything else — as
        # PostgreSQL's ILIKE does.
        dbapi_connection.create_function("lower", 1, _unicode_lower, deterministic=True)
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")


def _unicode_lower(value: Any) -> Any:
    """Each character lowered on its own (Unicode's simple mapping), as PostgreSQL does.

    str.lower() applies the full mapping, which differs in two places only: "İ"
    becomes "i" + U+0307 (the one character that lowers to two), and a word-final
    "Σ" becomes "ς" (the one rule that looks at context). PostgreSQL gives "i" and "σ".
    """
    if not isinstance(value, str):
        return value
    return value.replace("\u0130", "i").replace("\u03a3", "\u03c3").lower()
