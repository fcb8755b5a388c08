"""Turning statistical NER spans into clean candidate names.

spaCy's small model makes errors a few general rules repair:
- spans carry a leading "the" and a trailing possessive ("Turkey’s");
- an organization span swallows the person after it ("the Russian Foreign
  Intelligence Service Sergey Naryshkin") or a title sits between them
  ("Apple CEO Steve Jobs", "Turkish President Recep Tayyip Erdogan").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from app.extraction.pipeline import NamedEntity
from app.extraction.types import ActorKind

LABEL_KINDS: dict[str, ActorKind] = {
    "PERSON": ActorKind.PERSON,
    "ORG": ActorKind.ORGANIZATION,
    "GPE": ActorKind.PLACE,
    "LOC": ActorKind.PLACE,
    "FAC": ActorKind.PLACE,
    "NORP": ActorKind.GROUP,
    "PRODUCT": ActorKind.PRODUCT,
}

# Titles and roles written before a name; a span is cut around them.
TITLES = frozenset(
    [
        "president",
        "vice-president",
        "premier",
        "chancellor",
        "minister",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "cfo",
        "coo",
        "cto",
        "director",
        "director-general",
        "head",
        "chief",
        "leader",
        "founder",
        "co-founder",
        "king",
        "queen",
        "prince",
        "princess",
        "emir",
        "sheikh",
        "ayatollah",
        "archbishop",
        "cardinal",
        "rabbi",
        "pope",
        "bishop",
        "general",
        "gen.",
        "colonel",
        "col.",
        "lieutenant",
        "commander",
        "admiral",
        "major",
        "sergeant",
        "captain",
        "senator",
        "sen.",
        "rep.",
        "representative",
        "congressman",
        "congresswoman",
        "governor",
        "mayor",
        "judge",
        "justice",
        "ambassador",
        "envoy",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "sir",
        "lord",
        "lady",
        "presiding",
        "executive",
        "analyst",
        "anchor",
        "reporter",
        "correspondent",
        "editor",
    ]
)

# Words that qualify a title and name no organization on their own: spaCy labels
# "Defense" in "Defense Secretary Lloyd Austin", "Finance" in "Finance Minister
# Shunichi Suzuki", "Supreme" in "Supreme Leader" and "State" in "Secretary of State
# Antony Blinken" ORG. Not "Treasury" ("Treasury Secretary": the Treasury is a
# department), "Labour" or "Labor" ("Labour leader Keir Starmer": a party), nor any
# name ("Apple CEO Tim Cook").
PORTFOLIO_WORDS = frozenset(
    ("defense", "defence", "foreign", "finance", "interior", "justice", "health", "home")
    + ("state", "trade", "economy", "energy", "education", "transport")
    + ("agriculture", "environment", "culture", "commerce", "industry", "security")
    + ("homeland", "affairs", "supreme", "prime", "deputy", "vice", "acting", "first")
    + ("majority", "minority", "opposition", "attorney", "solicitor", "surgeon", "inspector")
)

# Head nouns that end an organization's name; a capitalized tail after one is a person.
ORG_HEADS = frozenset(
    [
        "service",
        "services",
        "ministry",
        "agency",
        "committee",
        "council",
        "commission",
        "department",
        "office",
        "bureau",
        "party",
        "company",
        "corporation",
        "corp",
        "corp.",
        "inc",
        "inc.",
        "ltd",
        "ltd.",
        "group",
        "bank",
        "university",
        "court",
        "army",
        "forces",
        "police",
        "parliament",
        "assembly",
        "association",
        "institute",
        "foundation",
        "union",
        "league",
        "organization",
        "organisation",
        "network",
        "news",
        "channel",
        "times",
        "post",
        "tv",
        "radio",
        "authority",
        "board",
        "administration",
        "government",
        "guard",
        "brigade",
        "front",
        "movement",
    ]
)

# Named events: conferences, fairs, games. Their names look like organizations.
EVENT_HEADS = frozenset(
    ("conference", "convention", "expo", "summit", "festival", "olympics", "games", "cup")
    + ("championship", "championships", "keynote", "awards")
)
# ISO currency codes spaCy sometimes labels ORG ("$99 (USD)").
CURRENCY_CODES = frozenset(
    [
        "USD",
        "EUR",
        "GBP",
        "JPY",
        "CHF",
        "CNY",
        "RUB",
        "AUD",
        "CAD",
        "INR",
        "HKD",
        "SEK",
        "NOK",
        "TRY",
    ]
)
# Abbreviations of common nouns spaCy labels GPE or ORG ("AI features", "an AI road
# map", "EV makers", "GDP grew"): no actor, whatever the label. Written as news
# writes them; a name that shares the letters is not in news' use of them. Not the
# singular "API": in oil news it is the American Petroleum Institute.
COMMON_ABBREVIATIONS = frozenset(
    ("AI", "A.I.", "AGI", "GenAI", "EV", "EVs", "GDP", "CPI", "IPO", "IPOs", "ETF", "ETFs")
    + ("GPU", "GPUs", "CPU", "CPUs", "LNG", "VPN", "VPNs", "NFT", "NFTs", "APIs")
)
# Last words of company names, never of a personal name.
_COMPANY_TAILS = frozenset(
    {w.rstrip(".") for w in ORG_HEADS}
    | {"co", "llc", "plc", "ag", "sa", "nv", "gmbh", "holdings", "industries", "partners"}
    | {"electronics", "aircraft", "airlines", "motors", "systems", "technologies", "trust"}
    | {"communications", "securities", "capital", "energy", "steel", "media", "entertainment"}
)
# A capitalized title right before a span: "Chancellor| Olaf Scholz"
_TITLE_BEFORE = re.compile(r"\b([A-Z][\w.-]*)[ \t]+\Z")
# A title right after a span ("Defense| Secretary") or before it with "of" ("Secretary of|
# State")
_TITLE_AFTER = re.compile(r"[ \t]+([A-Za-z][\w.-]*)")
_TITLE_OF_BEFORE = re.compile(r"\b([A-Za-z][\w.-]*)[ \t]+of[ \t]+(?:the[ \t]+)?\Z")
_CONJUNCTION = re.compile(r"\s+(?:and|&|or)\s+|,\s+")
_SPACED_DASH = re.compile(r"\s+[-–—]\s+")
_INNER_POSSESSIVE = re.compile(r"(?<=\w)(?:['’]s|(?<=s)['’])\s+(?=[A-Zi])")
_PARTICLE = re.compile(r"^(?:(?:al|el|de|du|da|di|van|von|der|den|bin|ibn|le|la)[-\s‐]+)+")
_WORD = re.compile(r"\S+")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w’'.-]*|(?:al|el|bin|ibn|de|van|von|da)-?[A-Z]?[\w’'-]*)$")
_LEADING_DET = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:['’`]s?|[\s,;:.!?)\"“”]+)$")
# No name ends in a lower-case function word; spaCy's span does now and then: "Facebook
# and" (of "Facebook and Instagram"), "Lando Norris of" (of "Lando Norris of McLaren").
_TRAILING_FUNCTION_WORD = re.compile(r"\s+(?:and|or|of|the|for|in|at|on|to|with|by|from)$")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span that may name an actor, before within-article resolution.

    `name` is the gazetteer's canonical name when the span is a known actor,
    else None (its cleaned text stands for itself). `is_alias` is False when
    the text names something wider than the actor it resolves to (a bare
    "iPhone" standing for the article's "iPhone 4"): it is then no alias.
    """

    start: int
    end: int
    text: str
    kind: ActorKind
    name: str | None = None
    from_gazetteer: bool = False
    is_alias: bool = True


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a leading "the" and trailing possessive/punctuation or function word ("Facebook
    and") from text[start:end]."""
    span = text[start:end]
    match = _LEADING_DET.match(span)
    if match and len(span) > match.end():
        start += match.end()
    while end > start:
        span = text[start:end]
        trailing = _TRAILING.search(span) or _TRAILING_FUNCTION_WORD.search(span)
        if not trailing or trailing.start() == 0:
            break
        # keep a final dot that belongs to an abbreviation ("U.S.", "Inc.")
        if text[start:end].endswith(".") and _ends_with_abbreviation(text[start:end]):
            break
        end = start + trailing.start()
    return start, end


def _ends_with_abbreviation(span: str) -> bool:
    last = span.split()[-1]
    return bool(re.fullmatch(r"(?:[A-Za-z]\.){2,}|Inc\.|Corp\.|Ltd\.|Co\.|Jr\.|Sr\.", last))


def is_name_like(text: str) -> bool:
    """A name starts with a capital or a digit, or is camel-cased ("iPhone", "eBay").

    A lower-case particle may come first ("al-Assad", "de Gaulle"); "jihadist",
    "trans-Atlantic" are not names.
    """
    word = _PARTICLE.sub("", text.strip())
    return bool(word) and (word[0].isupper() or word[0].isdigit() or word[1:2].isupper())


def words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [
        (start + m.start(), start + m.end(), m.group()) for m in _WORD.finditer(text[start:end])
    ]


def split_entity(
    text: str,
    ent: NamedEntity,
    is_known_person: Callable[[str], bool],
    is_known: Callable[[str], bool] = lambda _: False,
) -> list[Candidate]:
    """Clean one NER span and cut it where it merges several names.

    Cuts: at an opening parenthesis ("Kit (SDK"), between conjuncts when one
    of them is a known name ("the Macbook and Macbook Pro"), around titles,
    and after an organization's head noun followed by a personal name.
    """
    kind = LABEL_KINDS.get(ent.label)
    if kind is None or ent.text.strip().upper() in CURRENCY_CODES:
        return []
    start, end = clean_span(text, ent.start, ent.end)
    if text[start:end] in COMMON_ABBREVIATIONS:
        return []
    paren = text.find("(", start, end)
    if paren > start:
        start, end = clean_span(text, start, paren)
    out = []
    for p_start, p_end in _possessives(text, start, end, is_known):
        for c_start, c_end in _conjuncts(text, p_start, p_end, is_known):
            out.extend(_split_one(text, c_start, c_end, kind, is_known_person))
    return out


def _possessives(
    text: str, start: int, end: int, is_known: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Split "Apple Computer's Mac OS X" into owner and owned when either is a known name."""
    m = _INNER_POSSESSIVE.search(text, start, end)
    if m is None:
        return [(start, end)]
    owner, owned = (start, m.start()), (m.end(), end)
    if is_known(text[owner[0] : owner[1]]) or is_known(text[owned[0] : owned[1]]):
        return [owner, owned]
    return [(start, end)]


def _split_one(
    text: str, start: int, end: int, kind: ActorKind, is_known_person: Callable[[str], bool]
) -> list[Candidate]:
    toks = words(text, start, end)
    if not toks:
        return []
    pieces = _split_at_title(text, toks, kind) or _split_after_org_head(toks, kind, is_known_person)
    if pieces is None:
        pieces = [(start, end, _titled_person(text, start, end, kind))]
    out = []
    for s, e, k in pieces:
        s, e = clean_span(text, s, e)
        if e > s and is_name_like(text[s:e]) and not _qualifies_a_title(text, s, e):
            out.append(Candidate(s, e, text[s:e], event_kind(text[s:e], k)))
    return out


def _qualifies_a_title(text: str, start: int, end: int) -> bool:
    """Portfolio words next to a title are part of the title, not an organization:
    "Defense" in "Defense Secretary Lloyd Austin", "State" in "Secretary of State"."""
    if not all(w.casefold() in PORTFOLIO_WORDS for w in text[start:end].split()):
        return False
    after = _TITLE_AFTER.match(text, end)
    if after is not None and after.group(1).casefold() in TITLES:
        return True
    before = _TITLE_OF_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and before.group(1).casefold() in TITLES


def _conjuncts(
    text: str, start: int, end: int, is_known: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Split "A and B", "A, B" when a part is a known name, and "A - B" always.

    "Bosnia and Herzegovina" stays whole: the whole span is a known name.
    """
    if is_known(text[start:end]):
        return [(start, end)]
    dash = _SPACED_DASH.search(text, start, end)
    if dash:  # a spaced dash always separates ("MacBook Pro - a notebook")
        return [
            *_conjuncts(text, start, dash.start(), is_known),
            *_conjuncts(text, dash.end(), end, is_known),
        ]
    parts: list[tuple[int, int]] = []
    pos = start
    for m in _CONJUNCTION.finditer(text, start, end):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, end))
    if len(parts) > 1 and any(is_known(text[s:e].strip()) for s, e in parts):
        return [clean_span(text, s, e) for s, e in parts]
    return [(start, end)]


