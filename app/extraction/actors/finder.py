"""`GazetteerActorFinder`: NER spans + gazetteers -> actor mentions and canonical actors.

Pure: the gazetteer is loaded once (`default()`), `find()` does no I/O.

Per article:
1. candidates: cleaned and split NER spans (`spans.split_entity`) plus every
   gazetteer hit in the text (known actors the NER missed or mislabelled);
2. overlaps: the longer span wins, a gazetteer hit wins a tie, so "Yerevan"
   (PERSON to spaCy) is Armenia and "Russia Today" beats "Russia";
3. short forms: a surname resolves to the person whose full name has it
   ("Naryshkin", "Assad"), an acronym defined in the text to its long form
   ("General Motors (GM)"), a shorter organization to the longer one it
   starts ("NPD" -> "NPD Group");
4. actors: mentions grouped by `alias_key` of their canonical name (the
   gazetteer's name, else the longest form seen), so "Sergei Naryshkin" and
   "Sergey Naryshkin" are one actor with both spellings in its aliases.

Demonym policy: a demonym always stands for its country ("Turkish forces",
"the Turks" and "ethnic Armenians" -> Turkey / Armenia), as SPEC §3 asks;
the mention keeps its own text, so the ethnic sense stays visible there.
A capital stands for its country ("Ankara said", "Moscow sees") except after
a locative word ("in Moscow", "from Damascus"), where it is the city itself.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path

from app.extraction.actors.gazetteer import FormType, Gazetteer, GazetteerHit
from app.extraction.actors.keys import alias_key
from app.extraction.actors.places import (
    FIRST_LEVEL_DIVISIONS,
    LOCATING_MODIFIERS,
    with_place_extents,
)
from app.extraction.actors.spans import (
    ORG_HEADS,
    PORTFOLIO_WORDS,
    TITLES,
    Candidate,
    clean_span,
    event_kind,
    looks_like_a_personal_name,
    split_entity,
)
from app.extraction.intervals import SpanSet, non_overlapping
from app.extraction.pipeline import NamedEntity
from app.extraction.types import Actor, ActorKind, ActorMention

# Words after which a capital is the city, not its government: "in Moscow",
# "central Moscow".
_LOCATIVE = LOCATING_MODIFIERS | frozenset(
    ["in", "at", "from", "near", "into", "outside", "inside", "around", "across", "via", "through"]
)
# The word before a name, past an article: "in" of "in the Kremlin", "at" of "spoke at
# the Elysee" (the seat as a place, as "in Moscow" is the city).
_PREV_WORD = re.compile(r"(\w+)\W*(?P<article>(?i:the)\s+)?$")
# ... but "from the" is who spoke or wrote: "a spokesman from the Kremlin", "a letter
# from the Elysee" are the government ("from Moscow", no article, is the city)
_LOCATIVE_BEFORE_THE = _LOCATIVE - {"from"}
# Model designations after a product name: "iPhone 4", "iPhone 3GS", "iPod nano", "MacBook Air".
_MODEL = re.compile(
    r"(?:[ \t]+(?:\d\w*(?:\.\d+)*|[A-Z][A-Z0-9]{1,3}|Pro|Air|Plus|Max|Mini|mini|nano|Nano"
    r"|shuffle|Shuffle|touch|Touch|classic|Classic|X)(?![\w-]))+"
)
# Capitalized words continuing a product's name: "Mac OS X Lion", "iPhone Developer Program".
_NOT_NAME_WORDS = (
    "The A An In On At And Or But For Of To With By From As I It He She We They This That "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
)
_PRODUCT_WORDS = re.compile(
    r"(?:[ \t]+(?!(?:" + _NOT_NAME_WORDS.replace(" ", "|") + r")\b)[A-Z][a-z]+(?![\w-])){1,2}"
)
# A capacity or generation written before a product: "the 30GB iPod", "the 3G iPhone".
_PRE_MODEL = re.compile(r"(?<![\w.])(\d+(?:GB|TB|G))[ \t]+$")
# Apple-style product names: "iChat", "iBook", "iMovie".
_I_PRODUCT = re.compile(r"(?<![\w-])i[A-Z][a-z]+(?:[A-Z][a-z]+)*(?![\w-])")
# A company name followed by a model number is its product: "Boeing 787", "Airbus A320".
# Not a year, and not a quantity ("Apple 15 percent", "Boeing 20 million").
_MODEL_NUMBER = re.compile(
    r"[ \t]+(?!(?:19|20)\d\d\b)([A-Z]?\d{2,}[\w-]*)"
    r"(?![.,]?\d|\s*(?:%|percent|per cent|million|billion|thousand|years?|days?)\b)"
)
_TRAILING_NUMBER = re.compile(r"\s+\d+$")
_ACRONYM_DEF = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")
_ARABIC_ARTICLE = re.compile(r"^(?:al|el)[-‐‑–]", re.IGNORECASE)
# Words before a bare product family that make it an earlier model: "the original iPhone".
_EARLIER = re.compile(
    r"\b(?:original|first|first-generation|previous|old|older|earlier|earliest|prior|former)"
    r"[ \t]+$",
    re.IGNORECASE,
)
# A numbered model designation after a family name: " 4", " 3G", " 3GS", " 360", " S4";
# not a software version (" 2.0", " 10.5").
_NUMBERED_MODEL = re.compile(r" [A-Z]?\d+[A-Za-z]{0,3}")
# A retrospective clause before a bare family: "one year after launching the iPhone",
# "since the iPhone's debut" look back to the family's beginning.
_LOOKING_BACK = re.compile(r"\b(?:since|after)(?:[ \t]+[\w'’-]+){0,2}[ \t]+$", re.IGNORECASE)
# Venue names: "Moscone West Convention Center" (see `_venue_variants`).
_VENUE_HEADS = frozenset(["center", "centre"])
_VENUE_GENERIC = frozenset(["convention", "exhibition", "conference", "congress", "expo"])
_COMPASS = frozenset(["north", "south", "east", "west"])
# Capitalized words ending in a possessive right before a name: "The Beatles' Apple Corps".
_OWNER = re.compile(r"((?:[A-Z][\w&.-]*[ \t]+){0,3}[A-Z][\w&.-]*(?:['’]s|(?<=s)['’]))[ \t]+$")
_POSSESSIVE_END = re.compile(r"(?:['’]s|['’])$")
# Capitalized words that are no owner: "Monday's", "Its", "Last year's", "After Russia's",
# "Here's".
_NOT_OWNERS = frozenset(
    _NOT_NAME_WORDS.split()
    + [
        "Its",
        "His",
        "Her",
        "Their",
        "Our",
        "My",
        "Your",
        "Today",
        "Yesterday",
        "Tomorrow",
        "Last",
        "Next",
        "Year",
        "Week",
        # "Here's ABC", "That's Apple": a contraction of "is", not a possessive
        "Here",
        "There",
        "What",
        "Who",
        "Where",
        "When",
        "How",
        "Let",
    ]
)


def packaged_data_files() -> list[Path]:
    """The gazetteer files shipped in `app/extraction/actors/data/`, in name order."""
    data_dir = resources.files("app.extraction.actors") / "data"
    return sorted(Path(str(p)) for p in data_dir.iterdir() if p.name.endswith(".toml"))


class GazetteerActorFinder:
    """Actors of one article from its NER spans, completed and corrected by gazetteers.

    Build it once with `default()`; `find()` is pure and thread-safe.

    Users extend the lists with their own TOML files (same format as the
    packaged ones, see `app.extraction.actors.gazetteer`):

        [[actor]]
        name = "Wagner Group"
        kind = "group"
        aliases = ["Wagner", "PMC Wagner"]

    and `GazetteerActorFinder.default(extra_paths=[Path("my_actors.toml")])`.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    @classmethod
    def default(cls, extra_paths: Sequence[Path] = ()) -> GazetteerActorFinder:
        """Packaged gazetteers plus the user's files (loaded last, so they win)."""
        return cls(Gazetteer.from_files([*packaged_data_files(), *map(Path, extra_paths)]))

    def find(
        self, text: str, entities: Sequence[NamedEntity]
    ) -> tuple[list[ActorMention], list[Actor]]:
        hits = [h for h in self.gazetteer.scan(text) if not _no_name_here(text, h)]
        taken = SpanSet(
            [(h.start, h.end) for h in hits]
            + [(e.start, e.end) for e in entities if e.label == "PERSON"]
        )
        alone = {(e.start, e.end) for e in entities}
        gaz: list[Candidate] = []
        longer: list[Candidate] = []
        for hit in hits:
            name = _longer_name(text, hit, taken, alone) if hit.form is FormType.METONYM else None
            if name is None:
                gaz.append(self._from_hit(text, hit, taken))
            elif name.from_gazetteer:  # "Moscow Mayor": the city
                gaz.append(name)
            else:  # "Real Madrid": after the NER's spans, so its label wins a tie
                longer.append(name)  # ("Denzel Washington" PERSON)
        ner = self._from_entities(text, entities, hits)
        chosen = _resolve_overlaps(gaz + ner + longer + _apple_style_products(text))
        chosen = _add_repeated_short_forms(text, chosen)
        chosen = with_place_extents(text, chosen, self._is_region)
        mentions, actors = _build_actors(text, chosen)
        return mentions, [self._with_known_forms(actor) for actor in actors]

    def _is_region(self, cand: Candidate) -> bool:
        """A country, a region of the gazetteer or a first-level division (a state) by
        name; a capital standing for its country is a city here."""
        if cand.text in FIRST_LEVEL_DIVISIONS:
            return True
        entry = self.gazetteer.lookup(cand.text)
        return entry is not None and entry.kind is ActorKind.PLACE

    def _with_known_forms(self, actor: Actor) -> Actor:
        """A gazetteer actor also carries the forms the gazetteer knows for it (capital,
        demonyms), so the store can find it by any of them, not only by those seen."""
        entry = self.gazetteer.lookup(actor.name)
        if entry is None or entry.key != actor.key:
            return actor
        known = (*entry.aliases, *entry.demonyms, *entry.metonyms)
        return replace(actor, aliases=tuple(dict.fromkeys((*actor.aliases, *known))))

    def _from_hit(self, text: str, hit: GazetteerHit, taken: SpanSet) -> Candidate:
        entry = hit.entry
        if hit.form is FormType.METONYM and _after_a_locative(text, hit.start):
            return Candidate(hit.start, hit.end, hit.text, ActorKind.PLACE)
        if entry.kind is ActorKind.PRODUCT:
            return _product(text, hit, taken)
        if entry.kind is ActorKind.ORGANIZATION and hit.form in (FormType.NAME, FormType.ALIAS):
            number = _MODEL_NUMBER.match(text, hit.end)
            if number:
                end = number.end()
                name = f"{entry.name} {number.group(1)}"
                return Candidate(hit.start, end, text[hit.start : end], ActorKind.PRODUCT, name)
        return Candidate(hit.start, hit.end, hit.text, entry.kind, entry.name, True)

    def _from_entities(
        self, text: str, entities: Sequence[NamedEntity], hits: Sequence[GazetteerHit]
    ) -> list[Candidate]:
        persons = {alias_key(e.text) for e in entities if e.label == "PERSON"}
        known_person = lambda s: alias_key(s) in persons  # noqa: E731
        known = lambda s: self.gazetteer.lookup(s) is not None  # noqa: E731
        hits_at: dict[int, list[GazetteerHit]] = defaultdict(list)
        for hit in hits:
            hits_at[hit.start].append(hit)
        out: list[Candidate] = []
        for ent in entities:
            for cand in split_entity(text, ent, known_person, known):
                out.extend(_split_at_known_prefix(text, cand, hits_at.get(cand.start, ())))
        return out


