"""Who takes part in a predicate's clause, and in which role.

A clause is the predicate's dependency subtree, cut where another event's
predicate starts (that clause's actors belong to that event). Roles follow the
dependency that links an actor's phrase to the predicate: subject → agent
(patient when passive), object → patient, anything else → mentioned. A clause
without its own subject borrows the controller's ("TASS cited him as saying",
"Assad joined … in accusing"), and a relative clause its antecedent.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass

from app.extraction.actors.keys import alias_key
from app.extraction.events.triggers import Token, is_event_noun, is_verbal_predicate, span_head
from app.extraction.types import ActorKind, ActorMention, Role

_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "iobj", "oprd"})
# hops that stay inside one noun phrase ("Armenia and France", "President Assad")
_PHRASE_DEPS = frozenset({"conj", "appos", "compound", "flat", "cc"})
_COORDINATION_DEPS = frozenset({"conj", "appos", "flat", "cc"})
_MODIFIER_DEPS = frozenset({"compound", "poss", "nmod", "amod", "nummod"})
_EMBEDDED_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "dative", "obj", "iobj", "oprd", "attr"}
    | {"xcomp", "advcl", "pcomp", "ccomp", "conj", "acl"}
)
_RELATIVE_WORDS = frozenset({"who", "which", "that", "whom"})
_CONTROLLED_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp", "acl"})

# pronoun → actor kinds it can stand for
_PRONOUN_KINDS: dict[str, frozenset[ActorKind]] = {
    **dict.fromkeys(("he", "him", "his", "she", "her", "hers"), frozenset({ActorKind.PERSON})),
    # first person only occurs in quotes, where it is the speaker: in news, the
    # person the passage is about ("Jobs's email reads: … I have asked Tim Cook")
    **dict.fromkeys(("i", "me", "my"), frozenset({ActorKind.PERSON})),
    **dict.fromkeys(
        ("it", "its"),
        frozenset({ActorKind.ORGANIZATION, ActorKind.PRODUCT, ActorKind.OTHER}),
    ),
    **dict.fromkeys(
        ("they", "them", "their"),
        frozenset({ActorKind.ORGANIZATION, ActorKind.GROUP, ActorKind.PLACE}),
    ),
}

# determiners of a definite description that can stand for an actor ("the store")
_DEFINITE_WORDS = frozenset({"the", "this", "its", "their"})

# how far back a pronoun looks for its antecedent
_PRONOUN_WINDOW_SENTENCES = 6

# Nouns naming a position someone holds: the organisation or person they are tied
# to ("head of the Service", "Apple CEO") takes part in what the holder does.
_ROLE_NOUN_WORDS = """
    head chief president chairman chairwoman chair ceo cfo coo director spokesperson
    spokesman spokeswoman minister leader founder co-founder executive official
    secretary governor mayor commander member representative ambassador analyst
    owner manager vice-president employee engineer
"""

# Group nouns: a body, or people acting in a body's name, that act *for* the actor
# naming them as a compound or a possessive: "Hamas gunmen attacked the town" →
# Hamas is the agent of "attacked"; "Secret Service agents killed the gunman" → the
# Secret Service; "Wagner fighters seized the city" → Wagner; "Hungary's parliament
# approved the bill" → Hungary. Whose name counts:
# - an organisation or a group, as compound or possessive, before any group noun
#   ("Hamas officials said", "Houthi rebels attacked", "FBI agents arrested");
# - a country (any place), as possessive or as a name compound, only before a body
#   of the state or its people (`_STATE_BODY_WORDS`, `_STATE_PEOPLE_WORDS`):
#   "Hungary's parliament", "US troops",
#   "Russia's army" act as the state's organs. Armed groups (`_ARMED_GROUP_WORDS`)
#   named after a place do not act for it: "Gaza militants", "Russia's Wagner
#   fighters" (Wagner acts, Russia is mentioned);
# - never a demonym (an adjective, "Syrian rebels seized Aleppo": rebels fight the
#   Syrian state, and a demonym names a nationality, not the state; "Israeli
#   troops" is left mentioned with them), nor a sponsor ("Turkish-backed fighters",
#   "Iran-backed militants": a backer is not the one who acts; no part), nor a
#   person ("Putin's army": the body acts, not its leader).
# Out of the list: people who belong to a body but act on their own and often
# against it (workers, employees, members, supporters, voters, residents,
# protesters: "Boeing workers went on strike" is no act of Boeing), and the one
# person holding a role (spokesman, CEO): those stay transparent role nouns, their
# body mentioned. People nouns count in the plural only ("FBI agents", "Hamas
# officials"); one of them ("a Hamas official", "Apple's chief financial officer")
# holds a role like a spokesman.
_STATE_BODY_WORDS = """
    parliament legislature government cabinet ministry authority court
    army military navy police force