def event_kind(name: str, kind: ActorKind) -> ActorKind:
    """Named events ("Worldwide Developers Conference") are not actors of any kind SPEC names."""
    tail = [w.casefold() for w in name.split() if not w.isdigit()][-1:]
    last = tail[0] if tail else ""
    if kind in (ActorKind.ORGANIZATION, ActorKind.PERSON) and last in EVENT_HEADS:
        return ActorKind.OTHER
    return kind


def _split_at_title(
    text: str, toks: list[tuple[int, int, str]], kind: ActorKind
) -> list[tuple[int, int, ActorKind]] | None:
    """'Apple CEO Steve Jobs' -> Apple (org) + Steve Jobs (person); 'President X' -> X."""
    if kind not in (ActorKind.PERSON, ActorKind.ORGANIZATION, ActorKind.PLACE, ActorKind.GROUP):
        return None
    for i, (_, _, word) in enumerate(toks):
        if word.casefold() not in TITLES:
            continue
        if i == 0 and kind is not ActorKind.PERSON:
            continue  # "General Motors", "Queen Mary University": part of the name
        rest = toks[i + 1 :]
        j = 0  # skip a run of titles: "Prime Minister", "Vice President"
        while j < len(rest) and rest[j][2].casefold() in TITLES:
            j += 1
        rest = rest[j:]
        if not rest or not all(_NAME_WORD.match(w) for _, _, w in rest):
            continue
        pieces: list[tuple[int, int, ActorKind]] = []
        if i > 0:
            before_kind = ActorKind.ORGANIZATION if kind is ActorKind.PERSON else kind
            pieces.append((toks[0][0], toks[i - 1][1], before_kind))
        pieces.append((rest[0][0], rest[-1][1], ActorKind.PERSON))
        return pieces
    return None


