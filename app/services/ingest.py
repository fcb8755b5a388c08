"""Ingestion: dedupe → extract → write everything in ONE transaction, committed here.

The service owns the transaction (ARCHITECTURE.md, principle 3). It commits
before returning because FastAPI runs dependency teardown after the response
has been sent.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError, NoResultFound
from sqlalchemy.orm import Session

from app.db import articles as article_queries
from app.db.articles import LoadedArticle
from app.db.models import Actor, ActorAlias, ActorName, Article, Event, EventActor, Timex
from app.extraction import types as x
from app.extraction.actors.keys import alias_key

log = logging.getLogger(__name__)

# A concurrent writer can win a unique constraint (article URL/hash, alias key)
# between our lookup and our insert, or PostgreSQL can pick our transaction as a
# deadlock's victim; we re-read and retry this many times.
WRITE_ATTEMPTS = 3
# SQLSTATEs after which the same transaction may succeed: deadlock_detected,
# serialization_failure (the database rolled us back, nothing was written)
_TRANSIENT_SQLSTATES = frozenset({"40P01", "40001"})

_ROLE_STRENGTH = {x.Role.AGENT: 0, x.Role.PATIENT: 1, x.Role.MENTIONED: 2}
_WHITESPACE = re.compile(r"\s+")


class ExtractorLike(Protocol):
    version: str

    def extract(
        self,
        text: str,
        published_at: dt.date | dt.datetime | None,
        received_at: dt.datetime,
    ) -> x.Extraction: ...


@dataclass(frozen=True, slots=True)
class ArticleSubmission:
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published_at: dt.date | dt.datetime | None = None
    language: str = "en"


@dataclass(frozen=True, slots=True)
class IngestResult:
    article: LoadedArticle
    created: bool


def content_hash(text: str) -> str:
    """Hash of the text with whitespace runs collapsed: re-sent copies that differ
    only in spacing or a trailing newline are the same article."""
    normalized = _WHITESPACE.sub(" ", text).strip()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def ingest_article(
    session: Session,
    extractor: ExtractorLike,
    submission: ArticleSubmission,
    *,
    now: dt.datetime | None = None,
) -> IngestResult:
    digest = content_hash(submission.text)
    existing = _existing(session, submission.url, digest)
    if existing is not None:
        return IngestResult(existing, created=False)
    received_at = now or dt.datetime.now(dt.UTC)
    # CPU-bound and slow: done before any write transaction is opened.
    extraction = extractor.extract(submission.text, submission.published_at, received_at)
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            article_id = _write_new_article(session, submission, digest, extraction, extractor)
        except DBAPIError as exc:
            if not _retryable(exc):
                raise
            session.rollback()
            existing = _existing(session, submission.url, digest)
            if existing is not None:
                return IngestResult(existing, created=False)
            if attempt == WRITE_ATTEMPTS:
                raise
            log.info("ingest: write race (%s), retrying (%d)", type(exc.orig).__name__, attempt)
        else:
            return IngestResult(_load(session, article_id), created=True)
    raise AssertionError("unreachable")


def reprocess_article(
    session: Session, extractor: ExtractorLike, article_id: int
) -> LoadedArticle | None:
    """Re-run extraction on a stored article and replace its timexes and events."""
    article = session.get(Article, article_id)
    if article is None:
        return None
    session.commit()  # end the read transaction before the slow extraction
    requested = (
        article.publication()
        if article.published_at_source == x.PublishedAtSource.REQUEST
        else None
    )
    extraction = extractor.extract(article.text, requested, article.created_at)
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            _replace_extraction(session, article_id, extraction, extractor.version)
            break
        except NoResultFound:  # deleted while we were extracting
            return None
        except DBAPIError as exc:
            if not _retryable(exc):
                raise
            session.rollback()
            if attempt == WRITE_ATTEMPTS:
                raise
    return _load(session, article_id)


def _retryable(exc: DBAPIError) -> bool:
    """A lost race: a unique constraint another writer won, or a deadlock or
    serialization failure the database resolved by rolling us back."""
    return isinstance(exc, IntegrityError) or (
        getattr(exc.orig, "sqlstate", None) in _TRANSIENT_SQLSTATES
    )


def delete_article(session: Session, article_id: int) -> bool:
    """Delete the article; the database cascades to its timexes and events."""
    result = session.execute(delete(Article).where(Article.id == article_id))
    session.commit()
    return bool(getattr(result, "rowcount", 0))


def publication_columns(value: dt.date | dt.datetime) -> dict[str, object]:
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
        offset = aware.utcoffset() or dt.timedelta(0)
        return {
            "published_on": aware.date(),
            "published_at": aware,
            "published_has_time": True,
            "published_utc_offset": int(offset.total_seconds() // 60),
        }
    return {
        "published_on": value,
        "published_at": dt.datetime.combine(value, dt.time(), dt.UTC),
        "published_has_time": False,
        "published_utc_offset": None,
    }


def _existing(session: Session, url: str | None, digest: str) -> LoadedArticle | None:
    found = article_queries.find_duplicate(session, url, digest)
    if found is None:
        session.rollback()  # close the read transaction
        return None
    return _load(session, found.id)


def _load(session: Session, article_id: int) -> LoadedArticle:
    # Objects written in this session lack their relationships; read afresh.
    session.expunge_all()
    article = article_queries.get_article(session, article_id)
    session.commit()
    if article is None:  # deleted between our commit and this read
        raise LookupError(f"article {article_id} vanished")
    return article


def _write_new_article(
    session: Session,
    submission: ArticleSubmission,
    digest: str,
    extraction: x.Extraction,
    extractor: ExtractorLike,
) -> int:
    try:
        article = Article(
            url=submission.url,
            title=submission.title,
            source=submission.source,
            text=submission.text,
            language=submission.language,
            published_at_source=extraction.publication.source.value,
            content_hash=digest,
            extractor_version=extractor.version,
            **publication_columns(extraction.publication.value),
        )
        session.add(article)
        session.flush()
        _write_extraction(session, article, extraction)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return article.id


def _replace_extraction(
    session: Session, article_id: int, extraction: x.Extraction, version: str
) -> None:
    try:
        # Write first: on SQLite a read-then-write transaction can fail with
        # SQLITE_BUSY when another writer commits in between; a write takes the lock.
        session.execute(delete(Event).where(Event.article_id == article_id))
        session.execute(delete(Timex).where(Timex.article_id == article_id))
        article = session.get_one(Article, article_id, populate_existing=True)
        for name, value in publication_columns(extraction.publication.value).items():
            setattr(article, name, value)
        article.published_at_source = extraction.publication.source.value
        article.extractor_version = version
        session.flush()
        _write_extraction(session, article, extraction)
        session.commit()
    except BaseException:
        session.rollback()
        raise


def _write_extraction(session: Session, article: Article, extraction: x.Extraction) -> None:
    """Timexes, actors, events and their participants for an already-flushed article.

    Rows go in as ORM bulk INSERTs (one statement per table, ids returned in order)
    rather than one ORM object each: the unit of work costs more than the database.
    """
    timex_ids = _insert_returning_ids(
        session, Timex, [_timex_row(article.id, t) for t in extraction.timexes]
    )
    actor_ids = _upsert_actors(session, extraction.actors)
    session.flush()
    event_ids = _insert_returning_ids(
        session,
        Event,
        [
            _event_row(article, e, timex_ids[e.timex_index] if e.timex_index is not None else None)
            for e in extraction.events
        ],
    )
    links = [
        {
            "event_id": event_id,
            "actor_id": actor_ids[key],
            "role": role.value,
            "start_date": found.start_date,
        }
        for event_id, found in zip(event_ids, extraction.events, strict=True)
        for key, role in _participants(found.participants).items()
    ]
    if links:
        session.execute(insert(EventActor), links)


def _insert_returning_ids(
    session: Session, model: type[Timex] | type[Event], rows: list[dict[str, Any]]
) -> list[int]:
    if not rows:
        return []
    # render_nulls keeps rows with and without NULLs in one batch (see ARCHITECTURE.md).
    stmt = (
        insert(model)
        .returning(model.id, sort_by_parameter_order=True)
        .execution_options(render_nulls=True)
    )
    return list(session.scalars(stmt, rows))


def _participants(participants: Sequence[x.EventParticipant]) -> dict[str, x.Role]:
    """One role per actor and event: the strongest one (agent > patient > mentioned)."""
    roles: dict[str, x.Role] = {}
    for p in participants:
        current = roles.get(p.actor_key)
        if current is None or _ROLE_STRENGTH[p.role] < _ROLE_STRENGTH[current]:
            roles[p.actor_key] = p.role
    return roles


def _actor_keys(actor: x.Actor) -> dict[str, str]:
    """Folded key → surface form, for the canonical name, the key and every alias."""
    keys: dict[str, str] = {}
    for surface in (actor.name, *actor.aliases):
        key = alias_key(surface)
        if key and key not in keys:
            keys[key] = surface
    if actor.key and actor.key not in keys:
        keys[actor.key] = actor.name
    return keys


def _links_by(actor: x.Actor, key: str, owner_canonical: str) -> bool:
    """Whether sharing the alias `key` with a stored actor makes `actor` that actor.

    A lone surname or first name ("Mann", "Steve") is shared by many people: it links a
    person only to a stored actor known by nothing more ("Naryshkin" from an article
    that never gave his first name), never one full name to another ("Anthony Mann"
    is not "Martin Mann"). Other aliases ("Yerevan", "Republic of Armenia") link.
    """
    if actor.kind is x.ActorKind.PERSON and " " not in key:
        return owner_canonical == key
    return True


def _names_more_fully(actor: x.Actor, owner_canonical: str) -> bool:
    return actor.kind is x.ActorKind.PERSON and len(actor.key.split()) > len(
        owner_canonical.split()
    )


def _upsert_actors(session: Session, actors: Sequence[x.Actor]) -> dict[str, int]:
    """Actor ids by extraction key. An actor already exists when one of its alias keys
    does (see `_links_by`); the keys it does not have yet are added as new aliases.

    A writer holds the unique keys it inserts until it commits, so new alias keys go in
    sorted, in one statement: two articles naming the same new actors in opposite
    orders then wait for each other in turn instead of deadlocking."""
    wanted = {key: surface for a in actors for key, surface in _actor_keys(a).items()}
    rows = session.execute(
        select(ActorAlias.key, ActorAlias.actor_id, Actor.name)
        .join(Actor, Actor.id == ActorAlias.actor_id)
        .where(ActorAlias.key.in_(list(wanted)))
    ).tuples()
    owners: dict[str, int] = {}
    canonical: dict[int, str] = {}
    for key, actor_id, name in rows:
        owners[key] = actor_id
        canonical[actor_id] = alias_key(name)
    ids: dict[str, int] = {}
    new_aliases: list[dict[str, Any]] = []
    for actor in actors:
        keys = _actor_keys(actor)
        owner = owners.get(actor.key) or next(
            (owners[k] for k in keys if k in owners and _links_by(actor, k, canonical[owners[k]])),
            None,
        )
        if owner is None:
            row = Actor(name=actor.name, kind=actor.kind.value)
            session.add(row)
            session.flush()
            owner = row.id
            canonical[owner] = actor.key
        elif _names_more_fully(actor, canonical[owner]):
            # "Naryshkin", stored when no article had given more, becomes "Sergey Naryshkin"
            session.execute(update(Actor).where(Actor.id == owner).values(name=actor.name))
            canonical[owner] = actor.key
        added = [k for k in keys if k not in owners]
        new_aliases += [{"actor_id": owner, "name": keys[k], "key": k} for k in added]
        owners.update(dict.fromkeys(added, owner))
        ids[actor.key] = owner
    if new_aliases:
        session.execute(insert(ActorAlias), sorted(new_aliases, key=lambda row: row["key"]))
    _add_names(session, actors, ids)
    return ids


def _add_names(session: Session, actors: Sequence[x.Actor], ids: dict[str, int]) -> None:
    """Record every surface form seen, spelling variants included."""
    seen = {
        (actor_id, name)
        for actor_id, name in session.execute(
            select(ActorName.actor_id, ActorName.name).where(
                ActorName.actor_id.in_(set(ids.values()))
            )
        ).tuples()
    }
    new_names: list[tuple[int, str]] = []
    for actor in actors:
        owner = ids[actor.key]
        for name in dict.fromkeys((actor.name, *actor.aliases)):
            if name.strip() and (owner, name) not in seen:
                new_names.append((owner, name))
                seen.add((owner, name))
    if new_names:
        # By actor, like the alias keys (see _upsert_actors); in the order seen within
        # an actor, as its aliases are listed in that order.
        new_names.sort(key=lambda pair: pair[0])
        rows = [{"actor_id": owner, "name": name} for owner, name in new_names]
        session.execute(insert(ActorName), rows)


def _timex_row(article_id: int, t: x.Timex) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "text": t.text,
        "char_start": t.start,
        "char_end": t.end,
        "type": t.type.value,
        "value": t.value,
        "mod": t.mod,
        "start_date": t.start_date,
        "end_date": t.end_date,
        "granularity": t.granularity.value if t.granularity is not None else None,
        "rule": t.rule,
    }


def _event_row(article: Article, e: x.Event, timex_id: int | None) -> dict[str, Any]:
    return {
        "article_id": article.id,
        "timex_id": timex_id,
        "start_date": e.start_date,
        "end_date": e.end_date,
        "granularity": e.granularity.value,
        "dated_by": e.dated_by.value,
        "trigger_text": e.trigger,
        "trigger_start": e.trigger_start,
        "trigger_end": e.trigger_end,
        "sentence_text": e.sentence,
        "sentence_start": e.sentence_start,
        "sentence_end": e.sentence_end,
        "published_at": article.published_at,
    }
