"""Initial schema: articles, timexes, events, actors (alias keys, names), participants.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "actor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor")),
    )
    op.create_table(
        "article",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=True),
        sa.Column("title", sa.String(length=1000), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_has_time", sa.Boolean(), nullable=False),
        sa.Column("published_utc_offset", sa.SmallInteger(), nullable=True),
        sa.Column("published_at_source", sa.String(length=16), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("extractor_version", sa.String(length=64), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_article_content_hash")),
        sa.UniqueConstraint("url", name=op.f("uq_article_url")),
    )
    op.create_index(op.f("ix_article_published_at"), "article", ["published_at"])
    op.create_index(op.f("ix_article_source"), "article", ["source"])

    op.create_table(
        "actor_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actor.id"],
            name=op.f("fk_actor_alias_actor_id_actor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_alias")),
        sa.UniqueConstraint("key", name=op.f("uq_actor_alias_key")),
    )
    op.create_index(op.f("ix_actor_alias_actor_id"), "actor_alias", ["actor_id"])

    op.create_table(
        "actor_name",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actor.id"],
            name=op.f("fk_actor_name_actor_id_actor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_name")),
        sa.UniqueConstraint("actor_id", "name", name=op.f("uq_actor_name_actor_id_name")),
    )
    op.create_index(op.f("ix_actor_name_actor_id"), "actor_name", ["actor_id"])

    op.create_table(
        "timex",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("mod", sa.String(length=16), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("granularity", sa.String(length=16), nullable=True),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_timex_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timex")),
    )
    op.create_index(op.f("ix_timex_article_id"), "timex", ["article_id"])

    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("timex_id", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("granularity", sa.String(length=16), nullable=False),
        sa.Column("dated_by", sa.String(length=16), nullable=False),
        sa.Column("trigger_text", sa.Text(), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("sentence_text", sa.Text(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_event_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["timex_id"],
            ["timex.id"],
            name=op.f("fk_event_timex_id_timex"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
    )
    op.create_index(op.f("ix_event_article_id"), "event", ["article_id"])
    op.create_index(op.f("ix_event_timex_id"), "event", ["timex_id"])
    # The timeline's sort order; its (start_date, end_date) prefix serves from/to.
    op.create_index(
        "ix_event_timeline",
        "event",
        ["start_date", "end_date", "published_at", "trigger_start", "id"],
    )

    op.create_table(
        "event_actor",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actor.id"],
            name=op.f("fk_event_actor_actor_id_actor"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_actor_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "actor_id", name=op.f("pk_event_actor")),
    )
    # Serves actor= filters in timeline order (event_actor copies start_date).
    op.create_index(
        "ix_event_actor_timeline", "event_actor", ["actor_id", "start_date", "event_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_event_actor_timeline", table_name="event_actor")
    op.drop_table("event_actor")
    op.drop_index("ix_event_timeline", table_name="event")
    op.drop_index(op.f("ix_event_timex_id"), table_name="event")
    op.drop_index(op.f("ix_event_article_id"), table_name="event")
    op.drop_table("event")
    op.drop_index(op.f("ix_timex_article_id"), table_name="timex")
    op.drop_table("timex")
    op.drop_index(op.f("ix_actor_name_actor_id"), table_name="actor_name")
    op.drop_table("actor_name")
    op.drop_index(op.f("ix_actor_alias_actor_id"), table_name="actor_alias")
    op.drop_table("actor_alias")
    op.drop_index(op.f("ix_article_source"), table_name="article")
    op.drop_index(op.f("ix_article_published_at"), table_name="article")
    op.drop_table("article")
    op.drop_table("actor")