"""
_STATE_PEOPLE_WORDS = """
    troop soldier official lawmaker negotiator diplomat agent officer
"""
_ARMED_GROUP_WORDS = "gunman fighter militant rebel"
_STATE_BODY_NOUNS = frozenset(_STATE_BODY_WORDS.split())
_STATE_GROUP_NOUNS = _STATE_BODY_NOUNS | frozenset(_STATE_PEOPLE_WORDS.split())
_PEOPLE_NOUNS = frozenset(_STATE_PEOPLE_WORDS.split()) | frozenset(_ARMED_GROUP_WORDS.split())
GROUP_NOUNS: frozenset[str] = _STATE_GROUP_NOUNS | frozenset(_ARMED_GROUP_WORDS.split())

# role nouns are transparent: the actor tied to them takes part (as mentioned,
# unless it is a group noun's actor, see above)
ROLE_NOUNS: frozenset[str] = frozenset(_ROLE_NOUN_WORDS.split()) | GROUP_NOUNS
_STATE_ACTOR_KINDS = frozenset({ActorKind.PLACE})
_BODY_ACTOR_KINDS = frozenset({ActorKind.ORGANIZATION, ActorKind.GROUP})

_ROLE_STRENGTH = {Role.AGENT: 2, Role.PATIENT: 1, Role.MENTIONED: 0}


@dataclass(frozen=True, slots=True)
class LocatedMention:
    """A mention with the token that heads it, its sentence number and the folded
    words of its name and surface form (for "the store" → "iTunes Music Store")."""

    mention: ActorMention
    head: Token
    sentence: int
    name_words: frozenset[str]


def clause_tokens(trigger: Token, stops: Collection[int]) -> list[Token]:
    """The trigger's subtree, not descending into other predicates listed in `stops`."""
    out: list[Token] = []
    todo = [trigger]
    while todo:
        token = todo.pop()
        out.append(token)
        todo.extend(c for c in token.children if c.i not in stops or c.i == trigger.i)
    return out


def is_passive(trigger: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children)


def role_of(
    token: Token, trigger: Token, actor_heads: Mapping[int, Sequence[LocatedMention]]
) -> Role | None:
    """The role of the phrase headed by `token` with respect to `trigger`, or None when
    the phrase only describes a thing the clause is about ("iPod users", "the price
    of the iPod"): such actors take no part in the event.

    The trigger's own arguments get agent/patient; anything reached through an
    embedded verb, a preposition or another actor's name ("Apple CEO Steve Jobs")
    is mentioned.
    """
    current, indirect = token, False
    while current.head.i != trigger.i:
        head, dep = current.head, current.dep_
        if head.i == current.i:
            return None
        holder = _role_holder_of(current, actor_heads)
        if holder is not None:
            current = holder  # "the head of the Service, Sergei Naryshkin," names the head
            continue
        if dep in ("pobj", "pcomp") and head.head.i == trigger.i:
            role = _role_of_prepositional(head, trigger)
            return Role.MENTIONED if indirect else role
        if not _transparent_hop(current, actor_heads):
            return None
        if dep not in _COORDINATION_DEPS and not _acts_for(current, token, actor_heads):
            indirect = True
        current = head
    role = _role_of_dependency(current, trigger)
    return Role.MENTIONED if indirect else role


