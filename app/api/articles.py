"""Article routes: ingest (single and batch), extract, read, list, delete, reprocess."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response, status
from pydantic import ValidationError
from sqlalchemy.orm import Session

from app.api import present
from app.api.deps import (
    ExtractorDep,
    JsonBody,
    ReadAccess,
    SessionDep,
    SettingsDep,
    WriteAccess,
)
from app.api.params import ArticleIdPath, Cursor, Limit, Source
from app.db import articles as queries
from app.errors import InvalidInputError, NotFoundError, problem_body, validation_errors
from app.schemas.articles import (
    ArticleDetail,
    ArticleIn,
    ArticlePage,
    BatchIn,
    BatchItemResult,
    BatchOut,
)
from app.schemas.common import IsoDay, Responses, problems
from app.schemas.extraction import ExtractionOut
from app.services import ingest

log = logging.getLogger(__name__)
router = APIRouter(tags=["articles"])

_DUPLICATE_RESPONSE: Responses = {
    200: {"model": ArticleDetail, "description": "Duplicate: the stored article"}
}


def _submission(body: ArticleIn) -> ingest.ArticleSubmission:
    return ingest.ArticleSubmission(
        text=body.text,
        title=body.title,
        url=body.url,
        source=body.source,
        published_at=body.published_at,
        language=body.language,
    )


def _count_ingest(request: Request, created: bool) -> None:
    metrics = getattr(request.app.state, "metrics", None)
    if metrics is not None:
        metrics.count_ingest(created)


@router.post(
    "/articles",
    status_code=status.HTTP_201_CREATED,
    response_model=ArticleDetail,
    dependencies=[WriteAccess, JsonBody],
    responses=_DUPLICATE_RESPONSE | problems(401, 413, 415, 422),
    summary="Ingest an article",
)
def create_article(
    body: ArticleIn,
    request: Request,
    response: Response,
    session: SessionDep,
    extractor: ExtractorDep,
) -> ArticleDetail:
    """Extract and store an article with its timexes, actors and events.
    A duplicate (same URL, or same text) answers 200 with the stored article."""
    result = ingest.ingest_article(session, extractor, _submission(body))
    _count_ingest(request, result.created)
    if not result.created:
        response.status_code = status.HTTP_200_OK
    return present.article_detail(result.article)


@router.post(
    "/articles/batch",
    response_model=BatchOut,
    dependencies=[WriteAccess, JsonBody],
    responses=problems(401, 413, 415, 422),
    summary="Ingest several articles; per-item results",
)
def create_articles_batch(
    body: BatchIn,
    request: Request,
    session: SessionDep,
    extractor: ExtractorDep,
    settings: SettingsDep,
) -> BatchOut:
    """Each item is validated, deduplicated and stored on its own (its own
    transaction): one bad item does not sink the others."""
    if len(body.items) > settings.batch_max:
        raise InvalidInputError(("body", "items"), f"at most {settings.batch_max} items per batch")
    results = [
        _ingest_item(index, raw, request, session, extractor)
        for index, raw in enumerate(body.items)
    ]
    return BatchOut(results=results)


def _ingest_item(
    index: int, raw: Any, request: Request, session: Session, extractor: ingest.ExtractorLike
) -> BatchItemResult:
    try:
        item = ArticleIn.model_validate(raw)
    except ValidationError as exc:
        errors = validation_errors(exc.errors(include_url=False))
        fields = ", ".join(dict.fromkeys(e["field"] for e in errors))
        problem = problem_body(
            422,
            slug="validation-error",
            title="Request validation failed",
            detail=f"Invalid value for: {fields}",
            errors=errors,
        )
        return BatchItemResult(index=index, status=422, problem=problem)
    try:
        result = ingest.ingest_article(session, extractor, _submission(item))
    except Exception:  # one failing item must not sink the batch
        log.exception("batch item %d failed", index)
        session.rollback()
        problem = problem_body(500, slug="internal-error", detail="Ingestion of this item failed.")
        return BatchItemResult(index=index, status=500, problem=problem)
    _count_ingest(request, result.created)
    return BatchItemResult(
        index=index,
        status=201 if result.created else 200,
        article=present.article_summary(result.article.article),
    )


@router.post(
    "/extract",
    response_model=ExtractionOut,
    dependencies=[WriteAccess, JsonBody],
    responses=problems(401, 413, 415, 422),
    tags=["extraction"],
    summary="Extract without storing",
)
def extract(body: ArticleIn, extractor: ExtractorDep) -> ExtractionOut:
    """What ingestion would store — publication date, timexes, actors, events —
    without storing anything. Guarded like a write: it costs as much CPU as one."""
    extraction = extractor.extract(body.text, body.published_at, dt.datetime.now(dt.UTC))
    return present.extraction_out(extraction, extractor.version)


@router.get(
    "/articles/{article_id}",
    response_model=ArticleDetail,
    dependencies=[ReadAccess],
    responses=problems(401, 404, 422),
    summary="An article with its timexes and events",
)
def get_article(article_id: ArticleIdPath, session: SessionDep) -> ArticleDetail:
    article = queries.get_article(session, article_id)
    if article is None:
        raise NotFoundError(f"No article with id {article_id}.")
    return present.article_detail(article)


@router.get(
    "/articles",
    response_model=ArticlePage,
    dependencies=[ReadAccess],
    responses=problems(400, 401, 422),
    summary="List articles",
)
def list_articles(
    session: SessionDep,
    source: Source = None,
    date_from: Annotated[
        IsoDay | None, Query(alias="from", description="Published on or after")
    ] = None,
    date_to: Annotated[
        IsoDay | None, Query(alias="to", description="Published on or before")
    ] = None,
    order: Literal["asc", "desc"] = "desc",
    limit: Limit = 50,
    cursor: Cursor = None,
) -> ArticlePage:
    """Articles by publication time (newest first unless `order=asc`), keyset-paginated."""
    if date_from is not None and date_to is not None and date_from > date_to:
        raise InvalidInputError(("query", "from"), "`from` must be on or before `to`")
    page = queries.list_articles(
        session,
        source=source,
        date_from=date_from,
        date_to=date_to,
        order=order,
        limit=limit,
        cursor=cursor,
    )
    return ArticlePage(
        items=[present.article_summary(a) for a in page.items], next_cursor=page.next_cursor
    )


@router.delete(
    "/articles/{article_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[WriteAccess],
    responses=problems(401, 404, 422),
    summary="Delete an article and its events",
)
def delete_article(article_id: ArticleIdPath, session: SessionDep) -> Response:
    if not ingest.delete_article(session, article_id):
        raise NotFoundError(f"No article with id {article_id}.")
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/articles/{article_id}/reprocess",
    response_model=ArticleDetail,
    dependencies=[WriteAccess],
    responses=problems(401, 404, 422),
    summary="Re-run extraction on a stored article",
)
def reprocess_article(
    article_id: ArticleIdPath, session: SessionDep, extractor: ExtractorDep
) -> ArticleDetail:
    article = ingest.reprocess_article(session, extractor, article_id)
    if article is None:
        raise NotFoundError(f"No article with id {article_id}.")
    return present.article_detail(article)
