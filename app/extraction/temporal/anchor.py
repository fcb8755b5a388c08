"""Phase 2: anchor candidates against the publication date (DCT) and tense.

Every news policy lives here: which year a bare "May 5" takes, which way a
bare "Friday" points, how far "recently" reaches.  Tense is read from
lexical cues in the candidate's clause, because the tagger runs before NLP.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

from app.extraction.temporal import calendar as cal
from app.extraction.temporal import timex3
from app.extraction.temporal.candidate import ANAPHOR, NARRATIVE, Kind, Meaning
from app.extraction.temporal.rules.patterns import WEEKDAY
from app.extraction.types import Granularity, TimexType


class Tense(Enum):
    PAST = -1
    NONE = 0
    FUTURE = 1
    NEAREST = 2  # after "by", "until", "effective": the nearest date, ahead or behind
    ENDED = -2  # after "since", "ended": over by the DCT (no date just ahead)


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Tense cues, read from the clause's words (one cheap tokenisation, set look-ups);
# "would" is the future of reported speech ("said flights would leave Monday").
_FUTURE_WORDS = _word_set(
    "will would shall ll upcoming coming next later tomorrow soon scheduled slated"
)
# "<word> to" is a future cue: "going to", "is due to", "plans to", "expected to"
_FUTURE_BEFORE_TO = _word_set(
    "going due is are was were plan plans planned planning expect expects expected intend "
    "intends intended hope hopes aim aims want wants seek seeks set agree agrees agreed"
)
_PAST_WORDS = _word_set(
    "said says told was were had did ago last earlier yesterday "
    # irregular past forms common in news (regular ones are caught by "-ed")
    "began became brought bought built came caught chose drew drove fell felt fought found "
    "flew forgot got gave went grew held heard kept knew laid led left lent lost made meant "
    "met paid ran rose sold sent shot showed spoke spent stood stole struck swore took taught "
    "thought threw understood won wrote withdrew broke saw wore sank slid shrank sought bore "
    "beat fled froze hung swept tore woke ate"
)
# News present of a scheduled event: "Netanyahu and Arafat meet separately Monday",
# "the exhibition opens in May", "the court reconvenes Tuesday", "the law takes effect
# Monday", "Lawmakers return from recess on Monday", "the report is due out Friday"
# (not the nouns "housing starts", "tax returns", "home runs", "press releases", "the
# votes", nor the adjectives "open", "close to")
_SCHEDULED_PRESENT = _word_set(
    "meet meets visit visits arrive arrives leave leaves depart departs begin begins "
    "opens resume resumes convene convenes reconvene reconvenes travel travels fly flies "
    "testify testifies start end ends closes take takes return host hosts play release due"
)
# ... unless an infinitive, a negated or modal form, or a noun after these
_NOT_PRESENT_BEFORE = _word_set(
    "to not t did do does didn doesn don could might may can should must a an the its their "
    "his her our this that these those on of in for at from with by into after before is are "
    "was were be been being"
)
# a participle after these is no past cue ("will be published", "is expected",
# "will stay closed", the passive "get": "is going to start getting beat up in the
# spring", "will get paid"; "got" stays a past cue of its own)
_PASSIVE_AUX = _word_set(
    "be been being is are stay stays remain remains get gets getting got gotten"
)
# "were planning to", "was scheduled to", "had been set to": the future in the past
_PAST_AUX = _word_set("was were had")
_SCHEDULED = _word_set("scheduled slated")
# "set" is past and present alike; after a present "be" it is a standing plan ("is
# set for", "they're set for", "has been set for"), after "was" it stays untensed
_PRESENT_BE = _word_set("is are re s be been being")
# ... and so is "due" ("the payment is due Friday", "the report is due out Friday";
# "was due Friday" stays untensed)
_PRESENT_PLAN = _word_set("set due")
_DETERMINERS = _word_set("a an the its their his her our still newly")
_WORD = re.compile(r"[A-Za-z]+")


# A preposition right before the expression outweighs the clause's verbs:
# after "by", "until", "through", "payable", "to" the date is whichever is nearest
# ("through June" in March is ahead, "through Oct. 19" in late October behind);
# after "since" or "ended" it is behind ("ending" has no tense of its own: "the
# quarter ending Dec. 31" in October is this December).
_NEAREST_LEFT = re.compile(
    r"\b(?:by|until|till|through|payable|effective|expires?|expiring|record|starting|"
    r"beginning|as\s+of|to)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
_PAST_LEFT = re.compile(r"\b(?:since|ended)\s+(?:the\s+)?\Z", re.IGNORECASE)
# "as soon as Friday", "ahead of Tuesday's vote"; and a date that a present "is/are"
# states ("The general election is on Nov. 5", "Kickoff is at 1 p.m. Sunday", "The
# deadline is Friday"): what a present copula dates is scheduled, not past
_FUTURE_LEFT = re.compile(
    r"\b(?:as\s+(?:soon|early)\s+as|ahead\s+of|(?:is|are)(?:\s+(?:on|at))?)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
# a decimal point ("$29.75") ends no clause; a quotation mark does: the reporting
# verb outside a quote does not give its tense to the quote ("''He will leave at
# 4 a.m. Thursday,'' Castro said")
_AS_SOON_AS = re.compile(r"\bas\s+soon\s+as\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[!?;\n\"“”]|\.(?!\d)|''|``")
_WINDOW = 120


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): up to the nearest sentence punctuation."""
    lo = max(0, start - _WINDOW)
    left = text[lo:start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(left)), default=0)
    hi_m = _CLAUSE_END.search(text, end, min(len(text), end + _WINDOW))
    return lo + cut, hi_m.start() if hi_m else min(len(text), end + _WINDOW)


