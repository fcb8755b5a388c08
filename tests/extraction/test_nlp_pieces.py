"""Long texts are parsed in pieces that join back to exactly the input text."""

from __future__ import annotations

import pytest

from app.extraction import nlp as nlp_module


@pytest.mark.parametrize(
    "text",
    [
        "short text",
        "para one.\n\npara two.\n" * 3000,
        "x" * 50_000,  # no line break and no space at all: hard cuts
        ("word " * 9000) + "\n" + ("word " * 9000),
    ],
)
def test_pieces_cover_the_text_exactly_and_stay_bounded(text: str) -> None:
    pieces = list(nlp_module._pieces(text))
    assert "".join(pieces) == text
    assert all(len(piece) <= nlp_module._PIECE_CHARS for piece in pieces)
    assert all(pieces)


def test_pieces_also_break_at_the_boundaries_asked_for() -> None:
    text = "MOSCOW, Nov 6 (Reuters) - Sergey Naryshkin said."
    assert list(nlp_module._pieces(text, boundaries=(26,))) == [
        "MOSCOW, Nov 6 (Reuters) - ",
        "Sergey Naryshkin said.",
    ]
    assert list(nlp_module._pieces(text, boundaries=(0, len(text)))) == [text]
