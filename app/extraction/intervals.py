"""Character spans: overlap tests and greedy non-overlapping choice in n log n.

Stages test every candidate of an article against every other; written as
nested loops that costs time quadratic in the article's length (a 1 MiB body
is allowed). These two helpers keep it to sorting and binary search.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate
from typing import Any, TypeVar

T = TypeVar("T")


class SpanSet:
    """A fixed set of (start, end) spans, which may overlap one another, asked
    whether a span overlaps any of them (sharing at least one character)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        # the largest end among the spans up to each position, in start order
        self._max_end = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)  # spans starting before `end`
        return i > 0 and self._max_end[i - 1] > start


def non_overlapping(
    items: Iterable[T], span: Callable[[T], tuple[int, int]], rank: Callable[[T], Any]
) -> list[T]:
    """The items kept by a greedy choice in `rank` order (best first) that skips any
    item overlapping one already kept; returned in text order.

    The choice runs per cluster of chained overlapping items: items of different
    clusters never overlap, so the result is the same as one global greedy pass."""
    kept: list[T] = []
    cluster: list[T] = []
    cluster_end = -1
    for item in sorted(items, key=lambda i: (span(i)[0], -span(i)[1])):
        start, end = span(item)
        if cluster and start >= cluster_end:
            kept.extend(_greedy(cluster, span, rank))
            cluster = []
        cluster.append(item)
        cluster_end = max(cluster_end, end) if len(cluster) > 1 else end
    kept.extend(_greedy(cluster, span, rank))
    return kept


def _greedy(
    cluster: Sequence[T], span: Callable[[T], tuple[int, int]], rank: Callable[[T], Any]
) -> list[T]:
    if len(cluster) <= 1:
        return list(cluster)
    starts: list[int] = []
    ends: list[int] = []
    kept: list[T] = []
    for item in sorted(cluster, key=rank):
        start, end = span(item)
        i = bisect.bisect_left(starts, start)
        if i > 0 and ends[i - 1] > start:
            continue
        if i < len(starts) and starts[i] < end:
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        kept.insert(i, item)
    return kept