def _role_holder_of(
    token: Token, actor_heads: Mapping[int, Sequence[LocatedMention]]
) -> Token | None:
    """The role noun a person's name in apposition really names, when the parser hung
    the name on the role's of-object: in "The head of Russia's Foreign Intelligence
    Service, Sergei Naryshkin, has warned" the name is parsed as an appositive of
    "Service", but a person is no other name of an organisation or a place, and after
    "the manager of Paul McCartney," the name is the manager's. None when `token` is no
    such name."""
    if token.dep_ != "appos" or not any(
        lm.mention.kind is ActorKind.PERSON for lm in actor_heads.get(token.i, ())
    ):
        return None
    obj = token.head
    prep = obj.head
    if obj.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "of":
        return None
    role = prep.head
    if role.i == prep.i or not _is_role_noun(role):
        return None
    return role


def _transparent_hop(token: Token, actor_heads: Collection[int]) -> bool:
    """Whether an actor below `token`'s head still takes part in the clause."""
    head, dep = token.head, token.dep_
    if dep in _COORDINATION_DEPS:
        return True
    if dep in _MODIFIER_DEPS:
        # "Apple CEO Steve Jobs", "Syria's President", "iPod sales"; not "iPod users"
        return head.i in actor_heads or is_event_noun(head) or _is_role_noun(head)
    if dep in ("pobj", "pcomp"):
        # "sued Apple over …", "the launch of the iPod", "head of the Service"
        noun_or_verb = head.head
        return (
            is_verbal_predicate(noun_or_verb)
            or is_event_noun(noun_or_verb)
            or _is_role_noun(noun_or_verb)
        )
    if dep in ("prep", "agent"):
        return True  # checked on the pobj hop below it
    # arguments of an embedded verb, and the embedded verb itself
    return is_verbal_predicate(head) and dep in _EMBEDDED_DEPS


def _acts_for(
    modifier: Token, actor: Token, actor_heads: Mapping[int, Sequence[LocatedMention]]
) -> bool:
    """Whether the group noun `modifier` hangs on acts for the actor named at `actor`
    (`modifier` itself, or a name coordinated with it: "Hamas and Islamic Jihad
    gunmen"), so that the actor plays the group's part (see `GROUP_NOUNS`)."""
    group = modifier.head
    if modifier.dep_ not in ("compound", "poss") or group.i in actor_heads:
        return False  # "Pakistan's Supreme Court": the court is the actor named
    word = group.lemma_.lower()
    if group.pos_ != "NOUN" or word not in GROUP_NOUNS:
        return False
    if word in _PEOPLE_NOUNS and group.tag_ != "NNS":
        return False  # one of them holds a role: "a Hamas official", "Apple's officer"
    kinds = {lm.mention.kind for lm in actor_heads.get(actor.i, ())}
    if kinds & _BODY_ACTOR_KINDS:
        return True
    demonym = actor.pos_ == "ADJ" or actor.ent_type_ == "NORP"
    return bool(kinds & _STATE_ACTOR_KINDS) and not demonym and word in _STATE_GROUP_NOUNS


def acting_for(
    group: Token, actor_heads: Mapping[int, Sequence[LocatedMention]]
) -> Iterator[Token]:
    """The possessive actors a group noun acts for ("Hungary's parliament"), for a
    clause that borrows the group as its subject ("… approved the bill and sent it"):
    compounds are in the group's phrase already."""
    for child in group.children:
        if child.dep_ != "poss":
            continue
        for token in phrase_tokens(child):
            if _acts_for(child, token, actor_heads):
                yield token


def _is_role_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in ROLE_NOUNS


