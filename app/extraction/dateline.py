"""Publication date: from the request, else a header or date line in the text, else receipt.

Only the first few hundred characters are searched: a date further down is
part of the story, not its date line. Recognised forms:
  - a header field:        "date 2020-10-06 …", "Published: 2020-10-06T08:00Z"
  - a wire-service opener: "MOSCOW, Oct 6 (Reuters) -", "PARIS, October 6, 2020 (AFP) —"
  - a line of its own:     "May 7, 2005", "7 May 2005", "2005-05-07"
"""

from __future__ import annotations

import datetime as dt
import re

from app.extraction.types import PublicationDate, PublishedAtSource

_HEAD_CHARS = 400

_ISO = r"(?P<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)"
_MONTH_DAY = r"(?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2})(?:, (?P<year>\d{4}))?"
_DAY_MONTH = r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]{2,8})\.?(?: (?P<year>\d{4}))?"

_HEADER_FIELD = re.compile(
    rf"\A\s*(?:date|dated|published|posted|updated)\s*[:=]?\s*{_ISO}(?![\d-])", re.IGNORECASE
)
_WIRE = r"^[A-Z][A-Za-z .'\-]{1,40}, "
_WIRE_TAIL = r" \([A-Za-z .]{2,30}\) ?[-\u2013\u2014]"

# The end of a lone date line: white space other than "\n" (blanks, a no-break space,
# the "\r" of "\r\n"), then "\n" or the text's end. A lookahead, so that the span
# ends with the date: white space appended to a text ending in its date line leaves
# the span as it was.
_LINE_END = r"(?=[^\S\n]*$)"

# Most specific first: an explicit header field, then a wire opener, then a lone date line.
_PATTERNS: tuple[re.Pattern[str], ...] = (
    _HEADER_FIELD,
    re.compile(_WIRE + _MONTH_DAY + _WIRE_TAIL, re.MULTILINE),
    re.compile(_WIRE + _DAY_MONTH + _WIRE_TAIL, re.MULTILINE),
    re.compile(rf"^[ \t]*{_ISO}{_LINE_END}", re.MULTILINE),
    re.compile(rf"^[ \t]*{_MONTH_DAY}{_LINE_END}", re.MULTILINE),
    re.compile(rf"^[ \t]*{_DAY_MONTH}{_LINE_END}", re.MULTILINE),
)

_MONTH_FORMATS = ("%B", "%b")


def resolve_publication(
    text: str,
    published_at: dt.date | dt.datetime | None,
    received_at: dt.datetime,
) -> PublicationDate:
    """The article's reference time and where it came from (request > text > receipt).

    The date line's span is kept even when the request gives the date: a date inside
    the date line is the publication date itself and must not date a story event.
    """
    found = find_dateline(text, received_at)
    if published_at is not None:
        span = found.span if found is not None else None
        return PublicationDate(published_at, PublishedAtSource.REQUEST, span)
    if found is not None:
        return found
    return PublicationDate(received_at, PublishedAtSource.RECEIVED)


def find_dateline(text: str, received_at: dt.datetime) -> PublicationDate | None:
    head = text[:_HEAD_CHARS]
    for pattern in _PATTERNS:
        for match in pattern.finditer(head):
            value = _match_value(match, received_at)
            if value is not None:
                return PublicationDate(value, PublishedAtSource.TEXT, match.span())
    return None


def _match_value(match: re.Match[str], received_at: dt.datetime) -> dt.date | dt.datetime | None:
    parts = match.groupdict()
    if parts.get("iso"):
        return _parse_iso(parts["iso"])
    month = _month_number(parts.get("month") or "")
    if month is None or not parts.get("day"):
        return None
    day = int(parts["day"])
    if parts.get("year"):
        return _safe_date(int(parts["year"]), month, day)
    return _latest_not_after(month, day, received_at.date())


def _parse_iso(raw: str) -> dt.date | dt.datetime | None:
    try:
        if len(raw) == 10:
            return dt.date.fromisoformat(raw)
        return dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None


def _month_number(name: str) -> int | None:
    for fmt in _MONTH_FORMATS:
        try:
            return dt.datetime.strptime(name[:3] if fmt == "%b" else name, fmt).month
        except ValueError:
            continue
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _latest_not_after(month: int, day: int, today: dt.date) -> dt.date | None:
    """A year-less date line names the most recent such day: a wire story is not from the future."""
    for year in (today.year, today.year - 1):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate <= today:
            return candidate
    return None
