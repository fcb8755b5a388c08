"""Held-out check of the temporal tagger on MEANTIME's TIMEX3 (English, Apple sub-corpus).

    .venv/bin/python -m evaluation.meantime_timexes \
        --corpus ../shared/data/meantime/corpus_apple --out /tmp/mt-run.jsonl --score

The tagger's rules were written on TempEval-3 (evaluation.tempeval) only; no
rule was ever changed on the basis of MEANTIME timexes, so this is an honest
generalization figure. It measures; it tunes nothing.

Per document: the text is rebuilt from the tokens exactly as the actor
evaluation does (evaluation.meantime.read_document: title and date line as
their own paragraphs, English punctuation spacing), and every TIMEX3 of the
`Markables` section with token anchors becomes a gold span from its first
token's start to its last token's end in that text. Left out of gold:

- the CREATION_TIME TIMEX3 (the date line under the title): it is the document
  creation time, which the tagger receives as its DCT — the analogue of
  TimeML's <DCT>, which the TempEval-3 scorer excludes too;
- TIMEX3 without token anchors (dates MEANTIME infers, not text spans).

MEANTIME annotates timexes only in the first six sentences of each article
(title, date line and four body sentences: `sentence` 0 to 5, as for its
entity mentions, see evaluation.meantime); later timexes are not annotated.
The tagger reads the whole article, and the run keeps only its timexes that
start in the annotated part and do not overlap the date line (both counts are
printed).

Scoring goes through the shared scorer (../shared/tools/tempeval/score.py):
the gold is written as TimeML (one .tml per document, <DCT> holding the
creation time, <TEXT> the rebuilt text with the gold <TIMEX3> tags) in a temp
folder (or --timeml DIR to keep it), and evaluation.tempeval tags, writes the
run and scores it — the same code path as the TempEval-3 figures. The TimeML
reader of the shared tools must give back exactly the rebuilt text and gold
spans; a document for which it does not stops the run.
"""

from __future__ import annotations

import argparse
import html
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluation import meantime, tempeval

CORPUS = tempeval.ROOT.parent / "shared" / "data" / "meantime" / "corpus_apple"
# sentences 0..5 (title, date line, four body sentences) carry the timex annotation
ANNOTATED_SENTENCES = 6


@dataclass(frozen=True, slots=True)
class GoldTimex:
    m_id: str
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class TimexDocument:
    doc_id: str
    dct: str  # the CREATION_TIME TIMEX3's value
    dct_span: tuple[int, int]  # its extent in `text` (the date line)
    text: str
    timexes: list[GoldTimex]
    scored_end: int  # end of the annotated part (the first ANNOTATED_SENTENCES sentences)


def read_document(path: Path) -> TimexDocument:
    doc = meantime.read_document(path)
    root = ET.parse(path).getroot()
    scored_end = max(
        (
            doc.spans[t.get("t_id", "")][1]
            for t in root.iter("token")
            if int(t.get("sentence", "0")) < ANNOTATED_SENTENCES
        ),
        default=0,
    )
    markables = root.find("Markables")
    dct: tuple[str, tuple[int, int]] | None = None
    gold: list[GoldTimex] = []
    for m in markables.iter("TIMEX3") if markables is not None else []:
        anchors = [doc.spans[a.get("t_id", "")] for a in m.findall("token_anchor")]
        if not anchors:
            continue  # an inferred date, not a text span
        start, end = min(s for s, _ in anchors), max(e for _, e in anchors)
        value = m.get("value", "")
        if m.get("functionInDocument") == "CREATION_TIME":
            dct = value, (start, end)
            continue
        gold.append(
            GoldTimex(m.get("m_id", ""), start, end, m.get("type", ""), value, doc.text[start:end])
        )
    if dct is None:
        raise ValueError(f"{path.name}: no CREATION_TIME TIMEX3")
    gold.sort(key=lambda t: (t.start, t.end))
    return TimexDocument(doc.doc_id, dct[0], dct[1], doc.text, gold, scored_end)


def read_corpus(folder: Path) -> list[TimexDocument]:
    return [read_document(p) for p in sorted(folder.glob("*.xml"))]


