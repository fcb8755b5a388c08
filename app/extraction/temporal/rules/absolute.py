"""Absolute dates: full and partial calendar dates in common news formats."""

from __future__ import annotations

import calendar
import re
from dataclasses import replace

from app.extraction.temporal import dateparser_adapter
from app.extraction.temporal import lexicon as lx
from app.extraction.temporal.candidate import Kind, Meaning
from app.extraction.temporal.rules.base import Example, Rule, text_after, word_before
from app.extraction.temporal.rules.patterns import (
    DAYNUM,
    LB,
    MONTH,
    PHRASE_END,
    RB,
    SEASON,
    WEEKDAY,
    YEAR,
)

_WD = rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?"
_DAY_END = r"(?!\d)(?![.:]\d)"


def _day(m: re.Match[str]) -> int:
    return int(re.sub(r"\D", "", m.group("day")))


def calendar_day(m: re.Match[str], _text: str) -> Meaning:
    year = int(m.group("year")) if m.groupdict().get("year") else None
    return Meaning(
        Kind.CALENDAR, "day", year=year, month=lx.month_number(m.group("month")), day=_day(m)
    )


def _month_year(m: re.Match[str], _text: str) -> Meaning | None:
    return Meaning(
        Kind.CALENDAR, "month", year=int(m.group("year")), month=lx.month_number(m.group("month"))
    )


_REL_YEAR = {"last": -1, "this": 0, "next": 1}


def _month_rel_year(m: re.Match[str], _text: str) -> Meaning | None:
    return Meaning(
        Kind.CALENDAR,
        "month",
        month=lx.month_number(m.group("month")),
        offset=_REL_YEAR[m.group("rel").lower()],
    )


# words that make a lone month name a date ("in May", "since March", "last June")
_MONTH_CONTEXT = frozenset(
    [
        "in",
        "for",
        "since",
        "until",
        "till",
        "through",
        "by",
        "during",
        "before",
        "after",
        "from",
        "to",
        "of",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
        "between",
        "and",
        "or",
        "until",
    ]
)
_MONTH_DIRECTION = {"last": -1, "next": 1, "this": 0}


# "under a June agreement", "the March meeting": a month before a noun, after a
# determiner (not "the March of Dimes")
_NOUN_AFTER = re.compile(r"\s+(?!(?:of|and|or|to|in|for|on|at|by|is|was)\b)(?-i:[a-z]{3,})\b")


def _bare_month(m: re.Match[str], text: str) -> Meaning | None:
    word = m.group("month").rstrip(".")
    before = "last" if m.group("dir") else word_before(text, m.start())
    attributive = before in lx.DETERMINERS and bool(_NOUN_AFTER.match(text, m.end()))
    if before not in _MONTH_CONTEXT and text[m.start() - 1 : m.start()] != "-" and not attributive:
        # "May" the modal or a name, "March" the verb: a lone month needs context
        return None
    if re.match(r"\s+(?-i:[A-Z])[a-z]", text_after(text, m.end(), 3)) and word.lower() == "may":
        return None  # "in May Day", a name
    return Meaning(
        Kind.CALENDAR,
        "month",
        month=lx.month_number(word),
        direction=_MONTH_DIRECTION.get((m.group("dir") or "").lower(), 0),
        offset=0 if (m.group("dir") or "").lower() == "this" else None,
    )


def _iso(m: re.Match[str], _text: str) -> Meaning | None:
    return Meaning(
        Kind.CALENDAR,
        "day",
        year=int(m.group("year")),
        month=int(m.group("mon")),
        day=int(m.group("dd")),
    )


def _numeric(m: re.Match[str], _text: str) -> Meaning | None:
    d = dateparser_adapter.parse_absolute_date(m.group(0))
    return (
        None if d is None else Meaning(Kind.CALENDAR, "day", year=d.year, month=d.month, day=d.day)
    )


_VETO_AFTER_YEAR = re.compile(
    r"\s*(?:%|percent|per\s+cent|people|persons|troops|points?|shares|votes|feet|"
    r"meters|metres|miles|km|kilometers|tons|tonnes|barrels|units|dollars|acres|"
    r"hectares|pages|words|members|employees|workers|jobs|deaths|cases)\b",
    re.IGNORECASE,
)
_YEAR_CONTEXT_BEFORE = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "through",
        "by",
        "during",
        "before",
        "after",
        "from",
        "to",
        "of",
        "the",
        "and",
        "or",
        "early",
        "late",
        "mid",
        "fiscal",
        "year",
        "calendar",
        "between",
        "around",
        "about",
        "circa",
    ]
)