def _role_of_prepositional(prep: Token, trigger: Token) -> Role:
    """ "introduced by Apple" → agent; "the launch of the iPod" → patient."""
    if prep.dep_ == "agent":
        return Role.AGENT
    if prep.lower_ == "of" and not is_verbal_predicate(trigger):
        return Role.PATIENT
    return Role.MENTIONED


def _role_of_dependency(arg: Token, trigger: Token) -> Role:
    dep = arg.dep_
    if dep in _SUBJECT_DEPS:
        return Role.AGENT
    if dep in _PASSIVE_SUBJECT_DEPS or dep in _OBJECT_DEPS:
        return Role.PATIENT
    if dep == "poss" and not is_verbal_predicate(trigger):
        return Role.AGENT  # event nouns: "Apple's launch"
    return Role.MENTIONED


def controller(trigger: Token) -> tuple[Token, Role] | None:
    """Who does the act of a clause that has no subject of its own, and in which role."""
    subject_role = Role.PATIENT if is_passive(trigger) else Role.AGENT
    if trigger.dep_ == "relcl":
        # "Apple, which launched …": the antecedent plays the relative word's part
        relatives = [c for c in trigger.children if is_relative_word(c)]
        role = _role_of_dependency(relatives[0], trigger) if relatives else subject_role
        return trigger.head, role
    if any(c.dep_ in _SUBJECT_DEPS | _PASSIVE_SUBJECT_DEPS for c in trigger.children):
        return None
    if trigger.dep_ not in _CONTROLLED_DEPS:
        return None
    governor = trigger.head
    if trigger.dep_ == "pcomp" and governor.head.i != governor.i:
        governor = governor.head  # "cited him as saying": as → cited
    if trigger.dep_ == "acl":
        return governor, subject_role
    objects = [c for c in governor.children if c.dep_ in ("dobj", "obj")]
    # object control ("cited him as saying", "asked him to") else subject control
    if trigger.dep_ in ("pcomp", "xcomp") and objects:
        return objects[0], subject_role
    subjects = [c for c in governor.children if c.dep_ in _SUBJECT_DEPS]
    if subjects:
        return subjects[0], subject_role
    return None


def phrase_tokens(head: Token) -> Iterator[Token]:
    """The head of a noun phrase and the tokens joined to it by phrase-internal hops."""
    todo = [head]
    while todo:
        token = todo.pop()
        yield token
        todo.extend(c for c in token.children if c.dep_ in _PHRASE_DEPS)


class AntecedentIndex:
    """The mentions of an article grouped by sentence, so that a pronoun or a
    description looks only at the few sentences its antecedent may be in: a scan
    of every mention per word made assembly quadratic in the article's length."""

    def __init__(self, located: Sequence[LocatedMention]) -> None:
        # (position in `located`, mention): the window keeps the article's order
        self._by_sentence: dict[int, list[tuple[int, LocatedMention]]] = defaultdict(list)
        for position, lm in enumerate(located):
            self._by_sentence[lm.sentence].append((position, lm))

    def window(self, sentence: int) -> list[LocatedMention]:
        """The mentions of `sentence` and of the sentences before it that
        `resolve_pronoun` and `resolve_description` consider, in the given order."""
        nearby = [
            pair
            for number in range(sentence - _PRONOUN_WINDOW_SENTENCES, sentence + 1)
            for pair in self._by_sentence.get(number, ())
        ]
        nearby.sort(key=lambda pair: pair[0])
        return [lm for _, lm in nearby]


def resolve_pronoun(
    pronoun: Token, mentions: Sequence[LocatedMention], sentence: int
) -> ActorMention | None:
    """The antecedent of a pronoun: the latest compatible subject of the last few
    sentences, else the latest compatible mention ("he said" → the last person
    named, preferring one the story made a subject).

    `mentions` in the article's order; only those of the last few sentences count, so
    `AntecedentIndex.window(sentence)` is all it needs."""
    kinds = _PRONOUN_KINDS.get(pronoun.lower_)
    if kinds is None or is_expletive(pronoun):
        return None
    excluded = _own_subject_keys(pronoun, mentions, sentence)
    window = [
        m
        for m in mentions
        if m.mention.start < pronoun.idx
        and m.mention.kind in kinds
        and sentence - _PRONOUN_WINDOW_SENTENCES <= m.sentence <= sentence
        and m.mention.key not in excluded
    ]
    subjects = [m for m in window if _is_subject(m.head)]
    candidates = subjects or window
    return candidates[-1].mention if candidates else None


