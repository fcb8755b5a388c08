"""The bracket notation of temporal test phrases: "on [Friday] the" marks expected spans."""

from __future__ import annotations

import re

_MARK = re.compile(r"\[([^\]]*)\]")


def unmark(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without brackets, and the (start, end) of each bracketed span in it."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    length, pos = 0, 0
    for match in _MARK.finditer(text):
        before = text[pos : match.start()]
        pieces += [before, match.group(1)]
        length += len(before)
        spans.append((length, length + len(match.group(1))))
        length += len(match.group(1))
        pos = match.end()
    pieces.append(text[pos:])
    return "".join(pieces), spans
