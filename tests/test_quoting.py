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
