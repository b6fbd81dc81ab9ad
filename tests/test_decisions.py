"""What a question asks, told from how it is framed: who asks and why, a second question in
the same sentence, a who-question about a figure, a permission about something a policy does
speak of. A made-up council's policy, hash embeddings: these are decisions, not retrieval."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers import library_settings

POLICY = """\
# Riktlinjer för internationellt arbete

Ekeby kommun

## Mål

Kommunens internationella arbete ska stärka näringslivet och ge unga möjlighet till utbyte
med andra länder. Kommunen väljer sina samarbetspartner utifrån målen.

## Resor

En resa utomlands ska godkännas i förväg av närmaste chef.

Resans kostnader belastar den verksamhet som har godkänt resan.

Alkohol får inte betalas med kommunens medel.

Personalenheten har till uppgift att besvara frågor om traktamente.

## Vänortsbesök

Ekebys delegation leds av kommunstyrelsens ordförande.

Delegationen består av högst fem personer.

Kommunen har två vänorter.
"""

CATALOG = """\
[[document]]
file = "ekeby-riktlinjer.md"
id = "ekeby-riktlinjer"
organisation = "Ekeby kommun"
aliases = ["Ekeby", "Ekebys", "EKBK"]
title = "Riktlinjer för internationellt arbete"
type = "riktlinjer"
language = "sv"
"""


def assistant_over(root: Path, files: dict[str, str], today: dt.date | None = None):
    """An assistant over a made-up library of ``files`` (name: text), ingested without errors."""
    from assistant.service import Assistant
    from ingest.indexer import ingest

    library = root / "policies"
    library.mkdir()
    for name, text in files.items():
        (library / name).write_text(text, encoding="utf-8")
    settings = library_settings(root, library)
    assert not ingest(settings).errors
    return Assistant(settings, today=today)


@pytest.fixture(scope="module")
def ekeby(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(
        tmp_path_factory.mktemp("ekeby"),
        {"ekeby-riktlinjer.md": POLICY, "catalog.toml": CATALOG},
        today=dt.date(2026, 11, 22),
    )


def quoted(answer) -> str:
    return " ".join(c.text for c in answer.citations)


def test_a_who_question_about_a_per_diem_asks_for_a_body_not_an_amount(ekeby):
    answer = ekeby.ask("Vem kan svara på frågor om traktamente i Ekeby?")
    assert not answer.abstained
    assert "Personalenheten" in answer.text


@pytest.mark.parametrize(
    ("question", "case"),
    [
        ("Hur stort är traktamentet i Ekeby?", "amount"),  # no passage holds a figure
        # "två vänorter" is a figure, but not of inhabitants
        ("Hur många invånare har Ekebys vänorter?", "count"),
        # "travel insurance" is insurance, which the policy never mentions: no checklist for it
        ("Do I have to take out travel insurance before a trip abroad?", "permission"),
        # a refusal that names what is missing is not replaced by the checklist
        ("What is the deadline for a travel request before a trip abroad?", "duration"),
        # a permission about something no policy mentions
        ("Får jag ta med min sambo på resan till vänorten?", "permission"),
        # "partner" stands in "samarbetspartner" under the goals, in no sentence about trips
        ("Får jag ta med min partner på en resa utomlands?", "permission"),
    ],
)
def test_a_refusal_names_what_the_policies_lack(ekeby, question, case):
    answer = ekeby.ask(question)
    assert answer.abstained and answer.refusal == case


def test_membership_of_a_network_the_library_never_mentions_is_refused_by_name(ekeby):
    answer = ekeby.ask("Är Ekeby fortfarande med i Eurocities för utbyten mellan unga?")
    assert answer.abstained and answer.refusal == "unknown_name"
    assert "Eurocities" in answer.text


def test_a_figure_of_what_is_asked_answers_how_many(ekeby):
    assert not ekeby.ask("Hur många personer får ingå i Ekebys delegation?").abstained


def test_a_permission_about_something_the_policy_speaks_of_is_answered(ekeby):
    answer = ekeby.ask("Får jag betala alkohol med kommunens pengar i Ekeby?")
    assert not answer.abstained
    assert "Alkohol får inte betalas" in answer.text


def test_where_the_asker_is_going_does_not_decide_what_is_asked(ekeby):
    answer = ekeby.ask(
        "Jag jobbar i Ekeby kommun och ska på en konferens i Kanada. Vem måste godkänna resan?"
    )
    assert not answer.abstained
    assert "närmaste chef" in answer.text.split("\n")[0].lower()


def test_a_passage_that_states_who_answers_a_who_question_first(ekeby):
    answer = ekeby.ask("Vem godkänner en resa i Ekeby?")
    assert "godkännas i förväg av närmaste chef" in answer.citations[0].text


def test_a_second_question_in_the_same_sentence_is_answered_too(ekeby):
    answer = ekeby.ask("Who leads Ekeby's delegation to the twin town, and how large may it be?")
    assert "kommunstyrelsens ordförande" in quoted(answer)
    assert "högst fem personer" in quoted(answer)


def test_a_new_member_asking_about_goals_gets_the_goals(ekeby):
    answer = ekeby.ask(
        "Hej, jag är nyvald ledamot i Ekeby. Vilka mål har kommunen med det internationella arbetet?"
    )
    assert not answer.abstained
    assert "stärka näringslivet" in answer.text


LISTS = """\
# Vänorter

