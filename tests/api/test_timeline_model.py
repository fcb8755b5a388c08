"""Model-based property test of the timeline (`GET /events`), on SQLite and PostgreSQL.

Hypothesis generates a small world — articles with publication dates that tie (a
date and a midnight-UTC datetime are the same instant; +03:00 and -05:00 datetimes
land on other UTC days), sources (case matters, some absent) and events with
overlapping, nested and tied intervals, every granularity, both `dated_by` values,
shuffled positions in the text and actors from a small pool (repeated, any role;
some articles define actors no event of theirs names). It ingests the world through
the API with the FakeExtractor, then for random queries (every filter of SPEC §5,
both orders, limits 1–7) walks every page by `next_cursor` and compares the ids with
a pure-Python model of docs/api.md:

- `actor`: a name or alias, case-/accent-insensitive; `any` ignores unknown names
  (all unknown: nothing), `all` needs every name known and on the event;
- `from`/`to`: inclusive interval overlap; `q`: literal substring of the sentence,
  case-insensitive as PostgreSQL's ILIKE (each character lowered on its own);
  `article_id`, `source`: exact; `granularity`: coarsest allowed;
- order: start_date, end_date, publication instant (a date is midnight UTC),
  trigger position, id — all reversed by `order=desc`;
- pages: at most `limit` items, only the last one short or empty, `next_cursor`
  null exactly on the last page; the CSV and TimelineJS exports' pages hold the
  same ids and cursors (`X-Next-Cursor`).

After every article is in, some are reprocessed (their events come back with new,
larger ids) or deleted (their events go, their actors stay known).

Each example starts from empty tables (ids restart at 1; the model still reads the
ids from the ingestion responses rather than assuming them).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.extraction import types as x
from tests.api.fakes import KNOWN_ACTORS, FakeEvent, FakeExtractor
from tests.conftest import Backend, empty_tables

MODEL = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

BASE_DAY = dt.date(2020, 9, 1)
GRANULARITIES = list(x.Granularity)
ROLES = list(x.Role)
ACTOR_NAMES = sorted(KNOWN_ACTORS)
# Publication dates: ties on the instant (a date is midnight UTC), on the day in
# another zone, and a microsecond apart.
PUBLICATIONS = [
    "2020-09-10",
    "2020-09-10T00:00:00Z",
    "2020-09-10T03:00:00+03:00",  # the same instant as the two above
    "2020-09-10T02:00:00+03:00",  # 2020-09-09T23:00Z
    "2020-09-09T23:00:00Z",
    "2020-09-10T12:00:00Z",
    "2020-09-10T12:00:00.000001Z",
    "2020-09-10T20:00:00-05:00",  # 2020-09-11T01:00Z
    "2020-09-11",
]
SOURCES = [None, None, "reuters", "Reuters", "ap"]
# Words of one length: sentences of one length, so trigger positions tie across
# articles. Non-ASCII case pairs (with the two letters str.lower() maps by context
# or to two characters: "İ", word-final "Σ"), LIKE wildcards and the escape
# character, which must stay literal.
WORDS = [
    "talk",
    "TALK",
    "über",
    "Über",
    "ÄRZT",
    "ärzt",
    "café",
    "CAFÉ",
    "İNCE",
    "ince",
    "ΟΔΟΣ",
    "οδος",
    "50%!",
    "a_b!",
    "a/b!",
    "fire",
]
# Actor queries: the fake's actors by name, alias, case, accent, transliteration.
ACTOR_QUERIES: dict[str, str | None] = {
    "Turkey": "Turkey",
    "ankara": "Turkey",
    "TURKISH": "Turkey",
    "Türkey": "Turkey",
    "Yerevan": "Armenia",
    "armenia": "Armenia",
    "BAKU": "Azerbaijan",
    "moscow": "Russia",
    "Russian": "Russia",
    "Sergey Naryshkin": "Sergei Naryshkin",
    "sergei naryshkin": "Sergei Naryshkin",
    "Naryshkin": "Sergei Naryshkin",
    "nato": "NATO",
    "Atlantis": None,
    "!!!": None,
}
Q_FIXED = [
    *("%", "_", "/", "0%", "a_b", "_b", "a/b", "zzz", " ", "é t"),
    *("Ü", "ü", "É", "ALK", "rzt", "i", "İ", "İN", "σ", "ς", "Σ", "ος", "ΟΣ"),
]


@dataclass(frozen=True)
class GenEvent:
    start: int  # days after BASE_DAY
    length: int  # end - start, in days
    granularity: x.Granularity
    by_text: bool
    words: tuple[str, str, str]
    trigger: tuple[int, int]  # a span of the sentence's tokens (the tag, then the words)
    actors: tuple[tuple[str, x.Role], ...]


@dataclass(frozen=True)
class GenArticle:
    publication: str
    source: str | None
    events: tuple[GenEvent, ...]
    text_order: tuple[int, ...]
    extra_actors: tuple[str, ...]
    fate: str  # "keep", "reprocess" or "delete", after every article is in


@dataclass
class ModelEvent:
    id: int
    article_id: int
    start: dt.date
    end: dt.date
    granularity: x.Granularity
    dated_by: str
    sentence: str
    trigger_start: int
    published: dt.datetime
    source: str | None
    actors: frozenset[str]

    def sort_key(self) -> tuple[Any, ...]:
        return (self.start, self.end, self.published, self.trigger_start, self.id)


gen_events = st.builds(
    GenEvent,
    start=st.integers(0, 12),
    length=st.sampled_from([0, 0, 0, 1, 2, 6, 13, 29]),
    granularity=st.sampled_from(GRANULARITIES),
    by_text=st.booleans(),
    words=st.tuples(*[st.sampled_from(WORDS)] * 3),
    trigger=st.integers(0, 3).flatmap(lambda i: st.tuples(st.just(i), st.integers(i + 1, 4))),
    actors=st.lists(
        st.tuples(st.sampled_from(ACTOR_NAMES), st.sampled_from(ROLES)), max_size=3
    ).map(tuple),
)


@st.composite
def gen_articles(draw: st.DrawFn) -> GenArticle:
    events = draw(st.lists(gen_events, min_size=0, max_size=8).map(tuple))
    return GenArticle(
        publication=draw(st.sampled_from(PUBLICATIONS)),
        source=draw(st.sampled_from(SOURCES)),
        events=events,
        text_order=tuple(draw(st.permutations(range(len(events))))),
        extra_actors=tuple(draw(st.lists(st.sampled_from(ACTOR_NAMES), max_size=2, unique=True))),
        fate=draw(st.sampled_from(["keep", "keep", "keep", "keep", "reprocess", "delete"])),
    )


worlds = st.lists(gen_articles(), min_size=1, max_size=5)


def sometimes(draw: st.DrawFn, percent: int) -> bool:
    """True `percent`% of the time; shrinks to False (fewer filters)."""
    return draw(st.integers(0, 99)) >= 100 - percent


def day(offset: int) -> str:
    return (BASE_DAY + dt.timedelta(days=offset)).isoformat()


@st.composite
def queries(draw: st.DrawFn) -> dict[str, Any]:
    """One to two filters on average, so that most answers are not empty."""
    params: dict[str, Any] = {}
    if sometimes(draw, 35):
        names = st.sampled_from(sorted(ACTOR_QUERIES))
        params["actor"] = draw(st.lists(names, min_size=1, max_size=3))
        params["actor_mode"] = draw(st.sampled_from(["any", "all"]))
    if sometimes(draw, 25):
        lo = draw(st.integers(-3, 45))
        params["from"] = day(lo)
        if sometimes(draw, 50):
            params["to"] = day(lo + draw(st.integers(0, 10)))
    elif sometimes(draw, 20):
        params["to"] = day(draw(st.integers(-3, 45)))
    if sometimes(draw, 25):
        params["q"] = draw(
            st.sampled_from(Q_FIXED)
            | st.sampled_from(WORDS).flatmap(
                lambda w: st.sampled_from([w, w.upper(), w.lower(), w[1:3], w[:2].upper()])
            )
        )
    if sometimes(draw, 10):
        params["article_index"] = draw(st.integers(0, 5))  # resolved to an id (or unknown)
    if sometimes(draw, 15):
        params["source"] = draw(st.sampled_from(["reuters", "Reuters", "ap", "nobody"]))
    if sometimes(draw, 25):
        params["granularity"] = draw(st.sampled_from(GRANULARITIES)).value
    if sometimes(draw, 15):
        params["dated_by"] = draw(st.sampled_from(["text", "publication"]))
    params["order"] = draw(st.sampled_from(["asc", "desc"]))
    params["limit"] = draw(st.integers(1, 7))
    return params


def simple_lower(text: str) -> str:
    """Case-insensitive as PostgreSQL's ILIKE (and `q` on SQLite): each character
    lowered on its own by Unicode's simple mapping, so "İ" is "i" (str.lower() gives
    "i" + U+0307) and "Σ" is "σ" wherever it stands (str.lower() gives a word-final "ς")."""
    return "".join("i" if c == "\u0130" else c.lower() for c in text)


def publication_instant(value: str) -> dt.datetime:
    """Where the model sorts an article: its instant; a bare date is midnight UTC."""
    if len(value) == 10:
        return dt.datetime.combine(dt.date.fromisoformat(value), dt.time(), dt.UTC)
    return dt.datetime.fromisoformat(value).astimezone(dt.UTC)


def fake_events(article: GenArticle, first_serial: int) -> list[FakeEvent]:
    fakes: list[FakeEvent] = []
    for serial, e in enumerate(article.events, start=first_serial):
        tag = f"E{serial:03d}"  # sentences, and so texts, are unique in a world
        # Spans of several words end past where another event's trigger starts.
        trigger = " ".join((tag, *e.words)[e.trigger[0] : e.trigger[1]])
        start = BASE_DAY + dt.timedelta(days=e.start)
        fakes.append(
            FakeEvent(
                sentence=f"{tag} {' '.join(e.words)}.",
                trigger=trigger,
                start=start,
                end=start + dt.timedelta(days=e.length),
                granularity=e.granularity,
                timex=e.words[2] if e.by_text else None,
                actors=e.actors,
            )
        )
    return fakes


def model_events(
    article: GenArticle, text: str, fakes: list[FakeEvent], stored: dict[str, Any]
) -> list[ModelEvent]:
    """The article's events as the model sees them, with the ids the API gave them."""
    by_sentence = {e["sentence"]["text"]: e for e in stored["events"]}
    assert len(by_sentence) == len(fakes) == len(stored["events"])
    return [
        ModelEvent(
            id=by_sentence[f.sentence]["id"],
            article_id=stored["id"],
            start=f.start,
            end=f.end or f.start,
            granularity=f.granularity,
            dated_by="text" if f.timex is not None else "publication",
            sentence=f.sentence,
            trigger_start=text.index(f.sentence) + f.sentence.index(f.trigger),
            published=publication_instant(article.publication),
            source=article.source,
            actors=frozenset(name for name, _ in f.actors),
        )
        for f in fakes
    ]


