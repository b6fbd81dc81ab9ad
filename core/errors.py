"""Exceptions the library raises. Each message says what to do about it.

Only the edges (the CLI and the Streamlit app) turn them into friendly text.
"""


class AssistantError(Exception):
    """Base class: a problem the user or operator can fix."""


class SettingsError(AssistantError):
    """A setting has a value that cannot work; the message names it and the fix."""


class IndexMissingError(AssistantError):
    """No index has been built yet."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"No policy index found at {where}. Build it first: `policy-assistant ingest`."
        )


class ModelMismatchError(AssistantError):
    """The index was built with another embedding model than the one configured."""

    def __init__(self, built_with: str, configured: str) -> None:
        super().__init__(
            f"The index was built with the embedding model {built_with!r}, but "
            f"POLICY_ASSISTANT_EMBEDDING_MODEL is {configured!r}. Either set it back, or "
            "re-ingest with the new model: `policy-assistant ingest --rebuild`."
        )
        self.built_with = built_with
        self.configured = configured


class IngestBusyError(AssistantError):
    """Another ingest holds the lock."""

    def __init__(self, lock_path: str) -> None:
        super().__init__(
            "Another ingest is running on this index (lock: "
            f"{lock_path}). Wait for it to finish, then run ingest again."
        )


class UnknownOrganisationError(AssistantError):
    """An organisation filter matched none, or more than one, organisation."""

    def __init__(self, name: str, known: list[str], *, ambiguous: bool = False) -> None:
        what = "matches more than one organisation" if ambiguous else "matches no organisation"
        super().__init__(
            f"{name!r} {what}. Known organisations: {', '.join(known)}. "
            "Give a unique part of one of these names."
        )
        self.name = name
        self.known = known


class BadQuestionError(AssistantError):
    """The question cannot be answered as given (empty, far too long). The message is in the
    question's language; ``key`` and ``values`` let a front end say it in the user's."""

    def __init__(self, message: str, key: str = "", **values: object) -> None:
        super().__init__(message)
        self.key = key
        self.values = values


class DocumentError(AssistantError):
    """A file could not be read as a policy document; the message says why."""


class EmbeddingModelError(AssistantError):
    """The configured embedding model could not be loaded."""


class CatalogError(AssistantError):
    """A policy folder's catalog.toml cannot be read; the message names the file and line."""


class FeedbackError(AssistantError):
    """Answer feedback could not be saved (the database is locked or read-only).

    ``reason`` is ``locked``, ``readonly`` or ``failed``, for the app to say it in the user's
    language."""

    def __init__(self, message: str, reason: str = "failed") -> None:
        super().__init__(message)
        self.reason = reason


class IndexStorageError(AssistantError):
    """The index folder cannot be used as it is: unreadable, not writable or out of space.

    ``key`` and ``values`` name the message in ``core.messages`` for an interface that speaks
    the user's language; ``str()`` is the operator's message, in English."""

    key = "index_unreadable"

    def __init__(self, message: str, **values: object) -> None:
        super().__init__(message)
        self.values = values


class IndexUnreadableError(IndexStorageError):
    """Chroma cannot open or read the index (a damaged store, e.g. after a full disk)."""

    key = "index_unreadable"

    def __init__(self, folder: str, reason: str) -> None:
        super().__init__(
            f"The policy index at {folder} cannot be read ({reason}). Rebuild it: "
            "`policy-assistant ingest --rebuild` (or go back to the previous version: "
            "`policy-assistant ingest --restore`).",
            folder=folder,
        )
        self.folder = folder
        self.reason = reason


class IndexPermissionError(IndexStorageError):
    """The index folder is read-only, or belongs to another user."""

    key = "index_readonly"

    def __init__(self, folder: str) -> None:
        super().__init__(
            f"The index folder {folder} cannot be written by this user (read-only, or owned by "
            "another user); Chroma must write there even to answer. Make it writable "
            f"(`chown -R $(id -un) {folder}` or `chmod -R u+w {folder}`) or point "
            "POLICY_ASSISTANT_INDEX_DIR to a folder you can write.",
            folder=folder,
        )
        self.folder = folder


class DiskFullError(IndexStorageError):
    """Too little free space to write a new index version; nothing was changed."""

    key = "disk_full"

    def __init__(self, folder: str, need: int, free: int) -> None:
        need_mb, free_mb = _mb(need), _mb(free)
        needed = (
            f"ingest needs about {need_mb} MB, {free_mb} MB is" if need else f"only {free_mb} MB is"
        )
        super().__init__(
            f"Not enough free disk space for the index at {folder}: {needed} free. The index "
            "is unchanged. Free some space (or point POLICY_ASSISTANT_INDEX_DIR to another "
            "disk), then run ingest again.",
            folder=folder,
            free_mb=free_mb,
        )
        self.folder = folder
        self.need = need
        self.free = free


def _mb(size: int) -> str:
    return f"{max(size, 0) / 1_000_000:.1f}"
