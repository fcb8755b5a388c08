"""Event assembly: dated events with their participants, from one parsed article.

1. Every DATE/TIME expression that can date something anchors one event on the
   predicate it modifies (`triggers.find_trigger`); several per sentence when
   several predicates carry their own dates.
2. Every other finite predicate whose clause has actors becomes an event too.
   It takes the date of a non-finite dated complement it governs ("TASS cited
   him as saying on Tuesday"); else, when it is the clause a dated reporting
   clause reports ("X has warned that …, TASS cited him as saying on Tuesday";
   "Rebels seized the town, the army reported Friday"), that clause's date;
   otherwise the story's narrative date: the
   publication date, unless the article has told of a recent earlier day
   ("On Wednesday, Apple unveiled …") — later undated clauses keep that day.
3. Participants come from the predicate's clause (`clauses`), pronouns resolved
   to the latest compatible actor.

Pure: works on the parse it is given, no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.extraction.events.clauses import (
    AntecedentIndex,
    LocatedMention,
    acting_for,
    clause_tokens,
    controller,
    is_copula,
    locate_mentions,
    merge_role,
    phrase_tokens,
    resolve_description,
    resolve_pronoun,
    role_of,
)
from app.extraction.events.triggers import (
    Token,
    find_trigger,
    is_event_noun,
    is_finite,
    is_modal,
    is_past,
    is_verbal_predicate,
    trigger_extent,
)
from app.extraction.types import (
    ActorMention,
    DatedBy,
    Event,
    EventParticipant,
    Granularity,
    PublicationDate,
    Role,
    Timex,
)

# An earlier day becomes the story's narrative date only when it is this recent:
# news reports events of the last days; a date further back is background.
NARRATIVE_WINDOW_DAYS = 7
_NARRATIVE_GRANULARITIES = frozenset({Granularity.DAY})

# Verbs of saying and believing (lemmas) that attribute a clause to a source
# ("Rebels seized the town, the army reported Friday"). A fronted clause hung on any
# other verb is no report ("It has said it hopes …; currently it controls …").
_REPORTING_VERB_WORDS = """
    say tell report announce warn claim state add cite quote confirm note stress write
    explain insist argue declare tweet post acknowledge admit reveal disclose deny allege
    predict estimate believe think suggest indicate reply respond comment emphasize
    emphasise underline recall assert maintain contend observe remark conclude testify
