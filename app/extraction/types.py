"""Value types shared by every extraction stage.

These are the contract between the stages (temporal tagger, actor finder,
event assembler) and the layers above (ingest service, API). They are plain
frozen dataclasses: no I/O, no ORM, no FastAPI.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class TimexType(StrEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Granularity(StrEnum):
    """Interval sizes, finest first; order matters for the `granularity` ceiling filter."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    VAGUE = "vague"

    @property
    def rank(self) -> int:
        return list(Granularity).index(self)


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    GROUP = "group"
    PRODUCT = "product"
    OTHER = "other"


class Role(StrEnum):
    AGENT = "agent"
    PATIENT = "patient"
    MENTIONED = "mentioned"


class DatedBy(StrEnum):
    TEXT = "text"
    PUBLICATION = "publication"


class PublishedAtSource(StrEnum):
    REQUEST = "request"
    TEXT = "text"
    RECEIVED = "received"


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression found in the text.

    `start`/`end` are character offsets into the article text (end exclusive).
    For DATE and TIME the interval (`start_date`..`end_date`, inclusive) and
    `granularity` are set; for DURATION and SET they are None.
    `rule` names the rule (`family.variant`) that produced the expression.
    """

    text: str
    start: int
    end: int
    type: TimexType
    value: str
    mod: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    granularity: Granularity | None = None
    rule: str = ""

    @property
    def can_date_event(self) -> bool:
        return self.type in (TimexType.DATE, TimexType.TIME) and self.start_date is not None


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A span of text that refers to an actor, resolved to its canonical form.

    `key` is `alias_key(name)` of the canonical name: the identity used to
    merge actors within and across articles.
    """

    text: str
    start: int
    end: int
    name: str
    kind: ActorKind
    key: str


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor as seen in one article, with every surface form seen."""

    key: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventParticipant:
    actor_key: str
    role: Role


@dataclass(frozen=True, slots=True)
class Event:
    """One dated happening reported by the article.

    `timex_index` points into `Extraction.timexes` when the event is dated by
    an explicit expression (`dated_by = text`), else None (`publication`).
    """

    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: str
    sentence_start: int
    sentence_end: int
    start_date: dt.date
    end_date: dt.date
    granularity: Granularity
    dated_by: DatedBy
    timex_index: int | None
    participants: tuple[EventParticipant, ...] = ()


@dataclass(frozen=True, slots=True)
class PublicationDate:
    """The article's reference time (DCT) and where it came from."""

    value: dt.date | dt.datetime
    source: PublishedAtSource
    # when read from the text: the header/date line span, so stages can skip it
    span: tuple[int, int] | None = None

    @property
    def day(self) -> dt.date:
        return self.value.date() if isinstance(self.value, dt.datetime) else self.value


@dataclass(frozen=True, slots=True)
class Extraction:
    publication: PublicationDate
    timexes: tuple[Timex, ...] = ()
    actors: tuple[Actor, ...] = ()
    mentions: tuple[ActorMention, ...] = ()
    events: tuple[Event, ...] = field(default_factory=tuple)
