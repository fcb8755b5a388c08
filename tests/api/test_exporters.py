"""Export safety: what an article says must reach a spreadsheet or a TimelineJS page
as text, never as a formula or as markup (the article text comes from ingestion jobs,
the exports go to people's spreadsheets and to web pages)."""

from __future__ import annotations

import csv
import io

import pytest

from app.api.exporters import events_csv, events_timelinejs
from app.schemas.events import EVENT_EXAMPLE, EventOut


def _event(**changes: object) -> EventOut:
    data = dict(EVENT_EXAMPLE)
    data.update(changes)
    return EventOut.model_validate(data)


def _only_row(text: str) -> dict[str, str]:
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1
    return rows[0]


@pytest.mark.parametrize(
    "title", ['=HYPERLINK("http://x","y")', "+1+2", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]
)
def test_a_cell_that_a_spreadsheet_would_run_as_a_formula_is_quoted(title: str) -> None:
    row = _only_row(events_csv([_event(article={**EVENT_EXAMPLE["article"], "title": title})]))
    assert row["article_title"] == "'" + title


def test_ordinary_cells_and_negative_looking_dates_are_left_alone() -> None:
    event = _event(
        article={**EVENT_EXAMPLE["article"], "title": "Talks resume - officials"},
        timex={"text": "-", "start": 0, "end": 1, "value": "2020-09-27", "mod": None},
    )
    row = _only_row(events_csv([event]))
    assert row["article_title"] == "Talks resume - officials"
    assert row["start_date"] == "2020-09-27"
    assert row["id"] == "41"
    # a lone "-" is no formula, but a spreadsheet still reads "-..." cells as one
    assert row["timex_text"] == "'-"


def test_timelinejs_text_is_escaped_html() -> None:
    sentence = 'Rebels <img src=x onerror="alert(1)"> & "allies" fought.'
    event = _event(
        sentence={"text": sentence, "start": 0, "end": len(sentence)},
        trigger={"text": "<b>fought</b>", "start": 0, "end": 13},
    )
    text = events_timelinejs([event])["events"][0]["text"]
    assert text["text"] == (
        "Rebels &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &quot;allies&quot; fought."
    )
    assert text["headline"] == "&lt;b&gt;fought&lt;/b&gt;"


def test_timelinejs_group_is_escaped_html() -> None:
    # TimelineJS renders a group's label as HTML too; the source comes from the request
    event = _event(article={**EVENT_EXAMPLE["article"], "source": "<img src=x onerror=alert(1)>"})
    group = events_timelinejs([event])["events"][0]["group"]
    assert group == "&lt;img src=x onerror=alert(1)&gt;"
