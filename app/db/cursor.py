"""Opaque keyset cursors: base64url(JSON) of the last row's sort keys.

Clients must treat them as opaque; we only promise that a cursor returned by
a listing continues that listing. Anything we cannot decode is a 400.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Sequence
from typing import Any, Literal

from app.errors import InvalidCursorError

KeyKind = Literal["date", "datetime", "int"]
_INT32 = 2**31


def encode_cursor(kind: str, order: str, keys: Sequence[Any]) -> str:
    payload = {"k": kind, "o": order, "v": [_to_json(v) for v in keys]}
    raw = json.dumps(payload, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(
    token: str, kind: str, order: str, key_kinds: Sequence[KeyKind]
) -> tuple[Any, ...]:
    """The sort keys stored in `token`, typed as `key_kinds`; InvalidCursorError otherwise."""
    try:
        padded = token + "=" * (-len(token) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error, RecursionError) as exc:
        # RecursionError: JSON nested deeper than the decoder goes ("[[[[…")
        raise InvalidCursorError("The cursor is not one this API issued.") from exc
    if not isinstance(payload, dict) or payload.get("k") != kind:
        raise InvalidCursorError("The cursor belongs to a different listing.")
    if payload.get("o") != order:
        raise InvalidCursorError("The cursor was issued for a different `order`.")
    values = payload.get("v")
    if not isinstance(values, list) or len(values) != len(key_kinds):
        raise InvalidCursorError("The cursor is not one this API issued.")
    try:
        return tuple(_from_json(v, k) for v, k in zip(values, key_kinds, strict=True))
    except (TypeError, ValueError) as exc:
        raise InvalidCursorError("The cursor is not one this API issued.") from exc


def _to_json(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _from_json(value: Any, kind: KeyKind) -> Any:
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError("expected an integer")
        if not -_INT32 <= value < _INT32:  # the database would reject it (a 500, not a 400)
            raise ValueError("integer out of range")
        return value
    if not isinstance(value, str):
        raise TypeError("expected a string")
    if kind == "date":
        return dt.date.fromisoformat(value)
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("expected an aware datetime")
    try:
        return parsed.astimezone(dt.UTC)
    except OverflowError as exc:
        raise ValueError("datetime out of range") from exc
