"""The only module that imports dateparser.

Chronicle's own rules find and normalise almost every expression; dateparser
is kept for what it does well and we would otherwise re-implement: validating
and normalising unusual *absolute* formats ("10/06/2020", "12/31/98",
"6.10.2020") once a rule has already found the span.  We never scan text with
it (search_dates is slow and imprecise).

Fixed, explicit settings; one parser object reused for every call; absolute
parsing needs no RELATIVE_BASE, so the settings never vary per article and
dateparser's per-RELATIVE_BASE settings cache (its issue #985) cannot grow.
Results are cached: numeric dates repeat a lot within and across articles.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from dateparser.date import DateDataParser  # type: ignore[import-untyped]

_SETTINGS = {
    "DATE_ORDER": "MDY",  # US news convention; the rule only sends unambiguous-ish forms
    "TIMEZONE": "UTC",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["absolute-time"],
}
_PARSER = DateDataParser(languages=["en"], settings=_SETTINGS)


@lru_cache(maxsize=8192)
def parse_absolute_date(phrase: str) -> dt.date | None:
    """A complete calendar date written in any common absolute format, else None."""
    data = _PARSER.get_date_data(phrase)
    return data.date_obj.date() if data and data.date_obj else None
