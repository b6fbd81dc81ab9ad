"""The index on disk: versions switched atomically, a full disk, a damaged or read-only store,
and a folder that does not grow without bound. Real Chroma, real files, real tmpfs."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
from pathlib import Path

import numpy as np
import pytest

from assistant.cli import main
from assistant.service import Assistant
from core import messages
from core.embeddings import HashEmbedder
from core.errors import (
    DiskFullError,
    IndexPermissionError,
    IndexUnreadableError,
)
from core.settings import Settings
from core.store import LEGACY, MARKER, FolderVersions, PassageStore, folder_bytes
from ingest import indexer
from ingest.indexer import ingest, restore
from tests.index_helpers import (
    QUESTIONS,
    answers,
    contents,
    fill_disk,
    index_bytes,
    remount_read_only,
    say,
    settings_for,
    tmpfs,
    write_library,
)

reliability = pytest.mark.reliability


def cli_env(monkeypatch, settings: Settings) -> None:
    for key, value in {
        "DATA_DIR": settings.data_dir,
        "POLICIES_DIR": settings.policies_path,
        "INDEX_DIR": settings.index_path,
        "EMBEDDING_MODEL": "hash",
        "GLOSSARY_PATH": settings.glossary_file,
    }.items():
        monkeypatch.setenv(f"POLICY_ASSISTANT_{key}", str(value))


def live_folder(settings: Settings) -> Path:
    versions = FolderVersions(settings)
    name = versions.current()
    assert name is not None
    return versions.path(name)


# -- versions and the switch -------------------------------------------------------------


def test_each_changing_ingest_publishes_a_new_version_and_moves_the_pointer(
    hash_settings, hash_embedder, library: Path
):
    first = ingest(hash_settings, embedder=hash_embedder)
    versions = FolderVersions(hash_settings)
    assert versions.current() == first.version
    assert (hash_settings.index_path / f"{hash_settings.collection}.current").read_text(
        encoding="utf-8"
    ).strip() == first.version
    marker = json.loads((versions.path(first.version) / MARKER).read_text(encoding="utf-8"))
    assert marker["passages"] == first.passages and marker["documents"] == 5
    assert ingest(hash_settings, embedder=hash_embedder).version == first.version  # no change
    harjedalen = library / "harjedalen-internationell-policy.txt"
    harjedalen.write_text(harjedalen.read_text(encoding="utf-8") + "\n\nNytt.\n", "utf-8")
    second = ingest(hash_settings, embedder=hash_embedder)
    assert second.version != first.version and versions.current() == second.version
    assert versions.previous() == first.version
    # unchanged documents were copied, not embedded again: same ids, same vectors (to the
    # float32 rounding of Chroma normalising a cosine vector again)
    old, new = PassageStore(hash_settings, version=first.version), PassageStore(hash_settings)
    kept = [p.id for p in old.live_passages() if p.doc_id != "harjedalen-internationell-policy"]

    def vectors(store: PassageStore) -> np.ndarray:
        got = store._collection().get(ids=kept, include=["embeddings"])
        by_id = dict(zip(got["ids"], got["embeddings"], strict=True))
        return np.array([by_id[pid] for pid in kept])

    assert len(kept) > 50 and np.allclose(vectors(old), vectors(new), rtol=0, atol=1e-6)


def test_a_reader_keeps_its_version_until_it_refreshes_and_then_sees_all_of_the_new_one(
    hash_settings, hash_embedder, library: Path
):
    ingest(hash_settings, embedder=hash_embedder)
    assistant = Assistant(hash_settings, embedder=hash_embedder)
    before = {p.id for p in assistant.passages}
    write_library(library, 1)  # every document changes: every passage id changes
    ingest(hash_settings, embedder=hash_embedder)
    question = "Vem beslutar om vänortssamarbeten?"
    vector = hash_embedder.embed_query(question)
    # still the old version, vectors included: dense hits are all passages it loaded
    assert {pid for pid, _ in assistant.store.query(vector, n=10)} <= before
    assert {c.passage_id for c in assistant.ask(question).citations} <= before
    assert assistant.refresh() is True
    after = {p.id for p in assistant.passages}
    assert after.isdisjoint(before)
    hits = assistant.store.query(vector, n=10)
    assert len(hits) == 20 and {pid for pid, _ in hits} <= after  # 20 of 20 live
    assert {c.passage_id for c in assistant.ask(question).citations} <= after
    assert assistant.refresh() is False


def test_rebuild_switches_versions_atomically_while_readers_read(hash_settings, hash_embedder):
    """The old rebuild deleted the live collection before renaming the new one: a reader in
    between found no index. Now a reader always finds one complete version."""
    report = ingest(hash_settings, embedder=hash_embedder)
    expected = report.passages
    seen: list[int] = []
    failures: list[str] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                store = PassageStore(hash_settings)
                seen.append(len(store.live_passages()))
                store.close()
            except Exception as exc:  # collected, not raised in the thread
                failures.append(f"{type(exc).__name__}: {exc}")

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for _ in range(5):
            assert ingest(hash_settings, embedder=hash_embedder, rebuild=True).added == 5
    finally:
        stop.set()
        reader.join(timeout=60)
    assert failures == []
    assert len(seen) > 5 and set(seen) == {expected}


def test_restore_goes_back_to_the_previous_version(
    hash_settings, hash_embedder, library: Path, monkeypatch, capsys
):
    first = ingest(hash_settings, embedder=hash_embedder)
    cli_env(monkeypatch, hash_settings)
    assert main(["ingest", "--restore"]) == 1  # nothing to go back to yet
    assert "no previous index version" in capsys.readouterr().err
    assert main(["ingest", "--restore", "--rebuild"]) == 2
    assert "--restore takes no paths" in capsys.readouterr().err
    before = contents(hash_settings)
    write_library(library, 1)
    ingest(hash_settings, embedder=hash_embedder)
    assert contents(hash_settings) != before
    assert restore(hash_settings) == first.version
    assert contents(hash_settings) == before
    assert main(["ingest", "--restore"]) == 0  # and forward again
    assert "is live again" in capsys.readouterr().out
    assert contents(hash_settings) != before


def test_an_index_from_before_versions_is_read_then_replaced(
    hash_settings, hash_embedder, library: Path, tmp_path: Path
):
    # The earlier layout: Chroma's files directly in INDEX_DIR, no pointer.
    scratch = settings_for(tmp_path / "scratch", library)
    ingest(scratch, embedder=hash_embedder)
    hash_settings.index_path.mkdir()
    for item in live_folder(scratch).iterdir():
        if item.name != MARKER:
            (shutil.copytree if item.is_dir() else shutil.copy2)(
                item, hash_settings.index_path / item.name
            )
    versions = FolderVersions(hash_settings)
    assert versions.current() == LEGACY
    legacy = contents(hash_settings)
    assert len(Assistant(hash_settings, embedder=hash_embedder).passages) == len(legacy)
    write_library(library, 1)
    first = ingest(hash_settings, embedder=hash_embedder)
    assert versions.current() == first.version and versions.previous() == LEGACY
    assert (hash_settings.index_path / "chroma.sqlite3").exists()  # kept as the previous
    write_library(library, 2)
    second = ingest(hash_settings, embedder=hash_embedder)
    assert LEGACY in second.versions_removed
    assert not (hash_settings.index_path / "chroma.sqlite3").exists()
    assert [v.name for v in versions.versions()] == [first.version, second.version]


# -- a damaged store ---------------------------------------------------------------------


def break_store(folder: Path, how: str) -> None:
    """Damage a version's Chroma files the ways a full disk or a crash can."""
    db = folder / "chroma.sqlite3"
    if how == "metadata segment":  # writes fail: "Failed to apply logs to the metadata segment"
        with sqlite3.connect(db) as con:
            con.execute("DROP TABLE embedding_fulltext_search")
    elif how == "torn log":  # reads fail too: a half-written log record
        with sqlite3.connect(db) as con:
            row = list(
                con.execute(
                    "SELECT * FROM embeddings_queue ORDER BY seq_id DESC LIMIT 1"
                ).fetchone()
            )
            row[0] += 1
            row[-1] = row[-1][: len(row[-1]) // 2]
            con.execute(f"INSERT INTO embeddings_queue VALUES ({','.join('?' * len(row))})", row)
    elif how == "truncated":  # Chroma cannot open it at all
        with open(db, "r+b") as fh:
            fh.truncate(db.stat().st_size // 2)
    else:
        raise ValueError(how)


@reliability
@pytest.mark.parametrize("how", ["metadata segment", "torn log", "truncated"])
def test_a_damaged_store_is_rebuilt_beside_it_and_never_blocks_ingest(
    how, hash_settings, hash_embedder, library: Path, tmp_path: Path, monkeypatch, capsys
):
    """The issue: after a full disk, ingest, ingest --rebuild and ask all failed with
    `InternalError: Error in compaction: Failed to apply logs to the metadata segment` until
    the index folder was deleted by hand."""
    ingest(hash_settings, embedder=hash_embedder)
    damaged = FolderVersions(hash_settings).current()
    break_store(live_folder(hash_settings), how)
    cli_env(monkeypatch, hash_settings)

    if how != "metadata segment":  # that one still reads: asking works
        assert main(["ask", "Vem beslutar om vänortssamarbeten?"]) == 1
        err = capsys.readouterr().err
        assert "cannot be read" in err and "--rebuild" in err and "Traceback" not in err
        with pytest.raises(IndexUnreadableError) as raised:
            Assistant(hash_settings, embedder=hash_embedder)
        assert messages.for_error(raised.value, "sv").startswith("Policyindexet i ")

    harjedalen = library / "harjedalen-internationell-policy.txt"  # one changes, four are copied
    harjedalen.write_text(harjedalen.read_text(encoding="utf-8") + "\n\nNytt.\n", "utf-8")
    assert main(["ingest"]) == 0  # the live version is only read, never written
    capsys.readouterr()
    reference = settings_for(tmp_path / "clean", library)
    ingest(reference, embedder=hash_embedder)
    assert contents(hash_settings) == contents(reference)
    assert answers(hash_settings, dense=False) == answers(reference, dense=False)
    assert main(["ingest", "--rebuild"]) == 0
    assert contents(hash_settings) == contents(reference)
    assert answers(hash_settings, dense=False) == answers(reference, dense=False)
    if how != "metadata segment":  # unreadable: removed, not kept to go back to
        assert not FolderVersions(hash_settings).path(damaged or "").exists()
    say(
        capsys,
        f"damaged store ({how}): ask {'answered' if how == 'metadata segment' else 'refused with a message'}, "
        "ingest and ingest --rebuild recovered it, equal to a clean build",
    )


@reliability
def test_a_pointer_to_a_missing_version_is_repaired_by_ingest(hash_settings, hash_embedder):
    ingest(hash_settings, embedder=hash_embedder)
    shutil.rmtree(live_folder(hash_settings))
    with pytest.raises(Exception, match="ingest"):
        Assistant(hash_settings, embedder=hash_embedder)
    ingest(hash_settings, embedder=hash_embedder)
    assert len(Assistant(hash_settings, embedder=hash_embedder).passages) > 50


@reliability
@pytest.mark.parametrize("pointer", ["", "../../etc", "policy_passages.v9-zz"])
def test_a_pointer_that_names_no_version_is_rewritten_by_ingest(
    pointer, hash_settings, hash_embedder
):
    first = ingest(hash_settings, embedder=hash_embedder)
    versions = FolderVersions(hash_settings)
    versions.pointer.write_text(pointer, encoding="utf-8")
    with pytest.raises(IndexUnreadableError, match="--rebuild"):
        Assistant(hash_settings, embedder=hash_embedder)
    report = ingest(hash_settings, embedder=hash_embedder)
    assert versions.current() == report.version != first.version
    assert len(Assistant(hash_settings, embedder=hash_embedder).passages) == report.passages
    assert versions.path(first.version).exists()  # nothing was deleted on a guess


# -- a full disk -------------------------------------------------------------------------


@reliability
def test_a_full_disk_stops_ingest_cleanly_and_the_index_recovers_once_space_is_freed(
    tmp_path: Path, library: Path, monkeypatch, capsys
):
    embedder = HashEmbedder()
    with tmpfs(tmp_path / "disk") as disk:
        settings = settings_for(tmp_path, library, disk / "index")
        ingest(settings, embedder=embedder)
        before, old_answers = contents(settings), answers(settings)
        live = FolderVersions(settings).current()
        write_library(library, 1)

        # 1. Too little room before anything is written: refused with the figures.
        filler = fill_disk(disk, leave=1_000_000)
        untouched = settings.index_path.stat().st_mtime_ns
        with pytest.raises(DiskFullError) as raised:
            ingest(settings, embedder=embedder)
        assert settings.index_path.stat().st_mtime_ns == untouched  # not a file was written
        assert "MB is free" in str(raised.value) and "Free some space" in str(raised.value)
        cli_env(monkeypatch, settings)
        assert main(["ingest"]) == 1
        err = capsys.readouterr().err
        assert err.startswith("error: Not enough free disk space") and "Traceback" not in err
        assert messages.for_error(raised.value, "en").startswith("Not enough free disk space")

        # 2. The disk fills while ingest runs (another program writes): stopped, not broken.
        filler.unlink()

        def fill_half_way(done: int, total: int, name: str) -> None:
            if done == 2:
                fill_disk(disk, leave=300_000)

        with pytest.raises(DiskFullError):
            ingest(settings, embedder=embedder, progress=fill_half_way)

        # The previous version is live, whole and answering; nothing unfinished is left.
        versions = FolderVersions(settings)
        assert versions.current() == live and [v.name for v in versions.versions()] == [live]
        assert contents(settings) == before and answers(settings) == old_answers

        # 3. Space is freed: ingest, rebuild and ask work, with no folder deleted by hand.
        filler.unlink()
        reference = settings_for(tmp_path / "clean", library)
        ingest(reference, embedder=embedder)
        assert ingest(settings, embedder=embedder).updated == 5
        assert contents(settings) == contents(reference)
        assert answers(settings, dense=False) == answers(reference, dense=False)
        assert ingest(settings, embedder=embedder, rebuild=True).added == 5
        assert answers(settings, dense=False) == answers(reference, dense=False)
        say(
            capsys,
            "full disk (64 MB tmpfs): refused before writing with 1 MB free, stopped when the "
            "disk filled half-way, old version answering throughout, recovered once space was freed",
        )


@reliability
@pytest.mark.parametrize("leave", [600_000, 0])
def test_a_write_that_meets_a_full_disk_says_so_instead_of_a_chroma_error(
    leave, tmp_path: Path, library: Path, capsys
):
    """Past the checks (the disk filled between check and write): Chroma's failure, e.g.
    "Error in compaction: Failed to apply logs to the metadata segment", is a DiskFullError."""
    embedder = HashEmbedder()
    with tmpfs(tmp_path / "disk") as disk:
        settings = settings_for(tmp_path, library, disk / "index")
        ingest(settings, embedder=embedder)
        passages = PassageStore(settings).live_passages()
        vectors = embedder.embed_documents([p.context_text() for p in passages])
        versions = FolderVersions(settings)
        filler = fill_disk(disk, leave=leave)
        with pytest.raises(DiskFullError, match=str(settings.index_path)):
            new = versions.create(versions.next_generation())
            try:
                new.add(passages, vectors)
            finally:
                versions.discard(new)
        filler.unlink()
        write_library(library, 1)
        assert ingest(settings, embedder=embedder).updated == 5
        say(capsys, f"write on a full disk ({leave:,} bytes free): DiskFullError, then recovered")


def test_the_free_space_check_works_without_a_tmpfs(
    hash_settings, hash_embedder, library: Path, monkeypatch
):
    ingest(hash_settings, embedder=hash_embedder)
    before = contents(hash_settings)
    write_library(library, 1)
    free = shutil.disk_usage(hash_settings.index_path).free
    monkeypatch.setattr(indexer, "MIN_FREE_BYTES", free)  # as if the disk were nearly full
    with pytest.raises(DiskFullError, match="The index is unchanged"):
        ingest(hash_settings, embedder=hash_embedder)
    assert contents(hash_settings) == before
    assert len(FolderVersions(hash_settings).versions()) == 1


# -- a folder this user cannot write -----------------------------------------------------


@reliability
def test_a_read_only_index_folder_gets_a_message_naming_it_not_a_traceback(
    tmp_path: Path, library: Path, monkeypatch, capsys
):
    with tmpfs(tmp_path / "disk") as disk:
        settings = settings_for(tmp_path, library, disk / "index")
        ingest(settings, embedder=HashEmbedder())
        remount_read_only(disk)
        cli_env(monkeypatch, settings)
        for command in (["ask", "Vem beslutar om vänortssamarbeten?"], ["ingest"]):
            assert main(command) == 1
            err = capsys.readouterr().err
            assert str(settings.index_path) in err and "Traceback" not in err
            assert "cannot be written" in err and "chmod" in err
        with pytest.raises(IndexPermissionError) as raised:
            Assistant(settings, embedder=HashEmbedder())
        assert "skrivbar" in messages.for_error(raised.value, "sv")
        say(capsys, "read-only index folder: ask and ingest end with a message naming it, exit 1")


def test_an_index_folder_of_another_user_gets_a_message(
    hash_settings, hash_embedder, monkeypatch, capsys
):
    import os

    if os.geteuid() == 0:
        pytest.skip("root may write any folder: chmod cannot deny it (the tmpfs test covers it)")
    ingest(hash_settings, embedder=hash_embedder)
    folder = hash_settings.index_path
    modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")]}
    for path in modes:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        cli_env(monkeypatch, hash_settings)
        for command in (["ask", "Vem beslutar om vänortssamarbeten?"], ["ingest"]):
            assert main(command) == 1
            err = capsys.readouterr().err
            assert str(folder) in err and "cannot be written" in err and "Traceback" not in err
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


# -- the folder does not grow ------------------------------------------------------------


def test_ten_re_ingests_stay_within_two_and_a_half_clean_builds(
    hash_settings, hash_embedder, library: Path, monkeypatch, capsys
):
    """Before: 4.6x a clean build after four re-ingests, 8.3x after ten interrupted ones."""
    ingest(hash_settings, embedder=hash_embedder)
    clean = index_bytes(hash_settings)
    versions = FolderVersions(hash_settings)
    removed: list[str] = []
    for revision in range(1, 11):
        write_library(library, revision)
        if revision % 2:  # an interrupted ingest leaves an unfinished version behind
            unfinished = versions.create(versions.next_generation())
            unfinished.add(*_some_passages(hash_settings, hash_embedder))
            unfinished.close()
        report = ingest(hash_settings, embedder=hash_embedder)
        removed += report.versions_removed
        assert report.bytes_removed > 0
        assert index_bytes(hash_settings) <= 2.5 * clean, (revision, clean)
    assert len(removed) == 9 + 5  # superseded and unfinished
    assert [v.complete for v in versions.versions()] == [True, True]
    cli_env(monkeypatch, hash_settings)
    write_library(library, 11)
    assert main(["ingest"]) == 0
    out = capsys.readouterr().out
    assert "Removed 1 superseded or unfinished index version(s)" in out
    print(
        f"clean build {clean / 1e6:.2f} MB; after ten re-ingests {index_bytes(hash_settings) / clean:.2f}x"
    )


def _some_passages(settings: Settings, embedder: HashEmbedder):
    passages = PassageStore(settings).live_passages()[:30]
    return passages, embedder.embed_documents([p.context_text() for p in passages])


def test_folder_bytes_counts_what_is_on_disk(tmp_path: Path):
    (tmp_path / "a").write_bytes(b"x" * 10_000)
    assert 10_000 <= folder_bytes(tmp_path) <= 20_000


def test_questions_used_here_are_answered_before_and_after(hash_settings, hash_embedder):
    ingest(hash_settings, embedder=hash_embedder)
    got = answers(hash_settings)
    assert set(got) == set(QUESTIONS) and any(a["ids"] for a in got.values())
