"""Ingest retries a write the database rolled back as a deadlock's victim."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.services import ingest
from app.services.ingest import ArticleSubmission, ingest_article
from tests.api.fakes import FakeExtractor, event
from tests.conftest import Backend, count_rows

MEETING = event(
    "Turkey met Armenia on Sunday.",
    "met",
    "2020-09-27",
    timex="on Sunday",
    actors=("Turkey", "Armenia"),
)


class _DriverError(Exception):
    def __init__(self, sqlstate: str | None) -> None:
        super().__init__(f"driver error {sqlstate}")
        self.sqlstate = sqlstate  # as psycopg's errors carry it


def _failing_first(monkeypatch: pytest.MonkeyPatch, sqlstate: str | None) -> list[int]:
    real = ingest._write_new_article
    calls: list[int] = []

    def write(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("INSERT …", {}, _DriverError(sqlstate))
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest, "_write_new_article", write)
    return calls


@pytest.mark.parametrize("sqlstate", ["40P01", "40001"])
def test_a_deadlock_victim_is_written_on_the_next_attempt(
    db: Backend, fake: FakeExtractor, monkeypatch: pytest.MonkeyPatch, sqlstate: str
) -> None:
    calls = _failing_first(monkeypatch, sqlstate)
    with Session(db.engine) as session:
        result = ingest_article(session, fake, ArticleSubmission(text=fake.article(MEETING)))
    assert result.created
    assert len(calls) == 2
    assert len(result.article.events) == 1
    assert (count_rows(db)["article"], count_rows(db)["event"]) == (1, 1)


def test_other_operational_errors_are_not_retried(
    db: Backend, fake: FakeExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _failing_first(monkeypatch, None)
    with Session(db.engine) as session, pytest.raises(OperationalError):
        ingest_article(session, fake, ArticleSubmission(text=fake.article(MEETING)))
    assert len(calls) == 1
    assert count_rows(db)["article"] == 0
