"""Shared response models: the problem document and small embedded objects."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

# How every date in a request starts; Pydantic alone would also read a string of
# digits as a Unix timestamp ("20200928" as 1970-08-22T19:22:08Z).
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day_only(value: object) -> object:
    if isinstance(value, str) and not ISO_DAY.fullmatch(value):
        raise ValueError("must be a day as YYYY-MM-DD")
    return value


# A day in a query string (`from`, `to`): YYYY-MM-DD and nothing else.
IsoDay = Annotated[dt.date, BeforeValidator(_day_only)]


class FieldError(BaseModel):
    loc: list[str | int] = Field(examples=[["body", "text"]])
    field: str = Field(examples=["text"])
    msg: str = Field(examples=["Value error, text must not be empty or only whitespace"])
    type: str | None = Field(default=None, examples=["value_error"])


class Problem(BaseModel):
    """RFC 9457 problem details, the body of every error response."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": "/problems/validation-error",
                    "title": "Request validation failed",
                    "status": 422,
                    "detail": "Invalid value for: text",
                    "instance": "/articles",
                    "errors": [
                        {
                            "loc": ["body", "text"],
                            "field": "text",
                            "msg": "Value error, text must not be empty or only whitespace",
                            "type": "value_error",
                        }
                    ],
                }
            ]
        }
    )

    type: str
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[FieldError] | None = None


Responses = dict[int | str, dict[str, Any]]

PROBLEM_RESPONSES: Responses = {
    status: {"model": Problem, "content": {"application/problem+json": {}}, "description": text}
    for status, text in {
        400: "Bad request (e.g. an invalid cursor)",
        401: "Missing or invalid X-API-Key",
        404: "Not found",
        413: "Request body too large",
        415: "The body is not JSON (Content-Type: application/json)",
        422: "Validation error naming each field",
    }.items()
}


def problems(*statuses: int) -> Responses:
    return {s: PROBLEM_RESPONSES[s] for s in statuses}


class ArticleRef(BaseModel):
    """The small view of an article embedded in each event."""

    id: int = Field(examples=[12])
    title: str | None = Field(examples=["Fighting erupts in Nagorno-Karabakh"])
    url: str | None = Field(examples=["https://example.com/news/nagorno-karabakh"])
    source: str | None = Field(examples=["reuters"])
    published_at: dt.date | dt.datetime = Field(examples=["2020-09-28"])


class Span(BaseModel):
    text: str
    start: int = Field(description="Character offset in the article text (inclusive)")
    end: int = Field(description="Character offset in the article text (exclusive)")
