"""Split a policy document on its own structure into citable passages.

The document is read as a sequence of blocks: headings (Markdown ``#``, whole-line bold, or,
in documents without Markdown headings, the plain one-line headings such texts use, like
``Syfte``), paragraphs and lists. Blocks are packed into passages that never cross a section
boundary, and a list always travels with the sentence (or heading) that introduces it: the
bullet ``vänortssamarbeten`` is useless without ``Landstingsfullmäktige beslutar om``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from core import vocabulary
from core.statements import is_finite_verb
from core.structure import BLOCK_SEPARATOR, LIST_MARK, TABLE_CELL, render_list, sentences

# ~3 characters per token for Swedish with an English word-piece vocabulary; the embedding
# model's 256-token window then holds about 750 characters with the section header.
DEFAULT_MAX_CHARS = 650
SECTION_SEP = " > "

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^\*{2,3}(.+?)\*{2,3}\s*$")
# "- item", "1. item", "a) item" (the lettered points of a paragraph in rules)
_LIST_ITEM = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)]|[a-zåäö]\))\s+(.*)$")
_HRULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_TOC_LINE = re.compile(r"\.{4,}\s*\d+\s*$")
_MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{2})(?=\S)(.+?)(?<=\S)\1")


@dataclass(slots=True)
class Block:
    kind: str  # "heading", "paragraph", "list"
    text: str = ""
    level: int = 0
    items: list[str] = field(default_factory=list)
    single_line: bool = True
    bold: bool = False  # a heading written as a whole-line bold paragraph
    numbered: str = ""  # a list's first line as written when it is numbered ("4. Ansvar")


@dataclass(frozen=True, slots=True)
class Chunk:
    """A passage before it is stored: its section (heading chain) and exact text."""

    section: str
    text: str
    position: int


# a Markdown footnote's label before its text ("[^2]: …", at a line's start) and its mark
# ("Rektorn[^3]", "nämnden[^1]: se bilaga": the colon is the sentence's)
_FOOTNOTE_LABEL = re.compile(r"^\s*\[\^[^\]\s]+\]:\s*")
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")


def clean_inline(text: str) -> str:
    """Remove Markdown markup that is not the document's words (emphasis, link targets,
    footnote marks)."""
    text = _FOOTNOTE.sub("", _FOOTNOTE_LABEL.sub("", text))
    text = _MD_LINK.sub(lambda m: m.group(1) or m.group(2), text)
    for _ in range(2):
        text = _EMPHASIS.sub(lambda m: m.group(2), text)
    text = text.replace("**", "")
    return re.sub(r"[ \t]+", " ", text).strip()


_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?$")


def _cells(line: str, filled: int = 2) -> list[str] | None:
    """The cells of a table row ("| Kommunstyrelsen | Beslutar om ... |", "A | B"), or None;
    ``filled``: how many must hold text (a later row may leave its first cell empty)."""
    stripped = line.strip()
    if "|" not in stripped or _TABLE_SEPARATOR.match(stripped):
        return None
    cells = [c.strip() for c in stripped.strip("|").split("|")]
    return cells if len(cells) >= 2 and sum(1 for c in cells if c) >= filled else None


_COLUMN_GAP = re.compile(r"\t+|[ \u00a0]{2,}")
_MARKER = r"(?:[-*+•–]|\d+[.)]|[a-zåäö][.)])"  # "-", "•", "1.", "2)", "a."
_LIST_MARKER = re.compile(rf"^{_MARKER}\s")


_ROW_INDENT = re.compile(r"^ {1,3}(?=\S)")
_MARKER_ONLY = re.compile(_MARKER)
_BULLET = re.compile(r"^[-*+•–]\s+")
_NUMBERED_ROW = re.compile(r"^ {0,3}\d+[.)] \S")


def _aligned_cells(line: str, row: bool = False) -> tuple[list[str], list[int]] | None:
    """The cells of a plain-text table row laid out in columns, and where each begins. A
    ``row`` under a table's first line may be indented a little and numbered (" 1. Beslut om
    resa      Närmaste chef"): the steps of a routine set in columns. A list stays a list:
    an item whose marker stands apart from its text ("1.  Kommunstyrelsen beslutar …")."""
    indent = _ROW_INDENT.match(line) if row else None
    body = line[indent.end() :] if indent else line
    if (
        not line.strip()
        or body[:1].isspace()
        or "|" in line
        or _TOC_LINE.search(line)
        or (not row and _LIST_MARKER.match(line))  # "-   item", "1.  item": a list
    ):
        return None
    if "\t" in line:  # tab-separated: the columns are the tabs', wherever they land
        cells = [c.strip() for c in line.rstrip(" \r\n").split("\t")]
        # a cell may be empty ("Rektor<tab><tab>se bilaga"), the first may not
        return (cells, list(range(len(cells)))) if len(cells) >= 2 and cells[0] else None
    cells, starts = _cells_at(body)
    if row:
        if _MARKER_ONLY.fullmatch(cells[0]):
            return None  # "1.  Kommunstyrelsen beslutar …": a list item, not a row
        cells[0] = _BULLET.sub("", cells[0])  # "- Anna Berg": the bullet is no part of it
        at = indent.end() if indent else 0
        starts = [0] + [at + start for start in starts[1:]]
    return (cells, starts) if len(cells) >= 2 and all(cells) else None


def _cells_at(line: str) -> tuple[list[str], list[int]]:
    cells, starts, at = [], [], 0
    for gap in [*_COLUMN_GAP.finditer(line.rstrip()), None]:
        end = gap.start() if gap else len(line.rstrip())
        cells.append(line[at:end].strip())
        starts.append(at)
        at = gap.end() if gap else at
    return cells, starts


_COLUMN_SLACK = 2
_RULE_ROW = re.compile(r"^[-=]{2,}(?:[ \t]+[-=]{2,})+\s*$")  # "----  --------  -----"


def _in_columns(
    row: tuple[list[str], list[int]], first: tuple[list[str], list[int]], slack: int = 0
) -> bool:
    """A row set in the first row's columns; it may leave its last cells empty ("3
    Studieresa …  Rektorn", with no remark), not add cells of its own. Its columns may start
    ``slack`` places off the header's (numbered rows typed by hand under "Steg      Ansvarig")."""
    starts = row[1]
    if len(starts) > len(first[1]):
        return False
    # more than half of the columns: "Anmälan:  Kanslichefen" under a wide table is a note
    return len(starts) * 2 > len(first[1]) and all(
        abs(a - b) <= slack for a, b in zip(starts, first[1][: len(starts)], strict=True)
    )


