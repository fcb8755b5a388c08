"""Relative references: yesterday/today/tomorrow, this/last/next <unit>,
"N units ago/earlier", and the financial "year-ago quarter" family.

"three days later", "two weeks before the vote": TimeML marks only the amount
("three days", a DURATION) and leaves "later"/"before"/"after" to a signal,
because they are anchored to an event, not to the publication date.  "ago",
"earlier", "from now" and "hence" stay in the expression."""

from __future__ import annotations

import re
from dataclasses import replace

from app.extraction.temporal import lexicon as lx
from app.extraction.temporal import timex3
from app.extraction.temporal.candidate import ANAPHOR, NARRATIVE, QUARTER_ENDED, Kind, Meaning
from app.extraction.temporal.rules.absolute import calendar_day
from app.extraction.temporal.rules.base import Example, Rule
from app.extraction.temporal.rules.patterns import (
    DAYNUM,
    MONTH,
    NUMBER,
    ORDINAL,
    PART_OF_DAY,
    PHRASE_END,
    RB,
    SEASON,
    WEEKDAY,
    YEAR,
)
from app.extraction.temporal.rules.weekday import WEEKDAY_DIRECTION, weekday_meaning

_DEICTIC = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}
# Names that end in "Today" (a channel, a newspaper): never the DCT
_TODAY_NAME = re.compile(r"(?-i:[A-Z][\w.]*)\s+\Z")


# "today's world", "today's youth", "many of today's personal computers": the
# present era in general, not the day of writing (unannotated in TimeBank, the
# TIDES guidelines' example of a generic "today"); "today's editions", "today's
# vote" are the day
_GENERIC_NOUNS = (
    r"(?:world|society|youth|young|generations?|children|kids|teenagers|economy|"
    r"technology|culture|(?:personal\s+)?computers|people|leaders|men|women|workers|"
    r"cars|cities|citizens|students)"
)
_GENERIC_TODAY = re.compile(rf"['’]s\s+{_GENERIC_NOUNS}\b", re.IGNORECASE)
# "the people of tomorrow", "the world of today", "the leaders of yesterday": an era
_GENERIC_OF = re.compile(rf"\b{_GENERIC_NOUNS}\s+of\s+\Z", re.IGNORECASE)


def _deictic(m: re.Match[str], text: str) -> Meaning | None:
    word = m.group("deictic").lower()
    if word == "today" and m.group("deictic")[0] == "T" and _is_name_part(text, m.start()):
        return None  # "Russia Today", "USA Today"
    if word == "today" and _GENERIC_TODAY.match(text, m.end()):
        return None
    if word != "tonight" and _GENERIC_OF.search(text, max(0, m.start() - 40), m.start()):
        return None
    pod = m.group("pod")
    tod = "NI" if word == "tonight" else lx.PARTS_OF_DAY[pod.lower()] if pod else None
    return Meaning(Kind.RELATIVE, "day", offset=_DEICTIC[word], tod=tod)


def _is_name_part(text: str, start: int) -> bool:
    """True when a capitalised word (not a sentence start) precedes."""
    left = text[max(0, start - 30) : start]
    m = _TODAY_NAME.search(left)
    if not m:
        return False
    before = left[: m.start()].rstrip()
    return bool(before) and before[-1] not in ".!?\"“”'‘’:\n"


def _this_part_of_day(m: re.Match[str], _text: str) -> Meaning | None:
    offset = -1 if m.group("which").lower() == "last" else 0
    return Meaning(Kind.RELATIVE, "day", offset=offset, tod=lx.PARTS_OF_DAY[m.group("pod").lower()])


def _pod_day_groups(m: re.Match[str], _text: str) -> Meaning | None:
    # "mid-afternoon yesterday", "by mid afternoon" (the publication day)
    day = (m.group("deictic") or m.group("deictic2") or "today").lower()
    tod = lx.PARTS_OF_DAY[(m.group("pod") or m.group("pod2")).lower()]
    return Meaning(Kind.RELATIVE, "day", offset=_DEICTIC[day], tod=tod)