# "a joint venture called Orion 1980", "Windows 2000": a capitalised name right
# before a year, inside a sentence, makes it part of the name (not a sentence's
# first word, nor a title-case headline's "In 1989"; date words before a year are
# matched whole by their own rules)
_NAME_BEFORE_YEAR = re.compile(r"(?<=[\w,;:)] )(?-i:[A-Z][a-z]+)\s\Z")
_NOT_NAME = frozenset(
    ["in", "since", "until", "till", "through", "by", "during", "before", "after", "from"]
    + ["to", "of", "and", "or", "the", "early", "late", "mid", "fiscal", "year", "calendar"]
    + ["between", "around", "about", "circa", "for", "at", "on", "summer", "winter", "spring"]
    + ["fall", "autumn", "christmas", "easter", "class"]
)


def _bare_year(m: re.Match[str], text: str) -> Meaning | None:
    year = int(m.group("year"))
    if _VETO_AFTER_YEAR.match(text, m.end()):
        return None  # "1990 people": a figure
    name = _NAME_BEFORE_YEAR.search(text, max(0, m.start() - 30), m.start())
    if name and name.group(0).strip().lower() not in _NOT_NAME:
        return None
    if not 1900 <= year <= 2099 and word_before(text, m.start()) not in _YEAR_CONTEXT_BEFORE:
        return None
    before = text[max(0, m.start() - 2) : m.start()]
    if re.search(r"(?:No|no|#)\.?\s?$", before):
        return None
    if before.endswith("a ") and re.match(r"-[a-z]", text[m.end() : m.end() + 2]):
        return None  # "a 2000-member force": a figure
    return Meaning(Kind.CALENDAR, "year", year=year)


def _year_period(m: re.Match[str], _text: str) -> Meaning | None:
    # in a quarterly report "the 1988 period" is the reported quarter of 1988
    return Meaning(Kind.CALENDAR, "year", year=int(m.group("year")), discourse="in_year")


def _fiscal_year(m: re.Match[str], _text: str) -> Meaning | None:
    year = int(m.group("year"))
    if year < 100:
        year += 1900 if year >= 30 else 2000
    return Meaning(Kind.CALENDAR, "year", year=year)


_TEENS = {"nineteen": 19, "twenty": 20, "eighteen": 18}
_SPELLED_TAIL = (
    rf"(?:(?:{'|'.join(lx.TENS)})(?:[\s-](?:{'|'.join(lx.UNITS_1_9)}))?|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    rf"(?:oh|o)[\s-](?:{'|'.join(lx.UNITS_1_9)}))"
)


_SPELLED_YEAR = (
    rf"(?:(?P<thousand>(?:the\s+year\s+)?two\s+thousand(?:\s+and)?(?:\s+(?P<thousand_tail>"
    rf"{lx.number_words()}))?)|(?P<century>nineteen|twenty|eighteen)[\s-](?P<tail>{_SPELLED_TAIL}))\b"
)

_UNIT_AFTER = re.compile(
    r"\s+(?:years?|days?|months?|weeks?|people|dollars|troops|men|soldiers|miles)\b", re.IGNORECASE
)


def _spelled_year(m: re.Match[str], text: str) -> Meaning | None:
    if _UNIT_AFTER.match(text, m.end()):
        return None  # "two thousand years", "nineteen twenty people": amounts
    if m.groupdict().get("thousand"):
        tail = lx.parse_number(m.group("thousand_tail")) if m.group("thousand_tail") else 0
        return Meaning(Kind.CALENDAR, "year", year=2000 + (tail or 0))
    century = _TEENS[m.group("century").lower()]
    tail_text = re.sub(r"^(?:oh|o)[\s-]", "", m.group("tail").lower())
    tail = lx.parse_number(tail_text)
    return None if tail is None else Meaning(Kind.CALENDAR, "year", year=century * 100 + tail)


