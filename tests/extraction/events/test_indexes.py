"""The per-article indexes of event assembly find what plain scans of the whole
text or of every mention would find (they exist to keep assembly linear)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from app.extraction.events.assemble import PARAGRAPH_BREAK, TextLayout
from app.extraction.events.clauses import AntecedentIndex, LocatedMention
from app.extraction.types import ActorKind, ActorMention

TEXTS = [
    "",
    "One line, no break.",
    "Headline\n\nMay 7, 2005\n\nBody text.\nSecond line.",
    "a\n \n\tb\n\n\n c \n\t \n",
    "\n\nstarts and ends with breaks\n\n",
    "x\n\ty\n \t z\n\n",
]


def scanned_paragraph(text: str, offset: int) -> tuple[int, int]:
    """The paragraph holding `offset` as the plain scans of the text find it."""
    start = max((m.end() for m in PARAGRAPH_BREAK.finditer(text, 0, offset)), default=0)
    found = PARAGRAPH_BREAK.search(text, offset)
    return start, found.start() if found else len(text)


def scanned_line(text: str, start: int, end: int) -> tuple[int, int]:
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end == -1 else line_end


@pytest.mark.parametrize("text", TEXTS)
def test_paragraphs_are_those_the_scans_find(text: str) -> None:
    """Every offset, white space inside a break included."""
    layout = TextLayout(text)
    for offset in range(len(text) + 1):
        assert layout.paragraph(offset) == scanned_paragraph(text, offset), offset


@pytest.mark.parametrize("text", TEXTS)
def test_lines_are_those_the_scans_find(text: str) -> None:
    layout = TextLayout(text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert layout.line_around(start, end) == scanned_line(text, start, end)


def located(key: str, sentence: int) -> LocatedMention:
    mention = ActorMention(key, 0, len(key), key, ActorKind.PERSON, key)
    head: Any = None  # the window does not look at the head
    return LocatedMention(mention, head, sentence, frozenset())


def test_the_antecedent_window_keeps_the_given_order() -> None:
    """The last few sentences' mentions, in the order the finder gave them, even when
    that order is not the order of the sentences."""
    mentions = [located(f"m{n}", sentence) for n, sentence in enumerate([9, 2, 5, 0, 3, 9, 8])]
    index = AntecedentIndex(mentions)
    for sentence in range(-1, 18):
        expected = [m for m in mentions if sentence - 6 <= m.sentence <= sentence]
        assert index.window(sentence) == expected


def test_the_antecedent_window_of_every_order() -> None:
    sentences = [0, 1, 1, 7, 8]
    for order in itertools.permutations(range(len(sentences))):
        mentions = [located(f"m{n}", sentences[n]) for n in order]
        index = AntecedentIndex(mentions)
        for sentence in range(10):
            expected = [m for m in mentions if sentence - 6 <= m.sentence <= sentence]
            assert index.window(sentence) == expected
