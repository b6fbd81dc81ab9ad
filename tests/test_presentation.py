"""The Markdown export carries no active content from documents: what a document says is
escaped as it is in the chat, so any Markdown viewer shows it as text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.presentation import Turn, conversation_markdown
from assistant.service import Assistant
from core.types import Answer, Citation
from ingest.indexer import ingest
from tests.helpers import library_settings

# Active content as it survives ingest into a passage (Markdown links lose their targets in
# chunking; raw HTML and autolinks do not).
PAYLOADS = (
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(3)">läs mer</a>',
    "<javascript:alert(2)>",
)


@pytest.fixture
def export(tmp_path: Path, hash_embedder) -> str:
    """The export of one question answered from a made-up document holding all three payloads."""
    library = tmp_path / "policies"
    library.mkdir()
    (library / "ond.md").write_text(
        "# Internationell policy för Region Exempel\n\n## Vänorter\n\n"
        f"Regionfullmäktige beslutar om vänorter. {PAYLOADS[0]}\n\n"
        f"Regionstyrelsen ansvarar för vänorternas kontakter {PAYLOADS[1]} {PAYLOADS[2]} "
        f"{PAYLOADS[3]}\n",
        encoding="utf-8",
    )
    settings = library_settings(tmp_path, library)
    ingest(settings, embedder=hash_embedder)
    question = "Vem beslutar om vänorter? <script>alert('fråga')</script>"
    answer = Assistant(settings, embedder=hash_embedder).ask(question)
    assert not answer.abstained
    quoted = "\n".join(c.text for c in answer.citations)
    assert all(payload in quoted for payload in PAYLOADS)  # the document's words, as they are
    return conversation_markdown([Turn(question, answer)], title="Policy <b>assistant</b>")


def test_the_export_has_no_raw_html_or_javascript_links(export: str):
    assert not re.search(r"(?<!\\)<", export)  # every "<" escaped: no tag, no autolink
    assert "\\<script\\>alert\\(\\'x\\'\\)\\</script\\>" in export  # shown, as text
    assert '\\<img src\\=x onerror\\=\\"alert\\(1\\)\\"\\>' in export
    assert '\\<a href\\=\\"javascript\\:alert\\(3\\)\\"\\>' in export
    assert "\\<javascript\\:alert\\(2\\)\\>" in export


def render(markdown: str) -> str:
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark", {"html": True}).render(markdown)


def test_a_markdown_renderer_shows_the_payloads_as_text(export: str):
    html = render(export)
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "<a" not in html and "javascript:alert(3)" in html  # text, not a link
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html.replace("&#39;", "'")
    assert "<blockquote>" in html and "<h2>1. Vem beslutar om vänorter?" in html


def test_markdown_links_and_html_in_any_field_of_a_turn_stay_text():
    payload = "[läs mer](javascript:alert(1)) <script>x()</script> ![](x onerror=alert(1))"
    citation = Citation(
        n=1,
        organisation=f"Region {payload}",
        document=payload,
        section=payload,
        source="`ond`.md",
        text=f"Rad ett {payload}\n- {payload}",
        score=1.0,
        validity_note=payload,
    )
    answer = Answer(
        text=f"Svar {payload} [1]",
        language="sv",
        abstained=False,
        citations=[citation],
        notice=payload,
    )
    html = render(conversation_markdown([Turn(payload, answer)], title=payload))
    assert "<script" not in html and "<img" not in html
    assert "<a" not in html and "<code>" not in html
