"""Look-alikes: spans that match a date pattern but are names or figures.

Most look-alikes never match in the first place (month and weekday names are
case-sensitive, lone months need context, years refuse neighbouring digits,
"%" and units); the vetoes here remove what is left.  A candidate whose span
lies inside a veto match is dropped.
"""

from __future__ import annotations

import re

from app.extraction.temporal import lexicon as lx

_TITLE_WORD = r"(?:[A-Z][\w'’.&-]*|\d[\d,.:/]*)"
_DATE_NAMES = lx.cased_alternation([*lx.WEEKDAYS, *lx.MONTHS])
_NAME_WORD = rf"(?!(?:{_DATE_NAMES})\b)[A-Z][\w'’&-]*"

VETOES: tuple[re.Pattern[str], ...] = (
    # product, route, flight and room numbers that look like years
    re.compile(
        r"(?-i:Windows|Agenda|Vision|Office|Boeing|Airbus|Model|model|No\.|Room|room|Flight|"
        r"flight|Route|route|Highway|Interstate|Resolution|resolution|Article|article|"
        r"Section|section|Chapter|chapter|page|Page|number|Number|Apollo|Euro|Expo)"
        r"\s+(?:1[0-9]|20)\d\d\b"
    ),
    # "May" or "June" as a first name before a capitalised surname
    re.compile(
        r"(?<!in\s)(?<!of\s)(?<!by\s)(?<!last\s)(?<!early\s)(?<!late\s)(?<!since\s)"
        r"\b(?-i:May|June|April|August)\s+(?-i:[A-Z][a-z]+)\b(?!\s+\d)"
    ),
    # holidays-as-names and titles where the weekday is not a date
    re.compile(r"\b(?-i:Man\s+Friday|Girl\s+Friday)\b"),
    # a TV programme ("ABC's This Week") and the conjunction "as soon as"
    re.compile(r"\b(?-i:This\s+Week)\b"),
    re.compile(r"\bas\s+soon\s+as\b", re.IGNORECASE),
    # a quoted title: two to six capitalised words (or figures), one of them after the
    # first neither a weekday nor a month, so not running text ("CBS's ''60 Minutes''",
    # "the film ``High Noon''", "''Sunday Morning Live''"; a quoted ''Next Tuesday''
    # stays a date)
    re.compile(
        rf"(?:``|''|\"|“){_TITLE_WORD}(?:\s+{_TITLE_WORD}){{0,4}}?\s+{_NAME_WORD}"
        rf"(?:\s+{_TITLE_WORD}){{0,4}}[.,!?]?(?:''|\"|”)"
    ),
)

NEGATIVES: tuple[str, ...] = (
    "running Windows 2000 on it",
    "Theresa May said",
    "She watched ``48 Hours.''",
    "the CBS show ''Sunday Morning Live'' aired",
    "he told Russia Today",
)
