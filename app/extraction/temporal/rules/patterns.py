"""Regex pieces shared by the rule families, built from the lexicon tables.

Only bounded quantifiers and literal alternations are used, so every pattern
does a bounded amount of work per start position (no catastrophic
backtracking; tagging is linear in the text length).
"""

from __future__ import annotations

from app.extraction.temporal import lexicon as lx

MONTH = lx.month_alternation()
WEEKDAY = lx.cased_alternation(lx.WEEKDAYS)
WEEKDAY_ANYCASE = lx.alternation(lx.WEEKDAYS)
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9]|20)\d\d"
NUMBER_WORD = lx.number_words()
# "2", "2.5", "2 1/2", "twenty-four", "a", "a few", "several"
NUMBER = (
    rf"(?:\d{{1,4}}(?:\.\d{{1,2}})?(?:\s+1/2)?|{NUMBER_WORD}|{lx.alternation(lx.VAGUE_QUANTITIES)})"
)
ORDINAL = lx.alternation(lx.ORDINALS)
SEASON = lx.alternation(lx.SEASONS)
PART_OF_DAY = lx.alternation(lx.PARTS_OF_DAY)
UNIT = lx.alternation(lx.UNITS)
# a word boundary that also refuses digits, so "12005" or "1990s" hide no "2005"/"1990"
LB = r"(?<![\w$£€#])(?<!\d[.,/:-])"
RB = r"(?![\w%])(?![.,/:-]\d)"
# what may close a phrase right after an expression: punctuation or the text's end
PHRASE_END = r"[.,;:!?)\"'’”]|\Z"