def ingest(
    client: TestClient, fake: FakeExtractor, world: list[GenArticle]
) -> tuple[list[int], list[ModelEvent]]:
    """POST every article, then reprocess or delete some: the article ids and the
    events the timeline should hold."""
    article_ids: list[int] = []
    texts: list[str] = []
    fakes_by_article: list[list[FakeEvent]] = []
    events: dict[int, list[ModelEvent]] = {}
    serial = 1
    for index, article in enumerate(world):
        fakes = fake_events(article, serial)
        serial += len(fakes)
        if fakes:
            text = fake.article(
                *fakes,
                extra_actors=tuple(KNOWN_ACTORS[name] for name in article.extra_actors),
                text_order=article.text_order,
            )
        else:  # a text the fake does not know: no events, no actors (see stored_actors)
            text = f"Nothing happened in article {index}."
        body: dict[str, Any] = {"text": text, "published_at": article.publication}
        if article.source is not None:
            body["source"] = article.source
        response = client.post("/articles", json=body)
        assert response.status_code == 201, response.text
        stored = response.json()
        article_ids.append(stored["id"])
        texts.append(text)
        fakes_by_article.append(fakes)
        events[index] = model_events(article, text, fakes, stored)
    for index, article in enumerate(world):
        if article.fate == "reprocess":  # new event ids, after every other article's
            response = client.post(f"/articles/{article_ids[index]}/reprocess")
            assert response.status_code == 200, response.text
            events[index] = model_events(
                article, texts[index], fakes_by_article[index], response.json()
            )
        elif article.fate == "delete":  # its events go; its actors stay
            response = client.delete(f"/articles/{article_ids[index]}")
            assert response.status_code == 204, response.text
            del events[index]
    return article_ids, [e for article_events in events.values() for e in article_events]


