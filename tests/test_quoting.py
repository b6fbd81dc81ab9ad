"""What of a passage is quoted: the sentences that answer, and a short section whole when its
heading names what is asked. A made-up council's policy, hash embeddings."""

from __future__ import annotations

import pytest

from tests.test_decisions import assistant_over

POLICY = """\
# Strategi för internationellt arbete

Tallåsa kommun

## Syfte

Internationellt arbete är ett verktyg för kommunens utveckling. Det ska ses som en satsning på
kunskap och inte som en kostnad. Kontakter över gränserna ger verksamheterna nya idéer. Det
yttersta syftet med det internationella arbetet är ett bättre liv för invånarna.

## Bakgrund

Tallåsa kommun har haft kontakter med grannländerna sedan länge. Kommunens skolor deltog i
utbyten med Finland under flera år. Föreningslivet har egna kontakter i Norge. Det
internationella arbetet har vuxit i omfattning sedan dess.

## Mål

Målen för det internationella arbetet gäller hela Tallåsa kommun och alla dess verksamheter under perioden.

Skolorna ska ge varje elev möjlighet att under sin skoltid delta i ett utbyte med en skola i ett annat land.

Äldreomsorgen ska lära av hur grannländerna ordnar hemtjänsten i glesbygd och pröva det som fungerar där.

Näringslivsenheten ska hjälpa små företag att hitta kunder på andra sidan gränsen och delta i mässor där.

Kulturförvaltningen ska bjuda in konstnärer från vänorterna till sommarens festival vid sjön varje år.

Biblioteket ska erbjuda böcker på finska och norska och ordna läsecirklar för nyanlända invånare i kommunen.

Socialtjänsten ska byta erfarenheter med kollegor i Finland om arbetet med unga som riskerar att hamna fel.

Räddningstjänsten ska öva tillsammans med brandkåren på andra sidan gränsen minst en gång under perioden.

Miljöenheten ska delta i ett projekt om vattenkvalitet i de sjöar som ligger nära riksgränsen mot Norge.

Fritidsgårdarna ska ordna läger där ungdomar från tre länder träffas under en vecka på sommarlovet.

Vuxenutbildningen ska söka partner för kurser i svenska för vuxna som flyttat till kommunen från utlandet.

Turistbyrån ska marknadsföra vandringslederna i fjällen på engelska och tyska inför varje ny säsong.

Kommunens kök ska laga mat från vänorternas kök en vecka om året och berätta om rätterna för gästerna.

Ekonomienheten ska redovisa vad arbetet har kostat och vad det har gett i kommunens årsredovisning.

Tekniska kontoret ska studera hur kommuner i Finland sköter snöröjningen på små vägar under vintern.

Hälsocentralen ska bjuda in sjuksköterskor från Norge för att jämföra arbetet med vård i hemmet.

Arkivet ska ta emot forskare från grannländerna som vill läsa om gränshandelns historia i trakten.

Idrottsföreningarna ska få stöd för att åka till turneringar i vänorterna med sina ungdomslag.
"""

CATALOG = """\
[[document]]
file = "tallasa-strategi.md"
id = "tallasa-strategi"
organisation = "Tallåsa kommun"
title = "Strategi för internationellt arbete"
"""


@pytest.fixture(scope="module")
def tallasa(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(
        tmp_path_factory.mktemp("tallasa"),
        {"tallasa-strategi.md": POLICY, "catalog.toml": CATALOG},
    )


def test_a_short_section_headed_by_what_is_asked_is_quoted_whole(tallasa):
    answer = tallasa.ask("Vad är syftet med Tallåsa kommuns internationella arbete?")
    assert not answer.abstained
    # four sentences, each saying something of the purpose, most sharing no word with it
    quote = next(line for line in answer.text.splitlines() if "satsning på kunskap" in line)
    assert "verktyg för kommunens utveckling" in quote
    assert "nya idéer" in quote
    assert "bättre liv för invånarna" in quote
    assert "…" not in quote


def test_a_section_whose_heading_is_not_what_is_asked_is_quoted_in_part(tallasa):
    answer = tallasa.ask("Vilka kontakter har föreningslivet i Tallåsa?")
    assert not answer.abstained
    assert "Föreningslivet har egna kontakter i Norge" in answer.text
    assert "skolor deltog" not in answer.text


def test_sentences_apart_in_the_text_are_quoted_with_what_is_left_out_marked(tallasa):
    answer = tallasa.ask("Hur har kontakterna med grannländerna och Norge vuxit?")
    quote = next(line for line in answer.text.splitlines() if "Föreningslivet" in line)
    # the sentence about the schools between them is left out, the next one follows on
    assert "sedan länge. … Föreningslivet har egna kontakter i Norge. Det internationella" in quote
    assert "skolor" not in quote


def test_a_long_section_headed_by_what_is_asked_is_quoted_in_part(tallasa):
    # the section "Mål" (18 paragraphs, 1900 characters) runs past WHOLE_SECTION_CHARS (1500): each of its
    # passages gives its best paragraphs, not all of them
    answer = tallasa.ask("Vilka mål har Tallåsa kommuns internationella arbete?")
    assert not answer.abstained
    section = POLICY.split("## Mål", 1)[1].split("\n\n")
    paragraphs = [p.strip() for p in section if p.strip()]
    said = [p for p in paragraphs if p in answer.text]
    assert len(paragraphs) == 18 and 0 < len(said) < len(paragraphs), answer.text


LONG_LIST = """\
# Riktlinjer för partnerskap

Tallåsa kommun

## Prioriteringar

Kommunen prioriterar:

- Kommuner i Norden som kommunen redan har kontakter med genom skolor och föreningar
- Samarbete med regioner runt Östersjön
- Projekt där EU:s program för regional utveckling kan betala en del av kostnaderna för skolorna
- Kontakter som stärker näringslivet och turismen i fjällen, särskilt för små företag
- Utbyten för unga, där skolor, fritidsgårdar och föreningar planerar resorna tillsammans
- Nätverk där kommunen lär av andra om hur service i glesbygd kan utvecklas digitalt
- Vänorter där kulturföreningarna kan mötas kring musik, konst och idrott varje sommar
"""


def test_a_long_list_shows_what_answers_and_as_many_others_as_fit_in_its_order(tmp_path):
    tallasa = assistant_over(tmp_path, {"tallasa.md": LONG_LIST})
    answer = tallasa.ask("Vilka samarbetspartners i Norden prioriterar Tallåsa kommun?")
    quote = answer.text
    assert "Kommuner i Norden" in quote, quote  # the item that speaks of the question
    # a short item beside it is part of the answer too, in the list's order
    assert quote.index("Kommuner i Norden") < quote.index("runt Östersjön"), quote
    # what does not fit a short list's length is left out, and marked as left out
    assert "kulturföreningarna" not in quote and "– …" in quote, quote
