"""The responsibility map, the pre-trip checklist and the onboarding overview, checked
against what the five policies actually say (real model, real index)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from assistant.guides import CHECKLIST, ONBOARDING, build_guide, render_guide
from assistant.responsibilities import to_csv


def rows_of(assistant, organisation: str) -> list[tuple[str, str, str]]:
    return [
        (r.organ, r.relation, r.matter)
        for r in assistant.responsibilities
        if r.organisation == organisation
    ]


def test_vasternorrland_assembly_decides_on_twinning_and_the_regional_committee_on_contacts(
    assistant,
):
    rows = rows_of(assistant, "Landstinget Västernorrland")
    assert ("Landstingsfullmäktige", "beslutar om", "vänortssamarbeten") in rows
    assert ("Landstingsfullmäktige", "beslutar om", "internationell policy för landstinget") in rows
    assert ("Regionala nämnden", "svarar för", "officiella internationella kontakter") in rows
    assert len([r for r in rows if r[0] == "Regionala nämnden"]) == 6


def test_harjedalen_board_and_department_heads(assistant):
    rows = rows_of(assistant, "Härjedalens kommun")
    assert (
        "Kommunstyrelsen",
        "svarar för",
        "Officiella kontakter med andra kommuner och regioner",
    ) in rows
    assert any(
        o == "Förvaltningscheferna" and m.startswith("officiella internationella kontakter")
        for o, _, m in rows
    )


def test_varmland_board_sets_direction_and_the_manager_funds(assistant):
    rows = rows_of(assistant, "Landstinget i Värmland")
    assert (
        "Landstingsstyrelsen",
        "bestämmer",
        "den strategiska inriktningen av det internationella arbetet",
    ) in rows
    assert (
        "Ansvarig chef",
        "ansvarar för",
        "finansiering och kompetensutveckling inom området",
    ) in rows


def test_stockholm_director_draws_up_the_plan_and_committees_decide_on_memberships(assistant):
    rows = rows_of(assistant, "Stockholms läns landsting")
    assert any(o == "Landstingsdirektören" and "handlingsplan" in m for o, _, m in rows)
    # "... behöver ta ett ansvar för: - besluta om medlemskap ...": the duty is a decision
    assert any(
        o.startswith("Nämnder och styrelser") and r == "beslutar om" and m.startswith("medlemskap")
        for o, r, m in rows
    )


def test_norrbotten_names_only_what_staff_with_international_assignments_do(assistant):
    rows = rows_of(assistant, "Norrbottens läns landsting")
    assert rows and all("medarbetare" in o.lower() for o, _, _ in rows)


def test_every_row_keeps_the_passage_it_comes_from(assistant):
    for row in assistant.responsibilities:
        # ("att" is added before a verb phrase: "ansvarar för att samordna ...")
        assert row.matter.removeprefix("att ").split()[0].lower() in row.passage_text.lower()
        # the body stands in the passage or in the headings and lead-ins its citation shows
        shown = f"{row.section} {row.passage_text}".lower()
        assert row.organ.split()[0].lower() in shown
        passage = next(p for p in assistant.passages if p.id == row.passage_id)
        assert passage.organisation == row.organisation


def test_the_map_exports_as_csv(assistant):
    parsed = list(csv.DictReader(io.StringIO(to_csv(assistant.responsibilities))))
    assert len(parsed) == len(assistant.responsibilities)
    assert {"organisation", "organ", "relation", "matter", "document", "section"} <= set(parsed[0])


def test_who_decides_on_twinning_groups_by_organisation_and_names_the_gaps(assistant):
    answer = assistant.ask("Who decides on twinning?")
    first = answer.citations[0]
    assert first.organisation == "Landstinget Västernorrland" and "vänortssamarbeten" in first.text
    main, _, gaps = answer.text.partition("The other organisations' policies do not name this:")
    assert "Landstingsfullmäktige" in main
    for org in (
        "Härjedalens kommun",
        "Landstinget i Värmland",
        "Norrbottens läns landsting",
        "Stockholms läns landsting",
    ):
        assert org not in main
        assert f"• {org}: not named" in gaps
    # Härjedalen's nearest: twinning is a partnership between towns or regions (the glossary's
    # description), so the board's duty for contacts with other municipalities and regions.
    harjedalen = next(line for line in gaps.splitlines() if "Härjedalens kommun" in line)
    assert "Kommunstyrelsen svarar för Officiella kontakter med andra kommuner och regioner" in (
        harjedalen
    )
    # A policy with nothing near says so rather than offering an unrelated duty.
    assert "• Norrbottens läns landsting: not named, and its policy names no related" in gaps


def test_the_cli_answer_to_who_decides_on_twinning(real_index, monkeypatch, capsys):
    from assistant.cli import main

    monkeypatch.setenv("POLICY_ASSISTANT_INDEX_DIR", str(real_index.index_path))
    assert main(["ask", "--json", "Who decides on twinning?"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["citations"][0]["organisation"] == "Landstinget Västernorrland"
    assert "vänortssamarbeten" in data["citations"][0]["text"]
    assert data["answer"].count("not named") == 4


@pytest.mark.parametrize(
    ("org", "found", "gaps"),
    [
        (
            "Härjedalens kommun",
            {"purpose": "tydliga syften", "visitors": "utländska gäster"},
            {"planning"},
        ),
        (
            "Landstinget Västernorrland",
            {"mandate": "tydliga uppdrag och mandat", "contact": "Gustav Malmqvist"},
            {"conduct"},
        ),
        (
            "Landstinget i Värmland",
            {"planning": "budgeteras", "reporting": "återrapportering"},
            {"visitors"},
        ),
        ("Norrbottens läns landsting", {"conduct": "ambassadörer"}, {"planning", "reporting"}),
        (
            "Stockholms läns landsting",
            {"conduct": "ambassadör", "contact": "Internationella funktionen"},
            set(),
        ),
    ],
)
def test_the_checklist_cites_each_item_and_shows_gaps_instead_of_borrowing(
    assistant, org, found, gaps
):
    guide = build_guide(assistant, org, CHECKLIST, "checklist")
    items = {i.key: i for i in guide.items}
    for key, words in found.items():
        assert items[key].found and words in items[key].citation.text, key
    for key in gaps:
        assert not items[key].found and items[key].citation is None, key
    assert all(i.citation.organisation == org for i in guide.items if i.citation)
    assert "policyn säger inget om detta" in render_guide(guide) or not gaps


def test_the_checklist_warns_when_the_policy_has_expired(assistant):
    guide = build_guide(assistant, "Stockholms läns landsting", CHECKLIST, "checklist", "en")
    assert guide.validity_notes and "expired 2017-12-31" in guide.validity_notes[0]


def test_onboarding_gives_who_decides_what_and_cited_points(assistant):
    guide = build_guide(assistant, "Landstinget Västernorrland", ONBOARDING, "onboarding")
    assert any(r.matter == "vänortssamarbeten" for r in guide.responsibilities)
    networks = next(i for i in guide.items if i.key == "networks")
    assert networks.found and "nätverk" in networks.citation.text
    assert networks.citation.organisation == "Landstinget Västernorrland"
