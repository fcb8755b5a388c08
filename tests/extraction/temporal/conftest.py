from __future__ import annotations

import pytest

from app.extraction.temporal import RuleTemporalTagger


@pytest.fixture(scope="session")
def tagger() -> RuleTemporalTagger:
    return RuleTemporalTagger()
