"""Run Chronicle's temporal tagger over TimeML folders and score it (TempEval-3).

    .venv/bin/python -m evaluation.tempeval ../shared/data/tempeval3/TimeBank \
        --out /tmp/run-timebank.jsonl --score

Writes RUN.jsonl in the format ../shared/tools/tempeval/score.py reads (one
line per document: doc id and timexes with char offsets into the raw text).
Several folders may be given; with --score the shared scorer is run on a temp
folder of symlinks to all their .tml files, so their union is scored as one
corpus.  The TimeML reader is the shared tools' corpus.py, so offsets are
exactly the scorer's.

--classes prints the value errors bucketed by class — gold/system type and
value *shape* (digits as 9: "9999-W99", "PXY"), or for same-shape values the
signed offset ("day sys-gold=+7") — with counts only, no text: the way to
check a held-out corpus without reading its sentences.

--rules prints, per tagger rule, how many timexes it emitted, how many of
them align with no gold timex, how many have a wrong value, and the value
error classes of that rule — again counts only.

--set-aside-contradictions scores a second time with the gold timexes whose value
contradicts their own text left out (evaluation.gold_checks: "Wednesday" valued as
a Tuesday, "13 years" as P12Y), together with the system timexes overlapping them,
and lists what it set aside. The first score is the official one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

from app.extraction.temporal import RuleTemporalTagger
from evaluation.gold_checks import Contradiction, in_document, unwrap_timexes

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT.parent / "shared" / "tools" / "tempeval"


def load_corpus_module(tools: Path = TOOLS, name: str = "corpus") -> ModuleType:
    sys.path.insert(0, str(tools))
    try:
        return importlib.import_module(name)
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
            out = [j for t in timexes for j in timeml_split(t)]
            lines.append({"doc": doc.doc_id, "timexes": out})
    return lines, elapsed, chars


# "from Aug. 26 to Oct. 20", "between 1985 and 1987": Chronicle keeps one
# interval, TimeML annotates each end as its own TIMEX3 (the connective is a
# signal). The export writes the two ends; the second end's value is the
# interval's end at the same granularity.
_RANGE_SEP = re.compile(r"\s*(?:-|–|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b)\s*", re.I)
_END_VALUE = {
    "day": lambda d: d.isoformat(),
    "month": lambda d: f"{d.year:04d}-{d.month:02d}",
    "year": lambda d: f"{d.year:04d}",
}


def timeml_split(t: Any) -> list[dict[str, Any]]:
    """One RUN timex, or two for a merged range ("X to Y")."""
    whole = _json(t)
    gran = str(t.granularity) if t.granularity is not None else ""
    if not t.rule.endswith(".range") or t.end_date is None or gran not in _END_VALUE:
        return [whole]
    seps = [m for m in _RANGE_SEP.finditer(t.text) if m.start() > 0 and m.end() < len(t.text)]
    if not seps:
        return [whole]
    words = [m for m in seps if m.group(0).strip() not in ("-", "–")]
    sep = (words or seps)[0]
    first = dict(whole, end=t.start + sep.start())
    second = dict(whole, start=t.start + sep.end(), value=_END_VALUE[gran](t.end_date))
    return [first, second]


def _json(t: Any) -> dict[str, Any]:
    out = {"start": t.start, "end": t.end, "type": t.type.value, "value": t.value, "rule": t.rule}
    if t.mod:
        out["mod"] = t.mod
    return out


def write_run(path: Path, lines: list[dict[str, Any]]) -> None:
    """The RUN.jsonl the shared scorer reads: one JSON object per line."""
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")


def contradictions(folders: list[Path], tools: Path = TOOLS) -> list[Contradiction]:
    corpus = load_corpus_module(tools)
    return [
        c for folder in folders for doc in corpus.load_corpus(str(folder)) for c in in_document(doc)
    ]


def without_spans(lines: list[dict[str, Any]], found: list[Contradiction]) -> list[dict[str, Any]]:
    """RUN lines without the system timexes that overlap a set-aside gold timex."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for c in found:
        spans.setdefault(c.doc, []).append((c.start, c.end))

    def kept(doc: str, t: dict[str, Any]) -> bool:
        return not any(t["start"] < end and start < t["end"] for start, end in spans.get(doc, []))

    return [
        {**line, "timexes": [t for t in line["timexes"] if kept(line["doc"], t)]} for line in lines
    ]


def score(
    run_path: Path,
    folders: list[Path],
    errors: Path | None,
    tools: Path = TOOLS,
    set_aside: dict[str, set[str]] | None = None,
) -> int:
    """Run the shared scorer; `set_aside` (doc → gold tids) scores a gold copy without
    those TIMEX3 tags (see evaluation.gold_checks)."""
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            for tml in sorted(folder.glob("*.tml")):
                target = Path(tmp) / tml.name
                tids = (set_aside or {}).get(tml.name.removesuffix(".tml"))
                if tids:
                    source = tml.read_text(encoding="utf-8")
                    target.write_text(unwrap_timexes(source, tids), encoding="utf-8")
                else:
                    target.symlink_to(tml.resolve())
        cmd = [sys.executable, str(tools / "score.py"), str(run_path), "--gold", tmp]
        if errors:
            cmd += ["--errors", str(errors)]
        return subprocess.call(cmd)


_REFS = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")


def value_shape(value: str) -> str:
    return value if value in _REFS else re.sub(r"\d", "9", value)


def _ordinal(value: str) -> tuple[str, int] | None:
    """A value's granularity and position (days, weeks, months, quarters, years)."""
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", value):
        return "day", dt.date(int(m[1]), int(m[2]), int(m[3])).toordinal()
    if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
        return "week", dt.date.fromisocalendar(int(m[1]), int(m[2]), 1).toordinal() // 7
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        return "month", int(m[1]) * 12 + int(m[2])
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return "quarter", int(m[1]) * 4 + int(m[2])
    if m := re.fullmatch(r"(\d{4})", value):
        return "year", int(m[1])
    return None


