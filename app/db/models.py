"""The stored domain (SPEC §3): articles, their timexes and events, canonical actors.

Collections are `lazy="raise"` and many-to-ones `lazy="raise_on_sql"` (free from
the identity map, never a query): every query states what it loads with
`selectinload`, so an accidental N+1 fails loudly in tests.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Base, UTCDateTime


class Article(Base):
    __tablename__ = "article"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str | None] = mapped_column(String(2048), unique=True)
    title: Mapped[str | None] = mapped_column(String(1000))
    source: Mapped[str | None] = mapped_column(String(200), index=True)
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(35), default="en")
    # The reference day (DCT) in the article's own time zone.
    published_on: Mapped[dt.date] = mapped_column(Date)
    # A sortable instant: the exact time when known, else midnight UTC of published_on.
    published_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    # Whether a time of day is known; its UTC offset in minutes keeps the original zone.
    published_has_time: Mapped[bool] = mapped_column(Boolean, default=False)
    published_utc_offset: Mapped[int | None] = mapped_column(SmallInteger)
    published_at_source: Mapped[str] = mapped_column(String(16))
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    extractor_version: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, server_default=func.now())

    def publication(self) -> dt.date | dt.datetime:
        """The publication date as given: a date, or an aware datetime in its own zone."""
        if not self.published_has_time:
            return self.published_on
        offset = dt.timedelta(minutes=self.published_utc_offset or 0)
        return self.published_at.astimezone(dt.timezone(offset))

    timexes: Mapped[list[Timex]] = relationship(
        back_populates="article",
        lazy="raise",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Timex.char_start",
    )
    events: Mapped[list[Event]] = relationship(
        back_populates="article",
        lazy="raise",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="(Event.start_date, Event.end_date, Event.trigger_start, Event.id)",
    )


class Timex(Base):
    __tablename__ = "timex"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(Text)
    mod: Mapped[str | None] = mapped_column(String(16))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    granularity: Mapped[str | None] = mapped_column(String(16))
    rule: Mapped[str] = mapped_column(Text, default="")

    article: Mapped[Article] = relationship(back_populates="timexes", lazy="raise_on_sql")


# PostgreSQL only: the GIN trigram index migration 0002 creates for `GET /events?q=`.
# Not declared on `Event` (SQLite has no equivalent); migrations/env.py keeps it out
# of the model/database comparison.
EVENT_TEXT_TRIGRAM_INDEX = "ix_event_sentence_text_trgm"


class Event(Base):
    __tablename__ = "event"
    __table_args__ = (
        # The timeline's sort order; its (start_date, end_date) prefix serves `from`/`to`.
        Index(
            "ix_event_timeline",
            "start_date",
            "end_date",
            "published_at",
            "trigger_start",
            "id",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), index=True
    )
    timex_id: Mapped[int | None] = mapped_column(
        ForeignKey("timex.id", ondelete="SET NULL"), index=True
    )
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    granularity: Mapped[str] = mapped_column(String(16))
    dated_by: Mapped[str] = mapped_column(String(16))
    trigger_text: Mapped[str] = mapped_column(Text)
    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    sentence_text: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    # Copy of article.published_at: the third sort key, without a join.
    published_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    article: Mapped[Article] = relationship(back_populates="events", lazy="raise_on_sql")
    timex: Mapped[Timex | None] = relationship(lazy="raise_on_sql")
    actor_links: Mapped[list[EventActor]] = relationship(
        back_populates="event",
        lazy="raise",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="EventActor.actor_id",
    )


class Actor(Base):
    __tablename__ = "actor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))

    aliases: Mapped[list[ActorAlias]] = relationship(
        back_populates="actor",
        lazy="raise",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ActorAlias.id",
    )
    names: Mapped[list[ActorName]] = relationship(
        back_populates="actor",
        lazy="raise",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ActorName.id",
    )


class ActorAlias(Base):
    __tablename__ = "actor_alias"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    # alias_key(name): the folded form used for storage and lookup alike. Unique, so
    # one key always names one actor, even when two writers race to create it.
    key: Mapped[str] = mapped_column(Text, unique=True)

    actor: Mapped[Actor] = relationship(back_populates="aliases", lazy="raise_on_sql")


class ActorName(Base):
    """Every surface form seen for an actor ("Sergei Naryshkin", "Sergey Naryshkin"),
    even those folding to the same alias key: what people read as its aliases."""

    __tablename__ = "actor_name"
    __table_args__ = (UniqueConstraint("actor_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)

    actor: Mapped[Actor] = relationship(back_populates="names", lazy="raise_on_sql")


class EventActor(Base):
    __tablename__ = "event_actor"
    __table_args__ = (
        # Serves `actor=` filters in timeline order without touching `event`.
        Index("ix_event_actor_timeline", "actor_id", "start_date", "event_id"),
    )

    event_id: Mapped[int] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), primary_key=True
    )
    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actor.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(16))
    # Copy of event.start_date (see the index above).
    start_date: Mapped[dt.date] = mapped_column(Date)

    event: Mapped[Event] = relationship(back_populates="actor_links", lazy="raise_on_sql")
    actor: Mapped[Actor] = relationship(lazy="raise_on_sql")
