"""The responsibility map, read back from the index: the statements found at ingest
(``core/statements.py``, run by ``ingest/indexer.py``) and stored with each passage, so the map always matches the index
it cites."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from core.types import Passage, Responsibility


def extract(
    passages: Iterable[Passage], titles: dict[str, str] | None = None
) -> list[Responsibility]:
    """The responsibility map: the statements stored with each passage at ingest, in document
    order, each once per organisation, each keeping its passage for the citation."""
    rows: list[Responsibility] = []
    seen: set[tuple[str, str, str, str]] = set()
    for p in passages:
        for organ, relation, matter in p.responsibilities:
            key = (p.organisation, organ.lower(), relation, matter.lower()[:50])
            if key in seen:
                continue
            seen.add(key)
            rows.append(
                Responsibility(
                    organisation=p.organisation,
                    organ=organ,
                    relation=relation,
                    matter=matter,
                    document=(titles or {}).get(p.doc_id, p.title),
                    doc_id=p.doc_id,
                    section=p.section,
                    passage_id=p.id,
                    passage_text=p.text,
                )
            )
    return rows


def to_csv(rows: Iterable[Responsibility]) -> str:
    out = io.StringIO()
    fields = [
        "organisation",
        "organ",
        "relation",
        "kind",
        "matter",
        "document",
        "section",
        "doc_id",
        "passage_id",
    ]
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row.row())
    return out.getvalue()