def _product(text: str, hit: GazetteerHit, taken: SpanSet) -> Candidate:
    """A product hit with the model words around it: "iPhone 4", "30GB iPod", "OS X Tiger".

    Capitalized words after it continue its name unless another name starts
    there (`taken`: gazetteer hits and PERSON spans, "the iPhone Steve Jobs showed").
    """
    start, end, name = hit.start, hit.end, hit.entry.name
    words = _PRODUCT_WORDS.match(text, end)
    if words and not taken.overlaps(words.start(), words.end()):
        end = words.end()
    model = _MODEL.match(text, end)
    if model:
        end = clean_span(text, hit.start, model.end())[1]
    name += text[hit.end : end]
    pre = _PRE_MODEL.search(text, max(0, start - 12), start)
    if pre:
        start = pre.start(1)
        if pre.group(1).endswith("G"):  # a generation is part of the name: "iPhone 3G"
            name = f"{name} {pre.group(1)}"
    return Candidate(start, end, text[start:end], ActorKind.PRODUCT, name, True)


# A known form that is no name where the words after it make it a common word: "US$ 299"
# is no place, "Fed up" / "Fed-up voters" no central bank
_NOT_A_NAME_BEFORE = {"Fed": re.compile(r"-?\s?up\b")}


def _no_name_here(text: str, hit: GazetteerHit) -> bool:
    if text[hit.end : hit.end + 1] == "$":
        return True
    idiom = _NOT_A_NAME_BEFORE.get(hit.text)
    return idiom is not None and idiom.match(text, hit.end) is not None