Lövby kommun

Våra vänorter:

- Nordby, Danmark – samarbete om ungdomsfrågor
- Sörby, Tyskland – skolutbyte sedan 2012

Kommunstyrelsen besökte Sörby 2023 för att fira att skolutbytet fyllt tio år.

Strategin har reviderats:

- 2015
- 2019
"""


@pytest.fixture(scope="module")
def lovby(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(
        tmp_path_factory.mktemp("lovby"), {"lovby-vanorter.md": LISTS}, today=dt.date(2026, 11, 22)
    )


@pytest.mark.parametrize(
    "question",
    [
        # a year in another list item does not answer for this one
        "Vilket år började samarbetet med Nordby?",
        # the words of the ask are not what a passage must speak of: "tio år" in a sentence
        # about Sörby speaks of a year, not of the partnership with Nordby
        "In which year did the partnership with Nordby start?",
    ],
)
def test_a_year_about_another_partner_does_not_answer_for_this_one(lovby, question):
    answer = lovby.ask(question)
    assert answer.abstained and answer.refusal == "year"


def test_a_year_in_the_item_about_the_question_answers_it(lovby):
    answer = lovby.ask("Vilket år började skolutbytet med Sörby?")
    assert not answer.abstained and "2012" in answer.text


def test_items_that_share_their_lead_ins_subject_answer_for_it(lovby):
    answer = lovby.ask("Vilket år reviderades strategin?")
    assert not answer.abstained and "2019" in answer.text


FAQ = """\
# Internationellt arbete

Norrå kommun

## Kontakt

Har du frågor om det internationella arbetet?

Kontakta utvecklingsavdelningen via kommunens växel.
"""


def test_a_question_the_document_asks_is_quoted_with_its_answer(tmp_path):
    norra = assistant_over(tmp_path, {"norra-internationellt.md": FAQ})
    answer = norra.ask("Vem kontaktar jag med frågor om det internationella arbetet?")
    assert "Kontakta utvecklingsavdelningen" in answer.text.split("\n")[0]


def test_a_question_that_points_back_asks_about_the_sentence_before(ekeby):
    answer = ekeby.ask("Vi planerar ett besök hos vänorten. Vem leder delegationen dit?")
    assert "kommunstyrelsens ordförande" in quoted(answer)


def test_a_partner_named_before_the_question_is_still_the_partner(ekeby):
    answer = ekeby.ask(
        "Ekeby funderar på ett avtal med Shanghai. Finns det redan ett sådant avtal?"
    )
    assert answer.abstained and "Shanghai" in answer.text


@pytest.mark.parametrize(
    ("question", "absent"),
    [
        ("Vem beslutar om biståndsprojekt i Ekeby?", True),
        # the weightiest word is absent, but it is a small part of what is asked
        (
            "I'm a unit manager in Ekeby and my team wants to go to a conference in Oslo. Who "
            "pays for the trip — is there a central pot or do we budget for it?",
            False,
        ),
    ],
)
def test_a_who_questions_matter_is_absent_only_when_it_is_most_of_the_question(
    ekeby, question, absent
):
    assert ekeby._matter_absent(ekeby.understand(question), "Ekeby kommun") is absent


def test_a_who_question_whose_matter_the_policy_never_names_is_refused(ekeby):
    answer = ekeby.ask("Vem beslutar om biståndsprojekt i Ekeby?")
    assert answer.abstained and answer.refusal == "not_covered"


ECONOMY = """\
# Riktlinjer för internationellt arbete

