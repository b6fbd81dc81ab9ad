"""The passage store: Chroma, embedded on disk or on a Chroma server, in immutable versions.

The index is a series of *versions*. A version is one complete Chroma collection: the
passages, their embeddings and, in the collection's metadata, the *manifest* (which version of
each document it holds, with the catalog facts). Once published, a version is never written
again. Embedded, each version is a folder of its own in INDEX_DIR, with its own Chroma files
(``policy_passages.v000012-3fa9c1``); on a server, a collection of that name.

A pointer names the live version: the file ``INDEX_DIR/policy_passages.current``, replaced in
one atomic ``os.replace``; on a server, the metadata of the collection
``policy_passages.current``, replaced in one write. A reader resolves the pointer once and
keeps that version, with a Chroma client of its own on that folder, until it refreshes: every
question is answered from one complete version, and a refresh sees the new one entirely (an
embedded Chroma client never sees files that another process changed under it).

Ingest builds the next version beside the live one and then moves the pointer, so a failure,
a full disk or a kill half-way leaves the live version untouched, and a store that Chroma can
no longer open is replaced, never repaired in place. The live version and the one before it
are kept (``policy-assistant ingest --restore`` goes back); older versions and leftovers of
interrupted ingests are removed by the next ingest.

An index from before versions (Chroma's files directly in INDEX_DIR, or the collection named
COLLECTION on a server) is read as the version ``"."`` until the first ingest replaces it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import logging
import os
import re
import secrets
import shutil
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.errors import (
    AssistantError,
    DiskFullError,
    IndexMissingError,
    IndexPermissionError,
    IndexStorageError,
    IndexUnreadableError,
    ModelMismatchError,
    SettingsError,
)
from core.settings import Settings
from core.types import Passage

log = logging.getLogger(__name__)

_GET_PAGE = 5000
_COPY_PAGE = 1000  # records with their embeddings: a few MB per page
LEGACY = "."  # the unversioned index of earlier releases
MARKER = "version.json"  # in a version folder: written last, so a folder without it is unfinished
POINTER_SUFFIX = ".current"
_UUID_DIR = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


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


# -- disk space and errors -----------------------------------------------------------------


def estimate_bytes(passages: int, text_chars: int, dimension: int) -> int:
    """Disk space a version with these passages takes. Measured with Chroma 1.5 (the SQLite
    log, metadata and full-text index, and the HNSW files) at 100 to 5,000 passages of 256 and
    384 dimensions: about 12 bytes per dimension and 10 per character of text, per passage,
    plus fixed costs; this errs high by 10 to 40 %."""
    return 256 * 1024 + passages * (12 * max(dimension, 1) + 1536) + 10 * text_chars


def free_bytes(path: Path) -> int:
    """Free space for this user on the disk that holds ``path`` (or its nearest parent)."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            return shutil.disk_usage(candidate).free
    return 0


def folder_bytes(path: Path) -> int:
    """Space the files under ``path`` take on disk (allocated blocks, as ``du``)."""
    total = 0
    for dirpath, _dirnames, filenames in os.walk(path):
        for name in filenames:
            with contextlib.suppress(OSError):
                stat = os.lstat(os.path.join(dirpath, name))
                total += getattr(stat, "st_blocks", 0) * 512 or stat.st_size
    return total


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "…"


