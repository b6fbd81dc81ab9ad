"""Every supported format loads; every kind of bad file is refused with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import DocumentError
from ingest.loaders import load
from tests.helpers import write_docx, write_encrypted_pdf, write_pdf, write_zip_bomb_docx

MB = 1024 * 1024


def test_markdown_and_plain_text_load_as_utf8(tmp_path: Path):
    path = tmp_path / "p.md"
    path.write_text("# Syfte\n\nVänortssamarbete.\n", encoding="utf-8")
    loaded = load(path, max_bytes=MB)
    assert loaded.text.startswith("# Syfte") and loaded.format == "markdown"


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "utf-8-sig", "cp1252"])
def test_other_text_encodings_are_detected(tmp_path: Path, encoding: str):
    path = tmp_path / "p.txt"
    text = "Syfte\n\nLandstingsfullmäktige beslutar om vänortssamarbeten och förvaltningschefernas ansvar för kontakter med utländska gäster.\n"
    path.write_bytes(text.encode(encoding))
    assert load(path, max_bytes=MB).text.strip() == text.strip()


def test_pdf_text_is_extracted(tmp_path: Path):
    path = write_pdf(
        tmp_path / "p.pdf", ["Internationell policy", "Kommunstyrelsen svarar for kontakter."]
    )
    loaded = load(path, max_bytes=MB)
    assert "Kommunstyrelsen svarar" in loaded.text and loaded.format == "pdf"


def test_docx_headings_and_bullets_keep_their_structure(tmp_path: Path):
    path = write_docx(
        tmp_path / "p.docx", "Ansvar", ["Kommunstyrelsen svarar för:"], ["Officiella kontakter"]
    )
    text = load(path, max_bytes=MB).text
    assert "# Ansvar" in text and "- Officiella kontakter" in text


def test_html_becomes_text_without_markup(tmp_path: Path):
    path = tmp_path / "p.html"
    path.write_text(
        "<html><body><h2>Syfte</h2><p>Goda <b>ambassadörer</b>.</p><script>x()</script></body></html>",
        encoding="utf-8",
    )
    text = load(path, max_bytes=MB).text
    assert "## Syfte" in text and "ambassadörer" in text and "<p>" not in text


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("empty.md", lambda p: p.write_bytes(b""), "empty"),
        ("blank.txt", lambda p: p.write_text("   \n\n  ", encoding="utf-8"), "no text"),
        ("broken.pdf", lambda p: p.write_bytes(b"%PDF-1.4\nnot really a pdf\x00\x01"), "damaged"),
        ("locked.pdf", write_encrypted_pdf, "encrypted"),
        ("bomb.docx", write_zip_bomb_docx, "zip bomb"),
        ("broken.docx", lambda p: p.write_bytes(b"PK\x03\x04 not a zip"), "damaged"),
        ("program.txt", lambda p: p.write_bytes(bytes(range(256)) * 20), "binary"),
        ("big.md", lambda p: p.write_bytes(b"a" * (MB + 1)), "limit"),
        ("slides.pptx", lambda p: p.write_bytes(b"PK"), "unsupported"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path: Path, name, make, reason):
    path = tmp_path / name
    make(path)
    with pytest.raises(DocumentError, match=reason):
        load(path, max_bytes=MB)