def expected_ids(
    events: list[ModelEvent], world: list[GenArticle], params: dict[str, Any]
) -> list[int]:
    stored_actors = {name for a in world if a.events for name in a.extra_actors} | {
        name for a in world for e in a.events for name, _ in e.actors
    }
    rank = {g: i for i, g in enumerate(GRANULARITIES)}
    wanted: set[str] | None = None
    if "actor" in params:
        # A name is known when an ingested article stored the actor it names.
        resolved = [ACTOR_QUERIES[name] for name in params["actor"]]
        known = [a for a in resolved if a is not None and a in stored_actors]
        if params["actor_mode"] == "all" and len(known) < len(resolved):
            return []  # `all` with a name nobody has seen: nothing
        if not known:
            return []  # `any` ignores unknown names; with none known: nothing
        wanted = set(known)

    def keep(e: ModelEvent) -> bool:
        if wanted is not None:
            if params["actor_mode"] == "all" and not wanted <= e.actors:
                return False
            if params["actor_mode"] == "any" and not wanted & e.actors:
                return False
        if "from" in params and e.end < dt.date.fromisoformat(params["from"]):
            return False
        if "to" in params and e.start > dt.date.fromisoformat(params["to"]):
            return False
        if "q" in params and simple_lower(params["q"]) not in simple_lower(e.sentence):
            return False
        if "article_id" in params and e.article_id != params["article_id"]:
            return False
        if "source" in params and e.source != params["source"]:
            return False
        ceiling = params.get("granularity")
        if ceiling is not None and rank[e.granularity] > rank[x.Granularity(ceiling)]:
            return False
        return not ("dated_by" in params and e.dated_by != params["dated_by"])

    chosen = sorted((e for e in events if keep(e)), key=ModelEvent.sort_key)
    if params["order"] == "desc":
        chosen.reverse()
    return [e.id for e in chosen]


