"""Vague references: PRESENT_REF ("now", "currently"), PAST_REF ("recently",
"in recent weeks", "the past"), FUTURE_REF ("soon", "in the coming months")."""

from __future__ import annotations

import re

from app.extraction.temporal import lexicon as lx
from app.extraction.temporal import timex3
from app.extraction.temporal.candidate import Kind, Meaning
from app.extraction.temporal.rules.base import Example, Rule

# how far back/ahead a vague reference reaches, in days
_REACH = {
    "day": 7,
    "days": 7,
    "week": 28,
    "weeks": 28,
    "month": 91,
    "months": 91,
    "quarter": 182,
    "quarters": 182,
    "year": 3 * 365,
    "years": 3 * 365,
    "decade": 20 * 365,
    "decades": 20 * 365,
}

_PRESENT = {
    "now",
    "right now",
    "currently",
    "at present",
    "presently",
    "nowadays",
    "these days",
    "at the moment",
    "the present",
    "at this time",
    "just now",
}
_PAST = {
    "recently",
    "lately",
    "the past",
    "in the past",
    "more recently",
    "until recently",
    "until now",
}
_FUTURE = {
    "soon",
    "the future",
    "the near future",
    "the near term",
    "the short term",
    "the long term",
    "future",
    "shortly",
}


def _fixed(m: re.Match[str], _text: str) -> Meaning | None:
    phrase = " ".join(m.group(0).lower().split())
    if phrase.startswith("then") and phrase.endswith("current"):
        return Meaning(Kind.REF, value="PAST_REF", bound_days=3650)  # "the then current price"
    if phrase in _PRESENT or phrase == "current":
        return Meaning(Kind.REF, value="PRESENT_REF")
    if phrase in _PAST or phrase == "recent":
        return Meaning(Kind.REF, value="PAST_REF", bound_days=28 if "recent" in phrase else 3650)
    if phrase in _FUTURE:
        return Meaning(Kind.REF, value="FUTURE_REF", bound_days=30 if phrase == "soon" else 365)
    return None


# "Now, …" / "Currently, …" opening a sentence: a discourse marker, not a time
# (no TimeBank or AQUAINT annotation has it: 0 of 3 and 0 of 2)
_SENTENCE_START = re.compile(r"(?:\A|[.!?\"'`”’]\s+|\n\s*)\Z")


def _present(m: re.Match[str], text: str) -> Meaning | None:
    if (
        m.group(0) in ("Now", "Currently")
        and text.startswith(",", m.end())
        and _SENTENCE_START.search(text[max(0, m.start() - 4) : m.start()])
    ):
        return None
    return _fixed(m, text)


def _recent_units(m: re.Match[str], _text: str) -> Meaning | None:
    unit = m.group("unit").lower()
    return Meaning(Kind.REF, value="PAST_REF", bound_days=_REACH[unit])


def _coming_units(m: re.Match[str], _text: str) -> Meaning | None:
    unit = m.group("unit").lower()
    return Meaning(Kind.REF, value="FUTURE_REF", bound_days=_REACH[unit])


def _later_date(_m: re.Match[str], _text: str) -> Meaning | None:
    return Meaning(Kind.REF, value="FUTURE_REF", bound_days=365)


def _units_ahead(m: re.Match[str], _text: str) -> Meaning | None:
    code = {"days": "D", "weeks": "W", "months": "M", "quarters": "Q", "years": "Y"}
    unit = m.group("unit").lower()
    if unit not in code:
        return None
    return Meaning(Kind.DURATION, value=timex3.duration_value(None, code[unit]))


_UNITS = r"(?P<unit>days|weeks|months|quarters|years|decades)"

