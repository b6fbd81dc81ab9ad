"""Shared fixtures: a real Chroma in a temporary folder; the real offline model where a test
is about retrieval, deterministic hash embeddings where it is not."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from core.embeddings import HashEmbedder, SentenceTransformerEmbedder
from core.settings import DEFAULT_DATA_DIR, DEFAULT_EMBEDDING_MODEL, Settings
from tests.helpers import library_settings

BUNDLED = DEFAULT_DATA_DIR / "policies"
TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A writable copy of the bundled policy library."""
    target = tmp_path / "policies"
    shutil.copytree(BUNDLED, target)
    return target


@pytest.fixture
def hash_settings(tmp_path: Path, library: Path) -> Settings:
    return library_settings(tmp_path, library)


@pytest.fixture
def hash_embedder() -> HashEmbedder:
    return HashEmbedder()


@pytest.fixture(scope="session")
def real_embedder() -> SentenceTransformerEmbedder:
    """The bundled all-MiniLM-L6-v2, loaded once for the whole run."""
    return SentenceTransformerEmbedder("all-MiniLM-L6-v2")


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    root = tmp_path_factory.mktemp("real")
    return library_settings(root, BUNDLED, embedding_model=DEFAULT_EMBEDDING_MODEL)


@pytest.fixture(scope="session")
def real_index(real_settings: Settings, real_embedder: SentenceTransformerEmbedder) -> Settings:
    """The bundled library ingested once with the real model."""
    from ingest.indexer import ingest

    report = ingest(real_settings, embedder=real_embedder)
    assert report.documents == 5 and not report.errors
    return real_settings


@pytest.fixture(scope="session")
def assistant(real_index: Settings, real_embedder: SentenceTransformerEmbedder):
    from assistant.service import Assistant

    return Assistant(real_index, embedder=real_embedder, today=TODAY)
