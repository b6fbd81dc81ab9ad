"""Invisible characters (zero-width spaces, soft hyphens, direction marks, control characters)
change neither what is indexed nor what a question finds."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from assistant.service import Assistant
from core.normalize import normalize_text
from ingest.indexer import ingest
from tests.helpers import library_settings

ZWSP, SHY, RLM, LRM, ZWJ, BOM, WJ = (
    "\u200b",
    "\u00ad",
    "\u200f",
    "\u200e",
    "\u200d",
    "\ufeff",
    "\u2060",
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (f"vän{ZWSP}ort", "vänort"),
        (f"vän{SHY}orts{SHY}samarbeten", "vänortssamarbeten"),
        (f"{RLM}Kommun{LRM}styrelsen{ZWJ}", "Kommunstyrelsen"),
        (f"{BOM}Syfte{WJ}", "Syfte"),
        ("va\u030ank", "vånk"),  # NFC: a + combining ring above
        (f"a{ZWSP}\u030a", "å"),  # composes once the invisible character is gone
        ("rad ett\nrad\ttvå", "rad ett\nrad\ttvå"),  # newline and tab stay
        ("ett\x00två\x0bsex\rsju\x7fåtta\x85nio", "ett två sex sju åtta nio"),
        ("Ångström, ÅÄÖ åäö", "Ångström, ÅÄÖ åäö"),
    ],
)
def test_normalize_text(raw: str, clean: str):
    assert normalize_text(raw) == clean


def test_the_module_imports_nothing_from_the_project():
    source = Path(__file__).resolve().parents[1] / "core" / "normalize.py"
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert imported <= {"__future__", "unicodedata"}


@pytest.fixture
def tiny(tmp_path: Path, hash_embedder) -> Assistant:
    """Two made-up policies; one with invisible characters inside its words."""
    library = tmp_path / "policies"
    library.mkdir()
    (library / "exempel.md").write_text(
        "# Internationell policy för Exempels kommun\n\n## Ansvar\n\n"
        f"Kommun{SHY}fullmäktige beslutar om vän{ZWSP}orts{SHY}samarbeten.\n\n"
        "Kommunstyrelsen ansvarar för officiella kontakter med utländska gäster.\n",
        encoding="utf-8",
    )
    (library / "prov.md").write_text(
        "# Internationell policy för Provs kommun\n\n## Resor\n\n"
        "Tjänsteresor utomlands planeras i förväg och redovisas efteråt.\n",
        encoding="utf-8",
    )
    settings = library_settings(tmp_path, library)
    ingest(settings, embedder=hash_embedder)
    return Assistant(settings, embedder=hash_embedder)


CLEAN = "Vem beslutar om vänortssamarbeten?"


@pytest.mark.parametrize(
    "dirty",
    [
        f"Vem beslutar om vän{ZWSP}ortssamarbeten?",
        f"Vem beslutar om vän{SHY}orts{SHY}samarbeten?",
        f"{RLM}Vem beslutar om vänortssamarbeten?{LRM}",
        f"Vem beslu{WJ}tar om vän{ZWJ}ortssamarbeten{BOM}?",
        "Vem\x0bbeslutar om va\u0308nortssamarbeten?",  # a control character; decomposed ä
    ],
)
def test_a_question_with_invisible_characters_gets_the_clean_questions_answer(
    tiny: Assistant, dirty: str
):
    clean = tiny.ask(CLEAN)
    assert not clean.abstained and "Kommunfullmäktige beslutar om vänortssamarbeten" in clean.text
    answer = tiny.ask(dirty)
    assert answer.text == clean.text
    assert [c.passage_id for c in answer.citations] == [c.passage_id for c in clean.citations]


def test_a_document_with_invisible_characters_is_indexed_clean(tiny: Assistant):
    [passage] = [p for p in tiny.passages if "vänortssamarbeten" in p.text]
    assert "Kommunfullmäktige beslutar om vänortssamarbeten." in passage.text
    assert not any(ch in passage.text for ch in (ZWSP, SHY))
