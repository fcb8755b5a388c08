"""evaluation.meantime: text rebuilding, spans and scoring, on a hand-written document."""

from __future__ import annotations

from pathlib import Path

from app.extraction.types import Actor, ActorKind, ActorMention
from evaluation.meantime import (
    Scores,
    cross_document,
    detokenize,
    entity_keys,
    head_pairs,
    match,
    merged_actors,
    name_core,
    normalized,
    one_identity,
    read_document,
    stored_actor_ids,
)

XML = """<?xml version="1.0" ?><Document doc_id="1" doc_name="1_x" lang="en">
<token number="0" sentence="0" t_id="1">Wal</token>
<token number="1" sentence="0" t_id="2">-</token>
<token number="2" sentence="0" t_id="3">Mart</token>
<token number="3" sentence="0" t_id="4">sues</token>
<token number="4" sentence="0" t_id="5">Apple</token>
<token number="5" sentence="1" t_id="6">May</token>
<token number="6" sentence="1" t_id="7">1</token>
<token number="7" sentence="2" t_id="8">The</token>
<token number="8" sentence="2" t_id="9">Beatles</token>
<token number="9" sentence="2" t_id="10">'</token>
<token number="10" sentence="2" t_id="11">Apple</token>
<token number="11" sentence="2" t_id="12">Corps</token>
<token number="12" sentence="2" t_id="13">,</token>
<token number="13" sentence="2" t_id="14">in</token>
<token number="14" sentence="2" t_id="15">London</token>
<token number="15" sentence="2" t_id="16">.</token>
<token number="16" sentence="3" t_id="17">Apple</token>
<token number="17" sentence="3" t_id="18">won</token>
<token number="18" sentence="3" t_id="19">.</token>
<Markables>
<ENTITY_MENTION comment="" head="" m_id="1" syntactic_type="NAM">
<token_anchor t_id="1"/><token_anchor t_id="2"/><token_anchor t_id="3"/>
</ENTITY_MENTION>
<ENTITY_MENTION comment="" head="" m_id="2" syntactic_type="NAM"><token_anchor t_id="5"/>
</ENTITY_MENTION>
<ENTITY_MENTION comment="" head="" m_id="3" syntactic_type="NAM">
<token_anchor t_id="8"/><token_anchor t_id="9"/><token_anchor t_id="10"/>
<token_anchor t_id="11"/><token_anchor t_id="12"/>
</ENTITY_MENTION>
<ENTITY_MENTION comment="" head="" m_id="4" syntactic_type="NAM"><token_anchor t_id="15"/>
</ENTITY_MENTION>
<ENTITY_MENTION m_id="5"><token_anchor t_id="17"/></ENTITY_MENTION>
<ENTITY ent_type="ORG" instance_id="ORG_WM" m_id="10"/>
<ENTITY ent_type="ORG" instance_id="ORG_APPLE" m_id="11"/>
<ENTITY ent_type="ORG" instance_id="ORG_CORPS" m_id="12"/>
<ENTITY ent_type="LOC" instance_id="LOC_LONDON" m_id="13"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><target m_id="10"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><source m_id="5"/><target m_id="11"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="3"/><target m_id="12"/></REFERS_TO>
<REFERS_TO r_id="4"><source m_id="4"/><target m_id="13"/></REFERS_TO>
</Relations>
</Document>
"""


def test_text_is_rebuilt_with_token_offsets(tmp_path: Path) -> None:
    path = tmp_path / "1_x.xml"
    path.write_text(XML, encoding="utf-8")
    doc = read_document(path)
    assert (
        doc.text
        == "Wal-Mart sues Apple\n\nMay 1\n\nThe Beatles' Apple Corps, in London. Apple won."
    )
    assert [(g.text, g.syntactic_type, g.ent_type) for g in doc.gold] == [
        ("Wal-Mart", "NAM", "ORG"),
        ("Apple", "NAM", "ORG"),
        ("The Beatles' Apple Corps", "NAM", "ORG"),
        ("London", "NAM", "LOC"),
        ("Apple", None, "ORG"),
    ]
    # the last typed mention is in sentence 2: "Apple won." is not scored
    assert doc.text[: doc.scored_end].endswith("in London.")


def test_dash_between_words_is_kept() -> None:
    tokens = [("1", "2", "San"), ("2", "2", "Jose"), ("3", "2", "-"), ("4", "2", "Cisco")]
    assert detokenize(tokens)[0] == "San Jose - Cisco"


def test_span_normalization() -> None:
    text = "the Apple Inc., and The Beatles' Apple Corps in London"
    assert text[slice(*normalized(text, 0, 15))] == "Apple Inc"
    core = name_core(text, 20, len(text))
    assert text[slice(*core)] == "Apple Corps"


def mention(text: str, surface: str, kind: ActorKind, key: str) -> ActorMention:
    start = text.index(surface)
    return ActorMention(surface, start, start + len(surface), surface, kind, key)


