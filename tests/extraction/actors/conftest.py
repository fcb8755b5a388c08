"""Shared by the actor tests: the finder with the packaged gazetteers."""

from __future__ import annotations

import pytest

from app.extraction.actors.finder import GazetteerActorFinder


@pytest.fixture(scope="session")
def finder() -> GazetteerActorFinder:
    return GazetteerActorFinder.default()
