"""Rebuild stored alias keys after `alias_key` changes.

    .venv/bin/python -m app.db.rekey [--database-url URL] [--dry-run]

Actors are found by `actor_alias.key` = `alias_key(name)`. When the folding
changes (a new transliteration rule, a fixed bug), keys written before no
longer match what lookups compute, so an actor can be missed or created
twice. This command gives every alias row the key today's `alias_key` gives
its name:

- a row whose new key its own actor already has is dropped (the spelling stays
  in `actor_name`, which is what people read);
- a row whose new key another actor owns is a conflict: it keeps its old key
  and is reported, because deciding that two actors are one is a merge, not a
  re-key (exit status 1 when there are conflicts);
- an alias whose name folds to nothing is dropped.

A row that already has its right key keeps it; otherwise the lowest id wins.
Runs in one transaction; `--dry-run` reports without writing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.db.models import ActorAlias
from app.extraction.actors.keys import alias_key

PROGRESS_EVERY = 10_000


@dataclass(frozen=True)
class Conflict:
    key: str
    kept_actor_id: int
    other_actor_id: int
    name: str


@dataclass
class RekeyReport:
    checked: int = 0
    rekeyed: int = 0
    dropped: int = 0
    conflicts: list[Conflict] = field(default_factory=list)


@dataclass(frozen=True)
class _Row:
    id: int
    actor_id: int
    name: str
    key: str
    new_key: str


def rebuild_alias_keys(
    session: Session,
    *,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> RekeyReport:
    """Re-key every alias row as the module doc says; the caller commits."""
    rows = _read_rows(session, progress)
    report = RekeyReport(checked=len(rows))
    owner: dict[str, _Row] = {}
    # rows already right claim their key first, then the lowest id
    for row in sorted(rows, key=lambda r: (r.key != r.new_key, r.id)):
        if row.new_key and row.new_key not in owner:
            owner[row.new_key] = row
    drops: list[int] = []
    moves: list[_Row] = []
    for row in rows:
        winner = owner.get(row.new_key)
        if winner is row:
            if row.key != row.new_key:
                moves.append(row)
        elif winner is None or winner.actor_id == row.actor_id:
            drops.append(row.id)
        else:
            report.conflicts.append(Conflict(row.new_key, winner.actor_id, row.actor_id, row.name))
    report.rekeyed, report.dropped = len(moves), len(drops)
    if not dry_run:
        _apply(session, drops, moves)
    return report


def _read_rows(session: Session, progress: Callable[[int], None] | None) -> list[_Row]:
    stmt = select(ActorAlias.id, ActorAlias.actor_id, ActorAlias.name, ActorAlias.key)
    rows = []
    for n, (row_id, actor_id, name, key) in enumerate(
        session.execute(stmt.order_by(ActorAlias.id).execution_options(yield_per=2_000)), 1
    ):
        rows.append(_Row(row_id, actor_id, name, key, alias_key(name)))
        if progress is not None and n % PROGRESS_EVERY == 0:
            progress(n)
    return rows


def _apply(session: Session, drops: list[int], moves: list[_Row]) -> None:
    if drops:
        session.execute(delete(ActorAlias).where(ActorAlias.id.in_(drops)))
    # two steps, so that a key moving from one row to another never exists twice
    # (the column is unique): first a placeholder no name folds to (keys are made of
    # [0-9a-z ] only), then the key
    if moves:
        placeholders = [{"id": row.id, "key": f"#rekey {row.id}"} for row in moves]
        session.execute(update(ActorAlias), placeholders)
        session.execute(update(ActorAlias), [{"id": row.id, "key": row.new_key} for row in moves])


def main(argv: list[str] | None = None) -> int:
    from app.config import Settings
    from app.db.engine import make_engine

    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--database-url", default=None, help="default: DATABASE_URL")
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
    args = parser.parse_args(argv)
    engine = make_engine(args.database_url or Settings().database_url)
    try:
        with Session(engine) as session, session.begin():
            report = rebuild_alias_keys(
                session,
                dry_run=args.dry_run,
                progress=lambda n: print(f"read {n} aliases…", file=sys.stderr, flush=True),
            )
    except DBAPIError as error:  # unreachable database, or not migrated yet
        print(f"rekey: {type(error.orig).__name__}: {error.orig}", file=sys.stderr)
        print("rekey: is DATABASE_URL right, and has `make migrate` run?", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(
        f"{report.checked} checked, {report.rekeyed} rekeyed, {report.dropped} dropped, "
        f"{len(report.conflicts)} conflicts{' (dry run: nothing written)' if args.dry_run else ''}"
    )
    for c in report.conflicts:
        print(
            f"conflict: {c.name!r} of actor {c.other_actor_id} folds to {c.key!r}, "
            f"which actor {c.kept_actor_id} owns; left under its old key"
        )
    return 1 if report.conflicts else 0


if __name__ == "__main__":
    raise SystemExit(main())