def aligned_tables(text: str) -> str:
    """A plain-text table whose columns are set with spaces or tabs ("Rektor      håller i
    …"), three rows or more with the same columns starting at the same places, written as a
    Markdown table with its first row as the header, so it is read as any other table. A
    rule of dashes under the header is its underline, not a row."""
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        first = _aligned_cells(lines[i])
        rows = [first[0]] if first else []
        j = i + 1
        if first and j < len(lines) and _RULE_ROW.match(lines[j]):
            j += 1
        while first and j < len(lines):
            row = _aligned_cells(lines[j], row=True)
            # a row typed by hand ("  2. Beslut …", "10. Sammanställning …") may stand a
            # place or two off; prose with two spaces after its full stops may not
            slack = _COLUMN_SLACK if _NUMBERED_ROW.match(lines[j]) else 0
            if row is None or not _in_columns(row, first, slack):
                break
            rows.append(row[0] + [""] * (len(first[0]) - len(row[0])))
            j += 1
        if len(rows) < 3:
            out.append(lines[i])
            i += 1
            continue
        out += ["", "| " + " | ".join(rows[0]) + " |", "|" + " --- |" * len(rows[0])]
        out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        out.append("")
        i = j
    return "\n".join(out)


def tables_as_lists(text: str) -> str:
    """A table (Markdown, or the rows HTML and DOCX converters write) is read as a list, one
    item a row, its cells joined by dashes ("Kommunstyrelsen – Beslutar om medlemskap"), its
    header row as the list's lead-in: a who-does-what table says what a list of duties does."""
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        rows: list[list[str]] = []
        header: list[str] | None = None
        j = i
        while j < len(lines):
            cells = _cells(lines[j], filled=1 if rows else 2)
            if cells is not None and (not rows or len(cells) == len(rows[0])):
                if rows and not cells[0]:  # a row under the same first cell
                    cells = [rows[-1][0], *cells[1:]]
                rows.append(cells)
                j += 1
            elif rows and _TABLE_SEPARATOR.match(lines[j].strip()) and len(rows) == 1:
                header = rows.pop()
                j += 1
            elif rows and not lines[j].strip():
                # DOCX rows come with blank lines between them
                k = next((k for k in range(j, len(lines)) if lines[k].strip()), len(lines))
                if k < len(lines) and _cells(lines[k], filled=1):
                    j = k
                else:
                    break
            else:
                break
        if len(rows) + (header is not None) < 2:
            out.append(lines[i])
            i += 1
            continue
        out.append("")
        if header is not None:  # a header's empty corner cell is no column name
            out.append(TABLE_CELL.join(_row_cells(header[1:] if not header[0] else header)) + ":")
        out.extend(LIST_MARK + TABLE_CELL.join(_row_cells(row)) for row in rows)
        out.append("")
        i = j
    return "\n".join(out)


