"""Query-parameter types shared by routers, bounded so bad input is a 422, never a 500."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query
from pydantic import StringConstraints

# Ids are 32-bit integers in the database; larger values could only ever be "not found".
MAX_ID = 2**31 - 1
NO_NUL = r"^[^\x00]*$"

ArticleIdPath = Annotated[int, Path(ge=1, le=MAX_ID, description="Article id")]
EventIdPath = Annotated[int, Path(ge=1, le=MAX_ID, description="Event id")]
ActorIdPath = Annotated[int, Path(ge=1, le=MAX_ID, description="Actor id")]
Limit = Annotated[int, Query(ge=1, le=500, description="Page size (max 500)")]
Cursor = Annotated[
    str | None,
    Query(max_length=2000, description="Opaque cursor from a previous page's next_cursor"),
]
Source = Annotated[
    str | None, Query(max_length=200, pattern=NO_NUL, description="Exact source name")
]

# Each `actor=` is one condition of the timeline query: bounded, so that `actor_mode=all`
# stays within SQLite's expression depth (1,000) and both backends answer alike.
MAX_ACTORS = 100
ActorNames = Annotated[
    list[Annotated[str, StringConstraints(max_length=200)]] | None,
    Query(
        max_length=MAX_ACTORS,
        description=f"Actor name or any alias (repeatable, at most {MAX_ACTORS}); case-, "
        "accent- and transliteration-insensitive",
        examples=["Turkey"],
    ),
]
