"""Durations ("five years" = P5Y, "3:07:35" = PT3H7M35S), sets ("every
Monday" = XXXX-WXX-1, "daily" = P1D) and clock times ("8 PM")."""

from __future__ import annotations

import re

from app.extraction.temporal import lexicon as lx
from app.extraction.temporal import timex3
from app.extraction.temporal.candidate import NARRATIVE, Kind, Meaning
from app.extraction.temporal.rules.base import Example, Rule, text_before, word_before
from app.extraction.temporal.rules.patterns import (
    DAYNUM,
    MONTH,
    NUMBER,
    PART_OF_DAY,
    PHRASE_END,
    WEEKDAY,
)

_QUALIFIER_MOD = {
    "about": "APPROX",
    "around": "APPROX",
    "some": "APPROX",
    "roughly": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
}
_QUALIFIER = (
    r"(?:(?P<qual>about|around|roughly|nearly|almost|less\s+than|more\s+than|"
    r"at\s+least|up\s+to|no\s+more\s+than|at\s+most)\s+)?"
)


def _unit_code(word: str) -> str:
    code, is_time = lx.UNITS[word.lower()]
    return "T" + code if is_time else code


def _amount(text: str) -> int | float | None:
    t = text.lower().strip()
    if re.fullmatch(r"\d+\s+1/2", t):
        return int(t.split()[0]) + 0.5
    if re.fullmatch(r"\d+\.\d+", t):
        return float(t)
    if t.endswith("and a half"):
        base = lx.parse_number(t[: -len("and a half")].strip())
        return None if base is None else base + 0.5
    return lx.parse_number(t)


# "second" followed by a noun is the ordinal; the unit is followed by punctuation
# or a word like "later", "or", "ago"
_ORDINAL_SECOND = re.compile(
    r"[ \t]+(?!(?:later|earlier|ago|or|and|to|in|before|after|for|of|the|that|when)\b)[a-z]"
)


# "Islam will one day be …", "he hopes he one day follows": "one day" = some day
_SOMEDAY_LEFT = frozenset(
    ["will", "would", "could", "might", "may", "can", "shall", "should", "must"]
    + ["he", "she", "they", "we", "i", "you", "it"]
)


def _duration(m: re.Match[str], text: str) -> Meaning | None:
    d = m.groupdict()
    qual = d.get("qual")
    unit = d["unit"].lower()
    after = text[m.end() : m.end() + 5]
    if re.match(r"\s+old\b", after) or (unit.startswith("quarter") and re.match(r"\s+of\b", after)):
        return None  # an age ("52 years old") or a fraction ("three-quarters of")
    if (
        d["num"].lower() == "one"
        and unit == "day"
        and not d.get("the")
        and word_before(text, m.start()) in _SOMEDAY_LEFT
    ):
        return Meaning(Kind.REF, value="FUTURE_REF", bound_days=3650)  # "will one day be"
    if unit == "second" and _ORDINAL_SECOND.match(text, m.end()):
        return None  # "a second group", "one second quarter": the ordinal
    amount = _amount(d["num"]) if d.get("num") else None
    if amount is not None and d.get("half"):
        amount += 0.5
    value = timex3.duration_value(amount, _unit_code(unit))
    mod = _QUALIFIER_MOD.get(" ".join(qual.lower().split())) if qual else None
    return Meaning(Kind.DURATION, value=value, mod=mod)


def _bare_plural(m: re.Match[str], text: str) -> Meaning | None:
    # not after "of": "hundreds of years", "a matter of months" are amounts
    if word_before(text, m.start()) not in ("for", "over", "within", "in", "after"):
        return None
    unit = m.group("unit").lower()
    return Meaning(Kind.DURATION, value=timex3.duration_value(None, _unit_code(unit)))


def _over_the_units(m: re.Match[str], _text: str) -> Meaning | None:
    unit = m.group("unit").lower()
    return Meaning(Kind.DURATION, value=timex3.duration_value(None, _unit_code(unit)))


