"""Article request and response models."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    TypeAdapter,
    ValidationError,
    field_validator,
)

from app.extraction.types import Granularity, PublishedAtSource, TimexType
from app.schemas.common import ISO_DAY
from app.schemas.events import EVENT_EXAMPLE, EventOut

ARTICLE_IN_EXAMPLE: dict[str, JsonValue] = {
    "text": "YEREVAN, Sept 28 (Reuters) - Heavy fighting between Armenia and "
    "Azerbaijan erupted on Sunday over Nagorno-Karabakh.",
    "title": "Fighting erupts in Nagorno-Karabakh",
    "url": "https://example.com/news/nagorno-karabakh",
    "source": "reuters",
    "published_at": "2020-09-28",
    "language": "en",
}

ARTICLE_SUMMARY_EXAMPLE: dict[str, JsonValue] = {
    "id": 12,
    "url": "https://example.com/news/nagorno-karabakh",
    "title": "Fighting erupts in Nagorno-Karabakh",
    "source": "reuters",
    "language": "en",
    "published_at": "2020-09-28",
    "published_at_source": "request",
    "extractor_version": "0.1.0",
    "created_at": "2020-09-28T09:15:00Z",
}


_DATE: TypeAdapter[dt.date] = TypeAdapter(dt.date)
_DATETIME: TypeAdapter[dt.datetime] = TypeAdapter(dt.datetime)


def reject_nul(value: str | None) -> str | None:
    """Refuse up front (422, not 500) what the database cannot store: NUL characters
    (PostgreSQL text) and lone surrogates (not encodable as UTF-8)."""
    if value is None:
        return value
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("must be valid Unicode text (no lone surrogates)") from exc
    return value


class ArticleIn(BaseModel):
    """An article to ingest (or, for POST /extract, to analyse)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [ARTICLE_IN_EXAMPLE]})

    text: str = Field(description="The article text, plain UTF-8", min_length=1)
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(
        default=None, max_length=2048, pattern=r"^https?://\S+$", description="Unique when given"
    )
    source: str | None = Field(default=None, max_length=200, examples=["reuters"])
    published_at: dt.date | dt.datetime | None = Field(
        default=None,
        description="Publication date or datetime (ISO 8601). When absent, Chronicle "
        "reads a date line in the text, else uses the time of receipt.",
        examples=["2020-09-28", "2020-09-28T07:30:00+03:00"],
    )
    language: str = Field(default="en", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$", max_length=35)

    @field_validator("text")
    @classmethod
    def _text_has_content(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text must not be empty or only whitespace")
        reject_nul(value)
        return value

    @field_validator("published_at", mode="before")
    @classmethod
    def _iso_date_or_datetime(cls, value: object) -> object:
        """One clear error instead of one per union member (and no Unix timestamps)."""
        if value is None or isinstance(value, dt.date):
            return value
        if isinstance(value, str) and ISO_DAY.match(value.strip()):
            try:
                # "2020-09-28" is a date; anything longer must be a full datetime
                adapter = _DATE if len(value.strip()) == 10 else _DATETIME
                parsed = adapter.validate_python(value.strip(), strict=False)
                if isinstance(parsed, dt.datetime) and parsed.tzinfo is not None:
                    parsed.astimezone(dt.UTC)  # stored in UTC: must be representable
                return parsed
            except (ValidationError, OverflowError):
                pass
        raise ValueError("must be an ISO 8601 date (2020-09-28) or datetime")

    @field_validator("title", "source", "url")
    @classmethod
    def _no_nul(cls, value: str | None) -> str | None:
        return reject_nul(value)


class TimexOut(BaseModel):
    id: int
    text: str
    start: int
    end: int
    type: TimexType
    value: str = Field(examples=["2020-09-27", "2020-W45", "P5Y", "PAST_REF"])
    mod: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    granularity: Granularity | None


class ArticleSummary(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [ARTICLE_SUMMARY_EXAMPLE]})

    id: int
    url: str | None
    title: str | None
    source: str | None
    language: str
    published_at: dt.date | dt.datetime = Field(
        description="A date, or an aware datetime when the time is known"
    )
    published_at_source: PublishedAtSource
    extractor_version: str
    created_at: dt.datetime


class ArticleDetail(ArticleSummary):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **ARTICLE_SUMMARY_EXAMPLE,
                    "text": ARTICLE_IN_EXAMPLE["text"],
                    "timexes": [
                        {
                            "id": 7,
                            "text": "Sept 28",
                            "start": 9,
                            "end": 16,
                            "type": "DATE",
                            "value": "2020-09-28",
                            "mod": None,
                            "start_date": "2020-09-28",
                            "end_date": "2020-09-28",
                            "granularity": "day",
                        }
                    ],
                    "events": [EVENT_EXAMPLE],
                }
            ]
        }
    )

    text: str
    timexes: list[TimexOut]
    events: list[EventOut]


class ArticlePage(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"items": [ARTICLE_SUMMARY_EXAMPLE], "next_cursor": None}]}
    )

    items: list[ArticleSummary]
    next_cursor: str | None


class BatchIn(BaseModel):
    """Each item is validated on its own, so one bad item does not sink the others."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"items": [ARTICLE_IN_EXAMPLE, {"text": "   "}]}]},
    )

    # Any JSON per item (even a non-object): each is validated as an ArticleIn on its own.
    items: list[Any] = Field(
        min_length=1,
        description="Articles, each shaped like the body of POST /articles",
        json_schema_extra={"items": {"$ref": "#/components/schemas/ArticleIn"}},
    )


class BatchItemResult(BaseModel):
    index: int
    status: int = Field(description="201 created, 200 duplicate, 422 invalid, 500 failed")
    article: ArticleSummary | None = None
    problem: dict[str, Any] | None = Field(
        default=None, description="RFC 9457 problem for a failed item"
    )


class BatchOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "results": [
                        {"index": 0, "status": 201, "article": ARTICLE_SUMMARY_EXAMPLE},
                        {
                            "index": 1,
                            "status": 422,
                            "problem": {
                                "type": "/problems/validation-error",
                                "title": "Request validation failed",
                                "status": 422,
                                "detail": "Invalid value for: text",
                                "errors": [
                                    {
                                        "loc": ["text"],
                                        "field": "text",
                                        "msg": "Value error, text must not be empty "
                                        "or only whitespace",
                                        "type": "value_error",
                                    }
                                ],
                            },
                        },
                    ]
                }
            ]
        }
    )

    results: list[BatchItemResult]
