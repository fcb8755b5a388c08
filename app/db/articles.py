"""Article queries: detail (with timexes and events), listing, duplicate lookup."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select, tuple_
from sqlalchemy.orm import Session, defer, selectinload

from app.db.cursor import KeyKind, decode_cursor, encode_cursor
from app.db.models import Article, Event
from app.db.pagination import Order, Page, split_page
from app.db.participants import LoadedEvent, with_participants

CURSOR_KIND = "articles"
SORT_KEY_KINDS: tuple[KeyKind, ...] = ("datetime", "int")

ARTICLE_DETAIL_OPTIONS = (
    selectinload(Article.timexes),
    # an event's timex is one of the article's timexes: already in the identity map
    selectinload(Article.events).joinedload(Event.timex),
)


@dataclass(frozen=True, slots=True)
class LoadedArticle:
    """An article with its timexes and its events (with their participants)."""

    article: Article
    events: list[LoadedEvent]


def get_article(session: Session, article_id: int) -> LoadedArticle | None:
    """Everything an ArticleDetail shows."""
    stmt = select(Article).where(Article.id == article_id).options(*ARTICLE_DETAIL_OPTIONS)
    article = session.scalars(stmt).one_or_none()
    if article is None:
        return None
    return LoadedArticle(article, with_participants(session, article.events))


def find_duplicate(session: Session, url: str | None, content_hash: str) -> Article | None:
    """The stored article with this URL or this content, if any (URL wins)."""
    match = Article.content_hash == content_hash
    if url is not None:
        match = or_(Article.url == url, match)
    rows = session.scalars(select(Article).where(match)).all()
    by_url = [a for a in rows if url is not None and a.url == url]
    candidates = by_url or list(rows)
    return candidates[0] if candidates else None


def list_articles(
    session: Session,
    *,
    source: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    order: Order = "desc",
    limit: int = 50,
    cursor: str | None = None,
) -> Page[Article]:
    stmt = select(Article).options(defer(Article.text, raiseload=True))
    if source is not None:
        stmt = stmt.where(Article.source == source)
    if date_from is not None:
        stmt = stmt.where(Article.published_on >= date_from)
    if date_to is not None:
        stmt = stmt.where(Article.published_on <= date_to)
    columns: tuple[Any, ...] = (Article.published_at, Article.id)
    if cursor:
        after = decode_cursor(cursor, CURSOR_KIND, order, SORT_KEY_KINDS)
        row, keys = tuple_(*columns), tuple_(*after)
        stmt = stmt.where(row > keys if order == "asc" else row < keys)
    ordering = [c.asc() if order == "asc" else c.desc() for c in columns]
    rows = session.scalars(stmt.order_by(*ordering).limit(limit + 1)).all()
    items, has_more = split_page(rows, limit)
    next_cursor = (
        encode_cursor(CURSOR_KIND, order, (items[-1].published_at, items[-1].id))
        if has_more
        else None
    )
    return Page(items=items, next_cursor=next_cursor)