def _clock_duration(m: re.Match[str], _text: str) -> Meaning | None:
    h, mi, s = int(m.group("h")), int(m.group("m")), int(m.group("s"))
    if mi > 59 or s > 59:
        return None
    parts = "".join(f"{n}{c}" for n, c in ((h, "H"), (mi, "M"), (s, "S")) if n)
    return Meaning(Kind.DURATION, value=f"PT{parts or '0S'}")


_SET_UNITS = {
    "day": "P1D",
    "week": "P1W",
    "month": "P1M",
    "year": "P1Y",
    "quarter": "P1Q",
    "hour": "PT1H",
    "night": "P1D",
    "morning": "P1D",
    "evening": "P1D",
}
_ADVERB_SETS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "yearly": "P1Y",
    "annually": "P1Y",
    "hourly": "PT1H",
    "nightly": "P1D",
}


def _every(m: re.Match[str], _text: str) -> Meaning | None:
    d = m.groupdict()
    if d.get("weekday"):
        return Meaning(Kind.SET, value=f"XXXX-WXX-{lx.WEEKDAYS[d['weekday'].lower()]}")
    if d.get("month"):
        return Meaning(Kind.SET, value=f"XXXX-{lx.month_number(d['month']):02d}")
    if d.get("units"):
        n = lx.parse_number(d["n"].lower())
        unit_value = _SET_UNITS[d["units"].lower()[:-1]]
        return None if not n else Meaning(Kind.SET, value=unit_value.replace("1", str(n), 1))
    unit = d["unit"].lower()
    value = _SET_UNITS[unit]
    if d.get("other"):
        value = value.replace("1", "2")
    return Meaning(Kind.SET, value=value)


# "average daily volume", "the first weekly report": a measure, not a set
_ADJECTIVE_LEFT = frozenset(["average", "initial", "first"])
# right after a determiner the adjective names the recurrence itself: "the daily
# tally of inspections" (TimeBank annotates it; not "average daily volume",
# "plans daily flights", "daily dividends")
_DETERMINER_LEFT = lx.DETERMINERS | {"our", "your", "this", "that"}


# after an adverbial "daily" ("met daily in Baghdad", "who gather daily outside the
# home"): punctuation, the end, a preposition or an adverb, not a noun
_ADVERB_RIGHT = re.compile(
    rf"\s*(?:{PHRASE_END}|(?:in|on|at|for|to|and|or|but|since|until|from|by|through|"
    r"over|with|as|during|except|because|while|outside|inside|near|around|across|along|"
    r"among|against|between|before|after|under|within|without|into|onto|throughout|"
    r"behind|beside|toward|towards|via|here|there|again|together)\b)",
    re.IGNORECASE,
)
# a periodical: "the daily Granma", "a weekly newspaper" name a kind of paper, not a
# recurrence ("the daily tally", "his weekly radio address" stay sets)
_PERIODICAL_RIGHT = re.compile(
    r"\s+(?:(?-i:[A-Z])|(?:newspapers?|papers?|magazines?|publications?|journals?|"
    r"tabloids?|newsletters?)\b)",
    re.IGNORECASE,
)


def _adverb_set(m: re.Match[str], text: str) -> Meaning | None:
    left = word_before(text, m.start())
    if left in _ADJECTIVE_LEFT:
        return None
    if _PERIODICAL_RIGHT.match(text, m.end()):
        return None
    word = m.group(0).lower()
    if word == "daily" and left not in _DETERMINER_LEFT and not _ADVERB_RIGHT.match(text, m.end()):
        return None  # "daily flights", "average daily volume": an adjective
    return Meaning(Kind.SET, value=_ADVERB_SETS[word])


def _per_unit(m: re.Match[str], text: str) -> Meaning | None:
    # "$5 a year", "twice a week": needs a quantity just before
    if not re.search(
        r"(?:\d|times|twice|once|dollars|cents)\W{0,3}\S*\s*\Z", text_before(text, m.start(), 25)
    ):
        return None
    return Meaning(Kind.SET, value=_SET_UNITS[m.group("unit").lower()])


