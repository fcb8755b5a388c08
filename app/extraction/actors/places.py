"""Extents of place mentions: the words that locate a place belong to its mention.

News writes a place with what locates it: "Cupertino, California", "the
Moscone Center in San Francisco", "central London". Annotated corpora (ACE,
MEANTIME) take the whole phrase as one mention of the located place and the
names inside it as mentions of their own, and so does Chronicle: the phrase is
a mention of the located place (not a new name for it), and the region or city
named inside it stays a mention, since the event took place there too.

Three rules, on the candidates of one article (pure, no I/O):
1. "<place>, <region>": a region (a country or a first-level division: state,
   province) after a comma qualifies the place before it, whose mention
   becomes the pair; not when the place before is itself a region ("Russia,
   Turkey and Iran" is a list), not in a list of cities ("Lyon, Marseille
   and Nice": Marseille is no region) and not when the region owns what
   follows ("Kharkiv, Ukraine's second city");
2. "<place> in <place>": the first is located in the second ("the Moscone
   Center in San Francisco"); not when the first is a region ("Turkey in
   Syria" names two places);
3. a locating modifier right before a place ("central London", "downtown
   San Jose", "northern Syria") is part of its mention; the bare name stays a
   mention too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from app.extraction.actors.spans import Candidate
from app.extraction.types import ActorKind

# First-level divisions that qualify a city after a comma: US states with their
# AP abbreviations (a trailing period is trimmed from every span), Canadian
# provinces, Australian states.
_DIVISIONS = """
Alabama Ala Alaska Arizona Ariz Arkansas Ark California Calif Colorado Colo
Connecticut Conn Delaware Del Florida Fla Georgia Ga Hawaii Idaho Illinois Ill
Indiana Ind Iowa Kansas Kan Kentucky Ky Louisiana La Maine Maryland Md
Massachusetts Mass Michigan Mich Minnesota Minn Mississippi Miss Missouri Mo
Montana Mont Nebraska Neb Nevada Nev New_Hampshire N.H New_Jersey N.J
New_Mexico N.M New_York N.Y North_Carolina N.C North_Dakota N.D Ohio Oklahoma
Okla Oregon Ore Pennsylvania Pa Rhode_Island R.I South_Carolina S.C South_Dakota
S.D Tennessee Tenn Texas Tex Utah Vermont Vt Virginia Va Washington Wash
West_Virginia W.Va Wisconsin Wis Wyoming Wyo D.C
Alberta British_Columbia Manitoba New_Brunswick Newfoundland Nova_Scotia Ontario
Quebec Saskatchewan
New_South_Wales Queensland Victoria Tasmania Western_Australia South_Australia
"""
FIRST_LEVEL_DIVISIONS = frozenset(w.replace("_", " ") for w in _DIVISIONS.split())

# Lower-case words that locate a place within a larger one: "central London".
LOCATING_MODIFIERS = frozenset(
    [
        "downtown",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "north-eastern",
        "north-western",
        "south-eastern",
        "south-western",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "suburban",
        "rural",
    ]
)
_LOCATING_MODIFIER = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(LOCATING_MODIFIERS, key=len, reverse=True)) + r")[ \t]+$"
)
_QUALIFIER_GAP = ", "
# "Kharkiv, Ukraine's second city": the region owns what follows, it qualifies nothing.
_POSSESSIVE = re.compile(r"['’]s?(?!\w)")
_LOCATED_IN_GAP = " in "

IsRegion = Callable[[Candidate], bool]


def with_place_extents(
    text: str, cands: Sequence[Candidate], is_region: IsRegion
) -> list[Candidate]:
    """The candidates with place mentions widened as the module doc says (sorted)."""
    ordered = sorted(cands, key=lambda c: c.start)
    qualified = _qualify_by_region(text, ordered, is_region)
    located = _locate_in_places(text, qualified, is_region)
    modified = [_with_locating_modifier(text, c) for c in located]
    return sorted(
        [*modified, *(c for c, m in zip(located, modified, strict=True) if m is not c)], key=_order
    )


def _order(cand: Candidate) -> tuple[int, int]:
    return cand.start, -cand.end


def _is_place(cand: Candidate) -> bool:
    return cand.kind is ActorKind.PLACE


def _qualify_by_region(text: str, cands: list[Candidate], is_region: IsRegion) -> list[Candidate]:
    out: list[Candidate] = []
    for cand in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _is_place(prev)
            and _is_place(cand)
            and text[prev.end : cand.start] == _QUALIFIER_GAP
            and is_region(cand)
            and not is_region(prev)
            and not _POSSESSIVE.match(text, cand.end)
        ):
            out[-1] = _widened(text, prev, prev.start, cand.end)
        out.append(cand)
    return out


def _locate_in_places(text: str, cands: list[Candidate], is_region: IsRegion) -> list[Candidate]:
    out = list(cands)
    for i in range(len(cands) - 1):
        first, second = cands[i], cands[i + 1]
        if (
            _is_place(first)
            and _is_place(second)
            and text[first.end : second.start] == _LOCATED_IN_GAP
            and not is_region(first)
        ):
            # the located place's phrase holds the second place, which stays a mention
            out[i] = _widened(text, first, first.start, second.end)
    return out


def _with_locating_modifier(text: str, cand: Candidate) -> Candidate:
    if not _is_place(cand):
        return cand
    modifier = _LOCATING_MODIFIER.search(text, max(0, cand.start - 20), cand.start)
    if modifier is None:
        return cand
    return _widened(text, cand, modifier.start(), cand.end)


def _widened(text: str, cand: Candidate, start: int, end: int) -> Candidate:
    """The same actor, named by a longer phrase that is no new name for it."""
    return replace(
        cand,
        start=start,
        end=end,
        text=text[start:end],
        name=cand.name or cand.text,
        is_alias=False,
    )
