"""Named holidays ("Thanksgiving Day", "Christmas Eve", "Election Day"): a day
whose date the calendar computes for the year tense picks (or the year given);
"Easter week", "Christmas week" are the ISO week holding it."""

from __future__ import annotations

import re

from app.extraction.temporal.candidate import Kind, Meaning
from app.extraction.temporal.rules.base import Example, Rule
from app.extraction.temporal.rules.patterns import YEAR

_NAMES = {
    "new year's day": "new_year",
    "new year's eve": "new_year_eve",
    "christmas day": "christmas",
    "christmas eve": "christmas_eve",
    "christmas": "christmas",
    "thanksgiving day": "thanksgiving",
    "thanksgiving": "thanksgiving",
    "independence day": "independence",
    "fourth of july": "independence",
    "july fourth": "independence",
    "labor day": "labor",
    "memorial day": "memorial",
    "halloween": "halloween",
    "valentine's day": "valentine",
    "veterans day": "veterans",
    "election day": "election",
    "easter sunday": "easter",
    "easter": "easter",
    "good friday": "good_friday",
}


def _holiday(m: re.Match[str], _text: str) -> Meaning | None:
    key = " ".join(m.group("name").lower().replace("’", "'").split())
    year = int(m.group("year")) if m.group("year") else None
    direction = -1 if (m.group("dir") or "").lower() == "last" else 0
    direction = 1 if (m.group("dir") or "").lower() == "next" else direction
    # "Easter week", "Christmas week": the ISO week holding the holiday
    week_of = bool(m.group("week"))
    return Meaning(
        Kind.CALENDAR, "day", index=_NAMES[key], year=year, direction=direction, week_of=week_of
    )


_NAME = (
    r"(?-i:New\s+Year['’]s\s+(?:Day|Eve)|Christmas(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|"
    r"Independence\s+Day|Fourth\s+of\s+July|July\s+Fourth|Labor\s+Day|Memorial\s+Day|"
    r"Halloween|Valentine['’]s\s+Day|Veterans\s+Day|Election\s+Day|Easter(?:\s+Sunday)?|"
    r"Good\s+Friday)"
)

RULES: tuple[Rule, ...] = (
    Rule(
        "holidays.named",
        rf"\b(?:(?P<dir>last|next|this)\s+)?(?P<name>{_NAME})(?P<week>\s+week)?"
        rf"(?:,?\s+(?P<year>{YEAR}))?\b",
        _holiday,
        examples=(
            Example("on [Thanksgiving Day]", "2020-11-26", dct="2020-11-06"),
            Example("[last Christmas]", "2019-12-25", dct="2020-11-06"),
            Example("by [Easter 2021]", "2021-04-04"),
            Example(
                "protesters prayed as [Easter week] began",
                "2000-W16",
                dct="2000-04-17",
                granularity="week",
                start_date="2000-04-17",
                end_date="2000-04-23",
            ),
            Example("shoppers will crowd stores in [Christmas week]", "2020-W52"),
            Example("[last Thanksgiving week]", "2019-W48"),
            # a weekend is no week
            Example("the [Christmas] weekend sales", "2020-12-25"),
        ),
    ),
)

NEGATIVES: tuple[str, ...] = ("the christmas tree",)
