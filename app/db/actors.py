"""Actor queries: lookup by folded alias key, search, detail with event counts."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ScalarSelect, func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.db.models import Actor, ActorAlias, EventActor
from app.extraction.actors.keys import alias_key


def actor_ids_by_name(session: Session, names: Sequence[str]) -> list[int | None]:
    """For each name, the id of the actor owning its alias key (None when unknown)."""
    keys = [alias_key(name) for name in names]
    wanted = {k for k in keys if k}
    if not wanted:
        return [None] * len(keys)
    rows = session.execute(
        select(ActorAlias.key, ActorAlias.actor_id).where(ActorAlias.key.in_(wanted))
    ).all()
    found = {key: actor_id for key, actor_id in rows}
    return [found.get(k) for k in keys]


def _event_count() -> ScalarSelect[int]:
    return (
        select(func.count())
        .where(EventActor.actor_id == Actor.id)
        .correlate(Actor)
        .scalar_subquery()
    )


def search_actors(session: Session, q: str | None, limit: int) -> list[tuple[Actor, int]]:
    """Actors whose alias (or a word of it) starts with `q`, most-mentioned first."""
    count = _event_count().label("event_count")
    stmt = select(Actor, count)
    wants_filter = bool(q and q.strip())
    key = alias_key(q) if q and wants_filter else ""
    if wants_filter and not key:  # e.g. "%": nothing can fold to match it
        return []
    if key:
        matching = select(ActorAlias.actor_id).where(
            or_(
                ActorAlias.key.startswith(key, autoescape=True),
                ActorAlias.key.contains(" " + key, autoescape=True),
            )
        )
        stmt = stmt.where(Actor.id.in_(matching))
    stmt = stmt.order_by(count.desc(), Actor.name, Actor.id).limit(limit)
    return [(actor, int(n)) for actor, n in session.execute(stmt).all()]


def get_actor(session: Session, actor_id: int) -> tuple[Actor, int] | None:
    count = _event_count().label("event_count")
    stmt = select(Actor, count).where(Actor.id == actor_id).options(selectinload(Actor.names))
    row = session.execute(stmt).one_or_none()
    return None if row is None else (row[0], int(row[1]))
