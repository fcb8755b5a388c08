"""ORM rows → response models. Explicit builders: the stored shape is flat, the
API shape nests spans and small article views."""

from __future__ import annotations

from app.db.articles import LoadedArticle
from app.db.models import Actor, Article, Timex
from app.db.participants import LoadedEvent
from app.extraction import types as x
from app.schemas.actors import ActorDetail, ActorSummary
from app.schemas.articles import ArticleDetail, ArticleSummary, TimexOut
from app.schemas.common import ArticleRef, Span
from app.schemas.events import EventActorOut, EventOut, EventTimex
from app.schemas.extraction import (
    ExtractedActor,
    ExtractedEvent,
    ExtractedParticipant,
    ExtractedTimex,
    ExtractionOut,
    PublicationOut,
)


def event_out(loaded: LoadedEvent) -> EventOut:
    event, article = loaded.event, loaded.event.article
    return EventOut(
        id=event.id,
        article_id=event.article_id,
        start_date=event.start_date,
        end_date=event.end_date,
        granularity=x.Granularity(event.granularity),
        dated_by=x.DatedBy(event.dated_by),
        timex=_event_timex(event.timex),
        trigger=Span(text=event.trigger_text, start=event.trigger_start, end=event.trigger_end),
        sentence=Span(text=event.sentence_text, start=event.sentence_start, end=event.sentence_end),
        actors=[
            EventActorOut(id=p.actor_id, name=p.name, kind=x.ActorKind(p.kind), role=x.Role(p.role))
            for p in loaded.participants
        ],
        article=ArticleRef(
            id=article.id,
            title=article.title,
            url=article.url,
            source=article.source,
            published_at=article.publication(),
        ),
    )


def _event_timex(timex: Timex | None) -> EventTimex | None:
    if timex is None:
        return None
    return EventTimex(
        text=timex.text,
        start=timex.char_start,
        end=timex.char_end,
        value=timex.value,
        mod=timex.mod,
    )


def timex_out(timex: Timex) -> TimexOut:
    return TimexOut(
        id=timex.id,
        text=timex.text,
        start=timex.char_start,
        end=timex.char_end,
        type=x.TimexType(timex.type),
        value=timex.value,
        mod=timex.mod,
        start_date=timex.start_date,
        end_date=timex.end_date,
        granularity=x.Granularity(timex.granularity) if timex.granularity else None,
    )


def article_summary(article: Article) -> ArticleSummary:
    return ArticleSummary(**_summary_fields(article))


def article_detail(loaded: LoadedArticle) -> ArticleDetail:
    article = loaded.article
    return ArticleDetail(
        **_summary_fields(article),
        text=article.text,
        timexes=[timex_out(t) for t in article.timexes],
        events=[event_out(e) for e in loaded.events],
    )


def _summary_fields(article: Article) -> dict[str, object]:
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "source": article.source,
        "language": article.language,
        "published_at": article.publication(),
        "published_at_source": x.PublishedAtSource(article.published_at_source),
        "extractor_version": article.extractor_version,
        "created_at": article.created_at,
    }


def actor_summary(actor: Actor, event_count: int) -> ActorSummary:
    return ActorSummary(
        id=actor.id, name=actor.name, kind=x.ActorKind(actor.kind), event_count=event_count
    )


def actor_detail(actor: Actor, event_count: int) -> ActorDetail:
    return ActorDetail(
        id=actor.id,
        name=actor.name,
        kind=x.ActorKind(actor.kind),
        event_count=event_count,
        aliases=[n.name for n in actor.names],
    )


def extraction_out(extraction: x.Extraction, version: str) -> ExtractionOut:
    return ExtractionOut(
        extractor_version=version,
        publication=PublicationOut(
            published_at=extraction.publication.value, source=extraction.publication.source
        ),
        timexes=[
            ExtractedTimex(
                text=t.text,
                start=t.start,
                end=t.end,
                type=t.type,
                value=t.value,
                mod=t.mod,
                start_date=t.start_date,
                end_date=t.end_date,
                granularity=t.granularity,
                rule=t.rule,
            )
            for t in extraction.timexes
        ],
        actors=[
            ExtractedActor(key=a.key, name=a.name, kind=a.kind, aliases=list(a.aliases))
            for a in extraction.actors
        ],
        events=[
            ExtractedEvent(
                start_date=e.start_date,
                end_date=e.end_date,
                granularity=e.granularity,
                dated_by=e.dated_by,
                timex_index=e.timex_index,
                trigger=Span(text=e.trigger, start=e.trigger_start, end=e.trigger_end),
                sentence=Span(text=e.sentence, start=e.sentence_start, end=e.sentence_end),
                participants=[
                    ExtractedParticipant(actor_key=p.actor_key, role=p.role) for p in e.participants
                ],
            )
            for e in extraction.events
        ],
    )