def _spelled_month_or_season(m: re.Match[str], text: str) -> Meaning | None:
    """ "January nineteen ninety-seven", "the winter of nineteen ninety-four"."""
    year = _spelled_year(m, text)
    if year is None:
        return None
    if m.group("month"):
        return Meaning(Kind.CALENDAR, "month", year=year.year, month=lx.month_number(m["month"]))
    return Meaning(Kind.CALENDAR, "season", year=year.year, index=lx.SEASONS[m["season"].lower()])


def _year_range(m: re.Match[str], _text: str) -> Meaning | None:
    first = int(m.group("year"))
    second_text = m.group("year2")
    second = int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
    if not first < second <= first + 20:
        return None
    return Meaning(
        Kind.CALENDAR, "year", year=first, end=Meaning(Kind.CALENDAR, "year", year=second)
    )


def _day_range(m: re.Match[str], _text: str) -> Meaning | None:
    month = lx.month_number(m.group("month"))
    year = int(m.group("year")) if m.group("year") else None
    d1, d2 = int(re.sub(r"\D", "", m.group("d1"))), int(re.sub(r"\D", "", m.group("d2")))
    if not d1 < d2:
        return None
    end = Meaning(Kind.CALENDAR, "day", year=year, month=month, day=d2)
    return Meaning(Kind.CALENDAR, "day", year=year, month=month, day=d1, end=end)


# "on April 24 and 25", "March 3 or 4": a second day number sharing the month just
# named, a calendar day of that month (not the first date shifted: the first may sit
# in a longer expression, "the week of April 24 and 25"); "April 30 and 31" is none
_FIRST_DAY_LEFT = re.compile(rf"\b(?P<month>{MONTH})\s{{0,2}}(?P<d1>{DAYNUM}),?\s+(?:and|or)\s+\Z")
# after the second number: punctuation, the end, a year or a function word; not a
# noun or a unit ("April 24 and 25 people", "March 3 and 4 percent": figures)
_SECOND_DAY_RIGHT = re.compile(
    rf"\s*(?:{PHRASE_END})|\s+(?:in|at|on|to|for|and|or|but|when|with|the|this|next|"
    r"last|from|by|during|before|after|while|as|because|if|that|which|where|respectively)\b",
    re.IGNORECASE,
)


def _coordinated_day(m: re.Match[str], text: str) -> Meaning | None:
    first = _FIRST_DAY_LEFT.search(text, max(0, m.start() - 24), m.start())
    if first is None:
        return None
    month = lx.month_number(first.group("month"))
    d1, d2 = int(re.sub(r"\D", "", first.group("d1"))), _day(m)
    year = int(m.group("year")) if m.group("year") else None
    # Feb. 29 exists in some year: a year is only known when written
    last_day = calendar.monthrange(year if year is not None else 2000, month)[1]
    if not d1 < d2 <= last_day:
        return None
    if year is None and not _SECOND_DAY_RIGHT.match(text, m.end()):
        return None
    return Meaning(Kind.CALENDAR, "day", year=year, month=month, day=d2)


def _week_of(m: re.Match[str], text: str) -> Meaning | None:
    """ "the week of March 6": the ISO week holding that day."""
    return replace(calendar_day(m, text), week_of=True)


