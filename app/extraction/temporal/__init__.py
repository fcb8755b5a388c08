"""Temporal tagging (SPEC §4): find temporal expressions and anchor them to the DCT."""

from app.extraction.temporal.tagger import RuleTemporalTagger

__all__ = ["RuleTemporalTagger"]
