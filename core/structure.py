"""The structure of a passage's text, owned in one place.

A stored passage is blocks separated by a blank line; a block is a paragraph, a list
(lines starting with ``- ``, after the sentence that introduces it: its lead-in), or lines
that belong together (an address). Chunking writes this form; answering, the
responsibility statements, the guides and the LLM check all read it back through
``units()`` and ``sentences()``, so a change here changes all of them together::

    >>> [u.lead_in for u in units("Styrelsen beslutar om:\\n- resor\\n- medlemskap")]
    ['Styrelsen beslutar om:']
    >>> sentences("Syftet är tydligt. Nämnden beslutar. 2. Uppföljning sker årligen.")
    ['Syftet är tydligt.', 'Nämnden beslutar.', '2. Uppföljning sker årligen.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

BLOCK_SEPARATOR = "\n\n"
LIST_MARK = "- "
# how a table row's cells are joined when the table is read as a list (ingest/chunking.py);
# the responsibility rules split rows on it (core/statements.py)
TABLE_CELL = " – "

# A sentence ends at . ! or ? followed by space and a capital, a digit or a quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖÉ0-9\"”])")


# In a reply that is still arriving: a sentence is complete at . ! or ? (with any [n] citation
# markers after it) followed by white space and not a lower-case letter, or at a line break.
_STREAM_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?:\s*\[\d{1,2}\])*[ \t]+(?=[^\s\[a-zåäö])|[ \t]*\n\s*"
)


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[tuple[str, bool], ...]:
    from core import vocabulary

    return tuple(
        (r["abbreviation"].lower(), r.get("before") == "digit")
        for r in vocabulary.rows("abbreviations.csv")
    )


def _after_abbreviation(text: str, following: str = "") -> bool:
    """``text`` ends in an abbreviation's full stop ("t.ex."), not a sentence's; one that
    stands only before a number ("kap. 7") when ``following`` starts with a digit."""
    tail = text.rstrip().lower()
    next_is_digit = following.lstrip()[:1].isdigit()
    return any(
        tail.endswith(a)
        and (len(tail) == len(a) or not tail[-len(a) - 1].isalnum())
        and (next_is_digit or not digit_only)
        for a, digit_only in _abbreviations()
    )


def first_sentence_end(buffer: str) -> int | None:
    """Where the first complete sentence of a streamed ``buffer`` ends, or None."""
    for match in _STREAM_SENTENCE_END.finditer(buffer):
        before, after = buffer[: match.start()], buffer[match.end() :]
        if "\n" in match.group(0) or not _after_abbreviation(before, after):
            return match.end()
    return None


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph (or of any running text), in order, stripped. A full
    stop after an abbreviation ("t.ex.", "kap.") does not end one."""
    out: list[str] = []
    for piece in _SENTENCE_END.split(text):
        piece = piece.strip()
        if not piece:
            continue
        if out and _after_abbreviation(out[-1], piece):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


@dataclass(frozen=True, slots=True)
class Unit:
    """A quotable piece of a passage: a sentence, a list with its lead-in, or a line block."""

    text: str
    lead_in: str = ""
    items: tuple[str, ...] = ()
    opens_block: bool = False  # the first unit of its paragraph, list or line block

    @property
    def whole(self) -> str:
        """All its words: the sentence, or the lead-in with its items."""
        return self.text or " ".join([self.lead_in, *self.items])

    @property
    def is_list(self) -> bool:
        return bool(self.items)


def render_list(lead_in: str, items: list[str] | tuple[str, ...]) -> str:
    """A list block in the stored form."""
    lines = [lead_in] if lead_in else []
    return "\n".join([*lines, *(f"{LIST_MARK}{item}" for item in items)])


def blocks(text: str) -> list[list[str]]:
    """The non-empty lines of each block."""
    out = []
    for block in text.split(BLOCK_SEPARATOR):
        lines = [line for line in block.split("\n") if line.strip()]
        if lines:
            out.append(lines)
    return out


def units(text: str) -> list[Unit]:
    """A passage's quotable units, in order."""
    found: list[Unit] = []
    for lines in blocks(text):
        if any(line.startswith(LIST_MARK) for line in lines):
            lead = " ".join(line for line in lines if not line.startswith(LIST_MARK))
            items = tuple(line[len(LIST_MARK) :] for line in lines if line.startswith(LIST_MARK))
            found.append(Unit("", lead, items, opens_block=True))
        elif len(lines) > 1:  # an address or contact block: lines belong together
            found.append(Unit("\n".join(lines), opens_block=True))
        else:
            found.extend(Unit(s, opens_block=i == 0) for i, s in enumerate(sentences(lines[0])))
    return found
