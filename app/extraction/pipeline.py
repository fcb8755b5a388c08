"""The extractor: text + publication date in; timexes, actors and events out.

Stages (each behind a small protocol so tests can swap them):
  1. dateline   — publication date from the request, a header in the text, or receipt
  2. temporal   — TemporalTagger.tag(text, dct) -> timexes (text only, no NLP)
  3. nlp        — one spaCy pass (parser + NER) shared by the next two stages
  4. actors     — ActorFinder.find(text, entities) -> mentions + canonical actors
  5. events     — EventAssembler.assemble(...) -> dated events with participants

Pure: models are loaded once by the caller and injected; nothing here does I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from app.extraction.types import (
    Actor,
    ActorMention,
    Event,
    Extraction,
    PublicationDate,
    Timex,
)


@dataclass(frozen=True, slots=True)
class NamedEntity:
    """An entity span as a statistical NER reports it (spaCy labels: PERSON, ORG, GPE…)."""

    start: int
    end: int
    label: str
    text: str


class TemporalTagger(Protocol):
    def tag(self, text: str, dct: dt.date) -> list[Timex]: ...


class ActorFinder(Protocol):
    def find(
        self, text: str, entities: Sequence[NamedEntity]
    ) -> tuple[list[ActorMention], list[Actor]]: ...


class EventAssembler(Protocol):
    def assemble(
        self,
        doc: Any,  # a parsed spaCy Doc over the same text
        timexes: Sequence[Timex],
        mentions: Sequence[ActorMention],
        publication: PublicationDate,
    ) -> list[Event]: ...