_SHIFT = {
    "this": 0,
    "current": 0,
    "the current": 0,
    "last": -1,
    "past": -1,
    "previous": -1,
    "the previous": -1,
    "the past": -1,
    "this past": -1,
    "the last": -1,
    "the latest": -1,
    "the most recent": -1,
    "next": 1,
    "coming": 1,
    "the coming": 1,
    "the next": 1,
    "the following": 1,
    "following": 1,
    "this coming": 1,
    "the same": 0,
    "that": 0,
}


def _period_ended(m: re.Match[str], _text: str) -> Meaning | None:
    # (a "quarter ended Sept. 30" stays a DATE: the calendar quarter it names)
    return Meaning(Kind.DURATION, value="P1Y")


def _the_year(m: re.Match[str], _text: str) -> Meaning | None:
    return Meaning(Kind.RELATIVE, "year", offset=0)


def _the_weekend(m: re.Match[str], _text: str) -> Meaning | None:
    # the weekend of the Saturday before/after the DCT, by tense (see anchor)
    return Meaning(Kind.WEEKDAY, "weekend", index=6)


# a comparison of figures: "up from $3 million last year", "compared with last year";
# a figure must lie between, so "a threat from the brewing giant, which last year
# accounted for 41% of sales" is the year, not the reported quarter a year back
_COMPARISON_LEFT = re.compile(
    r"(?:\bfrom|\bthan|\bwith|\bvs\.?|\bversus)\b(?:\s*|(?=[^.;]{0,60}?[\d$£€%])[^.;]{0,60})\Z"
    r"|[\d%]\W{0,3}\Z",
    re.IGNORECASE,
)


# anaphoric: "the following month" is the month after the last date the story
# named, not after the publication date ("next month", "the next year" are deictic)
_NARRATIVE_WHICH = frozenset(
    ["the previous", "previous", "the following", "following", "the same", "that"]
)


def _unit_shift(m: re.Match[str], text: str) -> Meaning | None:
    which = " ".join(m.group("which").lower().split())
    shift = _SHIFT[which]
    unit = m.group("unit").lower()
    discourse = NARRATIVE if which in _NARRATIVE_WHICH else None
    if unit == "century" and which in ("the past", "the last"):
        return Meaning(Kind.DURATION, value="P100Y")  # the last hundred years
    if which in ("the latest", "the most recent") and unit not in ("year", "month", "week"):
        return None  # "the latest quarter" is the reported quarter (relative.latest_quarter)
    if unit == "quarter" and discourse:
        # "that quarter", "the previous quarter": the quarter the report is about
        return Meaning(Kind.RELATIVE, unit, offset=shift - 1, discourse="reported_quarter")
    possessive = text[m.end() : m.end() + 2] in ("'s", "’s")
    if (
        unit == "quarter"
        and which == "this"
        and possessive
        and _STATED_FIGURE.match(text, m.end())
        and not _FORECAST_BEFORE.search(text, max(0, m.start() - 80), m.start())
    ):
        # "This quarter's loss includes pretax charges" after a report of the quarter
        # ended Sept. 30: the reported quarter (the current one when none is reported)
        return Meaning(Kind.RELATIVE, unit, offset=0, discourse="reported_quarter")
    comparison = _COMPARISON_LEFT.search(text, max(0, m.start() - 60), m.start())
    if unit == "year" and shift == -1 and comparison and not possessive:
        discourse = "year_before"  # "up from $3 million last year" in a quarterly report
    return Meaning(Kind.RELATIVE, unit, offset=shift, discourse=discourse)


# a figure of the quarter stated as a fact, no forecast within its sentence: "This
# quarter's loss includes pretax charges", not "this quarter's results will suffer",
# "Analysts expect this quarter's earnings to fall", "this quarter's earnings of
# $1.05 a share will fall short" (a decimal point ends no sentence). The looks stop
# after 200 characters ahead and 80 behind: an unbounded one made a text without
# sentence ends quadratic
_FORECAST = (
    r"\b(?:will|would|shall|could|may|might|should|expects?|expected|likely|forecasts?|"
    r"projected|estimated|anticipated|predicts?|predicted|going\s+to)\b"
)
_IN_SENTENCE = r"(?:[^.;!?]|(?<=\d)\.(?=\d))"
_STATED_FIGURE = re.compile(
    r"['’]s\s+(?:(?:net|operating|pretax|per-share)\s+)?"
    r"(?:loss|losses|profit|profits|earnings|results|net|income|revenue|revenues|sales)\b"
    rf"(?!{_IN_SENTENCE}{{0,200}}{_FORECAST})",
    re.IGNORECASE,
)
_FORECAST_BEFORE = re.compile(rf"{_FORECAST}{_IN_SENTENCE}*\Z", re.IGNORECASE)

