"""Timeline exports for frontends: CSV and Knight Lab TimelineJS JSON."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
from typing import Any

from app.schemas.events import EventOut

CSV_COLUMNS = (
    "id",
    "start_date",
    "end_date",
    "granularity",
    "dated_by",
    "timex_text",
    "timex_value",
    "trigger",
    "sentence",
    "actors",
    "article_id",
    "article_title",
    "article_url",
    "source",
    "published_at",
)


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV
# injection"); article text comes from ingestion jobs, so a leading quote keeps such
# a cell text. Only text cells are guarded: ids and dates never start with these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def events_csv(events: list[EventOut]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in events:
        text_cells = (
            e.timex.text if e.timex else "",
            e.timex.value if e.timex else "",
            e.trigger.text,
            e.sentence.text,
            "; ".join(a.name for a in e.actors),
        )
        article_cells = (e.article.title or "", e.article.url or "", e.article.source or "")
        writer.writerow(
            (
                e.id,
                e.start_date.isoformat(),
                e.end_date.isoformat(),
                e.granularity.value,
                e.dated_by.value,
                *map(_text_cell, text_cells),
                e.article.id,
                *map(_text_cell, article_cells),
                e.article.published_at.isoformat(),
            )
        )
    return buffer.getvalue()


def _timelinejs_date(day: dt.date) -> dict[str, str]:
    return {"year": str(day.year), "month": str(day.month), "day": str(day.day)}


def events_timelinejs(events: list[EventOut]) -> dict[str, Any]:
    """TimelineJS's JSON format: {"events": [{start_date, end_date, text, group, unique_id}]}."""
    items = []
    for e in events:
        item: dict[str, Any] = {
            "unique_id": f"event-{e.id}",
            "start_date": _timelinejs_date(e.start_date),
            # TimelineJS renders both fields as HTML: the article's words go in as text
            "text": {"headline": html.escape(e.trigger.text), "text": html.escape(e.sentence.text)},
        }
        if e.end_date != e.start_date:
            item["end_date"] = _timelinejs_date(e.end_date)
        if e.article.source:
            item["group"] = html.escape(e.article.source)  # a label TimelineJS renders as HTML
        items.append(item)
    return {"events": items}


def prefers_csv(accept: str | None) -> bool:
    """True when the Accept header ranks text/csv above JSON."""
    if not accept:
        return False
    ranks: dict[str, float] = {}
    for part in accept.split(","):
        media, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranks[media.strip().lower()] = q
    csv_rank = ranks.get("text/csv", 0.0)
    json_rank = max(ranks.get("application/json", 0.0), ranks.get("*/*", 0.0))
    return csv_rank > 0 and csv_rank > json_rank
