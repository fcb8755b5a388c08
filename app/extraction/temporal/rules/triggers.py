"""Trigger tokens: the words without which a rule cannot match.

Scanning a text with ~50 patterns costs ~50 ns per character per pattern, so
the tagger first tokenizes the text once (`[A-Za-z]+\\d*|\\d+[A-Za-z]*`) and
runs each rule only in small windows around its trigger tokens.  A test
checks that gated tagging finds exactly what full scans find on the dev
corpus, so a missing trigger cannot go unnoticed.

Numeric tokens map to features: "#num" (any), "#year" (1000–2099 at the
start), "#decade" ("1990s"), "#clock" (followed by ":" or ending in am/pm).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from app.extraction.temporal import lexicon as lx

TOKEN = re.compile(r"[A-Za-z]+\d*|\d+[A-Za-z]*")

# left/right reach of a window around a trigger, in characters
WINDOW_LEFT = 72
WINDOW_RIGHT = 72


def _words(*groups: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for g in groups for w in g)


_MONTHS = _words(lx.MONTHS)
_WEEKDAYS = _words(lx.WEEKDAYS)
_SEASONS = _words(lx.SEASONS)
_PARTS = _words(lx.PARTS_OF_DAY)
_UNITS = _words(lx.UNITS)
_PLURAL_UNITS = frozenset(u for u in _UNITS if u.endswith("s") or u == "centuries")
_PERIOD_UNITS = frozenset({"week", "weekend", "month", "year", "quarter", "decade", "century"})
_MERIDIEM = frozenset({"am", "pm", "m", "noon", "midday", "midnight"})

TRIGGERS: Mapping[str, frozenset[str]] = {
    "absolute.month_day_year": _MONTHS,
    "absolute.day_month_year": _MONTHS,
    "absolute.month_day": _MONTHS,
    "absolute.day_month": _MONTHS,
    "absolute.day_range": _MONTHS,
    "absolute.coordinated_day": _MONTHS,
    "absolute.week_of": frozenset({"week"}),
    "absolute.month_year": _MONTHS,
    "absolute.month_relative_year": _MONTHS,
    "absolute.month": _MONTHS,
    "absolute.iso": frozenset({"#year"}),
    "absolute.numeric": frozenset({"#num"}),
    "absolute.year_range": frozenset({"#year"}),
    "absolute.year_period": frozenset({"#year"}),
    "absolute.fiscal_year": frozenset({"fiscal", "fy"}),
    "absolute.year": frozenset({"#year"}),
    "absolute.spelled_year": frozenset({"nineteen", "twenty", "eighteen", "thousand"}),
    "absolute.spelled_month_year": frozenset({"nineteen", "twenty", "eighteen", "thousand"}),
    "weekday.named": _WEEKDAYS,
    "relative.deictic_day": frozenset({"yesterday", "today", "tomorrow", "tonight"}),
    "relative.part_of_day": _PARTS,
    "relative.unit": _PERIOD_UNITS,
    "relative.the_year": frozenset({"year"}),
    "relative.narrative_day": frozenset({"day"}),
    "relative.ordinal_day": frozenset({"day"}),
    "relative.day_before_after": frozenset({"day"}),
    "relative.elided_last": frozenset({"last"}),
    "relative.until_then": frozenset({"then"}),
    "relative.period_ended": frozenset({"year"}),
    "relative.weekend": frozenset({"weekend"}),
    "relative.season": _SEASONS,
    "relative.ago": frozenset({"ago", "earlier", "later", "before", "back", "now", "hence"}),
    "relative.year_ago": frozenset({"year"}),
    "relative.year_ago_quarter": frozenset({"quarter", "period"}),
    "relative.year_ago_months": frozenset({"months"}),
    "relative.latest_quarter": frozenset({"quarter", "period"}),
    "relative.quarter_ended": frozenset({"quarter"}),
    "relative.year_quarter": frozenset({"quarter", "half"}),
    "relative.part_of_year": frozenset({"year"}),
    "periods.month_span_quarter": _MONTHS,
    "periods.quarter": frozenset({"quarter", "q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q"}),
    "periods.half": frozenset({"half", "h1", "h2", "quarters"}),
    "periods.decade_half": frozenset({"half"}),
    "periods.season": _SEASONS,
    "periods.decade": frozenset(
        {
            "#decade",
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        }
    ),
    "periods.century": frozenset({"century"}),
    "periods.edge": _PERIOD_UNITS,
    "periods.year_end": frozenset({"year"}),
    "vague.present": frozenset(
        {"now", "currently", "present", "presently", "nowadays", "days", "moment"}
    ),
    "vague.past": frozenset({"recently", "lately", "past"}),
    "vague.future": frozenset({"soon", "shortly", "future", "term"}),
    "vague.adjective": frozenset({"current", "recent", "future"}),
    "vague.recent_units": frozenset({"recent", "past"}),
    "vague.past_few_units": frozenset({"few", "several"}),
    "vague.coming_units": frozenset({"coming", "upcoming", "future"}),
    "vague.later_date": frozenset({"date"}),
    "vague.units_ahead": frozenset({"ahead"}),
    "duration.amount": _UNITS,
    "duration.bare_plural": _PLURAL_UNITS,
    "duration.over_the_units": _PLURAL_UNITS,
    "duration.clock": frozenset({"#clock"}),
    "set.every": frozenset({"every", "each"}),
    "relative.pod_day": _PARTS | {"midafternoon", "midmorning", "mid"},
    "set.adverb": frozenset(
        {"daily", "weekly", "monthly", "yearly", "annually", "hourly", "nightly"}
    ),
    "set.per_unit": frozenset({"year", "month", "week", "day", "hour"}),
    "set.weekday_plural": frozenset(_WEEKDAYS) | frozenset(w + "s" for w in _WEEKDAYS),
    "time.clock": _MERIDIEM | {"#clock"},
    "time.clock_part_of_day": frozenset({"morning", "afternoon", "evening", "night"}),
    "holidays.named": frozenset(
        {
            "year",
            "christmas",
            "thanksgiving",
            "independence",
            "fourth",
            "labor",
            "memorial",
            "halloween",
            "valentine",
            "veterans",
            "election",
            "easter",
            "friday",
        }
    ),
}

_DECADE = re.compile(r"\d+0s\Z")


def token_keys(text: str) -> Iterable[tuple[str, int, int]]:
    """(key, start, end) for every token; numeric tokens yield their features."""
    for m in TOKEN.finditer(text):
        tok = m.group(0)
        start, end = m.start(), m.end()
        if not tok[0].isdigit():
            yield tok.lower(), start, end
            continue
        yield "#num", start, end
        digits = tok.rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        if len(digits) == 4 and "1000" <= digits <= "2099":
            yield "#year", start, end
        if _DECADE.match(tok):
            yield "#decade", start, end
        if text[end : end + 1] == ":" or tok.lower().endswith(("am", "pm")):
            yield "#clock", start, end
