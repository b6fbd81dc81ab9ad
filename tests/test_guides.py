"""The checklist and onboarding points are general concepts (``guide_points.csv``), found in
any organisation's policy by its terms or by its responsibility map, never borrowed from
another organisation. Made-up policies, hash embeddings, a real Chroma in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.guides import CHECKLIST, ONBOARDING, build_guide, render_guide
from core import vocabulary
from core.embeddings import HashEmbedder
from ingest.indexer import ingest
from tests.helpers import library_settings

EKBY = """# Riktlinjer för internationellt arbete

## Syfte

Varje utlandsresa ska ha ett syfte som går att koppla till kommunens mål.

## Beslut om resor

Tjänsteresor utomlands godkänns av förvaltningschefen.

## Efter resan

Resenären lämnar en reseberättelse till sin chef inom två veckor.

## Besök

När kommunen tar emot besök från andra länder svarar värdförvaltningen för kostnaderna och beställer tolk vid behov.

## Samordning

Kommunkansliet samordnar kommunens internationella kontakter.
"""

NORRHAV = """# Internationell policy

## Hållning

Den som reser i regionens uppdrag är en ambassadör för regionen och ska visa gott omdöme.
"""

CATALOG = """[[document]]
file = "ekby.md"
organisation = "Ekby kommun"
title = "Riktlinjer för internationellt arbete"

[[document]]
file = "norrhav.md"
organisation = "Region Norrhav"
title = "Internationell policy"
"""


@pytest.fixture(scope="module")
def made_up(tmp_path_factory):
    from assistant.service import Assistant

    root = tmp_path_factory.mktemp("guides")
    library = root / "policies"
    library.mkdir()
    (library / "ekby.md").write_text(EKBY, encoding="utf-8")
    (library / "norrhav.md").write_text(NORRHAV, encoding="utf-8")
    (library / "catalog.toml").write_text(CATALOG, encoding="utf-8")
    settings = library_settings(root, library)
    embedder = HashEmbedder()
    ingest(settings, embedder=embedder)
    return Assistant(settings, embedder=embedder)


def items(guide):
    return {i.key: i for i in guide.items}


def test_points_are_found_by_general_terms_or_by_the_responsibility_map(made_up):
    guide = build_guide(made_up, "Ekby kommun", CHECKLIST, "checklist")
    found = items(guide)
    assert "syfte" in found["purpose"].quote
    assert "godkänns av förvaltningschefen" in found["mandate"].quote
    assert "reseberättelse" in found["reporting"].quote
    assert "tolk" in found["visitors"].citation.text
    # no passage speaks of planning and budget together, but the map says who pays
    assert found["planning"].found and "värdförvaltningen" in found["planning"].quote
    # whom to contact: the body that coordinates
    assert found["contact"].found and "Kommunkansliet" in found["contact"].quote
    assert not found["conduct"].found and found["conduct"].citation is None
    assert all(i.citation.organisation == "Ekby kommun" for i in guide.items if i.citation)


def test_a_point_a_policy_is_silent_on_is_a_gap_never_another_organisations_rule(made_up):
    guide = build_guide(made_up, "Region Norrhav", CHECKLIST, "checklist", "en")
    found = items(guide)
    assert found["conduct"].found and "ambassadör" in found["conduct"].quote
    for key in ("mandate", "reporting", "planning", "visitors", "contact"):
        assert not found[key].found, key
    text = render_guide(guide)
    assert "the policy says nothing about this" in text and "Ekby" not in text


def test_onboarding_gives_the_map_and_cited_points(made_up):
    guide = build_guide(made_up, "Ekby kommun", ONBOARDING, "onboarding")
    assert ("Kommunkansliet", "samordnar") in {
        (r.organ, r.relation) for r in guide.responsibilities
    }
    assert items(guide)["support"].found  # the coordinating body is where to get support
    assert not items(guide)["networks"].found


def test_every_point_is_defined_in_the_vocabulary_file_with_labels_in_both_languages():
    rows = vocabulary.guide_points("checklist") + vocabulary.guide_points("onboarding")
    keys = {p.key for p in rows}
    assert {"purpose", "mandate", "reporting", "planning", "conduct", "visitors", "contact"} <= keys
    assert {"goals", "focus", "networks", "support"} <= keys
    assert all(p.sv and p.en and p.groups for p in rows)
    assert {k for p in rows for k in p.map_kinds} <= set(vocabulary.KINDS)
    assert [p.key for p in CHECKLIST] == [p.key for p in vocabulary.guide_points("checklist")]


def test_the_guides_module_holds_no_policy_wording():
    source = (Path(__file__).parents[1] / "assistant" / "guides.py").read_text(encoding="utf-8")
    for phrase in ("goda representanter", "internationella funktionen", "brysselkontor", "utses"):
        assert phrase not in source.lower()


def test_a_point_stands_in_a_passage_as_a_word_or_a_compounds_head():
    from assistant.guides import CHECKLIST, _point_question, _says
    from core.text import Lexicon

    points = {p.key: p for p in CHECKLIST}
    mandate = _point_question(points["mandate"], "sv")
    lexicon = Lexicon(["mandat", "period", "godkännande", "resa"])
    assert not _says(mandate, "Varje medlemskap prövas en gång per mandatperiod.", lexicon)
    assert _says(mandate, "Resan kräver godkännande av närmaste chef.", lexicon)