_DAY_SHIFT = {"the following": 1, "the next": 1, "the previous": -1, "the same": 0, "that": 0}


def _narrative_day(m: re.Match[str], _text: str) -> Meaning | None:
    shift = _DAY_SHIFT[" ".join(m.group("which").lower().split())]
    return Meaning(Kind.RELATIVE, "day", offset=shift, discourse=NARRATIVE)


# "Today is the eighth day of Desert Shield", "It's the second day of an offensive":
# after a present-tense copula the Nth day of something is the day of writing
_PRESENT_COPULA = re.compile(r"\b(?:is|it['’]s|today['’]s)\s+\Z", re.IGNORECASE)


# "the day before last Tuesday's hearing", "the day after Oct. 12", "the day before
# yesterday": the named day moved by one; the article is outside the expression, as
# TimeML spans it ("The [day before last Tuesday]'s federal court hearing")
def _day_before_after(m: re.Match[str], text: str) -> Meaning | None:
    shift = -1 if m.group("rel").lower() == "before" else 1
    day: Meaning | None
    if m.group("deictic"):
        day = Meaning(Kind.RELATIVE, "day", offset=_DEICTIC[m.group("deictic").lower()])
    elif m.group("weekday"):
        day = weekday_meaning(m, text)
    else:
        day = calendar_day(m, text)
    return None if day is None else replace(day, shift_days=shift)


# "twice as high a dividend this year as last", "more this month than last": the
# period the comparison just named, elided after "last" (only with "this <unit>"
# earlier in the sentence; "at last", "the last", "last but not least" stay out)
# (the greedy start finds the nearest "this <unit>": "more this year than last, less
# this quarter than last")
_THIS_UNIT_LEFT = re.compile(
    r".*\bthis\s+(?:fiscal\s+)?(?P<unit>year|quarter|month|week)\b(?:[^.;!?]|\.(?=\d)){0,80}\Z",
    re.IGNORECASE | re.DOTALL,
)


def _elided_last(m: re.Match[str], text: str) -> Meaning | None:
    this = _THIS_UNIT_LEFT.search(text, max(0, m.start() - 100), m.start())
    if this is None:
        return None
    return Meaning(Kind.RELATIVE, this.group("unit").lower(), offset=-1)


def _ordinal_day(m: re.Match[str], text: str) -> Meaning | None:
    if not _PRESENT_COPULA.search(text, max(0, m.start() - 12), m.start()):
        return None
    return Meaning(Kind.RELATIVE, "day", offset=0)


def _until_then(_m: re.Match[str], _text: str) -> Meaning | None:
    return Meaning(Kind.RELATIVE, "day", offset=0, discourse=ANAPHOR)


def _season_shift(m: re.Match[str], _text: str) -> Meaning | None:
    which = " ".join(m.group("which").lower().split())
    if which in ("this past", "the latest", "the most recent"):
        # "this past spring": the latest such season that is over
        return Meaning(
            Kind.CALENDAR, "season", index=lx.SEASONS[m.group("season").lower()], direction=-1
        )
    # TimeML reads "last spring" as the previous year's spring, "this summer" as this year's
    return Meaning(
        Kind.CALENDAR,
        "season",
        index=lx.SEASONS[m.group("season").lower()],
        offset=_SHIFT[which] if which not in ("this coming", "coming", "next") else None,
        direction=1 if _SHIFT[which] > 0 else 0,
    )


_AGO_SIGN = {
    "ago": -1,
    "earlier": -1,
    "back": -1,
    "previously": -1,
    "from now": 1,
    "hence": 1,
    "on": 1,
}
_AGO_UNITS = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
    "quarter": "quarter",
    "quarters": "quarter",
}


