"""Gazetteers: lists of known actors, loaded once from TOML data files.

Data file format (TOML; packaged files live in `app/extraction/actors/data/`,
users add their own through `GazetteerActorFinder.default(extra_paths=...)`):

    kind = "place"                 # optional default for every entry of the file

    [[actor]]
    name = "Turkey"                # canonical name (required)
    kind = "place"                 # person|organization|place|group|product|other
    aliases = ["Türkiye", "Republic of Turkey"]   # other names: always this actor
    demonyms = ["Turkish", "Turk", "Turks"]       # adjectives/plurals: this actor
    metonyms = ["Ankara"]          # capitals and seats standing for the actor,
                                   # except after a locative word ("in Ankara")

A file may equally write its entries as one array of inline tables,
`actor = [{ name = "France", demonyms = ["French"] }, ...]`, which is the same
TOML value. Matching is case-sensitive on the forms as written (so "US" does
not match "us"); an all-capitals copy of every form of 5+ characters is also
matched ("MOSCOW, Oct 6"). Later files win: an entry whose name folds to the
same `alias_key` as an earlier one extends it, and a form listed by two
entries belongs to the one loaded last, so a user file can add or re-map.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.extraction.actors.keys import alias_key
from app.extraction.types import ActorKind


class GazetteerError(ValueError):
    """A gazetteer data file is malformed (the message names the file and entry)."""


class FormType(StrEnum):
    NAME = "name"
    ALIAS = "alias"
    DEMONYM = "demonym"
    METONYM = "metonym"


@dataclass(slots=True)
class GazetteerEntry:
    name: str
    kind: ActorKind
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return alias_key(self.name)


@dataclass(frozen=True, slots=True)
class GazetteerHit:
    start: int
    end: int
    text: str
    entry: GazetteerEntry
    form: FormType


_KINDS = {k.value: k for k in ActorKind}


class Gazetteer:
    """Known actors and a compiled matcher over all their surface forms."""

    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        self.entries: list[GazetteerEntry] = []
        by_key: dict[str, GazetteerEntry] = {}
        for entry in entries:
            existing = by_key.get(entry.key)
            if existing is None:
                by_key[entry.key] = entry
                self.entries.append(entry)
            else:  # a later file extends an entry of the same name
                existing.kind = entry.kind
                existing.aliases += entry.aliases
                existing.demonyms += entry.demonyms
                existing.metonyms += entry.metonyms
        self._forms: dict[str, tuple[GazetteerEntry, FormType]] = {}
        self._by_key: dict[str, GazetteerEntry] = {}
        for entry in self.entries:
            for form, form_type in _forms_of(entry):
                if entry.kind is ActorKind.PRODUCT and not form.endswith("s"):
                    # plural of a product is the product: "iPhones", "MacBooks"
                    self._forms.setdefault(form + "s", (entry, FormType.ALIAS))
                self._forms[form] = (entry, form_type)
                if len(form) >= 5 and form.upper() != form:
                    self._forms.setdefault(form.upper(), (entry, form_type))
                if form_type is not FormType.METONYM:
                    self._by_key[alias_key(form)] = entry
        self._pattern = _compile(self._forms)

    def scan(self, text: str) -> list[GazetteerHit]:
        """Every non-overlapping occurrence of a known form, leftmost-longest."""
        if self._pattern is None:
            return []
        hits = []
        for match in self._pattern.finditer(text):
            entry, form_type = self._forms[match.group()]
            hits.append(GazetteerHit(match.start(), match.end(), match.group(), entry, form_type))
        return hits

    def lookup(self, name: str) -> GazetteerEntry | None:
        """The entry a name or non-metonym alias folds to, if any."""
        return self._by_key.get(alias_key(name))

    @classmethod
    def from_files(cls, paths: Sequence[Path]) -> Gazetteer:
        entries: list[GazetteerEntry] = []
        for path in paths:
            with path.open("rb") as fh:
                try:
                    data = tomllib.load(fh)
                except tomllib.TOMLDecodeError as exc:
                    raise GazetteerError(f"{path}: {exc}") from exc
            entries.extend(parse_entries(data, source=str(path)))
        return cls(entries)


def parse_entries(data: Mapping[str, Any], source: str = "<data>") -> list[GazetteerEntry]:
    """Validate one file's TOML value and build its entries."""
    default_kind = data.get("kind")
    raw_entries = data.get("actor", [])
    if not isinstance(raw_entries, list):
        raise GazetteerError(f"{source}: 'actor' must be an array of tables")
    return [
        _entry(raw, default_kind, f"{source}: actor #{i + 1}") for i, raw in enumerate(raw_entries)
    ]


def _entry(raw: Any, default_kind: Any, where: str) -> GazetteerEntry:
    if not isinstance(raw, dict):
        raise GazetteerError(f"{where}: must be a table")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise GazetteerError(f"{where}: 'name' must be a non-empty string")
    kind = raw.get("kind", default_kind)
    if kind not in _KINDS:
        raise GazetteerError(f"{where} ({name}): 'kind' must be one of {sorted(_KINDS)}")
    unknown = set(raw) - {"name", "kind", "aliases", "demonyms", "metonyms"}
    if unknown:
        raise GazetteerError(f"{where} ({name}): unknown field(s) {sorted(unknown)}")
    lists = {
        f: _string_list(raw.get(f, []), f"{where} ({name}) '{f}'")
        for f in ("aliases", "demonyms", "metonyms")
    }
    return GazetteerEntry(name=name.strip(), kind=_KINDS[kind], **lists)


def _string_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise GazetteerError(f"{where}: must be a list of non-empty strings")
    return [v.strip() for v in value]


def _forms_of(entry: GazetteerEntry) -> list[tuple[str, FormType]]:
    forms = [(entry.name, FormType.NAME)]
    forms += [(a, FormType.ALIAS) for a in entry.aliases]
    forms += [(d, FormType.DEMONYM) for d in entry.demonyms]
    forms += [(m, FormType.METONYM) for m in entry.metonyms]
    return forms


def _compile(forms: Iterable[str]) -> re.Pattern[str] | None:
    # Longest first, so "Russia Today" wins over "Russia" at the same position.
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    if not ordered:
        return None
    alternation = "|".join(re.escape(f) for f in ordered)
    # Not inside a word; a trailing "'s" or "-backed" is outside the match.
    return re.compile(rf"(?<![\w.-])(?:{alternation})(?![\w])")
