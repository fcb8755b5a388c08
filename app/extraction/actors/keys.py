"""`alias_key`: the one function that folds actor names, for storage and for lookup.

Two surface forms that name the same entity must fold to the same key:
case, accents, punctuation, a leading "the", a possessive "'s", Arabic
article prefixes ("al-Assad" / "Assad"), legal-form suffixes ("Apple Inc." /
"Apple") and common Russian/Arabic transliteration variants ("Sergei" /
"Sergey", "Aleksandr" / "Alexander", "Dmitriy" / "Dmitry", "Kiselyov" /
"Kiselev", "Mohammed" / "Muhammad").

The key is an identity, not a display form: the database stores it and
looks actors up by it, so any change here changes which stored actors match.
Keep every fold in `_WORD_FOLDS` / `_DROP_*` covered by an example test.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_ALNUM = re.compile(r"[^0-9a-z]+")

# Letters NFKD does not decompose into ASCII + combining marks.
_LETTER_FOLDS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"}
)

# A possessive at the end of a word: "Turkey's", "Turkey’s", "Beatles'".
_POSSESSIVE = re.compile(r"(?<=\w)['’`]s?(?=\s|$|[,;:.)])")
# Arabic article written as a hyphenated prefix: "al-Assad", "el-Sisi", "Al-Nusra".
_ARABIC_ARTICLE = re.compile(r"(?<![a-z])(?:al|el)[-‐‑–]\s*(?=[a-z])")
_LEADING_THE = re.compile(r"^the\s+")

# Legal-form words dropped at the end of a multi-word name ("Apple Inc." = "Apple").
# "corps" is NOT here: "Apple Corps" is a different company from Apple Inc.
_DROP_SUFFIXES = frozenset(
    {"inc", "incorporated", "ltd", "limited", "llc", "plc", "corp", "corporation", "co"}
)

# Applied in order, per word, after case/accent folding. Each maps a family of
# transliteration variants onto one spelling.
_WORD_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^m[ou]h[ae]mm?[ae]d$"), "muhammad"),  # Mohammed, Mohamad, Muhammed
    (re.compile(r"^h[ou]s+a?[ey]?i?n$"), "hussein"),  # Husain, Hussain, Husayn
    (re.compile(r"^aleksand"), "alexand"),  # Aleksandr / Alexander
    (re.compile(r"^ye(?=[a-z]{3})"), "e"),  # Yevgeny / Evgeny
    (re.compile(r"iy$|yy$|ii$|ij$"), "y"),  # Dmitriy, Dmitrii, Dmitrij / Dmitry
    (re.compile(r"ei$"), "ey"),  # Sergei / Sergey, Andrei / Andrey
    (re.compile(r"y[oe]v$"), "ev"),  # Kiselyov, Kiselyev / Kiselev
    (re.compile(r"y[oe]va$"), "eva"),
    # Aleksei / Alexei; only before a vowel, so "Works" and "Marks" keep their "ks"
    (re.compile(r"ks(?=[aeiouy])"), "x"),
    (re.compile(r"(?<=x)andr$"), "ander"),  # Alexandr, Oleksandr / Alexander
)


def _fold_word(word: str) -> str:
    for pattern, replacement in _WORD_FOLDS:
        word = pattern.sub(replacement, word)
    return word


def _ascii_fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_LETTER_FOLDS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)  # pure, and called for every form of every mention
def alias_key(name: str) -> str:
    """Fold a name to its lookup key: lower case, no accents, variants unified.

    >>> alias_key("Sergei Naryshkin") == alias_key("SERGEY NARYSHKIN")
    True
    >>> alias_key("Turkey’s")
    'turkey'
    """
    text = _ascii_fold(name.strip())
    text = _POSSESSIVE.sub("", text)
    text = _ARABIC_ARTICLE.sub("", text)
    text = _LEADING_THE.sub("", text)
    text = text.replace("'", "").replace("’", "").replace("`", "")
    words = [w for w in _NON_ALNUM.split(text) if w]
    while len(words) > 1 and words[-1] in _DROP_SUFFIXES:
        words.pop()
    return " ".join(_fold_word(w) for w in _join_initials(words))


def _join_initials(words: list[str]) -> list[str]:
    """Join runs of one-letter words, so "U.S." / "US" and "U.N." / "UN" agree."""
    out: list[str] = []
    run = ""
    for word in words:
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            out.append(run)
            run = ""
        out.append(word)
    if run:
        out.append(run)
    return out
