"""Timeline queries: one `select()` per page, keyset-paginated."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, and_, exists, select, tuple_
from sqlalchemy.orm import Session, aliased, joinedload
from sqlalchemy.sql.base import ExecutableOption

from app.db.actors import actor_ids_by_name
from app.db.cursor import KeyKind, decode_cursor, encode_cursor
from app.db.models import Article, Event, EventActor
from app.db.pagination import Order, Page, split_page
from app.db.participants import LoadedEvent, with_participants
from app.extraction.types import DatedBy, Granularity

CURSOR_KIND = "events"
SORT_KEY_KINDS: tuple[KeyKind, ...] = ("date", "date", "datetime", "int", "int")

# Everything an event item shows, loaded up front (relationships never lazy-load).
EVENT_LOAD_OPTIONS: tuple[ExecutableOption, ...] = (
    # Many-to-ones join into the page query (no row multiplication, so LIMIT holds);
    # participants come from one extra Core query (app.db.participants).
    joinedload(Event.article).load_only(
        Article.id,
        Article.title,
        Article.url,
        Article.source,
        Article.published_on,
        Article.published_at,
        Article.published_has_time,
        Article.published_utc_offset,
        raiseload=True,
    ),
    joinedload(Event.timex),
)


@dataclass(frozen=True, slots=True)
class EventFilters:
    actors: tuple[str, ...] = ()
    actor_mode: Literal["any", "all"] = "any"
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str | None = None
    article_id: int | None = None
    source: str | None = None
    granularity: Granularity | None = None
    dated_by: DatedBy | None = None


def sort_keys(event: Event) -> tuple[Any, ...]:
    """start_date, end_date, publication, position in the article, id."""
    return (
        event.start_date,
        event.end_date,
        event.published_at,
        event.trigger_start,
        event.id,
    )


def list_events(
    session: Session,
    filters: EventFilters,
    *,
    order: Order = "asc",
    limit: int = 50,
    cursor: str | None = None,
) -> Page[LoadedEvent]:
    after = decode_cursor(cursor, CURSOR_KIND, order, SORT_KEY_KINDS) if cursor else None
    actor_ids = _resolve_actors(session, filters)
    if actor_ids == []:  # an actor nobody has seen: an empty timeline, not an error
        return Page(items=[], next_cursor=None)
    stmt = _timeline_select(filters, actor_ids, order, after).limit(limit + 1)
    rows = session.scalars(stmt.options(*EVENT_LOAD_OPTIONS)).all()
    items, has_more = split_page(rows, limit)
    next_cursor = encode_cursor(CURSOR_KIND, order, sort_keys(items[-1])) if has_more else None
    return Page(items=with_participants(session, items), next_cursor=next_cursor)


def get_event(session: Session, event_id: int) -> LoadedEvent | None:
    stmt = select(Event).where(Event.id == event_id).options(*EVENT_LOAD_OPTIONS)
    event = session.scalars(stmt).one_or_none()
    return None if event is None else with_participants(session, [event])[0]


def _resolve_actors(session: Session, filters: EventFilters) -> list[int] | None:
    """Actor ids to filter on: None without an actor filter, [] when nothing can match."""
    if not filters.actors:
        return None
    ids = actor_ids_by_name(session, filters.actors)
    known = sorted({i for i in ids if i is not None})
    if filters.actor_mode == "all" and None in ids:
        return []
    return known


def _timeline_select(
    filters: EventFilters,
    actor_ids: list[int] | None,
    order: Order,
    after: tuple[Any, ...] | None,
) -> Select[tuple[Event]]:
    stmt = select(Event)
    start_date: Any = Event.start_date
    conditions = _column_conditions(filters)
    if actor_ids and (len(actor_ids) == 1 or filters.actor_mode == "all"):
        # Drive the query from event_actor's (actor_id, start_date, event_id) index: its
        # copy of start_date is the first sort key, so an actor's timeline is read in
        # order instead of filtering the whole event timeline.
        driver, *others = actor_ids
        link = aliased(EventActor)
        stmt = stmt.join(link, and_(link.event_id == Event.id, link.actor_id == driver))
        start_date = link.start_date
        conditions += [_has_actor([other]) for other in others]
    elif actor_ids:
        conditions.append(_has_actor(actor_ids))
    if filters.date_to is not None:
        conditions.append(start_date <= filters.date_to)
    columns = (start_date, Event.end_date, Event.published_at, Event.trigger_start, Event.id)
    if after is not None:
        # All keys run in one direction, so a row-value comparison is the keyset.
        row, keys = tuple_(*columns), tuple_(*after)
        conditions.append(row > keys if order == "asc" else row < keys)
    ordering = [c.asc() if order == "asc" else c.desc() for c in columns]
    return stmt.where(*conditions).order_by(*ordering)


def _has_actor(actor_ids: list[int]) -> ColumnElement[bool]:
    return exists().where(EventActor.event_id == Event.id, EventActor.actor_id.in_(actor_ids))


def _column_conditions(filters: EventFilters) -> list[ColumnElement[bool]]:
    """Every filter but the actors and `to` (both depend on how the query is driven)."""
    conditions: list[ColumnElement[bool]] = []
    if filters.date_from is not None:
        conditions.append(Event.end_date >= filters.date_from)
    if filters.q:
        conditions.append(Event.sentence_text.icontains(filters.q, autoescape=True))
    if filters.article_id is not None:
        conditions.append(Event.article_id == filters.article_id)
    if filters.source is not None:
        sources = select(Article.id).where(Article.source == filters.source)
        conditions.append(Event.article_id.in_(sources))
    if filters.granularity is not None:
        allowed = [g.value for g in Granularity if g.rank <= filters.granularity.rank]
        conditions.append(Event.granularity.in_(allowed))
    if filters.dated_by is not None:
        conditions.append(Event.dated_by == filters.dated_by.value)
    return conditions
