"""Weekdays: bare ("on Tuesday", tense decides), with a direction word
("last Friday", "next Monday", "this coming Sunday"), and with a part of day
("Thursday evening", a TIME; "Sunday night" and "Monday morning" are valued
as the day)."""

from __future__ import annotations

import re

from app.extraction.temporal import lexicon as lx
from app.extraction.temporal.candidate import NARRATIVE, Kind, Meaning
from app.extraction.temporal.rules.base import Example, Rule
from app.extraction.temporal.rules.patterns import PART_OF_DAY, WEEKDAY

_DIRECTION = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "next": 1,
    "coming": 1,
    "this coming": 1,
    "this": 0,
    "following": 1,
}


# "Friday night", "Monday morning": valued as the day (a DATE) — the convention
# that dominates TimeBank + AQUAINT for these two parts of day (see
# docs/evaluation-temporal.md); "Thursday evening" stays a TIME (…TEV).
_DAY_VALUED_PARTS = frozenset({"night", "overnight", "morning"})


def weekday_meaning(m: re.Match[str], _text: str) -> Meaning | None:
    d = m.groupdict()
    direction = _DIRECTION[" ".join(d["dir"].lower().split())] if d.get("dir") else 0
    pod = (d.get("pod") or "").lower()
    tod = lx.PARTS_OF_DAY[pod] if pod and pod not in _DAY_VALUED_PARTS else None
    # "the previous Friday", "the following Monday": next to the story's last date
    narrative = bool(d.get("the")) and (d.get("dir") or "").lower() in ("previous", "following")
    return Meaning(
        Kind.WEEKDAY,
        "day",
        index=lx.WEEKDAYS[m.group("weekday").lower()],
        direction=direction,
        tod=tod,
        discourse=NARRATIVE if narrative else None,
    )


# "last Friday", "this coming Monday", "the previous Friday": read by weekday_meaning
WEEKDAY_DIRECTION = (
    r"(?:(?P<the>the\s+)?"
    r"(?P<dir>this\s+coming|last|past|previous|next|coming|this|following)\s+)?"
)

