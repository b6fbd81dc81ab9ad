"""Words typed without å/ä/ö find the library's spelling; stop words apply per language."""

from core.text import Lexicon, detect_language, fold, stopwords


def test_a_word_typed_without_diacritics_is_restored_from_the_library():
    lexicon = Lexicon(["vänortssamarbete", "förvaltning"])
    assert fold("vänort") == "vanort"
    assert lexicon.restore("vanortssamarbete") == "vänortssamarbete"
    assert lexicon.restore("okänt") == "okänt"


def test_stop_words_apply_per_language():
    # "by" (village) and "is" (ice) are Swedish content words
    assert "by" not in stopwords("sv") and "by" in stopwords("en")
    assert "och" in stopwords("sv") and "och" not in stopwords("en")


def test_language_from_function_words():
    assert detect_language("Vem beslutar om vänorter?") == "sv"
    assert detect_language("Who decides on twinning?") == "en"
