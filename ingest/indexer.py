"""Ingest: files -> passages -> embeddings -> Chroma, incrementally and safely.

- Unchanged documents (same content hash) are skipped; changed ones replaced; documents
  whose files were removed from an ingested folder are deleted.
- New versions are written beside the old ones and the manifest is switched in one write,
  so a failure half-way leaves the previous index intact.
- A second ingest while one runs is refused (file lock), not interleaved.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from core.documents import DocumentMeta
from core.embeddings import Embedder, configured_model_name, make_embedder
from core.errors import DocumentError, IngestBusyError, ModelMismatchError
from core.settings import Settings
from core.statements import statements
from core.store import Manifest, PassageStore
from core.types import Passage
from ingest import loaders
from ingest.catalog import CATALOG_FILE, Catalog
from ingest.chunking import chunk_text

log = logging.getLogger(__name__)

# Bump when chunking or what is extracted from passages changes, so that every document
# is re-chunked on the next ingest.
# 4: responsibility statements stored with each passage; 5: infinitive duties;
# 6: statements in any organisation's phrasing (passive, nominal, inverted, body sections)
CHUNKER_VERSION = "6"

Progress = Callable[[int, int, str], None]

# Passages are embedded in batches that span documents: the model sorts a batch by length,
# so bigger batches waste less on padding (measured: per-document batches ran at ~75 % of
# the model's own rate). Small enough that progress still moves every few seconds.
EMBED_BATCH_PASSAGES = 256


@dataclass(slots=True)
class _Pending:
    """A document whose passages are made but not yet embedded and written."""

    meta: DocumentMeta
    path: Path
    doc_hash: str
    fmt: str
    passages: list[Passage]


@dataclass(slots=True)
class FileError:
    path: str
    error: str


@dataclass(slots=True)
class IngestReport:
    documents: int = 0
    passages: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    errors: list[FileError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        return data

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[Path], list[FileError]]:
    """The files to ingest, the folders scanned (for deletions) and the paths refused: those
    that do not exist, and links in a folder that lead out of it."""
    files: list[Path] = []
    folders: list[Path] = []
    problems: list[FileError] = []
    for path in paths:
        path = path.expanduser().resolve()
        if path.is_dir():
            folders.append(path)
            found, refused = _folder_files(path)
            files.extend(found)
            problems.extend(refused)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(FileError(str(path), "no such file or folder"))
    return files, folders, problems


def _folder_files(root: Path) -> tuple[list[Path], list[FileError]]:
    """The policy files under ``root`` (resolved). A symbolic link, to a file or a folder,
    that resolves outside ``root`` is refused: the library is what is in its folder, and a
    link must not let a document from elsewhere (another user's files, /etc) be indexed and
    quoted. Linked folders are never entered; links within the folder are followed."""
    files: list[Path] = []
    refused: list[FileError] = []
    for dirpath, dirnames, filenames in os.walk(root):  # does not follow linked folders
        here = Path(dirpath)
        for name in sorted(dirnames):
            link = here / name
            if link.is_symlink() and not link.resolve().is_relative_to(root):
                refused.append(
                    FileError(
                        str(link),
                        f"a link to the folder {link.resolve()}, outside the policy folder "
                        f"{root}; its files were not read. Copy them into the folder instead",
                    )
                )
        for name in filenames:
            path = here / name
            if name.startswith(".") or name == CATALOG_FILE:
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                refused.append(
                    FileError(
                        str(path),
                        f"a link to {path.resolve()}, outside the policy folder {root}; not "
                        "read. Copy the file into the folder instead",
                    )
                )
            elif path.is_file():
                files.append(path)
    return sorted(files), refused


def document_hash(text: str, meta: DocumentMeta) -> str:
    facts = json.dumps(meta.to_facts(), sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(f"{CHUNKER_VERSION}\0{facts}\0{text}".encode())
    return digest.hexdigest()[:16]


def manifest_entry(
    meta: DocumentMeta, path: Path, doc_hash: str, passages: int, fmt: str
) -> dict[str, Any]:
    facts = meta.to_facts()
    facts.update(hash=doc_hash, path=str(path), passages=passages, format=fmt)
    return facts


def make_passages(
    meta: DocumentMeta, text: str, doc_hash: str, embedder: Embedder
) -> list[Passage]:
    def fits(chunk: str) -> bool:
        probe = f"{meta.organisation}. {meta.title}. \n{chunk}"
        return embedder.token_count(probe) <= embedder.max_tokens

    chunks = chunk_text(text, furniture=meta.names(), fits=fits)
    return [
        Passage(
            id=f"{meta.id}:{doc_hash}:{c.position:04d}",
            doc_id=meta.id,
            organisation=meta.organisation,
            title=meta.title,
            section=c.section,
            position=c.position,
            text=c.text,
            source=meta.file,
            doc_hash=doc_hash,
            responsibilities=tuple(statements(c.text, c.section)),
        )
        for c in chunks
    ]


def _lock_path(settings: Settings) -> Path:
    if settings.chroma_host:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        return settings.data_dir / f".ingest-{settings.chroma_host}-{settings.collection}.lock"
    settings.index_path.mkdir(parents=True, exist_ok=True)
    return settings.index_path / f".ingest-{settings.collection}.lock"


def ingest(
    settings: Settings,
    paths: Sequence[Path] | None = None,
    *,
    embedder: Embedder | None = None,
    store: PassageStore | None = None,
    progress: Progress | None = None,
    rebuild: bool = False,
) -> IngestReport:
    """Bring the index up to date with ``paths`` (default: the bundled library)."""
    lock = FileLock(str(_lock_path(settings)), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise IngestBusyError(lock.lock_file) from None
    try:
        return _ingest_locked(
            settings, paths, embedder=embedder, store=store, progress=progress, rebuild=rebuild
        )
    finally:
        lock.release()


def _ingest_locked(
    settings: Settings,
    paths: Sequence[Path] | None,
    *,
    embedder: Embedder | None,
    store: PassageStore | None,
    progress: Progress | None,
    rebuild: bool,
) -> IngestReport:
    model_name = embedder.name if embedder else configured_model_name(settings)
    loaded_embedder: list[Embedder] = [embedder] if embedder else []

    def get_embedder() -> Embedder:  # loaded only when something needs embedding
        if not loaded_embedder:
            loaded_embedder.append(make_embedder(settings))
        return loaded_embedder[0]

    live_store = store or PassageStore(settings)
    target = live_store
    if rebuild:
        target = PassageStore(
            settings.model_copy(update={"collection": f"{settings.collection}-rebuild"}),
            client=live_store.client,
        )
        target.drop()
    old = target.manifest()
    if old.documents and old.embedding_model and old.embedding_model != model_name:
        raise ModelMismatchError(old.embedding_model, model_name)

    report = IngestReport()
    files, folders, refused = collect_files(paths or [settings.policies_path])
    report.errors.extend(refused)
    refused_paths = {problem.path for problem in refused}
    catalogs: dict[Path, Catalog] = {}
    new_docs = dict(old.documents)
    seen: set[str] = set()
    max_bytes = int(settings.max_file_mb * 1024 * 1024)
    pending: list[_Pending] = []

    def flush() -> None:
        passages = [p for doc in pending for p in doc.passages]
        vectors = get_embedder().embed_documents([p.context_text() for p in passages])
        target.add(passages, vectors)
        for doc in pending:
            new_docs[doc.meta.id] = manifest_entry(
                doc.meta, doc.path, doc.doc_hash, len(doc.passages), doc.fmt
            )
        pending.clear()

    for index, path in enumerate(files):
        if progress:
            progress(index, len(files), path.name)
        try:
            loaded = loaders.load(path, max_bytes=max_bytes)
        except DocumentError as exc:
            report.errors.append(FileError(str(path), str(exc)))
            log.warning("skipped %s: %s", path, exc)
            # Keep what the index already has for this file: nothing is lost.
            seen.update(d for d, facts in old.documents.items() if facts.get("path") == str(path))
            continue
        if path.parent not in catalogs:  # read each folder's catalog once, not once per file
            catalogs[path.parent] = Catalog.load(path.parent)
        catalog = catalogs[path.parent]
        meta = catalog.meta_for(path, loaded.text)
        report.warnings.extend(meta.warnings)
        if meta.id in seen:
            report.errors.append(
                FileError(
                    str(path),
                    f"another file already has the document id {meta.id!r}; give it its own id in {CATALOG_FILE}",
                )
            )
            continue
        seen.add(meta.id)
        doc_hash = document_hash(loaded.text, meta)
        previous = old.documents.get(meta.id)
        report.documents += 1
        if previous and previous.get("hash") == doc_hash:
            report.unchanged += 1
            report.passages += int(previous.get("passages", 0))
            continue
        passages = make_passages(meta, loaded.text, doc_hash, get_embedder())
        if not passages:
            report.errors.append(FileError(str(path), "no passages could be made from the text"))
            report.documents -= 1
            continue
        pending.append(_Pending(meta, path, doc_hash, loaded.format, passages))
        if sum(len(doc.passages) for doc in pending) >= EMBED_BATCH_PASSAGES:
            flush()
        report.passages += len(passages)
        if previous:
            report.updated += 1
        else:
            report.added += 1

    if pending:
        flush()

    for doc_id, facts in old.documents.items():
        doc_path = Path(str(facts.get("path", "")))
        in_scanned_folder = any(doc_path.is_relative_to(folder) for folder in folders)
        # a file that is gone, or now a link out of the folder (or under one), is dropped
        gone = not doc_path.exists() or any(doc_path.is_relative_to(r) for r in refused_paths)
        if doc_id not in seen and in_scanned_folder and gone:
            del new_docs[doc_id]
            report.removed += 1

    changed = report.added or report.updated or report.removed or not target.exists()
    if changed:
        target.switch(
            Manifest(
                embedding_model=model_name,
                dimension=get_embedder().dimension if loaded_embedder else old.dimension,
                generation=old.generation + 1,
                documents=new_docs,
            )
        )
    swept = target.sweep()
    if swept:
        log.info("removed %d passages of replaced or deleted documents", swept)
    if rebuild:
        _replace_collection(live_store, target)
    if progress:
        progress(len(files), len(files), "done")
    return report


def _replace_collection(live: PassageStore, rebuilt: PassageStore) -> None:
    """Put a rebuilt collection in place of the live one."""
    live.drop()
    rebuilt.client.get_collection(rebuilt.name).modify(name=live.name)
