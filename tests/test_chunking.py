"""Passages follow the document's structure, and a list keeps its lead-in."""

from __future__ import annotations

from pathlib import Path

from core.statements import statements
from ingest.chunking import chunk_text, parse_blocks
from tests.conftest import BUNDLED


def chunks_of(name: str, furniture: tuple[str, ...] = ()) -> list:
    return chunk_text((BUNDLED / name).read_text(encoding="utf-8"), furniture=furniture)


def passage_with(chunks: list, needle: str):
    found = [c for c in chunks if needle in c.text]
    assert found, f"no passage contains {needle!r}"
    return found[0]


def test_a_list_under_a_heading_keeps_the_heading_as_its_lead_in():
    chunks = chunks_of(
        "vasternorrland-internationell-policy-2007.md", ("Landstinget Västernorrland",)
    )
    passage = passage_with(chunks, "vänortssamarbeten")
    assert passage.text.startswith("Landstingsfullmäktige beslutar om\n- ")
    assert "- internationell policy för landstinget" in passage.text
    assert passage.section.endswith("Ansvarsfördelning > Landstingsfullmäktige beslutar om")


def test_a_list_keeps_the_sentence_that_introduces_it():
    chunks = chunks_of("harjedalen-internationell-policy.txt", ("Härjedalens kommun",))
    passage = passage_with(chunks, "Officiella kontakter med andra kommuner och regioner")
    assert "Detta innebär att kommunstyrelsen svarar för:\n- Officiella kontakter" in passage.text
    assert passage.section.endswith("Ansvar och organisation")


def test_plain_one_line_headings_become_sections():
    chunks = chunks_of("varmland-internationell-strategi-2011-2014.txt")
    sections = {c.section.split(" > ")[-1] for c in chunks}
    assert {
        "Syfte",
        "Organisation",
        "Arbetsätt",
        "Former för internationellt samarbete",
    } <= sections
    first = chunks[0].section
    assert first == "Internationell strategi 2011 – 2014"


def test_sentences_ending_in_a_full_stop_are_not_taken_for_headings():
    chunks = chunks_of("harjedalen-internationell-policy.txt")
    assert not any(c.section.endswith("Närhet i flera dimensioner.") for c in chunks)


def test_a_running_footer_with_the_organisation_name_is_dropped():
    chunks = chunks_of(
        "vasternorrland-internationell-policy-2007.md", ("Landstinget Västernorrland",)
    )
    assert chunks[-1].section.endswith("Kontaktuppgifter")
    assert chunks[-1].text.rstrip().endswith("gustav.y.malmqvist@lvn.se")
    assert not any(c.section.endswith("Landstinget Västernorrland") for c in chunks)


def test_the_contact_block_stays_in_one_passage_and_is_not_split_into_headings():
    chunks = chunks_of(
        "vasternorrland-internationell-policy-2007.md", ("Landstinget Västernorrland",)
    )
    contact = passage_with(chunks, "Gustav Malmqvist")
    assert "Internationell chef\nGustav Malmqvist\nTel. 0611-80000" in contact.text
    assert contact.section.endswith("Kontaktuppgifter")


def test_markdown_markup_is_removed_but_the_words_are_kept():
    chunks = chunks_of("vasternorrland-internationell-policy-2007.md")
    assert not any("**" in c.text or "](" in c.text for c in chunks)
    assert any("www.lvn.se/internationellt" in c.text for c in chunks)


def test_table_of_contents_lines_are_not_passages():
    chunks = chunks_of("stockholm-riktlinjer-internationellt-arbete-2013-2017.md")
    assert not any("....." in c.text for c in chunks)


def test_a_paragraph_broken_by_a_stray_blank_line_is_joined():
    chunks = chunks_of("norrbotten-internationell-policy.md")
    assert any("till utveckling som internationellt samarbete öppnar" in c.text for c in chunks)


def test_a_long_list_is_split_between_items_and_every_part_keeps_the_lead_in():
    items = "\n".join(
        f"- punkt nummer {i} med lite mer text för att fylla ut raden" for i in range(30)
    )
    text = f"Rubrik\n\nDetta gäller bland annat:\n{items}\n"
    chunks = chunk_text(text, max_chars=400)
    assert len(chunks) > 2
    assert all(c.text.startswith("Detta gäller bland annat:\n- ") for c in chunks)
    assert all(len(c.text) <= 400 for c in chunks)