Sörby kommun

## Ekonomi

Det internationella arbetet ska ses som en investering i kommunens utveckling. Policyn
revideras vart fjärde år. Varje förvaltning bär själv kostnaderna för sina resor.
"""


def test_each_part_of_a_two_part_question_is_quoted_from_the_passage(tmp_path):
    sorby = assistant_over(tmp_path, {"sorby-riktlinjer.md": ECONOMY})
    answer = sorby.ask(
        "Är det internationella arbetet en investering, och vem betalar kostnaderna för resor?"
    )
    shown = answer.text
    assert "investering i kommunens utveckling" in shown
    assert "bär själv kostnaderna" in shown
    # a sentence that shares no word with the question stays out, though it shares the
    # section's heading and organisation with the ones that answer
    assert "revideras" not in shown


@pytest.mark.parametrize(
    "question",
    [
        "Vad säger Region Skoga om vänorter?",
        "What does Brattby municipality's policy say about official trips?",
    ],
)
def test_an_organisation_the_library_lacks_is_refused_by_name(ekeby, question):
    answer = ekeby.ask(question)
    assert answer.abstained and answer.refusal == "other_organisation"
    assert ("Skoga" in answer.text) or ("Brattby" in answer.text)


@pytest.mark.parametrize(
    "question",
    [
        "Brattby kommun, har de också en policy för vänorter?",  # named first, then asked
        "I work for Region Skoga. What does our policy say about official trips?",
        "Jag jobbar på Brattby kommun. Vad säger vår policy om vänorter?",
    ],
)
def test_an_organisation_named_first_or_as_the_askers_own_is_one_the_library_lacks(ekeby, question):
    answer = ekeby.ask(question)
    assert answer.abstained and answer.refusal == "other_organisation", answer.text


@pytest.mark.parametrize(
    "question",
    [
        # a meeting's place in the context, the organisation asked about named after it
        "I'm going to a meeting in Region Skoga. Who approves an official trip abroad in Ekeby?",
        # a capital at the start that is no organisation's name
        "Which of Ekeby's rules apply to official trips abroad?",
        # who invited the asker is context, not the asker's own organisation
        "Vi har fått en inbjudan från Region Skoga. Vem godkänner en resa utomlands?",
    ],
)
def test_a_place_in_the_context_or_a_capitalised_opening_word_is_no_missing_library(
    ekeby, question
):
    assert ekeby.ask(question).refusal != "other_organisation"


def test_a_place_visited_is_not_an_organisation_the_library_lacks(ekeby):
    answer = ekeby.ask("Jag ska resa till Tallinn. Vem godkänner en resa utomlands i Ekeby?")
    assert answer.refusal != "other_organisation"
    assert "närmaste chef" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        # the rest of the question is what the policy speaks of; the network is the point
        "Is Ekeby's international work on business and youth exchange done as a member of "
        "Eurotowns?",
        "Stärker Ekeby näringslivet och ungas utbyte med andra länder som medlem i "
        "Nordkalottrådet?",
        "Har Ekebys vänortsbesök och delegationer gått med i Nordkalottrådet?",
        "Är Ekeby kommun medlem i nätverket Arctura?",
        "Is Ekeby involved in the Barentsia cooperation?",
        # a network the glossary knows, but Ekeby's policy never mentions
        "Is Ekeby's work on business and youth exchange done as a member of Eurocities?",
    ],
)
def test_a_network_the_library_never_mentions_is_refused_by_name(ekeby, question):
    answer = ekeby.ask(question)
    assert answer.abstained and answer.refusal == "unknown_name"


@pytest.mark.parametrize(
    "question", ["Vem godkänner en resa utomlands i EKBK?", "Vad säger EKBK:s riktlinjer om resor?"]
)
def test_an_organisation_typed_by_its_abbreviation_is_no_unknown_name(ekeby, question):
    answer = ekeby.ask(question)
    assert not answer.abstained and answer.organisations == ["Ekeby kommun"], answer.text
    assert "EKBK" not in answer.text  # not "the policies do not mention EKBK"


def test_a_place_named_beside_a_membership_question_is_not_a_network(ekeby):
    # the destination is framing; what is asked is what the policy says of trips
    answer = ekeby.ask("Jag åker till Tromsø på en konferens. Vem godkänner resan i Ekeby?")
    assert not answer.abstained and "närmaste chef" in answer.text


def test_when_something_happens_is_not_what_a_permission_is_about(ekeby):
    # "efteråt" names no thing the policy lacks: the question is about approval and costs
    answer = ekeby.ask("Behöver jag godkännande av chefen, och betalar verksamheten efteråt?")
    assert not answer.abstained
    assert "närmaste chef" in answer.text


NETWORK = """\
# Riktlinjer för nätverk

