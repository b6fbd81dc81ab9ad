"""Feedback is kept in SQLite (WAL, busy timeout); a locked or read-only database is tried
again briefly and then reported as FeedbackError, never as a sqlite3 traceback."""

from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from assistant.feedback import FeedbackStore
from core.errors import FeedbackError
from core.types import Answer, Citation

ANSWER = Answer(
    text="Landstingsfullmäktige beslutar om vänortssamarbeten [1].",
    language="sv",
    abstained=False,
    citations=[
        Citation(1, "Landstinget Exempel", "Policy", "Ansvar", "p.md", "Fullmäktige beslutar.", 1.0)
    ],
)


def record(store: FeedbackStore) -> int:
    return store.record("Vem beslutar?", ANSWER, helpful=True, comment="  bra  ")


def locker(path: Path) -> sqlite3.Connection:
    """Another program writing to the database: holds its write lock until committed."""
    db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    db.execute("BEGIN EXCLUSIVE")
    return db


def test_feedback_is_stored_in_wal_mode(tmp_path: Path):
    store = FeedbackStore(tmp_path / "fb" / "feedback.sqlite3")
    assert record(store) == 1
    [row] = store.rows()
    assert (row.question, row.helpful, row.comment) == ("Vem beslutar?", True, "bra")
    assert row.citations[0]["organisation"] == "Landstinget Exempel"
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_reader_in_the_middle_of_a_read_does_not_block_saving(tmp_path: Path):
    store = FeedbackStore(tmp_path / "feedback.sqlite3", busy_timeout=0.1, attempts=1)
    record(store)
    reader = sqlite3.connect(store.path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM feedback").fetchone()  # holds a read snapshot
    try:
        assert record(store) == 2  # with a rollback journal this waits for the reader and fails
    finally:
        reader.close()


def test_a_lock_held_briefly_is_waited_out(tmp_path: Path):
    store = FeedbackStore(tmp_path / "feedback.sqlite3", busy_timeout=0.2, attempts=3)
    record(store)
    db = locker(store.path)
    threading.Timer(0.5, db.commit).start()  # longer than one busy timeout: needs the retry
    started = time.monotonic()
    assert record(store) == 2
    assert 0.4 < time.monotonic() - started < 3
    db.close()


def test_a_locked_database_gives_a_short_retry_then_a_clear_error(tmp_path: Path):
    store = FeedbackStore(tmp_path / "feedback.sqlite3", busy_timeout=0.2, attempts=3)
    record(store)
    db = locker(store.path)
    started = time.monotonic()
    try:
        with pytest.raises(FeedbackError) as caught:
            record(store)
    finally:
        db.rollback()
        db.close()
    elapsed = time.monotonic() - started
    assert 3 * 0.2 <= elapsed < 5  # three tries, then it gives up
    error = caught.value
    assert error.reason == "locked" and error.__suppress_context__
    assert str(error).startswith("Your feedback could not be saved: ") and "Try again" in str(error)
    assert "sqlite3" not in str(error) and "Traceback" not in str(error)
    assert record(store) == 2  # and once the other program is done, saving works again


def as_unprivileged(work: Callable[[], Any]) -> Any:
    """``work()`` in a child process that has given up root's right to write any file (as
    root, a file's read-only mode does not stop a write). Returns what it returned, or the
    (type name, message, reason) of what it raised."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            os.close(read)
            os.setgid(65534)
            os.setuid(65534)  # nobody
            try:
                result: Any = ("returned", work())
            except BaseException as exc:  # everything goes back to the parent
                result = ("raised", type(exc).__name__, str(exc), getattr(exc, "reason", None))
            with os.fdopen(write, "wb") as fh:
                pickle.dump(result, fh)
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as fh:
        data = fh.read()
    os.waitpid(pid, 0)
    return pickle.loads(data)


def test_a_read_only_database_file_gives_a_clear_error():
    # Outside pytest's own (private) temporary folder, so that an unprivileged child can
    # reach it; removed at the end.
    folder = Path(tempfile.mkdtemp(prefix="feedback-ro-"))
    try:
        folder.chmod(0o755)
        path = folder / "feedback.sqlite3"
        record(FeedbackStore(path))
        for file in folder.iterdir():
            file.chmod(0o444)
        folder.chmod(0o555)
        store = FeedbackStore(path, busy_timeout=0.1)
        if os.geteuid() == 0:
            outcome = as_unprivileged(lambda: record(store))
        else:
            try:
                outcome = ("returned", record(store))
            except FeedbackError as exc:
                outcome = ("raised", type(exc).__name__, str(exc), exc.reason)
        assert outcome[:2] == ("raised", "FeedbackError"), outcome
        _, _, message, reason = outcome
        assert reason == "readonly" and message.startswith("Your feedback could not be saved: ")
        assert str(path) in message and "POLICY_ASSISTANT_FEEDBACK_DB" in message
        folder.chmod(0o755)
        path.chmod(0o644)
        assert [r.comment for r in FeedbackStore(path).rows()] == ["bra"]  # nothing half-written
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)
