"""Alembic environment: the URL comes from Settings (DATABASE_URL); SQLite runs in
batch mode so ALTERs work there too. Tests may pass an open connection in
`config.attributes["connection"]` (Alembic's documented recipe)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from app.config import Settings
from app.db import models  # registers the tables on Base.metadata
from app.db.base import Base
from app.db.engine import make_engine

config = context.config
target_metadata = Base.metadata

# Indexes a migration creates on one backend only (0002: PostgreSQL's trigram
# index for `q`). The models describe what every backend has, so comparing
# models with the database (`alembic check`) leaves these out.
DATABASE_ONLY_INDEXES = frozenset({models.EVENT_TEXT_TRIGRAM_INDEX})


def _compared(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    return not (type_ == "index" and name in DATABASE_ONLY_INDEXES)


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        compare_server_default=False,
        include_object=_compared,
    )


def run_migrations_offline() -> None:
    url = Settings().database_url
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=url.startswith("sqlite"),
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    given = config.attributes.get("connection")
    if given is not None:
        _configure(given)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(Settings().database_url)
    try:
        with engine.connect() as connection:
            _configure(connection)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
