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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from app.extraction.dateline import resolve_publication
from app.extraction.nlp import load_nlp, parse
from app.extraction.types import (
    Actor,
    ActorMention,
    Event,
    Extraction,
    PublicationDate,
    Timex,
)

# Bump when extraction output changes, so stored articles can be reprocessed.
EXTRACTOR_VERSION = "chronicle-extract/0.1"


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


class Extractor:
    """Runs every stage over one article. Built once at start-up; safe to share."""

    def __init__(
        self,
        nlp: Any,
        tagger: TemporalTagger,
        actor_finder: ActorFinder,
        event_assembler: EventAssembler,
        entities_from_doc: Callable[[Any], list[NamedEntity]],
        version: str = EXTRACTOR_VERSION,
    ) -> None:
        self._nlp = nlp
        self._tagger = tagger
        self._actor_finder = actor_finder
        self._event_assembler = event_assembler
        self._entities_from_doc = entities_from_doc
        self.version = version

    def extract(
        self,
        text: str,
        published_at: dt.date | dt.datetime | None,
        received_at: dt.datetime,
    ) -> Extraction:
        publication = resolve_publication(text, published_at, received_at)
        timexes = [
            timex
            for timex in self._tagger.tag(text, publication.day)
            if not _inside(timex, publication.span)
        ]
        doc = parse(self._nlp, text, boundaries=_story_start(text, publication.span))
        mentions, actors = self._actor_finder.find(text, self._entities_from_doc(doc))
        events = self._event_assembler.assemble(doc, timexes, mentions, publication)
        return Extraction(
            publication=publication,
            timexes=tuple(timexes),
            actors=tuple(actors),
            mentions=tuple(mentions),
            events=tuple(events),
        )


def _story_start(text: str, date_line: tuple[int, int] | None) -> tuple[int, ...]:
    """Where the story begins after a date line (its trailing spaces skipped), if any."""
    if date_line is None:
        return ()
    end = date_line[1]
    while end < len(text) and text[end] in " \t":
        end += 1
    return (end,)


def _inside(timex: Timex, span: tuple[int, int] | None) -> bool:
    """A timex inside the date line is the publication date itself, not a date in the story."""
    return span is not None and span[0] <= timex.start and timex.end <= span[1]


def build_extractor(model_name: str, extra_gazetteers: Sequence[Path] = ()) -> Extractor:
    """The production extractor: spaCy model by name, packaged rules and gazetteers."""
    from app.extraction.actors.finder import GazetteerActorFinder
    from app.extraction.actors.ner import entities_from_doc
    from app.extraction.events.assemble import DependencyEventAssembler
    from app.extraction.temporal.tagger import RuleTemporalTagger

    return Extractor(
        nlp=load_nlp(model_name),
        tagger=RuleTemporalTagger(),
        actor_finder=GazetteerActorFinder.default(extra_gazetteers),
        event_assembler=DependencyEventAssembler(),
        entities_from_doc=entities_from_doc,
    )
