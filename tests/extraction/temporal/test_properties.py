"""Robustness: any text is tagged in time linear in its length, and the output
always honours the contract (sorted, non-overlapping, exact offsets)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from app.extraction.temporal import RuleTemporalTagger
from app.extraction.temporal.tagger import all_rules

TAGGER = RuleTemporalTagger()
RULE_NAMES = {r.name for r in all_rules()}
# merged ranges are named after the family of their first end
RULE_NAMES |= {name.split(".")[0] + ".range" for name in RULE_NAMES}
MIB = 1 << 20

# pieces chosen to trip a regex engine: digit runs, separators, weekday and month
# names, number words, modifiers, unicode digits and letters, whitespace runs
PIECES = [
    "1",
    "19",
    "1990",
    "2020",
    "12345678901234567890",
    "1998-99",
    "10/06/2020",
    "3:07:35",
    "Monday",
    "Friday",
    "May",
    "March",
    "September 27",
    "Sept.",
    "2 1/2",
    "of a 50%",
    "twenty four",
    "a few",
    "the past",
    "late",
    "early",
    "mid-",
    "last",
    "next",
    "week",
    "years",
    "ago",
    "now",
    "today",
    "Russia Today",
    "Q3",
    "the 1990s",
    "century",
    " ",
    "  ",
    "\n",
    ",",
    ".",
    "-",
    "/",
    ":",
    "'",
    "’",
    "é",
    "ß",
    "中文",
    "١٩٩٠",
    "😀",
    "\u00a0",
]


def _check(text: str) -> None:
    found = TAGGER.tag(text, dt.date(2020, 11, 6))
    last_end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= last_end, "timexes overlap or are unsorted"
        assert text[t.start : t.end] == t.text
        assert t.text == t.text.strip()
        assert t.rule in RULE_NAMES
        assert t.value
        if t.can_date_event:
            assert t.start_date is not None and t.end_date is not None
            assert t.start_date <= t.end_date
        last_end = t.end


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=400))
def test_random_piece_sequences_keep_the_contract(pieces: list[str]) -> None:
    _check(" ".join(pieces))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=2000))
def test_arbitrary_unicode_keeps_the_contract(text: str) -> None:
    _check(text)


@settings(max_examples=6, deadline=None)
@given(st.sampled_from(PIECES), st.sampled_from(["", " ", "-", ", "]))
def test_one_mib_of_a_repeated_piece_finishes(piece: str, sep: str) -> None:
    unit = piece + sep
    text = (unit * (MIB // max(len(unit), 1) + 1))[:MIB]
    _check(text)


def test_one_mib_adversarial_texts_finish() -> None:
    # long digit runs, thousands of weekday names, unicode: each must finish
    # (no catastrophic backtracking); the bench measures the actual speed
    for text in (
        "9" * MIB,
        ("Monday " * (MIB // 7 + 1))[:MIB],
        ("Friday, May 5, 2020 and " * (MIB // 24 + 1))[:MIB],
        ("١٢٣٤٥ é中文 " * (MIB // 9 + 1))[:MIB],
        (" " * (MIB - 4)) + "1990",
        ("1 " + " " * 1000) * (MIB // 1002),
        # a look-back over the whole text before each quarter was quadratic here
        ("after the second quarter, " * (MIB // 26 + 1))[:MIB],
        # ... and a look-ahead to the sentence's end, in a text without one
        ("this quarter's loss " * (MIB // 20 + 1))[:MIB],
    ):
        _check(text)


def test_ranges_with_equal_or_reversed_ends_keep_the_contract() -> None:
    # hypothesis once found 'Q3 - Q3' (rule periods.range) breaking the contract
    for text in (
        "Q3 - Q3",
        "from Q3 to Q3",
        "Q3 - Q2",
        "Q4 - Q3 2020",
        "Monday - Monday",
        "May 5 - May 5",
        "1990 - 1990",
        "between Q3 and Q3",
    ):
        _check(text)
    (t,) = TAGGER.tag("Q3 - Q3", dt.date(2020, 11, 6))
    assert (t.text, t.rule, t.value) == ("Q3 - Q3", "periods.range", "2020-Q3")
    assert (t.start_date, t.end_date) == (dt.date(2020, 7, 1), dt.date(2020, 9, 30))
