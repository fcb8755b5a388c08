"""Calendar periods: quarters (incl. fiscal "Q3"), halves, seasons, decades,
centuries, and the edges of the current period ("year-end", "the end of the
month")."""

from __future__ import annotations

import re

from app.extraction.temporal import lexicon as lx
from app.extraction.temporal.candidate import Kind, Meaning
from app.extraction.temporal.rules.base import Example, Rule, word_before
from app.extraction.temporal.rules.patterns import MONTH, ORDINAL, RB, SEASON, YEAR

_QUARTER_ORD = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"


def _year_group(m: re.Match[str]) -> int | None:
    for name in ("year", "year2"):
        value = m.groupdict().get(name)
        if value:
            return int(value)
    return None


# a half or quarter of a game, not of the year: a word only sport uses in the same
# sentence within 40 characters ("a touchdown in the fourth quarter", "the first half
# ended goalless"); words business shares ("scored", "goals", "led", "points",
# "game") are left out
_SPORT = re.compile(
    r"\b(?:halftime|half-time|touchdowns?|goalless|field\s+goal|innings?|quarterback|"
    r"striker|goalkeeper|referee|kickoff|penalty\s+kick|free\s+kick|three-pointers?|"
    r"equali[sz](?:ed|er))\b",
    re.IGNORECASE,
)
_SPORT_REACH = 40
_SENTENCE_PUNCT = re.compile(r"[.;!?]")


def _in_a_game(m: re.Match[str], text: str) -> bool:
    lo = max(0, m.start() - _SPORT_REACH)
    left = text[lo : m.start()]
    left = left[max((p.end() for p in _SENTENCE_PUNCT.finditer(left)), default=0) :]
    right = text[m.end() : m.end() + _SPORT_REACH]
    stop = _SENTENCE_PUNCT.search(right)
    right = right[: stop.start()] if stop else right
    return bool(_SPORT.search(left) or _SPORT.search(right))


def _quarter(m: re.Match[str], text: str) -> Meaning | None:
    if _in_a_game(m, text):
        return None
    d = m.groupdict()
    number = d.get("qnum") or d.get("qnum2")
    q = int(number) if number else lx.ORDINALS[d["ord"].lower()]
    if not 1 <= q <= 4:
        return None
    fiscal = "fiscal" in m.group(0).lower()
    return Meaning(Kind.CALENDAR, "quarter", index=q, year=_year_group(m), fiscal=fiscal)