def value_error_class(gold_type: str, gold: str, sys_type: str, system: str) -> str:
    types = f"{gold_type}/{sys_type}"
    if value_shape(gold) != value_shape(system):
        return f"{types} shape {value_shape(gold)} <- {value_shape(system)}"
    a, b = _ordinal(gold), _ordinal(system)
    if a and b and a[0] == b[0]:
        return f"{types} {a[0]} sys-gold={b[1] - a[1]:+d}"
    return f"{types} same shape {value_shape(gold)}"


def error_classes(
    lines: list[dict[str, Any]], folders: list[Path], tools: Path = TOOLS
) -> Counter[str]:
    """Value errors among aligned pairs, by class (scorer's alignment)."""
    corpus = load_corpus_module(tools)
    scorer = load_corpus_module(tools, "score")
    by_doc = {line["doc"]: line["timexes"] for line in lines}
    counts: Counter[str] = Counter()
    for folder in folders:
        for doc in corpus.load_corpus(str(folder)):
            system = by_doc.get(doc.doc_id, [])
            for gi, si in scorer.align(doc.timexes, system):
                g, s = doc.timexes[gi], system[si]
                if g.value != s["value"]:
                    counts[value_error_class(g.type, g.value, s["type"], s["value"])] += 1
    return counts


def print_classes(counts: Counter[str]) -> None:
    print(f"value errors by class ({sum(counts.values())}):")
    for name, n in counts.most_common():
        print(f"{n:5d}  {name}")


def rule_counts(
    lines: list[dict[str, Any]], folders: list[Path], tools: Path = TOOLS
) -> dict[str, Counter[str]]:
    """Per rule: emitted, unaligned (FP), wrong value, value-error classes, and
    the type and value shape of the right ones ("ok TIME 9999-99-99TNI")."""
    corpus = load_corpus_module(tools)
    scorer = load_corpus_module(tools, "score")
    by_doc = {line["doc"]: line["timexes"] for line in lines}
    out: dict[str, Counter[str]] = {}
    for folder in folders:
        for doc in corpus.load_corpus(str(folder)):
            system = by_doc.get(doc.doc_id, [])
            pairs = {si: gi for gi, si in scorer.align(doc.timexes, system)}
            for si, s in enumerate(system):
                counts = out.setdefault(s.get("rule", "?"), Counter())
                counts["n"] += 1
                if si not in pairs:
                    counts["fp"] += 1
                    continue
                g = doc.timexes[pairs[si]]
                span = "" if (g.start, g.end) == (s["start"], s["end"]) else " (span differs)"
                if g.value == s["value"]:
                    counts[f"ok {s['type']} {value_shape(s['value'])}{span}"] += 1
                else:
                    counts["wrong"] += 1
                    cls = value_error_class(g.type, g.value, s["type"], s["value"])
                    counts[cls + span] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", type=Path, help="TimeML folders (*.tml)")
    ap.add_argument("--out", type=Path, required=True, help="RUN.jsonl to write")
    ap.add_argument("--score", action="store_true", help="score with the shared scorer")
    ap.add_argument("--errors", type=Path, help="with --score: write the error TSV here")
    ap.add_argument("--classes", action="store_true", help="print value-error class counts")
    ap.add_argument("--tools", type=Path, default=TOOLS, help="../shared/tools/tempeval")
    ap.add_argument("--rules", action="store_true", help="print per-rule counts")
    ap.add_argument(
        "--set-aside-contradictions",
        action="store_true",
        help="with --score: score again without the gold timexes whose value contradicts "
        "their own text (evaluation.gold_checks), and list them",
    )
    args = ap.parse_args(argv)
    lines, elapsed, chars = run(args.folders, args.tools)
    write_run(args.out, lines)
    n = sum(len(line["timexes"]) for line in lines)
    print(f"tagged {len(lines)} docs ({chars} chars) in {elapsed:.2f}s, {n} timexes -> {args.out}")
    rc = score(args.out, args.folders, args.errors, args.tools) if args.score else 0
    if args.score and args.set_aside_contradictions:
        rc = rc or _score_set_aside(lines, args.out, args.folders, args.tools)
    if args.classes:
        print_classes(error_classes(lines, args.folders, args.tools))
    if args.rules:
        print("per rule: emitted / unaligned / wrong value (value-error classes)")
        for rule, c in sorted(rule_counts(lines, args.folders, args.tools).items()):
            classes = ", ".join(
                f"{k} x{v}" for k, v in c.most_common() if k not in ("n", "fp", "wrong")
            )
            print(f"{c['n']:5d} {c['fp']:4d} {c['wrong']:4d}  {rule}  {classes}")
    return rc


def _score_set_aside(
    lines: list[dict[str, Any]], out: Path, folders: list[Path], tools: Path
) -> int:
    found = contradictions(folders, tools)
    print(f"== set aside: {len(found)} gold timexes whose value contradicts their own text ==")
    for c in found:
        print(f"  {c.doc} {c.tid} {c.text!r} = {c.value}: {c.reason}")
    kept = out.with_suffix(".set-aside.jsonl")
    kept.write_text("".join(json.dumps(line) + "\n" for line in without_spans(lines, found)))
    tids: dict[str, set[str]] = {}
    for c in found:
        tids.setdefault(c.doc, set()).add(c.tid)
    return score(kept, folders, None, tools, set_aside=tids)


if __name__ == "__main__":
    raise SystemExit(main())