def _after_a_locative(text: str, start: int) -> bool:
    """Whether the word before a name (past an article) places it: "in Moscow", "at the
    Elysee", not "from the Kremlin"."""
    match = _PREV_WORD.search(text, max(0, start - 40), start)
    if match is None:
        return False
    locatives = _LOCATIVE_BEFORE_THE if match.group("article") else _LOCATIVE
    return match.group(1).casefold() in locatives


def _longer_name(
    text: str, hit: GazetteerHit, taken: SpanSet, alone: set[tuple[int, int]]
) -> Candidate | None:
    """A capital or seat run into another capitalized word is part of a longer name, not
    its country: "Real Madrid", "Ankara University", "London Stock Exchange" (when the
    NER missed or split them) are that name, an organization (or an event: "Paris
    Olympics"); "Moscow Mayor", "Tokyo Governor" are the city, whose office follows.
    Another title in the words after it makes them the government's office, which keeps
    the country ("Kremlin Spokesman", "White House Press Secretary"), as does a Title Case
    headline ("Moscow Says Kyiv Attacked Crimea Bridge"). None: the policy applies.

    Looks at most one word before and three after the hit (`_inside_a_name` first)."""
    if not _inside_a_name(text, hit.start, hit.end):
        return None
    start = _name_word_before(text, hit, taken, alone)
    after = _name_words_after(text, hit.end, taken)
    keys = [w.casefold() for _, _, w in after]
    cut = next((i for i, k in enumerate(keys) if k in TITLES), len(keys))
    if start is None and cut < len(keys):
        # "Moscow (Deputy) Mayor Sergei Sobyanin": the city's office, so the city
        # (in a headline too: a title is capitalized anyway)
        if keys[cut] in _CITY_OFFICES and all(k in PORTFOLIO_WORDS for k in keys[:cut]):
            return Candidate(hit.start, hit.end, hit.text, ActorKind.PLACE, None, True)
        return None  # "Kremlin Spokesman", "White House Press Secretary": the government's
    # the name's words end before a title and the portfolio words of it: "Real Madrid
    # (Vice) President Florentino Perez" is "Real Madrid"
    while cut and keys[cut - 1] in PORTFOLIO_WORDS and cut < len(keys):
        cut -= 1
    end = after[cut - 1][1] if cut else hit.end
    if (start is None and not cut) or _in_title_case(text, hit.start, hit.end):
        return None
    start, end = clean_span(text, hit.start if start is None else start, end)
    name = text[start:end]
    return Candidate(start, end, name, event_kind(name, _longer_name_kind(text, start, name)))


