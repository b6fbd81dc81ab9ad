"""Vocabulary the method uses, read from data files beside the glossary (``data/vocabulary/``).

Knowledge of how Swedish policies phrase things lives in these files, not in code, so a site
can extend it for its own documents without touching the program.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from core.settings import PROJECT_ROOT

VOCABULARY_DIR = PROJECT_ROOT / "data" / "vocabulary"


def rows(name: str) -> list[dict[str, str]]:
    """The rows of a CSV vocabulary file (lines starting with # are comments)."""
    path = VOCABULARY_DIR / name
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            {k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(line for line in fh if not line.startswith("#"))
        ]


@dataclass(frozen=True, slots=True)
class Relations:
    """How a responsibility is phrased: surface phrase -> normalised Swedish relation, and the
    English rendering of each normalised relation."""

    phrases: dict[str, str]
    english: dict[str, str]

    def to_english(self, relation: str) -> str:
        return self.english.get(relation, relation)


@lru_cache(maxsize=1)
def relations() -> Relations:
    table = rows("relations.csv")
    return Relations(
        phrases={r["phrase"]: r["relation"] for r in table},
        english={r["relation"]: r["english"] for r in table},
    )


@lru_cache(maxsize=2)
def question_words(lang: str) -> frozenset[str]:
    """Words that frame a question without saying what it is about ("enligt", "tell")."""
    return frozenset(
        w for row in rows("question_words.csv") if row["lang"] == lang for w in row["words"].split()
    )
