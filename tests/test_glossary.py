"""The glossary finds English and Swedish phrases in a question."""

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
