"""One normal form for every text the assistant reads: documents at load, questions as asked.

Invisible characters must not change an answer: a zero-width space or a soft hyphen inside
``vänort`` would otherwise split the word, and a right-to-left mark would hide it from the
index. Kept free of project imports so that any module (or a later layout) can use it.
"""

from __future__ import annotations

import unicodedata

_KEEP = frozenset("\n\t")
SOFT_HYPHEN = "\u00ad"


def normalize_text(text: str) -> str:
    """``text`` in Unicode NFC, without format characters (category Cf: zero-width space and
    joiners, direction marks, BOMs) or soft hyphens, and with every other control character
    except newline and tab replaced by a space."""
    out: list[str] = []
    for ch in text:
        if ch in _KEEP:
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if category == "Cf" or ch == SOFT_HYPHEN:
            continue
        out.append(" " if category == "Cc" else ch)
    # After the removal, so that a letter and its combining mark, once split by an invisible
    # character, compose again ("a", ZWSP, ring above -> "å").
    return unicodedata.normalize("NFC", "".join(out))
