"""Acceptance: the map of the five bundled documents keeps every row it had before the
extraction was rewritten to read any organisation's phrasing (``bundled_map_before.csv``,
dumped with ``policy-assistant map --csv`` before the change).

A row is kept when the same organisation, organ and relation hold a matter that starts with
the old matter's first four words. Where the old matter ran on into another clause, the new
one is cleaner and shorter but starts the same way:

- Regionala nämnden, svarar för: "andra ställningstaganden i det löpande arbetet" (the old
  matter went on ", vilka kräver politiska beslut");
- Näringslivs- och utvecklingskontoret, svarar för att: "nödvändiga övergripande beslut
  fattas" (the second duty, "det internationella arbetet följs upp", is now its own row);
- Förvaltningschef, ansvarar för: the two att-clauses are two rows.

One relation is named more exactly than before (``RENAMED``): "Landstingsstyrelsen uppdrar åt
landstingsdirektören att …" gives the director a commission ("får i uppdrag att"), no longer
the same relation as the director's own standing task ("har i uppdrag att").
"""

from __future__ import annotations

import csv

import pytest

from assistant.responsibilities import extract
from core.settings import PROJECT_ROOT
from core.store import PassageStore
from ingest.indexer import ingest
from tests.helpers import library_settings

BEFORE = PROJECT_ROOT / "tests" / "data" / "bundled_map_before.csv"
PREFIX_WORDS = 4
RENAMED = {("Landstingsdirektören", "har i uppdrag att"): "får i uppdrag att"}


def _old_rows() -> list[dict[str, str]]:
    with BEFORE.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def bundled_map(tmp_path_factory):
    from core.embeddings import HashEmbedder
    from core.settings import DEFAULT_DATA_DIR

    root = tmp_path_factory.mktemp("bundled-map")
    settings = library_settings(root, DEFAULT_DATA_DIR / "policies")
    ingest(settings, embedder=HashEmbedder())
    return extract(PassageStore(settings).live_passages())


@pytest.mark.parametrize(
    "old", _old_rows(), ids=lambda r: f"{r['organ'][:25]}|{r['relation']}|{r['matter'][:30]}"
)
def test_the_bundled_row_is_still_found(bundled_map, old):
    # "att" may stand before a verb phrase ("ansvarar för att samordna ..."): compare without
    prefix = " ".join(old["matter"].lower().removeprefix("att ").split()[:PREFIX_WORDS])
    same = [
        r
        for r in bundled_map
        if r.organisation == old["organisation"]
        and r.organ == old["organ"]
        and r.relation == RENAMED.get((old["organ"], old["relation"]), old["relation"])
    ]
    found = [r.matter.lower().removeprefix("att ") for r in same]
    assert any(m.startswith(prefix) for m in found), found


def test_every_bundled_row_has_a_kind(bundled_map):
    kinds = {"decides", "responsible", "coordinates", "leads", "prepares", "represents"}
    assert {r.kind for r in bundled_map} <= kinds | {"supports", "commissioned"}
    assert {"decides", "responsible"} <= {r.kind for r in bundled_map}
