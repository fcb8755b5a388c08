"""Builders for event-assembly tests: hand-built timexes and mentions over real text.

Timexes and mentions are built by hand (phrase + occurrence → char offsets) so
these tests pin the assembler alone, independent of the tagger and the finder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.extraction.actors.keys import alias_key
from app.extraction.events.assemble import DependencyEventAssembler
from app.extraction.types import (
    ActorKind,
    ActorMention,
    Event,
    Granularity,
    PublicationDate,
    PublishedAtSource,
    Timex,
    TimexType,
)

SEEDS = Path(__file__).resolve().parents[4] / "shared" / "data" / "seeds"


def seed_text(name: str) -> str:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"seed data not found at {path}")
    return path.read_text(encoding="utf-8")


def find(text: str, phrase: str, occurrence: int = 1) -> int:
    """Char offset of the n-th occurrence of `phrase` (1-based); fails loudly if absent."""
    start = -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    return start


def date_timex(
    text: str,
    phrase: str,
    start: dt.date,
    end: dt.date | None = None,
    granularity: Granularity = Granularity.DAY,
    value: str = "",
    occurrence: int = 1,
    type_: TimexType = TimexType.DATE,
) -> Timex:
    offset = find(text, phrase, occurrence)
    return Timex(
        text=phrase,
        start=offset,
        end=offset + len(phrase),
        type=type_,
        value=value or start.isoformat(),
        start_date=start,
        end_date=end or start,
        granularity=granularity,
        rule="test.hand_built",
    )


def duration_timex(text: str, phrase: str, value: str, occurrence: int = 1) -> Timex:
    offset = find(text, phrase, occurrence)
    return Timex(phrase, offset, offset + len(phrase), TimexType.DURATION, value)


def mentions_of(text: str, names: dict[str, tuple[str, ActorKind]]) -> list[ActorMention]:
    """Every occurrence of each surface form, resolved to (canonical name, kind)."""
    out: list[ActorMention] = []
    taken: list[tuple[int, int]] = []
    # longest surface forms first so "Sergei Naryshkin" wins over "Naryshkin"
    for surface in sorted(names, key=len, reverse=True):
        name, kind = names[surface]
        start = text.find(surface)
        while start != -1:
            end = start + len(surface)
            if not any(s < end and start < e for s, e in taken):
                out.append(ActorMention(surface, start, end, name, kind, alias_key(name)))
                taken.append((start, end))
            start = text.find(surface, end)
    return sorted(out, key=lambda m: m.start)


def publication(day: dt.date, span: tuple[int, int] | None = None) -> PublicationDate:
    source = PublishedAtSource.TEXT if span else PublishedAtSource.REQUEST
    return PublicationDate(day, source, span)


def assembler_over(nlp: Any, names: dict[str, tuple[str, ActorKind]]) -> Callable[..., list[Event]]:
    """assemble(text, timexes, dct): the real assembler over nlp's parse, with the
    mentions of `names` built by hand and the publication date given by the request."""
    assembler = DependencyEventAssembler()

    def run(text: str, timexes: list[Timex], dct: dt.date) -> list[Event]:
        return assembler.assemble(nlp(text), timexes, mentions_of(text, names), publication(dct))

    return run