"""
REPORTING_VERBS: frozenset[str] = frozenset(_REPORTING_VERB_WORDS.split())


@dataclass(frozen=True, slots=True)
class _Dating:
    start: dt.date
    end: dt.date
    granularity: Granularity
    dated_by: DatedBy
    timex_index: int | None


@dataclass(slots=True)
class _Sentence:
    number: int
    start: int
    end: int
    tokens: Any  # a spaCy Span


class DependencyEventAssembler:
    """Implements the pipeline's `EventAssembler` protocol on a spaCy dependency parse."""

    def __init__(self, narrative_window_days: int = NARRATIVE_WINDOW_DAYS) -> None:
        self._window = dt.timedelta(days=narrative_window_days)

    def assemble(
        self,
        doc: Any,
        timexes: Sequence[Timex],
        mentions: Sequence[ActorMention],
        publication: PublicationDate,
    ) -> list[Event]:
        # Everything looked up per sentence, per trigger or per word is indexed here,
        # once per article, so that the work stays linear in the article's length.
        text: str = doc.text  # spaCy rebuilds it on every access: read it once
        sentences = _sentences(doc, text, publication)
        sentence_of = {t.i: sentence.number for sentence in sentences for t in sentence.tokens}
        located = locate_mentions(doc, mentions, sentence_of)
        by_head: dict[int, list[LocatedMention]] = defaultdict(list)
        for lm in located:
            by_head[lm.head.i].append(lm)
        antecedents = AntecedentIndex(located)
        dated = _dated_triggers(doc, TextLayout(text), timexes, publication)
        dated_in = _dated_by_sentence(doc, dated, sentences)
        publication_dating = _publication_dating(publication)
        narrative = publication_dating
        events: list[Event] = []
        for sentence in sentences:
            sentence_dated = dated_in.get(sentence.number, {})
            finite = [t for t in sentence.tokens if _undated_candidate(t, sentence_dated)]
            stops = set(sentence_dated) | {t.i for t in finite}
            nearby = antecedents.window(sentence.number)
            context = _Context(doc, text, nearby, by_head, sentence, stops)
            for trigger_i, timex_index in sorted(sentence_dated.items()):
                dating = _text_dating(timexes[timex_index], timex_index)
                events.append(context.event(doc[trigger_i], dating))
                narrative = self._advance(narrative, dating, timexes[timex_index], publication.day)
            for trigger in finite:
                participants = context.participants(trigger)
                if not participants:
                    continue
                # the story's day holds for what it tells in the past tense; a state in
                # the present tense ("iPhone 4 has a new screen") holds at publication
                story = narrative if is_past(trigger) else publication_dating
                dating = (
                    _inherited_dating(trigger, sentence_dated, timexes)
                    or _attributed_dating(trigger, sentence_dated, timexes)
                    or story
                )
                events.append(context.event(trigger, dating, participants))
            for noun in sentence.tokens:
                if noun.i in sentence_dated or not is_event_noun(noun):
                    continue
                if noun.i in by_head:
                    # the head of an actor's name names no happening: in "stormed
                    # Brazil's Congress" the Congress is the legislature, the patient
                    continue
                participants = context.noun_participants(noun)
                if participants:
                    events.append(context.event(noun, narrative, participants))
        # a headline restates the lead: its events would be duplicates
        headline_end = _headline_end(text)
        events = [e for e in events if e.trigger_start >= headline_end]
        events.sort(key=lambda e: (e.trigger_start, e.trigger_end))
        return events

    def _advance(self, narrative: _Dating, dating: _Dating, timex: Timex, dct: dt.date) -> _Dating:
        """Move the narrative date to a recent day the story has just told of.

        The publication day itself counts when the text names it as a day: after "The
        FAA grounded 171 planes on Saturday. Boeing's chief told employees on Tuesday …"
        (published that Tuesday) "United found loose bolts" is Tuesday's, not
        Saturday's. "now" ("laptops on sale now") tells of no day: it leaves the story
        where it was."""
        if dating.granularity not in _NARRATIVE_GRANULARITIES:
            return narrative
        if dating.start == dct and timex.value.endswith("_REF"):
            return narrative
        if dct - self._window <= dating.start <= dct:
            return dating
        return narrative


