"""A page of results from a keyset query."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

Order = Literal["asc", "desc"]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


def split_page(rows: Sequence[T], limit: int) -> tuple[list[T], bool]:
    """Queries fetch `limit + 1` rows; the extra one only says whether there is more."""
    return list(rows[:limit]), len(rows) > limit