def _own_subject_keys(
    pronoun: Token, mentions: Sequence[LocatedMention], sentence: int
) -> frozenset[str]:
    """The actors an object pronoun cannot stand for: the subject of its own verb. A
    non-reflexive object is someone else ("Labour leader Keir Starmer accused him of
    dithering": him is not Starmer, though Starmer is the latest subject; "Trump
    mocked her"); the subject would say "himself". A possessive ("Starmer praised his
    party") may well be the subject's and is left alone."""
    verb = pronoun.head
    if pronoun.dep_ not in _OBJECT_DEPS or verb.i == pronoun.i or not is_verbal_predicate(verb):
        return frozenset()
    keys: set[str] = set()
    for subject in verb.children:
        if subject.dep_ not in _SUBJECT_DEPS:
            continue
        phrase = {t.i for t in phrase_tokens(subject)}
        keys.update(m.mention.key for m in mentions if m.head.i in phrase)
        if subject.pos_ == "PRON":  # "He accused him": not the one "he" is
            antecedent = resolve_pronoun(subject, mentions, sentence)
            if antecedent is not None:
                keys.add(antecedent.key)
    return frozenset(keys)


def resolve_description(
    noun: Token, mentions: Sequence[LocatedMention], sentence: int
) -> ActorMention | None:
    """The antecedent of a definite description: "the store" → the latest actor whose
    name has that word ("iTunes Music Store"). `mentions` as for `resolve_pronoun`."""
    if noun.pos_ != "NOUN" or not any(
        c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE_WORDS for c in noun.children
    ):
        return None
    word = noun.lemma_.lower()
    window = [
        m
        for m in mentions
        if m.mention.start < noun.idx
        and sentence - _PRONOUN_WINDOW_SENTENCES <= m.sentence <= sentence
        and word in m.name_words
    ]
    return window[-1].mention if window else None


def is_copula(token: Token) -> bool:
    if token.pos_ not in ("AUX", "VERB"):
        return False
    return token.lemma_ == "be" or token.lower_ in ("'s", "\u2019s")


def is_expletive(pronoun: Token) -> bool:
    """ "it is clear that …": an "it" subject of a copula refers to nothing."""
    return pronoun.lower_ == "it" and pronoun.dep_ == "nsubj" and is_copula(pronoun.head)


def _is_subject(token: Token) -> bool:
    current = token
    while current.dep_ in _PHRASE_DEPS and current.head.i != current.i:
        current = current.head
    return current.dep_ in _SUBJECT_DEPS | _PASSIVE_SUBJECT_DEPS


def merge_role(roles: dict[str, Role], key: str, role: Role) -> None:
    """Keep the strongest role an actor has in the clause."""
    if key not in roles or _ROLE_STRENGTH[role] > _ROLE_STRENGTH[roles[key]]:
        roles[key] = role


def locate_mentions(
    doc: object, mentions: Sequence[ActorMention], sentence_of: dict[int, int]
) -> list[LocatedMention]:
    """Attach each mention to the token heading it and the number of its sentence
    (`sentence_of`: token index → sentence number)."""
    located = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")  # type: ignore[attr-defined]
        head = span_head(span) if span is not None else None
        if head is not None and head.i in sentence_of:
            words = frozenset(mention.key.split()) | frozenset(alias_key(mention.text).split())
            located.append(LocatedMention(mention, head, sentence_of[head.i], words))
    return located


def is_relative_word(token: Token) -> bool:
    return token.lower_ in _RELATIVE_WORDS
