"""Phase-1 refiners, applied in order to the raw rule matches:

1. `drop_vetoed`      — remove look-alikes inside a veto span (names, figures);
2. `resolve_overlaps` — keep the longest span, then the higher priority;
3. `absorb_modifiers` — "late" + "September", "the end of" + "1990";
4. `merge_ranges`     — "between Monday and Wednesday" -> one interval.

All run in O(n log n) in the number of candidates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from app.extraction.intervals import non_overlapping
from app.extraction.temporal.candidate import Candidate, Kind, Meaning


def drop_vetoed(
    candidates: Iterable[Candidate], text: str, vetoes: Sequence[re.Pattern[str]]
) -> list[Candidate]:
    """Drop candidates lying inside a veto match (searched only near candidates)."""
    kept = []
    for c in candidates:
        lo, hi = max(0, c.start - _VETO_REACH), min(len(text), c.end + _VETO_REACH)
        inside = any(
            m.start() <= c.start and c.end <= m.end()
            for v in vetoes
            for m in v.finditer(text, lo, hi)
        )
        if not inside:
            kept.append(c)
    return kept


_VETO_REACH = 40


def resolve_overlaps(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Longest span first, then priority, then leftmost; no overlaps (in time
    proportional to the text even with thousands of candidates)."""
    return non_overlapping(
        candidates, lambda c: (c.start, c.end), lambda c: (-c.length, -c.priority, c.start)
    )


_MODIFIER_LEFT = re.compile(
    r"(?:\b(?:the\s+)?(?P<adj>early|mid|late|earlier|later)(?:\s+|-)|"
    r"\b(?:the\s+)?(?P<edge>beginning|start|middle|end|close)\s+of\s+(?:the\s+)?)\Z",
    re.IGNORECASE,
)
_MOD = {
    "early": "START",
    "earlier": "START",
    "beginning": "START",
    "start": "START",
    "mid": "MID",
    "middle": "MID",
    "late": "END",
    "later": "END",
    "end": "END",
    "close": "END",
}
_MODIFIABLE = (Kind.CALENDAR, Kind.RELATIVE, Kind.WEEKDAY, Kind.AGO)


def absorb_modifiers(candidates: list[Candidate], text: str) -> list[Candidate]:
    out: list[Candidate] = []
    prev_end = 0
    for c in candidates:
        m = _MODIFIER_LEFT.search(text, max(prev_end, c.start - 24), c.start)
        if m and c.meaning.kind in _MODIFIABLE and c.meaning.mod is None:
            word = (m.group("adj") or m.group("edge")).lower()
            # "earlier this year" is one expression; in "earlier this week" or
            # "later Friday" annotators leave the adverb out
            relative_only = word in ("earlier", "later")
            month_or_year = c.meaning.kind is Kind.RELATIVE and c.meaning.unit in ("month", "year")
            if not relative_only or month_or_year:
                c = replace(c, start=m.start(), meaning=c.meaning.with_mod(_MOD[word]))
        out.append(c)
        prev_end = c.end
    return out


_RANGE_GAP = re.compile(r"\s*(?:-|–|to|until|till|through|and)\s*\Z", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+\Z", re.IGNORECASE)
_RANGEABLE = (Kind.CALENDAR, Kind.WEEKDAY)


def merge_ranges(candidates: list[Candidate], text: str) -> list[Candidate]:
    """ "from X to Y" / "between X and Y" (same kind and unit) -> one candidate."""
    out: list[Candidate] = []
    i = 0
    while i < len(candidates):
        c = candidates[i]
        nxt = candidates[i + 1] if i + 1 < len(candidates) else None
        if nxt is not None and _is_range(c, nxt, text):
            meaning: Meaning = replace(c.meaning, end=nxt.meaning)
            out.append(Candidate(c.start, nxt.end, c.rule.split(".")[0] + ".range", meaning))
            i += 2
            continue
        out.append(c)
        i += 1
    return out


def _is_range(a: Candidate, b: Candidate, text: str) -> bool:
    if a.meaning.kind not in _RANGEABLE or b.meaning.kind is not a.meaning.kind:
        return False
    if a.meaning.unit != b.meaning.unit or a.meaning.end is not None or b.start - a.end > 12:
        return False
    if not _RANGE_GAP.match(text, a.end, b.start):
        return False
    gap = text[a.end : b.start].strip().lower()
    opener = _RANGE_OPEN.search(text, max(0, a.start - 10), a.start)
    if gap == "and":
        return opener is not None and opener.group(0).lower().startswith("between")
    return bool(opener) or gap in ("-", "–")
