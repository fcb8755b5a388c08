"""Run Chronicle's temporal tagger over TimeML folders and score it (TempEval-3).

    .venv/bin/python -m evaluation.tempeval ../shared/data/tempeval3/TimeBank \
        --out /tmp/run-timebank.jsonl --score

Writes RUN.jsonl in the format ../shared/tools/tempeval/score.py reads (one
line per document: doc id and timexes with char offsets into the raw text).
Several folders may be given; with --score the shared scorer is run on a temp
folder of symlinks to all their .tml files, so their union is scored as one
corpus.  The TimeML reader is the shared tools' corpus.py, so offsets are
exactly the scorer's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from app.extraction.temporal import RuleTemporalTagger

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT.parent / "shared" / "tools" / "tempeval"


def load_corpus_module(tools: Path = TOOLS) -> ModuleType:
    sys.path.insert(0, str(tools))
    try:
        return importlib.import_module("corpus")
    finally:
        sys.path.remove(str(tools))


def run(folders: list[Path], tools: Path = TOOLS) -> tuple[list[dict[str, Any]], float, int]:
    """Tag every document; returns RUN lines, tagging seconds, characters tagged."""
    corpus = load_corpus_module(tools)
    tagger = RuleTemporalTagger()
    lines: list[dict[str, Any]] = []
    elapsed, chars = 0.0, 0
    for folder in folders:
        for doc in corpus.load_corpus(str(folder)):
            dct = dt.date.fromisoformat(doc.dct[:10])
            t0 = time.perf_counter()
            timexes = tagger.tag(doc.text, dct)
            elapsed += time.perf_counter() - t0
            chars += len(doc.text)
            lines.append({"doc": doc.doc_id, "timexes": [_json(t) for t in timexes]})
    return lines, elapsed, chars


def _json(t: Any) -> dict[str, Any]:
    out = {"start": t.start, "end": t.end, "type": t.type.value, "value": t.value}
    if t.mod:
        out["mod"] = t.mod
    return out


def score(run_path: Path, folders: list[Path], errors: Path | None, tools: Path = TOOLS) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            for tml in sorted(folder.glob("*.tml")):
                (Path(tmp) / tml.name).symlink_to(tml.resolve())
        cmd = [sys.executable, str(tools / "score.py"), str(run_path), "--gold", tmp]
        if errors:
            cmd += ["--errors", str(errors)]
        return subprocess.call(cmd)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", type=Path, help="TimeML folders (*.tml)")
    ap.add_argument("--out", type=Path, required=True, help="RUN.jsonl to write")
    ap.add_argument("--score", action="store_true", help="score with the shared scorer")
    ap.add_argument("--errors", type=Path, help="with --score: write the error TSV here")
    ap.add_argument("--tools", type=Path, default=TOOLS, help="../shared/tools/tempeval")
    args = ap.parse_args(argv)
    lines, elapsed, chars = run(args.folders, args.tools)
    args.out.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    n = sum(len(line["timexes"]) for line in lines)
    print(f"tagged {len(lines)} docs ({chars} chars) in {elapsed:.2f}s, {n} timexes -> {args.out}")
    if args.score:
        return score(args.out, args.folders, args.errors, args.tools)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
