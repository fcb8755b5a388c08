"""Gold TIMEX3 values that contradict their own text, found by checks over the whole gold.

    .venv/bin/python -m evaluation.tempeval ../shared/data/tempeval3/TimeBank \
        ../shared/data/tempeval3/AQUAINT --out /tmp/u.jsonl --score --set-aside-contradictions

A value is listed only when the words of its own span rule it out, whatever the
context: a weekday named in the span that is not the weekday of the value's date
("Wednesday" = 1999-02-09, a Tuesday), a month, day or year written in the span
that the value does not have ("Sept. 27, 1989" = 1989-11-27, "the 1988 period" =
1998), a counted duration with another count ("13 years" = P12Y, "six months" =
P6D). Spans that shift what they name ("the day before Tuesday", "a year ago",
"fiscal 1988") are not checked.

The checks read every gold timex, not only those Chronicle gets wrong, so what
they find does not depend on the system being scored. `evaluation.tempeval
--set-aside-contradictions` scores with these gold timexes (and any system timex
overlapping them) left out, beside the official figure, and lists them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from app.extraction.temporal import lexicon as lx

# Word lists only (no rule of the tagger is used to judge the gold).
_WEEKDAYS = sorted(lx.WEEKDAYS, key=lx.WEEKDAYS.__getitem__)  # Monday first, as date.weekday()
# unit → (family, size in the family's base unit): months and days; 12 months = P1Y
_UNITS = {"year": ("month", 12), "month": ("month", 1), "week": ("day", 7), "day": ("day", 1)}
_UNITS |= {"decade": ("month", 120), "century": ("month", 1200)}
_PERIOD_UNITS = {"Y": ("month", 12), "M": ("month", 1), "W": ("day", 7), "D": ("day", 1)}

# Words that make the span name something other than the date it mentions.
_SHIFTS = re.compile(r"\b(?:before|after|ago|earlier|later|since|fiscal|week|weeks)\b", re.I)
_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")
# a year as written: not part of a decade ("1990s") or of a range ("1997-98")
_YEAR_WRITTEN = re.compile(r"(?<![\d$])(1[89]\d\d|20\d\d)(?![\ds]|\s*[-–/]\s*\d)")
_MONTH_DAY = re.compile(r"\b([A-Za-z]+)\.?\s+(\d{1,2})\b")
_COUNTED = re.compile(
    r"(?:(?:about|nearly|almost|more than|at least|over|the (?:past|last|next))\s+)?"
    r"(\d+|[a-z]+)[\s-](year|month|week|day|decade|century)s?",
    re.I,
)
_PERIOD = re.compile(r"P(\d+)([YMWD])")


@dataclass(frozen=True, slots=True)
class Contradiction:
    doc: str
    tid: str
    start: int
    end: int
    text: str
    value: str
    reason: str


def contradiction(text: str, type_: str, value: str) -> str | None:
    """Why `value` cannot be the value of the span `text`, or None."""
    if type_ == "DURATION":
        return _count_contradiction(text, value)
    if type_ not in ("DATE", "TIME") or _SHIFTS.search(text):
        return None
    date = _DATE.match(value)
    if date is None:
        return None
    for check in (_weekday_contradiction, _month_contradiction, _year_contradiction):
        reason = check(text.lower(), date)
        if reason:
            return reason
    return None


def _weekday_contradiction(text: str, date: re.Match[str]) -> str | None:
    named = [d for d in _WEEKDAYS if re.search(rf"\b{d}\b", text)]
    if len(named) != 1 or date.group(3) is None:
        return None
    try:
        day = dt.date(*(int(g) for g in date.groups()))
    except ValueError:
        return f"{date.group(0)} is no calendar date"
    actual = _WEEKDAYS[day.weekday()]
    return None if actual == named[0] else f"names {named[0]}, the value is a {actual}"


def _month_contradiction(text: str, date: re.Match[str]) -> str | None:
    if date.group(2) is None:
        return None
    for word, day in _MONTH_DAY.findall(text) or [(w, "") for w in re.findall(r"[a-z]+", text)]:
        month = lx.MONTHS.get(word)
        if month is None:
            continue
        if month != int(date.group(2)):
            return f"names month {month}, the value has month {int(date.group(2))}"
        if day and date.group(3) is not None and int(day) != int(date.group(3)):
            return f"names day {int(day)}, the value has day {int(date.group(3))}"
    return None


def _year_contradiction(text: str, date: re.Match[str]) -> str | None:
    written = set(_YEAR_WRITTEN.findall(text))
    if len(written) != 1:
        return None
    year = written.pop()
    return None if date.group(1) == year else f"names {year}, the value has {date.group(1)}"


def _count_contradiction(text: str, value: str) -> str | None:
    counted = _COUNTED.fullmatch(text.strip())
    period = _PERIOD.fullmatch(value)
    if counted is None or period is None:
        return None
    word, unit = counted.group(1).lower(), counted.group(2).lower()
    count = int(word) if word.isdigit() else lx.SMALL_NUMBERS.get(word)
    if count is None:
        return None
    family, size = _UNITS[unit]
    if (family, count * size) == _in_base_unit(period):
        return None
    return f"counts {count} {unit}(s), the value is {value}"


def _in_base_unit(period: re.Match[str]) -> tuple[str, int]:
    family, size = _PERIOD_UNITS[period.group(2)]
    return family, int(period.group(1)) * size


def in_document(doc: Any) -> list[Contradiction]:
    """The contradictions among the gold timexes of one document of the shared corpus.py."""
    found = []
    for t in doc.timexes:
        span = doc.text[t.start : t.end]
        reason = contradiction(span, t.type, t.value)
        if reason:
            found.append(Contradiction(doc.doc_id, t.tid, t.start, t.end, span, t.value, reason))
    return found


def unwrap_timexes(source: str, tids: set[str]) -> str:
    """TimeML source with the TIMEX3 tags of `tids` removed and their text kept."""

    def replace(m: re.Match[str]) -> str:
        tid = re.search(r'\btid="([^"]*)"', m.group(1))
        return m.group(2) if tid and tid.group(1) in tids else m.group(0)

    return re.sub(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", replace, source, flags=re.S)
