"""Rule records: a named pattern, a builder, and the examples that test it.

Rules are data (ARCHITECTURE "Rules are data with executable examples"): each
family module exports RULES, NEGATIVES (texts that must yield nothing, or
nothing over their [bracketed] part) and LATENT pairs (a phrase that is
nothing alone, and the same phrase in a context that makes it a date).
tests/extraction/temporal/test_rules.py runs every example through the whole
tagger.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from app.extraction.temporal.candidate import Meaning

# builder(match, text) -> meaning, or None to reject the match
Builder = Callable[[re.Match[str], str], Meaning | None]


@dataclass(frozen=True, slots=True)
class Example:
    """`text` with the expected extent in [brackets] (whole text when none)."""

    text: str
    value: str
    dct: str = "2020-11-06"
    mod: str | None = None
    granularity: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    type: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    name: str  # family.variant
    pattern: str
    build: Builder
    examples: tuple[Example, ...] = ()
    priority: int = 0
    compiled: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", re.compile(self.pattern, re.IGNORECASE))


_LAST_WORD = re.compile(r"([^\W\d_][\w'’]*)[^\w]*\Z")


def word_before(text: str, start: int, max_chars: int = 30) -> str:
    """The word immediately left of `start` (lower-cased; '' when none)."""
    m = _LAST_WORD.search(text, max(0, start - max_chars), start)
    return m.group(1).lower() if m else ""


def text_before(text: str, start: int, n: int = 40) -> str:
    return text[max(0, start - n) : start]


def text_after(text: str, end: int, n: int = 40) -> str:
    return text[end : end + n]
