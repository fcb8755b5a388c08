"""RuleTemporalTagger: text + publication date -> timexes.

Phase 1 runs every rule family over the text and refines the candidates
(vetoes, overlaps, modifiers, ranges); phase 2 anchors each one against the
DCT and the tense of its clause (`anchor.py`).  Pure: tables and compiled
patterns load once in the constructor; `tag` does no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from app.extraction.temporal import refine
from app.extraction.temporal.anchor import (
    Anchored,
    Discourse,
    Tense,
    anchor,
    apply_discourse,
    clause_tense,
    quarter_closed_by,
    reference_time,
)
from app.extraction.temporal.candidate import ANAPHOR, QUARTER_ENDED, Candidate, Kind, Meaning
from app.extraction.temporal.rules import (
    absolute,
    durations,
    holidays,
    non_dates,
    periods,
    relative,
    vague,
    weekday,
)
from app.extraction.temporal.rules.base import Rule
from app.extraction.temporal.rules.triggers import TRIGGERS, WINDOW_LEFT, WINDOW_RIGHT, token_keys
from app.extraction.types import Granularity, Timex

FAMILIES = (absolute, weekday, relative, periods, vague, durations, holidays)


def all_rules() -> tuple[Rule, ...]:
    return tuple(rule for family in FAMILIES for rule in family.RULES)


class RuleTemporalTagger:
    """Chronicle's temporal tagger (SPEC §4)."""

    def __init__(self, rules: Sequence[Rule] | None = None, *, gated: bool = True) -> None:
        self._rules = tuple(rules) if rules is not None else all_rules()
        self._vetoes = non_dates.VETOES
        # trigger token -> indices of the rules it may start; rules without
        # triggers (or with gating off) scan the whole text
        self._by_key: dict[str, list[int]] = {}
        self._always: list[int] = []
        for i, rule in enumerate(self._rules):
            keys = TRIGGERS.get(rule.name) if gated else None
            if not keys:
                self._always.append(i)
            for key in keys or ():
                self._by_key.setdefault(key, []).append(i)

    def _windows(self, text: str) -> dict[int, list[tuple[int, int]]]:
        """For each rule to run: the merged text windows around its triggers."""
        starts: dict[int, list[int]] = {}
        for key, start, _end in token_keys(text):
            for i in self._by_key.get(key, ()):
                starts.setdefault(i, []).append(start)
        windows = {i: [(0, len(text))] for i in self._always}
        for i, positions in starts.items():
            merged: list[tuple[int, int]] = []
            for p in positions:  # already in text order
                lo, hi = max(0, p - WINDOW_LEFT), min(len(text), p + WINDOW_RIGHT)
                if merged and lo <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], hi)
                else:
                    merged.append((lo, hi))
            windows[i] = merged
        return windows

    def candidates(self, text: str) -> list[Candidate]:
        """Phase 1: refined, non-overlapping candidates sorted by start."""
        found: list[Candidate] = []
        for i, spans in self._windows(text).items():
            rule = self._rules[i]
            for lo, hi in spans:
                for m in rule.compiled.finditer(text, lo, hi):
                    if m.end() == m.start():
                        continue
                    meaning = rule.build(m, text)
                    if meaning is not None:
                        start, end = _trim(text, m.start(), m.end())
                        found.append(Candidate(start, end, rule.name, meaning, rule.priority))
        kept = refine.drop_vetoed(found, text, self._vetoes)
        kept = refine.resolve_overlaps(kept)
        kept = refine.absorb_modifiers(kept, text)
        return refine.merge_ranges(kept, text)

    def tag(self, text: str, dct: dt.date) -> list[Timex]:
        if isinstance(dct, dt.datetime):
            dct = dct.date()
        out: list[Timex] = []
        discourse = Discourse()
        candidates = self.candidates(text)
        for i, c in enumerate(candidates):
            meaning = c.meaning
            named_quarter = meaning.kind is Kind.CALENDAR and meaning.unit == "quarter"
            if meaning.discourse == QUARTER_ENDED and discourse.quarter_by_date():
                closing = _closing_date(candidates, i, text, discourse, dct)
                if closing is not None:
                    meaning, named_quarter = quarter_closed_by(closing), True
            elif named_quarter and meaning.year is None and meaning.offset is None:
                # "the second quarter ended Oct. 31" (on Oct. 27): a numbered quarter
                # is in the year of the date that closed it
                closing = _closing_date(candidates, i, text, discourse, dct)
                if closing is not None:
                    meaning = replace(meaning, year=closing.year)
            a = _resolve(meaning, c, text, discourse, dct)
            if a is None:
                continue
            if named_quarter and not _compared_quarter(text, c.start):
                # only quarters the text names, not derived ones, nor one named as
                # what came before ("after a flat second quarter")
                discourse.note(a.value, a.end_date, dct, fiscal=meaning.fiscal)
            discourse.note_reference(a)
            if _YEAR_TO_DATE.match(text, c.start, c.end):
                discourse.note_year_to_date()
            out.append(
                Timex(
                    text=text[c.start : c.end],
                    start=c.start,
                    end=c.end,
                    type=a.type,
                    value=a.value,
                    mod=a.mod,
                    start_date=a.start_date,
                    end_date=a.end_date,
                    granularity=a.granularity,
                    rule=c.rule,
                )
            )
        return out


