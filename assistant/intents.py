"""Which guide a general question is about: the pre-trip checklist or the onboarding overview
(patterns as data in ``data/vocabulary/intents.csv``).

    >>> guide_kind("Vad ska jag tänka på inför en resa utomlands?")
    'checklist'
    >>> guide_kind("I was just elected. What do I need to know?")
    'onboarding'
"""

from __future__ import annotations

import re
from functools import lru_cache

from core import vocabulary
from core.text import fold, words


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (row["kind"], re.compile(row["pattern"], re.I)) for row in vocabulary.rows("intents.csv")
    )


@lru_cache(maxsize=1)
def _folded() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The same patterns for questions typed without å/ä/ö ("Maste man ...")."""
    return tuple(
        (row["kind"], re.compile(fold(row["pattern"]), re.I))
        for row in vocabulary.rows("intents.csv")
    )


def intent(kind: str, question: str) -> bool:
    """Whether ``question`` matches the pattern of ``kind`` (``who``, ``checklist``, ...), as
    typed or without å/ä/ö."""
    if any(k == kind and p.search(question) for k, p in _patterns()):
        return True
    folded = fold(question)
    return any(k == kind and p.search(folded) for k, p in _folded())


def spans(kind: str, question: str) -> list[tuple[int, int]]:
    """Where the patterns of ``kind`` match in ``question`` (character offsets)."""
    return [m.span() for k, p in _patterns() if k == kind for m in p.finditer(question)]


def frame_words(question: str) -> set[str]:
    """The words of the question inside a trip or onboarding phrase ("just elected",
    "official trip abroad"), and the words that frame such a question ("keep in mind",
    "innan"): the frame, not what the question is about."""
    kinds = ("checklist", "onboarding", "guide_frame") if guide_kind(question) else ()
    return {
        w
        for kind, pattern in _patterns()
        if kind in kinds
        for m in pattern.finditer(question)
        for w in words(m.group(0))
    }


def guide_kind(question: str) -> str | None:
    """``onboarding`` or ``checklist`` when the question is about one of them, else None.
    Onboarding wins: a newly elected politician asking about trips wants the overview."""
    kinds = {kind for kind, pattern in _patterns() if pattern.search(question)}
    for kind in ("onboarding", "checklist"):
        if kind in kinds:
            return kind
    return None
