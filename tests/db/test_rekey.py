"""Rebuilding stored alias keys after `alias_key` changes (both backends).

Rows are written with the keys an older folding produced ("worx" for "Works",
before "ks" -> "x" was limited to a following vowel); the rebuild must give
every alias the key today's `alias_key` gives its name, without losing a
lookup and without ever moving one from one actor to another.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Actor, ActorAlias
from app.db.rekey import rebuild_alias_keys
from app.extraction.actors.keys import alias_key
from tests.conftest import REPO, Backend


def seed(session: Session, aliases: dict[str, list[tuple[str, str]]]) -> dict[str, int]:
    """Actors by name, each with (alias name, stored key) rows."""
    ids = {}
    for name, rows in aliases.items():
        actor = Actor(name=name, kind="organization")
        session.add(actor)
        session.flush()
        ids[name] = actor.id
        session.add_all(ActorAlias(actor_id=actor.id, name=n, key=k) for n, k in rows)
    session.commit()
    return ids


def stored(session: Session) -> set[tuple[int, str, str]]:
    rows = session.execute(select(ActorAlias.actor_id, ActorAlias.name, ActorAlias.key))
    return {tuple(r) for r in rows.tuples()}


def test_stale_keys_are_rebuilt_and_duplicates_dropped(db: Backend) -> None:
    with Session(db.engine) as session:
        ids = seed(
            session,
            {
                "Ironworks": [("Ironworks", "ironworx"), ("Iron Works", "iron worx")],
                # two spellings that now fold to one key: one row is enough, and the
                # row already right keeps it although the stale one is older
                "Naryshkin": [
                    ("Sergey Naryshkin", "sergey naryshkin x"),
                    ("Sergei Naryshkin", alias_key("Sergei Naryshkin")),
                ],
            },
        )
        report = rebuild_alias_keys(session)
        session.commit()
        assert stored(session) == {
            (ids["Ironworks"], "Ironworks", alias_key("Ironworks")),
            (ids["Ironworks"], "Iron Works", alias_key("Iron Works")),
            (ids["Naryshkin"], "Sergei Naryshkin", alias_key("Sergei Naryshkin")),
        }
    assert alias_key("Ironworks") == "ironworks"  # the rows really were stale
    assert (report.checked, report.rekeyed, report.dropped, report.conflicts) == (4, 2, 1, [])


def test_a_key_another_actor_owns_is_reported_and_left(db: Backend) -> None:
    with Session(db.engine) as session:
        ids = seed(
            session,
            {
                "Works Ltd": [("Works Ltd", alias_key("Works Ltd"))],
                "Worx Ltd": [("Worx Ltd", "worx ltd"), ("Works Ltd", "works-old")],
            },
        )
        report = rebuild_alias_keys(session)
        session.commit()
        # the lookup stays with its actor under its old key; nothing moved silently
        assert (ids["Worx Ltd"], "Works Ltd", "works-old") in stored(session)
    assert [(c.key, c.kept_actor_id, c.other_actor_id) for c in report.conflicts] == [
        (alias_key("Works Ltd"), ids["Works Ltd"], ids["Worx Ltd"])
    ]


def test_dry_run_changes_nothing(db: Backend) -> None:
    with Session(db.engine) as session:
        seed(session, {"Ironworks": [("Ironworks", "ironworx")]})
        before = stored(session)
        report = rebuild_alias_keys(session, dry_run=True)
        session.commit()
        assert stored(session) == before
    assert report.rekeyed == 1


def test_command_line_reports_and_fails_on_conflicts(db: Backend) -> None:
    with Session(db.engine) as session:
        seed(
            session,
            {
                "Works Ltd": [("Works Ltd", alias_key("Works Ltd"))],
                "Worx Ltd": [("Works Ltd", "works-old")],
            },
        )
    done = subprocess.run(
        [sys.executable, "-m", "app.db.rekey", "--database-url", db.url],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stderr
    assert "2 checked, 0 rekeyed, 0 dropped, 1 conflicts" in done.stdout
    assert f"folds to {alias_key('Works Ltd')!r}, which actor" in done.stdout


def test_keys_swapping_between_rows_never_collide(db: Backend) -> None:
    """Each row's new key is the other's old one: updated in place one by one, the
    unique key column would refuse the first update."""
    with Session(db.engine) as session:
        ids = seed(
            session,
            {"Ironworks": [("Ironworks", alias_key("Iron Works")), ("Iron Works", "ironworks")]},
        )
        report = rebuild_alias_keys(session)
        session.commit()
        assert stored(session) == {
            (ids["Ironworks"], "Ironworks", alias_key("Ironworks")),
            (ids["Ironworks"], "Iron Works", alias_key("Iron Works")),
        }
    assert report.rekeyed == 2


def test_command_line_on_an_unmigrated_database_says_so(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    done = subprocess.run(
        [sys.executable, "-m", "app.db.rekey", "--database-url", url],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "no such table: actor_alias" in done.stderr
    assert "make migrate" in done.stderr
    assert "Traceback" not in done.stderr