RULES: tuple[Rule, ...] = (
    Rule(
        "vague.present",
        r"\b(?:right\s+now|just\s+now|now|currently|at\s+present|presently|nowadays|"
        r"these\s+days|at\s+the\s+moment)\b(?!['’]s)(?!-)",
        _present,
        examples=(
            Example(
                "[Now] it is over", "PRESENT_REF", start_date="2020-11-06", end_date="2020-11-06"
            ),
            Example("is [currently] in talks", "PRESENT_REF"),
        ),
    ),
    Rule(
        "vague.past",
        # "the past three summers", "the past several years": a period, not PAST_REF
        rf"\b(?:more\s+recently|recently|lately|the\s+past)\b"
        rf"(?!\s+(?:few|several|many|\d|{lx.number_words()})\b)",
        _fixed,
        examples=(
            Example("[recently] said", "PAST_REF", granularity="vague", end_date="2020-11-06"),
            Example("in [the past]", "PAST_REF"),
        ),
    ),
    Rule(
        "vague.future",
        # "the future of our peoples" is their fate, not a time
        r"\b(?:the\s+(?:near\s+|distant\s+)?future(?!\s+of\b)|the\s+(?:near|short|long)\s+term)\b",
        _fixed,
        examples=(
            Example("in [the near term]", "FUTURE_REF", start_date="2020-11-06"),
            Example("in [the near future]", "FUTURE_REF"),
        ),
    ),
    Rule(
        "vague.adjective",
        # "current market conditions" (news annotators rarely count "recent"/"future"
        # as expressions: more look-alikes than dates in the dev corpus)
        r"\b(?:then[\s-]+)?(?:current)\b(?!\s+(?:account|accounts|assets|liabilities|tense)\b)"
        r"(?=\s+[a-z])",
        _fixed,
        priority=-1,
        examples=(
            Example("because of [current] market conditions", "PRESENT_REF"),
            Example("at 50% of the [then current] market price", "PAST_REF"),
        ),
    ),
    Rule(
        "vague.recent_units",
        # "in past years" (no article: not "the past two years") is "recent years"
        rf"\b(?:(?:the\s+)?recent|(?<!the\s)(?<!this\s)past)\s+{_UNITS}\b",
        _recent_units,
        examples=(
            Example(
                "In [recent weeks] Western media",
                "PAST_REF",
                granularity="vague",
                start_date="2020-10-09",
                end_date="2020-11-06",
            ),
            Example("there were sell programs in [past years], too", "PAST_REF", dct="1989-10-30"),
        ),
    ),
    Rule(
        "vague.past_few_units",
        # "in the past few weeks", "over the last several quarters": a vague stretch
        # back to now, like "recent weeks"; "for the past few weeks" is how long
        # (DURATION PXW): TimeBank 2 and 1
        rf"(?<![Ff]or\s)\b(?:the\s+)?(?:past|last)\s+(?:few|several)\s+{_UNITS}\b",
        _recent_units,
        priority=1,
        examples=(Example("fallen in [the last few months]", "PAST_REF", dct="1989-10-26"),),
        # "for [the past few weeks]" stays duration.amount (PXW)
    ),
    Rule(
        "vague.later_date",
        r"\b(?:a|some)\s+(?:later|future)\s+date\b",
        _later_date,
        examples=(Example("offerings at [a later date].", "FUTURE_REF", dct="1989-10-26"),),
    ),
    Rule(
        "vague.units_ahead",
        # "in the weeks ahead": how long, like TimeBank's PXW (not a date)
        rf"\b(?:the\s+)?{_UNITS}\s+ahead\b",
        _units_ahead,
        examples=(Example("investors in [the weeks ahead].", "PXW", type="DURATION"),),
    ),
    Rule(
        "vague.coming_units",
        # "in future quarters" is "in the coming quarters"
        rf"\b(?:the\s+)?(?:coming|upcoming|future)\s+{_UNITS}\b",
        _coming_units,
        examples=(
            Example("in [the coming months]", "FUTURE_REF", start_date="2020-11-06"),
            Example("will cut tax payments in [future quarters].", "FUTURE_REF", dct="1989-10-26"),
        ),
    ),
)

NEGATIVES: tuple[str, ...] = (
    "the now-defunct firm's snow",
    "violence for the past three summers",
    "that is very important to the future of our peoples",
    "It was hard. Now, he says, it is over.",
    "rationed by region. Currently, organs are scarce.",
)