def test_scoring_counts_and_cross_document(tmp_path: Path) -> None:
    path = tmp_path / "1_x.xml"
    path.write_text(XML, encoding="utf-8")
    doc = read_document(path)
    t = doc.text
    predicted = [
        mention(t, "Wal-Mart", ActorKind.ORGANIZATION, "walmart"),
        mention(t, "Apple", ActorKind.ORGANIZATION, "apple"),
        mention(t, "Apple Corps", ActorKind.ORGANIZATION, "apple corps"),
        mention(t, "London", ActorKind.PERSON, "london"),  # wrong type
        mention(t, "May", ActorKind.PERSON, "may"),  # not a gold name: false positive
    ]
    scores = Scores()
    match(doc, predicted, scores, "strict")
    match(doc, predicted, scores, "core")
    match(doc, predicted, scores, "overlap")
    assert (scores.strict["ORG"].tp, scores.strict["ORG"].fn) == (2, 1)  # Corps: not strict
    assert (scores.core["ORG"].tp, scores.core["ORG"].fn) == (3, 0)
    assert (scores.core["LOC"].fn, scores.core["PER"].fp) == (1, 2)
    total, one, linked, _ = cross_document([doc], [(predicted, [])], [head_pairs(doc, predicted)])
    assert (total, one, linked) == (0, 0, 0)  # one document: nothing is cross-document


def test_cross_document_pairs_each_name_with_the_mention_of_its_head(tmp_path: Path) -> None:
    """London is LOC_LONDON in two documents; one of them reads it as a person with
    another key: a split, whatever the type."""
    docs = []
    for name in ("1_x", "2_x"):
        path = tmp_path / f"{name}.xml"
        path.write_text(XML.replace('doc_id="1"', f'doc_id="{name[0]}"'), encoding="utf-8")
        docs.append(read_document(path))
    predictions = []
    all_pairs = []
    for doc, london in zip(docs, (ActorKind.PLACE, ActorKind.PERSON), strict=True):
        predicted = [
            mention(doc.text, "Wal-Mart", ActorKind.ORGANIZATION, "walmart"),
            mention(doc.text, "London", london, "london" if london is ActorKind.PLACE else "x"),
        ]
        predictions.append((predicted, []))
        all_pairs.append(head_pairs(doc, predicted))
    total, one, linked, notes = cross_document(docs, predictions, all_pairs)
    # four entities named in both; Apple and Apple Corps were not found at all
    assert (total, one, linked) == (4, 1, 1)  # Wal-Mart one actor; London split
    assert "LOC_LONDON: ['london', 'x']" in notes


TITLE_XML = """<?xml version="1.0" ?><Document doc_id="7" doc_name="7_x" lang="en">
<token number="0" sentence="0" t_id="1">Apple</token>
<token number="1" sentence="0" t_id="2">Computer</token>
<token number="2" sentence="0" t_id="3">CEO</token>
<token number="3" sentence="0" t_id="4">Steve</token>
<token number="4" sentence="0" t_id="5">Jobs</token>
<token number="5" sentence="0" t_id="6">'s</token>
<token number="6" sentence="0" t_id="7">iPod</token>
<token number="7" sentence="0" t_id="8">Software</token>
<token number="8" sentence="0" t_id="9">1.1</token>
<Markables>
<ENTITY_MENTION head="" m_id="1" syntactic_type="NAM">
<token_anchor t_id="1"/><token_anchor t_id="2"/><token_anchor t_id="3"/></ENTITY_MENTION>
<ENTITY_MENTION head="" m_id="2" syntactic_type="NAM">
<token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></ENTITY_MENTION>
<ENTITY_MENTION head="iPod" m_id="3" syntactic_type="NAM"><token_anchor t_id="7"/></ENTITY_MENTION>
<ENTITY_MENTION head="Software" m_id="4" syntactic_type="NAM">
<token_anchor t_id="7"/><token_anchor t_id="8"/><token_anchor t_id="9"/></ENTITY_MENTION>
<ENTITY ent_type="PER" instance_id="PER_JOBS" m_id="10"/>
<ENTITY ent_type="PRO" instance_id="PRO_IPOD" m_id="11"/>
<ENTITY ent_type="PRO" instance_id="PRO_SOFTWARE" m_id="12"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="2"/><target m_id="10"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="3"/><target m_id="11"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="4"/><target m_id="12"/></REFERS_TO>
</Relations>
</Document>
"""


