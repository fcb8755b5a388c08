"""TIMEX3 value strings (ISO 8601 with TimeML's extensions)."""

from __future__ import annotations

import datetime as dt


def date_value(d: dt.date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def weekend_value(d: dt.date) -> str:
    return week_value(d) + "-WE"


def quarter_value(year: int, q: int) -> str:
    return f"{year:04d}-Q{q}"


def half_value(year: int, h: int) -> str:
    return f"{year:04d}-H{h}"


def season_value(year: int, code: str) -> str:
    return f"{year:04d}-{code}"


def year_value(year: int) -> str:
    return f"{year:04d}"


def decade_value(first_year: int) -> str:
    return f"{first_year // 10:03d}"


def century_value(first_year: int) -> str:
    return f"{first_year // 100:02d}"


def time_value(d: dt.date, tod: str) -> str:
    """A day plus a part of day ("MO") or a clock time ("20:00")."""
    return f"{d.isoformat()}T{tod}"


def duration_value(amount: int | float | None, unit: str) -> str:
    """P5Y, P2W, PT3H, PXD (unknown amount).  `unit` is a UNITS code; H/M/S
    are time units when `unit` is prefixed with 'T' (e.g. 'TM' = minutes)."""
    time_part = unit.startswith("T")
    code = unit[1:] if time_part else unit
    # TimeML writes quarters as months, decades as years, fortnights as weeks
    scale, code = _RESCALE.get(code, (1, code))
    prefix = "PT" if time_part else "P"
    if amount is None:
        return f"{prefix}X{code}"
    amount = amount * scale
    if not float(amount).is_integer() and code in (_TIME_SUBUNIT if time_part else _SUBUNIT):
        # a fractional amount uses the next smaller unit: 2.5 years = P2Y6M
        whole = int(amount)
        sub_code, per = (_TIME_SUBUNIT if time_part else _SUBUNIT)[code]
        rest = round((amount - whole) * per)
        head = f"{whole}{code}" if whole else ""
        if code == "D":
            return f"P{head}T{rest}H"
        return f"{prefix}{head}{rest}{sub_code}"
    return f"{prefix}{_number(amount)}{code}"


_RESCALE = {"Q": (3, "M"), "DE": (10, "Y"), "W2": (2, "W"), "CE": (100, "Y")}
_SUBUNIT = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24)}
_TIME_SUBUNIT = {"H": ("M", 60), "M": ("S", 60)}


def _number(amount: int | float) -> str:
    if isinstance(amount, float) and not amount.is_integer():
        return f"{amount:g}"
    return str(int(amount))
