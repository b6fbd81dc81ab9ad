"""Helpers for the index storage and reliability tests: a real tmpfs, library revisions whose
every passage changes, and what an index holds."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.embeddings import HashEmbedder
from core.settings import DEFAULT_DATA_DIR, Settings
from core.store import PassageStore

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = DEFAULT_DATA_DIR / "policies"
QUESTIONS = [
    "Vem beslutar om vänortssamarbeten?",
    "Vem ansvarar för officiella internationella kontakter?",
    "Who decides on twinning?",
    "Vad ska jag tänka på inför en officiell resa utomlands?",
    "Vilka principer gäller för det internationella arbetet?",
    "Hur stor är budgeten för resor?",
]


def settings_for(root: Path, library: Path, index: Path | None = None) -> Settings:
    return Settings(
        data_dir=root,
        policies_dir=library,
        index_dir=index or root / "index",
        embedding_model="hash",
        glossary_path=DEFAULT_DATA_DIR / "glossary.csv",
    )


def write_library(folder: Path, revision: int, *, synthetic: int = 0) -> Path:
    """The bundled library (plus ``synthetic`` generated documents in a sub-folder), with
    revision ``revision`` of every document: each document's hash, and so every passage id,
    differs from one revision to the next."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(BUNDLED, folder)
    if synthetic:
        from bench.synthetic import generate

        generate(folder / "synthetic", synthetic)
    if revision:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".md", ".txt"):
                text = path.read_text(encoding="utf-8")
                path.write_text(
                    f"{text}\n\nRevision {revision}\n\nDenna version är revision {revision}.\n",
                    encoding="utf-8",
                )
    return folder


def contents(settings: Settings) -> dict[str, tuple[str, str]]:
    """The live version: passage id -> (text, section)."""
    store = PassageStore(settings)
    try:
        return {p.id: (p.text, p.section) for p in store.live_passages()}
    finally:
        store.close()


def answers(
    settings: Settings, questions: list[str] = QUESTIONS, *, dense: bool = True
) -> dict[str, dict]:
    from assistant.service import Assistant

    # dense=False: compare two builds on the lexical ranking. Chroma's approximate (HNSW)
    # search may order near-ties differently in two builds of the same vectors, and the hash
    # embedder makes near-ties common; what an index stores is compared by contents().
    if not dense:
        settings = settings.model_copy(update={"dense_weight": 0.0})
    assistant = Assistant(settings, embedder=HashEmbedder())
    try:
        return {q: answer_record(assistant.ask(q)) for q in questions}
    finally:
        assistant.store.close()


def answer_record(answer, *, scores: bool = False) -> dict:
    """What is compared between answers: the JSON and the cited passages' ids. Two builds of
    the same library can differ in the fourth decimal of a score (Chroma builds its HNSW graph
    in two threads), so scores are left out unless both answers come from one index."""
    data = answer.to_json()
    if not scores:
        data["citations"] = [
            {k: v for k, v in c.items() if k != "score"} for c in data["citations"]
        ]
    return {**data, "ids": [c.passage_id for c in answer.citations]}


def index_bytes(settings: Settings) -> int:
    from core.store import folder_bytes

    return folder_bytes(settings.index_path)


@contextlib.contextmanager
def tmpfs(folder: Path, size: str = "64m") -> Iterator[Path]:
    """A real tmpfs of ``size`` at ``folder``; the test is skipped where mounting is not
    permitted (it needs root)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; this test runs as another user")
    if not shutil.which("mount"):
        pytest.skip("no `mount` command here to mount a tmpfs")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")
    try:
        yield folder
    finally:
        # lazily: Chroma clients of this test process may still hold files open
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def remount_read_only(folder: Path) -> None:
    done = subprocess.run(
        ["mount", "-o", "remount,ro", str(folder)], capture_output=True, text=True
    )
    if done.returncode:
        pytest.skip(f"cannot remount the tmpfs read-only: {done.stderr.strip()}")


def fill_disk(folder: Path, leave: int) -> Path:
    """A file that leaves about ``leave`` bytes free on ``folder``'s disk."""
    filler = folder / "filler.bin"
    free = shutil.disk_usage(folder).free
    with open(filler, "wb") as fh:
        remaining = max(free - leave, 0)
        block = b"\0" * (1 << 20)
        while remaining > 0:
            remaining -= fh.write(block[: min(len(block), remaining)])
    return filler


def say(capsys: pytest.CaptureFixture[str], text: str) -> None:
    """A figure of a reliability test, shown even while pytest captures output."""
    with capsys.disabled():
        print(f"\n[reliability] {text}", flush=True)


def python_env() -> dict[str, str]:
    """The environment for a child Python running this project's code."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("POLICY_ASSISTANT_INDEX_DIR", None)
    return env


def worker(*args: str) -> list[str]:
    return [sys.executable, "-m", "tests.index_worker", *args]
