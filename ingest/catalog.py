"""The policy library's catalog: who wrote each document, what it is, and when it applies."""

from __future__ import annotations

import logging
import re
import tomllib
from collections import Counter
from pathlib import Path

from core.documents import DocumentMeta, slugify

log = logging.getLogger(__name__)

CATALOG_FILE = "catalog.toml"


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
            meta = DocumentMeta.model_validate(
                {"id": raw.get("id") or slugify(Path(raw["file"]).stem), **raw}
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