def _row_cells(cells: list[str]) -> list[str]:
    """A row's cells as they are read: an empty cell inside the row keeps its column (as
    "–", the way tables say "none"), empty cells at its end are left out."""
    while cells and not cells[-1]:
        cells = cells[:-1]
    return [c or "–" for c in cells]


def parse_blocks(text: str) -> list[Block]:
    """Read lines into headings, paragraphs and lists (Markdown-aware, but not Markdown-only)."""
    text = tables_as_lists(aligned_tables(text))
    blocks: list[Block] = []
    para: list[str] = []
    last_md_level = 0

    def bold_level() -> int:
        # A whole-line bold heading nests under a heading with nothing under it yet, and is a
        # sibling of one that already has content (documents use bold as an extra level).
        last = next((b for b in reversed(blocks) if b.kind == "heading"), None)
        if last is None:
            return last_md_level + 1
        has_content = blocks[-1] is not last
        if not has_content:
            return last.level + 1
        return last.level if last.bold else max(last_md_level, 1)

    def flush() -> None:
        if not para:
            return
        first = para[0].strip()
        if (
            len(para) > 1
            and _SECTION_NUMBER.match(first)
            and len(first) <= 80
            and len(first.split()) <= 10
            and not re.search(r"[.,:;!?…]$", first)
            # a heading's words begin with a capital ("1.1 Syfte", "3 UPPGIFTER"); "15 000
            # kronor får användas till resor inom" is a wrapped sentence
            and _SECTION_NUMBER.sub("", first)[:1].isupper()
            and para[1].strip()[:1].isupper()
        ):
            # "1.1 Syfte" with its text on the next line, no blank line between: the
            # numbered line is a heading of its own
            blocks.append(Block("paragraph", clean_inline_lines(first)))
            para.pop(0)
        labelled = [
            i
            for i in range(len(para) - 1)
            if _label_line(para[i].strip(), para[i + 1].strip())
            and (i == 0 or re.search(r"[.!?:;]$", para[i - 1].strip()))
        ]
        if labelled:
            # "Beslut" over "Kommunstyrelsen beslutar att …" (minutes, forms): a label on a
            # line of its own, first or after a finished sentence, is not the first words of
            # the sentence under it, nor a heading
            lines, para[:] = list(para), []
            for i, line in enumerate(lines):
                if i in labelled:
                    flush()
                    blocks.append(
                        Block("paragraph", clean_inline_lines(line.strip()), single_line=False)
                    )
                else:
                    para.append(line)
        joined = ""
        for i, line in enumerate(para):
            if i:
                joined += "\n" if para[i - 1].endswith("  ") else " "
            joined += line.strip()
        text = clean_inline_lines(joined)
        single = len(para) == 1
        para.clear()
        if text.startswith("att ") and blocks and blocks[-1].kind in ("paragraph", "list"):
            # the "att"-clauses of a decision ("Kommunfullmäktige beslutar // att ..., // att
            # ...") are the items of a list under it
            if blocks[-1].kind == "list" and blocks[-1].items[-1].startswith("att "):
                blocks[-1].items.append(text)
            else:
                blocks.append(Block("list", items=[text]))
            return
        blocks.append(Block("paragraph", text, single_line=single))

    for raw in text.splitlines():
        line = raw.rstrip("\n")
        stripped = line.strip()
        if not stripped or _HRULE.match(stripped) or _TOC_LINE.search(stripped):
            flush()
            continue
        md = _MD_HEADING.match(stripped)
        bold = _BOLD_LINE.match(stripped)
        item = _LIST_ITEM.match(line)
        if md:
            flush()
            last_md_level = len(md.group(1))
            heading = clean_inline(md.group(2))
            if heading:
                blocks.append(Block("heading", heading, level=last_md_level))
        elif bold and not para:
            flush()
            blocks.append(
                Block("heading", clean_inline(bold.group(1)), level=bold_level(), bold=True)
            )
        elif item:
            flush()
            entry = clean_inline(item.group(1))
            numbered_item = stripped[:1].isdigit()
            # a bullet after a numbered line ("4. Ansvar", "- ...") starts a list of its own
            if blocks and blocks[-1].kind == "list" and bool(blocks[-1].numbered) == numbered_item:
                blocks[-1].items.append(entry)
            else:
                numbered = stripped if numbered_item else ""
                blocks.append(Block("list", items=[entry], numbered=clean_inline(numbered)))
        else:
            if not para and blocks and blocks[-1].kind == "list" and raw.startswith((" ", "\t")):
                blocks[-1].items[-1] += " " + clean_inline(stripped)  # a wrapped list item
                continue
            para.append(line)
    flush()
    return _merge_broken_paragraphs(blocks)


