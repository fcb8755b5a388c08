"""Dependencies point inward: the extractor knows nothing of the web or the database."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"
FORBIDDEN_IN_EXTRACTION = (
    "fastapi",
    "starlette",
    "sqlalchemy",
    "alembic",
    "app.db",
    "app.api",
    "app.services",
    "app.schemas",
    "app.main",
)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def violations(path: Path, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        module
        for module in imported_modules(path)
        if any(module == f or module.startswith(f + ".") for f in forbidden)
    )


EXTRACTION_FILES = sorted((APP / "extraction").rglob("*.py"))


def test_there_is_extraction_code_to_check():
    assert len(EXTRACTION_FILES) >= 3


@pytest.mark.parametrize("path", EXTRACTION_FILES, ids=lambda p: str(p.relative_to(APP)))
def test_extraction_imports_no_web_or_database(path: Path):
    assert violations(path, FORBIDDEN_IN_EXTRACTION) == []


def test_detector_catches_a_forbidden_import(tmp_path: Path):
    sample = tmp_path / "bad.py"
    sample.write_text("import sqlalchemy.orm\nfrom fastapi import FastAPI\nfrom app.db import x\n")
    assert violations(sample, FORBIDDEN_IN_EXTRACTION) == ["app.db", "fastapi", "sqlalchemy.orm"]


@pytest.mark.parametrize("layer", ["db", "services"])
def test_db_and_services_do_not_import_the_web_layer(layer: str):
    for path in sorted((APP / layer).rglob("*.py")):
        assert violations(path, ("fastapi", "app.api", "app.main")) == [], path


def test_routers_do_not_touch_sqlalchemy_models_directly_for_writes():
    """Writes go through app.services; routers may read through app.db query modules."""
    for path in sorted((APP / "api").rglob("*.py")):
        assert violations(path, ("app.db.models",)) == [] or path.name == "present.py", path
