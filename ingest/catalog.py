"""The policy library's catalog: who wrote each document, what it is, and when it applies."""

from __future__ import annotations

import logging
import re
import tomllib
from collections import Counter
from pathlib import Path

from pydantic import ValidationError

from core.documents import DocumentMeta, slugify
from core.errors import CatalogError

log = logging.getLogger(__name__)

CATALOG_FILE = "catalog.toml"


def _entry(raw: dict) -> DocumentMeta:
    for required in ("file", "organisation", "title"):
        if required not in raw:
            raise KeyError(required)
    try:
        return DocumentMeta.model_validate(
            {"id": raw.get("id") or slugify(Path(raw["file"]).stem), **raw}
        )
    except ValidationError as exc:  # a short reason, not pydantic's report
        reasons = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        raise ValueError("; ".join(reasons)) from None


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