def clean_inline_lines(text: str) -> str:
    return "\n".join(clean_inline(line) for line in text.split("\n"))


def _merge_broken_paragraphs(blocks: list[Block]) -> list[Block]:
    """Join a paragraph split by a stray blank line (page breaks in converted PDFs):
    the first part ends mid-sentence and the second starts in lower case."""
    merged: list[Block] = []
    for block in blocks:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.kind == block.kind == "paragraph"
            and not re.search(r"[.!?:;)”\"]$", prev.text)
            and block.text[:1].islower()
        ):
            prev.text = f"{prev.text} {block.text}"
            prev.single_line = False
            continue
        merged.append(block)
    return merged


# "4. Ansvar", "2.3 Resor utanför Europa", "§ 3 Nätverk" (a paragraph of rules): a section
# number before a heading's words
_SECTION_NUMBER = re.compile(r"^(?:§\s?\d{1,3}[a-z]?|\d{1,2}(?:\.\d{1,2})*\.?)\s+(?=\S)")


MAX_LABEL_WORDS = 4  # "Beslut", "Beslutet skickas till": a label is a few words


def _label_line(first: str, second: str) -> bool:
    """A short line that labels the text under it, with no blank line between ("Ärendet",
    "Beslut"): a few words, capitalised, without end punctuation, at most half as long as the
    line after it (a wrapped sentence's first line is as long as the lines after it), and
    the line after it begins a sentence of its own."""
    tokens = first.split()
    last = tokens[-1].lower() if tokens else ""
    return (
        0 < len(tokens) <= MAX_LABEL_WORDS
        and first[:1].isupper()
        and second[:1].isupper()
        and not re.search(r"[.,:;!?…]$", first)
        and not _SECTION_NUMBER.match(first)
        and 2 * len(first) <= len(second)
        # a label of several words opens as labels do ("Förslag till beslut", "Beslutet
        # skickas till"); "Kommunstyrelsen i Lillby" / "Kommun ansvarar …" goes on
        and (len(tokens) == 1 or tokens[0].lower() in _LABEL_WORDS)
        # "Styrelsen för Region" / "Gotland beslutar …": a line that ends mid-phrase goes on
        and last not in _PREPOSITIONS
        and last not in _ORGANISATION_WORDS
        and last not in _ARTICLES
    )


_ARTICLES = frozenset(vocabulary.clause_words()["determiner"])
_ORGANISATION_WORDS = vocabulary.organisation_words()
_LABEL_WORDS = frozenset(vocabulary.clause_words()["label_word"])


