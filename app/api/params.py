"""Query-parameter types shared by routers, bounded so bad input is a 422, never a 500."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

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
