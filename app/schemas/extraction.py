"""POST /extract: what ingestion would store, without storing it."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from app.extraction.types import (
    ActorKind,
    DatedBy,
    Granularity,
    PublishedAtSource,
    Role,
    TimexType,
)
from app.schemas.common import Span


class PublicationOut(BaseModel):
    published_at: dt.date | dt.datetime
    source: PublishedAtSource


class ExtractedTimex(Span):
    type: TimexType
    value: str
    mod: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    granularity: Granularity | None
    rule: str = Field(description="The rule that produced it (`family.variant`)")


class ExtractedActor(BaseModel):
    key: str = Field(description="alias_key of the canonical name")
    name: str
    kind: ActorKind
    aliases: list[str]


class ExtractedParticipant(BaseModel):
    actor_key: str
    role: Role


class ExtractedEvent(BaseModel):
    start_date: dt.date
    end_date: dt.date
    granularity: Granularity
    dated_by: DatedBy
    timex_index: int | None = Field(
        description="Index into `timexes`, null when dated by publication"
    )
    trigger: Span
    sentence: Span
    participants: list[ExtractedParticipant]


class ExtractionOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "extractor_version": "0.1.0",
                    "publication": {"published_at": "2020-09-28", "source": "request"},
                    "timexes": [
                        {
                            "text": "on Sunday",
                            "start": 58,
                            "end": 67,
                            "type": "DATE",
                            "value": "2020-09-27",
                            "mod": None,
                            "start_date": "2020-09-27",
                            "end_date": "2020-09-27",
                            "granularity": "day",
                            "rule": "weekday.bare",
                        }
                    ],
                    "actors": [
                        {
                            "key": "armenia",
                            "name": "Armenia",
                            "kind": "place",
                            "aliases": ["Armenia"],
                        }
                    ],
                    "events": [
                        {
                            "start_date": "2020-09-27",
                            "end_date": "2020-09-27",
                            "granularity": "day",
                            "dated_by": "text",
                            "timex_index": 0,
                            "trigger": {"text": "erupted", "start": 40, "end": 47},
                            "sentence": {
                                "text": "Fighting erupted on Sunday.",
                                "start": 0,
                                "end": 27,
                            },
                            "participants": [{"actor_key": "armenia", "role": "agent"}],
                        }
                    ],
                }
            ]
        }
    )

    extractor_version: str
    publication: PublicationOut
    timexes: list[ExtractedTimex]
    actors: list[ExtractedActor]
    events: list[ExtractedEvent]