RULES: tuple[Rule, ...] = (
    Rule(
        "weekday.named",
        rf"\b{WEEKDAY_DIRECTION}(?P<weekday>{WEEKDAY})(?!['’]s\s+(?-i:[A-Z]))\b(?:\s+(?P<pod>{PART_OF_DAY})\b)?",
        weekday_meaning,
        examples=(
            Example("TASS cited him as saying on [Tuesday].", "2020-10-06", dct="2020-10-06"),
            Example("On [Tuesday], Assad joined", "2020-10-06", dct="2020-10-06"),
            Example("The company said [Friday] it", "2020-11-06", dct="2020-11-06"),
            Example("Ministers met [Monday].", "2020-11-02", dct="2020-11-06"),
            Example("Ministers will meet [Monday].", "2020-11-09", dct="2020-11-06"),
            # a date a present "is/are" states is scheduled ahead
            Example("The deadline is [Friday].", "2024-05-17", dct="2024-05-15"),
            Example("The hearing is on [Monday].", "2024-05-20", dct="2024-05-17"),
            Example("The hearing was on [Monday].", "2024-05-13", dct="2024-05-17"),
            # a verb that is also a noun schedules only right before its day, and only
            # with no other tense in the clause
            Example("The Open starts [Sunday].", "2024-05-19", dct="2024-05-15"),
            Example("The film releases on [Friday].", "2024-05-17", dct="2024-05-15"),
            Example("The market close [Friday] was weak.", "2024-05-10", dct="2024-05-15"),
            Example("He hit two home runs [Sunday].", "2024-05-12", dct="2024-05-15"),
            Example("talks are due to resume on [Wednesday]", "2020-11-11", dct="2020-11-06"),
            Example("He said flights would resume on [Monday].", "2020-11-09", dct="2020-11-06"),
            Example("[last Wednesday]", "1989-10-25", dct="1989-11-01"),
            Example("[next Friday]", "2020-11-13", dct="2020-11-06"),
            Example(
                "It closed lower Friday, down from [the previous Friday].",
                "1989-10-20",
                dct="1989-10-30",
            ),
            Example(
                "Fighting broke out [Sunday night].", "2020-11-01", dct="2020-11-06", type="DATE"
            ),
            Example("talks resumed [Monday morning]", "2020-11-02", dct="2020-11-06", type="DATE"),
            Example("He spoke [Thursday evening].", "2020-11-05TEV", dct="2020-11-06", type="TIME"),
            # "until" after a verb that puts something off or grants time: ahead
            Example(
                "Officials postponed until [Tuesday morning] any action",
                "2000-04-04",
                dct="2000-03-30",
            ),
            Example("They have until [Friday] to reply.", "2020-11-13", dct="2020-11-09"),
            # ... and in a clause with a future auxiliary
            Example("The offices will stay closed until [Tuesday].", "2020-11-10"),
            Example("He said it would decide by [Friday].", "2020-11-06", dct="2020-11-04"),
            # a past clause keeps the weekday behind
            Example(
                "Until [Thursday], they had not called him a suspect.",
                "1999-05-06",
                dct="1999-05-07",
            ),
            Example("Members had filed reports by [Wednesday].", "1990-08-15", dct="1990-08-16"),
            Example("The bid had been due to expire [Friday].", "1989-10-27", dct="1989-10-30"),
            # the news present of a scheduled event points ahead
            Example(
                "He and Arafat meet separately [Monday] with Albright.",
                "1998-05-04",
                dct="1998-05-01",
            ),
            Example("The court reconvenes [Tuesday].", "2020-11-10"),
            Example("The new law takes effect [Monday].", "2024-01-01", dct="2023-12-31"),
            Example("Lawmakers return from recess on [Monday].", "2025-03-10", dct="2025-03-05"),
            Example("The Chiefs host the Texans on [Saturday].", "2025-01-11", dct="2025-01-08"),
            Example("The jobs report is due out [Friday].", "2024-10-04", dct="2024-10-02"),
            # ... but not the nouns of a finished game or a plan in the past
            Example("He hit two home runs [Sunday].", "2025-03-02", dct="2025-03-05"),
            Example("The payment was due [Friday].", "2025-02-28", dct="2025-03-05"),
            # not an infinitive under a past verb, a negation or a noun
            Example("They failed to meet [Monday].", "2020-11-02"),
            Example("They did not meet [Monday].", "2020-11-02"),
            Example("His visits [Monday] angered them.", "2020-11-02"),
            # "was/were/had" before a future cue is the future in the past, no past cue
            Example(
                "Protesters planned a rally on [Saturday] and were planning to drive",
                "2000-01-08",
                dct="2000-01-07",
            ),
            Example("On [Monday], the Senate was scheduled to vote.", "2020-11-09"),
            Example("On [Monday], the senators were arrested.", "2020-11-02"),
            Example("On [Monday] he was later freed.", "2020-11-02"),
            # a possessive weekday names a reported event: the "would" of reported
            # speech does not send it ahead; "ahead of" and "will" still do
            Example(
                "They said they would look for ways to get around [Wednesday]'s ruling.",
                "2020-11-04",
            ),
            Example("He said he would speak ahead of [Sunday]'s vote.", "2020-11-08"),
            Example("Voters will go to the polls in [Sunday]'s election.", "2020-11-08"),
            Example("He said he would attend [next Wednesday]'s meeting.", "2020-11-11"),
            # a sentence-opening "On <weekday>," takes its main clause's tense ...
            Example(
                "On [Tuesday], after a long dispute over the Smith vs. Jones ruling in "
                "Dover, Del., and its costs for the state, the court will hear the appeal.",
                "2020-11-10",
            ),
            # ... within its sentence
            Example("On [Tuesday], a quiet day in Dover, Del. The court will rule.", "2020-11-03"),
            # a quoted date is no title: no other capitalised word in the quote
            Example("He answered: ``[Next Friday].''", "2020-11-13"),
            # a quotation is its own clause: "said" after it does not make it past
            Example(
                "''He will leave early (at dawn [Thursday]),'' Castro said.",
                "2000-04-06",
                dct="2000-04-05",
            ),
        ),
    ),
)

NEGATIVES: tuple[str, ...] = (
    "We appear to agree.",
    "Wed in haste",
)