def walk_json(client: TestClient, params: dict[str, Any]) -> tuple[list[list[int]], list[str]]:
    pages: list[list[int]] = []
    cursors: list[str] = []
    cursor: str | None = None
    while True:
        query = params | ({"cursor": cursor} if cursor else {})
        response = client.get("/events", params=query)
        assert response.status_code == 200, (query, response.text)
        body = response.json()
        pages.append([item["id"] for item in body["items"]])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages, cursors
        cursors.append(cursor)
        assert len(pages) <= 200, "pagination does not end"


def export_ids(response: Any, format: str) -> list[int]:
    if format == "csv":
        assert response.headers["content-type"].startswith("text/csv")
        return [int(row["id"]) for row in csv.DictReader(io.StringIO(response.text))]
    unique_ids = [item["unique_id"] for item in response.json()["events"]]
    assert all(u.startswith("event-") for u in unique_ids)
    return [int(u.removeprefix("event-")) for u in unique_ids]


def walk_export(
    client: TestClient, params: dict[str, Any], format: str
) -> tuple[list[list[int]], list[str]]:
    """The same walk through an export: the next cursor is in `X-Next-Cursor`."""
    pages: list[list[int]] = []
    cursors: list[str] = []
    cursor: str | None = None
    while True:
        query = params | {"format": format} | ({"cursor": cursor} if cursor else {})
        response = client.get("/events", params=query)
        assert response.status_code == 200, (query, response.text)
        pages.append(export_ids(response, format))
        cursor = response.headers.get("x-next-cursor")
        if cursor is None:
            return pages, cursors
        cursors.append(cursor)
        assert len(pages) <= 200, "pagination does not end"


def check_pages(pages: list[list[int]], limit: int, expected: list[int]) -> None:
    flat = [i for page in pages for i in page]
    assert flat == expected
    assert len(set(flat)) == len(flat), "an event on two pages"
    # Every page but the last is full; the last has the rest (empty only when all is).
    assert all(len(page) == limit for page in pages[:-1]), pages
    assert 0 < len(pages[-1]) <= limit or (pages == [[]] and not expected), pages


@MODEL
@given(world=worlds, query_list=st.lists(queries(), min_size=1, max_size=8))
def test_timeline_matches_the_model(
    client: TestClient,
    fake: FakeExtractor,
    db: Backend,
    world: list[GenArticle],
    query_list: list[dict[str, Any]],
):
    empty_tables(db)  # the `db` fixture empties them once per test, not per example
    article_ids, events = ingest(client, fake, world)
    for i, drawn in enumerate(query_list):
        params = dict(drawn)
        if "article_index" in params:
            index = params.pop("article_index")
            params["article_id"] = article_ids[index] if index < len(article_ids) else 10**6
        expected = expected_ids(events, world, params)
        pages, cursors = walk_json(client, params)
        check_pages(pages, params["limit"], expected)
        if i < 2:  # the exports page through the same listing
            assert walk_export(client, params, ("csv", "timelinejs")[i]) == (pages, cursors)