def storage_error(
    exc: BaseException, folder: Path | str, *, need: int = 0, writing: bool = False
) -> AssistantError:
    """What a failure of Chroma (or of the file system) under ``folder`` means for the user:
    a full disk, a folder this user cannot write, or a store that cannot be read."""
    if isinstance(exc, AssistantError):
        return exc
    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    where = str(folder)
    free = free_bytes(Path(where))
    if (
        code in (errno.ENOSPC, errno.EDQUOT)
        or "disk is full" in text
        or "no space left" in text
        or "quota exceeded" in text
        # Chroma does not always say why a write failed ("Error in compaction: Failed to
        # apply logs to the metadata segment"); with less room left than the write needed,
        # the disk is the likely cause.
        or (writing and free < max(need, 1024 * 1024))
    ):
        return DiskFullError(where, need, free)
    if (
        code in (errno.EACCES, errno.EPERM, errno.EROFS)
        or "readonly database" in text
        or "read-only" in text
        or "permission denied" in text
    ):
        return IndexPermissionError(where)
    if writing:
        return IndexStorageError(
            f"Writing the index at {where} failed ({_reason(exc)}). The previous version is "
            "still live. Run ingest again; if it fails again, check the disk, or rebuild: "
            "`policy-assistant ingest --rebuild`.",
            folder=where,
        )
    return IndexUnreadableError(where, _reason(exc))


def _is_not_found(exc: BaseException) -> bool:
    try:
        from chromadb.errors import NotFoundError
    except ImportError:  # pragma: no cover - chromadb is a dependency
        return isinstance(exc, ValueError)
    return isinstance(exc, NotFoundError) or (
        type(exc) is ValueError and "does not exist" in str(exc)
    )


# -- clients -------------------------------------------------------------------------------


def _chroma_settings() -> Any:
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False)


def _server_client(settings: Settings) -> Any:
    import chromadb

    try:
        return chromadb.HttpClient(
            host=str(settings.chroma_host),
            port=settings.chroma_port,
            ssl=settings.chroma_ssl,
            settings=_chroma_settings(),
        )
    except Exception as exc:  # connection errors come in several types
        raise SettingsError(
            f"Cannot reach the Chroma server at {settings.store_location}: {exc}. Start it "
            "(`chroma run --path data/chroma-server`) or unset POLICY_ASSISTANT_CHROMA_HOST "
            "to use the embedded index."
        ) from None


def _forget_system(path: Path) -> None:
    """Drop a Chroma system that failed to start from Chroma's per-process cache; otherwise
    every later client on that folder gets the broken one."""
    try:
        from chromadb.api.shared_system_client import SharedSystemClient

        key = str(path)
        if SharedSystemClient._identifier_to_refcount.get(key, 0) <= 0:
            system = SharedSystemClient._identifier_to_system.pop(key, None)
            if system is not None:
                with contextlib.suppress(Exception):
                    system.stop()
    except Exception:  # private API: best effort
        log.debug("could not reset Chroma's cache for %s", path, exc_info=True)


def _folder_client(path: Path) -> Any:
    import chromadb

    try:
        return chromadb.PersistentClient(path=str(path), settings=_chroma_settings())
    except Exception as exc:
        _forget_system(path)
        log.debug("opening the Chroma store in %s failed", path, exc_info=True)
        raise storage_error(exc, path) from None


def make_client(settings: Settings) -> Any:
    """A Chroma client: the server when ``chroma_host`` is set, else the live version's folder."""
    if settings.chroma_host:
        return _server_client(settings)
    versions = FolderVersions(settings)
    name = versions.current()
    if name is None:
        raise IndexMissingError(settings.store_location)
    return _folder_client(versions.path(name))


# -- versions ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """One version of the index; ``complete`` once it was published (or is the legacy one)."""

    name: str
    generation: int
    complete: bool


@dataclass(slots=True)
class Removed:
    """What a clean-up removed."""

    names: list[str] = field(default_factory=list)
    bytes: int = 0
    kept: list[str] = field(default_factory=list)  # left in place, with the reason


def _generation(name: str, prefix: str) -> int | None:
    match = re.fullmatch(re.escape(prefix) + r"\.v(\d{6,})-[0-9a-f]{6}", name)
    return int(match.group(1)) if match else None


