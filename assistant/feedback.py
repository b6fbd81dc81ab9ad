"""Answer feedback (helpful or not, optional comment), kept in SQLite for the team to review."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from core.errors import FeedbackError
from core.types import Answer

log = logging.getLogger(__name__)
T = TypeVar("T")

# Seconds SQLite waits for another writer, and how often a still-locked write is tried again:
# together a few seconds, short enough for a person waiting on a button.
BUSY_TIMEOUT = 1.0
ATTEMPTS = 3
RETRY_PAUSE = 0.2

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
    """Feedback rows in SQLite, in WAL mode (readers never block the one writer) with a busy
    timeout. A database that stays locked, or cannot be written, raises FeedbackError with a
    short message (never a sqlite3 traceback); ``reason`` says which, for the app."""

    def __init__(
        self, path: Path, *, busy_timeout: float = BUSY_TIMEOUT, attempts: int = ATTEMPTS
    ) -> None:
        self.path = path
        self.busy_timeout = busy_timeout
        self.attempts = max(1, attempts)
        self._ready = False

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self.busy_timeout)
        db.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
        return db

    def _setup(self, db: sqlite3.Connection) -> None:
        if not self._ready:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute(_SCHEMA)
            db.commit()
            self._ready = True

    def _run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """``work`` in one transaction, tried again while the database is locked."""
        for attempt in range(1, self.attempts + 1):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = self._connect()
                try:
                    self._setup(db)
                    with db:
                        return work(db)
                finally:
                    db.close()
            except sqlite3.Error as exc:
                reason = _reason(exc)
                log.warning("feedback database %s: %s (attempt %d)", self.path, exc, attempt)
                if reason == "locked" and attempt < self.attempts:
                    time.sleep(RETRY_PAUSE)
                    continue
                raise _error(reason, self.path) from None
            except OSError:  # the folder cannot be made
                raise _error("readonly", self.path) from None
        raise AssertionError("unreachable")  # pragma: no cover

    def record(self, question: str, answer: Answer, *, helpful: bool, comment: str = "") -> int:
        citations = json.dumps([c.to_json() for c in answer.citations], ensure_ascii=False)
        row = (
            dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            question,
            answer.text,
            answer.language,
            int(answer.abstained),
            citations,
            int(helpful),
            comment.strip()[:2000],
        )

        def insert(db: sqlite3.Connection) -> int:
            cursor = db.execute(
                "INSERT INTO feedback (created, question, answer, language, abstained, citations, helpful, comment)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            return int(cursor.lastrowid or 0)

        return self._run(insert)

    def rows(self) -> list[FeedbackRow]:
        found = self._run(
            lambda db: db.execute(
                "SELECT id, created, question, answer, helpful, comment, citations FROM feedback ORDER BY id"
            ).fetchall()
        )
        return [
            FeedbackRow(r[0], r[1], r[2], r[3], bool(r[4]), r[5], json.loads(r[6])) for r in found
        ]


def _reason(exc: sqlite3.Error) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "locked"
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return "readonly"
    return "failed"


def _error(reason: str, path: Path) -> FeedbackError:
    fixes = {
        "locked": "the feedback database is busy (another program holds it). Try again in a moment.",
        "readonly": f"the feedback database {path} cannot be written. Make it writable, or set "
        "POLICY_ASSISTANT_FEEDBACK_DB to a writable file.",
        "failed": f"the feedback database {path} is damaged or not a database. Move it aside, "
        "or set POLICY_ASSISTANT_FEEDBACK_DB to another file.",
    }
    return FeedbackError(f"Your feedback could not be saved: {fixes[reason]}", reason)
