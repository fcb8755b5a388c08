"""evaluation/meantime_timexes.py: MEANTIME TIMEX3 gold read exactly, scored by the shared
scorer."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from evaluation.meantime_timexes import (
    ANNOTATED_SENTENCES,
    main,
    read_corpus,
    read_document,
    scored_part,
    to_timeml,
    write_timeml,
)
from evaluation.tempeval import TOOLS, load_corpus_module

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT.parent / "shared" / "data" / "meantime" / "corpus_apple"
needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason=f"MEANTIME not found at {CORPUS}")

XML = """<?xml version="1.0" ?><Document doc_id="7" doc_name="7_x" lang="en">
<token number="0" sentence="0" t_id="1">Apple</token>
<token number="1" sentence="0" t_id="2">sues</token>
<token number="2" sentence="1" t_id="3">May</token>
<token number="3" sentence="1" t_id="4">3</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2006</token>
<token number="6" sentence="2" t_id="7">It</token>
<token number="7" sentence="2" t_id="8">sued</token>
<token number="8" sentence="2" t_id="9">on</token>
<token number="9" sentence="2" t_id="10">Monday</token>
<token number="10" sentence="2" t_id="11">&amp;</token>
<token number="11" sentence="2" t_id="12">last</token>
<token number="12" sentence="2" t_id="13">year</token>
<token number="13" sentence="2" t_id="14">.</token>
<token number="14" sentence="6" t_id="15">Later</token>
<token number="15" sentence="6" t_id="16">.</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="20" type="DATE" value="2006-05-03">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 anchorTimeID="20" functionInDocument="NONE" m_id="21" type="DATE" value="2006-05-01">
<token_anchor t_id="10"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="22" type="DATE" value="2005">
<token_anchor t_id="12"/><token_anchor t_id="13"/>
</TIMEX3>
<TIMEX3 TAG_DESCRIPTOR="1995" functionInDocument="NONE" m_id="23" type="DATE" value="1995"/>
</Markables>
</Document>
"""


@pytest.fixture
def doc_path(tmp_path: Path) -> Path:
    path = tmp_path / "7_x.xml"
    path.write_text(XML, encoding="utf-8")
    return path


def test_reader_keeps_text_spans_only(doc_path: Path) -> None:
    doc = read_document(doc_path)
    assert doc.dct == "2006-05-03"
    assert doc.text[slice(*doc.dct_span)] == "May 3, 2006"
    assert [(t.m_id, t.text, t.value) for t in doc.timexes] == [
        ("21", "Monday", "2006-05-01"),
        ("22", "last year", "2005"),
    ]
    assert all(doc.text[t.start : t.end] == t.text for t in doc.timexes)
    # sentence 6 ("Later.") is past the annotated part
    assert doc.text[doc.scored_end :] == " Later."


def test_timeml_reads_back_through_the_shared_reader(doc_path: Path, tmp_path: Path) -> None:
    doc = read_document(doc_path)
    assert "&amp;" in to_timeml(doc)  # the text's "&" is escaped, not raw markup
    write_timeml([doc], tmp_path / "tml")
    corpus = load_corpus_module(TOOLS)
    (back,) = corpus.load_corpus(str(tmp_path / "tml"))
    assert (back.doc_id, back.dct, back.text) == ("7", "2006-05-03", doc.text)
    assert [(t.start, t.end, t.type, t.value) for t in back.timexes] == [
        (t.start, t.end, t.type, t.value) for t in doc.timexes
    ]


def test_scored_part_leaves_out_the_date_line_and_the_unannotated_tail(doc_path: Path) -> None:
    doc = read_document(doc_path)
    monday = doc.timexes[0]
    line = {
        "doc": "7",
        "timexes": [
            {"start": doc.dct_span[0], "end": doc.dct_span[1], "value": "2006-05-03"},
            {"start": monday.start, "end": monday.end, "value": "2006-05-01"},
            {"start": doc.scored_end + 1, "end": len(doc.text) - 1, "value": "FUTURE_REF"},
        ],
    }
    lines, late, dateline = scored_part([line], [doc])
    assert (late, dateline) == (1, 1)
    assert [t["value"] for t in lines[0]["timexes"]] == ["2006-05-01"]


@needs_corpus
def test_known_gold_timexes_of_the_corpus() -> None:
    doc = read_document(CORPUS / "10450_Apple_Computer_CEO.xml")
    assert doc.dct == "2005-06-06"
    assert doc.text[slice(*doc.dct_span)] == "June 6, 2005"
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("2005", "DATE", "2005"),
        ("Monday", "DATE", "2005-06-06"),
        ("the past decade", "DURATION", "P10Y"),
    ]
    # m_id 79 (1995-06-06) has no token anchor; m_id 46 is the CREATION_TIME
    assert {t.m_id for t in doc.timexes}.isdisjoint({"46", "79"})
    doc = read_document(CORPUS / "287096_Apple_Inc_co_founder.xml")
    assert ("February 24, 1955", "1955-02-24") in [(t.text, t.value) for t in doc.timexes]


@needs_corpus
def test_every_anchored_timex_is_read_with_its_tokens() -> None:
    docs = {d.doc_id: d for d in read_corpus(CORPUS)}
    assert len(docs) == 30
    n = 0
    for path in sorted(CORPUS.glob("*.xml")):
        root = ET.parse(path).getroot()
        doc = docs[root.get("doc_id", "")]
        words = {t.get("t_id"): t.text or "" for t in root.iter("token")}
        sentence = {t.get("t_id"): int(t.get("sentence", "0")) for t in root.iter("token")}
        gold = {t.m_id: t for t in doc.timexes}
        creation = 0
        for m in root.iter("TIMEX3"):
            ids = [a.get("t_id") for a in m.findall("token_anchor")]
            if m.get("functionInDocument") == "CREATION_TIME":
                creation += 1
                assert m.get("m_id") not in gold
                assert m.get("value") == doc.dct
                continue
            if not ids:
                assert m.get("m_id") not in gold
                continue
            t = gold[m.get("m_id", "")]
            # the span spells the anchored tokens, whatever the spacing
            assert re.sub(r"\s", "", t.text) == "".join(words[i] for i in ids)
            assert max(sentence[i] for i in ids) < ANNOTATED_SENTENCES
            assert t.end <= doc.scored_end
            n += 1
        assert creation == 1
    assert n == sum(len(d.timexes) for d in docs.values())


@needs_corpus
def test_command_end_to_end_on_a_subset(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    names = [
        "10450_Apple_Computer_CEO.xml",
        "287096_Apple_Inc_co_founder.xml",
        "58772_Apple_Inc_doubled.xml",
    ]
    subset = tmp_path / "corpus"
    subset.mkdir()
    for name in names:
        (subset / name).symlink_to(CORPUS / name)
    out, tml, errors = tmp_path / "run.jsonl", tmp_path / "tml", tmp_path / "errors.tsv"
    rc = main(
        ["--corpus", str(subset), "--out", str(out), "--timeml", str(tml), "--score"]
        + ["--errors", str(errors)]
    )
    assert rc == 0
    n_gold = sum(len(d.timexes) for d in read_corpus(subset))
    printed = capfd.readouterr().out  # the scorer runs as a subprocess
    assert f"docs=3 gold={n_gold} " in printed  # the shared scorer's own table
    assert errors.read_text(encoding="utf-8").startswith("doc\tdct\tkind\t")
    # the run file alone, scored by the shared scorer from the command line
    score = subprocess.run(
        [sys.executable, str(TOOLS / "score.py"), str(out), "--gold", str(tml)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert score.stderr == ""  # no dropped timex, no missing or extra document
    assert re.search(rf"^docs=3 gold={n_gold} system=\d+ aligned=\d+$", score.stdout, re.M)
    assert re.search(r"^ALL +\d+ +\d+ \|", score.stdout, re.M)
