"""The passage store: a Chroma collection, embedded on disk or on a Chroma server.

Chroma is the one source of truth. Besides the passages, the collection's metadata holds
a *manifest*: which version (content hash) of each document is live, and the catalog facts
about it. Ingest writes new versions beside the old ones and then switches the manifest in
one write, so a failure half-way leaves the previous index intact and usable.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.errors import AssistantError, IndexMissingError, ModelMismatchError, SettingsError
from core.settings import Settings
from core.types import Passage

log = logging.getLogger(__name__)

_GET_PAGE = 5000


@dataclass(slots=True)
class Manifest:
    """The live version of each document, and what the index was built with."""

    embedding_model: str = ""
    dimension: int = 0
    generation: int = 0
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)  # doc_id -> facts

    def live_hashes(self) -> dict[str, str]:
        return {doc_id: d["hash"] for doc_id, d in self.documents.items()}

    def to_metadata(self) -> dict[str, Any]:
        return {
            "embedding_model": self.embedding_model,
            "dimension": self.dimension,
            "generation": self.generation,
            "manifest": json.dumps(self.documents, ensure_ascii=False, default=str),
        }

    @classmethod
    def from_metadata(cls, meta: dict[str, Any] | None) -> Manifest:
        meta = meta or {}
        return cls(
            embedding_model=str(meta.get("embedding_model", "")),
            dimension=int(meta.get("dimension", 0) or 0),
            generation=int(meta.get("generation", 0) or 0),
            documents=json.loads(meta.get("manifest") or "{}"),
        )


def make_client(settings: Settings) -> Any:
    """A Chroma client: a server when ``chroma_host`` is set, else a folder on disk."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        try:
            return chromadb.HttpClient(
                host=settings.chroma_host,
                port=settings.chroma_port,
                ssl=settings.chroma_ssl,
                settings=chroma_settings,
            )
        except Exception as exc:  # connection errors come in several types
            raise SettingsError(
                f"Cannot reach the Chroma server at {settings.store_location}: {exc}. Start it "
                "(`chroma run --path data/chroma-server`) or unset POLICY_ASSISTANT_CHROMA_HOST "
                "to use the embedded index."
            ) from None
    settings.index_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.index_path), settings=chroma_settings)


class PassageStore:
    """Passages and their embeddings in one Chroma collection, plus the manifest."""

    def __init__(self, settings: Settings, *, client: Any | None = None) -> None:
        self.settings = settings
        self.client = client if client is not None else make_client(settings)
        self.name = settings.collection

    # Collections -------------------------------------------------------
    def exists(self) -> bool:
        try:
            self.client.get_collection(self.name)
            return True
        except Exception:  # chromadb raises NotFoundError / ValueError depending on version
            return False

    def _collection(self, *, create: bool = False, name: str | None = None) -> Any:
        name = name or self.name
        if create:
            return self.client.get_or_create_collection(
                name, configuration={"hnsw": {"space": "cosine"}}, embedding_function=None
            )
        try:
            return self.client.get_collection(name, embedding_function=None)
        except Exception:
            raise IndexMissingError(self.settings.store_location) from None

    def manifest(self) -> Manifest:
        if not self.exists():
            return Manifest()
        return Manifest.from_metadata(self._collection().metadata)

    def check_model(self, model_name: str) -> Manifest:
        """The manifest, after checking that the index was built with ``model_name``."""
        if not self.exists():
            raise IndexMissingError(self.settings.store_location)
        manifest = self.manifest()
        if not manifest.documents:
            raise IndexMissingError(self.settings.store_location)
        if manifest.embedding_model and manifest.embedding_model != model_name:
            raise ModelMismatchError(manifest.embedding_model, model_name)
        return manifest

    def drop(self) -> None:
        if self.exists():
            self.client.delete_collection(self.name)

    # Writing -----------------------------------------------------------
    def add(self, passages: Sequence[Passage], embeddings: Sequence[Sequence[float]]) -> None:
        if not passages:
            return
        collection = self._collection(create=True)
        collection.upsert(
            ids=[p.id for p in passages],
            embeddings=[list(e) for e in embeddings],
            documents=[p.text for p in passages],
            metadatas=[p.metadata() for p in passages],
        )

    def switch(self, manifest: Manifest) -> None:
        """Make ``manifest`` live: one metadata write, seen by every reader at once."""
        collection = self._collection(create=True)
        collection.modify(metadata=manifest.to_metadata())

    def sweep(self) -> int:
        """Delete passages that belong to no live document version. Returns how many."""
        if not self.exists():
            return 0
        live = self.manifest().live_hashes()
        collection = self._collection()
        stale = [
            pid
            for pid, meta in self._iter_records(collection, include=["metadatas"])
            if live.get(str(meta["doc_id"])) != meta.get("doc_hash")
        ]
        for start in range(0, len(stale), _GET_PAGE):
            collection.delete(ids=stale[start : start + _GET_PAGE])
        return len(stale)

    # Reading -----------------------------------------------------------
    @staticmethod
    def _iter_records(collection: Any, include: list[str]) -> Iterable[tuple[str, dict[str, Any]]]:
        offset = 0
        while True:
            page = collection.get(include=include, limit=_GET_PAGE, offset=offset)
            ids = page["ids"]
            if not ids:
                return
            docs = page.get("documents") or [None] * len(ids)
            for pid, meta, doc in zip(ids, page["metadatas"], docs, strict=True):
                yield pid, {**meta, "_text": doc}
            offset += len(ids)

    def live_passages(self) -> list[Passage]:
        """Every passage of the live document versions, in document order."""
        live = self.manifest().live_hashes()
        collection = self._collection()
        passages = [
            Passage.from_record(pid, meta.pop("_text") or "", meta)
            for pid, meta in self._iter_records(collection, include=["documents", "metadatas"])
            if live.get(str(meta["doc_id"])) == meta.get("doc_hash")
        ]
        passages.sort(key=lambda p: (p.doc_id, p.position))
        return passages

    def query(
        self, embedding: Sequence[float], *, n: int, doc_ids: Iterable[str] | None = None
    ) -> list[tuple[str, float]]:
        """Nearest passage ids with cosine similarity. Ids of replaced document versions may
        appear until the next sweep; callers keep only the live ids they loaded."""
        collection = self._collection()
        where: dict[str, Any] | None = None
        if doc_ids is not None:
            wanted = sorted(doc_ids)
            if not wanted:
                return []
            where = {"doc_id": {"$in": wanted}} if len(wanted) > 1 else {"doc_id": wanted[0]}
        try:
            result = collection.query(
                query_embeddings=[list(embedding)],
                n_results=n * 2,
                where=where,
                include=["distances"],
            )
        except Exception as exc:
            raise AssistantError(
                f"The vector search failed: {exc}. Re-run `policy-assistant ingest`."
            ) from exc
        hits = [
            (pid, 1.0 - float(d))
            for pid, d in zip(result["ids"][0], result["distances"][0], strict=True)
        ]
        return hits[: n * 2]