def _weekday_plural(m: re.Match[str], _text: str) -> Meaning | None:
    wd = lx.WEEKDAYS[m.group("weekday").lower()]
    pods = m.group("pods") or m.group("pods2")
    tod = lx.PARTS_OF_DAY[pods.lower()] if pods else ""
    return Meaning(Kind.SET, value=f"XXXX-WXX-{wd}{'T' + tod if tod else ''}")


_MERIDIEM = re.compile(r"p\.?\s?m\.?|a\.?\s?m\.?", re.IGNORECASE)


def _clock(m: re.Match[str], text: str) -> Meaning | None:
    d = m.groupdict()
    if d.get("named") and word_before(text, m.start()) == "high":
        return None  # "high noon comes today": the idiom (and the film), no clock time
    if d.get("named"):
        # ISO 8601's 24:00 is the end of the day it is written on: "midnight Friday"
        # closes Friday, where 00:00 would open it
        hour, minute = (24, 0) if d["named"].lower() == "midnight" else (12, 0)
    else:
        hour, minute = int(d["hh"]), int(d["mm"] or 0)
        mer = (d.get("mer") or "").lower().replace(".", "").replace(" ", "")
        if hour > 12 and mer or hour > 23 or minute > 59:
            return None
        if mer == "pm" and hour < 12:
            hour += 12
        elif mer == "am" and hour == 12:
            hour = 0
    tod = f"{hour:02d}:{minute:02d}"
    if d.get("day_word"):
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[d["day_word"].lower()]
        return Meaning(Kind.RELATIVE, "day", offset=offset, tod=tod)
    if d.get("weekday"):
        return Meaning(Kind.WEEKDAY, "day", index=lx.WEEKDAYS[d["weekday"].lower()], tod=tod)
    if d.get("month"):
        day = int(re.sub(r"\D", "", d["day"]))
        return Meaning(Kind.CALENDAR, "day", month=lx.month_number(d["month"]), day=day, tod=tod)
    # a bare clock time is on the day the story is telling about: the last day it named
    return Meaning(Kind.RELATIVE, "day", offset=0, tod=tod, discourse=NARRATIVE)


# "at 4 in the morning", "until 10 at night", "at eight o'clock in the evening": an
# hour with the part of day instead of a.m./p.m., on the day the story is telling about
_CLOCK_WORDS = {
    w: n
    for w, n in lx.SMALL_NUMBERS.items()
    if 1 <= n <= 12 and w.isalpha() and w not in ("a", "an", "dozen")
}
_CLOCK_LEFT = frozenset(
    ["at", "by", "until", "till", "before", "after", "around", "about", "from", "to", "since"]
)


def _clock_part_of_day(m: re.Match[str], text: str) -> Meaning | None:
    if not m.group("oclock") and word_before(text, m.start()) not in _CLOCK_LEFT:
        return None  # "scored 2 in the afternoon session": no clock time
    hh = m.group("hh").lower()
    hour = int(hh) if hh.isdigit() else _CLOCK_WORDS[hh]
    part = (m.group("pod") or "night").lower()
    if part == "morning":
        hour %= 12
    elif part != "night" or hour >= 6:
        # afternoon and evening hours, and "10 at night", are after noon; "12 at
        # night" is midnight (24:00, the end of the day); "2 at night" the small hours
        hour = hour + 12 if hour < 12 else (24 if part == "night" else 12)
    return Meaning(Kind.RELATIVE, "day", offset=0, tod=f"{hour:02d}:00", discourse=NARRATIVE)


_UNIT_WORD = (
    r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|fortnight|months?|quarters?|"
    r"years?|decades?|century|centuries)"
)
_CLOCK = (
    r"(?:(?P<named>noon|midday|midnight)|(?P<hh>[01]?\d|2[0-3])(?::(?P<mm>[0-5]\d))?\s?"
    r"(?P<mer>[ap]\.\s?m\.|[ap]m\b|(?-i:[AP]M)\b)(?:\s+(?-i:[A-Z]{1,4}T)\b)?)"
)