def _reference_line(text: str) -> bool:
    """ "Dnr KS 2025/412", "Diarienummer: 2024-118": a case number, not a heading."""
    first = text.split()[0].lower().strip(".:") if text.split() else ""
    return first in _REFERENCE_LABELS


_REFERENCE_LABELS = frozenset(vocabulary.clause_words()["reference_label"])


def _looks_like_plain_heading(block: Block, furniture: set[str], before_list: bool) -> bool:
    text = block.text
    words = _SECTION_NUMBER.sub("", text).split()
    return (
        block.kind == "paragraph"
        and not _reference_line(text)
        and block.single_line
        and len(text) <= 80
        and 0 < len(words) <= 10
        and words[0][:1].isupper()
        # a numbered line may ask its question ("2. När ska kommunen delta?")
        and not re.search(r"[.,:;!…]$" if _SECTION_NUMBER.match(text) else r"[.,:;!?…]$", text)
        and text.lower() not in furniture
        # "Ett projekt ska", "Kommunfullmäktige beslutar" before a list is its lead-in (a
        # subject and its verb: "Fördelar" alone is a heading)
        and not (
            before_list
            and (
                words[-1].lower() in _MODALS
                or (len(words) >= 2 and is_finite_verb(words[-1]))
                # "Rådet beslutar om", then its points: a verb and its preposition ("Att tänka
                # på" and "Bra att känna till" are headings)
                or (
                    len(words) >= 2
                    and words[-1].lower() in _PREPOSITIONS
                    and any(is_finite_verb(w) for w in words[:-1])
                )
            )
        )
    )


_MODALS = frozenset(w for w in vocabulary.clause_words()["modal"] if " " not in w)
_PREPOSITIONS = frozenset(vocabulary.clause_words()["preposition"])


def promote_plain_headings(blocks: list[Block], furniture: set[str]) -> list[Block]:
    """In texts without Markdown headings, a short single line with no end punctuation,
    followed by content, is a heading. The first one is the document title."""
    if any(b.kind == "heading" for b in blocks):
        return blocks
    out: list[Block] = []
    seen_title = False
    for i, block in enumerate(blocks):
        has_content_after = i + 1 < len(blocks)
        before_list = has_content_after and blocks[i + 1].kind == "list"
        if block.kind == "list" and len(block.items) == 1 and block.numbered:
            # "4. Ansvar under projekttiden" alone on its line: a numbered heading
            line = Block("paragraph", block.numbered)
            if has_content_after and _looks_like_plain_heading(line, furniture, before_list):
                block = line
        if has_content_after and _looks_like_plain_heading(block, furniture, before_list):
            numbered = _SECTION_NUMBER.match(block.text)
            if numbered:
                # "2. Roller och ansvar", then "2.1 Direktionen": the numbering gives the depth
                depth = numbered.group().strip().rstrip(".").count(".") + 1
                out.append(Block("heading", block.text, level=1 + depth))
            else:
                out.append(Block("heading", block.text, level=2 if seen_title else 1))
            seen_title = True
        else:
            out.append(block)
    return out


def drop_furniture(blocks: list[Block], furniture: set[str]) -> list[Block]:
    """Page furniture: a paragraph that is only the organisation's name (a running footer)."""
    return [
        b for b in blocks if not (b.kind == "paragraph" and b.text.strip().lower() in furniture)
    ]


@dataclass(slots=True)
class _Unit:
    text: str
    lead_in: str = ""  # for lists: the sentence or heading that introduces the items
    items: list[str] = field(default_factory=list)


def _introduces_sections(unit: _Unit | None) -> str:
    """A paragraph that ends in a colon right before a heading introduces the sections that
    follow ("För enheten innebär fokusområdena följande:" over three sub-headings): its last
    sentence, or "" when the unit is not such a paragraph."""
    if unit is None or unit.items or not unit.text.rstrip().endswith(":"):
        return ""
    last = sentences(unit.text)
    return last[-1].strip() if last else ""