class IndexVersions:
    """The versions of one index, and the pointer to the live one."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.prefix = settings.collection

    # naming
    def new_name(self, generation: int) -> str:
        return f"{self.prefix}.v{generation:06d}-{secrets.token_hex(3)}"

    # to be provided per backend
    def current(self) -> str | None:
        raise NotImplementedError

    def versions(self) -> list[VersionInfo]:
        raise NotImplementedError

    def location(self, name: str | None) -> str:
        raise NotImplementedError

    def collection_name(self, name: str | None) -> str:
        raise NotImplementedError

    def client_for(self, name: str, *, create: bool = False) -> Any:
        raise NotImplementedError

    def owns_clients(self) -> bool:
        raise NotImplementedError

    def _point_to(self, name: str) -> None:
        raise NotImplementedError

    def _mark_complete(self, store: PassageStore, facts: dict[str, Any]) -> None:
        raise NotImplementedError

    def remove(self, name: str) -> int:
        """Delete one version; the bytes freed (0 where unknown)."""
        raise NotImplementedError

    def free_bytes(self) -> int | None:
        """Free space where new versions are written; None where it cannot be known."""
        return None

    def size(self, name: str) -> int | None:
        return None

    # shared logic
    def previous(self) -> str | None:
        """The newest complete version other than the live one: what ``restore`` goes back to."""
        live = self.current()
        done = [v for v in self.versions() if v.complete and v.name != live]
        return max(done, key=lambda v: v.generation).name if done else None

    def next_generation(self, at_least: int = 0) -> int:
        known = [v.generation for v in self.versions()]
        return max([at_least, *known]) + 1

    def create(self, generation: int) -> PassageStore:
        """An empty new version to write into; invisible to readers until published."""
        name = self.new_name(generation)
        return PassageStore(self.settings, versions=self, version=name, create=True)

    def publish(self, store: PassageStore, facts: dict[str, Any]) -> None:
        """Seal ``store``'s version and make it the live one, in one atomic switch."""
        self._mark_complete(store, facts)
        self._point_to(store.version or "")

    def discard(self, store: PassageStore) -> None:
        """Throw away an unpublished version (after a failure)."""
        store.close()
        try:
            live = self.current()
        except AssistantError:
            live = None
        if store.version and store.version not in (live, LEGACY):
            with contextlib.suppress(Exception):
                self.remove(store.version)

    def restore(self) -> str:
        """Make the previous version live again; its name. (The version it replaces becomes
        the previous one: restoring again goes forward.)"""
        previous = self.previous()
        if previous is None:
            raise AssistantError(
                f"There is no previous index version to go back to at {self.location(None)}. "
                "Run `policy-assistant ingest` to build the index."
            )
        self._point_to(previous)
        return previous

    def cleanup(self, keep: int = 2, drop: Iterable[str] = ()) -> Removed:
        """Remove every version but the live one and the ``keep - 1`` newest complete others,
        including unfinished versions of interrupted ingests, and the versions ``drop`` (known
        to be unreadable) unless live. Call it under the ingest lock."""
        live = self.current()
        dropped = set(drop) - {live}
        done = sorted(
            (v for v in self.versions() if v.complete and v.name != live and v.name not in dropped),
            key=lambda v: v.generation,
            reverse=True,
        )
        kept = {live, *(v.name for v in done[: max(keep - 1, 0)])}
        removed = Removed()
        for version in self.versions():
            if version.name in kept:
                continue
            try:
                freed = self.remove(version.name)
            except _KeepError as exc:
                removed.kept.append(f"{self.location(version.name)}: {exc}")
                continue
            except Exception as exc:
                log.warning("could not remove %s: %s", self.location(version.name), exc)
                removed.kept.append(f"{self.location(version.name)}: {_reason(exc)}")
                continue
            removed.names.append(version.name)
            removed.bytes += freed
        return removed


class _KeepError(Exception):
    """A version that clean-up leaves in place, with the reason."""


