"""The timeline: GET /events (with exports) and GET /events/{id}."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query, Response
from fastapi.responses import JSONResponse

from app.api import exporters, present
from app.api.deps import ReadAccess, SessionDep
from app.api.params import MAX_ID, NO_NUL, ActorNames, Cursor, EventIdPath, Limit, Source
from app.db import events as queries
from app.errors import InvalidInputError, NotFoundError
from app.extraction.types import DatedBy, Granularity
from app.schemas.common import IsoDay, Responses, problems
from app.schemas.events import EventOut, EventPage

router = APIRouter(tags=["events"], dependencies=[ReadAccess])

_EXPORT_RESPONSES: Responses = {
    200: {
        "description": "The timeline page; CSV with `Accept: text/csv`, TimelineJS JSON "
        "with `format=timelinejs` (next cursor in the `X-Next-Cursor` header for both).",
        "content": {"text/csv": {"example": ",".join(exporters.CSV_COLUMNS) + "\r\n"}},
    }
}


@router.get(
    "/events",
    response_model=EventPage,
    responses=_EXPORT_RESPONSES | problems(400, 401, 422),
    summary="The timeline, filtered and paginated",
)
def list_events(
    session: SessionDep,
    actor: ActorNames = None,
    actor_mode: Annotated[
        Literal["any", "all"], Query(description="Events with any / all of the actors")
    ] = "any",
    date_from: Annotated[
        IsoDay | None, Query(alias="from", description="Events ending on or after this day")
    ] = None,
    date_to: Annotated[
        IsoDay | None, Query(alias="to", description="Events starting on or before this day")
    ] = None,
    q: Annotated[
        str | None,
        Query(min_length=1, max_length=200, pattern=NO_NUL, description="Text in the sentence"),
    ] = None,
    article_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    source: Source = None,
    granularity: Annotated[
        Granularity | None,
        Query(description="Coarsest granularity allowed (day < week < month < … < vague)"),
    ] = None,
    dated_by: DatedBy | None = None,
    order: Literal["asc", "desc"] = "asc",
    limit: Limit = 50,
    cursor: Cursor = None,
    format: Annotated[
        Literal["json", "csv", "timelinejs"] | None,
        Query(description="Export format; `Accept: text/csv` also selects CSV"),
    ] = None,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> EventPage | Response:
    """Dated events ordered by start date, end date, publication, position in the
    article and id (`order=desc` reverses). An unknown actor gives an empty page."""
    if date_from is not None and date_to is not None and date_from > date_to:
        raise InvalidInputError(("query", "from"), "`from` must be on or before `to`")
    filters = queries.EventFilters(
        actors=tuple(actor or ()),
        actor_mode=actor_mode,
        date_from=date_from,
        date_to=date_to,
        q=q,
        article_id=article_id,
        source=source,
        granularity=granularity,
        dated_by=dated_by,
    )
    page = queries.list_events(session, filters, order=order, limit=limit, cursor=cursor)
    items = [present.event_out(e) for e in page.items]
    headers = {"X-Next-Cursor": page.next_cursor} if page.next_cursor else {}
    if format == "csv" or (format is None and exporters.prefers_csv(accept)):
        return Response(
            exporters.events_csv(items), media_type="text/csv; charset=utf-8", headers=headers
        )
    if format == "timelinejs":
        return JSONResponse(exporters.events_timelinejs(items), headers=headers)
    return EventPage(items=items, next_cursor=page.next_cursor)


@router.get(
    "/events/{event_id}",
    response_model=EventOut,
    responses=problems(401, 404, 422),
    summary="One event",
)
def get_event(event_id: EventIdPath, session: SessionDep) -> EventOut:
    event = queries.get_event(session, event_id)
    if event is None:
        raise NotFoundError(f"No event with id {event_id}.")
    return present.event_out(event)