def test_bold_lines_are_headings_and_siblings_of_each_other():
    text = "## Del\n\n### **Första**\n\nText ett.\n\n**Andra**\n\nText två.\n"
    blocks = parse_blocks(text)
    headings = [(b.text, b.level) for b in blocks if b.kind == "heading"]
    assert headings == [("Del", 2), ("Första", 3), ("Andra", 3)]


def test_every_bundled_passage_fits_the_embedding_models_window(real_embedder):
    for path in sorted(Path(BUNDLED).glob("*.*")):
        if path.suffix == ".toml":
            continue
        for chunk in chunk_text(path.read_text(encoding="utf-8")):
            probe = f"Organisation. Titel. \n{chunk.text}"
            assert real_embedder.token_count(probe) <= real_embedder.max_tokens, (
                path.name,
                chunk.position,
            )


def test_numbered_plain_headings_are_sections_and_a_modal_line_before_a_list_is_its_lead_in():
    text = (
        "Riktlinjer för projekt\n\n"
        "1. Bakgrund\n\n"
        "Kommunen deltar i flera projekt.\n\n"
        "2.1 Krav på projekt\n\n"
        "Ett projekt ska\n\n"
        "- bidra till kommunens mål\n"
        "- ha en tydlig projektägare\n\n"
        "3 Uppföljning\n\n"
        "Projekten följs upp varje år.\n"
    )
    chunks = chunk_text(text)
    sections = {c.section.split(" > ")[-1] for c in chunks}
    assert {"1. Bakgrund", "2.1 Krav på projekt", "3 Uppföljning"} <= sections
    assert "Ett projekt ska" not in sections
    assert any("Ett projekt ska" in c.text and "bidra till kommunens mål" in c.text for c in chunks)


def test_a_numbered_heading_followed_by_a_bullet_list_heads_that_list():
    text = (
        "Riktlinjer\n\n4. Ansvar\n- Kommunstyrelsen ansvarar för vänorterna.\n"
        "- Nämnderna ansvarar för sina kontakter.\n\n5. Uppföljning\n\nRapporten lämnas årligen.\n"
    )
    chunks = chunk_text(text)
    assert [c.section.split(" > ")[-1] for c in chunks] == ["4. Ansvar", "5. Uppföljning"]
    asked = chunk_text("Riktlinjer\n\n2. När deltar vi?\n\nEtt projekt ska\n- ha en mottagare\n")
    assert asked[-1].section.endswith("2. När deltar vi?")
    assert "Nämnderna ansvarar" in chunks[0].text and "Uppföljning" not in chunks[0].text


def test_a_paragraph_ending_in_a_colon_before_headings_introduces_those_sections():
    text = (
        "# Riktlinjer\n\n## Ansvar\n\n"
        "För projektkontoret innebär målen följande:\n\n"
        "### Lärande\n\n- stöd inför studiebesök\n\n"
        "### Påverkan\n\n- svar på remisser\n\n"
        "## Uppföljning\n\nPlanen följs upp varje år.\n"
    )
    sections = [c.section for c in chunk_text(text)]
    intro = "För projektkontoret innebär målen följande:"
    assert f"Riktlinjer > Ansvar > {intro} > Lärande" in sections
    assert f"Riktlinjer > Ansvar > {intro} > Påverkan" in sections
    # a heading above the introduced ones ends the introduction
    assert "Riktlinjer > Uppföljning" in sections


def test_a_colon_paragraph_before_a_list_or_prose_is_no_section_introduction():
    text = (
        "# Riktlinjer\n\n## Ansvar\n\nNämnden ska:\n\n- följa upp resorna\n\n"
        "### Resor\n\nResor planeras i god tid.\n"
    )
    assert [c.section for c in chunk_text(text)] == [
        "Riktlinjer > Ansvar",
        "Riktlinjer > Ansvar > Resor",
    ]