Lindby kommun

## Nätverk

Lindby kommun är medlem i Nordiska Vänortsnätverket och deltar i dess årsmöte. Kommunens
deltagande i nätverket leds av kommunstyrelsens ordförande.
"""


def test_a_name_the_question_already_says_is_not_the_person_asked_for(tmp_path):
    lindby = assistant_over(tmp_path, {"lindby-natverk.md": NETWORK})
    answer = lindby.ask("What is the name of the chair of the Nordiska Vänortsnätverket?")
    assert answer.abstained and answer.refusal == "person"


STATISTICS = """\
# Rutin för elevutbyten

Tallås kommun

## Bakgrund

Förra läsåret reste 146 elever från kommunens skolor på utbyte till partnerskolor.

## Före resan

Rektor godkänner varje utbyte och informerar vårdnadshavarna.
"""


def test_a_limit_is_answered_by_a_limit_not_by_a_statistic(ekeby, tmp_path):
    tallas = assistant_over(tmp_path, {"tallas-elevutbyten.md": STATISTICS})
    refused = tallas.ask("Hur många elever får som mest delta i ett utbyte i Tallås?")
    assert refused.abstained and refused.refusal == "limit"
    answered = ekeby.ask("Hur många personer får som mest ingå i Ekebys delegation?")
    assert not answered.abstained and "högst fem" in answered.text


@pytest.mark.parametrize(
    "question",
    [
        "Har Ekeby ett samarbete med Tartu stad?",  # a partner, not a library's missing policy
        "Vilka regler gäller i Ekeby för resor till Oslo kommun?",  # a destination
    ],
)
def test_a_partner_or_destination_named_as_an_organisation_is_no_other_library(ekeby, question):
    assert ekeby.ask(question).refusal != "other_organisation"


def test_the_organisation_the_library_lacks_is_named_in_its_base_form(ekeby):
    answer = ekeby.ask("Vad säger Brattbys kommuns policy om vänorter?")
    assert answer.refusal == "other_organisation"
    assert "Brattbys kommun," in answer.text or "Brattbys kommun " in answer.text


OUTLINE = """\
# Internationell strategi

Dalby kommun

## Prioriterade områden

Kommunens internationella arbete inriktas på tre prioriterade områden.

### Kompetensförsörjning

Kommunen deltar i utbyten som stärker kompetensen hos medarbetarna.

### Klimatomställning

Kommunen samarbetar med andra regioner om klimatfrågor.

### Ungas delaktighet

Unga ska få möjlighet till utbyte med andra länder.

## Ansvar

