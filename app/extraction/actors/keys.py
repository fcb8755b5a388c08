"""`alias_key`: the one function that folds actor names, for storage and for lookup.

Two surface forms that name the same entity must fold to the same key:
case, accents, punctuation, and common Russian/Arabic transliteration
variants ("Sergei"/"Sergey", "Aleksandr"/"Alexander", "-iy"/"-y").
"""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")

# Applied in order, per word, after case/accent folding. Each maps a family of
# transliteration variants onto one spelling.
_WORD_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^aleksand"), "alexand"),
    (re.compile(r"iy$|yy$|ii$"), "y"),
    (re.compile(r"ei$"), "ey"),
    (re.compile(r"ks"), "x"),
)


def _fold_word(word: str) -> str:
    for pattern, replacement in _WORD_FOLDS:
        word = pattern.sub(replacement, word)
    return word


def alias_key(name: str) -> str:
    """Fold a name to its lookup key: lower case, no accents, variants unified."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    ascii_only = ascii_only.replace("'", "").replace("\u2019", "")
    words = [w for w in _NON_ALNUM.split(ascii_only) if w]
    return " ".join(_fold_word(w) for w in words)