def test_a_gold_name_stands_for_the_mention_that_covers_its_head(tmp_path: Path) -> None:
    docs = []
    for doc_id in ("7", "8"):
        path = tmp_path / f"{doc_id}_x.xml"
        path.write_text(TITLE_XML.replace('doc_id="7"', f'doc_id="{doc_id}"'), encoding="utf-8")
        docs.append(read_document(path))
    t = docs[0].text
    assert [t[slice(*g.head)] for g in docs[0].gold] == ["CEO", "Jobs", "iPod", "Software"]
    predicted = [
        mention(t, "Apple Computer", ActorKind.ORGANIZATION, "apple"),
        mention(t, "Steve Jobs", ActorKind.PERSON, "steve jobs"),
        mention(t, "iPod Software 1.1", ActorKind.PRODUCT, "ipod software 1 1"),
    ]
    # "Apple Computer" does not cover the head of the title "Apple Computer CEO";
    # "iPod Software 1.1" is the software's, and stands for no second name
    assert head_pairs(docs[0], predicted) == {1: 1, 3: 2}
    predictions = [(predicted, []), (predicted, [])]
    by_head = [head_pairs(d, predicted) for d in docs]
    total, one, linked, notes = cross_document(docs, predictions, by_head)
    assert (total, one, linked, notes) == (3, 2, 2, ["PRO_IPOD: []"])
    # through any overlap, the company inside the title splits Steve Jobs
    by_overlap = [
        {gi: pi for pi, gi in match(d, predicted, Scores(), "overlap").items()} for d in docs
    ]
    _, _, linked, notes = cross_document(docs, predictions, by_overlap)
    assert linked == 1
    assert "PER_JOBS: ['apple', 'steve jobs']" in notes


def test_stored_actor_ids_come_from_the_services_own_linking(tmp_path: Path) -> None:
    """Two documents, two spellings of one company sharing an alias, and a person:
    ingested through the service, the company is one stored actor, the person another."""
    docs = []
    for doc_id in ("1", "2"):
        path = tmp_path / f"{doc_id}_x.xml"
        xml = XML.replace('doc_id="1"', f'doc_id="{doc_id}"').replace("won", f"won {doc_id}")
        path.write_text(xml, encoding="utf-8")  # texts differ: the store keeps one copy of a text
        docs.append(read_document(path))
    short = Actor("walmart", "Wal-Mart", ActorKind.ORGANIZATION, ("Wal-Mart",))
    full = Actor("walmart stores", "Wal-Mart Stores", ActorKind.ORGANIZATION, ("Wal-Mart",))
    person = Actor("sam walton", "Sam Walton", ActorKind.PERSON, ("Sam Walton", "Walton"))
    predictions: list[tuple[list[ActorMention], list[Actor]]] = [
        ([mention(docs[0].text, "Wal-Mart", ActorKind.ORGANIZATION, "walmart")], [short]),
        (
            [mention(docs[1].text, "Wal-Mart", ActorKind.ORGANIZATION, "walmart stores")],
            [full, person],
        ),
    ]
    ids = stored_actor_ids(docs, predictions)
    assert ids["walmart"] == ids["walmart stores"]
    assert ids["sam walton"] != ids["walmart"]
    keys = entity_keys(
        docs, predictions, [head_pairs(d, p) for d, (p, _) in zip(docs, predictions, strict=True)]
    )
    assert keys["ORG_WM"] == {"walmart", "walmart stores"}
    assert one_identity(keys, lambda k: ids.get(k))[0] == 1  # Wal-Mart: one stored actor
    assert one_identity(keys, lambda k: k)[0] == 0  # but two extraction keys


def test_merged_actors_are_stored_actors_holding_names_of_two_gold_entities(
    tmp_path: Path,
) -> None:
    """The other side of identity: a stored actor that two gold entities' names end in
    is a merge, whatever document each name is in; each entity named once is enough."""
    docs = []
    for doc_id in ("1", "2"):
        path = tmp_path / f"{doc_id}_x.xml"
        xml = XML.replace('doc_id="1"', f'doc_id="{doc_id}"').replace("won", f"won {doc_id}")
        path.write_text(xml, encoding="utf-8")
        docs.append(read_document(path))
    # document 1 reads "Apple Corps" as Apple (the company): Apple and Apple Corps merge;
    # document 2 keeps them apart, and London is never merged
    first = [
        mention(docs[0].text, "Apple", ActorKind.ORGANIZATION, "apple"),
        mention(docs[0].text, "Apple Corps", ActorKind.ORGANIZATION, "apple"),
        mention(docs[0].text, "London", ActorKind.PLACE, "london"),
    ]
    second = [
        mention(docs[1].text, "Apple", ActorKind.ORGANIZATION, "apple"),
        mention(docs[1].text, "Apple Corps", ActorKind.ORGANIZATION, "apple corps"),
    ]
    pairs = [head_pairs(doc, p) for doc, p in zip(docs, (first, second), strict=True)]
    ids = {"apple": 1, "apple corps": 2, "london": 3}
    actors, notes = merged_actors(docs, [first, second], pairs, lambda k: ids.get(k))
    assert actors == 3  # stored actors that some gold name ends in
    assert notes == ["['apple']: ['ORG_APPLE', 'ORG_CORPS']"]
    # a name with no stored actor is no merge
    actors, notes = merged_actors(docs, [first, second], pairs, lambda k: None)
    assert (actors, notes) == (0, [])