def test_a_table_is_read_as_a_list_with_its_header_as_lead_in():
    text = (
        "# Vem gör vad?\n\n| Vem | Ansvar |\n|---|---|\n"
        "| Kulturnämnden | Beslutar om bidrag |\n| Kansliet | Samordnar besöken |\n\nSlut.\n"
    )
    (chunk,) = chunk_text(text)
    assert chunk.text.startswith(
        "Vem – Ansvar:\n- Kulturnämnden – Beslutar om bidrag\n- Kansliet – Samordnar besöken"
    )
    # a converter's rows without pipes at the ends or a header line, blank lines between them
    docx = "# Kontakter\n\nAnna Berg | EU-samordnare\n\nOlle Ek | Protokollansvarig\n"
    assert "- Anna Berg – EU-samordnare\n- Olle Ek – Protokollansvarig" in chunk_text(docx)[0].text


def test_a_plain_text_table_laid_out_in_columns_is_read_as_a_table():
    text = (
        "# Ansvar\n\n"
        "Vem             Uppgift\n"
        "Rektor          bokar resan\n"
        "Kuratorn        bistår eleverna\n"
        "Skolsköterskan  ser till att listan finns\n\nSlut.\n"
    )
    expected = (
        "Vem – Uppgift:\n- Rektor – bokar resan\n- Kuratorn – bistår eleverna\n"
        "- Skolsköterskan – ser till att listan finns"
    )
    assert chunk_text(text)[0].text.startswith(expected)
    tabs = (
        "# Ansvar\n\nVem\tUppgift\nRektor\tbokar resan\nKuratorn\tbistår eleverna\n"
        "Skolsköterskan\tser till att listan finns\n"
    )
    assert chunk_text(tabs)[0].text.startswith(expected), tabs


def test_prose_with_double_spaces_or_two_aligned_lines_is_no_table():
    prose = "# Resor\n\nResor bokas  via kansliet.\nDen som reser  lämnar en rapport.\n"
    assert "–" not in chunk_text(prose)[0].text
    ragged = (
        "# Resor\n\nRektor  bokar resan\nKuratorn      bistår eleverna\n"
        "Skolsköterskan   ser till att listan finns\n"
    )
    assert "–" not in chunk_text(ragged)[0].text  # the columns do not line up


def test_two_aligned_lines_a_list_with_wide_markers_and_tab_rows_with_an_empty_cell():
    two = "# Resor\n\nRektor    bokar resan\nKurator   bistår eleverna\n"
    assert "–" not in chunk_text(two)[0].text  # a table needs three rows
    wide = "# Ansvar\n\n-   Nämnden beslutar.\n-   Kansliet bokar.\n-   Rektorn följer upp.\n"
    assert chunk_text(wide)[0].text == (
        "Ansvar\n- Nämnden beslutar.\n- Kansliet bokar.\n- Rektorn följer upp."
    )
    tabs = "# A\n\nVem\tUppgift\tNot\nRektor\tbokar\t\nKurator\tstödjer\tse bilaga\n"
    assert chunk_text(tabs)[0].text.startswith("Vem – Uppgift – Not:\n- Rektor – bokar\n")


def test_a_plain_text_table_may_be_underlined_and_leave_its_last_cells_empty():
    text = (
        "# Delegering\n\n"
        "Nr   Ärende                Delegat          Not\n"
        "---  --------------------  ---------------  ----------\n"
        "1    Resa inom Norden      Närmaste chef    Anmäls ej\n"
        "2    Resa utanför Norden   Direktören\n"
        "3    Besök från vänort     Kanslichefen     Se bilaga\n\nSlut.\n"
    )
    assert chunk_text(text)[0].text.startswith(
        "Nr – Ärende – Delegat – Not:\n- 1 – Resa inom Norden – Närmaste chef – Anmäls ej\n"
        "- 2 – Resa utanför Norden – Direktören\n- 3 – Besök från vänort – Kanslichefen"
    )
    # a row that starts in other places than the header's columns ends the table
    ragged = (
        "# A\n\nVem        Uppgift      Not\nRektor     bokar        se bilaga\n"
        "Kurator    stödjer      inget\nDetta  är en    mening.\n"
    )
    assert "- Detta" not in chunk_text(ragged)[0].text


