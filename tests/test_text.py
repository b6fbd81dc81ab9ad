"""Words typed without å/ä/ö find the library's spelling; stop words apply per language."""

import pytest

from core.text import Lexicon, detect_language, fold, stem, stopwords


def test_a_word_typed_without_diacritics_is_restored_from_the_library():
    lexicon = Lexicon(["vänortssamarbete", "förvaltning"])
    assert fold("vänort") == "vanort"
    assert lexicon.restore("vanortssamarbete") == "vänortssamarbete"
    assert lexicon.restore("okänt") == "okänt"


def test_a_form_the_library_lacks_is_restored_by_its_stem():
    lexicon = Lexicon(["anställda", "förvaltningar", "kostnad"])
    assert lexicon.restore("anstalld") == "anställd"  # only "anställda" is in the library
    assert lexicon.restore("forvaltningen") == "förvaltningen"
    # a word whose stem the library has as typed stays as typed
    assert lexicon.restore("kostnaden") == "kostnaden"
    assert lexicon.restore("anstalt") == "anstalt"  # no stem of the library folds to it


def test_stop_words_apply_per_language():
    # "by" (village) and "is" (ice) are Swedish content words
    assert "by" not in stopwords("sv") and "by" in stopwords("en")
    assert "och" in stopwords("sv") and "och" not in stopwords("en")


def test_language_from_function_words():
    assert detect_language("Vem beslutar om vänorter?") == "sv"
    assert detect_language("Who decides on twinning?") == "en"


@pytest.mark.parametrize(
    "form, base",
    [("resan", "resa"), ("resans", "resor"), ("frågan", "frågor"), ("veckan", "vecka")],
)
def test_the_definite_form_of_a_noun_in_a_stems_as_its_base(form, base):
    assert stem(form) == stem(base)


def test_a_verb_with_a_j_stems_as_its_noun():
    assert stem("stödja") == stem("stödjer") == stem("stöder") == stem("stöd")
    assert stem("följa") != stem("fölet")  # a short stem keeps its j


@pytest.mark.parametrize("word, other", [("organ", "orgasm"), ("japan", "japa")])
def test_words_that_merely_end_in_an_keep_their_stem(word, other):
    assert stem(word) == word
    assert stem(word) != stem(other)


def test_a_compound_typed_without_diacritics_splits_into_the_librarys_spelling():
    lexicon = Lexicon(["näringsliv", "kontoret", "utvecklingskontoret", "vänort", "samarbeten"])
    assert lexicon.split("naringslivskontoret") == ("näringsliv", "kontoret")
    assert lexicon.split("vanortssamarbeten") == ("vänort", "samarbeten")
    assert lexicon.split("kontoret") == ()
    assert lexicon.split("xyzabcdkontoret") == ()


@pytest.mark.parametrize(
    ("word", "english"),
    [("side", True), ("report", True), ("kommun", False), ("vänort", False), ("partner", False)],
)
def test_a_word_is_clearly_english_only_when_english_uses_it_far_more(word, english):
    from core.text import clearly_english

    assert clearly_english(word) is english


@pytest.mark.parametrize(
    "inflected, base",
    [
        ("kontoret", "kontor"),
        ("kontorets", "kontor"),
        ("revisorer", "revisor"),
        ("rektorn", "rektor"),
        ("revisorns", "revisor"),
    ],
)
def test_a_noun_in_or_stems_as_its_base_form_when_inflected(inflected, base):
    assert stem(inflected) == stem(base)


def test_a_word_that_only_ends_in_or_after_stemming_keeps_its_stem():
    assert stem("stora") == stem("stor") == "stor"
    assert stem("honorar") != stem("hon")  # "-ar" is no noun ending after "-or"
    assert stem("ekorn") == "ekorn"
    assert stem("resor") == stem("resorna") == stem("resa")  # a plural in -or as before
