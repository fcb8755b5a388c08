"""Actor routes: search and detail."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api import present
from app.api.deps import ReadAccess, SessionDep
from app.api.params import ActorIdPath
from app.db import actors as queries
from app.errors import NotFoundError
from app.schemas.actors import ActorDetail, ActorList
from app.schemas.common import problems

router = APIRouter(tags=["actors"], dependencies=[ReadAccess])


@router.get(
    "/actors",
    response_model=ActorList,
    responses=problems(401, 422),
    summary="Search actors by name or alias prefix",
)
def search_actors(
    session: SessionDep,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Prefix of a name, alias or word of one (folded like lookups)",
            examples=["turk"],
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> ActorList:
    """Actors with their event counts, most events first."""
    rows = queries.search_actors(session, q, limit)
    return ActorList(items=[present.actor_summary(actor, n) for actor, n in rows])


@router.get(
    "/actors/{actor_id}",
    response_model=ActorDetail,
    responses=problems(401, 404, 422),
    summary="One actor with its aliases",
)
def get_actor(actor_id: ActorIdPath, session: SessionDep) -> ActorDetail:
    found = queries.get_actor(session, actor_id)
    if found is None:
        raise NotFoundError(f"No actor with id {actor_id}.")
    return present.actor_detail(*found)