def _resolve(
    meaning: Meaning, c: Candidate, text: str, discourse: Discourse, dct: dt.date
) -> Anchored | None:
    """Anchor one candidate's meaning against the discourse so far and the DCT."""
    meaning = apply_discourse(meaning, discourse)
    if meaning.discourse == ANAPHOR:
        return None  # "until then" with no date named before it
    tense = clause_tense(text, c.start, c.end) if _needs_tense(meaning) else Tense.NONE
    return anchor(meaning, reference_time(meaning, discourse, dct), tense)


_ENDED = re.compile(r"\s+(?:ended|ending)\s+\Z")


def _closing_date(
    candidates: Sequence[Candidate], i: int, text: str, discourse: Discourse, dct: dt.date
) -> dt.date | None:
    """The day named right after "the quarter ended/ending", anchored."""
    if i + 1 >= len(candidates):
        return None
    here, nxt = candidates[i], candidates[i + 1]
    if not _ENDED.match(text[here.end : nxt.start]):
        return None
    a = _resolve(nxt.meaning, nxt, text, discourse, dct)
    if a is None or a.granularity is not Granularity.DAY or a.end_date is None:
        return None
    return a.end_date


# "After a flat [second quarter]", "up 4% from [the second quarter]", "compared with
# [the second quarter]": a quarter named as what preceded or is compared with is a
# sequential comparison, not the quarter the report is about
_COMPARED_QUARTER = re.compile(
    r"\b(?:after|following|from|compared\s+(?:with|to))\s+"
    r"(?:(?:a|an|the|its|their)\s+)?(?:[a-z-]+\s+)?\Z",
    re.IGNORECASE,
)
# the longest cue with its article and adjective ("compared with the fiscal-fourth ")
_COMPARED_REACH = 48


def _compared_quarter(text: str, start: int) -> bool:
    # a bounded look back: searching the whole prefix would make an article of many
    # quarters cost time quadratic in its length
    return bool(_COMPARED_QUARTER.search(text, max(0, start - _COMPARED_REACH), start))


# "the first nine months", "the six months": a year-to-date reporting period
_YEAR_TO_DATE = re.compile(r"the\s+(?:first\s+)?(?:six|nine|6|9)\s+months\Z", re.IGNORECASE)


def _needs_tense(m: Meaning) -> bool:
    if m.kind is Kind.WEEKDAY:
        return m.direction == 0
    return m.kind is Kind.CALENDAR and m.year is None and m.offset is None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip surrounding whitespace and a trailing comma from a matched span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end
