"""The catalog holds the facts the texts state; documents without an entry are guessed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ingest.catalog import Catalog
from tests.conftest import BUNDLED


def test_the_catalog_describes_all_five_bundled_documents():
    catalog = Catalog.load(BUNDLED)
    files = {p.name for p in BUNDLED.iterdir() if p.suffix != ".toml"}
    assert set(catalog.entries) == files
    by_org = {m.organisation: m for m in catalog.entries.values()}
    vn = by_org["Landstinget Västernorrland"]
    assert (vn.title, vn.type, vn.decided_by, vn.decided_on) == (
        "Internationell policy",
        "policy",
        "Landstingsfullmäktige",
        dt.date(2007, 6, 20),
    )
    nb = by_org["Norrbottens läns landsting"]
    assert nb.decided_on is None and nb.valid_to is None and nb.type == "policy"
    vl = by_org["Landstinget i Värmland"]
    assert vl.type == "strategi" and (vl.valid_from.year, vl.valid_to.year) == (2011, 2014)
    sll = by_org["Stockholms läns landsting"]
    assert sll.type == "riktlinjer"
    assert (sll.valid_from, sll.valid_to) == (dt.date(2013, 1, 1), dt.date(2017, 12, 31))
    hj = by_org["Härjedalens kommun"]
    assert hj.title == "Internationell policy" and hj.language == "sv"
    assert all(m.language == "sv" for m in catalog.entries.values())


def test_validity_is_judged_against_today():
    catalog = Catalog.load(BUNDLED)
    by_org = {m.organisation: m for m in catalog.entries.values()}
    today = dt.date(2026, 11, 22)
    assert by_org["Stockholms läns landsting"].validity(today) == "expired"
    assert by_org["Landstinget i Värmland"].validity(today) == "expired"
    assert by_org["Stockholms läns landsting"].validity(dt.date(2015, 1, 1)) == "in_force"
    assert by_org["Härjedalens kommun"].validity(today) == "unknown"
    assert "2017-12-31" in by_org["Stockholms läns landsting"].validity_note(today, "en")
    assert by_org["Härjedalens kommun"].validity_note(today) is None


def test_a_document_without_an_entry_gets_guessed_metadata_and_a_warning(tmp_path: Path):
    path = tmp_path / "ny-policy.md"
    text = "# Internationell policy för Region Gotland\n\nRegion Gotland samarbetar. Region Gotland beslutar.\n"
    path.write_text(text, encoding="utf-8")
    meta = Catalog.load(tmp_path).meta_for(path, text)
    assert meta.guessed
    assert meta.title == "Internationell policy för Region Gotland"
    assert meta.organisation == "Region Gotland"
    assert meta.warnings and "no entry in catalog.toml" in meta.warnings[0]