def _longer_name_kind(text: str, start: int, name: str) -> ActorKind:
    """An organization ("Real Madrid", "Ankara University"), but a part of the city
    after a locative word or a locating one ("in Little Havana", "Old Havana's"), as
    "in Moscow" is the city; "at Ankara University" stays the university."""
    words = name.casefold().split()
    if words[-1] in ORG_HEADS:
        return ActorKind.ORGANIZATION
    if words[0] in _PART_OF_A_CITY or _after_a_locative(text, start):
        return ActorKind.PLACE
    return ActorKind.ORGANIZATION


# First words of a part of a city: "Little Havana", "Old Delhi", "Greater London".
_PART_OF_A_CITY = (
    LOCATING_MODIFIERS
    | _COMPASS
    | frozenset(["little", "old", "greater", "inner", "outer", "upper", "lower", "downtown"])
)
# Offices of a city rather than of the government seated there: "Moscow Mayor".
_CITY_OFFICES = frozenset(["mayor", "governor"])
# A capitalized word (or acronym) continuing a name: " Saint-Germain", " Stock", " CSKA".
_NAME_WORD_AFTER = re.compile(r"[ \t]+([A-Z][\w'’.-]*)")
_NAME_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][\w'’-]*)[ \t]+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"“(]|--|[—–])\s*$")
# Words that are never part of a capital's longer name: "Moscow Tuesday", "Kyiv D.C."
_NOT_IN_A_NAME = _NOT_OWNERS | FIRST_LEVEL_DIVISIONS
_TITLE_CASE_WINDOW = 80
_WORD_OF_LINE = re.compile(r"[A-Za-z][\w'’-]*")
# Words a Title Case headline writes in lower case ("Moscow Says Kyiv Is to Blame").
_MINOR_WORDS = frozenset(w.lower() for w in _NOT_NAME_WORDS.split()) | frozenset(
    ["nor", "so", "yet", "off", "per", "up", "via", "vs", "into", "over", "than"]
)


def _name_word_before(
    text: str, hit: GazetteerHit, taken: SpanSet, alone: set[tuple[int, int]]
) -> int | None:
    """Start of a capitalized word right before the hit that belongs to its name ("Real"
    of "Real Madrid", "CSKA" of "CSKA Moscow"), else None. Not a function or time word
    ("But Kyiv", "Yesterday Ankara"), another name ("Turkey Ankara") nor an abbreviation
    ending a sentence ("the U.S. Moscow said"); a sentence's first word only when the
    NER did not read the capital alone ("Earlier Moscow said": spaCy's GPE "Moscow")."""
    match = _NAME_WORD_BEFORE.search(text, max(0, hit.start - 30), hit.start)
    if match is None:
        return None
    word = match.group(1)
    if (
        _POSSESSIVE_END.search(word)  # "Trump's Washington"
        or word in _NOT_IN_A_NAME
        or taken.overlaps(match.start(1), match.end(1))
    ):
        return None
    first_of_sentence = _SENTENCE_START.search(text, max(0, match.start(1) - 4), match.start(1))
    if first_of_sentence and (hit.start, hit.end) in alone:
        return None
    return match.start(1)


def _name_words_after(text: str, end: int, taken: SpanSet) -> list[tuple[int, int, str]]:
    """Up to three capitalized words right after a hit that may continue its name:
    "Stock", "Exchange" of "London Stock Exchange"; none past another known name or a
    PERSON span ("Moscow Kyiv", "told Moscow Vladimir Putin …"), a time or function
    word ("Moscow Tuesday") or a possessive ("Ankara University's" ends there)."""
    out: list[tuple[int, int, str]] = []
    pos = end
    while len(out) < 3:
        match = _NAME_WORD_AFTER.match(text, pos)
        if match is None:
            break
        word = match.group(1).rstrip(".")
        bare = _POSSESSIVE_END.sub("", word)
        if bare in _NOT_IN_A_NAME or taken.overlaps(match.start(1), match.end(1)):
            break
        out.append((match.start(1), match.start(1) + len(bare), bare))
        if bare != word or match.group(1).endswith("."):
            break  # a possessive or a sentence's end closes the name
        pos = match.end()
    return out


def _in_title_case(text: str, start: int, end: int) -> bool:
    """Whether the line around a hit is Title Case, as headlines are ("Moscow Says Kyiv
    Attacked Crimea Bridge"): no lower-case word other than a minor one ("to", "of")
    within 80 characters either side on its line. There every word is capitalized, so
    capitalized neighbours do not make a longer name."""
    lo = max(0, start - _TITLE_CASE_WINDOW)
    before = _WORD_OF_LINE.findall(text[lo:start].rsplit("\n", 1)[-1])
    if lo > 0 and before and text[lo - 1 : lo].isalnum():
        before = before[1:]  # a word cut by the window
    after = _WORD_OF_LINE.findall(text[end : end + _TITLE_CASE_WINDOW].split("\n", 1)[0])
    return not any(w[0].islower() and w.lower() not in _MINOR_WORDS for w in before + after)


def _apple_style_products(text: str) -> list[Candidate]:
    """Words like "iChat": a lower-case "i" then a capitalized word is a product name."""
    return [
        Candidate(m.start(), m.end(), m.group(), ActorKind.PRODUCT)
        for m in _I_PRODUCT.finditer(text)
    ]


def _split_at_known_prefix(
    text: str, cand: Candidate, hits: Sequence[GazetteerHit]
) -> list[Candidate]:
    """An NER span that starts with a known organization and ends in a name: cut it.
    `hits`: the gazetteer hits starting where the candidate does."""
    if cand.kind not in (ActorKind.ORGANIZATION, ActorKind.PERSON):
        return [cand]
    for hit in hits:
        if hit.start != cand.start or hit.end >= cand.end or hit.form is FormType.DEMONYM:
            continue
        if hit.entry.kind is ActorKind.PLACE:
            continue  # a place starts many companies' names: "U.S. Trust", "China Mobile"
        rest_start, rest_end = clean_span(text, hit.end, cand.end)
        rest = text[rest_start:rest_end].lstrip()
        rest_start = rest_end - len(rest)
        if looks_like_a_personal_name(rest):
            return [
                Candidate(cand.start, hit.end, hit.text, hit.entry.kind, hit.entry.name, True),
                Candidate(rest_start, rest_end, rest, ActorKind.PERSON),
            ]
    return [cand]


def _resolve_overlaps(cands: Iterable[Candidate]) -> list[Candidate]:
    """Keep non-overlapping candidates: longer span first, gazetteer first on a tie."""
    return non_overlapping(
        cands,
        lambda c: (c.start, c.end),
        lambda c: (-(c.end - c.start), not c.from_gazetteer, c.start),
    )


def _word_keys(name: str) -> list[str]:
    return [k for k in (alias_key(w) for w in name.split()) if k]


def _surname(name: str) -> str:
    """The last word of a personal name, without an Arabic article ("al-Assad" -> "Assad")."""
    last = name.split()[-1]
    return _ARABIC_ARTICLE.sub("", last)


def _person_full_names(cands: Sequence[Candidate]) -> list[tuple[int, str]]:
    return [
        (c.start, c.name or c.text)
        for c in cands
        if c.kind is ActorKind.PERSON and len((c.name or c.text).split()) >= 2
    ]


def _nearest(position: int, options: Sequence[tuple[int, str]]) -> str:
    """The last option at or before `position`, else the first (options in text order)."""
    i = bisect.bisect_right(options, position, key=lambda o: o[0])
    return options[i - 1][1] if i else options[0][1]


def _acronyms(text: str, cands: Sequence[Candidate]) -> dict[str, str]:
    """Acronyms defined in the text ("General Motors (GM)") and initials of long names."""
    found: dict[str, str] = {}
    for c in cands:
        if c.kind is ActorKind.PERSON or len(c.text.split()) < 2:
            continue
        name = c.name or c.text
        initials = "".join(w[0] for w in name.split() if w[:1].isupper())
        if len(initials) >= 2:
            found.setdefault(initials, name)
        match = _ACRONYM_DEF.match(text, c.end)
        if match and match.group(1).replace(".", "").isupper():
            found[match.group(1)] = name
    return found


class _Article:
    """What short forms resolve against: the long names seen in one article, indexed
    once so that resolving every candidate costs time linear in the article."""

    def __init__(self, text: str, cands: Sequence[Candidate]) -> None:
        full_names = _person_full_names(cands)
        # surname key -> (position, full name) in text order
        self.surnames: dict[str, list[tuple[int, str]]] = defaultdict(list)
        # first-name key -> full-name key -> its last spelling
        self.by_first_name: dict[str, dict[str, str]] = defaultdict(dict)
        for pos, full in full_names:
            self.surnames[alias_key(_surname(full))].append((pos, full))
            self.by_first_name[alias_key(full.split()[0])][alias_key(full)] = full
        self.acronyms = _acronyms(text, cands)
        # the first kind each name was seen with
        self.kinds: dict[str, ActorKind] = {}
        # a product's last word -> the first product name ending with it
        self.products_by_last_word: dict[str, str] = {}
        # an organization's first or last word -> (index, words, name) in text order
        self.orgs_by_end_word: dict[str, list[tuple[int, list[str], str]]] = defaultdict(list)
        for i, c in enumerate(cands):
            name = c.name or c.text
            self.kinds.setdefault(name, c.kind)
            parts = name.split()
            if c.kind is ActorKind.PRODUCT and len(parts) > 1:
                self.products_by_last_word.setdefault(alias_key(parts[-1]), name)
            if c.kind is ActorKind.ORGANIZATION:
                words = _word_keys(name)
                for end_word in dict.fromkeys(words[:1] + words[-1:]):
                    self.orgs_by_end_word[end_word].append((i, words, name))
        self.words = _Words(text)
        self._longer: dict[tuple[str, tuple[str, ...]], list[tuple[int, str]]] = {}

    def longer_names(self, surname: str, short: tuple[str, ...]) -> list[tuple[int, str]]:
        """The full names (with positions) having the surname that end in `short`."""
        if (surname, short) not in self._longer:
            self._longer[surname, short] = [
                o
                for o in self.surnames.get(surname, [])
                if _is_suffix(list(short), _word_keys(o[1]))
            ]
        return self._longer[surname, short]


def _long_form(cand: Candidate, article: _Article) -> str | None:
    """The full name a short form stands for in this article, if any."""
    if cand.from_gazetteer:
        return None
    for rule in (_by_acronym, _by_surname, _by_first_name, _by_product_word, _by_org_part):
        found = rule(cand, article)
        if found is not None and found != cand.text:
            return found
    return None


def _by_acronym(cand: Candidate, article: _Article) -> str | None:
    base = _TRAILING_NUMBER.sub("", cand.text)  # "WWDC 2010" -> "WWDC"
    return article.acronyms.get(base)


def _by_surname(cand: Candidate, article: _Article) -> str | None:
    """ "Naryshkin", "Assad", "al-Assad", "Tayyip Erdogan" -> the full name.

    spaCy sometimes calls a lone surname ORG or GPE, so any single word that
    is a known surname counts.
    """
    form = cand.text
    if cand.kind is not ActorKind.PERSON and len(form.split()) != 1:
        return None
    longer = article.longer_names(alias_key(_surname(form)), tuple(_word_keys(form)))
    return _nearest(cand.start, longer) if longer else None


def _by_first_name(cand: Candidate, article: _Article) -> str | None:
    """A lone first name ("Elian") is the one person of the article who has it.

    Whatever the NER called it: spaCy reads a lone "Steve" as ORG or GPE too."""
    if cand.kind is ActorKind.PRODUCT or len(cand.text.split()) != 1:
        return None
    fulls = article.by_first_name.get(alias_key(cand.text), {})
    return next(iter(fulls.values())) if len(fulls) == 1 else None


def _by_product_word(cand: Candidate, article: _Article) -> str | None:
    """ "Nano" after "iPod nano", "Lion" after "Mac OS X Lion": a product's last word."""
    if len(cand.text.split()) != 1:
        return None
    return article.products_by_last_word.get(alias_key(cand.text))


def _by_org_part(cand: Candidate, article: _Article) -> str | None:
    """ "NPD" -> "NPD Group", "Reed" -> "Reed International PLC", "Navigation Mixte" ->
    "Cie. de Navigation Mixte": the first or last words of a longer organization name."""
    words = _word_keys(cand.text)
    if not words or (len(words) == 1 and words[0] in ORG_HEADS):
        return None
    # an organization's short form, or a lone word the NER took for a person ("Reed");
    # never a place: "California" is not the "California Theater"
    if cand.kind is not ActorKind.ORGANIZATION and not (
        cand.kind is ActorKind.PERSON and len(words) == 1
    ):
        return None
    # a longer name starting or ending with these words starts or ends with their
    # first or last word: only those names are looked at, the first in text order wins
    options = article.orgs_by_end_word.get(words[0], []) + article.orgs_by_end_word.get(
        words[-1], []
    )
    matches = [
        (i, name)
        for i, long, name in options
        if len(long) > len(words) and (long[: len(words)] == words or long[-len(words) :] == words)
    ]
    return min(matches)[1] if matches else None


def _is_suffix(short: list[str], long: list[str]) -> bool:
    if not short or len(short) >= len(long):
        return False
    tail = long[-len(short) :]
    # "al-Assad" folds to one word "assad", as does "Assad": compare folded words
    return tail == short


def _add_repeated_short_forms(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Later mentions the NER missed: known surnames and defined acronyms, as whole words."""
    forms: dict[str, ActorKind] = {}
    for _, full in _person_full_names(cands):
        surname = _surname(full)
        if surname[:1].isupper() and len(surname) > 2:
            forms[surname] = ActorKind.PERSON
    for acronym in _acronyms_defined(text, cands):
        forms[acronym] = ActorKind.ORGANIZATION
    firsts = _unique_first_names(_Words(text), cands)
    for first in firsts:
        forms.setdefault(first, ActorKind.PERSON)
    if not forms:
        return cands
    pattern = re.compile(
        r"(?<![\w.-])(?:"
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?!\w)"
    )
    found = SpanSet((c.start, c.end) for c in cands)
    extra = [
        Candidate(m.start(), m.end(), m.group(), forms[m.group()])
        for m in pattern.finditer(text)
        if not found.overlaps(m.start(), m.end())
        and not (m.group() in firsts and _inside_a_name(text, m.start(), m.end()))
    ]
    return sorted(cands + extra, key=lambda c: c.start)


def _unique_first_names(words: _Words, cands: Sequence[Candidate]) -> set[str]:
    """First names that only one person of the article has, and that the article
    never writes in lower case ("Art Levinson" / "art" is a common word)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for _, full in _person_full_names(cands):
        first = full.split()[0]
        owners[first].add(alias_key(full))
    return {
        first
        for first, fulls in owners.items()
        if len(fulls) == 1
        and len(first) > 2
        and first[:1].isupper()
        and first[1:].islower()
        and first not in _NOT_OWNERS
        and first.lower() not in words
    }


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """A capitalized word right before or after: part of another name ("Steve Wozniak")."""
    return bool(
        re.match(r"[ \t]+[A-Z]", text[end : end + 3])
        or re.search(r"[A-Z]\w*[ \t]+$", text[max(0, start - 30) : start])
    )


def _acronyms_defined(text: str, cands: Sequence[Candidate]) -> list[str]:
    out = []
    for c in cands:
        match = _ACRONYM_DEF.match(text, c.end)
        if c.kind is not ActorKind.PERSON and match and match.group(1).replace(".", "").isupper():
            out.append(match.group(1))
    return out


def _common_word_taken_for_a_person(words: _Words, cand: Candidate) -> bool:
    """A lone capitalized word spaCy calls a person ("White", "Treaty") that the same
    article also writes in lower case is a common word, not a surname. Only for
    words no full name of the article explains (those resolved before this test)."""
    if cand.kind is not ActorKind.PERSON or cand.from_gazetteer or " " in cand.text:
        return False
    lower = cand.text.lower()
    return lower != cand.text and lower in words


_WORD = re.compile(r"[\w-]+")


class _Words:
    """Whether an article writes a word as a whole word (hyphens count as word
    characters: "art" is not in "art-deco"), in one set lookup per word."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._words = set(_WORD.findall(text))

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if _WORD.fullmatch(word):
            return word in self._words
        return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", self._text) is not None


def _build_actors(text: str, cands: list[Candidate]) -> tuple[list[ActorMention], list[Actor]]:
    article = _Article(text, cands)
    resolved: list[Candidate] = []
    for cand in cands:
        long_form = _long_form(cand, article)
        if long_form is not None:
            target_kind = article.kinds.get(long_form, cand.kind)
            # a lone first name resolves here but is no alias: across articles
            # "Steve" would link every Steve to whichever actor carries it first
            first_name = _by_first_name(cand, article) == long_form
            cand = replace(cand, name=long_form, kind=target_kind, is_alias=not first_name)
        elif _common_word_taken_for_a_person(article.words, cand):
            continue
        resolved.append(cand)

    resolved = _bare_families_as_models(text, resolved)

    groups: dict[str, list[Candidate]] = defaultdict(list)
    for cand in resolved:
        key = alias_key(cand.name or cand.text)
        if key:
            groups[key].append(cand)

    owned: dict[str, list[str]] = defaultdict(list)
    for cand in resolved:
        if cand.kind is ActorKind.ORGANIZATION:
            owner = _owner(text, cand.start)
            if owner is not None:
                owned[alias_key(cand.name or cand.text)].append(f"{owner} {cand.text}")

    actors: dict[str, Actor] = {}
    for key, members in groups.items():
        actor = _actor(members, owned.get(key, ()))
        actors[actor.key] = actor
    mentions = []
    for cand in resolved:
        key = alias_key(cand.name or cand.text)
        if not key:
            continue
        group_actor = _group_actor(actors, groups, key)
        mentions.append(
            ActorMention(
                cand.text, cand.start, cand.end, group_actor.name, group_actor.kind, group_actor.key
            )
        )
    ordered = sorted(actors.values(), key=lambda a: _first_position(groups, a.key))
    return mentions, ordered


def _group_actor(actors: dict[str, Actor], groups: dict[str, list[Candidate]], key: str) -> Actor:
    # the actor's key is alias_key(canonical name), which equals the group key
    return actors[key] if key in actors else _actor(groups[key])


def _first_position(groups: dict[str, list[Candidate]], key: str) -> int:
    return min(c.start for c in groups[key]) if key in groups else 0


def _main_models(cands: Sequence[Candidate]) -> dict[str, str]:
    """For each product family the article names bare, its main numbered model:
    the model named first, when it is also named most often and at least twice
    ("iPhone 4" in an article that also recalls the "iPhone 3GS"; not the "iPad 2"
    an article about something else names in passing). Only numbered designations are
    models ("iPhone 3G", "iPad 2"): "iPod nano" is a line beside the iPod and
    "iPhone OS" no model of it."""
    names = [c.name for c in cands if c.kind is ActorKind.PRODUCT and c.name]
    families = set(names)
    models_of: dict[str, list[str]] = defaultdict(list)
    for name in names:  # a family is the name's words before a space
        for cut in (i for i, ch in enumerate(name) if ch == " "):
            family = name[:cut]
            if family in families and _NUMBERED_MODEL.fullmatch(name, cut) is not None:
                models_of[family].append(name)
    out: dict[str, str] = {}
    for family, models in models_of.items():
        counts = Counter(models)
        first = models[0]
        if counts[first] >= 2 and all(counts[first] > n for m, n in counts.items() if m != first):
            out[family] = first
    return out


def _bare_families_as_models(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A bare product family ("the new iPhone", "its iPhone") in an article about one
    model of it is that model, as MEANTIME annotates it; a plural ("iPhones") or an
    earlier one ("the original iPhone", "one year after launching the iPhone") stays the
    family. The family's name does not
    become an alias of the model (the store links actors by alias)."""
    models = _main_models(cands)
    if not models:
        return cands
    out = []
    for cand in cands:
        name = cand.name or cand.text
        model = models.get(name) if cand.kind is ActorKind.PRODUCT else None
        if (
            model is not None
            and alias_key(cand.text) == alias_key(name)
            and not _EARLIER.search(text, max(0, cand.start - 30), cand.start)
            and not _LOOKING_BACK.search(text, max(0, cand.start - 40), cand.start)
        ):
            cand = replace(cand, name=model, is_alias=False)
        out.append(cand)
    return out


def _owner(text: str, start: int) -> str | None:
    """The owner written with a possessive right before an organization's name:
    "Beatles'" in "The Beatles' Apple Corps", "Russia’s" in "Russia’s Foreign
    Intelligence Service". Capitalized words only, and no time word ("Monday's")
    or sentence-initial function word ("After Russia's" -> "Russia's")."""
    match = _OWNER.search(text, max(0, start - 80), start)
    if match is None:
        return None
    words = match.group(1).split()
    kept: list[str] = []
    for word in reversed(words):
        if _POSSESSIVE_END.sub("", word) in _NOT_OWNERS:
            break
        kept.append(word)
    if not kept or kept[0] != words[-1]:
        return None
    return " ".join(reversed(kept))


def _actor(members: list[Candidate], owned_forms: Iterable[str] = ()) -> Actor:
    gaz = next((c for c in members if c.from_gazetteer and c.name), None)
    if gaz is not None and gaz.name is not None:
        name, kind = gaz.name, gaz.kind
    else:
        name = _longest_form(members)
        kinds = Counter(c.kind for c in members if (c.name or c.text) == name)
        kind = ActorKind.PERSON if ActorKind.PERSON in kinds else kinds.most_common(1)[0][0]
    aliases = [
        name,
        *(c.text for c in members if c.is_alias),
        *(c.name for c in members if c.name),
    ]
    # "Beatles' Apple Corps": an organization named with its owner (as the store
    # folds possessives, "Beatles Apple Corps" then finds it)
    aliases += owned_forms
    if kind is ActorKind.PERSON:
        aliases += _person_variants(aliases)
    elif kind in (ActorKind.PLACE, ActorKind.ORGANIZATION):
        aliases += [v for a in list(aliases) for v in _venue_variants(a)]
    return Actor(alias_key(name), name, kind, _unique(aliases))


def _longest_form(members: list[Candidate]) -> str:
    forms = [c.name or c.text for c in members]
    counts = Counter(forms)
    first_seen = {f: -i for i, f in reversed(list(enumerate(forms)))}
    # most words, then most characters, then most frequent, then first seen
    return max(counts, key=lambda f: (len(f.split()), len(f), counts[f], first_seen[f]))


def _venue_variants(name: str) -> list[str]:
    """Other spellings of a venue named "<name> [generic words] Center [part]":
    without the generic words and with one spelling of the head ("Moscone West
    Convention Center" -> "Moscone West Center", "Javits Centre" -> "Javits Center"),
    and the whole venue without a compass part ("Moscone West Center", "Moscone
    Center West" -> "Moscone Center"). The store links actors sharing an alias, so
    the spellings and the parts of one venue become one actor across articles."""
    words = name.split()
    heads = [i for i, w in enumerate(words) if w.casefold() in _VENUE_HEADS]
    if not heads or heads[-1] == 0:
        return []
    head = heads[-1]
    after = words[head + 1 :]
    if not all(w.casefold() in _COMPASS for w in after):
        return []
    core = [w for w in words[:head] if w.casefold() not in _VENUE_GENERIC]
    if not core:
        return []
    whole = [core[0], *(w for w in core[1:] if w.casefold() not in _COMPASS)]
    return [" ".join([*core, "Center", *after]), " ".join([*whole, "Center"])]


def _person_variants(names: Iterable[str]) -> list[str]:
    """Surname and first+last forms, so the store can link "Naryshkin" across articles."""
    out = []
    for name in names:
        parts = name.split()
        if len(parts) < 2:
            continue
        out.append(parts[-1])
        bare = _ARABIC_ARTICLE.sub("", parts[-1])
        if bare != parts[-1]:
            out.append(bare)
        if len(parts) >= 3:
            out.append(f"{parts[0]} {parts[-1]}")
    return out


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in items:
        item = item.strip()
        if item:
            seen.setdefault(item, None)
    return tuple(seen)