def test_an_empty_cell_inside_a_row_keeps_its_column_and_footnote_marks_go():
    text = (
        "# Delegering\n\n| Ärende | Delegat | Ersättare | Not |\n|---|---|---|---|\n"
        "| Resa | Presidiet[^1] |  | Anmäls |\n| Besök | Kanslichefen | Direktören | |\n\n"
        "[^1]: Presidiet består av ordföranden och vice ordföranden.\n"
    )
    chunk = chunk_text(text)[0].text
    assert "- Resa – Presidiet – – – Anmäls\n- Besök – Kanslichefen – Direktören" in chunk
    assert "[^" not in chunk
    assert "Presidiet består av ordföranden" in chunk  # the note's text stays
    # a mark before a sentence's own colon leaves the colon and the words apart
    inline = chunk_text("# A\n\nBeslutet fattas av nämnden[^1]: se bilaga 2.\n")[0].text
    assert inline == "Beslutet fattas av nämnden: se bilaga 2."


def test_a_note_line_under_a_wide_plain_text_table_is_not_one_of_its_rows():
    text = (
        "# Delegering\n\n"
        "Nr   Ärende                Delegat          Ersättare     Not\n"
        "1    Resa inom Norden      Närmaste chef    Direktören    Anmäls ej\n"
        "2    Resa utanför Norden   Direktören       Kanslichefen  Anmäls\n"
        "3    Besök från vänort     Kanslichefen     Direktören    Se bilaga\n"
        "Not  Kanslichefen\n\nSlut.\n"
    )
    assert "- Not – Kanslichefen" not in chunk_text(text)[0].text


def test_a_single_line_with_a_pipe_is_no_table():
    (chunk,) = chunk_text("# Resor\n\nVälj tåg | buss när det går.\n")
    assert chunk.text == "Välj tåg | buss när det går."


def test_the_att_clauses_of_a_decision_are_a_list_under_it():
    text = (
        "Protokollsutdrag\n\nBeslut\n\nKommunfullmäktige beslutar\n\n"
        "att kommunen går med i nätverket,\n\natt avgiften betalas av kommunstyrelsen.\n\n"
        "Ärendebeskrivning\n\nNätverket bildades 2009 och har 60 medlemmar.\n"
    )
    chunks = chunk_text(text)
    decision = next(c for c in chunks if "går med" in c.text)
    assert decision.section.endswith("Beslut")  # the verb-ending line is a lead-in
    assert decision.text == (
        "Kommunfullmäktige beslutar\n- att kommunen går med i nätverket,\n"
        "- att avgiften betalas av kommunstyrelsen."
    )
    # a paragraph that merely starts with "att" after a heading stays a paragraph
    (alone,) = chunk_text("# Mål\n\natt vara en attraktiv kommun är viktigt.\n")
    assert not alone.text.startswith("- ")


def test_a_colon_paragraph_does_not_introduce_a_heading_above_its_section():
    text = (
        "# Riktlinjer\n\n## Ansvar\n\nFör kansliet innebär riktlinjerna följande:\n\n"
        "# Bilaga 1 Vänorter\n\n- Nordby, Danmark\n"
    )
    assert chunk_text(text)[-1].section == "Bilaga 1 Vänorter"


def test_numbered_plain_headings_nest_by_their_numbering():
    text = (
        "Rutin för besök\n\n"
        "1. Syfte\n\nRutinen gäller alla besök.\n\n"
        "2. Ansvar\n\n"
        "2.1 Kansliet\n\nKansliet tar emot förfrågningar.\n\n"
        "2.2 Värdenheten\n\nVärdenheten ordnar programmet.\n\n"
        "3. Uppföljning\n\nBesöken följs upp.\n"
    )
    sections = [c.section.removeprefix("Rutin för besök > ") for c in chunk_text(text)]
    assert "2. Ansvar > 2.1 Kansliet" in sections, sections
    assert "2. Ansvar > 2.2 Värdenheten" in sections, sections
    assert "3. Uppföljning" in sections, sections  # a heading of the upper level ends them
    # a first numbered heading is a section, not the document's title
    first = chunk_text("1. Syfte\n\nRutinen gäller alla besök.\n\n2. Ansvar\n\nKansliet svarar.\n")
    assert [c.section for c in first] == ["1. Syfte", "2. Ansvar"]


