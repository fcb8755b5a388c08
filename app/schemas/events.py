"""Event (timeline item) models."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from app.extraction.types import ActorKind, DatedBy, Granularity, Role
from app.schemas.common import ArticleRef, Span

EVENT_EXAMPLE: dict[str, JsonValue] = {
    "id": 41,
    "article_id": 12,
    "start_date": "2020-09-27",
    "end_date": "2020-09-27",
    "granularity": "day",
    "dated_by": "text",
    "timex": {"text": "on Sunday", "start": 58, "end": 67, "value": "2020-09-27", "mod": None},
    "trigger": {"text": "erupted", "start": 40, "end": 47},
    "sentence": {
        "text": "Heavy fighting between Armenia and Azerbaijan erupted on Sunday.",
        "start": 0,
        "end": 68,
    },
    "actors": [
        {"id": 3, "name": "Armenia", "kind": "place", "role": "agent"},
        {"id": 4, "name": "Azerbaijan", "kind": "place", "role": "agent"},
    ],
    "article": {
        "id": 12,
        "title": "Fighting erupts in Nagorno-Karabakh",
        "url": "https://example.com/news/nagorno-karabakh",
        "source": "reuters",
        "published_at": "2020-09-28",
    },
}


class EventTimex(Span):
    value: str = Field(examples=["2020-09-27"])
    mod: str | None = Field(default=None, examples=[None, "END"])


class EventActorOut(BaseModel):
    id: int
    name: str
    kind: ActorKind
    role: Role


class EventOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [EVENT_EXAMPLE]})

    id: int
    article_id: int
    start_date: dt.date
    end_date: dt.date
    granularity: Granularity
    dated_by: DatedBy
    timex: EventTimex | None
    trigger: Span
    sentence: Span
    actors: list[EventActorOut]
    article: ArticleRef


class EventPage(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"items": [EVENT_EXAMPLE], "next_cursor": None}]}
    )

    items: list[EventOut]
    next_cursor: str | None = Field(
        description="Pass as `cursor` to get the next page; null on the last page"
    )
