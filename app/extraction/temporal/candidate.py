"""Phase-1 output: what a span of text says about time, before anchoring.

A `Meaning` records only what the text states ("May 5", no year; "last
week"; "Friday", direction unknown).  Phase 2 (`anchor.py`) resolves it
against the publication date and the tense of its clause.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

# Meaning.discourse for anaphora resolved against the story's last named date
NARRATIVE = "narrative"
# Meaning.discourse for "until then", "by then": the story's last named date itself
# (a day, month or year); nothing when the story has named none
ANAPHOR = "anaphor"
# Meaning.discourse for "the quarter ended Sept. 30": the quarter the date after
# "ended" closes; the reported quarter when no date follows
QUARTER_ENDED = "quarter_ended"


class Kind(StrEnum):
    CALENDAR = "calendar"  # calendar parts named in the text (year may be missing)
    RELATIVE = "relative"  # a unit shifted from the DCT's ("last week", "tomorrow")
    AGO = "ago"  # N units before/after the DCT ("two years ago")
    WEEKDAY = "weekday"  # a named weekday, direction by modifier or tense
    REF = "ref"  # PAST_REF / PRESENT_REF / FUTURE_REF
    DURATION = "duration"
    SET = "set"


@dataclass(frozen=True, slots=True)
class Meaning:
    kind: Kind
    # day | week | weekend | month | quarter | half | season | year | decade | century
    unit: str = "day"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    # quarter/half number, season code, ISO weekday, decade/century first year
    index: int | str | None = None
    # RELATIVE/AGO: shift in `unit` from the DCT's; CALENDAR: year relative to the DCT's
    offset: int | None = None
    # CALENDAR without a year / WEEKDAY: -1 before the DCT, +1 after, 0 = by tense
    direction: int = 0
    mod: str | None = None
    tod: str | None = None  # part of day (MO/AF/EV/NI) or clock time "HH:MM"
    value: str | None = None  # literal TIMEX3 value (DURATION, SET, REF)
    bound_days: int = 0  # REF: how far the vague interval reaches from the DCT
    # resolved from the discourse rather than the DCT alone: "reported_quarter"
    # ("the quarter", "the latest period") or "year_before" ("a year earlier" in a
    # quarterly report = the reported quarter one year back) or NARRATIVE
    # ("the following month": one month after the last date the story named)
    discourse: str | None = None
    end: Meaning | None = None  # the other end of a range
    fiscal: bool = False  # a quarter numbered by a fiscal year ("the fiscal first quarter")
    # a day moved by whole days once anchored ("the day before last Tuesday": -1)
    shift_days: int = 0
    # the ISO week holding the anchored day ("the week of March 6", "Easter week")
    week_of: bool = False

    def with_mod(self, mod: str | None) -> Meaning:
        return replace(self, mod=mod)


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    rule: str
    meaning: Meaning
    priority: int = 0

    @property
    def length(self) -> int:
        return self.end - self.start
