"""Calendar arithmetic: the one place that knows how long months, weeks,
quarters, seasons and decades are, and how fuzzy modifiers cut them.

Every function returns inclusive (start, end) date pairs.  Conventions are
those of SPEC §4: ISO weeks, northern meteorological seasons (a season is
named by the year it starts in, so winter 2020 = Dec 2020..Feb 2021).
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt

Interval = tuple[dt.date, dt.date]

MIN_YEAR = 1
MAX_YEAR = 9998

SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def last_day(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]


def valid_day(year: int, month: int, day: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12 and 1 <= day <= last_day(year, month)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def day(d: dt.date) -> Interval:
    return d, d


def month(year: int, m: int) -> Interval:
    return dt.date(year, m, 1), dt.date(year, m, last_day(year, m))


def months_span(year: int, first_month: int, n_months: int) -> Interval:
    end_y, end_m = add_months(year, first_month, n_months - 1)
    return dt.date(year, first_month, 1), dt.date(end_y, end_m, last_day(end_y, end_m))


def quarter(year: int, q: int) -> Interval:
    return months_span(year, 3 * (q - 1) + 1, 3)


def half(year: int, h: int) -> Interval:
    return months_span(year, 6 * (h - 1) + 1, 6)


def season(year: int, code: str) -> Interval:
    return months_span(year, SEASON_START_MONTH[code], 3)


def year(y: int) -> Interval:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def decade(first_year: int) -> Interval:
    return dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31)


def century(first_year: int) -> Interval:
    return dt.date(max(first_year, MIN_YEAR), 1, 1), dt.date(first_year + 99, 12, 31)


def iso_week(d: dt.date) -> tuple[int, int]:
    iso = d.isocalendar()
    return iso.year, iso.week


def week_of(d: dt.date) -> Interval:
    monday = d - dt.timedelta(days=d.isoweekday() - 1)
    return monday, monday + dt.timedelta(days=6)


def weekend_of(d: dt.date) -> Interval:
    monday, sunday = week_of(d)
    return sunday - dt.timedelta(days=1), sunday


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def season_of(d: dt.date) -> tuple[int, str]:
    """The season containing `d`, named by the year it starts in."""
    if d.month in (1, 2):
        return d.year - 1, "WI"
    for code, start in (("WI", 12), ("FA", 9), ("SU", 6), ("SP", 3)):
        if d.month >= start:
            return d.year, code
    raise AssertionError("unreachable")


def weekday_on_or_before(ref: dt.date, iso_weekday: int) -> dt.date:
    return ref - dt.timedelta(days=(ref.isoweekday() - iso_weekday) % 7)


def weekday_on_or_after(ref: dt.date, iso_weekday: int) -> dt.date:
    return ref + dt.timedelta(days=(iso_weekday - ref.isoweekday()) % 7)


def shift_days(d: dt.date, n: int) -> dt.date:
    return d + dt.timedelta(days=n)


def _months_cut(start: dt.date, n_months: int, mod: str) -> Interval:
    """Cut a span of whole months into early / mid / late thirds."""
    third = max(n_months // 3, 1)
    if mod == "START":
        return months_span(start.year, start.month, third)
    if mod == "END":
        y, m = add_months(start.year, start.month, n_months - third)
        return months_span(y, m, third)
    y, m = add_months(start.year, start.month, third)
    return months_span(y, m, max(n_months - 2 * third, 1))


def sub_interval(span: Interval, unit: str, mod: str | None) -> Interval:
    """The part of `span` that a fuzzy modifier (START / MID / END) selects."""
    start, end = span
    if mod not in ("START", "MID", "END"):
        return span
    if unit == "month":
        last = end.day
        bounds = {"START": (1, 10), "MID": (11, 20), "END": (21, last)}[mod]
        return start.replace(day=bounds[0]), start.replace(day=bounds[1])
    if unit in ("week", "weekend"):
        offsets = {"START": (0, 2), "MID": (1, 3), "END": (3, 6)}[mod]
        monday = start - dt.timedelta(days=start.isoweekday() - 1)
        return shift_days(monday, offsets[0]), shift_days(monday, offsets[1])
    if unit == "year":
        first = {"START": 1, "MID": 5, "END": 9}[mod]
        return months_span(start.year, first, 4)
    if unit == "decade":
        offsets = {"START": (0, 3), "MID": (4, 6), "END": (7, 9)}[mod]
        return (
            dt.date(start.year + offsets[0], 1, 1),
            dt.date(start.year + offsets[1], 12, 31),
        )
    if unit == "century":
        offsets = {"START": (0, 32), "MID": (33, 65), "END": (66, 99)}[mod]
        return (
            dt.date(start.year + offsets[0], 1, 1),
            dt.date(start.year + offsets[1], 12, 31),
        )
    if unit in ("quarter", "half", "season"):
        n_months = (end.year - start.year) * 12 + end.month - start.month + 1
        return _months_cut(start, n_months, mod)
    return span


def nth_weekday(year: int, month: int, iso_weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month (n = -1: the last one)."""
    if n > 0:
        first = weekday_on_or_after(dt.date(year, month, 1), iso_weekday)
        return first + dt.timedelta(weeks=n - 1)
    return weekday_on_or_before(dt.date(year, month, last_day(year, month)), iso_weekday)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day_ = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day_ + 1)


def holiday(year: int, name: str) -> dt.date:
    """Date of a named (US-centric news) holiday in `year`."""
    fixed = {
        "new_year": (1, 1),
        "new_year_eve": (12, 31),
        "christmas": (12, 25),
        "christmas_eve": (12, 24),
        "independence": (7, 4),
        "halloween": (10, 31),
        "valentine": (2, 14),
        "veterans": (11, 11),
    }
    if name in fixed:
        return dt.date(year, *fixed[name])
    if name == "thanksgiving":
        return nth_weekday(year, 11, 4, 4)
    if name == "labor":
        return nth_weekday(year, 9, 1, 1)
    if name == "memorial":
        return nth_weekday(year, 5, 1, -1)
    if name == "election":  # the Tuesday after the first Monday of November
        return nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    if name == "easter":
        return easter(year)
    if name == "good_friday":
        return easter(year) - dt.timedelta(days=2)
    raise KeyError(name)
