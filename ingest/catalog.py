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

from assistant.errors import CatalogError

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


def _entry(raw: dict) -> DocumentMeta:
    return DocumentMeta(
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


def _position(message: str, text: str) -> str:
    """tomllib's "Invalid value (at line 3, column 8)" as "line 3, column 8: invalid value";
    "(at end of document)" as the last line."""
    m = re.search(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$", message)
    if not m:
        return message
    reason = message[: m.start()]
    reason = reason[:1].lower() + reason[1:]
    if m.group(1):
        return f"line {m.group(1)}, column {m.group(2)}: {reason}"
    return f"line {len(text.splitlines())} (the end of the file): {reason}"


def _entry_lines(text: str) -> list[int]:
    """The line number of each [[document]] header, in order."""
    return [
        n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith("[[document]]")
    ]


class Catalog:
    """The entries of ``catalog.toml``, by file name."""

    def __init__(self, entries: dict[str, DocumentMeta]) -> None:
        self.entries = entries

    @classmethod
    def load(cls, folder: Path) -> Catalog:
        """The catalog of ``folder``; CatalogError names the file and line of a mistake."""
        path = folder / CATALOG_FILE
        if not path.exists():
            return cls({})
        try:
            text = path.read_bytes().decode("utf-8")
            data = tomllib.loads(text)
        except UnicodeDecodeError:
            raise CatalogError(
                f"{path} is not UTF-8 text. Save it as UTF-8 and run ingest again."
            ) from None
        except tomllib.TOMLDecodeError as exc:
            raise CatalogError(
                f"{path}: {_position(str(exc), text)}. Fix that line (the fields are listed at the "
                "top of the file) and run ingest again."
            ) from None
        documents = data.get("document", [])
        if not isinstance(documents, list):
            raise CatalogError(
                f"{path}: each entry must start with [[document]] (two brackets), not "
                "[document]. Fix it and run ingest again."
            )
        lines = _entry_lines(text)
        entries: dict[str, DocumentMeta] = {}
        for number, raw in enumerate(documents):
            line = lines[number] if number < len(lines) else 0
            try:
                meta = _entry(raw)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                what = (
                    f"the required field '{exc.args[0]}' is missing"
                    if isinstance(exc, KeyError)
                    else f"a value is wrong ({exc})"
                )
                raise CatalogError(
                    f"{path} line {line}: in this [[document]] entry {what}. Fix it (the fields "
                    "are listed at the top of the file) and run ingest again."
                ) from None
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
