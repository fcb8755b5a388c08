"""evaluation/tempeval.py --classes: value errors bucketed without any text."""

from __future__ import annotations

import pytest

from evaluation.tempeval import value_error_class, value_shape


@pytest.mark.parametrize(
    ("gold", "system", "expected"),
    [
        (("DATE", "1989-WXX"), ("DATE", "1989-W43"), "DATE/DATE shape 9999-WXX <- 9999-W99"),
        (("DATE", "1990-08-10"), ("DATE", "1990-08-17"), "DATE/DATE day sys-gold=+7"),
        (("DATE", "1988-Q3"), ("DATE", "1988-Q4"), "DATE/DATE quarter sys-gold=+1"),
        (("DATE", "1988-12"), ("DATE", "1989-12"), "DATE/DATE month sys-gold=+12"),
        (("DATE", "1989-W42"), ("DATE", "1989-W43"), "DATE/DATE week sys-gold=+1"),
        (("DURATION", "PXM"), ("DATE", "PAST_REF"), "DURATION/DATE shape PXM <- PAST_REF"),
        (("DATE", "1989-SP"), ("DATE", "1988-SP"), "DATE/DATE same shape 9999-SP"),
    ],
)
def test_value_error_class(gold: tuple[str, str], system: tuple[str, str], expected: str) -> None:
    assert value_error_class(gold[0], gold[1], system[0], system[1]) == expected


def test_value_shape() -> None:
    assert value_shape("2000-W7") == "9999-W9"
    assert value_shape("PRESENT_REF") == "PRESENT_REF"
