"""With a Chroma host configured, ingest and answers go through a real `chroma run` server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.service import Assistant
from core.embeddings import HashEmbedder
from core.settings import Settings
from ingest.indexer import ingest
from tests.helpers import free_port

pytestmark = pytest.mark.server


@pytest.fixture
def chroma_server(tmp_path: Path):
    exe = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))
    if not Path(exe).exists():
        pytest.skip("the `chroma` command (from the chromadb package) is not installed")
    port = free_port()
    log = (tmp_path / "chroma.log").open("w")
    proc = subprocess.Popen(
        [
            exe,
            "run",
            "--path",
            str(tmp_path / "server-data"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"chroma run exited: {(tmp_path / 'chroma.log').read_text()}")
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("chroma run did not start within 60 s")
    yield port
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def server_settings(hash_settings: Settings, port: int, tmp_path: Path) -> Settings:
    """The library of ``hash_settings`` on the Chroma server at ``port``; the embedded store's
    folder is a path that must stay unused."""
    return hash_settings.model_copy(
        update={"chroma_host": "127.0.0.1", "chroma_port": port, "index_dir": tmp_path / "unused"}
    )


def test_ingest_and_ask_through_a_chroma_server(
    chroma_server: int, hash_settings: Settings, tmp_path: Path
):
    settings = server_settings(hash_settings, chroma_server, tmp_path)
    embedder = HashEmbedder()
    first = ingest(settings, embedder=embedder)
    assert (first.documents, first.added, first.errors) == (5, 5, [])
    assert ingest(settings, embedder=embedder).added == 0
    assert not (tmp_path / "unused").exists()  # nothing was written to the embedded store
    answer = Assistant(settings, embedder=embedder).ask("Vem beslutar om vänortssamarbeten?")
    assert not answer.abstained
    assert answer.citations[0].organisation == "Landstinget Västernorrland"


def test_an_unreachable_server_names_the_setting(hash_settings: Settings):
    from core.errors import AssistantError

    settings = hash_settings.model_copy(
        update={"chroma_host": "127.0.0.1", "chroma_port": free_port()}
    )
    with pytest.raises(AssistantError, match="POLICY_ASSISTANT_CHROMA_HOST"):
        ingest(settings, embedder=HashEmbedder())


def test_server_versions_are_collections_switched_by_a_pointer_and_cleaned_up(
    chroma_server: int, hash_settings: Settings, library: Path, tmp_path: Path
):
    import chromadb

    from core.store import ServerVersions

    settings = server_settings(hash_settings, chroma_server, tmp_path)
    embedder = HashEmbedder()
    first = ingest(settings, embedder=embedder)
    assistant = Assistant(settings, embedder=embedder)
    before = {p.id for p in assistant.passages}
    harjedalen = library / "harjedalen-internationell-policy.txt"
    for n in range(3):
        harjedalen.write_text(
            harjedalen.read_text(encoding="utf-8") + f"\n\nTillägg {n}.\n", "utf-8"
        )
        report = ingest(settings, embedder=embedder, rebuild=n == 1)
    versions = ServerVersions(settings)
    assert versions.current() == report.version and report.versions_removed
    client = chromadb.HttpClient(host="127.0.0.1", port=chroma_server)
    names = {c.name for c in client.list_collections()}
    # the live version, the previous one and the pointer; the first version is gone
    assert names == {report.version, versions.previous(), "policy_passages.current"}
    assert first.version not in names
    assert assistant.refresh() is True
    assert {p.id for p in assistant.passages} != before
    assert "Tillägg 2" in " ".join(p.text for p in assistant.passages)
