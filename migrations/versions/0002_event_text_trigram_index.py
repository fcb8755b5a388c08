"""PostgreSQL only: a trigram index for the timeline's text search (`GET /events?q=`).

`q` is a case-insensitive substring match (`ILIKE '%…%'`), which no B-tree can
serve: without this index PostgreSQL scans every event. A GIN index with
pg_trgm's `gin_trgm_ops` answers ILIKE from the trigrams of the pattern.

The index lives in the database only, not in the models (see
`DATABASE_ONLY_INDEXES` in migrations/env.py): SQLite has no equivalent, and
the models describe what every backend has.

pg_trgm is a trusted extension (PostgreSQL 13+), so a database owner may
create it. Where the role may not, the migration leaves search unindexed and
says so rather than failing the whole upgrade: `q` still works, only slower.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_event_sentence_text_trgm"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = _trigram_schema(bind)
    if schema is None:
        print(
            "migration 0002: pg_trgm is not available to this role; "
            "GET /events?q= stays unindexed (it works, scanning every event)"
        )
        return
    opclass = f"{bind.dialect.identifier_preparer.quote(schema)}.gin_trgm_ops"
    op.execute(
        sa.text(f"CREATE INDEX IF NOT EXISTS {INDEX} ON event USING gin (sentence_text {opclass})")
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(sa.text(f"DROP INDEX IF EXISTS {INDEX}"))


def _trigram_schema(bind: sa.Connection) -> str | None:
    """The schema pg_trgm is installed in, installing it if the role may.

    The operator class is then named with its schema: the extension may live
    in another schema than this database's search_path (one per tenant, or
    per test run)."""
    installed = (
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'pg_trgm'"
    )
    schema = bind.execute(sa.text(installed)).scalar()
    if schema is not None:
        return str(schema)
    savepoint = bind.begin_nested()
    try:
        bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError:
        savepoint.rollback()
        return None
    savepoint.commit()
    schema = bind.execute(sa.text(installed)).scalar()
    return None if schema is None else str(schema)
