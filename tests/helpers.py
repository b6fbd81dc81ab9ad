"""Builders for test documents of every supported kind (made here, not shipped)."""

from __future__ import annotations

import io
import socket
import zipfile
from pathlib import Path
from typing import Any

from core.settings import DEFAULT_DATA_DIR, Settings


def write_pdf(path: Path, lines: list[str]) -> Path:
    """A minimal, valid one-page PDF whose text pypdf can extract."""
    text_ops = ["BT", "/F1 12 Tf", "72 720 Td", "14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        text_ops.append(f"({escaped}) Tj T*")
    text_ops.append("ET")
    stream = "\n".join(text_ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    path.write_bytes(out.getvalue())
    return path


def write_encrypted_pdf(path: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="hemligt", owner_password="ägare", algorithm="RC4-128")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def write_docx(path: Path, heading: str, paragraphs: list[str], bullets: list[str]) -> Path:
    import docx

    document = docx.Document()
    document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    for text in bullets:
        document.add_paragraph(text, style="List Bullet")
    document.save(str(path))
    return path


def write_zip_bomb_docx(path: Path, unpacked_mb: int = 40) -> Path:
    """A .docx whose one member unpacks to ``unpacked_mb`` MB of zeros (a few KB packed)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(unpacked_mb):
                member.write(chunk)
    return path


def free_port() -> int:
    """A TCP port on localhost that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def library_settings(root: Path, library: Path, **overrides: Any) -> Settings:
    """Settings for a policy library in a temporary folder: its own index under ``root``, the
    project's glossary, the meaning-free hash embedder unless another model is given."""
    values: dict[str, Any] = {
        "data_dir": root,
        "policies_dir": library,
        "index_dir": root / "index",
        "embedding_model": "hash",
        "glossary_path": DEFAULT_DATA_DIR / "glossary.csv",
    }
    return Settings(**{**values, **overrides})


def point_cli_at(monkeypatch: Any, settings: Settings) -> None:
    """Environment variables that make the command line use ``settings``' library and index
    with the hash embedder, as an operator would set them."""
    for key, value in {
        "DATA_DIR": settings.data_dir,
        "POLICIES_DIR": settings.policies_path,
        "INDEX_DIR": settings.index_path,
        "EMBEDDING_MODEL": "hash",
    }.items():
        monkeypatch.setenv(f"POLICY_ASSISTANT_{key}", str(value))
