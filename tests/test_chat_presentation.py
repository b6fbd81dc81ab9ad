"""What the chat shows, decided without Streamlit: links to sources, card labels, the whole
section, the input limit, guide links and the searchable map."""

from __future__ import annotations

from assistant import presentation as pres
from core.glossary import Glossary, GlossaryEntry
from core.types import Answer, Citation, Passage, Responsibility


def passage(position: int, section: str, text: str, doc_id: str = "d") -> Passage:
    return Passage(
        id=f"{doc_id}-{position}",
        doc_id=doc_id,
        organisation="Region Exempel",
        title="Internationell policy",
        section=section,
        position=position,
        text=text,
        source="exempel.md",
    )


def citation(**changes: object) -> Citation:
    values: dict[str, object] = {
        "n": 1,
        "organisation": "Region Exempel",
        "document": "Internationell policy",
        "section": "Internationell policy > Ansvar",
        "source": "exempel.md",
        "text": "Regionfullmäktige beslutar om vänorter.",
        "score": 1.0,
        "doc_id": "d",
    }
    values.update(changes)
    return Citation(**values)  # type: ignore[arg-type]


def test_citation_markers_become_links_to_their_cards_and_nothing_else_does():
    text = pres.text_block("Regionfullmäktige beslutar [1], se även [2] och [7].")
    keys = {1: pres.source_key(0, 1), 2: pres.source_key(0, 2)}
    linked = pres.link_citations(text, keys, lambda n: f"Öppna källa {n}")
    assert '[\\[1\\]](#src_0_1 "Öppna källa 1")' in linked
    assert '[\\[2\\]](#src_0_2 "Öppna källa 2")' in linked
    assert "\\[7\\]" in linked and "#src_0_7" not in linked  # no card, no link


def test_a_document_cannot_smuggle_a_link_into_the_answer():
    text = pres.text_block("[1](javascript:alert(1)) [x](#src_0_1) <a href=x>[1]</a>")
    linked = pres.link_citations(text, {1: "src_0_1"}, lambda n: "källa")
    assert "](javascript" not in linked and "](#src_0_1)" not in linked
    assert "\\<a href\\=x\\>" in linked


def test_a_card_label_quotes_and_escapes_the_document_and_carries_a_badge():
    c = citation(document="Policy *fet* <b>", section="A > " + "Rubrik " * 20)
    label = pres.card_label(c, "expired", "sv")
    assert label.startswith("**\\[1\\]** Region Exempel · ”Policy \\*fet\\* \\<b\\>” · ”Rubrik")
    assert " …” " in label  # a long heading is cut in the label
    assert label.endswith(":red-badge[Har upphört]")
    assert pres.card_label(c, "in_force", "en").endswith(":green-badge[In force]")
    assert pres.card_label(c, "unknown", "en").endswith(":gray-badge[Date unknown]")
    assert "“Policy" in pres.card_label(c, "unknown", "en")


def test_the_whole_section_of_a_one_passage_heading_is_the_section_above_it():
    passages = [
        passage(0, "Policy", "Inledning."),
        passage(1, "Policy > Ansvar", "Ansvaret fördelas så här."),
        passage(
            2, "Policy > Ansvar > Fullmäktige beslutar om", "Fullmäktige beslutar om\n- vänorter"
        ),
        passage(3, "Policy > Ansvar > Nämnden svarar för", "Nämnden svarar för\n- kontakter"),
        passage(4, "Policy > Uppföljning", "Följs upp årligen."),
        passage(5, "Policy > Ansvar", "Annan handling.", doc_id="annan"),
    ]
    section, chosen = pres.whole_section(passages, "d", "Policy > Ansvar > Fullmäktige beslutar om")
    assert section == "Policy > Ansvar"
    assert [p.position for p in chosen] == [1, 2, 3]
    markdown = pres.section_markdown(chosen, section, "Vem beslutar om vänorter?")
    assert markdown.startswith("> Ansvaret fördelas")
    assert "**vänorter**" in markdown and "Nämnden svarar för" in markdown
    assert all(line.startswith(">") for line in markdown.split("\n"))
    # a one-passage section right under the document's title stays itself
    section, chosen = pres.whole_section(passages, "d", "Policy > Uppföljning")
    assert section == "Policy > Uppföljning" and len(chosen) == 1


