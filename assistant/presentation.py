"""Turning answers and documents into safe Markdown for the chat, and into exports.

Everything that came from a document or a user is escaped: Markdown, HTML, Streamlit's
``:color[...]`` directives and ``$`` math all show as the characters they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from core.text import stem, stopwords, words
from core.types import Answer, Citation

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=^\"'])")
_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+")


def escape_markdown(text: str) -> str:
    """Backslash-escape every character Markdown or Streamlit could interpret."""
    return _SPECIAL.sub(r"\\\1", text)


def text_block(text: str) -> str:
    """Escaped text whose line breaks survive Markdown rendering."""
    return "  \n".join(escape_markdown(line) for line in text.split("\n"))


def highlight(text: str, question: str) -> str:
    """Escaped text with the words that match the question (by Swedish stem or prefix) in bold."""
    wanted = {
        stem(w)
        for w in words(question)
        if w not in stopwords("sv") | stopwords("en") and len(w) > 2
    }

    def matches(word: str) -> bool:
        s = stem(word.lower())
        return any(s == w or (len(w) >= 5 and s.startswith(w)) for w in wanted)

    lines = []
    for line in text.split("\n"):
        out, pos = [], 0
        for m in _WORD.finditer(line):
            out.append(escape_markdown(line[pos : m.start()]))
            word = escape_markdown(m.group(0))
            out.append(f"**{word}**" if matches(m.group(0)) else word)
            pos = m.end()
        out.append(escape_markdown(line[pos:]))
        lines.append("".join(out))
    return "  \n".join(lines)


@dataclass(slots=True)
class Turn:
    question: str
    answer: Answer


def conversation_markdown(turns: Sequence[Turn], *, title: str = "Policy assistant") -> str:
    """The conversation with its sources, as a Markdown document to download.

    Escaped as the chat is: a document's ``<script>``, ``<img onerror=…>`` or
    ``[link](javascript:…)`` is text in any Markdown viewer the file is opened in."""
    parts = [f"# {escape_markdown(title)}", ""]
    for i, turn in enumerate(turns, 1):
        parts += [
            f"## {i}. {escape_markdown(turn.question)}",
            "",
            text_block(turn.answer.text),
            "",
        ]
        if turn.answer.notice:
            parts += [f"_{escape_markdown(turn.answer.notice)}_", ""]
        for c in turn.answer.citations:
            note = f" ({c.validity_note})" if c.validity_note else ""
            head = escape_markdown(f"[{c.n}] {c.organisation} – {c.document}{note}")
            parts.append(f"**{head}**, {escape_markdown(f'{c.section} ({c.source})')}")
            parts += ["", *[f"> {escape_markdown(line)}" for line in c.text.split("\n")], ""]
    return "\n".join(parts)


def citation_label(c: Citation) -> str:
    section = c.section.split(" > ")[-1] if c.section else ""
    label = f"[{c.n}] {c.organisation} – {c.document}"
    return f"{label} – {section}" if section else label


def section_text(passages: Iterable, doc_id: str, section: str) -> str:
    """All passages of one section, in order: the citation in its context."""
    chosen = sorted(
        (p for p in passages if p.doc_id == doc_id and p.section == section),
        key=lambda p: p.position,
    )
    return "\n\n".join(p.text for p in chosen)