def _month_span_quarter(m: re.Match[str], _text: str) -> Meaning | None:
    """ "the October-December quarter": three months that make a calendar quarter."""
    first, last = lx.month_number(m.group("m1")), lx.month_number(m.group("m2"))
    if first % 3 != 1 or last != first + 2:
        return None  # "the November-January quarter": a fiscal span, no calendar quarter
    return Meaning(Kind.CALENDAR, "quarter", index=(first + 2) // 3, year=_year_group(m))


def _half(m: re.Match[str], text: str) -> Meaning | None:
    if _in_a_game(m, text):
        return None
    d = m.groupdict()
    if d.get("qord"):  # "the first two quarters of 1990" = H1
        h = 1 if d["qord"].lower() == "first" else 2
    else:
        h = (
            int(d["hnum"]) if d.get("hnum") else (1 if d["hord"].lower() == "first" else 2)
        )  # second/last/latter
    return Meaning(Kind.CALENDAR, "half", index=h, year=_year_group(m))


_SEASON_CONTEXT = frozenset(
    ["in", "the", "during", "since", "until", "through", "by", "early", "late", "mid", "this"]
)


# "fall" is mostly the noun ("the fall in prices"); the season after these only
_FALL_CONTEXT = frozenset(
    ["in", "during", "over", "into", "until", "through", "by", "since", "early", "late", "mid"]
)


def _season(m: re.Match[str], text: str) -> Meaning | None:
    word = m.group("season").lower()
    year = _year_group(m)
    if year is None:
        if not m.group("the") and word_before(text, m.start()) not in _SEASON_CONTEXT:
            return None  # "spring water"
        if word == "fall" and (
            word_before(text, m.start()) not in _FALL_CONTEXT
            or re.match(r"\s+(?:in|on|to|from|by|was|is)\b", text[m.end() : m.end() + 6])
        ):
            return None  # "the fall in prices", "a fall of 5%": "in the fall" only
        if re.match(r"\s+of\b", text[m.end() : m.end() + 4]):
            return None  # "the fall of Rome", "the spring of discontent"
    return Meaning(Kind.CALENDAR, "season", index=lx.SEASONS[word], year=year)


def _decade(m: re.Match[str], _text: str) -> Meaning | None:
    d = m.groupdict()
    if d.get("full"):
        first = int(d["full"])
    elif d.get("short"):
        first = 1900 + int(d["short"])
    else:
        first = 1900 + 10 * lx.DECADE_WORDS[d["word"].lower()]
    return Meaning(Kind.CALENDAR, "decade", index=first)


def _decade_half(m: re.Match[str], text: str) -> Meaning | None:
    # "the last half of the '80s": the decade, its first or second half as the mod
    decade = _decade(m, text)
    if decade is None:
        return None
    return decade.with_mod("START" if m.group("hord").lower() == "first" else "END")


def _century(m: re.Match[str], _text: str) -> Meaning | None:
    n = lx.ORDINALS.get(m.group("cent").lower())
    if n is None:
        digits = re.sub(r"\D", "", m.group("cent"))
        n = int(digits) if digits else 0
    if not 1 <= n <= 30:
        return None
    return Meaning(Kind.CALENDAR, "century", index=(n - 1) * 100)


_EDGE_MOD = {"beginning": "START", "start": "START", "middle": "MID", "end": "END", "close": "END"}


def _period_edge(m: re.Match[str], text: str) -> Meaning | None:
    mod = _EDGE_MOD[m.group("edge").lower()]
    unit = m.group("unit").lower()
    offset = {"this": 0, "the": 0, "last": -1, "next": 1}[m.group("which").lower()]
    return Meaning(Kind.RELATIVE, unit, offset=_since_end(offset, mod, m.start(), text), mod=mod)


def _year_end(m: re.Match[str], text: str) -> Meaning | None:
    return Meaning(Kind.RELATIVE, "year", offset=_since_end(0, "END", m.start(), text), mod="END")


def _since_end(offset: int, mod: str, start: int, text: str) -> int:
    """ "The percentage change is since year-end" (in October): what has lasted since
    an end lies behind it, so the current period's end, still ahead, is the previous
    period's."""
    if offset == 0 and mod == "END" and word_before(text, start) == "since":
        return -1
    return offset


_OF_YEAR = rf"(?:\s+(?:of\s+)?(?P<year2>{YEAR}))?"

RULES: tuple[Rule, ...] = (
    Rule(
        "periods.month_span_quarter",
        rf"\b(?:the\s+)?(?P<m1>{MONTH})\s?[-–/]\s?(?P<m2>{MONTH})\s+(?:quarter|period)"
        rf"{_OF_YEAR}{RB}",
        _month_span_quarter,
        examples=(
            Example(
                "Sony posted a profit for [the October-December quarter].",
                "2024-Q4",
                dct="2025-02-10",
            ),
            Example("profit in [the July-September period]", "2024-Q3", dct="2024-11-05"),
            Example("sales in [the April-June quarter of 2023]", "2023-Q2", dct="2024-11-05"),
        ),
    ),
    Rule(
        "periods.quarter",
        rf"\b(?:the\s+)?(?:(?P<year>{YEAR})\s+)?(?:fiscal[\s-]+)?"
        rf"(?:{_QUARTER_ORD}(?:[\s-]+fiscal)?[\s-]+quarter|Q(?P<qnum>[1-4])|(?P<qnum2>[1-4])Q)"
        rf"{_OF_YEAR}{RB}",
        _quarter,
        examples=(
            Example("[the third quarter]", "1989-Q3", dct="1989-10-30", granularity="quarter"),
            Example("[Third-quarter] profit", "1989-Q3", dct="1989-10-30"),
            Example("[the fourth quarter]", "1997-Q4", dct="1998-01-20"),
            # a game's quarter is no date (_in_a_game: words only sport uses); business
            # words do not count ("scored", "goals")
            Example("It met its sales goals in [the fourth quarter].", "1997-Q4", dct="1998-01-20"),
            # a quarter not yet begun is last year's, unless the clause looks ahead; a
            # future clause leaves a begun or ended quarter in this year (its report is
            # what lies ahead)
            Example("Sales rose in [the fourth quarter].", "2022-Q4", dct="2023-09-14"),
            Example("Sales will rise in [the fourth quarter].", "2023-Q4", dct="2023-09-14"),
            Example(
                "Analysts expect sales to rise in [the fourth quarter].",
                "2023-Q4",
                dct="2023-09-14",
            ),
            Example(
                "Analysts expect [third-quarter] earnings to fall.", "1989-Q3", dct="1989-10-20"
            ),
            Example("[the 1988 third quarter]", "1988-Q3", dct="1989-10-30"),
            Example("[the fiscal first quarter]", "1989-Q1", dct="1989-10-26"),
            Example("results for [Q3 2020]", "2020-Q3", start_date="2020-07-01"),
            Example("in [fiscal Q3]", "2020-Q3"),
            # a numbered quarter "ended <date>" is in the year of its closing date ...
            Example(
                "In the year-ago quarter, [the second quarter] ended Oct. 31, it lost money.",
                "1988-Q2",
                dct="1989-10-27",
            ),
            Example(
                "It lost $5 million for [the fourth quarter] ended Aug. 26.",
                "1989-Q4",
                dct="1989-11-01",
            ),
            # ... which is mostly this year's
            Example("net for [the third quarter] ended Sept. 30", "1989-Q3", dct="1989-11-01"),
            Example("a loss for [the fourth quarter] ending Dec. 31", "1989-Q4", dct="1989-10-26"),
        ),
    ),
    Rule(
        "periods.half",
        rf"\b(?:the\s+)?(?:(?P<year>{YEAR})\s+)?(?:(?P<hord>first|second|last|latter)[\s-]+half|"
        rf"(?P<qord>first|last)\s+two\s+quarters|H(?P<hnum>[12]))\b{_OF_YEAR}",
        _half,
        examples=(
            Example("[the second half of 1990]", "1990-H2", dct="1989-10-30"),
            Example("[the last half of 1989]", "1989-H2", dct="1989-10-26"),
            Example("through [the first two quarters of 1990]", "1990-H1", dct="1989-10-26"),
        ),
    ),
    Rule(
        "periods.season",
        rf"\b(?P<the>the\s+)?(?P<season>{SEASON})\b(?:\s+(?:of\s+|in\s+)?(?P<year2>{YEAR}))?",
        _season,
        examples=(
            Example("in [the winter of 1994]", "1994-WI", dct="1998-01-08"),
            Example("in [spring 2021]", "2021-SP", start_date="2021-03-01"),
            Example("the plant opens in [the fall]", "2020-FA", dct="2020-06-01"),
            Example("the plant opens in [early fall]", "2020-FA", dct="2020-06-01", mod="START"),
            # a participle after "get" is a passive, no past cue: the future stays
            Example(
                "the sector is going to start getting beat up in [the spring]",
                "1998-SP",
                dct="1998-02-06",
            ),
            Example("Workers will get paid in [the spring].", "1998-SP", dct="1998-02-06"),
            # ... while "got" is itself past
            Example("The sector got beat up in [the spring].", "1997-SP", dct="1998-02-06"),
            Example("The sector was beaten in [the spring].", "1997-SP", dct="1998-02-06"),
        ),
    ),
    Rule(
        "periods.decade",
        r"\b(?:the\s+)?(?:(?P<full>(?:1[0-9]|20)\d0)['’]?s|['’](?P<short>\d0)['’]?s|"
        r"(?:nineteen[\s-])?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|"
        r"eighties|nineties))\b",
        _decade,
        examples=(
            Example("[the 1990s]", "199", granularity="decade", start_date="1990-01-01"),
            Example("in [the '80s]", "198"),
            Example("[the nineties]", "199"),
        ),
    ),
    Rule(
        "periods.decade_half",
        r"\b(?:the\s+)?(?P<hord>first|second|last|latter)[\s-]+half\s+of\s+(?:the\s+)?"
        r"(?:(?P<full>(?:1[0-9]|20)\d0)['’]?s|['’](?P<short>\d0)['’]?s)\b",
        _decade_half,
        examples=(Example("[the last half of the '80s]", "198", dct="1989-10-26"),),
    ),
    Rule(
        "periods.century",
        rf"\b(?:the\s+)?(?P<cent>{ORDINAL}|\d{{1,2}}(?:st|nd|rd|th))[\s-]+century\b",
        _century,
        examples=(
            Example("[the 20th century]", "19", granularity="century", start_date="1900-01-01"),
        ),
    ),
    Rule(
        "periods.edge",
        r"\b(?:the\s+)?(?P<edge>beginning|start|middle|end|close)\s+of\s+"
        r"(?P<which>this|the|last|next)\s+(?P<unit>week|month|year|quarter|decade)\b",
        _period_edge,
        priority=1,
        examples=(
            Example("[the end of the year]", "2020", mod="END", start_date="2020-09-01"),
            Example("[the end of this week]", "2020-W45", mod="END"),
            # "since" looks back: the end still ahead is the previous one
            Example("Prices rose since [the end of the year].", "2019", mod="END"),
            Example("since [the beginning of the year]", "2020", mod="START"),
        ),
    ),
    Rule(
        "periods.year_end",
        r"\b(?:the\s+)?year(?:[\s-]|['’]s\s+)end\b",
        _year_end,
        examples=(
            Example("by [year-end]", "1989", dct="1989-10-26", mod="END"),
            Example("in place by [year's end]", "1989", dct="1989-10-26", mod="END"),
            # "since" looks back: the year-end still ahead is last year's
            Example("The change is since [year-end].", "1988", dct="1989-10-30", mod="END"),
            Example("The change is until [year-end].", "1989", dct="1989-10-30", mod="END"),
        ),
    ),
)

NEGATIVES: tuple[str, ...] = (
    "after the fall of the regime",
    "the fall in prices was steep",
    "since the fall of 5% in the index",
    "spring water",
    "he was second in the race",
    "the 20th of the players",
    # a game's quarter or half (_in_a_game)
    "The striker came on early in [the second half].",
    "a touchdown in [the fourth quarter] sealed it",
    "[The first half] ended goalless.",
)
