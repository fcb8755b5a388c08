"""A small deterministic extractor for API and database tests.

Tests describe an article as plain `FakeEvent`s; `FakeExtractor.article(...)`
writes the text (one sentence per event), registers the exact Extraction the
fake will return for it, and gives back the text to POST.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

from app.extraction import types as x

# Canonical actors the fake knows, by name.
KNOWN_ACTORS: dict[str, x.Actor] = {
    a.name: a
    for a in (
        x.Actor("turkey", "Turkey", x.ActorKind.PLACE, ("Turkey", "Turkish", "Ankara")),
        x.Actor("armenia", "Armenia", x.ActorKind.PLACE, ("Armenia", "Yerevan")),
        x.Actor("azerbaijan", "Azerbaijan", x.ActorKind.PLACE, ("Azerbaijan", "Baku")),
        x.Actor("russia", "Russia", x.ActorKind.PLACE, ("Russia", "Moscow", "Russian")),
        x.Actor(
            "sergey naryshkin",
            "Sergei Naryshkin",
            x.ActorKind.PERSON,
            ("Sergei Naryshkin", "Sergey Naryshkin", "Naryshkin"),
        ),
        x.Actor("nato", "NATO", x.ActorKind.ORGANIZATION, ("NATO",)),
    )
}


@dataclass(frozen=True)
class FakeEvent:
    sentence: str
    trigger: str  # a substring of the sentence
    start: dt.date
    end: dt.date | None = None  # defaults to start
    granularity: x.Granularity = x.Granularity.DAY
    timex: str | None = None  # a substring of the sentence; None = dated by publication
    timex_value: str | None = None
    actors: tuple[tuple[str, x.Role], ...] = ()


def event(
    sentence: str,
    trigger: str,
    start: str,
    end: str | None = None,
    *,
    granularity: str = "day",
    timex: str | None = None,
    actors: tuple[str, ...] = (),
    roles: tuple[str, ...] = (),
) -> FakeEvent:
    """Builder with string dates; actors get `roles` in order (default agent, then patient)."""
    default_roles = ("agent", "patient") + ("mentioned",) * len(actors)
    given = roles or default_roles[: len(actors)]
    return FakeEvent(
        sentence=sentence,
        trigger=trigger,
        start=dt.date.fromisoformat(start),
        end=dt.date.fromisoformat(end) if end else None,
        granularity=x.Granularity(granularity),
        timex=timex,
        actors=tuple((name, x.Role(role)) for name, role in zip(actors, given, strict=True)),
    )


class FakeExtractor:
    version = "fake-1"

    def __init__(self) -> None:
        self._by_text: dict[str, tuple[tuple[FakeEvent, ...], tuple[x.Actor, ...]]] = {}
        self.calls = 0
        # Optional hook run inside extract(), e.g. to synchronise racing requests.
        self.on_extract: Callable[[str], None] | None = None
        self._lock = threading.Lock()

    def article(
        self,
        *events: FakeEvent,
        extra_actors: tuple[x.Actor, ...] = (),
        text_order: tuple[int, ...] | None = None,
    ) -> str:
        """The text to POST. Events are extracted in the order given; `text_order`
        places their sentences differently in the text (to test position ordering)."""
        order = text_order if text_order is not None else tuple(range(len(events)))
        text = " ".join(events[i].sentence for i in order) or "Nothing happened."
        self._by_text[text] = (events, extra_actors)
        return text

    def extract(
        self,
        text: str,
        published_at: dt.date | dt.datetime | None,
        received_at: dt.datetime,
    ) -> x.Extraction:
        with self._lock:
            self.calls += 1
        if self.on_extract is not None:
            self.on_extract(text)
        if published_at is not None:
            publication = x.PublicationDate(published_at, x.PublishedAtSource.REQUEST)
        else:
            publication = x.PublicationDate(received_at, x.PublishedAtSource.RECEIVED)
        events, extra_actors = self._by_text.get(text, ((), ()))
        return build_extraction(text, publication, events, extra_actors)


def build_extraction(
    text: str,
    publication: x.PublicationDate,
    events: tuple[FakeEvent, ...],
    extra_actors: tuple[x.Actor, ...] = (),
) -> x.Extraction:
    timexes: list[x.Timex] = []
    out_events: list[x.Event] = []
    actors: dict[str, x.Actor] = {a.key: a for a in extra_actors}
    for e in events:
        sentence_start = text.index(e.sentence)  # sentences are unique within a fake text
        trigger_start = sentence_start + e.sentence.index(e.trigger)
        end = e.end or e.start
        timex_index = None
        if e.timex is not None:
            timex_start = sentence_start + e.sentence.index(e.timex)
            timex_index = len(timexes)
            timexes.append(
                x.Timex(
                    text=e.timex,
                    start=timex_start,
                    end=timex_start + len(e.timex),
                    type=x.TimexType.DATE,
                    value=e.timex_value or e.start.isoformat(),
                    start_date=e.start,
                    end_date=end,
                    granularity=e.granularity,
                    rule="fake.exact",
                )
            )
        participants = []
        for name, role in e.actors:
            actor = KNOWN_ACTORS[name]
            actors[actor.key] = actor
            participants.append(x.EventParticipant(actor.key, role))
        out_events.append(
            x.Event(
                trigger=e.trigger,
                trigger_start=trigger_start,
                trigger_end=trigger_start + len(e.trigger),
                sentence=e.sentence,
                sentence_start=sentence_start,
                sentence_end=sentence_start + len(e.sentence),
                start_date=e.start,
                end_date=end,
                granularity=e.granularity,
                dated_by=x.DatedBy.TEXT if e.timex is not None else x.DatedBy.PUBLICATION,
                timex_index=timex_index,
                participants=tuple(participants),
            )
        )
    return x.Extraction(
        publication=publication,
        timexes=tuple(timexes),
        actors=tuple(actors.values()),
        events=tuple(out_events),
    )


def with_unknown_participant(extraction: x.Extraction) -> x.Extraction:
    """An extraction whose last event names an actor it does not define: writing it
    fails after the article, timexes, actors and earlier events were flushed."""
    last = extraction.events[-1]
    broken = replace(
        last, participants=(*last.participants, x.EventParticipant("nobody", x.Role.AGENT))
    )
    return replace(extraction, events=(*extraction.events[:-1], broken))