def looks_like_a_personal_name(words: str) -> bool:
    """Two to four capitalized words not ending like a company ("Sergey Naryshkin",
    not "Hughes" alone nor "Hughes Electronics")."""
    parts = words.split()
    return (
        2 <= len(parts) <= 4
        and all(w[:1].isupper() for w in parts)
        and parts[-1].casefold().rstrip(".") not in _COMPANY_TAILS
    )


def _titled_person(text: str, start: int, end: int, kind: ActorKind) -> ActorKind:
    """A personal name right after a capitalized title is a person, whatever the NER
    said: spaCy labels "Olaf Scholz" in "German Chancellor Olaf Scholz" ORG."""
    if kind not in (ActorKind.ORGANIZATION, ActorKind.PLACE, ActorKind.GROUP):
        return kind
    title = _TITLE_BEFORE.search(text, max(0, start - 30), start)
    titled = title is not None and title.group(1).casefold() in TITLES
    return ActorKind.PERSON if titled and looks_like_a_personal_name(text[start:end]) else kind


def _split_after_org_head(
    toks: list[tuple[int, int, str]],
    kind: ActorKind,
    is_known_person: Callable[[str], bool],
) -> list[tuple[int, int, ActorKind]] | None:
    """'Russian Foreign Intelligence Service Sergey Naryshkin' -> org + person."""
    if kind is not ActorKind.ORGANIZATION or len(toks) < 3:
        return None
    for i in range(len(toks) - 2, 0, -1):
        if toks[i][2].casefold() not in ORG_HEADS:
            continue
        tail = toks[i + 1 :]
        tail_text = " ".join(w for _, _, w in tail)
        name_tail = 1 <= len(tail) <= 4 and all(_NAME_WORD.match(w) for _, _, w in tail)
        if name_tail and (len(tail) >= 2 or is_known_person(tail_text)):
            return [(toks[0][0], toks[i][1], kind), (tail[0][0], tail[-1][1], ActorKind.PERSON)]
        return None
    return None
