"""Settings from the environment: `DATABASE_URL` (SPEC §1), everything else `CHRONICLE_*`."""

from __future__ import annotations

import pytest

from app.config import DEFAULT_DATABASE_URL, Settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATABASE_URL", "CHRONICLE_DATABASE_URL", "CHRONICLE_API_KEYS"):
        monkeypatch.delenv(name, raising=False)


def test_database_url_defaults_to_the_sqlite_file():
    assert Settings().database_url == DEFAULT_DATABASE_URL


def test_conventional_database_url_is_read(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://db/one")
    assert Settings().database_url == "postgresql+psycopg://db/one"


def test_prefixed_database_url_is_not_silently_ignored(monkeypatch: pytest.MonkeyPatch):
    """Every other setting is CHRONICLE_*; a user who writes CHRONICLE_DATABASE_URL
    must not end up writing to the default SQLite file."""
    monkeypatch.setenv("CHRONICLE_DATABASE_URL", "postgresql+psycopg://db/two")
    assert Settings().database_url == "postgresql+psycopg://db/two"


def test_conventional_name_wins_when_both_are_set(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://db/one")
    monkeypatch.setenv("CHRONICLE_DATABASE_URL", "postgresql+psycopg://db/two")
    assert Settings().database_url == "postgresql+psycopg://db/one"


def test_lists_are_comma_separated(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CHRONICLE_API_KEYS", " k-one, k-two ,,")
    assert Settings().api_keys == ["k-one", "k-two"]