def test_a_paragraph_of_rules_is_a_heading_and_its_lettered_points_a_list():
    text = (
        "Reglemente för vänortsrådet\n\n"
        "§ 1 Uppdrag\nRådet bereder ärenden om vänorter.\n\n"
        "§ 2 Beslut\nRådet beslutar om\na) resor till vänorterna,\nb) mottagande av gäster.\n\n"
        "§ 45 i kommunallagen gäller också för rådets sammanträden.\n\n"
        "Reglementet antogs av fullmäktige den 3 maj 2021.\n"
    )
    chunks = chunk_text(text)
    by_section = {c.section.removeprefix("Reglemente för vänortsrådet > "): c.text for c in chunks}
    assert by_section["§ 1 Uppdrag"].startswith("Rådet bereder"), by_section
    assert "- resor till vänorterna," in by_section["§ 2 Beslut"], by_section
    # a sentence that opens with a paragraph's number is no heading
    assert not any(s.startswith("§ 45") for s in by_section), by_section
    assert "§ 45 i kommunallagen" in by_section["§ 2 Beslut"], by_section
    found = statements(by_section["§ 2 Beslut"], "Reglemente > § 2 Beslut")
    assert ("Rådet", "beslutar om", "resor till vänorterna") in found, found


def test_a_numbered_heading_with_its_text_on_the_next_line_is_still_a_heading():
    text = (
        "Reglemente för rådet\n\n"
        "3 UPPGIFTER\n\n"
        "3.1 Uppdrag\nRådet ger underlag i internationella frågor.\n\n"
        "3.2 Delegation\nBeslut om resor fattas av presidiet.\n"
    )
    chunks = chunk_text(text)
    by_section = {c.section.removeprefix("Reglemente för rådet > "): c.text for c in chunks}
    assert "Beslut om resor fattas av presidiet." in by_section["3 UPPGIFTER > 3.2 Delegation"]
    assert "3.2" not in by_section["3 UPPGIFTER > 3.2 Delegation"]
    # a sentence that begins with a number is no heading, nor is a line ending in a stop
    prose = chunk_text("Rutin\n\n12 ledamöter ingår.\nDe väljs av fullmäktige.\n")
    assert [c.section for c in prose] == ["Rutin"]
    # a wrapped sentence that begins with a figure stays one paragraph
    for wrapped in (
        "15 000 kronor får användas till resor inom\nEuropa och Norden varje år.",
        "3 av 5 ledamöter utses av\nKommunstyrelsen efter förslag.",
    ):
        chunks = chunk_text(f"Rutin\n\n{wrapped}\n")
        assert [c.section for c in chunks] == ["Rutin"], chunks
        assert wrapped.replace("\n", " ") in chunks[0].text


def test_a_heading_with_an_infinitive_and_a_particle_before_a_list_stays_a_heading():
    text = "Rutin\n\n1. Syfte\n\nRutinen gäller resor.\n\nAtt tänka på\n- Boka i god tid.\n"
    assert [c.section for c in chunk_text(text)][-1].endswith("Att tänka på")


MINUTES = """LINDÅS KOMMUN
Kommunstyrelsen

§ 12  Vänortsavtal med Kaarila
Dnr KS 2024/88

Ärendet
Kaarila har sedan länge haft kontakter med kommunens skolor och föreningar genom utbyten.

Beslut
Kommunstyrelsen föreslår kommunfullmäktige att ingå ett vänortsavtal med Kaarila.

§ 13  Medlemskap i Sjöstädernas nätverk
Dnr KS 2024/91

Beslut
Kommunstyrelsen beslutar att ansöka om medlemskap i nätverket från 2025.
"""


def test_a_case_number_line_is_no_heading_and_a_label_line_stands_apart():
    chunks = chunk_text(MINUTES)
    sections = [c.section for c in chunks]
    assert "§ 12 Vänortsavtal med Kaarila" in sections
    assert not any(s.startswith("Dnr") for s in sections)
    decided = next(c for c in chunks if "ingå ett vänortsavtal" in c.text)
    assert decided.section == "§ 12 Vänortsavtal med Kaarila"
    # the label is no part of the sentence under it, so the decision has a clean subject
    assert "Beslut Kommunstyrelsen" not in decided.text
    assert all(
        not organ.startswith("Beslut")
        for c in chunks
        for s in c.text.split("\n\n")
        for organ, _, _ in statements(s, c.section)
    )