def _section_units(blocks: Iterable[Block]) -> Iterable[tuple[str, list[_Unit]]]:
    """Group blocks by section; attach each list to its introduction. A paragraph that
    introduces the headings after it stands in the path of those sections, until a heading
    above their level ends them."""
    path: list[tuple[float, str]] = []
    units: list[_Unit] = []
    last_heading_pending = ""  # a heading directly followed by content, not yet used

    def section() -> str:
        return SECTION_SEP.join(t for _, t in path)

    for block in blocks:
        if block.kind == "heading":
            # only for sections under or beside the paragraph's own, never above it (an
            # appendix heading after the last paragraph is no sub-section)
            deeper = bool(path) and block.level >= path[-1][0]
            introduction = _introduces_sections(units[-1] if units else None) if deeper else ""
            if units:
                yield section(), units
                units = []
            if introduction:
                while path and path[-1][0] >= block.level - 0.5:
                    path.pop()
                path.append((block.level - 0.5, introduction))
            while path and path[-1][0] >= block.level:
                path.pop()
            path.append((block.level, block.text))
            last_heading_pending = block.text
            continue
        if block.kind == "paragraph":
            units.append(_Unit(block.text))
        else:  # list
            lead = units.pop().text if units and not units[-1].items else last_heading_pending
            units.append(_Unit("", lead_in=lead, items=list(block.items)))
        last_heading_pending = ""
    if units:
        yield section(), units


def _split_unit(unit: _Unit, max_chars: int) -> list[str]:
    """A unit longer than a passage: lists split between items (each part keeps the lead-in),
    paragraphs between sentences."""
    if unit.items:
        parts: list[str] = []
        current: list[str] = []
        for item in unit.items:
            if current and len(render_list(unit.lead_in, [*current, item])) > max_chars:
                parts.append(render_list(unit.lead_in, current))
                current = []
            current.append(item)
        if current:
            parts.append(render_list(unit.lead_in, current))
        return parts
    text = unit.text
    if len(text) <= max_chars:
        return [text]
    parts, current_text = [], ""
    pieces: list[str] = []
    for sentence in sentences(text):
        while len(sentence) > max_chars:  # no sentence boundary: cut between words
            cut = sentence.rfind(" ", 0, max_chars)
            cut = cut if cut > 0 else max_chars
            pieces.append(sentence[:cut])
            sentence = sentence[cut:].strip()
        pieces.append(sentence)
    for sentence in pieces:
        candidate = f"{current_text} {sentence}".strip()
        if current_text and len(candidate) > max_chars:
            parts.append(current_text)
            current_text = sentence
        else:
            current_text = candidate
    if current_text:
        parts.append(current_text)
    return parts


def chunk_blocks(blocks: list[Block], *, max_chars: int = DEFAULT_MAX_CHARS) -> list[Chunk]:
    chunks: list[Chunk] = []
    for section, units in _section_units(blocks):
        pieces: list[str] = []
        for unit in units:
            text = render_list(unit.lead_in, unit.items) if unit.items else unit.text
            pieces.extend(_split_unit(unit, max_chars) if len(text) > max_chars else [text])
        current = ""
        for piece in pieces:
            if current and len(current) + len(BLOCK_SEPARATOR) + len(piece) > max_chars:
                chunks.append(Chunk(section, current, len(chunks)))
                current = piece
            else:
                current = f"{current}{BLOCK_SEPARATOR}{piece}" if current else piece
        if current:
            chunks.append(Chunk(section, current, len(chunks)))
    return chunks


def chunk_text(
    text: str,
    *,
    furniture: Iterable[str] = (),
    max_chars: int = DEFAULT_MAX_CHARS,
    fits: Callable[[str], bool] | None = None,
) -> list[Chunk]:
    """Passages of ``text``. ``furniture``: lines to drop (the organisation's own name as a
    running footer). ``fits``: an optional check against the embedding model's window; a
    passage that does not fit is re-split with a smaller size."""
    furniture_set = {f.strip().lower() for f in furniture if f.strip()}
    blocks = parse_blocks(text)
    blocks = drop_furniture(promote_plain_headings(blocks, furniture_set), furniture_set)
    chunks = chunk_blocks(blocks, max_chars=max_chars)
    if fits is not None and max_chars > 200 and not all(fits(c.text) for c in chunks):
        return chunk_text(text, furniture=furniture_set, max_chars=int(max_chars * 0.8), fits=fits)
    return chunks
