"""app.extraction.intervals against the nested loops it replaces."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.extraction.intervals import SpanSet, non_overlapping

spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 12)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=25,
)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@given(spans, st.tuples(st.integers(0, 70), st.integers(1, 12)))
def test_span_set_answers_as_a_scan_of_every_span(
    stored: list[tuple[int, int]], query: tuple[int, int]
) -> None:
    q = (query[0], query[0] + query[1])
    assert SpanSet(stored).overlaps(*q) == any(overlaps(q, s) for s in stored)


def greedy_by_scan(items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for item in sorted(items, key=lambda s: (s[0] - s[1], s[0])):
        if not any(overlaps(item, k) for k in kept):
            kept.append(item)
    return sorted(kept)


@given(spans)
def test_non_overlapping_keeps_what_one_greedy_scan_keeps(items: list[tuple[int, int]]) -> None:
    kept = non_overlapping(items, lambda s: s, lambda s: (s[0] - s[1], s[0]))
    assert kept == greedy_by_scan(items)
    assert all(not overlaps(a, b) for a, b in zip(kept, kept[1:], strict=False))


def test_examples() -> None:
    assert SpanSet([(0, 10), (2, 3)]).overlaps(9, 12)  # the long first span reaches it
    assert not SpanSet([(0, 10), (2, 3)]).overlaps(10, 12)  # touching is no overlap
    assert not SpanSet([]).overlaps(0, 1)
    # longest first: "New York City" beats "New York" and "York City"
    assert non_overlapping([(0, 8), (4, 13), (0, 13)], lambda s: s, lambda s: s[0] - s[1]) == [
        (0, 13)
    ]
