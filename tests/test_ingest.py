"""Ingest is incremental, keeps the old index on failure, refuses to run twice at once,
and reports bad files without losing anything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from filelock import FileLock

from core.embeddings import HashEmbedder
from core.errors import IngestBusyError, ModelMismatchError
from core.settings import Settings
from core.store import PassageStore
from ingest import indexer
from ingest.indexer import _lock_path, ingest
from tests.helpers import point_cli_at, write_encrypted_pdf, write_zip_bomb_docx


def live_texts(settings: Settings) -> dict[str, str]:
    return {p.id: p.text for p in PassageStore(settings).live_passages()}


def test_a_fresh_ingest_indexes_all_five_documents_with_their_metadata(
    hash_settings, hash_embedder
):
    report = ingest(hash_settings, embedder=hash_embedder)
    assert (report.documents, report.added, report.errors) == (5, 5, [])
    passages = PassageStore(hash_settings).live_passages()
    assert len(passages) == report.passages > 50
    orgs = {p.organisation for p in passages}
    assert orgs == {
        "Landstinget Västernorrland",
        "Norrbottens läns landsting",
        "Landstinget i Värmland",
        "Stockholms läns landsting",
        "Härjedalens kommun",
    }
    twinning = next(p for p in passages if "vänortssamarbeten" in p.text)
    assert twinning.doc_id == "vasternorrland-internationell-policy-2007"
    assert twinning.title == "Internationell policy"
    assert "Ansvarsfördelning" in twinning.section
    assert twinning.source == "vasternorrland-internationell-policy-2007.md"
    manifest = PassageStore(hash_settings).manifest()
    assert manifest.embedding_model == "hash"
    assert (
        manifest.documents["stockholm-riktlinjer-internationellt-arbete-2013-2017"]["valid_to"]
        == "2017-12-31"
    )


def test_ingesting_twice_adds_nothing(hash_settings, hash_embedder):
    ingest(hash_settings, embedder=hash_embedder)
    before = live_texts(hash_settings)
    report = ingest(hash_settings, embedder=hash_embedder)
    assert (report.added, report.updated, report.unchanged, report.removed) == (0, 0, 5, 0)
    assert live_texts(hash_settings) == before


def test_a_changed_document_is_replaced_and_a_removed_one_deleted(
    hash_settings, hash_embedder, library: Path
):
    ingest(hash_settings, embedder=hash_embedder)
    harjedalen = library / "harjedalen-internationell-policy.txt"
    harjedalen.write_text(
        harjedalen.read_text(encoding="utf-8") + "\n\nTillägg\n\nKommunen har en ny vänort.\n",
        encoding="utf-8",
    )
    (library / "norrbotten-internationell-policy.md").unlink()
    report = ingest(hash_settings, embedder=hash_embedder)
    assert (report.updated, report.removed, report.unchanged) == (1, 1, 3)
    passages = PassageStore(hash_settings).live_passages()
    assert any("ny vänort" in p.text for p in passages)
    assert not any(p.organisation == "Norrbottens läns landsting" for p in passages)
    # the replaced version's passages are gone from Chroma, not just hidden
    collection = PassageStore(hash_settings).client.get_collection(hash_settings.collection)
    assert collection.count() == len(passages)


def test_bad_files_are_reported_and_skipped_and_nothing_is_lost(
    hash_settings, hash_embedder, library: Path
):
    ingest(hash_settings, embedder=hash_embedder)
    before = live_texts(hash_settings)
    (library / "empty.md").write_bytes(b"")
    write_encrypted_pdf(library / "locked.pdf")
    (library / "corrupt.pdf").write_bytes(b"%PDF-1.4 garbage")
    write_zip_bomb_docx(library / "bomb.docx")
    (library / "program.txt").write_bytes(bytes(range(256)) * 10)
    (library / "huge.md").write_bytes(b"x " * (2 * 1024 * 1024))
    settings = hash_settings.model_copy(update={"max_file_mb": 1.0})
    report = ingest(settings, embedder=hash_embedder)
    reasons = {Path(e.path).name: e.error for e in report.errors}
    assert set(reasons) == {
        "empty.md",
        "locked.pdf",
        "corrupt.pdf",
        "bomb.docx",
        "program.txt",
        "huge.md",
    }
    assert "encrypted" in reasons["locked.pdf"] and "zip bomb" in reasons["bomb.docx"]
    assert "limit" in reasons["huge.md"] and "binary" in reasons["program.txt"]
    assert report.exit_code == 1 and report.unchanged == 5
    assert live_texts(hash_settings) == before


def test_a_file_that_breaks_keeps_its_previous_version(hash_settings, hash_embedder, library: Path):
    ingest(hash_settings, embedder=hash_embedder)
    before = live_texts(hash_settings)
    (library / "harjedalen-internationell-policy.txt").write_bytes(b"")
    report = ingest(hash_settings, embedder=hash_embedder)
    assert report.removed == 0 and len(report.errors) == 1
    assert live_texts(hash_settings) == before


class ExplodingEmbedder(HashEmbedder):
    """Fails on the n-th batch, like a model running out of memory half-way."""

    def __init__(self, fail_on: int) -> None:
        super().__init__()
        self.calls = 0
        self.fail_on = fail_on

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        if self.calls == self.fail_on:
            raise RuntimeError("simulated failure half-way")
        return super().embed_documents(texts)


def test_a_failure_half_way_leaves_the_previous_index_intact(
    hash_settings, hash_embedder, library: Path, monkeypatch
):
    ingest(hash_settings, embedder=hash_embedder)
    # One document per embedding batch, so the failure comes after a document was written.
    monkeypatch.setattr(indexer, "EMBED_BATCH_PASSAGES", 1)
    before = live_texts(hash_settings)
    for path in library.glob("*.txt"):
        path.write_text(path.read_text(encoding="utf-8") + "\n\nÄndrat stycke.\n", encoding="utf-8")
    exploding = ExplodingEmbedder(fail_on=2)
    with pytest.raises(RuntimeError, match="half-way"):
        ingest(hash_settings, embedder=exploding)
    assert exploding.calls == 2  # the first changed document was already written
    assert live_texts(hash_settings) == before  # readers still see the old, complete version
    report = ingest(hash_settings, embedder=hash_embedder)  # and the next run recovers
    assert report.updated == 2
    collection = PassageStore(hash_settings).client.get_collection(hash_settings.collection)
    assert collection.count() == len(live_texts(hash_settings))


def test_a_second_ingest_while_one_runs_is_refused(hash_settings, hash_embedder):
    with (
        FileLock(str(_lock_path(hash_settings))),
        pytest.raises(IngestBusyError, match="Another ingest is running"),
    ):
        ingest(hash_settings, embedder=hash_embedder)


def test_opening_the_index_with_another_model_says_to_re_ingest(hash_settings, hash_embedder):
    ingest(hash_settings, embedder=hash_embedder)
    other = hash_settings.model_copy(update={"embedding_model": "some-other-model"})
    with pytest.raises(ModelMismatchError, match="--rebuild"):
        ingest(other)
    with pytest.raises(ModelMismatchError, match="re-ingest"):
        PassageStore(other).check_model("some-other-model")


def test_rebuild_replaces_the_collection(hash_settings, hash_embedder):
    ingest(hash_settings, embedder=hash_embedder)
    report = ingest(hash_settings, embedder=hash_embedder, rebuild=True)
    assert report.added == 5
    assert len(live_texts(hash_settings)) == report.passages


def test_a_document_without_catalog_entry_is_ingested_with_a_warning(
    hash_settings, hash_embedder, library: Path
):
    (library / "gotland.md").write_text(
        "# Internationell policy\n\nRegion Gotland deltar i nätverk.\n", encoding="utf-8"
    )
    report = ingest(hash_settings, embedder=hash_embedder)
    assert report.added == 6
    assert any("gotland.md has no entry" in w for w in report.warnings)
    assert any(
        p.organisation == "Region Gotland" for p in PassageStore(hash_settings).live_passages()
    )


def test_the_cli_prints_the_json_report_and_exit_status(
    hash_settings, monkeypatch, capsys, library: Path
):
    from assistant.cli import main

    point_cli_at(monkeypatch, hash_settings)
    assert main(["ingest", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert (first["documents"], first["added"], first["errors"]) == (5, 5, [])
    assert main(["ingest", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == 0
    (library / "empty.md").write_bytes(b"")
    assert main(["ingest", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["errors"][0]["error"] == "the file is empty"
    with pytest.raises(SystemExit) as usage:
        main(["ingest", "--no-such-flag"])
    assert usage.value.code == 2


def test_passages_of_several_documents_are_embedded_in_one_batch(hash_settings):
    class CountingEmbedder(HashEmbedder):
        def __init__(self) -> None:
            super().__init__()
            self.batches: list[int] = []

        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            self.batches.append(len(texts))
            return super().embed_documents(texts)

    embedder = CountingEmbedder()
    report = ingest(hash_settings, embedder=embedder)
    assert report.added == 5
    assert embedder.batches == [report.passages]  # the small library fits in one batch
    assert len(live_texts(hash_settings)) == report.passages


def test_responsibility_statements_are_extracted_at_ingest_and_stored_in_chroma(
    hash_settings, hash_embedder
):
    ingest(hash_settings, embedder=hash_embedder)
    collection = PassageStore(hash_settings).client.get_collection(hash_settings.collection)
    records = collection.get(include=["metadatas"])
    stored = [
        tuple(statement)
        for meta in records["metadatas"]
        if meta["organisation"] == "Landstinget Västernorrland" and "responsibilities" in meta
        for statement in json.loads(meta["responsibilities"])
    ]
    assert ("Landstingsfullmäktige", "beslutar om", "vänortssamarbeten") in stored
    # and they come back with the passage
    [passage] = [
        p
        for p in PassageStore(hash_settings).live_passages()
        if ("Landstingsfullmäktige", "beslutar om", "vänortssamarbeten") in p.responsibilities
    ]
    assert "vänortssamarbeten" in passage.text


SECRET = "# Internationell policy för Region Hemlig\n\nRegion Hemlig beslutar om vänorter. Lösenordet är hunter2.\n"


def test_links_out_of_the_policy_folder_are_reported_and_never_indexed(
    hash_settings, hash_embedder, library: Path, tmp_path: Path
):
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "folder").mkdir(parents=True)
    (elsewhere / "secret.md").write_text(SECRET, encoding="utf-8")
    (elsewhere / "folder" / "also-secret.md").write_text(SECRET, encoding="utf-8")
    (library / "secret.md").symlink_to(elsewhere / "secret.md")  # a linked file
    (library / "linked").symlink_to(elsewhere / "folder", target_is_directory=True)  # a folder
    (library / "sub").mkdir()
    (library / "sub" / "bilaga.md").write_text(
        "# Bilaga\n\nRegion Exempel deltar i nätverk.\n", encoding="utf-8"
    )
    (library / "bilaga-länk.md").symlink_to(library / "sub" / "bilaga.md")  # stays inside

    report = ingest(hash_settings, embedder=hash_embedder)

    reasons = {Path(e.path).name: e.error for e in report.errors}
    assert set(reasons) == {"secret.md", "linked"}
    assert all("outside the policy folder" in r and "Copy" in r for r in reasons.values())
    assert report.exit_code == 1 and report.added == 7  # five, the sub-folder's, the link in
    texts = [p.text for p in PassageStore(hash_settings).live_passages()]
    assert not any("hunter2" in t for t in texts)
    assert sum("Region Exempel deltar i nätverk" in t for t in texts) == 2


def test_a_document_replaced_by_a_link_out_of_the_folder_is_removed_from_the_index(
    hash_settings, hash_embedder, library: Path, tmp_path: Path
):
    ingest(hash_settings, embedder=hash_embedder)
    outside = tmp_path / "outside.txt"
    outside.write_text(SECRET, encoding="utf-8")
    harjedalen = library / "harjedalen-internationell-policy.txt"
    harjedalen.unlink()
    harjedalen.symlink_to(outside)
    report = ingest(hash_settings, embedder=hash_embedder)
    assert [Path(e.path).name for e in report.errors] == [harjedalen.name]
    assert report.removed == 1 and report.unchanged == 4
    passages = PassageStore(hash_settings).live_passages()
    assert not any("hunter2" in p.text for p in passages)
    assert not any(p.organisation == "Härjedalens kommun" for p in passages)


def test_a_folder_replaced_by_a_link_out_of_the_library_loses_its_documents(
    hash_settings, hash_embedder, library: Path, tmp_path: Path
):
    sub = library / "sub"
    sub.mkdir()
    (sub / "bilaga.md").write_text("# Bilaga\n\nRegion Exempel deltar i nätverk.\n", "utf-8")
    ingest(hash_settings, embedder=hash_embedder)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "bilaga.md").write_text(SECRET, encoding="utf-8")
    (sub / "bilaga.md").unlink()
    sub.rmdir()
    sub.symlink_to(elsewhere, target_is_directory=True)  # same path, now through a link
    report = ingest(hash_settings, embedder=hash_embedder)
    assert [Path(e.path).name for e in report.errors] == ["sub"] and report.removed == 1
    texts = [p.text for p in PassageStore(hash_settings).live_passages()]
    assert not any("hunter2" in t or "Region Exempel" in t for t in texts)
