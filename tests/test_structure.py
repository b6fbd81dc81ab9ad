"""A passage's structure, read in one place: units and sentences."""

from core.structure import first_sentence_end, render_list, sentences, units


def test_sentences_split_at_a_stop_before_a_capital_or_a_digit():
    text = "Nämnden beslutar. Styrelsen bereder ärendet! 3 gånger per år sker uppföljning."
    assert sentences(text) == [
        "Nämnden beslutar.",
        "Styrelsen bereder ärendet!",
        "3 gånger per år sker uppföljning.",
    ]


def test_an_abbreviation_before_a_lower_case_word_does_not_split():
    assert len(sentences("Vi deltar i nätverk, t.ex. inom kultur. Nästa mening.")) == 2


def test_a_list_is_one_unit_with_its_lead_in():
    text = render_list("Kansliet ansvarar för:", ["bokningar", "rapporter"])
    (unit,) = units(text)
    assert unit.lead_in == "Kansliet ansvarar för:" and unit.items == ("bokningar", "rapporter")
    assert unit.is_list and "bokningar" in unit.whole


def test_blocks_of_lines_stay_together_and_paragraphs_split_into_sentences():
    text = "Kommunkansliet\nStorgatan 1\n\nEtt. Två."
    found = units(text)
    assert found[0].text == "Kommunkansliet\nStorgatan 1"
    assert [u.text for u in found[1:]] == ["Ett.", "Två."]


def test_a_full_stop_after_an_abbreviation_does_not_end_a_sentence():
    assert sentences("Vi deltar i t.ex. EU-program. Enligt 6 kap. 7 § beslutar nämnden.") == [
        "Vi deltar i t.ex. EU-program.",
        "Enligt 6 kap. 7 § beslutar nämnden.",
    ]
    # an abbreviation that often ends a sentence still does
    assert sentences("Vi betalar resor, hotell m.m. Nämnden beslutar.") == [
        "Vi betalar resor, hotell m.m.",
        "Nämnden beslutar.",
    ]
    # a word that merely ends like one is a word
    assert sentences("Han läste Xkap. Sedan gick han.") == ["Han läste Xkap.", "Sedan gick han."]


def test_a_streamed_sentence_is_not_complete_at_an_abbreviation():
    buffer = "Kommunen deltar bl.a. i Europaforum. Nästa"
    assert buffer[: first_sentence_end(buffer)] == "Kommunen deltar bl.a. i Europaforum. "


def test_an_abbreviation_used_only_before_a_number_ends_a_sentence_otherwise():
    assert sentences("The answer is no. Partners pay their own way.") == [
        "The answer is no.",
        "Partners pay their own way.",
    ]
    assert sentences("Se nr. 3 i bilagan. Klart.") == ["Se nr. 3 i bilagan.", "Klart."]