def to_timeml(doc: TimexDocument) -> str:
    """The document as TimeML the shared tools' corpus.py reads back unchanged."""
    parts, pos = [], 0
    for t in doc.timexes:
        if t.start < pos:
            raise ValueError(f"{doc.doc_id}: overlapping gold TIMEX3 m_id={t.m_id}")
        attrs = f'tid="m{t.m_id}" type="{t.type}" value="{html.escape(t.value)}"'
        parts += [
            html.escape(doc.text[pos : t.start], quote=False),
            f"<TIMEX3 {attrs}>",
            html.escape(t.text, quote=False),
            "</TIMEX3>",
        ]
        pos = t.end
    parts.append(html.escape(doc.text[pos:], quote=False))
    dct = (
        f'<TIMEX3 tid="t0" type="DATE" value="{html.escape(doc.dct)}" '
        f'functionInDocument="CREATION_TIME">{html.escape(doc.dct, quote=False)}</TIMEX3>'
    )
    return (
        f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{doc.doc_id}</DOCID>\n'
        f"<DCT>{dct}</DCT>\n<TEXT>{''.join(parts)}</TEXT>\n</TimeML>\n"
    )


def write_timeml(docs: list[TimexDocument], folder: Path, tools: Path = tempeval.TOOLS) -> None:
    """One <doc_id>.tml per document; checks that corpus.py reads back the same
    text and gold spans."""
    corpus = tempeval.load_corpus_module(tools)
    folder.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        source = to_timeml(doc)
        back = corpus.parse_timeml(source, doc_id=doc.doc_id)
        spans = [(t.start, t.end, t.type, t.value) for t in back.timexes]
        if back.text != doc.text or back.dct != doc.dct:
            raise ValueError(f"{doc.doc_id}: TimeML text or DCT does not read back")
        if spans != [(t.start, t.end, t.type, t.value) for t in doc.timexes]:
            raise ValueError(f"{doc.doc_id}: TimeML gold timexes do not read back")
        (folder / f"{doc.doc_id}.tml").write_text(source, encoding="utf-8")


def scored_part(
    lines: list[dict[str, Any]], docs: list[TimexDocument]
) -> tuple[list[dict[str, Any]], int, int]:
    """RUN lines without the timexes MEANTIME cannot score: those starting after
    the annotated part, and those overlapping the date line (the DCT). Returns
    the lines and how many of each were left out."""
    by_id = {d.doc_id: d for d in docs}
    out: list[dict[str, Any]] = []
    late = dateline = 0
    for line in lines:
        doc = by_id[line["doc"]]
        kept = []
        for t in line["timexes"]:
            if t["start"] >= doc.scored_end:
                late += 1
            elif t["start"] < doc.dct_span[1] and doc.dct_span[0] < t["end"]:
                dateline += 1
            else:
                kept.append(t)
        out.append({**line, "timexes": kept})
    return out, late, dateline


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="MEANTIME folder (*.xml)")
    ap.add_argument("--out", type=Path, required=True, help="RUN.jsonl to write")
    ap.add_argument("--score", action="store_true", help="score with the shared scorer")
    ap.add_argument("--errors", type=Path, help="with --score: write the error TSV here")
    ap.add_argument("--classes", action="store_true", help="print value-error class counts")
    ap.add_argument("--timeml", type=Path, help="keep the gold TimeML files in this folder")
    ap.add_argument("--tools", type=Path, default=tempeval.TOOLS, help="../shared/tools/tempeval")
    args = ap.parse_args(argv)
    docs = read_corpus(args.corpus)
    if not docs:
        ap.error(f"no MEANTIME documents (*.xml) in {args.corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.timeml or Path(tmp)
        write_timeml(docs, folder, args.tools)
        lines, elapsed, chars = tempeval.run([folder], args.tools)
        tagged = sum(len(line["timexes"]) for line in lines)
        lines, late, dateline = scored_part(lines, docs)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        tempeval.write_run(args.out, lines)
        n_gold = sum(len(d.timexes) for d in docs)
        n_sys = sum(len(line["timexes"]) for line in lines)
        print(
            f"tagged {len(lines)} docs ({chars} chars) in {elapsed:.2f}s: {tagged} timexes, "
            f"{late} after the annotated part and {dateline} on the date line (DCT) left out"
        )
        print(f"docs={len(docs)} gold timexes={n_gold} system timexes={n_sys} -> {args.out}")
        rc = tempeval.score(args.out, [folder], args.errors, args.tools) if args.score else 0
        if args.classes:
            tempeval.print_classes(tempeval.error_classes(lines, [folder], args.tools))
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