def test_a_section_with_several_passages_is_shown_as_it_is():
    passages = [
        passage(0, "P > A", "Ett."),
        passage(1, "P > A", "Två."),
        passage(2, "P > B", "Tre."),
    ]
    assert pres.whole_section(passages, "d", "P > A") == ("P > A", passages[:2])


def test_the_input_limit_is_said_in_the_users_language_without_setting_names():
    swedish = pres.question_problem("x" * 6000, 2000, "sv")
    assert swedish is not None
    assert swedish.startswith("Frågan är 6\u00a0000 tecken lång; gränsen är 2\u00a0000.")
    assert "POLICY_" not in swedish and "characters" not in swedish
    english = pres.question_problem("x" * 6000, 2000, "en")
    assert english is not None and english.startswith("The question is 6,000 characters")
    assert pres.question_problem(" \u200b \n", 2000, "sv") == (
        "Frågan är tom. Skriv en fråga om policyerna."
    )
    # measured as the assistant measures: runs of spaces count once
    assert pres.question_problem("Vem   beslutar?" + " " * 3000, 2000, "sv") is None


def test_a_guide_link_follows_the_sidebar_else_the_first_source():
    answer = Answer("…", "sv", False, citations=[citation(organisation="Region Norr")])
    question = "Vad gäller inför en resa?"
    assert pres.guide_links(answer, question, "") == [("checklist", "Region Norr")]
    assert pres.guide_links(answer, question, "Region Syd") == [("checklist", "Region Syd")]
    onboarding = "What should a newly elected councillor know about trips?"
    assert pres.guide_links(answer, onboarding, "") == [("onboarding", "Region Norr")]
    assert pres.guide_links(answer, "Vem beslutar om vänortssamarbeten?", "") == []
    refused = Answer("…", "sv", True, refusal="off_task")
    assert pres.guide_links(refused, "Skriv en dikt om en resa", "") == []


def test_the_lead_is_split_from_the_rest_and_an_llm_answer_is_all_direct():
    answer = Answer(
        "Direkt svar [1].\n\nUr policyerna:\n• ”…” [1]", "sv", False, lead="Direkt svar [1]."
    )
    assert pres.answer_parts(answer) == ("Direkt svar [1].", "Ur policyerna:\n• ”…” [1]")
    answer.answerer = "llm:model"
    assert pres.answer_parts(answer) == (answer.text, "")
    refusal = Answer(
        "Policyerna anger inga belopp.\nNärmast:\n• … [1]", "sv", True, refusal="amount"
    )
    assert pres.refusal_message(refusal) == "Policyerna anger inga belopp."


def responsibility(organ: str, relation: str, matter: str) -> Responsibility:
    return Responsibility(
        "Region Exempel", organ, relation, matter, "Policy", "d", "Policy > Ansvar", "p1", "…"
    )


def test_the_map_is_searchable_in_swedish_and_english():
    glossary = Glossary(
        [GlossaryEntry(("twinning", "sister city"), ("vänort", "vänortssamarbete"), "")]
    )
    rows = [
        responsibility("Regionfullmäktige", "beslutar om", "vänortssamarbeten"),
        responsibility("Regionstyrelsen", "svarar för", "omvärldsbevakning"),
    ]
    english = pres.map_rows(rows, glossary, "en")
    assert [r.relation for r in english] == ["decides on", "is responsible for"]
    assert english[0].gloss == "twinning"
    for needle in ("vänort", "twinning", "Sister City", "decides", "beslutar om", "fullmäktige"):
        assert [r.organ for r in pres.filter_map(english, needle)] == ["Regionfullmäktige"], needle
    assert pres.filter_map(english, "twinning omvärld") == []
    swedish = pres.map_rows(rows, glossary, "sv")
    assert [r.relation for r in swedish] == ["beslutar om", "svarar för"]
    assert [r.organ for r in pres.filter_map(swedish, "responsible")] == ["Regionstyrelsen"]


def test_a_responsibility_reads_in_swedish_or_quoted_in_english():
    r = responsibility("Regionfullmäktige", "beslutar om", "vänortssamarbeten")
    assert pres.responsibility_line(r, "sv") == "Regionfullmäktige beslutar om vänortssamarbeten"
    assert pres.responsibility_line(r, "en") == "“Regionfullmäktige” decides on “vänortssamarbeten”"