# A verb that puts something off or grants time before "until": the date is ahead
# of that act ("postponed until Tuesday morning any action", "extended its deadline
# until 9 a.m. Tuesday", "has given the relatives until 9 a.m. Tuesday to sign",
# "they have until Friday"), whatever the verb's own tense
_DEFERRAL_UNTIL = re.compile(
    r"\b(?:postpone[sd]?|postponing|delay(?:s|ed|ing)?|defer(?:s|red|ring)?|"
    r"extend(?:s|ed|ing)?|adjourn(?:s|ed|ing)?|recess(?:ed|ing)?|put(?:s|ting)?\s+off|"
    r"give[sn]?|gave|giving|grant(?:s|ed|ing)?|has|have)\b"
    r"[^.;!?\n]{0,60}?\b(?:until|till)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)


def clause_tense(text: str, start: int, end: int) -> Tense:
    """Tense of the clause, decided by the cue nearest to the expression."""
    if _NEAREST_LEFT.search(text, max(0, start - 20), start):
        if _DEFERRAL_UNTIL.search(text, max(0, start - 90), start):
            return Tense.FUTURE
        # "will stay closed until Tuesday", "said it would decide by Friday": a
        # deadline in a clause with a future auxiliary is ahead
        tense, word = _nearest_cue(text, start, end)
        return Tense.FUTURE if word in _FUTURE_AUX else Tense.NEAREST
    if _PAST_LEFT.search(text, max(0, start - 20), start):
        return Tense.ENDED
    if _FUTURE_LEFT.search(text, max(0, start - 20), start):
        return Tense.FUTURE
    lo, _hi = clause_bounds(text, start, end)
    if _AS_SOON_AS.search(text, lo, start):
        return Tense.FUTURE  # "likely to buy as soon as trading opened Monday"
    tense, word = _nearest_cue(text, start, end)
    if tense is Tense.PAST and _dates_past_act(text, lo, start, word):
        return Tense.ENDED
    if tense is Tense.NONE and _fronted(text, start, end):
        return _main_clause_cue(text, text.index(",", end) + 1)
    return tense


# "In January, a week after the anniversary of the Roe vs. Wade decision, a clinic
# bombing in Birmingham, Ala., killed a guard": a sentence-opening "In/On <date>,"
# takes the tense of its sentence's main clause, however far its verb
_FRONTED_LEFT = re.compile(r"(?:\A|[.!?][\"'”’]*\s+|\n\s*)(?:In|On)\s+\Z")
_FRONTED_RIGHT = re.compile(r"\s*,")
_FRONTED_LOOKBEHIND = 12
_SENTENCE_REACH = 300
# what ends the sentence: a period before white space and a capital, unless after
# "vs.", a title or an initial ("Roe vs. Wade", "Gen. Smith", "U.S. Open"); never a
# period before a comma or a lower-case word ("Birmingham, Ala., killed"); a
# quotation ends the clause
_SENTENCE_END = re.compile(
    r"[!?;\n\"“”]|''|``|(?<!\bvs)(?<!\bv)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)"
    r"(?<!\bGen)(?<!\bGov)(?<!\bSen)(?<!\bRep)(?<!\bSgt)(?<!\bLt)(?<!\bCol)(?<!\bRev)"
    r"(?<!\b[A-Z])\.(?=\s+[^a-z\s]|\s*\Z)"
)


def _fronted(text: str, start: int, end: int) -> bool:
    return bool(
        _FRONTED_RIGHT.match(text, end)
        and _FRONTED_LEFT.search(text, max(0, start - _FRONTED_LOOKBEHIND), start)
    )


def _main_clause_cue(text: str, after: int) -> Tense:
    """The first tense cue after a fronted adverbial, up to its sentence's end."""
    limit = min(len(text), after + _SENTENCE_REACH)
    stop = _SENTENCE_END.search(text, after, limit)
    hi = stop.start() if stop else limit
    words = [(m.group(0).lower(), m.start(), m.end()) for m in _WORD.finditer(text, after, hi)]
    for i in range(len(words)):
        tense = _cue(words, i)
        if tense is not Tense.NONE:
            return tense
    return Tense.NONE


# "changed from a fiscal year to a calendar year in December", "closed in early
# November": "in <month>" after a past verb of completion in the same clause dates
# that finished act, so a month just ahead is last year's. Only verbs whose act is
# over once done: after others the month often dates what the act looks ahead to
# ("signaled a rate cut in December", "promised a decision in November", "planned a
# launch in November", "unveiled a phone available in November"). Not across a
# comma, an infinitive ("voted to close the plant in November"), or a
# "that/which/who" clause; other prepositions keep the slack ("for November")
_IN_LEFT = re.compile(r"\bin\s+\Z", re.IGNORECASE)
_COMPLETED_ACTS = _word_set(
    "changed switched converted closed shut ended completed finished concluded ceased "
    "dissolved expired resigned retired died merged collapsed"
)
_CLAUSE_BREAK = _word_set("that which who whom whose where when while because if")


def _dates_past_act(text: str, lo: int, start: int, cue: str) -> bool:
    """Whether the expression is "in <date>" right after its clause's past cue."""
    if cue not in _COMPLETED_ACTS or not _IN_LEFT.search(text, max(0, start - 5), start):
        return False
    between = [(m.group(0).lower(), m.start()) for m in _WORD.finditer(text, lo, start)]
    at = max((i for i, (w, _p) in enumerate(between) if w == cue), default=None)
    if at is None or "," in text[between[at][1] : start]:
        return False
    after = [w for w, _p in between[at + 1 :]]
    if any(w in _CLAUSE_BREAK or w in _FUTURE_AUX for w in after):
        return False
    return not any(
        w == "to" and (j + 1 >= len(after) or after[j + 1] not in _DETERMINERS)
        for j, w in enumerate(after)
    )


_FUTURE_AUX = _word_set("will would shall ll won")
# "Wednesday's ruling", "after Tuesday's vote": a possessive weekday names an event
# the story reports; the "would" of reported speech around it is no cue ("said they
# would look for ways to get around Wednesday's ruling"), while "next", "upcoming",
# "ahead of" still are
_POSSESSIVE_WEEKDAY = re.compile(rf"\b{WEEKDAY}\Z")
_POSSESSIVE = re.compile(r"['’]s\b")


# a reporting verb after the expression and a comma attributes the whole statement
# ("The Fed is expected to cut rates in May, traders said"): its past is the time of
# the report, not of what is reported, so it gives the expression no tense
_ATTRIBUTION = _word_set("said says told added noted reported stated explained")
# what may follow the attribution before its sentence ends: "said.", "said Tuesday.",
# "said in a statement." (not "said that ...": a clause of its own)
_TAIL_END = re.compile(r"(?:\s+[\w.]{1,40}){0,3}?\s*[.!?;\n]")


def _attribution_tail(text: str, end: int, verb_end: int) -> bool:
    """Whether a reporting verb after the expression closes the sentence after a comma."""
    return "," in text[end:verb_end] and bool(_TAIL_END.match(text, verb_end))


def _nearest_cue(text: str, start: int, end: int) -> tuple[Tense, str]:
    """The tense cue of the clause's words nearest to the expression, and its word."""
    lo, hi = clause_bounds(text, start, end)
    words = [(m.group(0).lower(), m.start(), m.end()) for m in _WORD.finditer(text, lo, hi)]
    possessive_weekday = bool(
        _POSSESSIVE.match(text, end) and _POSSESSIVE_WEEKDAY.search(text, start, end)
    )
    best: tuple[int, Tense, str] | None = None
    scheduled_right_before = False
    for i, (word, w_start, w_end) in enumerate(words):
        scheduled_right_before = scheduled_right_before or _scheduled_verb_before(
            words, i, text, start
        )
        if start <= w_start < end:
            continue  # a cue inside the expression itself ("next Friday")
        if possessive_weekday and word == "would":
            continue
        if w_start >= end and word in _ATTRIBUTION and _attribution_tail(text, end, w_end):
            continue  # "... to cut rates in May, traders said": the report's tense
        tense = _cue(words, i)
        if tense is Tense.NONE:
            continue
        distance = start - w_end if w_end <= start else w_start - end
        if best is None or distance < best[0]:
            best = (distance, tense, word)
    if best is None and scheduled_right_before:
        return Tense.FUTURE, ""  # only where no other word of the clause gives a tense
    return (best[1], best[2]) if best else (Tense.NONE, "")


# Present forms that are nouns as often as verbs ("housing starts", "the close",
# "press releases", "tax returns") are a scheduled present only right before the date
# they schedule: "The Open starts Sunday", "Polls close at 8 p.m. Tuesday", "The film
# releases on Friday" ("Housing starts in May rose" stays untensed), and only when no
# other word of the clause gives a tense ("The market close Friday was weak"). Not
# "runs" or "plays", which sport writes as nouns before a day ("hit two home runs
# Sunday", where "hit" gives no tense)
_SCHEDULED_NOUN_VERBS = _word_set("starts close open releases returns")
_RIGHT_BEFORE_DATE = re.compile(r"\s+(?:(?:early|late)\s+)?(?:(?:on|at)\s+)?\Z")


def _scheduled_verb_before(
    words: list[tuple[str, int, int]], i: int, text: str, start: int
) -> bool:
    word, _w_start, w_end = words[i]
    if word not in _SCHEDULED_NOUN_VERBS or w_end > start:
        return False
    previous = words[i - 1][0] if i > 0 else ""
    gap_ok = _RIGHT_BEFORE_DATE.match(text, w_end, start) is not None
    return gap_ok and previous not in _NOT_PRESENT_BEFORE


# "expect sales to rise", "predicts the bank to cut rates": a present verb of
# expectation with its object and then "to" looks ahead (the object is at most
# three words, "to" no preposition of a place: "expect visitors to Paris" is rare
# enough in a dated clause). Past "expected" stays a past cue
_EXPECT_PRESENT = _word_set("expect expects predict predicts forecast forecasts want wants")
_OBJECT_REACH = 4


def _object_then_to(words: list[tuple[str, int, int]], i: int) -> bool:
    following = [w for w, _s, _e in words[i + 1 : i + 1 + _OBJECT_REACH]]
    return "to" in following[1:] and following[0] not in _CLAUSE_BREAK


def _cue(words: list[tuple[str, int, int]], i: int) -> Tense:
    word = words[i][0]
    following = words[i + 1][0] if i + 1 < len(words) else ""
    if _past_perfect_plan(words, i):
        return Tense.NONE  # "had been scheduled to expire Friday": made before a past point
    if word in _FUTURE_WORDS or (following == "to" and word in _FUTURE_BEFORE_TO):
        return Tense.FUTURE
    if word in _EXPECT_PRESENT and _object_then_to(words, i):
        return Tense.FUTURE  # "Analysts expect sales to rise in the fourth quarter"
    if word == "won" and following == "t":  # "won't"
        return Tense.FUTURE
    if word in _PRESENT_PLAN and i > 0 and words[i - 1][0] in _PRESENT_BE:
        return Tense.FUTURE  # "the vote is set for Nov. 5", "is due Friday": still ahead
    if word in _SCHEDULED_PRESENT:
        previous = words[i - 1][0] if i > 0 else ""
        return Tense.NONE if previous in _NOT_PRESENT_BEFORE else Tense.FUTURE
    if word in _PAST_AUX and (
        following in _SCHEDULED
        or (following in _FUTURE_BEFORE_TO and i + 2 < len(words) and words[i + 2][0] == "to")
    ):
        return Tense.NONE  # "were planning to drive", "was scheduled": the future in the past
    if word in _PAST_WORDS or (len(word) > 3 and word.endswith("ed")):
        previous = words[i - 1][0] if i > 0 else ""
        if previous in _DETERMINERS and word not in _PAST_WORDS:
            return Tense.NONE  # an adjective: "a still unspecified date", "the revised plan"
        return Tense.NONE if previous in _PASSIVE_AUX else Tense.PAST
    return Tense.NONE


# "had been scheduled to", "previously had been set to", "had originally been slated
# for": a plan in the past perfect was made before a past reference point and has
# mostly been overtaken ("The offer previously had been scheduled to expire at
# midnight Friday. Dow Jones said it extended the offer"): neither the plan word nor
# "had" is a cue; the date goes by the untensed default
_PLAN_WORDS = _SCHEDULED | _word_set("set due")
_PERFECT_GAP = _word_set("been previously originally initially")


def _past_perfect_plan(words: list[tuple[str, int, int]], i: int) -> bool:
    """Whether words[i] is the "had" or the plan word of "had ... been scheduled"."""
    if words[i][0] == "had":
        j = i + 1
        while j < len(words) and words[j][0] in _PERFECT_GAP:
            j += 1
        had, plan = i, j
    elif words[i][0] in _PLAN_WORDS:
        j = i - 1
        while j >= 0 and words[j][0] in _PERFECT_GAP:
            j -= 1
        had, plan = j, i
    else:
        return False
    return (
        0 <= had < plan < len(words)
        and words[had][0] == "had"
        and words[plan][0] in _PLAN_WORDS
        and any(w == "been" for w, _s, _e in words[had + 1 : plan])
    )


@dataclass(slots=True)
class Discourse:
    """What earlier expressions of the same article established.

    Quarterly reports compare "the quarter" with "a year earlier": both refer to
    the quarter the report is about — the first quarter the article names, or a
    later one that has ended by the publication date (an outlook for the current
    quarter does not replace it).

    Narrative anaphora ("the following month", "the previous Friday", "that
    year") resolve against `reference`: the last date the article named.
    """

    last_quarter: tuple[int, int] | None = None
    # the reported quarter was named by its fiscal number ("the fiscal first quarter")
    fiscal_quarter: bool = False
    reference: dt.date | None = None
    reference_unit: Granularity | None = None

    def note(
        self,
        value: str,
        end: dt.date | None = None,
        dct: dt.date | None = None,
        *,
        fiscal: bool = False,
    ) -> None:
        m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
        if not m:
            return
        ended = end is None or dct is None or end < dct
        if self.last_quarter is None or ended:
            self.last_quarter = (int(m.group(1)), int(m.group(2)))
            self.fiscal_quarter = fiscal

    def quarter_by_date(self) -> bool:
        """Whether "the quarter ended Sept. 30" is the calendar quarter of its date:
        not when the article numbers its quarters by a fiscal year ("the fiscal first
        quarter ... the quarter ended Sept. 30"): the quarter keeps that number."""
        return self.last_quarter is None or not self.fiscal_quarter

    def note_year_to_date(self) -> None:
        """ "In the first nine months, net rose …, from $X a year earlier": after a
        year-to-date period the comparisons are with the previous year, not with
        the reported quarter (until the article names a quarter again)."""
        self.last_quarter = None

    def note_reference(self, anchored: Anchored) -> None:
        """Remember a named date (not a vague reference) as the narrative reference."""
        if anchored.start_date is None or anchored.granularity in (None, Granularity.VAGUE):
            return
        self.reference = anchored.start_date
        self.reference_unit = anchored.granularity


def apply_discourse(m: Meaning, discourse: Discourse) -> Meaning:
    """Rewrite a quarter-dependent meaning into a plain calendar quarter, and
    "then" into the story's last named date (left as ANAPHOR when there is none)."""
    if m.discourse == ANAPHOR:
        return _anaphor(m, discourse)
    if m.discourse is None or m.discourse == NARRATIVE or discourse.last_quarter is None:
        return m
    year, q = discourse.last_quarter
    if m.discourse == "year_before":
        year -= 1
    elif m.discourse == "in_year" and m.year is not None:
        year = m.year
    return Meaning(Kind.CALENDAR, "quarter", year=year, index=q, mod=m.mod)


def _anaphor(m: Meaning, discourse: Discourse) -> Meaning:
    ref, unit = discourse.reference, discourse.reference_unit
    if ref is None or unit not in (Granularity.DAY, Granularity.MONTH, Granularity.YEAR):
        return m
    if unit is Granularity.DAY:
        return Meaning(Kind.CALENDAR, "day", year=ref.year, month=ref.month, day=ref.day)
    if unit is Granularity.MONTH:
        return Meaning(Kind.CALENDAR, "month", year=ref.year, month=ref.month)
    return Meaning(Kind.CALENDAR, "year", year=ref.year)


def quarter_closed_by(end: dt.date) -> Meaning:
    """ "the quarter ended July 31": the calendar quarter holding most of the three
    months before that date (its middle, 45 days back: May-July is the second)."""
    middle = end - dt.timedelta(days=45)
    return Meaning(Kind.CALENDAR, "quarter", year=middle.year, index=cal.quarter_of(middle))


def reference_time(m: Meaning, discourse: Discourse, dct: dt.date) -> dt.date:
    """The date a meaning is resolved against: the DCT, or for narrative anaphora
    the last date the article named (the DCT when it named none, or named it
    more coarsely than the expression needs: "that day" after "in 1987")."""
    ref, ref_unit = discourse.reference, discourse.reference_unit
    if m.discourse != NARRATIVE or ref is None or ref_unit is None:
        return dct
    needed = _GRANULARITY.get("day" if m.kind is Kind.WEEKDAY else m.unit)
    if needed is None or ref_unit.rank > needed.rank:
        return dct
    return ref


@dataclass(frozen=True, slots=True)
class Anchored:
    type: TimexType
    value: str
    mod: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    granularity: Granularity | None


_GRANULARITY = {
    "day": Granularity.DAY,
    "week": Granularity.WEEK,
    "weekend": Granularity.WEEK,
    "month": Granularity.MONTH,
    "quarter": Granularity.QUARTER,
    "season": Granularity.SEASON,
    "half": Granularity.HALF,
    "year": Granularity.YEAR,
    "decade": Granularity.DECADE,
    "century": Granularity.CENTURY,
}


def anchor(m: Meaning, dct: dt.date, tense: Tense) -> Anchored | None:
    """Resolve one meaning; None when it names no real calendar date."""
    try:
        return _anchor(m, dct, tense)
    except (ValueError, OverflowError, KeyError):
        return None  # "February 30", year 0, … : not a date


def _anchor(m: Meaning, dct: dt.date, tense: Tense) -> Anchored | None:
    if m.kind in (Kind.DURATION, Kind.SET):
        ttype = TimexType.DURATION if m.kind is Kind.DURATION else TimexType.SET
        return Anchored(ttype, m.value or "", m.mod, None, None, None)
    if m.kind is Kind.REF:
        return _ref(m, dct)
    resolved = _point(m, dct, tense)
    if resolved is None:
        return None
    value, span, unit, ref_day = resolved
    if m.end is not None:
        other = _point(m.end, dct, tense)
        if other is not None and other[1][1] >= span[0]:
            span = (span[0], other[1][1])
    elif m.mod:
        span = cal.sub_interval(span, unit, m.mod)
    ttype = TimexType.DATE
    if m.tod and ref_day is not None:
        value, ttype = timex3.time_value(ref_day, m.tod), TimexType.TIME
    return Anchored(ttype, value, m.mod, span[0], span[1], _GRANULARITY[unit])


Point = tuple[str, cal.Interval, str, dt.date | None]


def _point(m: Meaning, dct: dt.date, tense: Tense) -> Point | None:
    point = _named_point(m, dct, tense)
    if point is None or point[3] is None or not (m.shift_days or m.week_of):
        return point
    day = cal.shift_days(point[3], m.shift_days)
    if m.week_of:
        return timex3.week_value(day), cal.week_of(day), "week", None
    return _day_point(day)


def _named_point(m: Meaning, dct: dt.date, tense: Tense) -> Point | None:
    if m.kind is Kind.WEEKDAY and m.unit == "weekend":
        saturday = _weekday(m, dct, tense)
        return timex3.weekend_value(saturday), cal.weekend_of(saturday), "weekend", None
    if m.kind is Kind.WEEKDAY:
        return _day_point(_weekday(m, dct, tense))
    if m.kind is Kind.RELATIVE:
        return _unit_point(m.unit, dct, m.offset or 0, m)
    if m.kind is Kind.AGO:
        return _unit_point(m.unit, dct, m.offset or 0, m)
    if m.kind is Kind.CALENDAR:
        return _calendar(m, dct, tense)
    return None


def _day_point(d: dt.date) -> Point:
    return timex3.date_value(d), cal.day(d), "day", d


def _weekday(m: Meaning, dct: dt.date, tense: Tense) -> dt.date:
    wd = int(m.index or 1)
    if m.direction < 0:
        return cal.weekday_on_or_before(cal.shift_days(dct, -1), wd)
    if m.direction > 0:
        return cal.weekday_on_or_after(cal.shift_days(dct, 1), wd)
    if tense is Tense.FUTURE:
        return cal.weekday_on_or_after(dct, wd)
    # news default: a bare weekday is the latest one on or before the DCT
    return cal.weekday_on_or_before(dct, wd)


def _unit_point(unit: str, dct: dt.date, offset: int, m: Meaning) -> Point:
    """The DCT's `unit` shifted by `offset` units."""
    if unit == "day":
        return _day_point(cal.shift_days(dct, offset))
    if unit in ("week", "weekend"):
        ref = cal.shift_days(dct, 7 * offset)
        if unit == "weekend":
            return timex3.weekend_value(ref), cal.weekend_of(ref), unit, None
        return timex3.week_value(ref), cal.week_of(ref), unit, None
    if unit == "month":
        y, mo = cal.add_months(dct.year, dct.month, offset)
        return timex3.month_value(y, mo), cal.month(y, mo), unit, None
    if unit == "quarter":
        y, mo = cal.add_months(dct.year, 3 * (cal.quarter_of(dct) - 1) + 1, 3 * offset)
        q = (mo - 1) // 3 + 1
        return timex3.quarter_value(y, q), cal.quarter(y, q), unit, None
    if unit == "half":
        h0 = (dct.month - 1) // 6 + 1
        y, mo = cal.add_months(dct.year, 6 * (h0 - 1) + 1, 6 * offset)
        h = (mo - 1) // 6 + 1
        return timex3.half_value(y, h), cal.half(y, h), unit, None
    if unit == "season":
        sy, code = cal.season_of(dct)
        y, mo = cal.add_months(sy, cal.SEASON_START_MONTH[code], 3 * offset)
        sy, code = cal.season_of(dt.date(y, mo, 1))
        return timex3.season_value(sy, code), cal.season(sy, code), unit, None
    if unit == "year":
        y = dct.year + offset
        return timex3.year_value(y), cal.year(y), unit, None
    if unit == "decade":
        first = (dct.year // 10 + offset) * 10
        return timex3.decade_value(first), cal.decade(first), unit, None
    if unit == "century":
        first = (dct.year // 100 + offset) * 100
        return timex3.century_value(first), cal.century(first), unit, None
    raise KeyError(unit)


def _calendar(m: Meaning, dct: dt.date, tense: Tense) -> Point | None:
    unit = m.unit
    if unit == "decade":
        first = int(m.index or 0)
        return timex3.decade_value(first), cal.decade(first), unit, None
    if unit == "century":
        first = int(m.index or 0)
        return timex3.century_value(first), cal.century(first), unit, None
    year = _year_of(m, dct, tense)
    if unit == "year":
        return timex3.year_value(year), cal.year(year), unit, None
    if unit == "day":
        return _day_point(_day_in_year(m, year))
    if unit == "month":
        month = m.month or 1
        return timex3.month_value(year, month), cal.month(year, month), unit, None
    if unit == "quarter":
        q = int(m.index or 1)
        return timex3.quarter_value(year, q), cal.quarter(year, q), unit, None
    if unit == "half":
        h = int(m.index or 1)
        return timex3.half_value(year, h), cal.half(year, h), unit, None
    if unit == "season":
        code = str(m.index)
        return timex3.season_value(year, code), cal.season(year, code), unit, None
    return None


def _year_of(m: Meaning, dct: dt.date, tense: Tense) -> int:
    if m.year is not None:
        return m.year
    if m.offset is not None:
        return dct.year + m.offset
    years = (dct.year - 1, dct.year, dct.year + 1)
    spans: list[tuple[int, cal.Interval]] = []
    for y in years:
        span = _span_in_year(m, y)
        if span is not None:
            spans.append((y, span))
    if m.unit == "quarter" and m.direction == 0:
        return _quarter_year(m, dct, tense)
    if m.direction < 0:
        # "last April": the latest one over by a month ("last February" on March 1 is 1 year back)
        before = [y for y, s in spans if s[1] < dct - dt.timedelta(days=_LAST_GAP_DAYS)]
        return max(before) if before else dct.year - 1
    if m.direction == 0 and tense in (Tense.PAST, Tense.ENDED):
        before = [y for y, s in spans if s[0] <= dct]
        soon = [y for y, s in spans if dct < s[0] <= dct + dt.timedelta(days=_PAST_SLACK_DAYS)]
        # a past clause may still name a date just ahead ("said it would expire Nov. 1"),
        # but what has ended or has lasted since a date lies behind ("the quarter ended
        # Oct. 31" on Oct. 27 is last year's)
        if soon and m.unit in ("day", "month") and tense is Tense.PAST:
            return min(soon)
        return max(before) if before else dct.year
    if m.direction > 0 or tense is Tense.FUTURE:
        after = [y for y, s in spans if s[0] > dct] if m.direction > 0 else []
        after = after or [y for y, s in spans if s[1] >= dct]
        return min(after) if after else dct.year
    # no tense: the year that puts the expression nearest the DCT; news mostly
    # reports the past, so a future reading must be nearer by a month to win
    distance = _deadline_distance if tense is Tense.NEAREST else _untensed_distance
    return min(spans, key=lambda ys: distance(ys[1], dct))[0] if spans else dct.year


_LAST_GAP_DAYS = 30
_FUTURE_PENALTY_DAYS = 30


def _untensed_distance(span: cal.Interval, dct: dt.date) -> int:
    return _distance(span, dct) + (_FUTURE_PENALTY_DAYS if span[0] > dct else 0)


_PAST_SLACK_DAYS = 45


# after "by", "until", "effective" a date ahead is a deadline and wins unless the
# one behind is four months nearer ("flights by August" in February: this August)
def _deadline_distance(span: cal.Interval, dct: dt.date) -> int:
    return _distance(span, dct) - (_DEADLINE_BONUS_DAYS if span[0] > dct else 0)


_DEADLINE_BONUS_DAYS = 120


def _quarter_year(m: Meaning, dct: dt.date, tense: Tense) -> int:
    # financial news reports quarters that have begun; a later number is last year's,
    # unless the clause looks ahead ("sales will rise in the fourth quarter" in
    # September). A future clause does not move a quarter that has begun or ended to
    # next year: what lies ahead is its report ("expects third-quarter earnings to
    # fall" in October is this year's third quarter)
    if tense is Tense.FUTURE or int(m.index or 1) <= cal.quarter_of(dct):
        return dct.year
    return dct.year - 1


def _day_in_year(m: Meaning, year: int) -> dt.date:
    if isinstance(m.index, str):  # a named holiday
        return cal.holiday(year, m.index)
    return dt.date(year, m.month or 1, m.day or 1)


def _span_in_year(m: Meaning, year: int) -> cal.Interval | None:
    try:
        if m.unit == "day":
            d = _day_in_year(m, year)
            return d, d
        if m.unit == "month":
            return cal.month(year, m.month or 1)
        if m.unit == "quarter":
            return cal.quarter(year, int(m.index or 1))
        if m.unit == "half":
            return cal.half(year, int(m.index or 1))
        if m.unit == "season":
            return cal.season(year, str(m.index))
    except ValueError:
        return None  # Feb 29 in a common year
    return cal.year(year)


def _distance(span: cal.Interval, dct: dt.date) -> int:
    if span[0] <= dct <= span[1]:
        return 0
    return min(abs((span[0] - dct).days), abs((span[1] - dct).days))


def _ref(m: Meaning, dct: dt.date) -> Anchored:
    value = m.value or "PRESENT_REF"
    if value == "PRESENT_REF":
        return Anchored(TimexType.DATE, value, m.mod, dct, dct, Granularity.DAY)
    reach = dt.timedelta(days=m.bound_days or 30)
    if value == "FUTURE_REF":
        return Anchored(TimexType.DATE, value, m.mod, dct, dct + reach, Granularity.VAGUE)
    return Anchored(TimexType.DATE, value, m.mod, dct - reach, dct, Granularity.VAGUE)