def test_a_wrapped_sentence_is_no_label_line():
    text = (
        "Inledning\n\nKommunen ska\nbedriva ett aktivt internationellt arbete inom alla områden.\n"
    )
    blocks = parse_blocks(text)
    assert any(b.text.startswith("Kommunen ska bedriva") for b in blocks), blocks
    # a first line as long as the next is a wrapped sentence, not a label
    text = "Inledning\n\nKommunens internationella arbete\nBedrivs i samverkan med regionen.\n"
    assert not any(b.text == "Kommunens internationella arbete" for b in parse_blocks(text))


def test_a_label_inside_a_block_stands_apart_and_a_line_ending_mid_phrase_goes_on():
    blocks = parse_blocks(
        "Rubrik\n\nÄrendet\nAvtalet ska förnyas.\nBeslut\n"
        "Kommunstyrelsen beslutar att förnya avtalet.\n"
    )
    texts = [b.text for b in blocks]
    assert "Beslut" in texts and "Kommunstyrelsen beslutar att förnya avtalet." in texts
    for text in (
        "Rubrik\n\nStyrelsen för Region\nGotland beslutar om samarbetsavtal och nätverk.\n",
        "Rubrik\n\nKommunstyrelsen i Lillby\nKommun ansvarar för vänortsarbetet i kommunen.\n",
    ):
        assert len(parse_blocks(text)) == 2, parse_blocks(text)


def test_the_steps_of_a_routine_set_in_columns_may_be_numbered_indented_and_a_place_off():
    text = (
        "# Flödet\n\n"
        "Steg                              Ansvarig\n"
        "--------------------------------  ---------------\n"
        " 1. Anmälan av resa                 Resenären\n"
        " 2. Beslut om resa                  Närmaste chef\n"
        "10. Sammanställning av rapporter    Kanslichefen\n\nSlut.\n"
    )
    assert chunk_text(text)[0].text.startswith(
        "Steg – Ansvarig:\n- 1. Anmälan av resa – Resenären\n"
        "- 2. Beslut om resa – Närmaste chef\n- 10. Sammanställning av rapporter – Kanslichefen"
    )
    # a numbered list under a line with a gap in it is still a list, and a column three
    # places off its header is no column
    listed = (
        "# A\n\nFöljande gäller:  se nedan\n 1. Resan anmäls i förväg.\n 2. Chefen beslutar.\n"
        " 3. Rapporten lämnas efteråt.\n"
    )
    assert "–" not in chunk_text(listed)[0].text
    off = (
        "# A\n\nSteg          Ansvarig\n 1. Anmälan        Resenären\n 2. Beslut         Chefen\n"
        " 3. Rapport        Kansliet\n"
    )
    assert "–" not in chunk_text(off)[0].text


def test_a_list_with_its_markers_apart_from_its_text_stays_a_list_under_a_line_with_a_gap():
    for first in ("§ 12  Vänortsavtal", "Dnr  KS 2024/123", "OBS!  Gäller från 1 maj."):
        for marker in (" 1.  ", "1.  ", "-   "):
            text = (
                f"# A\n\n{first}\n{marker}Kommunstyrelsen beslutar om avtalet.\n"
                f"{marker}Kansliet samordnar besöket.\n{marker}Nämnden bereder ärendet.\n"
            )
            chunk = chunk_text(text)[0].text
            assert "- Kommunstyrelsen beslutar om avtalet." in chunk, (first, marker, chunk)
            assert "–" not in chunk, chunk


def test_a_row_with_more_cells_than_the_header_or_prose_with_two_spaces_is_no_crash():
    text = (
        "# Resor\n\nAktivitet     Ansvarig\nAnmälan       Resenären       senast 1 maj\n"
        "Beslut        Chefen\nAttest        Kansliet\n"
    )
    assert chunk_text(text)  # read, not a ValueError
    prose = (
        "# Resor\n\nResan anmäls i förväg.  Chefen beslutar om den.  Kansliet\n"
        "bokar biljetter.  Efter resan skrivs  en rapport som lämnas till\n"
        "nämnden.  Rapporten  diarieförs och anmäls vid nästa sammanträde.\n"
    )
    assert "–" not in chunk_text(prose)[0].text