class _Context:
    """What event building needs to know about one sentence."""

    def __init__(
        self,
        doc: Any,
        text: str,
        nearby: Sequence[LocatedMention],
        by_head: dict[int, list[LocatedMention]],
        sentence: _Sentence,
        stops: set[int],
    ) -> None:
        """`nearby`: the mentions a pronoun or description of the sentence may refer to
        (`AntecedentIndex.window`)."""
        self._doc = doc
        self._text = text
        self._nearby = nearby
        self._by_head = by_head
        self._sentence = sentence
        self._stops = stops

    def event(
        self,
        trigger: Token,
        dating: _Dating,
        participants: tuple[EventParticipant, ...] | None = None,
    ) -> Event:
        start, end = trigger_extent(trigger)
        if participants is None:
            participants = self.participants(trigger)
        text = self._text
        return Event(
            trigger=text[start:end],
            trigger_start=start,
            trigger_end=end,
            sentence=text[self._sentence.start : self._sentence.end],
            sentence_start=self._sentence.start,
            sentence_end=self._sentence.end,
            start_date=dating.start,
            end_date=dating.end,
            granularity=dating.granularity,
            dated_by=dating.dated_by,
            timex_index=dating.timex_index,
            participants=participants,
        )

    def participants(self, trigger: Token) -> tuple[EventParticipant, ...]:
        roles: dict[str, Role] = {}
        tokens = clause_tokens(trigger, self._stops)
        for token in tokens:
            role = role_of(token, trigger, self._by_head)
            if role is not None:
                self._add(roles, token, role)
        control = controller(trigger)
        if control is not None:
            head, role = control
            phrase = list(phrase_tokens(head))
            for token in phrase:
                self._add(roles, token, role)
            for token in acting_for(head, self._by_head):
                self._add(roles, token, role)  # "Hungary's parliament … and sent it"
            if trigger.dep_ == "relcl":
                # the antecedent's other modifiers ("the war in Karabakh that erupted")
                inside = {t.i for t in phrase} | {t.i for t in tokens}
                for token in clause_tokens(head, self._stops | {trigger.i}):
                    if token.i not in inside:
                        self._add(roles, token, Role.MENTIONED)
        return tuple(EventParticipant(key, role) for key, role in sorted(roles.items()))

    def noun_participants(self, noun: Token) -> tuple[EventParticipant, ...]:
        """Actors an undated event noun names directly ("iPod sales", "its launch",
        "sales of its iPods"); nothing when it names none."""
        direct = [c for c in noun.children if c.dep_ in ("poss", "compound", "nmod")]
        direct += [
            g
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in ("of", "by")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        roles: dict[str, Role] = {}
        for token in direct:
            role = role_of(token, noun, self._by_head)
            if role is not None:
                self._add(roles, token, role)
        return tuple(EventParticipant(key, role) for key, role in sorted(roles.items()))

    def _add(self, roles: dict[str, Role], token: Token, role: Role) -> None:
        for lm in self._by_head.get(token.i, ()):
            merge_role(roles, lm.mention.key, role)
        if token.pos_ == "PRON":
            antecedent = resolve_pronoun(token, self._nearby, self._sentence.number)
        elif token.i not in self._by_head:
            antecedent = resolve_description(token, self._nearby, self._sentence.number)
        else:
            return
        if antecedent is not None:
            merge_role(roles, antecedent.key, role)


def _undated_candidate(token: Token, sentence_dated: dict[int, int]) -> bool:
    """A finite predicate without a date of its own. Copulas state, they do not happen;
    a future or hypothetical act ("will use") has no date the story gives, and the
    publication date would misplace it."""
    return (
        is_finite(token)
        and token.i not in sentence_dated
        and not is_copula(token)
        and not is_modal(token)
    )


def _dated_triggers(
    doc: Any, layout: TextLayout, timexes: Sequence[Timex], publication: PublicationDate
) -> dict[int, int]:
    """Trigger token index → index of the timex dating it (the finest when several do)."""
    dated: dict[int, int] = {}
    for index, timex in enumerate(timexes):
        if not timex.can_date_event or _in_span(timex.start, publication.span):
            continue
        if _fills_its_line(layout, timex):
            continue  # a date line or byline, not a date in a sentence
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        trigger = find_trigger(span, _paragraph_of(layout, doc, timex.start))
        if trigger is None:
            continue
        previous = dated.get(trigger.i)
        if previous is None or _finer(timex, timexes[previous]):
            dated[trigger.i] = index
    return dated


def _dated_by_sentence(
    doc: Any, dated: dict[int, int], sentences: Sequence[_Sentence]
) -> dict[int, dict[int, int]]:
    """Sentence number → its dated triggers (as in `dated`, in the same order): those
    whose first character the sentence covers. Sentences are disjoint and in text
    order, so a binary search over their starts finds each trigger's."""
    starts = [sentence.start for sentence in sentences]
    dated_in: dict[int, dict[int, int]] = defaultdict(dict)
    for trigger_i, timex_index in dated.items():
        offset = doc[trigger_i].idx
        k = bisect_right(starts, offset) - 1
        if k >= 0 and offset < sentences[k].end:
            dated_in[sentences[k].number][trigger_i] = timex_index
    return dated_in


_LINE_FILLER = frozenset(".,;:-\u2013\u2014()")


def _fills_its_line(layout: TextLayout, timex: Timex) -> bool:
    """Nothing but white space and punctuation beside the timex on its line; the "\r"
    of a "\r\n" line end or a no-break space is white space too."""
    text = layout.text
    line_start, line_end = layout.line_around(timex.start, timex.end)
    rest = text[line_start : timex.start] + text[timex.end : line_end]
    return all(c.isspace() or c in _LINE_FILLER for c in rest)


def _finer(a: Timex, b: Timex) -> bool:
    rank_a = a.granularity.rank if a.granularity else len(Granularity)
    rank_b = b.granularity.rank if b.granularity else len(Granularity)
    return rank_a < rank_b


def _inherited_dating(
    trigger: Token, sentence_dated: dict[int, int], timexes: Sequence[Timex]
) -> _Dating | None:
    """The date of a non-finite dated verb this finite predicate governs ("TASS cited
    him as saying on Tuesday"). A dated event noun keeps its date to itself: in "It is
    slated for a U.S. release on June 24" June 24 is the release's, not the slating's
    ("called snap elections for June 30", "downloaded … since its launch in 2003")."""
    for dated_i, timex_index in sorted(sentence_dated.items()):
        dated_token = trigger.doc[dated_i]
        if _carries_out(trigger, dated_token):
            return _text_dating(timexes[timex_index], timex_index)
        if is_finite(dated_token) or not is_verbal_predicate(dated_token):
            continue
        if _nearest_finite_ancestor(dated_token) == trigger.i:
            return _text_dating(timexes[timex_index], timex_index)
    return None


# Light verbs: their object names the happening, so "carried out its attack of
# October 7" is the attack and takes its date (not so "called snap elections for
# June 30", where the calling and the elections are two acts)
_LIGHT_VERBS = frozenset(
    ["carry", "conduct", "stage", "hold", "mount", "launch", "perform", "commit", "undertake"]
)


def _carries_out(trigger: Token, noun: Token) -> bool:
    """Whether the trigger is a light verb whose direct object is the dated event noun."""
    return (
        trigger.lemma_.lower() in _LIGHT_VERBS
        and noun.head.i == trigger.i
        and noun.dep_ in ("dobj", "obj")
        and is_event_noun(noun)
    )


def _attributed_dating(
    trigger: Token, sentence_dated: dict[int, int], timexes: Sequence[Timex]
) -> _Dating | None:
    """The date of the reporting clause that attributes this clause, when this clause
    is what was reported: "Rebels seized the town, the army reported Friday", "X has
    warned that …, TASS cited him as saying on Tuesday" — the report of the saying
    dates the saying. Only the reported clause itself (and the clauses coordinated
    with it) takes that date, not what it embeds ("… warned that X risks becoming").
    """
    first = trigger
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "seized the town and killed 20 people, the army reported"
    if first.i != trigger.i and first.i in sentence_dated:
        return None  # the first conjunct's own date is nearer than the report's
    reporter = _reporter(first)
    if reporter is None or reporter.i == trigger.i:
        return None
    if reporter.i in sentence_dated:
        timex_index = sentence_dated[reporter.i]
        return _text_dating(timexes[timex_index], timex_index)
    if is_finite(reporter):
        return _inherited_dating(reporter, sentence_dated, timexes)  # "cited him as saying on …"
    return None


def _reporter(content: Token) -> Token | None:
    """The verb of the clause attributing `content` to a source, or None.

    Either the content comes first and the reporting verb takes it as its complement
    ("Rebels seized the town, the army reported Friday": seized ←ccomp— reported), or
    the parser hangs a bare reporting clause on the content ("Rebels, the army said
    Friday, seized the town": said —parataxis→ seized). A content clause *after* its
    verb ("the army reported on Friday that rebels had seized …") is not attributed:
    what it tells of may well precede the report.
    """
    head = content.head
    if (
        content.dep_ == "ccomp"  # (a parenthetical "he said" is parataxis: the reporter)
        and head.i != content.i
        and content.i < head.i
        and _is_reporting(head)
    ):
        return head
    for child in content.children:
        if (
            child.dep_ == "parataxis"
            and _is_reporting(child)
            and not any(c.dep_ in ("ccomp", "dobj", "obj") for c in child.children)
        ):
            return child
    return None


def _is_reporting(token: Token) -> bool:
    return is_verbal_predicate(token) and token.lemma_.lower() in REPORTING_VERBS


def _nearest_finite_ancestor(token: Token) -> int | None:
    current = token
    while current.head.i != current.i:
        current = current.head
        if is_finite(current):
            return int(current.i)
    return None


def _text_dating(timex: Timex, index: int) -> _Dating:
    assert timex.start_date is not None  # can_date_event guarantees it
    return _Dating(
        start=timex.start_date,
        end=timex.end_date or timex.start_date,
        granularity=timex.granularity or Granularity.DAY,
        dated_by=DatedBy.TEXT,
        timex_index=index,
    )


def _publication_dating(publication: PublicationDate) -> _Dating:
    day = publication.day
    return _Dating(day, day, Granularity.DAY, DatedBy.PUBLICATION, None)


# A blank line: only white space between two newlines ("\r\n\r\n", a no-break space
# or a tab left by scraped HTML are no text).
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


_SENTENCE_END = (".", "!", "?", '"', "\u201d", "'", "\u2019", ":")


def _headline_end(text: str) -> int:
    """End of the headline: a first line without sentence-final punctuation that a
    blank line separates from more text; 0 when the text has none."""
    stripped = text.lstrip()
    blank = PARAGRAPH_BREAK.search(text, len(text) - len(stripped))
    if blank is None or not text[blank.start() :].strip():
        return 0
    first_end = blank.start()
    first_line = text[:first_end].strip()
    if "\n" in first_line or first_line.endswith(_SENTENCE_END):
        return 0
    return first_end


class TextLayout:
    """The line breaks and paragraph breaks of an article, found once and looked up by
    binary search: scanning the text for them around every timex took time in
    proportion to the whole text each time (quadratic on a long article)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._newlines = [m.start() for m in re.finditer("\n", text)]
        self._breaks = [(m.start(), m.end()) for m in PARAGRAPH_BREAK.finditer(text)]
        self._break_starts = [start for start, _ in self._breaks]

    def line_around(self, start: int, end: int) -> tuple[int, int]:
        """From the line break before `start` to the first one at or after `end` (the
        text's ends when there is none)."""
        before = bisect_left(self._newlines, start)  # newlines before `start`
        after = bisect_left(self._newlines, end)  # first newline at or after `end`
        line_start = self._newlines[before - 1] + 1 if before else 0
        line_end = self._newlines[after] if after < len(self._newlines) else len(self.text)
        return line_start, line_end

    def paragraph(self, offset: int) -> tuple[int, int]:
        """Char span of the paragraph holding `offset`: from the end of the last
        paragraph break in the text before `offset` to the start of the first break
        found from `offset` on."""
        k = bisect_left(self._break_starts, offset)  # how many breaks start before `offset`
        if k and self._breaks[k - 1][1] > offset:
            return self._paragraph_in_break(offset, k - 1)
        start = self._breaks[k - 1][1] if k else 0
        end = self._break_starts[k] if k < len(self._breaks) else len(self.text)
        return start, end

    def _paragraph_in_break(self, offset: int, inside: int) -> tuple[int, int]:
        """`paragraph` for an offset inside the white space of break number `inside`
        (no timex starts there, but the answer stays exact): a scan up to `offset`
        cuts that break short and a scan from `offset` starts within it, so run both
        scans, the first from that break on."""
        text = self.text
        previous = self._breaks[inside - 1][1] if inside else 0
        cut = PARAGRAPH_BREAK.finditer(text, self._break_starts[inside], offset)
        start = max((m.end() for m in cut), default=previous)
        found = PARAGRAPH_BREAK.search(text, offset)
        return start, found.start() if found else len(text)


def _paragraph_of(layout: TextLayout, doc: Any, offset: int) -> range:
    """Token indices of the paragraph (blank-line separated) holding char `offset`."""
    start, end = layout.paragraph(offset)
    span = doc.char_span(start, end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def _sentences(doc: Any, text: str, publication: PublicationDate) -> list[_Sentence]:
    """Sentences cut at blank lines (the parser runs a headline, a date line and a lead
    together), trimmed of white space and of the date line."""
    pieces: list[tuple[int, int]] = []
    for sent in doc.sents:
        start = sent.start_char
        for brk in PARAGRAPH_BREAK.finditer(text, sent.start_char, sent.end_char):
            pieces.append((start, brk.start()))
            start = brk.end()
        pieces.append((start, sent.end_char))
    out: list[_Sentence] = []
    for start, end in pieces:
        span = publication.span
        if span is not None and span[0] < end and start < span[1]:
            start = max(start, span[1])
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        tokens = doc.char_span(start, end, alignment_mode="expand") if start < end else None
        if tokens is not None and len(tokens):
            out.append(_Sentence(len(out), start, end, tokens))
    return out


def _in_span(offset: int, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= offset < span[1]
