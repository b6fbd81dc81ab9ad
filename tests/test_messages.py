"""Every user-facing string exists in both languages."""

import string

from core import messages


def test_every_message_exists_in_both_languages_with_the_same_placeholders():
    sv, en = messages.CATALOG["sv"], messages.CATALOG["en"]
    assert set(sv) == set(en)
    fields = string.Formatter()
    for key in sv:
        assert {f for _, f, _, _ in fields.parse(sv[key]) if f} == {
            f for _, f, _, _ in fields.parse(en[key]) if f
        }, key


def test_an_unknown_language_falls_back_to_swedish():
    assert messages.text("question_empty", "de") == messages.text("question_empty", "sv")