RULES: tuple[Rule, ...] = (
    Rule(
        "absolute.month_day_year",
        rf"{LB}{_WD}(?P<month>{MONTH})\s{{0,2}}(?P<day>{DAYNUM}),?\s+(?P<year>{YEAR}){RB}",
        calendar_day,
        examples=(
            Example("[March 15, 2007]", "2007-03-15", dct="1989-10-30", granularity="day"),
            Example("on [Saturday, April 25, 1998] at", "1998-04-25", dct="1998-05-01"),
            Example("[Sept. 27, 1989]", "1989-09-27", dct="1989-10-30"),
        ),
    ),
    Rule(
        "absolute.day_month_year",
        rf"{LB}{_WD}(?:the\s+)?(?P<day>{DAYNUM})\s+(?:of\s+)?(?P<month>{MONTH}),?\s+(?P<year>{YEAR}){RB}",
        calendar_day,
        examples=(Example("on [6 October 2020].", "2020-10-06", dct="2020-11-06"),),
    ),
    Rule(
        "absolute.month_day",
        rf"{LB}{_WD}(?P<month>{MONTH})\s{{0,2}}(?P<day>{DAYNUM}){_DAY_END}\b",
        calendar_day,
        examples=(
            Example("At a news briefing on [November 5], she said", "2020-11-05"),
            Example("the war that erupted on [September 27].", "2020-09-27", dct="2020-10-06"),
            Example("payable [Feb. 1] to holders", "1990-02-01", dct="1989-10-26"),
            Example("The report is due to be published [December 5].", "2020-12-05"),
            Example("The exhibition opens in [May]", "2021-05", dct="2020-11-06"),
            Example("Housing starts in [May] rose", "2020-05", dct="2020-11-06"),
            # "ended" looks back, the participle "ending" has no tense of its own
            Example("net for the year ended [Aug. 31] rose", "1989-08-31", dct="1989-10-26"),
            # what has ended, or lasted since a date, is behind even when the date is near
            Example("the second quarter ended [Oct. 31], it lost", "1988-10-31", dct="1989-10-27"),
            Example("Prices have risen since [Nov. 2].", "2019-11-02", dct="2020-10-30"),
            # a plan that is set stands ahead, however far; a record that was set is behind
            Example("The vote is set for [Nov. 5].", "2020-11-05", dct="2020-05-15"),
            Example("Elections have been set for [November 5].", "2020-11-05", dct="2020-05-15"),
            Example("The record was set on [Nov. 5].", "2019-11-05", dct="2020-05-15"),
            Example("The general election is on [Nov. 5].", "2020-11-05", dct="2020-05-15"),
            Example("The general election was on [Nov. 5].", "2019-11-05", dct="2020-05-15"),
            # a past reporting verb may still name a date just ahead
            Example(
                "It said it would redeem the notes on [Nov. 2].", "2020-11-02", dct="2020-10-30"
            ),
            Example("expects a loss for the year ending [Dec. 31]", "1989-12-31", dct="1989-10-26"),
            # a reporting verb with a clause of its own after the comma is no tail
            Example(
                "At a [May 3] briefing, the minister said that prices would fall.",
                "2024-05-03",
                dct="2024-06-10",
            ),
            Example("[Tuesday, November 3]", "2020-11-03", granularity="day"),
            # no tense cue, half a year either way: the past wins a near tie
            Example("its record high of [Aug. 6].", "1997-08-06", dct="1998-02-06"),
        ),
    ),
    Rule(
        "absolute.day_month",
        rf"{LB}{_WD}(?:the\s+)?(?P<day>{DAYNUM})\s+(?:of\s+)?(?P<month>{MONTH})(?!\s*\d)",
        calendar_day,
        examples=(Example("it ended on [27 September] after", "2020-09-27"),),
    ),
    Rule(
        "absolute.coordinated_day",
        # one or two white-space characters after the conjunction, as between month
        # and day (a look-behind has a fixed width, hence the pairs)
        rf"(?:(?<=\band\s)|(?<=\band\s\s)|(?<=\bor\s)|(?<=\bor\s\s))"
        rf"(?P<day>{DAYNUM}){RB}(?:,\s+(?P<year>{YEAR}){RB})?",
        _coordinated_day,
        examples=(
            Example(
                "the summit on April 24 and [25] in Washington", "2020-04-25", dct="2020-03-10"
            ),
            Example("talks on March 3 or [4].", "2020-03-04", dct="2020-03-10"),
            Example("talks on March 3 and  [4].", "2020-03-04", dct="2020-03-10"),
            Example("He met them Oct. 12 and [13], officials said", "2020-10-13", dct="2020-11-06"),
            # the second day takes the first one's year, read from its clause
            Example("It will hold hearings on Jan. 5 and [6].", "2021-01-06", dct="2020-11-06"),
            Example("on Dec. 30 and [31, 1998]", "1998-12-31", dct="2020-11-06"),
            # a day of the month named, even when the first day sits in a longer phrase
            Example("They met the week of April 24 and [25].", "2020-04-25", dct="2020-11-06"),
            Example("the day before April 24 and [25].", "2020-04-25", dct="2020-11-06"),
        ),
    ),
    Rule(
        "absolute.week_of",
        rf"\bthe\s+week\s+of\s+(?P<month>{MONTH})\s{{0,2}}(?P<day>{DAYNUM})"
        rf"(?:,?\s+(?P<year>{YEAR}))?{RB}",
        _week_of,
        examples=(
            Example(
                "a hearing [the week of March 6], he said",
                "2000-W10",
                dct="2000-02-24",
                granularity="week",
                start_date="2000-03-06",
                end_date="2000-03-12",
            ),
            Example("sales in [the week of Oct. 16, 1989]", "1989-W42", dct="1989-11-02"),
            # a Sunday closes its ISO week
            Example("during [the week of Nov. 8]", "2020-W45", dct="2020-11-20"),
        ),
    ),
    Rule(
        "absolute.day_range",
        rf"{LB}(?P<d1>{DAYNUM})\s*(?:-|–|to|until|through|and)\s*(?P<d2>{DAYNUM})\s+(?:of\s+)?"
        rf"(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?{RB}",
        _day_range,
        examples=(
            Example(
                "from [1 to 5 October] the talks",
                "2020-10-01",
                dct="2020-11-06",
                start_date="2020-10-01",
                end_date="2020-10-05",
            ),
        ),
    ),
    Rule(
        "absolute.month_year",
        rf"{LB}(?P<month>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR}){RB}",
        _month_year,
        examples=(Example("[February 1947]", "1947-02", dct="1998-02-27", granularity="month"),),
    ),
    Rule(
        "absolute.month_relative_year",
        rf"{LB}(?P<month>{MONTH})\s+(?P<rel>last|this|next)\s+year\b",
        _month_rel_year,
        examples=(Example("[July last year]", "1988-07", dct="1989-10-30"),),
    ),
    Rule(
        "absolute.month",
        rf"{LB}(?:(?P<dir>last|next|this)\s+)?(?P<month>{MONTH}){RB}(?!\s{{0,2}}\d)",
        _bare_month,
        examples=(
            Example("sales rose in [September]", "2020-09"),
            Example("It will be published in [May]", "2021-05", dct="2020-11-06"),
            Example("Prices have risen since [last May].", "2020-05"),
            Example("in [October] profits fell", "1997-10", dct="1998-01-08"),
            Example("The job figures for [January] rose", "1998-01", dct="1998-02-06"),
            Example("under a [June] agreement with a group", "1989-06", dct="1989-11-02"),
            # a past verb's own "in <month>" dates that past act: a month just ahead
            # is last year's ...
            Example(
                "The operator changed from a fiscal year to a calendar year in [December].",
                "1988-12",
                dct="1989-10-27",
            ),
            Example("The plant closed in [early November].", "1988-11", dct="1989-10-27"),
            # ... but not a reported or infinitive act, nor another preposition's month
            Example("He said the plant is closing in [November].", "1989-11", dct="1989-10-27"),
            Example("Housing starts in [May] rose 5%.", "2024-05", dct="2024-06-20"),
            Example(
                "The board voted to close the plant in [November].", "1989-11", dct="1989-10-27"
            ),
            Example(
                "The unit reported that sales rise in [November].", "1989-11", dct="1989-10-27"
            ),
            Example("The accession was planned for [early March].", "1999-03", dct="1999-02-10"),
            # ... nor after a verb whose act looks ahead: the month dates what it plans,
            # promises or announces
            Example("The company planned a launch in [November].", "1989-11", dct="1989-10-27"),
            Example("The board called a meeting in [November].", "1989-11", dct="1989-10-27"),
            Example(
                "Officials moved the vote to a date in [November].", "1989-11", dct="1989-10-27"
            ),
            # a month span that is no calendar quarter (periods.month_span_quarter) is
            # left to the month rules
            Example("in the November-[January] quarter", "2025-01", dct="2025-02-10"),
            Example("The Fed signaled a rate cut in [December].", "1989-12", dct="1989-10-27"),
            # "expect <object> to ...": a present verb of expectation looks ahead; the
            # past "expected" does not
            Example("Analysts expect prices to peak in [November].", "2023-11", dct="2023-05-15"),
            # a trailing ", traders said" is the report's tense, not the statement's
            Example(
                "The Fed is expected to cut rates in [May], traders said.",
                "2024-05",
                dct="2024-01-20",
            ),
            Example("The Fed raised rates in [May], traders said.", "2023-05", dct="2024-01-20"),
            Example(
                "The plant will reopen in [May], the company said in a statement.",
                "2024-05",
                dct="2024-01-20",
            ),
            Example("Analysts expected prices to peak in [November].", "2022-11", dct="2023-05-15"),
            Example("The company promised a decision in [November].", "1989-11", dct="1989-10-27"),
            Example(
                "Apple unveiled a new phone available in [November].", "1989-11", dct="1989-10-27"
            ),
            # a sentence-opening "In <month>," takes its main clause's tense, however
            # far the verb ("vs.", initials and "Del.," end no sentence)
            Example(
                "In [March], shortly before the U.S. Open and a month after the Smith vs. "
                "Jones hearing in Dover, Del., a storm flooded the stadium.",
                "2020-03",
            ),
        ),
    ),
    Rule(
        "absolute.iso",
        rf"{LB}(?P<year>{YEAR})-(?P<mon>0[1-9]|1[0-2])-(?P<dd>0[1-9]|[12]\d|3[01])(?!\d)",
        _iso,
        priority=1,
        examples=(Example("date [2020-10-06] The head", "2020-10-06", dct="2020-10-06"),),
    ),
    Rule(
        "absolute.numeric",
        r"(?<![\w/.-])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\w/])",
        _numeric,
        examples=(Example("filed on [10/06/2020] in", "2020-10-06"),),
    ),
    Rule(
        "absolute.year_range",
        rf"{LB}(?P<year>{YEAR})\s?[-–/]\s?(?P<year2>{YEAR}|\d\d){RB}",
        _year_range,
        examples=(
            Example("the [1998-99] season", "1998", start_date="1998-01-01", end_date="1999-12-31"),
        ),
    ),
    Rule(
        "absolute.year_period",
        rf"\bthe\s+(?P<year>{YEAR})\s+(?:period|quarter)\b",
        _year_period,
        examples=(Example("a loss in [the 1988 period]", "1988", dct="1989-10-26"),),
    ),
    Rule(
        "absolute.fiscal_year",
        r"\b(?:fiscal|FY)[\s-]?(?:year\s+)?(?P<year>(?:19|20)\d\d|'?\d\d)(?!\w)",
        _fiscal_year,
        examples=(Example("in [fiscal 1988]", "1988", dct="1989-10-30"),),
    ),
    Rule(
        "absolute.year",
        rf"{LB}(?P<year>{YEAR}){RB}(?!\s*(?:s\b|'s\b))",
        _bare_year,
        examples=(
            Example("in [1990], profits", "1990", granularity="year"),
            Example("by [2025]", "2025"),
            Example("the ruling overruled a [1971] Convention which", "1971", dct="1998-02-27"),
            # a capitalised word before a year names a date only when it is a date word
            Example("Sales Rose In [1989]", "1989", dct="1989-10-26"),
            Example("Profit rose. [1989] was a record.", "1989", dct="1989-10-26"),
        ),
    ),
    Rule(
        "absolute.spelled_month_year",
        rf"(?:{LB}(?P<month>{MONTH})|\bthe\s+(?P<season>{SEASON})\s+of)\s+{_SPELLED_YEAR}",
        _spelled_month_or_season,
        examples=(
            Example("[January nineteen ninety-seven]. Atlanta", "1997-01", dct="1998-02-27"),
            Example("in [the winter of nineteen ninety-four]", "1994-WI", dct="1998-02-23"),
        ),
    ),
    Rule(
        "absolute.spelled_year",
        rf"\b{_SPELLED_YEAR}",
        _spelled_year,
        examples=(
            Example("in [nineteen ninety-six]", "1996", dct="1998-01-08"),
            Example("until [the year two thousand]", "2000", dct="1998-01-08"),
        ),
    ),
)

NEGATIVES: tuple[str, ...] = (
    "It may rain and we may go.",
    "They march on the capital.",
    "She won 1990 votes.",
    "the 1,990 people",
    "a $2000 fine",
    "He scored 50% in 2 1/2 times the time.",
    "Call 555-2020 please",
    "more than two thousand years of history",
    "He gave to the March of Dimes.",
    "They sent a 2000-member force.",
    "a joint venture called Orion 1980, manufacturing",
    # a figure after a coordinated date is no second day ("April 24" stays a date)
    "Between April 24 and [25] people were hurt.",
    "rates rose between March 3 and [4] percent",
    "on Oct. 12 and [13.5] million shares",
    # no such day: not the next month's first
    "It was held on April 30 and [31].",
    "on Feb. 28 and [30], they said",
)

LATENT: tuple[tuple[str, str], ...] = (
    ("May", "in [May]"),
    ("March", "since [March]"),
)
