"""Turning answers and documents into safe Markdown for the chat, and into exports.

Everything that came from a document or a user is escaped: Markdown, HTML, Streamlit's
``:color[...]`` directives and ``$`` math all show as the characters they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from assistant.intents import guide_kind
from core import messages, vocabulary
from core.glossary import Glossary
from core.normalize import normalize_text
from core.text import stem, stopwords, words
from core.types import Answer, Citation, Passage, Responsibility

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


def section_text(passages: Iterable[Passage], doc_id: str, section: str) -> str:
    """All passages of one section, in order: the citation in its context."""
    chosen = sorted(
        (p for p in passages if p.doc_id == doc_id and p.section == section),
        key=lambda p: p.position,
    )
    return "\n\n".join(p.text for p in chosen)


# -- the chat's answer: direct answer first, sources as cards ------------------------------

_MARKER = re.compile(r"\\\[(\d{1,2})\\\]")  # "[1]" as escape_markdown leaves it
VALIDITY_BADGES = {  # DocumentMeta.validity() -> (badge colour, message key)
    "in_force": ("green", "badge_in_force"),
    "expired": ("red", "badge_expired"),
    "not_yet": ("orange", "badge_not_yet"),
    "unknown": ("gray", "badge_unknown"),
}


LABEL_SECTION_CHARS = 60  # a longer heading is cut in the card's label (shown whole inside)


def source_key(scope: str | int, n: int) -> str:
    """The widget key (and CSS class ``st-key-…``, and link anchor) of one source card."""
    return f"src_{scope}_{n}"


def link_citations(markdown: str, keys: Mapping[int, str], title: Callable[[int], str]) -> str:
    """Escaped Markdown whose ``[n]`` markers link to their source cards (``#src_…``).

    Only numbers with a card are linked; everything else stays text. The link target and its
    title are made here, never taken from a document."""

    def link(m: re.Match[str]) -> str:
        n = int(m.group(1))
        if n not in keys:
            return m.group(0)
        return f'[\\[{n}\\]](#{keys[n]} "{escape_markdown(title(n))}")'

    return _MARKER.sub(link, markdown)


def quoted(text: str, lang: str) -> str:
    """Document text as a quotation, escaped, with the language's quotation marks."""
    t = messages.table(lang)
    return f"{t['quote_open']}{escape_markdown(text)}{t['quote_close']}"


def quoted_block(text: str, lang: str) -> str:
    """Like ``quoted``, for text of several lines (a list with its lead-in)."""
    t = messages.table(lang)
    return f"{t['quote_open']}{text_block(text)}{t['quote_close']}"


def blockquote(markdown: str) -> str:
    """Escaped Markdown (lines joined by hard breaks) as one quotation block."""
    return "\n".join(f"> {line}" if line.strip() else ">" for line in markdown.split("\n"))


def validity_badge(status: str, lang: str) -> str:
    colour, key = VALIDITY_BADGES.get(status, VALIDITY_BADGES["unknown"])
    return f":{colour}-badge[{messages.text(key, lang)}]"


def section_tail(section: str) -> str:
    return section.split(" > ")[-1] if section else ""


def card_label(c: Citation, status: str, lang: str) -> str:
    """A source card's one line: number, organisation, document, section, validity badge.
    Document words are escaped and quoted (they are evidence, in Swedish)."""
    parts = [f"**\\[{c.n}\\]**", escape_markdown(c.organisation), "·", quoted(c.document, lang)]
    tail = section_tail(c.section)
    if len(tail) > LABEL_SECTION_CHARS:
        tail = tail[:LABEL_SECTION_CHARS].rsplit(" ", 1)[0] + " …"
    if tail and tail != c.document:
        parts += ["·", quoted(tail, lang)]
    return " ".join(parts) + " " + validity_badge(status, lang)


def answer_parts(answer: Answer) -> tuple[str, str]:
    """(the direct answer, the rest of the text) of an answer that is not a refusal.

    The extractive answer starts with its lead; an LLM's verified answer is all direct."""
    if answer.answerer != "extractive" or not answer.lead:
        return answer.text, ""
    if answer.text.startswith(answer.lead):
        return answer.lead, answer.text[len(answer.lead) :].strip("\n")
    return answer.lead, answer.text


def refusal_message(answer: Answer) -> str:
    """What a refusal says about its case (its first line, in the question's language)."""
    return answer.text.split("\n", 1)[0]


def whole_section(
    passages: Iterable[Passage], doc_id: str, section: str
) -> tuple[str, list[Passage]]:
    """The section a passage belongs to, with all its passages (subsections included).

    A heading that holds a single passage (a bold lead-in line read as a heading, say) is no
    context: then the section above it is shown, up to but not including the document as a
    whole. Returns (section path, passages in document order)."""
    doc = sorted((p for p in passages if p.doc_id == doc_id), key=lambda p: p.position)

    def within(path: str) -> list[Passage]:
        return [p for p in doc if p.section == path or p.section.startswith(path + " > ")]

    current, chosen = section, within(section)
    while len(chosen) <= 1 and " > " in current:
        parent = current.rsplit(" > ", 1)[0]
        wider = within(parent)
        if len(wider) == len(doc):
            break
        current, chosen = parent, wider
    return current, chosen


def section_markdown(chosen: Sequence[Passage], section: str, question: str) -> str:
    """A whole section as one quotation: subsection headings in bold, matched words too."""
    parts: list[str] = []
    heading = section
    for p in chosen:
        if p.section != heading:
            heading = p.section
            below = p.section[len(section) :].lstrip(" >") if p.section.startswith(section) else ""
            # a bold lead-in line read as a heading is already the passage's first line
            if below and not p.text.startswith(section_tail(below).rstrip(":")):
                parts.append(f"**{escape_markdown(below.replace(' > ', ' › '))}**")
        parts.append(highlight(p.text, question))
    return blockquote("\n\n".join(parts))


# -- questions ------------------------------------------------------------------------------


def question_problem(text: str | None, limit: int, lang: str) -> str | None:
    """Why a question cannot be sent as typed (empty, too long), in the user's language;
    measured as the assistant measures it, so that it never refuses what the chat let through."""
    cleaned = re.sub(r"\s+", " ", normalize_text(text or "")).strip()
    if not cleaned:
        return messages.text("question_empty", lang)
    if len(cleaned) > limit:
        return messages.text(
            "question_too_long",
            lang,
            length=messages.number(len(cleaned), lang),
            limit=messages.number(limit, lang),
        )
    return None


def guide_links(answer: Answer, question: str, organisation: str) -> list[tuple[str, str]]:
    """(guide, organisation) pairs to offer under an answer about a trip or about being newly
    elected (``assistant.intents``, words in ``data/vocabulary/intents.csv``): the
    organisation chosen in the sidebar, else the one the answer cites first ("" for none)."""
    if answer.refusal == "off_task":
        return []
    kind = guide_kind(question) or guide_kind(answer.resolved_question)
    org = organisation or next((c.organisation for c in answer.citations), "")
    return [(kind, org)] if kind else []


# -- the responsibility map ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MapRow:
    organisation: str
    organ: str
    relation: str  # as shown: Swedish, or its English rendering
    matter: str
    gloss: str  # English glossary terms for the organ and the matter
    section: str
    document: str
    passage_text: str
    search: str  # everything a search may match, lower-case, both languages


def map_rows(rows: Iterable[Responsibility], glossary: Glossary, lang: str) -> list[MapRow]:
    """The map as table rows in ``lang``, each searchable in Swedish and English (relation in
    both, and every English term of the glossary entries its organ and matter contain)."""
    relations = vocabulary.relations()
    out = []
    for r in rows:
        english_relation = relations.to_english(r.relation)
        entries = [m.entry for m in glossary.find(f"{r.organ} . {r.matter}", "sv")]
        glosses = list(dict.fromkeys(e.english[0] for e in entries))
        every_english = [term for e in entries for term in e.english]
        search = " ".join(
            [r.organisation, r.organ, r.relation, english_relation, r.matter, r.section]
            + every_english
        )
        out.append(
            MapRow(
                organisation=r.organisation,
                organ=r.organ,
                relation=r.relation if lang == "sv" else english_relation,
                matter=r.matter,
                gloss="; ".join(glosses),
                section=section_tail(r.section),
                document=r.document,
                passage_text=r.passage_text,
                search=search.lower(),
            )
        )
    return out


def filter_map(rows: Iterable[MapRow], needle: str) -> list[MapRow]:
    """Rows that contain every word of ``needle`` (Swedish or English, any case)."""
    wanted = needle.lower().split()
    return [r for r in rows if all(w in r.search for w in wanted)]


def responsibility_line(r: Responsibility, lang: str) -> str:
    """ "Landstingsfullmäktige beslutar om vänortssamarbeten" as a list item: in Swedish as
    the policy says it; in English with the relation translated and the Swedish words quoted."""
    if lang == "sv":
        return escape_markdown(r.sentence("sv"))
    relation = vocabulary.relations().to_english(r.relation)
    return f"{quoted(r.organ, lang)} {escape_markdown(relation)} {quoted(r.matter, lang)}"