Kommunstyrelsen ansvarar för strategin.
"""


@pytest.mark.parametrize(
    "question",
    [
        "Vilka är de prioriterade områdena i Dalbys strategi?",
        "What are the three priority areas in Dalby's strategy?",
    ],
)
def test_a_heading_the_question_names_is_answered_with_its_subsections(tmp_path, question):
    dalby = assistant_over(tmp_path, {"dalby-strategi.md": OUTLINE})
    answer = dalby.ask(question)
    lead = answer.text.split("\n")[0]
    for title in ("Kompetensförsörjning", "Klimatomställning", "Ungas delaktighet"):
        assert title in lead
    assert len(answer.citations) >= 3


def test_a_question_that_lists_nothing_gets_no_outline(tmp_path):
    dalby = assistant_over(tmp_path, {"dalby-strategi.md": OUTLINE})
    # "vem" asks who; the heading "Ansvar" has no subsections anyway
    lead = dalby.ask("Vem ansvarar för strategin i Dalby?").text.split("\n")[0]
    assert "Kommunstyrelsen" in lead and "Klimatomställning" not in lead


def test_a_heading_that_shares_one_word_with_the_question_is_no_outline(tmp_path):
    dalby = assistant_over(tmp_path, {"dalby-strategi.md": OUTLINE})
    lead = dalby.ask("Vilka prioriterade dokument styr Dalbys arbete?").text.split("\n")[0]
    assert "Klimatomställning" not in lead


def test_policies_from_an_organisation_the_library_lacks_are_refused(ekeby):
    answer = ekeby.ask("Finns det riktlinjer från Brattby kommun om EU-arbete?")
    assert answer.refusal == "other_organisation"


@pytest.mark.parametrize(
    "question",
    [
        "Måste vi tänka på näringslivet när Ekeby startar ett utbyte med andra länder?",
        "Behöver kommunen stärka näringslivet när den planerar utbyte med andra länder?",
    ],
)
def test_a_verb_the_policy_does_not_use_is_no_thing_it_fails_to_mention(ekeby, question):
    # "startar", "planerar" stand in no passage, but they are what is done, not what is asked
    answer = ekeby.ask(question)
    assert answer.refusal != "permission" and not answer.abstained, answer.text


def test_the_words_of_the_ask_are_not_said_to_be_missing(tmp_path):
    # "många" is how the figure is asked for, not a matter the policy fails to speak of,
    # even where the policy uses the word itself
    policy = POLICY + "\n## Bakgrund\n\nMånga av kommunens verksamheter har kontakter utomlands.\n"
    assistant = assistant_over(tmp_path, {"ekeby-riktlinjer.md": policy, "catalog.toml": CATALOG})
    answer = assistant.ask("Hur många personer får följa med när ungdomar besöker vänorten?")
    assert not answer.abstained and "många" not in answer.text.split("\n")[0], answer.text


def test_what_is_counted_is_the_noun_after_how_many(ekeby):
    # "guide" after the noun is a verb, "twin towns" what is counted: two, in the policy
    answer = ekeby.ask("How many twin towns guide Ekeby's exchanges with other countries?")
    assert not answer.abstained, answer.text


GRANBY = """\
# Riktlinjer för internationella kontakter

Granby kommun

## Uppföljning

Kansliet följer löpande upp kommunens resor utomlands.

Handlingsplanen revideras vartannat år av kommunstyrelsen.

## Budget

