"""Word tables the temporal rules are built from.

Everything a rule pattern matches by name (months, weekdays, number words,
units, seasons, ordinals) lives here as data, and `alternation()` turns a
table into a regex alternative.  Month and weekday names are matched
case-sensitively (Title or UPPER case) so that the modal "may", the verb
"march" or the pronoun "we" can never look like a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

MONTHS: Mapping[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
# abbreviations must carry their period ("Jan."); bare "Mar"/"Jun" are too risky
MONTH_ABBREVIATIONS = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"}
)
# full names that are also ordinary words or names: need context when alone
AMBIGUOUS_MONTHS = frozenset({"may", "march", "august", "june", "april", "january"})

WEEKDAYS: Mapping[str, int] = {
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
}

SEASONS: Mapping[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}

PARTS_OF_DAY: Mapping[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
}

SMALL_NUMBERS: Mapping[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "one hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
}
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
UNITS_1_9 = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# articles and possessives that open a noun phrase ("the March meeting", "its daily tally")
DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her"})
# quantities that are not numbers: TIMEX3 writes them as X
VAGUE_QUANTITIES = frozenset({"a few", "few", "several", "some", "many", "the past few"})

ORDINALS: Mapping[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "sixth": 6,
    "6th": 6,
    "seventh": 7,
    "7th": 7,
    "eighth": 8,
    "8th": 8,
    "ninth": 9,
    "9th": 9,
    "tenth": 10,
    "10th": 10,
    "eleventh": 11,
    "11th": 11,
    "twelfth": 12,
    "12th": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}
DECADE_WORDS: Mapping[str, int] = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}

# duration unit word -> (TIMEX3 unit code, is a time-of-day unit)
UNITS: Mapping[str, tuple[str, bool]] = {
    "second": ("S", True),
    "seconds": ("S", True),
    "minute": ("M", True),
    "minutes": ("M", True),
    "hour": ("H", True),
    "hours": ("H", True),
    "day": ("D", False),
    "days": ("D", False),
    "week": ("W", False),
    "weeks": ("W", False),
    "fortnight": ("W2", False),
    "month": ("M", False),
    "months": ("M", False),
    "quarter": ("Q", False),
    "quarters": ("Q", False),
    "year": ("Y", False),
    "years": ("Y", False),
    "decade": ("DE", False),
    "decades": ("DE", False),
    "century": ("CE", False),
    "centuries": ("CE", False),
}

MODIFIERS: Mapping[str, str] = {
    "early": "START",
    "earlier": "START",
    "beginning of": "START",
    "start of": "START",
    "mid": "MID",
    "middle of": "MID",
    "late": "END",
    "later": "END",
    "end of": "END",
}


def alternation(words: Iterable[str]) -> str:
    """Longest-first alternation of literal words (spaces match any whitespace)."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def cased_alternation(words: Iterable[str]) -> str:
    """Case-sensitive alternation accepting Title and UPPER case forms only."""
    forms: set[str] = set()
    for w in words:
        forms.add(w[:1].upper() + w[1:])
        forms.add(w.upper())
    return "(?-i:" + alternation(forms) + ")"


def month_alternation() -> str:
    full = [m for m in MONTHS if m not in MONTH_ABBREVIATIONS]
    abbrev = cased_alternation(MONTH_ABBREVIATIONS)
    # an abbreviation needs its period; "Sept" is common enough to allow bare
    return rf"(?:{cased_alternation(full)}|(?:{abbrev})\.|(?-i:Sept|SEPT)\b)"


def month_number(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def number_words() -> str:
    """Number words up to 99 ("twenty-four", "twenty four") and fixed phrases."""
    compound = rf"(?:{'|'.join(TENS)})[\s-](?:{'|'.join(UNITS_1_9)})"
    return rf"(?:{compound}|{alternation(SMALL_NUMBERS)})"


def parse_number(text: str) -> int | None:
    """Value of a number phrase ("24", "twenty-four", "2 1/2" -> 2), None when vague."""
    t = " ".join(text.lower().replace("-", " ").split())
    if t in VAGUE_QUANTITIES:
        return None
    if t.replace(",", "").isdigit():
        return int(t.replace(",", ""))
    first = t.split(" ")[0]
    if first.replace(".", "", 1).isdigit():
        return int(float(first))
    if t in SMALL_NUMBERS:
        return SMALL_NUMBERS[t]
    parts = t.split(" ")
    if len(parts) == 2 and parts[0] in SMALL_NUMBERS and parts[1] in SMALL_NUMBERS:
        return SMALL_NUMBERS[parts[0]] + SMALL_NUMBERS[parts[1]]
    return None
