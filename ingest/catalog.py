"""The policy library's catalog: who wrote each document, what it is, and when it applies."""

from __future__ import annotations

import datetime as dt
import logging
import re
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

CATALOG_FILE = "catalog.toml"


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What the catalog (or a guess from the text) says about one policy document."""

    id: str
    file: str
    organisation: str
    title: str
    type: str = "policy"
    aliases: tuple[str, ...] = ()
    decided_by: str | None = None
    decided_on: dt.date | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    language: str = "sv"
    source_note: str | None = None
    guessed: bool = False  # True when no catalog entry existed
    warnings: tuple[str, ...] = field(default=())

    def validity(self, today: dt.date | None = None) -> str:
        """``in_force``, ``expired``, ``not_yet`` or ``unknown`` (no dates in the text)."""
        today = today or dt.date.today()
        if self.valid_to and today > self.valid_to:
            return "expired"
        if self.valid_from and today < self.valid_from:
            return "not_yet"
        if self.valid_to:
            return "in_force"
        return "unknown"

    def validity_note(self, today: dt.date | None = None, lang: str = "sv") -> str | None:
        """A short warning to show beside a citation, or None when nothing is known to be wrong."""
        status = self.validity(today)
        if status == "expired" and self.valid_to:
            if lang == "en":
                return f"expired {self.valid_to.isoformat()}; may have been replaced"
            return f"upphörde att gälla {self.valid_to.isoformat()}; kan ha ersatts"
        if status == "not_yet" and self.valid_from:
            if lang == "en":
                return f"applies from {self.valid_from.isoformat()}"
            return f"gäller från {self.valid_from.isoformat()}"
        return None

    def names(self) -> tuple[str, ...]:
        """Every name a user may type for this organisation, longest first."""
        return tuple(sorted({self.organisation, *self.aliases}, key=len, reverse=True))


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "document"


def _date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


class Catalog:
    """The entries of ``catalog.toml``, by file name."""

    def __init__(self, entries: dict[str, DocumentMeta]) -> None:
        self.entries = entries

    @classmethod
    def load(cls, folder: Path) -> Catalog:
        path = folder / CATALOG_FILE
        if not path.exists():
            return cls({})
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        entries: dict[str, DocumentMeta] = {}
        for raw in data.get("document", []):
            meta = DocumentMeta(
                id=raw.get("id") or slugify(Path(raw["file"]).stem),
                file=raw["file"],
                organisation=raw["organisation"],
                title=raw["title"],
                type=raw.get("type", "policy"),
                aliases=tuple(raw.get("aliases", ())),
                decided_by=raw.get("decided_by"),
                decided_on=_date(raw.get("decided_on")),
                valid_from=_date(raw.get("valid_from")),
                valid_to=_date(raw.get("valid_to")),
                language=raw.get("language", "sv"),
                source_note=raw.get("source_note"),
            )
            entries[meta.file] = meta
        return cls(entries)

    def meta_for(self, path: Path, text: str) -> DocumentMeta:
        """The catalog entry for ``path``, or metadata guessed from ``text`` with a warning."""
        entry = self.entries.get(path.name)
        if entry is not None:
            return entry
        return guess_meta(path, text)


_ORG_PATTERNS = [
    r"\b(Landstinget i [A-ZÅÄÖ][\wåäö]+)",
    r"\b(Landstinget [A-ZÅÄÖ][\wåäö]+)",
    r"\b(Region [A-ZÅÄÖ][\wåäö]+)",
    r"\b([A-ZÅÄÖ][\wåäö]+ läns landsting)",
    r"\b([A-ZÅÄÖ][\wåäö]+s kommun)\b",
    r"\b([A-ZÅÄÖ][\wåäö]+ kommun)\b",
]


def guess_meta(path: Path, text: str) -> DocumentMeta:
    """Metadata for a document with no catalog entry: title from the first heading,
    organisation from the names the text mentions most."""
    title = ""
    for line in text.splitlines():
        stripped = line.strip().strip("#*_ ").strip()
        if stripped:
            title = stripped[:120]
            break
    counts: Counter[str] = Counter()
    for pattern in _ORG_PATTERNS:
        counts.update(m.group(1) for m in re.finditer(pattern, text))
    organisation = counts.most_common(1)[0][0] if counts else "Okänd organisation"
    lowered = title.lower()
    doc_type = next((t for t in ("riktlinjer", "strategi", "policy") if t in lowered), "policy")
    warning = (
        f"{path.name} has no entry in {CATALOG_FILE}; guessed organisation "
        f"{organisation!r} and title {title!r} from its text. Add an entry to make them exact."
    )
    log.warning(warning)
    aliases = tuple(
        w
        for w in re.findall(r"[A-ZÅÄÖ][\wåäö]{3,}", organisation)
        if w not in {"Landstinget", "Region"}
    )
    return DocumentMeta(
        id=slugify(path.stem),
        file=path.name,
        organisation=organisation,
        title=title or path.stem,
        type=doc_type,
        aliases=aliases,
        guessed=True,
        warnings=(warning,),
    )
