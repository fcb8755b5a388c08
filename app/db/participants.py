"""Event participants as plain rows, and events bundled with them for reading.

Participants are read with one Core query per page rather than as ORM objects:
on a 50-event timeline page, building ~100 EventActor + Actor instances cost
more than everything else in the query (see bench/bench_timeline.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Actor, Event, EventActor


@dataclass(frozen=True, slots=True)
class Participant:
    actor_id: int
    name: str
    kind: str
    role: str


@dataclass(frozen=True, slots=True)
class LoadedEvent:
    """An event with its article and timex loaded, and its participants."""

    event: Event
    participants: list[Participant]


def participants_by_event(
    session: Session, event_ids: Iterable[int]
) -> dict[int, list[Participant]]:
    ids = list(event_ids)
    found: dict[int, list[Participant]] = defaultdict(list)
    if not ids:
        return found
    rows = session.execute(
        select(EventActor.event_id, Actor.id, Actor.name, Actor.kind, EventActor.role)
        .join(Actor, Actor.id == EventActor.actor_id)
        .where(EventActor.event_id.in_(ids))
        .order_by(EventActor.event_id, Actor.id)
    ).tuples()
    for event_id, actor_id, name, kind, role in rows:
        found[event_id].append(Participant(actor_id, name, kind, role))
    return found


def with_participants(session: Session, events: Iterable[Event]) -> list[LoadedEvent]:
    loaded = list(events)
    participants = participants_by_event(session, (e.id for e in loaded))
    return [LoadedEvent(e, participants.get(e.id, [])) for e in loaded]