RULES: tuple[Rule, ...] = (
    Rule(
        "duration.amount",
        # "the" belongs to "the nine months" but not to the adjective in "the 23-year war"
        r"\b(?P<the>the\s+(?!\w+-(?:second|minute|hour|day|week|month|quarter|year|decade))"
        r"(?:(?:past|last|next|first|previous|coming|final|remaining)\s+)?)?"
        rf"{_QUALIFIER}(?P<num>{NUMBER})"
        rf"[\s-]+(?:(?:more|additional|trading|business|straight|consecutive)\s+)?{_UNIT_WORD}"
        # ages ("a 52-year-old") are not expressions: the trailing (?!-) refuses them
        r"(?P<half>\s+and\s+a\s+half)?\b(?!-)",
        _duration,
        priority=-1,
        examples=(
            Example("served [five years] in prison", "P5Y", type="DURATION"),
            Example("[the past two months]", "P2M", type="DURATION"),
            Example("a [10-year] bond", "P10Y", type="DURATION"),
            Example("for [2 1/2 years]", "P2Y6M", type="DURATION"),
            Example("[nearly three years]", "P3Y", type="DURATION", mod="LESS_THAN"),
            Example("[several years]", "PXY", type="DURATION"),
            Example("[the first nine months]", "P9M", type="DURATION"),
            Example("of the [23-year] occupation", "P23Y", type="DURATION"),
            Example("[a minute and a half] later", "PT1M30S", type="DURATION"),
            Example("over [the past 18 months]", "P18M", type="DURATION"),
            Example("For [the past few weeks] we have", "PXW", type="DURATION"),
            Example("for [a week]", "P1W", type="DURATION"),
            # a quotation is no title when it reads as running text
            Example("He said: ``It lasted [60 minutes].''", "PT60M", type="DURATION"),
            Example("it paused for [a second] or two", "PT1S", type="DURATION"),
            Example("Islam will [one day] be the second religion", "FUTURE_REF", type="DATE"),
            Example("he had been in the job [one day].", "P1D", type="DURATION"),
            Example("in [four hours]", "PT4H", type="DURATION"),
            Example("[Three days] later, it fell", "P3D", type="DURATION"),
            Example("[A few days] later, it announced", "PXD", type="DURATION"),
            Example("[two weeks] before the vote", "P2W", type="DURATION"),
        ),
    ),
    Rule(
        "duration.bare_plural",
        r"\b(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries)\b",
        _bare_plural,
        priority=-2,
        examples=(
            Example("talks lasted for [months]", "PXM", type="DURATION"),
            Example("the first time in [years]", "PXY", type="DURATION"),
        ),
    ),
    Rule(
        "duration.over_the_units",
        # "over the years", "throughout the decades": a stretch of unknown length
        r"(?:(?<=\bover\s)|(?<=\bthrough\s)|(?<=\bthroughout\s)|(?<=\bacross\s))"
        r"the\s+(?P<unit>years|decades|centuries|months|weeks)\b(?!\s+(?:ahead|to\s+come)\b)",
        _over_the_units,
        examples=(Example("and, in fact, over [the years] many more", "PXY", type="DURATION"),),
    ),
    Rule(
        "duration.clock",
        r"(?<![\d:.])(?P<h>\d{1,2}):(?P<m>\d\d):(?P<s>\d\d)(?:\.\d+)?(?![\d:])",
        _clock_duration,
        examples=(Example("won in [3:07:35]", "PT3H7M35S", type="DURATION"),),
    ),
    Rule(
        "set.every",
        rf"\b(?:every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<weekday>{WEEKDAY})|(?P<month>{MONTH})|"
        r"(?P<unit>day|week|month|year|quarter|hour|night|morning|evening)"
        # "every two weeks", "every 10 years": a set with that period
        r"|(?P<n>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\s+"
        r"(?P<units>days|weeks|months|years|quarters|hours))\b",
        _every,
        examples=(
            Example("[every Monday]", "XXXX-WXX-1", type="SET"),
            Example("[each month]", "P1M", type="SET"),
            Example("Orangemen march [each July] from", "XXXX-07", type="SET"),
            Example("elections [every four years]", "P4Y", type="SET"),
            Example("meets [every 2 weeks]", "P2W", type="SET"),
        ),
    ),
    Rule(
        "set.adverb",
        # "annually" is mostly a rate in news ("rise 8% annually"); "daily" only
        # as an adverb ("twice daily", "meets daily in …"), not "daily volume"
        r"\b(?:daily|weekly|monthly|yearly|hourly|nightly)\b",
        _adverb_set,
        examples=(
            Example("published [weekly]", "P1W", type="SET"),
            Example("take the pills twice [daily].", "P1D", type="SET"),
            Example("inspectors met [daily] in Baghdad", "P1D", type="SET"),
            Example("the agency, which gives the [daily] tally", "P1D", type="SET"),
            Example("demonstrators who gather [daily] outside the house", "P1D", type="SET"),
            Example("The council meets [weekly] with the mayor.", "P1W", type="SET"),
            Example("The index is published [monthly] by the agency.", "P1M", type="SET"),
            Example("in his [weekly] radio address", "P1W", type="SET"),
        ),
    ),
    Rule(
        "set.per_unit",
        r"\b(?:a|per)\s+(?P<unit>year|month|week|day|hour)\b",
        _per_unit,
        priority=1,
        examples=(Example("$5 billion [a year]", "P1Y", type="SET"),),
    ),
    Rule(
        "set.weekday_plural",
        # "on Sundays", "Tuesday nights" (the plural part of day makes it recurring)
        rf"\b(?P<weekday>{WEEKDAY})(?:s\b(?:\s+(?:{PART_OF_DAY}))?"
        r"|\s+(?P<pods>morning|afternoon|evening|night)s\b"
        # "Monday [and Tuesday nights]": the first of a coordinated pair
        rf"|(?=\s+(?:and|or)\s+(?:{WEEKDAY})\s+(?P<pods2>morning|afternoon|evening|night)s\b))",
        _weekday_plural,
        priority=1,  # over weekday.named for the bare "Monday" of "Monday and Tuesday nights"
        examples=(
            Example("open on [Sundays]", "XXXX-WXX-7", type="SET"),
            Example("flights leave on [Tuesday nights]", "XXXX-WXX-2TNI", type="SET"),
            Example("leave on [Monday] and Tuesday nights", "XXXX-WXX-1TNI", type="SET"),
        ),
    ),
    Rule(
        "time.clock_part_of_day",
        rf"(?<![\d.,:])\b(?P<hh>1[0-2]|0?[1-9]|{lx.alternation(_CLOCK_WORDS)})"
        r"(?P<oclock>\s+o['’]clock)?"
        r"\s+(?:in\s+the\s+(?P<pod>morning|afternoon|evening)|at\s+night)\b",
        _clock_part_of_day,
        examples=(
            Example(
                "he will leave at [4 in the morning] (4 a.m.)", "2020-11-06T04:00", type="TIME"
            ),
            Example("The rally ended at [8 in the evening].", "2020-11-06T20:00", type="TIME"),
            Example("until [10 at night]", "2020-11-06T22:00", type="TIME"),
            Example("from [two in the afternoon]", "2020-11-06T14:00", type="TIME"),
            Example("at [six o'clock in the morning]", "2020-11-06T06:00", type="TIME"),
            Example("It struck around [2 at night].", "2020-11-06T02:00", type="TIME"),
        ),
    ),
    Rule(
        "time.clock",
        # "at 8:30 a.m. on Friday", "at midnight on Friday", "4:30 p.m. ET on Sunday": one
        # timex, so the weekday takes its tense from the clause around the clock time (read
        # apart, the period of "a.m." ended the weekday's clause, so "will publish the data
        # at 8:30 a.m. on Friday" lost its "will" and was the Friday before)
        rf"\b{_CLOCK}(?:,?\s+(?:(?P<day_word>yesterday|today|"
        rf"tomorrow)|(?:on\s+)?(?:(?P<weekday>{WEEKDAY})|"
        rf"(?P<month>{MONTH})\s(?P<day>{DAYNUM})(?!\d))))?",
        _clock,
        examples=(
            Example("at [8 PM]", "2020-11-06T20:00", type="TIME", granularity="day"),
            Example("[10 p.m. Wednesday]", "2020-11-04T22:00", type="TIME"),
            # midnight of a day is its end ("offers expire at midnight Friday")
            Example("expire at [midnight Friday]", "2020-11-06T24:00", type="TIME"),
            Example("at [noon today]", "2020-11-06T12:00", type="TIME"),
            Example("talks resume at [noon] in Geneva", "2020-11-06T12:00", type="TIME"),
            Example("He is due in court at [midday].", "2020-11-06T12:00", type="TIME"),
            Example("until [5 p.m. EST, Nov. 9]", "2020-11-09T17:00", type="TIME"),
            Example("On Nov. 2 the polls closed at [8 p.m.]", "2020-11-02T20:00", type="TIME"),
            # a weekday with a clock time points as the bare weekday does
            Example(
                "INS has given the relatives until [9 a.m. Tuesday] to sign",
                "2000-04-04T09:00",
                dct="2000-04-03",
            ),
            Example(
                "''He will leave at dawn ([4 a.m. EDT Thursday]),'' Castro said.",
                "2000-04-06T04:00",
                dct="2000-04-05",
            ),
            Example("The polls closed at [8 p.m. Tuesday].", "2020-11-03T20:00"),
            # ... also after "on", and after a zone ("ET"): one timex, the clause's tense
            Example(
                "The government will publish the data at [8:30 a.m. on Friday].",
                "2025-03-07T08:30",
                dct="2025-03-05",
            ),
            Example(
                "The Bills will play at [4:30 p.m. ET on Sunday].",
                "2025-01-12T16:30",
                dct="2025-01-08",
            ),
            Example(
                "The ceasefire took effect at [midnight on Friday].",
                "2025-05-16T24:00",
                dct="2025-05-20",
            ),
            Example("Polls open at [7 a.m. on Nov. 5].", "2024-11-05T07:00", dct="2024-10-02"),
            # ... but "on" before anything else stays out
            Example(
                "Trading opens at [9:30 a.m.] on most days.", "2025-03-05T09:30", dct="2025-03-05"
            ),
            # a plan in the past perfect ("had been scheduled to") was made before a
            # past reference point: no future cue, the weekday stays behind ...
            Example(
                "The offer previously had been scheduled to expire at [midnight Friday].",
                "1989-10-27T24:00",
                dct="1989-10-30",
            ),
            Example(
                "The vote had originally been slated to start at [noon Friday].",
                "1989-10-27T12:00",
                dct="1989-10-30",
            ),
            # ... while a plan in the present still points ahead
            Example(
                "The offer is scheduled to expire at [midnight Friday].",
                "1989-11-03T24:00",
                dct="1989-10-30",
            ),
            Example(
                "The offer will now expire at [midnight Friday].",
                "1989-11-03T24:00",
                dct="1989-10-30",
            ),
        ),
    ),
)

NEGATIVES: tuple[str, ...] = (
    "He is 2 1/2 times taller",
    "they ruled it for hundreds of years",
    "completed in a matter of months",
    "A second group of three directors",
    "Qantas plans daily flights",
    "the average daily volume of shares",
    "the Communist Party daily Granma",
    "an editorial in the daily Granma",
    "He works for a daily newspaper.",
    "a weekly magazine",
    "in light of a 50% rise",
    "For the people of Poland, high noon has come.",
    "Gonzalez said on CBS's ''60 Minutes.''",
    "a picture of Gary Cooper from the film ``High Noon.''",
    "He scored 2 in the afternoon session.",
    "one in the evening edition",
)
