"""The glossary finds English and Swedish phrases in a question."""

import re

import pytest

from core.errors import SettingsError
from core.glossary import Glossary, GlossaryEntry

GLOSSARY = Glossary(
    [
        GlossaryEntry(("training", "courses"), ("utbildning",)),
        GlossaryEntry(("train", "rail"), ("tåg",)),
        GlossaryEntry(("per diem", "allowance"), ("traktamente",)),
        GlossaryEntry(("allow", "permitted"), ("tillåta",)),
    ]
)


def swedish(text: str) -> list[str]:
    return [m.entry.swedish[0] for m in GLOSSARY.find(text, "en")]


def test_a_word_an_entry_lists_means_that_entry_not_one_sharing_its_stem():
    assert swedish("Is there any training?") == ["utbildning"]
    assert swedish("What is the daily allowance?") == ["traktamente"]
    assert swedish("Am I allowed to bring a guest?") == ["tillåta"]


def test_an_inflected_form_no_entry_lists_is_found_by_its_stem():
    assert "tåg" in swedish("Can we go by trains?")
    assert swedish("Is that permitted?") == ["tillåta"]


def test_a_row_of_question_phrasings_carries_english_questions_only():
    glossary = Glossary(
        [
            GlossaryEntry(("spouse", "bring my partner"), ("make", "sambo", "respektive"), "", ""),
            GlossaryEntry(("partner along",), ("medföljande", "respektive"), "", "questions"),
        ]
    )
    assert [m.entry.swedish[0] for m in glossary.find("Can my partner along come?", "en")] == [
        "medföljande"
    ]
    # in a Swedish text "respektive" is found only through the two-way row
    found = glossary.find("respektive nämnd ansvarar", "sv")
    assert [m.entry.swedish[0] for m in found] == ["make"]
    assert "medföljande" not in glossary.swedish_vocabulary


def test_an_unknown_scope_names_the_row_and_the_values(tmp_path):
    path = tmp_path / "glossary.csv"
    path.write_text("english,swedish,note,scope\nvisit,besök,,sometimes\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="'sometimes'.*'questions'"):
        Glossary.load(path)


def test_no_row_of_question_phrasings_holds_a_question_framing():
    """ "who decides" is what a question asks, read by the intent rules; a row holding it
    would swallow the duty the question asks about."""
    from core.settings import Settings

    framings = re.compile(r"(?:who|whom|what|when|where|why|how|can|may|should|must|do|does)\b")
    rows = Glossary.load(Settings().glossary_file).entries
    phrasings = [row for row in rows if row.scope == "questions"]
    assert phrasings
    assert not [t for row in phrasings for t in row.english if framings.match(t)]


def test_checking_a_sentence_uses_term_translations_only():
    glossary = Glossary(
        [
            GlossaryEntry(("first class",), ("första klass",)),
            GlossaryEntry(("first class", "economy class"), ("ekonomiklass",), "", "questions"),
        ]
    )
    assert [m.entry.swedish for m in glossary.two_way().find("first class", "en")] == [
        ("första klass",)
    ]


def test_a_word_typed_with_swedish_letters_elsewhere_is_not_read_as_folded():
    glossary = Glossary([GlossaryEntry(("gift", "gifts"), ("gåva", "gåvor"))])
    # "gav" is "gåva" typed without å only when the asker types no å/ä/ö at all
    assert [m.entry.english[0] for m in glossary.find("far jag ta emot en gava", "sv")] == ["gift"]
    assert glossary.find("Vad gav resan för nytta åt förvaltningen?", "sv") == []
    # a name typed with its letters does not make the asker's own words Swedish-typed
    found = glossary.find("far jag ta emot en gava i Västernorrland", "sv")
    assert [m.entry.english[0] for m in found] == ["gift"]


def test_a_phrase_takes_a_hyphenated_compound_whole_or_keeps_out_of_it():
    glossary = Glossary(
        [
            GlossaryEntry(("enter a twinning",), ("ingå vänortsavtal",)),
            GlossaryEntry(("twin town",), ("vänort",)),
            GlossaryEntry(("follow up",), ("följa upp",)),
            GlossaryEntry(("up",), ("upp",)),
            GlossaryEntry(("report",), ("rapport",)),
            GlossaryEntry(("samordnare",), ("samordnare",)),
            GlossaryEntry(("EU",), ("EU",)),
        ]
    )

    def found(text: str, side: str = "en") -> list[str]:
        return [m.entry.swedish[0] for m in glossary.find(text, side)]

    # "entering a twin" would take half of "twin-town"
    assert found("Who decides on entering a twin-town partnership?") == ["vänort"]
    assert found("Who decides on entering a twin\u2010town partnership?") == ["vänort"]
    assert found("Who decides on entering a twinning?") == ["ingå vänortsavtal"]
    # "up report" is not a phrase here, but "up" alone may stand inside "follow-up"
    assert found("the follow-up report") == ["följa upp", "rapport"]
    assert found("Who writes the follow-up?") == ["följa upp"]
    # a word inside a compound is still itself
    assert found("Vem anställer EU-samordnare?", "sv") == ["EU", "samordnare"]


def test_a_gloss_skips_a_cognate_and_never_gives_it_another_sense_of_its_entry():
    glossary = Glossary(
        [
            GlossaryEntry(("ambassador", "represent"), ("ambassadör", "representerar")),
            GlossaryEntry(("local",), ("lokal",)),
            GlossaryEntry(("secretariat",), ("kansliet",)),
        ]
    )
    glosses = dict(glossary.gloss("Kansliet representerar kommunen på lokal nivå."))
    assert glosses == {"kansliet": "secretariat"}  # not "representerar = ambassador"
    assert glossary.gloss("Vi ska vara goda ambassadörer.") == []  # a cognate too
    # a phrase is glossed by the first entry that finds it, never by a later one
    other = Glossary(
        [
            GlossaryEntry(("get in touch",), ("kontakta",)),
            GlossaryEntry(("turn to",), ("kontakta", "vända sig till")),
        ]
    )
    assert other.gloss("Kansliet ska kontakta gästerna.") == [("kontakta", "get in touch")]


def test_a_gloss_takes_the_entry_whose_swedish_term_is_nearest_the_word_as_written():
    glossary = Glossary(
        [
            GlossaryEntry(("coordinate", "coordination"), ("samordna", "samordning")),
            GlossaryEntry(("coordinator",), ("samordnare", "samordnaren")),
        ]
    )
    assert glossary.gloss("Samordnaren bokar resan.") == [("samordnaren", "coordinator")]
    assert glossary.gloss("Kansliet ska samordna resan.") == [("samordna", "coordinate")]


def test_everyday_swedish_for_behaving_finds_the_policies_words_for_conduct():
    from core.settings import Settings

    glossary = Glossary.load(Settings().glossary_file)
    for question in ("Hur ska jag bete mig på resan?", "Hur beter sig en bra gäst?"):
        found = {t for m in glossary.find(question, "sv") for t in m.entry.swedish}
        assert {"uppträda", "gott omdöme"} <= found, question