def _ago(m: re.Match[str], _text: str) -> Meaning | None:
    unit = _AGO_UNITS[m.group("unit").lower()]
    amount = lx.parse_number(m.group("num"))
    sign = _AGO_SIGN[" ".join(m.group("dir").lower().split())]
    if amount is None:
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Meaning(Kind.REF, value=value, bound_days=_UNIT_DAYS[unit] * 5)
    if m.group("dir").lower() == "earlier" and unit in ("day", "week", "month"):
        # "a day earlier" is narrative ("…; a day earlier, trucks rolled in"): TimeBank
        # writes the amount, as for "three days later" (DURATION P1D)
        code = {"day": "D", "week": "W", "month": "M"}[unit]
        return Meaning(Kind.DURATION, value=timex3.duration_value(amount, code))
    if unit == "decade":
        unit, amount = "year", amount * 10
    discourse = "year_before" if (unit, sign * amount) == ("year", -1) else None
    return Meaning(Kind.AGO, unit, offset=sign * amount, discourse=discourse)


_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "quarter": 91, "year": 365, "decade": 3650}


def _year_ago(m: re.Match[str], _text: str) -> Meaning | None:
    return Meaning(Kind.RELATIVE, "year", offset=-1, discourse="year_before")


def _year_ago_months(m: re.Match[str], _text: str) -> Meaning | None:
    months = lx.parse_number(m.group("num"))
    return Meaning(Kind.DURATION, value=timex3.duration_value(months, "M"))


def _year_ago_quarter(m: re.Match[str], _text: str) -> Meaning | None:
    # the reported quarter a year back; without one, the last completed quarter's
    return Meaning(Kind.RELATIVE, "quarter", offset=-5, discourse="year_before")


def _quarter_ended(m: re.Match[str], _text: str) -> Meaning | None:
    # the date after "ended" names the quarter (resolved in the tagger, once that
    # date is anchored); without one it is the reported quarter
    return Meaning(Kind.RELATIVE, "quarter", offset=-1, discourse=QUARTER_ENDED)


def _latest_quarter(m: re.Match[str], _text: str) -> Meaning | None:
    return Meaning(Kind.RELATIVE, "quarter", offset=-1, discourse="reported_quarter")


# the year named by "this/the/last/next year", as an offset from the DCT's
_YEAR_SHIFT = {"this": 0, "the": 0, "last": -1, "next": 1}


def _quarter_of_year(m: re.Match[str], _text: str) -> Meaning | None:
    shift = _YEAR_SHIFT[m.group("which").lower()]
    ordinal = m.group("ord")
    if ordinal is None:
        return Meaning(Kind.RELATIVE, "quarter", offset=-1 + 4 * shift)
    return Meaning(
        Kind.CALENDAR, m.group("unit").lower(), index=lx.ORDINALS[ordinal.lower()], offset=shift
    )


# "the second half of next year", "the first quarter of next year", "March of next
# year", "the summer of last year": the part is in the year named after "of", not the
# DCT's (read apart, "the second half" on Dec. 29 was this year's and "next year" a
# timex of its own)
def _part_of_year(m: re.Match[str], _text: str) -> Meaning | None:
    shift = _YEAR_SHIFT[m.group("which").lower()]
    if m.group("month"):
        return Meaning(
            Kind.CALENDAR, "month", month=lx.month_number(m.group("month")), offset=shift
        )
    if m.group("season"):
        code = lx.SEASONS[m.group("season").lower()]
        return Meaning(Kind.CALENDAR, "season", index=code, offset=shift)
    unit = m.group("unit").lower()
    ordinal = m.group("ord").lower()
    count = 4 if unit == "quarter" else 2
    index = count if ordinal in ("last", "latter") else lx.ORDINALS[ordinal]
    if index > count:
        return None
    return Meaning(Kind.CALENDAR, unit, index=index, offset=shift)


_WHICH = (
    r"(?P<which>this\s+coming|the\s+current|the\s+previous|the\s+following|the\s+coming|"
    r"the\s+next|the\s+same|the\s+past|the\s+last|the\s+latest|the\s+most\s+recent|"
    r"this\s+past|this|current|last|past|"
    r"previous|next|coming|following|that)"
)

