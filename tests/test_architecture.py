"""The architecture, as tests: which way the imports go, one owner per concept."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EDGES = {ROOT / "assistant" / "cli.py"}  # the command line may import both sides


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [("ingest", {"assistant"}), ("assistant", {"ingest"}), ("core", {"assistant", "ingest"})],
)
def test_imports_go_one_way(package, forbidden):
    offenders = {
        str(p.relative_to(ROOT)): sorted(imported_packages(p) & forbidden)
        for p in (ROOT / package).rglob("*.py")
        if p not in EDGES and imported_packages(p) & forbidden
    }
    assert offenders == {}


def test_no_hand_written_stop_word_list_over_30_words():
    for path in [*ROOT.glob("core/*.py"), *ROOT.glob("assistant/*.py"), *ROOT.glob("ingest/*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
                strings = [
                    e for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                ]
                assert len(strings) <= 30, f"{path.name}:{node.lineno} holds {len(strings)} words"


def test_one_sentence_splitter():
    holders = [
        p.relative_to(ROOT)
        for p in [*ROOT.glob("core/*.py"), *ROOT.glob("assistant/*.py"), *ROOT.glob("ingest/*.py")]
        if "(?<=[.!?])" in p.read_text(encoding="utf-8")
    ]
    assert [str(h) for h in holders] == ["core/structure.py"]
