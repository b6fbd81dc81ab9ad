"""Answer feedback (helpful or not, optional comment), kept in SQLite for the team to review."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from core.types import Answer

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    language TEXT NOT NULL,
    abstained INTEGER NOT NULL,
    citations TEXT NOT NULL,
    helpful INTEGER NOT NULL,
    comment TEXT NOT NULL DEFAULT ''
)
"""


@dataclass(frozen=True, slots=True)
class FeedbackRow:
    id: int
    created: str
    question: str
    answer: str
    helpful: bool
    comment: str
    citations: list[dict]


class FeedbackStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def record(self, question: str, answer: Answer, *, helpful: bool, comment: str = "") -> int:
        citations = json.dumps([c.to_json() for c in answer.citations], ensure_ascii=False)
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO feedback (created, question, answer, language, abstained, citations, helpful, comment)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    question,
                    answer.text,
                    answer.language,
                    int(answer.abstained),
                    citations,
                    int(helpful),
                    comment.strip()[:2000],
                ),
            )
            return int(cursor.lastrowid or 0)

    def rows(self) -> list[FeedbackRow]:
        with self._connect() as db:
            found = db.execute(
                "SELECT id, created, question, answer, helpful, comment, citations FROM feedback ORDER BY id"
            ).fetchall()
        return [
            FeedbackRow(r[0], r[1], r[2], r[3], bool(r[4]), r[5], json.loads(r[6])) for r in found
        ]
