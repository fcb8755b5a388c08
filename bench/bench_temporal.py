"""Temporal tagging throughput and memory, printed in one run.

    .venv/bin/python bench/bench_temporal.py [--limit N] [--articles 5000]

1. Throughput on the TempEval-3 TBAQ corpus (TimeBank + AQUAINT, 256 news
   articles): Chronicle's RuleTemporalTagger vs dateparser.search_dates
   (languages=['en'], RELATIVE_BASE = the article's DCT), docs/s and the ratio.
2. Memory over 5,000 articles with distinct publication dates: peak RSS after
   500 and after 5,000 tagged articles (dateparser grows a settings cache per
   distinct RELATIVE_BASE, its issue #985; Chronicle's tagger must stay flat).
   For contrast, the same 5,000 distinct DCTs through dateparser.parse.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.extraction.temporal import RuleTemporalTagger  # noqa: E402
from evaluation.tempeval import load_corpus_module  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "tempeval3"


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def current_rss_mib() -> float:
    """Resident set size now (Linux /proc); 0 where unavailable."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * resource.getpagesize() / (1 << 20)


def load_docs() -> list[tuple[str, dt.date]]:
    corpus = load_corpus_module()
    docs = []
    for folder in ("TimeBank", "AQUAINT"):
        for doc in corpus.load_corpus(str(DATA / folder)):
            docs.append((doc.text, dt.date.fromisoformat(doc.dct[:10])))
    return docs


def bench_chronicle(docs: list[tuple[str, dt.date]], repeat: int) -> float:
    tagger = RuleTemporalTagger()
    tagger.tag(docs[0][0], docs[0][1])  # warm-up: compiled patterns, adapter cache
    t0 = time.perf_counter()
    for _ in range(repeat):
        for text, dct in docs:
            tagger.tag(text, dct)
    return repeat * len(docs) / (time.perf_counter() - t0)


def bench_search_dates(docs: list[tuple[str, dt.date]]) -> float:
    from dateparser.search import search_dates

    t0 = time.perf_counter()
    for text, dct in docs:
        base = dt.datetime(dct.year, dct.month, dct.day)
        search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})
    return len(docs) / (time.perf_counter() - t0)


def memory_run(docs: list[tuple[str, dt.date]], n_articles: int) -> None:
    tagger = RuleTemporalTagger()
    start = dt.date(2000, 1, 1)
    before = peak_rss_mib()
    print(f"peak RSS before: {before:.1f} MiB")
    for i in range(n_articles):
        text, _ = docs[i % len(docs)]
        tagger.tag(text, start + dt.timedelta(days=i))  # a distinct DCT per article
        if i + 1 in (500, n_articles):
            print(
                f"chronicle: peak RSS after {i + 1:>5} articles (distinct DCTs): "
                f"{peak_rss_mib():.1f} MiB (current {current_rss_mib():.1f} MiB)"
            )


def dateparser_memory_contrast(n_articles: int) -> None:
    import dateparser

    start = dt.datetime(2000, 1, 1)
    base_rss = peak_rss_mib()
    for i in range(n_articles):
        dateparser.parse(
            "last Friday",
            languages=["en"],
            settings={"RELATIVE_BASE": start + dt.timedelta(days=i)},
        )
        if i + 1 in (500, n_articles):
            print(
                f"dateparser.parse (contrast): peak RSS after {i + 1:>5} distinct "
                f"RELATIVE_BASE: {peak_rss_mib():.1f} MiB (+{peak_rss_mib() - base_rss:.1f})"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    ap.add_argument("--articles", type=int, default=5000, help="articles in the memory run")
    ap.add_argument("--repeat", type=int, default=5, help="passes of Chronicle's tagger")
    args = ap.parse_args()
    docs = load_docs()
    if args.limit:
        docs = docs[: args.limit]
    chars = sum(len(t) for t, _ in docs)
    print(f"corpus: TBAQ, {len(docs)} articles, {chars} chars")
    memory_run(docs, args.articles)
    ours = bench_chronicle(docs, args.repeat)
    print(f"chronicle RuleTemporalTagger: {ours:8.1f} docs/s")
    theirs = bench_search_dates(docs)
    print(f"dateparser.search_dates:      {theirs:8.1f} docs/s")
    print(f"ratio: {ours / theirs:.1f}x")
    dateparser_memory_contrast(args.articles)


if __name__ == "__main__":
    main()