RULES: tuple[Rule, ...] = (
    Rule(
        "relative.deictic_day",
        rf"\b(?P<deictic>yesterday|today|tomorrow|tonight)\b(?:\s+(?P<pod>{PART_OF_DAY})\b)?",
        _deictic,
        examples=(
            Example("profits rose [yesterday]", "1989-10-25", dct="1989-10-26"),
            Example("[Today] is the day", "2020-11-06"),
            Example("[tomorrow morning]", "2020-11-07TMO", type="TIME"),
            Example("[Tonight]", "2020-11-06TNI", type="TIME"),
            Example("advertised in [today]'s editions of the Journal", "2020-11-06"),
            Example("the events of [yesterday] shocked them", "2020-11-05"),
            Example("as of [tomorrow], the rule applies", "2020-11-07"),
        ),
    ),
    Rule(
        "relative.pod_day",
        r"\b(?:mid[\s-]?(?P<pod>morning|afternoon)(?:\s+(?P<deictic>yesterday|today|tomorrow))?"
        r"|(?P<pod2>morning|afternoon|evening)\s+(?P<deictic2>yesterday|today|tomorrow))\b",
        _pod_day_groups,
        examples=(
            Example("at [mid-afternoon yesterday]", "1989-11-01TAF", dct="1989-11-02", type="TIME"),
            Example("By [mid afternoon], sources said", "1998-03-06TAF", dct="1998-03-06"),
        ),
    ),
    Rule(
        "relative.part_of_day",
        rf"\b(?P<which>this|last)\s+(?P<pod>{PART_OF_DAY})\b",
        _this_part_of_day,
        examples=(
            Example("[this morning]", "2020-11-06TMO", type="TIME"),
            Example("[last night]", "2020-11-05TNI", type="TIME"),
        ),
    ),
    Rule(
        "relative.unit",
        rf"\b{_WHICH}\s+(?:(?:fiscal|calendar|full)\s+)?"
        r"(?P<unit>week|weekend|month|year|quarter|decade|century)\b(?!-)",
        _unit_shift,
        examples=(
            Example(
                "director Kiselyov [this week]",
                "2020-W45",
                start_date="2020-11-02",
                end_date="2020-11-08",
                granularity="week",
            ),
            Example("[last week]", "1989-W42", dct="1989-10-27"),
            Example("[last month]", "1998-01", dct="1998-02-27"),
            Example("[next year]", "1990", dct="1989-10-30"),
            Example("C$8 billion in sales in [the latest fiscal year].", "1988", dct="1989-10-30"),
            Example("[this weekend]", "2020-W45-WE", start_date="2020-11-07"),
            Example("[the coming year]", "2021"),
            Example(
                "In March it got an offer. [The following month], it was sold.",
                "1989-04",
                dct="1989-10-27",
            ),
            Example("Imports were $5 million in 1988, a record [that year].", "1988"),
            Example("He was elected in 1996 and resigned [the following year].", "1997"),
            Example("[the following week] the board meets", "2020-W46"),
            Example("events of [the past century]", "P100Y", type="DURATION"),
            Example("in [this century]", "20", dct="2000-06-01"),
            # "this quarter's loss includes ...": a stated figure of "this quarter" in
            # a report of an ended quarter is that quarter's ...
            Example(
                "It lost $5 million in the third quarter ended Sept. 30, against a profit "
                "a year earlier. [This quarter]'s loss includes pretax charges.",
                "1989-Q3",
                dct="1989-11-01",
            ),
            # ... not a forecast, nor with no quarter reported
            Example(
                "It lost $5 million in the third quarter ended Sept. 30. [This quarter]'s "
                "results will suffer from the strike.",
                "1989-Q4",
                dct="1989-11-01",
            ),
            Example(
                "It lost $5 million in the third quarter ended Sept. 30. Analysts expect "
                "[this quarter]'s earnings to fall.",
                "1989-Q4",
                dct="1989-11-01",
            ),
            Example(
                "It lost $5 million in the third quarter ended Sept. 30. [This quarter]'s "
                "earnings of about $1.05 a share will fall short.",
                "1989-Q4",
                dct="1989-11-01",
            ),
            Example(
                "It lost $5 million in the third quarter ended Sept. 30. [This quarter]'s "
                "sales are going to be weak.",
                "1989-Q4",
                dct="1989-11-01",
            ),
            Example("[This quarter]'s loss includes pretax charges.", "1989-Q4", dct="1989-11-01"),
            Example(
                "It lost $5 million in the third quarter ended Sept. 30. Sales are weak "
                "[this quarter].",
                "1989-Q4",
                dct="1989-11-01",
            ),
        ),
    ),
    Rule(
        "relative.narrative_day",
        r"\b(?P<which>the\s+(?:following|next|previous|same)|that)\s+day\b(?!-)",
        _narrative_day,
        examples=(
            Example("Talks began March 3, 1997. [The next day], he left.", "1997-03-04"),
            Example("It rained on Oct. 12 and fell [the following day].", "2020-10-13"),
            Example("He arrived on Monday and spoke [that day].", "2020-11-02"),
        ),
    ),
    Rule(
        "relative.day_before_after",
        r"(?<=\bthe\s)day\s+(?P<rel>before|after)\s+(?:(?P<deictic>yesterday|tomorrow)\b"
        rf"|{WEEKDAY_DIRECTION}(?P<weekday>{WEEKDAY})(?!['’]s\s+(?-i:[A-Z]))\b"
        rf"|(?P<month>{MONTH})\s{{0,2}}(?P<day>{DAYNUM})(?:,?\s+(?P<year>{YEAR}))?{RB})",
        _day_before_after,
        examples=(
            Example(
                "The [day before last Tuesday]'s court hearing, he left",
                "2000-02-21",
                dct="2000-02-24",
            ),
            Example("He arrived the [day after Oct. 12].", "2020-10-13"),
            Example("on the [day before March 1, 2000]", "2000-02-29"),
            Example("Talks resume the [day after next Monday].", "2020-11-10"),
            Example("Talks resume the [day after this coming Monday].", "2020-11-10"),
            Example("the [day before yesterday]", "2020-11-04"),
            Example("the [day after tomorrow]", "2020-11-08"),
        ),
    ),
    Rule(
        "relative.elided_last",
        rf"(?:(?<=\bas\s)|(?<=\bthan\s))last\b(?=\s*(?:{PHRASE_END})|\s+(?:and|or|but)\b)",
        _elided_last,
        examples=(
            Example("twice as high a dividend this year as [last].", "1988", dct="1989-10-27"),
            Example("It earned more this year than [last], he said.", "2019"),
            Example("Sales rose faster this quarter than [last].", "2020-Q3"),
            # the nearest "this <unit>" is the one compared
            Example(
                "It earned more this year than last, less this quarter than [last].", "2020-Q3"
            ),
        ),
    ),
    Rule(
        "relative.ordinal_day",
        rf"\bthe\s+(?:{ORDINAL})\s+(?:straight\s+|consecutive\s+|full\s+)?day\b(?!-)",
        _ordinal_day,
        examples=(
            Example(
                "In Saudi Arabia, today is [the eighth day] of the operation",
                "1990-08-15",
                dct="1990-08-15",
            ),
            Example("It's [the second day] of an offensive", "1998-03-06", dct="1998-03-06"),
        ),
    ),
    Rule(
        "relative.until_then",
        # "The stock will terminate on Nov. 30. Until then, …": the date just named
        # ("since then" is a stretch up to now: not annotated)
        r"(?:(?<=\buntil\s)|(?<=\btill\s)|(?<=\bby\s))then\b(?![-'’])",
        _until_then,
        examples=(
            Example(
                "The right will terminate on Nov. 30. Until [then], it is convertible.",
                "1989-11-30",
                dct="1989-10-30",
            ),
            Example("It will be finished in 1995; by [then] the plant", "1995", dct="1989-10-30"),
        ),
    ),
    Rule(
        "relative.period_ended",
        # "for the year ended Sept. 30": a fiscal period measured, not a calendar year
        r"\bthe\s+(?:(?:fiscal|full)\s+)?(?P<unit>year)(?=\s+(?:ended|ending)\b)",
        _period_ended,
        examples=(
            Example("net for [the year] ended Aug. 31", "P1Y", dct="1989-10-26", type="DURATION"),
        ),
    ),
    Rule(
        "relative.the_year",
        r"\bthe\s+(?:(?:full|fiscal|calendar)\s+)?year\b(?![\s-]+(?:ended|ending|to|before|after|"
        r"earlier|ago|in|of|and|that|when|two\s+thousand)\b)(?!['’-])",
        _the_year,
        priority=-1,
        examples=(Example("sales for [the full year] were", "1989", dct="1989-10-26"),),
    ),
    Rule(
        "relative.weekend",
        r"\bthe\s+weekend\b",
        _the_weekend,
        examples=(
            Example("officials said over [the weekend]", "1990-W32-WE", dct="1990-08-13"),
            Example("talks will resume after [the weekend]", "2020-W45-WE"),
            Example(
                "traders squared positions ahead of [the weekend]", "1989-W44-WE", dct="1989-10-30"
            ),
        ),
    ),
    Rule(
        "relative.season",
        rf"\b{_WHICH}\s+(?P<season>{SEASON})\b",
        _season_shift,
        examples=(
            Example("[this summer]", "1998-SU", dct="1998-03-22", granularity="season"),
            Example("[last spring]", "1988-SP", dct="1989-10-26"),
            Example("[this past spring]", "1989-SP", dct="1989-10-30"),
        ),
    ),
    Rule(
        "relative.ago",
        rf"\b(?:(?:about|nearly|almost|some|more\s+than|over|just|only)\s+)?(?P<num>{NUMBER})[\s-]"
        rf"(?P<unit>days?|weeks?|months?|years?|decades?|quarters?)(?:\s+or\s+so)?\s+"
        r"(?P<dir>ago|earlier|back|from\s+now|hence)\b",
        _ago,
        examples=(
            Example("[a year ago]", "1988", dct="1989-10-26"),
            Example("[two years ago]", "2018"),
            Example("[five months ago]", "2020-06"),
            Example("[10 days ago]", "2020-10-27"),
            Example("[two weeks ago]", "2020-W43"),
            Example("[a year earlier]", "1988", dct="1989-10-26"),
            Example("[A day earlier], trucks rolled in", "P1D", type="DURATION"),
            Example("[several years ago]", "PAST_REF"),
        ),
    ),
    Rule(
        "relative.year_ago",
        # adjectival "year-ago results": the article is not part of the expression
        r"\byear-(?:ago|earlier)\b(?!\s+(?:quarter|period))",
        _year_ago,
        priority=-1,
        examples=(Example("[year-earlier] results", "1988", dct="1989-10-26"),),
    ),
    Rule(
        "relative.year_ago_months",
        # "the year-earlier nine months": the comparison period, written as its length
        r"\b(?:the\s+)?year-(?:earlier|ago)\s+(?:first\s+)?(?P<num>six|nine|6|9)\s+months\b",
        _year_ago_months,
        examples=(Example("Net for [the year-earlier nine months] rose", "P9M", type="DURATION"),),
    ),
    Rule(
        "relative.year_ago_quarter",
        r"\b(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?"
        r"(?:year[\s-](?:ago|earlier)|last\s+year['’]s|prior[\s-]year)"
        r"(?:\s+(?:third|second|first|fourth|fiscal))?\s+(?:quarter|period)\b"
        # "the corresponding period last year", "the quarter a year ago"
        r"|\bthe\s+(?:(?:comparable|corresponding|same|year-earlier)\s+)?(?:quarter|period)"
        r"(?:\s+of)?\s+(?:last\s+year|a\s+year\s+(?:ago|earlier)|the\s+(?:previous|prior)\s+year)\b",
        _year_ago_quarter,
        examples=(
            Example("[the year-ago quarter]", "1988-Q3", dct="1989-10-26"),
            Example(
                "$2 a share for [the corresponding period last year]", "1988-Q3", dct="1989-10-26"
            ),
            Example("For [the quarter a year ago], it earned", "1988-Q3", dct="1989-10-26"),
        ),
    ),
    Rule(
        "relative.quarter_ended",
        # "for the quarter ended Sept. 30": the quarter the date closes (see tagger)
        r"\bthe\s+(?:(?:fiscal|latest|most\s+recent)\s+)?quarter(?=\s+(?:ended|ending)\s)",
        _quarter_ended,
        priority=1,
        examples=(
            Example("For [the quarter] ended Sept. 30, Delta posted", "1989-Q3", dct="1989-10-26"),
            # May-July: most of it lies in the second calendar quarter
            Example("In [the quarter] ended July 31, Jayark had", "1989-Q2", dct="1989-10-30"),
            Example("a loss for [the quarter] ending Dec. 31", "1989-Q4", dct="1989-10-26"),
            Example("net for [the quarter] ended Sept. 30, 1988", "1988-Q3", dct="1989-10-26"),
            Example("charges for [the quarter] ended yesterday", "1989-Q3", dct="1989-10-30"),
            # no date after "ended": the reported quarter, as for "the quarter"
            Example("[The quarter] ended badly for the company", "1989-Q3", dct="1989-10-30"),
        ),
    ),
    Rule(
        "relative.latest_quarter",
        r"\b(?:the\s+)?(?:latest|most\s+recent|recent|just[\s-]ended)\s+(?:quarter|period)\b"
        r"|\bthe\s+quarter\b(?!-)",
        _latest_quarter,
        examples=(Example("[the latest quarter]", "1989-Q3", dct="1989-10-26"),),
    ),
    Rule(
        "relative.year_quarter",
        rf"\b(?P<which>this|last|next)\s+year['’]s\s+(?:(?P<ord>{ORDINAL})[\s-])?"
        r"(?P<unit>quarter|half)\b",
        _quarter_of_year,
        examples=(Example("[next year's first quarter]", "1990-Q1", dct="1989-10-26"),),
    ),
    Rule(
        "relative.part_of_year",
        rf"\b(?:(?:the\s+)?(?P<ord>{ORDINAL}|last|latter)[\s-]+(?P<unit>quarter|half)|"
        rf"(?:the\s+)?(?P<season>{SEASON})|(?P<month>{MONTH}))"
        r"\s+of\s+(?P<which>this|the|last|next)\s+year\b(?!['’])",
        _part_of_year,
        examples=(
            Example(
                "The chip will ship in [the second half of next year].", "2025-H2", dct="2024-12-29"
            ),
            Example(
                "Sales will recover in [the first quarter of next year].",
                "2026-Q1",
                dct="2025-03-05",
            ),
            Example("It peaked in [the third quarter of last year].", "2024-Q3", dct="2025-03-05"),
            Example(
                "Revenue should rise in [the last quarter of this year].",
                "2025-Q4",
                dct="2025-03-05",
            ),
            Example("The plant will open in [March of next year].", "2026-03", dct="2025-03-05"),
            # "the year" alone is the DCT's, as everywhere else
            Example(
                "Growth should pick up in [the second half of the year].",
                "2025-H2",
                dct="2025-03-05",
            ),
            Example("Talks stalled in [December of last year].", "2024-12", dct="2025-03-05"),
            Example("The vote is due in [the spring of next year].", "2026-SP", dct="2025-03-05"),
            # "of last year's <noun>": the part is of that noun (a season, a plan), not the year
            Example("He missed the first half of [last year]'s season.", "2024", dct="2025-03-05"),
        ),
    ),
)

NEGATIVES: tuple[str, ...] = (
    "He left on the second day of the talks.",
    # "of last year's <noun>": a part of that noun, not of the year
    "[The fall of] last year's government",
    # "last" elides a period only after "this <unit>" in the same sentence
    "It was as good as last.",
    "This year he spoke first. His rival spoke as [last].",
    "This year he ran as fast as [last] time.",
    "Until then, nobody knew.",
    "Prices have risen since then.",
    "not to mothers in today's world, where",
    "If I were choosing the people of tomorrow, I would",
    "the world of today is faster",
    "the chips of choice in many of today's personal computers",
    "In an interview conducted by Russia Today news agency director-general",
    "he told USA Today in an interview",
)
