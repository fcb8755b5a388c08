"""Trigger finding: the predicate a date expression modifies, found on the dependency parse.

A date anchors the nearest predicate above it: a verb ("erupted on September 27")
or an event noun ("the outbreak of hostilities in late September"). A noun that
is only the *setting* of a verb ("At a news briefing on November 5, Zakharova
expressed …") hands the date on to that verb, since the briefing is where the
reported act happened.

Works on any object with spaCy's Token interface (`dep_`, `pos_`, `head`,
`children`, `lemma_`, `morph`, `i`, `idx`); spaCy itself is not imported.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Token = Any  # a spaCy Token (kept untyped: spaCy ships no stubs)

# Common news event nouns (lemmas). Nouns outside this list are treated as
# entities/things, not happenings; the list is about kinds of events, not about
# any one corpus.
_EVENT_NOUN_WORDS = """
    absence accident acquisition address agreement announcement appearance appointment
    arrest assassination attack auction ban battle bankruptcy birth blast bombing boycott
    breach briefing campaign case ceasefire ceremony clash collapse conference conflict
    congress convention coup crash crisis deal death debate debut decision defeat demand
    demo demonstration departure deployment development dispute downturn earthquake
    election embargo escalation event exhibition expansion explosion expo farewell festival
    fight fighting fire flood flight funeral hack hearing hostility introduction invasion
    investigation invitation keynote killing launch lawsuit leave merger negotiation
    offensive operation outage outbreak presentation pre-order preorder probe protest
    purchase raid rally recall reduction referendum release request resignation retirement
    revolt revolution riot ruling sale sanction settlement shipment shooting show shutdown
    siege speech split storm strike suit summit surgery takeover talk trial trip truce
    unveiling update upgrade uprising verdict visit vote walkout war wedding
"""
EVENT_NOUNS: frozenset[str] = frozenset(_EVENT_NOUN_WORDS.split())

# Prepositions that make an event noun the setting of the clause's verb.
SETTING_PREPS: frozenset[str] = frozenset({"at", "in", "during", "after", "before"})

_NOUN_POS = frozenset({"NOUN", "PROPN"})
_AUX_DEPS = frozenset({"aux", "auxpass"})


def is_verbal_predicate(token: Token) -> bool:
    """A main verb, or an auxiliary acting as the main verb ("has", "is")."""
    if token.pos_ == "VERB":
        return token.dep_ not in _AUX_DEPS
    return token.pos_ == "AUX" and token.dep_ not in _AUX_DEPS


def is_event_noun(token: Token) -> bool:
    return token.pos_ in _NOUN_POS and token.lemma_.lower() in EVENT_NOUNS


def is_finite(token: Token) -> bool:
    """A finite verbal predicate: finite itself or carrying a finite auxiliary ("has warned")."""
    if not is_verbal_predicate(token):
        return False
    if "Fin" in token.morph.get("VerbForm"):
        return True
    return any(
        child.dep_ in _AUX_DEPS and "Fin" in child.morph.get("VerbForm") for child in token.children
    )


def is_past(token: Token) -> bool:
    """Past tense or perfect: "said", "was fired", "has warned", "had captured"."""
    if token.tag_ == "VBD":
        return True
    aux = [c for c in token.children if c.dep_ in _AUX_DEPS]
    if any(c.tag_ == "MD" for c in aux):
        return False  # "will be", "could have"
    return any(c.tag_ == "VBD" or c.lemma_ == "have" for c in aux)


def is_modal(token: Token) -> bool:
    """Future or hypothetical: "will use", "could end up", "would be released"."""
    return any(c.dep_ in _AUX_DEPS and c.tag_ == "MD" for c in token.children)


def span_head(tokens: Iterable[Token]) -> Token | None:
    """The token of a span whose head lies outside the span (the last one if several)."""
    toks = list(tokens)
    indices = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in indices or t.head.i == t.i]
    return heads[-1] if heads else None


def find_trigger(timex_tokens: Iterable[Token], paragraph: range | None = None) -> Token | None:
    """The predicate the date expression modifies, or None when it modifies none.

    Climbs from the expression's head towards the root and stops at the first
    verb or event noun; a date line standing alone (the expression is the root)
    dates nothing. A blank line is a boundary the statistical parser does not
    know: when the climb would leave the expression's `paragraph` (token
    indices), the paragraph's own main verb is the trigger.
    """
    toks = list(timex_tokens)
    head = span_head(toks)
    if head is None:
        return None
    inside = {t.i for t in toks}
    current = head
    while current.head.i != current.i:
        if paragraph is not None and current.head.i not in paragraph:
            return main_predicate(current.doc, paragraph)
        below, current = current, current.head
        if current.i in inside:
            continue
        if is_verbal_predicate(current):
            return scheduled_event(current, below) or promote_setting(current)
        if is_event_noun(current):
            return promote_setting(current)
    return None


def scheduled_event(verb: Token, below: Token) -> Token | None:
    """The event noun a "for" date schedules: in "Macron called snap elections for June
    30" June 30 is when the elections take place, not when he called them ("set a
    hearing for March 5", "the vote is scheduled for Friday"). `below` is the token
    the climb from the date came through; None when the date is no such target."""
    if below.dep_ != "prep" or below.lower_ != "for":
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "nsubjpass") and is_event_noun(child):
            return child
    return None


def main_predicate(doc: Any, paragraph: range) -> Token | None:
    """The first verb of a paragraph that the parse attaches outside it (or to nothing)."""
    for i in paragraph:
        token = doc[i]
        outside = token.head.i not in paragraph or token.head.i == token.i
        if outside and is_verbal_predicate(token):
            return token
    return None


def promote_setting(trigger: Token) -> Token:
    """Hand the date from a setting noun ("at a briefing on …") on to the clause's verb.

    Also covers a participle describing that noun ("an interview conducted this week").
    """
    noun = trigger
    if is_verbal_predicate(trigger):
        if trigger.dep_ != "acl" or is_finite(trigger):
            return trigger
        noun = trigger.head
        if not is_event_noun(noun):
            return trigger
    if noun.dep_ != "pobj":
        return trigger
    prep = noun.head
    verb = prep.head
    if (
        prep.dep_ == "prep"
        and prep.lower_ in SETTING_PREPS
        and verb.i != prep.i
        and is_verbal_predicate(verb)
    ):
        return verb
    return trigger


def trigger_extent(trigger: Token) -> tuple[int, int]:
    """Character span of the trigger, with an adjacent verb particle ("showed off")."""
    start = trigger.idx
    end = trigger.idx + len(trigger.text)
    for child in trigger.children:
        if child.dep_ == "prt" and child.i == trigger.i + 1:
            end = child.idx + len(child.text)
    return start, end
