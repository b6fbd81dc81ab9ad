"""The catalog holds the facts the texts state; documents without an entry are guessed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from core.errors import CatalogError
from ingest.catalog import Catalog, guess_aliases, guess_organisation
from tests.conftest import BUNDLED
from tests.helpers import point_cli_at


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


def test_an_entry_without_aliases_gets_the_names_users_type(tmp_path: Path):
    (tmp_path / "catalog.toml").write_text(
        '[[document]]\nfile = "a.md"\norganisation = "Lunneviks stad"\ntitle = "Policy"\n\n'
        '[[document]]\nfile = "b.md"\norganisation = "Ekby kommun"\ntitle = "Policy"\n'
        'aliases = ["Ekbyn"]\n',
        encoding="utf-8",
    )
    catalog = Catalog.load(tmp_path)
    guessed = catalog.meta_for(tmp_path / "a.md", "Lunneviks stad har vänorter.")
    assert {"Lunnevik", "Lunneviks"} <= set(guessed.aliases)
    # aliases an administrator wrote are kept as written
    assert catalog.meta_for(tmp_path / "b.md", "Ekby kommun.").aliases == ("Ekbyn",)


def test_the_short_name_of_an_association_of_municipalities_or_a_county_council():
    assert guess_aliases("Kommunalförbundet Fjällbygden") == ("Fjällbygden", "Fjallbygden")
    assert "Norra Kusten" in guess_aliases("Samordningsförbundet Norra Kusten")
    assert guess_organisation("Plan\n\nSamordningsförbundet Norra Kusten antog planen.") == (
        "Samordningsförbundet Norra Kusten"
    )
    assert "Region Ödmark" in guess_aliases("Landstinget i Ödmark")
    assert guess_aliases("Ödmarks läns landsting")[:2] == ("Ödmark", "Ödmarks")
    assert guess_aliases("Fjällbygden") == ()  # nothing beside the name: no other name


GOOD_ENTRY = '[[document]]\nfile = "a.md"\norganisation = "Exempels kommun"\ntitle = "Policy"\n'


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        (GOOD_ENTRY + 'aliases = ["Exempel"\n', "line 5 (the end of the file)", "unclosed"),
        (
            '# catalog\n\n[[document]]\nfile = "a.md"\norganisation = "Exempels kommun\n',
            "line 5",
            "illegal character",
        ),
        (GOOD_ENTRY + "valid_to = 2017-13-01\n", "line 5, column", "expected"),  # month 13
        ('[[document]\nfile = "a.md"\n', "line 1", "expected"),
    ],
)
def test_a_broken_catalog_names_the_file_and_line(tmp_path: Path, text: str, where: str, what: str):
    (tmp_path / "catalog.toml").write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        Catalog.load(tmp_path)
    message = str(caught.value)
    assert message.startswith(str(tmp_path / "catalog.toml"))
    assert where in message and what in message.lower() and "run ingest again" in message
    assert "Traceback" not in message and caught.value.__suppress_context__


@pytest.mark.parametrize(
    ("entry", "what"),
    [
        ('[[document]]\nfile = "b.md"\ntitle = "Policy"\n', "'organisation' is missing"),
        (
            '[[document]]\nfile = "b.md"\norganisation = "B"\ntitle = "T"\nvalid_to = "2017-31-12"\n',
            "a value is wrong",
        ),
        ("[document]\nfile = 'b.md'\n", "[[document]] (two brackets)"),
    ],
)
def test_an_entry_with_a_missing_or_wrong_field_names_the_line(
    tmp_path: Path, entry: str, what: str
):
    text = GOOD_ENTRY + "\n" + entry if entry.startswith("[[") else entry
    (tmp_path / "catalog.toml").write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError, match=re.escape(what)) as caught:
        Catalog.load(tmp_path)
    if entry.startswith("[["):
        assert f"{tmp_path / 'catalog.toml'} line 6:" in str(caught.value)


def test_ingest_with_a_broken_catalog_stops_with_the_message_and_keeps_the_index(
    hash_settings, library: Path, monkeypatch, capsys
):
    from assistant.cli import main
    from core.store import PassageStore

    point_cli_at(monkeypatch, hash_settings)
    assert main(["ingest"]) == 0
    before = {p.id for p in PassageStore(hash_settings).live_passages()}
    catalog = library / "catalog.toml"
    catalog.write_text(
        catalog.read_text(encoding="utf-8").replace(
            'title = "Internationell policy"', "title = ", 1
        ),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["ingest"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {catalog}: line ") and "Traceback" not in err
    assert {p.id for p in PassageStore(hash_settings).live_passages()} == before


# -- documents without a catalog entry --------------------------------------------------------
CORPUS = Path(__file__).parent / "data" / "corpus"


def _expected() -> list[dict[str, str]]:
    import tomllib

    with (CORPUS / "expected.toml").open("rb") as fh:
        return tomllib.load(fh)["document"]


def _text(path: Path) -> str:
    from ingest import loaders

    return loaders.load(path, max_bytes=10_000_000).text


@pytest.mark.parametrize("doc", _expected(), ids=lambda d: d["file"])
def test_organisation_and_title_are_read_from_the_text_of_every_corpus_document(doc):
    from ingest.catalog import guess_meta

    path = CORPUS / "docs" / doc["file"]
    meta = guess_meta(path, _text(path), warn=False)
    assert (meta.organisation, meta.title) == (doc["organisation"], doc["title"])


def test_the_three_uncatalogued_corpus_documents_are_guessed_at_ingest(tmp_path: Path):
    import shutil

    library = tmp_path / "policies"
    shutil.copytree(CORPUS / "docs", library)
    shutil.copy(CORPUS / "catalog.toml", library / "catalog.toml")
    catalog = Catalog.load(library)
    guessed = {}
    for doc in _expected():
        path = library / doc["file"]
        meta = catalog.meta_for(path, _text(path))
        if meta.guessed:
            guessed[doc["file"]] = (meta.organisation, meta.title)
            assert (meta.organisation, meta.title) == (doc["organisation"], doc["title"])
    assert sorted(guessed) == [
        "lillbacka-internationellt-arbete.html",
        "norrvika-riktlinjer-vanortssamarbete.txt",
        "tallmo-handlingsprogram-internationellt-arbete.md",
    ]


@pytest.mark.parametrize(
    ("text", "organisation", "title"),
    [
        (
            "ÖSTERBY KOMMUN\nKommunledningskontoret\n\nRIKTLINJER FÖR EU-ARBETE\n\nText.",
            "Österby kommun",
            "Riktlinjer för EU-arbete",
        ),
        (
            "Landstinget i Bergslagen\n\nPolicy för internationella kontakter\n\nText.",
            "Landstinget i Bergslagen",
            "Policy för internationella kontakter",
        ),
        (
            "# Strategi för Östersjösamarbetet\n\nÅsbro läns landsting\n\nText.",
            "Åsbro läns landsting",
            "Strategi för Östersjösamarbetet",
        ),
        (
            "# Vänortsrutin\n\nVänorten Kirkeby besöker Ekdala kommun varje år. Ekdala kommun står för programmet, och Kirkeby kommune för resan.",
            "Ekdala kommun",
            "Vänortsrutin",
        ),
        (
            "# Resepolicy för Lunneby stad\n\nVarje kommun i länet har en egen policy.",
            "Lunneby stad",
            "Resepolicy för Lunneby stad",
        ),
        (
            "Rutin för nätverk\nKommunalförbundet Fjällbygden\n\nFörbundet är medlem i två nätverk.",
            "Kommunalförbundet Fjällbygden",
            "Rutin för nätverk",
        ),
    ],
)
def test_organisation_from_letterhead_name_pattern_or_most_named(text, organisation, title):
    from ingest.catalog import guess_meta

    meta = guess_meta(Path("x.txt"), text, warn=False)
    assert (meta.organisation, meta.title) == (organisation, title)


def test_decision_dates_type_and_aliases_are_read_from_the_front_matter():
    from ingest.catalog import guess_meta

    text = (
        "HAGBY LÄNS LANDSTING\n\nStrategi för internationellt arbete\n\n"
        "Antagen av landstingsfullmäktige den 3 maj 2016. Strategin gäller från och med "
        "2016-07-01 till och med 2019-12-31.\n\nBakgrund\n\nLandstinget beslutade 2010 om en policy."
    )
    meta = guess_meta(Path("hagby.txt"), text, warn=False)
    assert meta.organisation == "Hagby läns landsting"
    assert (meta.type, meta.decided_by, meta.decided_on) == (
        "strategi",
        "Landstingsfullmäktige",
        dt.date(2016, 5, 3),
    )
    assert (meta.valid_from, meta.valid_to) == (dt.date(2016, 7, 1), dt.date(2019, 12, 31))
    assert "Region Hagby" in meta.aliases and meta.language == "sv"
    meta = guess_meta(
        Path("v.md"), "# Vänortspolicy\n\nSkärås kommun\n\nText om vänorter.", warn=False
    )
    assert set(meta.aliases) == {"Skärås", "Skaras"}
    assert meta.decided_by is None and meta.decided_on is None


def test_the_catalog_command_prints_a_ready_to_edit_entry_for_each_uncatalogued_file(
    tmp_path: Path, capsys
):
    import tomllib

    from assistant.cli import main

    (tmp_path / "known.md").write_text("# Policy\n\nText.", encoding="utf-8")
    (tmp_path / "catalog.toml").write_text(
        '[[document]]\nfile = "known.md"\norganisation = "Ekby kommun"\ntitle = "Policy"\n',
        encoding="utf-8",
    )
    (tmp_path / "ny.txt").write_text(
        "Region Norrhav\n\nInternationell policy\n\nBeslutad av regionfullmäktige 2024-02-20.\n\nSyfte\n\nText.",
        encoding="utf-8",
    )
    assert main(["catalog", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "known.md" not in out
    entry = tomllib.loads(out)["document"]
    assert entry == [
        {
            "file": "ny.txt",
            "id": "ny",
            "organisation": "Region Norrhav",
            "aliases": ["Norrhav"],
            "title": "Internationell policy",
            "type": "policy",
            "decided_by": "Regionfullmäktige",
            "decided_on": dt.date(2024, 2, 20),
            "language": "sv",
        }
    ]
    # the printed entry is accepted by the catalog as it stands
    (tmp_path / "catalog.toml").write_text(
        (tmp_path / "catalog.toml").read_text(encoding="utf-8") + "\n" + out, encoding="utf-8"
    )
    assert Catalog.load(tmp_path).entries["ny.txt"].organisation == "Region Norrhav"
    assert main(["catalog", str(tmp_path)]) == 0
    assert "every document" in capsys.readouterr().out