class FolderVersions(IndexVersions):
    """Versions as folders of INDEX_DIR, each with its own Chroma files; a pointer file."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.root = settings.index_path
        self.pointer = self.root / f"{self.prefix}{POINTER_SUFFIX}"

    def path(self, name: str) -> Path:
        return self.root if name == LEGACY else self.root / name

    def location(self, name: str | None) -> str:
        return str(self.path(name) if name else self.root)

    def collection_name(self, name: str | None) -> str:
        return self.prefix

    def owns_clients(self) -> bool:
        return True

    def _legacy_exists(self) -> bool:
        return (self.root / "chroma.sqlite3").is_file()

    def current(self) -> str | None:
        try:
            name = self.pointer.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return LEGACY if self._legacy_exists() else None
        except OSError as exc:
            raise storage_error(exc, self.root) from None
        if name != LEGACY and (_generation(name, self.prefix) is None or "/" in name):
            raise IndexUnreadableError(str(self.pointer), f"it names {name!r}, not a version")
        return name

    def versions(self) -> list[VersionInfo]:
        found = []
        if self._legacy_exists():
            found.append(VersionInfo(LEGACY, 0, True))
        try:
            entries = list(self.root.iterdir())
        except FileNotFoundError:
            return found
        except OSError as exc:
            raise storage_error(exc, self.root) from None
        for entry in entries:
            generation = _generation(entry.name, self.prefix)
            if generation is not None and entry.is_dir() and not entry.is_symlink():
                found.append(VersionInfo(entry.name, generation, (entry / MARKER).is_file()))
        return sorted(found, key=lambda v: (v.generation, v.name))

    def facts(self, name: str) -> dict[str, Any]:
        """What a published version's marker says (passages, documents, model, bytes)."""
        if name == LEGACY:
            return {}
        try:
            return dict(json.loads((self.path(name) / MARKER).read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return {}

    def client_for(self, name: str, *, create: bool = False) -> Any:
        path = self.path(name)
        if create:
            try:
                path.mkdir(parents=True)
            except OSError as exc:
                raise storage_error(exc, self.root, writing=True) from None
            try:
                return _folder_client(path)
            except DiskFullError as exc:  # name the folder the user knows, not the new one
                raise DiskFullError(str(self.root), exc.need, exc.free) from None
        if not (path / MARKER).is_file() and not (name == LEGACY and self._legacy_exists()):
            raise _VersionGone(name)  # removed (or never finished): resolve the pointer again
        return _folder_client(path)

    def _mark_complete(self, store: PassageStore, facts: dict[str, Any]) -> None:
        name = store.version or ""
        store.close()  # Chroma's files are complete once its client is closed
        path = self.path(name)
        _fsync_tree(path)  # on disk before the pointer names them, even if power fails
        facts = {**facts, "bytes": folder_bytes(path)}
        _write_atomically(path / MARKER, json.dumps(facts, ensure_ascii=False, indent=1), path)

    def _point_to(self, name: str) -> None:
        _write_atomically(self.pointer, name + "\n", self.root)

    def free_bytes(self) -> int | None:
        return free_bytes(self.root)

    def size(self, name: str) -> int | None:
        path = self.path(name)
        if name == LEGACY:
            return sum(folder_bytes(p) for p in self._legacy_files())
        return folder_bytes(path) if path.is_dir() else 0

    def _legacy_files(self) -> list[Path]:
        files = [
            p
            for p in self.root.glob("chroma.sqlite3*")
            if p.name in ("chroma.sqlite3", "chroma.sqlite3-wal", "chroma.sqlite3-shm")
            or p.name.startswith("chroma.sqlite3-journal")
        ]
        files += [p for p in self.root.iterdir() if p.is_dir() and _UUID_DIR.fullmatch(p.name)]
        return files

    def remove(self, name: str) -> int:
        if name == LEGACY:
            others = self._legacy_collections() - {self.prefix, f"{self.prefix}-rebuild"}
            if others:
                raise _KeepError(
                    f"also holds the collections {', '.join(sorted(others))}; left in place"
                )
            freed = self.size(name) or 0
            for path in self._legacy_files():
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()
            return freed
        path = self.path(name)
        freed = folder_bytes(path)
        shutil.rmtree(path)
        return freed

    def _legacy_collections(self) -> set[str]:
        """Collections in the legacy store, read from Chroma's SQLite file; a file that cannot
        be read is kept (it may hold another collection)."""
        uri = (self.root / "chroma.sqlite3").as_uri() + "?mode=ro"
        try:
            with contextlib.closing(sqlite3.connect(uri, uri=True)) as db:
                return {str(row[0]) for row in db.execute("SELECT name FROM collections")}
        except sqlite3.Error as exc:
            raise _KeepError(f"cannot be read ({exc}); delete it by hand if it is unused") from None


class ServerVersions(IndexVersions):
    """Versions as collections on a Chroma server; the pointer is a collection's metadata."""

    def __init__(self, settings: Settings, client: Any | None = None) -> None:
        super().__init__(settings)
        self.client = client if client is not None else _server_client(settings)
        self.pointer = f"{self.prefix}{POINTER_SUFFIX}"
        scheme = "https" if settings.chroma_ssl else "http"
        self.url = f"{scheme}://{settings.chroma_host}:{settings.chroma_port}"

    def location(self, name: str | None) -> str:
        return f"{self.url} ({self.collection_name(name)})"

    def collection_name(self, name: str | None) -> str:
        return self.prefix if not name or name == LEGACY else name

    def owns_clients(self) -> bool:
        return False

    def client_for(self, name: str, *, create: bool = False) -> Any:
        return self.client

    def _names(self) -> list[str]:
        try:
            listed = self.client.list_collections()
        except Exception as exc:
            raise storage_error(exc, self.url) from None
        return [c if isinstance(c, str) else c.name for c in listed]

    def current(self) -> str | None:
        try:
            meta = self.client.get_collection(self.pointer).metadata or {}
        except Exception as exc:
            if not _is_not_found(exc):
                raise storage_error(exc, self.location(None)) from None
            return LEGACY if self.prefix in self._names() else None
        name = str(meta.get("current", ""))
        return name or None

    def versions(self) -> list[VersionInfo]:
        found = []
        for name in self._names():
            if name == self.prefix:
                found.append(VersionInfo(LEGACY, 0, True))
            elif name == f"{self.prefix}-rebuild":  # left by an interrupted rebuild of old
                found.append(VersionInfo(name, 0, False))
            elif (generation := _generation(name, self.prefix)) is not None:
                try:
                    meta = self.client.get_collection(name).metadata or {}
                except Exception:
                    meta = {}
                found.append(VersionInfo(name, generation, bool(meta.get("complete"))))
        return sorted(found, key=lambda v: (v.generation, v.name))

    def _mark_complete(self, store: PassageStore, facts: dict[str, Any]) -> None:
        with store._guard(writing=True):
            collection = store._collection()
            collection.modify(metadata={**(collection.metadata or {}), "complete": True})

    def _point_to(self, name: str) -> None:
        try:
            pointer = self.client.get_or_create_collection(self.pointer, embedding_function=None)
            pointer.modify(metadata={"current": name})
        except Exception as exc:
            raise storage_error(exc, self.location(None), writing=True) from None

    def remove(self, name: str) -> int:
        self.client.delete_collection(self.collection_name(name))
        return 0


def index_versions(settings: Settings, client: Any | None = None) -> IndexVersions:
    if settings.chroma_host:
        return ServerVersions(settings, client)
    return FolderVersions(settings)


class _VersionGone(Exception):
    """The version the pointer named was removed before it could be opened."""


def _fsync_tree(folder: Path) -> None:
    for dirpath, _dirnames, filenames in os.walk(folder):
        for name in [*filenames, "."]:
            with contextlib.suppress(OSError):
                fd = os.open(os.path.join(dirpath, name), os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)


def _write_atomically(path: Path, text: str, folder: Path) -> None:
    """Write ``path`` so that readers see the old content or the new, never a part."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(3)}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        with contextlib.suppress(OSError):  # make the rename itself durable
            fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise storage_error(exc, folder, writing=True) from None


# -- one version ---------------------------------------------------------------------------


class PassageStore:
    """One version of the index: passages, their embeddings and the manifest, in a Chroma
    collection. ``PassageStore(settings)`` opens the live version and stays on it."""

    def __init__(
        self,
        settings: Settings,
        *,
        client: Any | None = None,
        versions: IndexVersions | None = None,
        version: str | None = None,
        create: bool = False,
    ) -> None:
        self.settings = settings
        self.versions = versions or index_versions(
            settings, client if settings.chroma_host else None
        )
        self._owns_client = client is None and self.versions.owns_clients()
        self.client: Any = client
        for _attempt in range(5):
            self.version = version if version is not None or create else self.versions.current()
            if self.client is not None or self.version is None:
                break
            try:
                self.client = self.versions.client_for(self.version, create=create)
                break
            except _VersionGone:
                if version is not None:
                    raise IndexMissingError(self.versions.location(version)) from None
                continue  # an ingest switched versions meanwhile: read the pointer again
        else:
            raise IndexMissingError(settings.store_location)
        self.name = self.versions.collection_name(self.version)
        self.location = self.versions.location(self.version)

    def close(self) -> None:
        """Release the Chroma client of this version (its files stay)."""
        if self._owns_client and self.client is not None:
            with contextlib.suppress(Exception):
                self.client.close()
        if self._owns_client:
            self.client = None

    @contextlib.contextmanager
    def _guard(self, *, writing: bool = False, need: int = 0) -> Iterator[None]:
        """Turn Chroma's failures into errors that say what to do."""
        try:
            yield
        except AssistantError:
            raise
        except Exception as exc:
            log.debug("Chroma failed on %s", self.location, exc_info=True)
            # a write goes to a new version: name the index folder the user knows
            where = self.versions.location(None) if writing else self.location
            raise storage_error(exc, where, need=need, writing=writing) from None

    # Collections -------------------------------------------------------
    def exists(self) -> bool:
        if self.client is None:
            return False
        try:
            self.client.get_collection(self.name)
            return True
        except Exception as exc:
            if _is_not_found(exc):
                return False
            log.debug("Chroma failed on %s", self.location, exc_info=True)
            raise storage_error(exc, self.location) from None

    def _collection(self, *, create: bool = False, name: str | None = None) -> Any:
        name = name or self.name
        if self.client is None:
            raise IndexMissingError(self.settings.store_location)
        if create:
            with self._guard(writing=True):
                return self.client.get_or_create_collection(
                    name, configuration={"hnsw": {"space": "cosine"}}, embedding_function=None
                )
        try:
            return self.client.get_collection(name, embedding_function=None)
        except Exception as exc:
            if _is_not_found(exc):
                raise IndexMissingError(self.settings.store_location) from None
            raise storage_error(exc, self.location) from None

    def manifest(self) -> Manifest:
        if not self.exists():
            return Manifest()
        with self._guard():
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

    # Writing (only a version that is not published yet) ---------------
    def add(self, passages: Sequence[Passage], embeddings: Sequence[Sequence[float]]) -> None:
        if not passages:
            return
        need = estimate_bytes(len(passages), sum(len(p.text) for p in passages), len(embeddings[0]))
        collection = self._collection(create=True)
        with self._guard(writing=True, need=need):
            collection.upsert(
                ids=[p.id for p in passages],
                embeddings=[list(e) for e in embeddings],
                documents=[p.text for p in passages],
                metadatas=[p.metadata() for p in passages],
            )

    def copy_from(self, source: PassageStore, keep: dict[str, str]) -> int:
        """Copy the passages of the document versions ``keep`` (doc_id -> hash) from
        ``source``, with their embeddings, so that unchanged documents are not embedded
        again. Returns how many. (Chroma normalises cosine vectors as it stores them, so a
        copy can differ from the first in the last bit of a float32.)"""
        if not keep:
            return 0
        target = self._collection(create=True)
        copied = 0
        for page in source._pages(["embeddings", "documents", "metadatas"], _COPY_PAGE):
            rows = [
                i
                for i, meta in enumerate(page["metadatas"])
                if keep.get(str(meta["doc_id"])) == meta.get("doc_hash")
            ]
            if not rows:
                continue
            embeddings = page["embeddings"]
            need = estimate_bytes(
                len(rows),
                sum(len(page["documents"][i] or "") for i in rows),
                len(embeddings[rows[0]]),
            )
            with self._guard(writing=True, need=need):
                target.upsert(
                    ids=[page["ids"][i] for i in rows],
                    embeddings=[embeddings[i] for i in rows],
                    documents=[page["documents"][i] for i in rows],
                    metadatas=[page["metadatas"][i] for i in rows],
                )
            copied += len(rows)
        return copied

    def count(self) -> int:
        with self._guard():
            return int(self._collection().count())

    def switch(self, manifest: Manifest) -> None:
        """Write ``manifest`` into this (unpublished) version's metadata."""
        collection = self._collection(create=True)
        with self._guard(writing=True):
            collection.modify(metadata=manifest.to_metadata())

    # Reading -----------------------------------------------------------
    def _pages(self, include: list[str], size: int = _GET_PAGE) -> Iterator[dict[str, Any]]:
        collection = self._collection()
        offset = 0
        while True:
            with self._guard():
                page = collection.get(include=include, limit=size, offset=offset)
            if not page["ids"]:
                return
            yield page
            offset += len(page["ids"])

    def _iter_records(self, include: list[str]) -> Iterable[tuple[str, dict[str, Any]]]:
        for page in self._pages(include):
            ids = page["ids"]
            docs = page.get("documents") or [None] * len(ids)
            for pid, meta, doc in zip(ids, page["metadatas"], docs, strict=True):
                yield pid, {**meta, "_text": doc}

    def live_passages(self) -> list[Passage]:
        """Every passage of the version's documents, in document order."""
        live = self.manifest().live_hashes()
        passages = [
            Passage.from_record(pid, meta.pop("_text") or "", meta)
            for pid, meta in self._iter_records(["documents", "metadatas"])
            if live.get(str(meta["doc_id"])) == meta.get("doc_hash")
        ]
        passages.sort(key=lambda p: (p.doc_id, p.position))
        return passages

    def query(
        self, embedding: Sequence[float], *, n: int, doc_ids: Iterable[str] | None = None
    ) -> list[tuple[str, float]]:
        """Nearest passage ids with cosine similarity, from this version only."""
        collection = self._collection()
        where: dict[str, Any] | None = None
        if doc_ids is not None:
            wanted = sorted(doc_ids)
            if not wanted:
                return []
            where = {"doc_id": {"$in": wanted}} if len(wanted) > 1 else {"doc_id": wanted[0]}
        with self._guard():
            result = collection.query(
                query_embeddings=[list(embedding)],
                n_results=n * 2,
                where=where,
                include=["distances"],
            )
        hits = [
            (pid, 1.0 - float(d))
            for pid, d in zip(result["ids"][0], result["distances"][0], strict=True)
        ]
        return hits[: n * 2]


def version_facts(manifest: Manifest, passages: int) -> dict[str, Any]:
    """What a version's marker records about it."""
    return {
        "generation": manifest.generation,
        "embedding_model": manifest.embedding_model,
        "dimension": manifest.dimension,
        "documents": len(manifest.documents),
        "passages": passages,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