Minst 20 procent av budgeten för internationellt arbete går till ungdomsutbyten.
"""


@pytest.fixture(scope="module")
def granby(tmp_path_factory: pytest.TempPathFactory):
    catalog = CATALOG.replace("ekeby", "granby").replace("Ekeby", "Granby")
    return assistant_over(
        tmp_path_factory.mktemp("granby"),
        {"granby-riktlinjer.md": GRANBY, "catalog.toml": catalog},
    )


def test_how_often_is_answered_by_the_rate_of_what_is_asked(granby):
    answer = granby.ask("Hur ofta revideras handlingsplanen i Granby?")
    assert not answer.abstained
    assert "vartannat år" in answer.text


def test_a_rate_of_something_else_does_not_say_how_often(granby):
    # "löpande" and "vartannat år" are how often trips are followed up and the plan is
    # revised, not how often the guidelines are published
    answer = granby.ask("Hur ofta ska Granbys riktlinjer publiceras?")
    assert answer.abstained and answer.refusal == "frequency"


def test_a_share_of_what_is_asked_answers_what_percentage(granby):
    answer = granby.ask("Hur stor andel av budgeten går till ungdomsutbyten i Granby?")
    assert not answer.abstained
    assert "20 procent" in answer.text


def test_a_share_of_something_else_does_not_say_what_percentage(granby):
    # the 20 per cent is of the budget, not of the trips
    answer = granby.ask("What percentage of Granby's trips go to youth exchanges?")
    assert answer.abstained and answer.refusal == "amount"


@pytest.mark.parametrize(
    "question",
    [
        "Finns det några regler om vaccinationer före en resa utomlands?",
        "Står det något i riktlinjerna om vaccinationer?",
    ],
)
def test_whether_a_rule_exists_on_a_specific_thing_no_policy_names_is_refused(ekeby, question):
    answer = ekeby.ask(question)
    assert answer.abstained, answer.text


@pytest.mark.parametrize(
    "question",
    [
        # the thing is in the policy
        "Finns det några regler om alkohol på resor?",
        # what is absent is an everyday word, not the point of the question
        "Vi åker en grupp nästa månad. Finns det regler om vem som godkänner resan?",
    ],
)
def test_whether_a_rule_exists_on_what_the_policy_names_is_answered(ekeby, question):
    answer = ekeby.ask(question)
    assert not answer.abstained, answer.text


def test_a_hyphenated_compound_written_together_is_the_librarys_word_not_an_unknown_name(
    tmp_path: Path,
):
    policy = (
        "# Policy för EU-arbete\nLindby kommun\n\n## Bryssel\n"
        "Kommunen är delägare i länets Bryssel-kontor, Nordporten, som bevakar EU-frågor.\n"
    )
    catalog = CATALOG.replace("ekeby-riktlinjer", "lindby-eu").replace("Ekeby", "Lindby")
    lindby = assistant_over(tmp_path, {"lindby-eu.md": policy, "catalog.toml": catalog})
    answer = lindby.ask("Vad heter Brysselkontoret som Lindby är delägare i?")
    assert not answer.abstained and "Nordporten" in quoted(answer)
    parsed = lindby.understand("Vad gör Brysselkontorets personal åt Lindby?", (), None)
    assert lindby.answerer.unknown_names(parsed) == []  # the genitive too
    # a compound the library never writes, with or without a hyphen, stays unknown
    parsed = lindby.understand("Vad gör Romkontoret åt Lindby?", (), None)
    assert lindby.answerer.unknown_names(parsed) == ["Romkontoret"]


EKEBY_NETWORKS = """\
# Nätverk

Ekeby kommun

## Eurocities

Kommunen är medlem sedan 2015 och deltar i arbetsgruppen för kultur.

## Östersjön

Kommunen deltar i Euroregion Östersjön genom kansliet.
"""

LINDBY_NETWORKS = """\
# Medlemskap

Lindby kommun

Lindby kommun är medlem i Eurocities och i Euroregion Östersjön sedan länge.
"""


@pytest.fixture(scope="module")
def ekeby_and_lindby(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(
        tmp_path_factory.mktemp("two"),
        {
            "ekeby-riktlinjer.md": POLICY,
            "catalog.toml": CATALOG,
            "lindby-natverk.md": NETWORK,
            "ekeby-natverk.md": EKEBY_NETWORKS,
            "lindby-medlemskap.md": LINDBY_NETWORKS,
        },
    )


def test_a_network_only_another_organisations_policy_mentions_is_refused_for_this_one(
    ekeby_and_lindby,
):
    answer = ekeby_and_lindby.ask("Är Ekeby kommun medlem i Nordiska Vänortsnätverket?")
    assert answer.abstained and answer.refusal == "not_in_organisation"
    assert "Nordiska Vänortsnätverket" in answer.text and "Ekeby kommun" in answer.text
    answer = ekeby_and_lindby.ask("Is Lindby kommun a member of the Nordiska Vänortsnätverket?")
    assert not answer.abstained and "Nordiska Vänortsnätverket" in quoted(answer)


@pytest.mark.parametrize(
    "question",
    [
        # the network named in a sentence before the question is context
        "Jag hörde om Nordiska Vänortsnätverket. Vem godkänner en resa utomlands i Ekeby kommun?",
        # the organisation's own policy names it in a heading, or in another form
        "Är Ekeby kommun medlem i Eurocities?",
        "Är Ekeby kommun med i Euroregionen Östersjön?",
    ],
)
def test_a_name_the_organisation_mentions_or_one_before_the_question_is_no_partner_only_elsewhere(
    ekeby_and_lindby, question
):
    parsed = ekeby_and_lindby.understand(question, (), None)
    assert parsed.organisations == ["Ekeby kommun"]
    assert ekeby_and_lindby.answerer.names_only_elsewhere(parsed) == []
