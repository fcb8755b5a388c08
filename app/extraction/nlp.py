"""The one spaCy pass: load the pipeline once, parse long texts in paragraph batches.

spaCy's parser needs roughly 1 GB of scratch memory per 100,000 characters
when given a text at once, and `nlp.pipe` over pieces is also faster than one
call per sentence. So a text is cut at line breaks into pieces of bounded size,
parsed with `nlp.pipe`, and the pieces are joined back into one `Doc` whose
text is exactly the input (character offsets stay valid for every stage).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

_PIECE_CHARS = 20_000
_LINE_BREAK = re.compile(r"\n+")


def load_nlp(model_name: str, exclude: Sequence[str] = ()) -> Any:
    """Load a spaCy pipeline by package name; spaCy is imported only here and on demand."""
    import spacy

    nlp = spacy.load(model_name, exclude=list(exclude))
    nlp.max_length = 2 * _PIECE_CHARS
    return nlp


def parse(nlp: Any, text: str, boundaries: Sequence[int] = ()) -> Any:
    """Parse `text` into a single Doc, batching by paragraphs for long inputs.

    `boundaries`: offsets where one piece must end and the next begin, so that
    what precedes is parsed apart (a wire date line "MOSCOW, Nov 6 (Reuters) -":
    run together with the first sentence, it hides the name that follows from
    the small model's NER and breaks that sentence's parse).

    White space ending the text is parsed apart too: as a token ("\n", "  ") at the
    end of the last sentence, the statistical models read it as context, and the same
    article with or without a final newline got other entities and another parse."""
    from spacy.tokens import Doc

    pieces = list(_pieces(text, (*boundaries, len(text.rstrip()))))
    if len(pieces) == 1:
        return nlp(pieces[0])
    return Doc.from_docs(list(nlp.pipe(pieces)), ensure_whitespace=False)


def _pieces(text: str, boundaries: Sequence[int] = ()) -> Iterator[str]:
    """Contiguous non-empty pieces covering `text`, cut at `boundaries` and otherwise
    after a line break when one is near."""
    start = 0
    for boundary in sorted(b for b in boundaries if 0 < b < len(text)):
        if boundary > start:
            yield from _bounded_pieces(text[start:boundary])
            start = boundary
    yield from _bounded_pieces(text[start:])


def _bounded_pieces(text: str) -> Iterator[str]:
    start = 0
    while len(text) - start > _PIECE_CHARS:
        window_end = start + _PIECE_CHARS
        cut = _last_line_break_end(text, start, window_end)
        yield text[start:cut]
        start = cut
    yield text[start:]


def _last_line_break_end(text: str, start: int, limit: int) -> int:
    last = None
    for match in _LINE_BREAK.finditer(text, start, limit):
        last = match.end()
    # no line break in the window: cut at a space, else hard at the limit
    if last is None or last <= start:
        space = text.rfind(" ", start, limit)
        return space + 1 if space > start else limit
    return last
