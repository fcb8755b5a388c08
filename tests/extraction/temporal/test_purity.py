"""The tagger is pure: it imports no web, database or NLP layer."""

from __future__ import annotations

import subprocess
import sys


def test_tagger_imports_no_forbidden_module() -> None:
    code = (
        "import sys, datetime\n"
        "from app.extraction.temporal import RuleTemporalTagger\n"
        "RuleTemporalTagger().tag('On Friday, May 5', datetime.date(2020, 11, 6))\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('fastapi', 'sqlalchemy', 'spacy')"
        " or m.startswith(('app.db', 'app.api'))]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_only_the_adapter_imports_dateparser() -> None:
    import re
    from pathlib import Path

    import app.extraction.temporal as pkg

    root = Path(pkg.__file__).parent
    imports = re.compile(r"^\s*(?:import|from)\s+dateparser\b", re.MULTILINE)
    importers = sorted(
        str(p.relative_to(root)) for p in root.rglob("*.py") if imports.search(p.read_text())
    )
    assert importers == ["dateparser_adapter.py"]
