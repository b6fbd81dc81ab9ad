"""Scoring the responsibility map on a labelled corpus (``policy-assistant eval --map``)."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.map_eval import ExpectedRow, ExtractedRow, same_body, score

CORPUS = Path(__file__).parent / "data" / "corpus"


def test_bodies_are_compared_case_insensitively_in_base_form():
    assert same_body("Nämnden", "nämnd")
    assert same_body("Kommunstyrelsens arbetsutskott", "kommunstyrelsens arbetsutskottet")
    assert same_body("Kommunkansliet", "kommunkansli")
    assert not same_body("Nämnden", "Nämndens ordförande")
    assert not same_body("Kommunstyrelsen", "Kommunfullmäktige")


def test_a_name_that_goes_on_with_where_the_post_sits_or_which_one_it_is_is_the_same_body():
    assert same_body("Avdelningschefen för internationella avdelningen", "Avdelningschefen")
    assert same_body("presidiet", "Presidiet i den nämnd som ledamoten tillhör")
    assert same_body("Rektor på respektive skola", "rektorn")
    # words before a name make another body, and so does a name that goes on otherwise
    assert not same_body("Kommunstyrelsens ordförande", "Ordförande")
    assert not same_body("Nätverkets generalförsamling", "generalförsamling")
    assert not same_body("Kommunstyrelsen", "Kommunstyrelsens arbetsutskott")
    assert not same_body("Kansliet och nämnden", "Kansliet")
    assert not same_body("Ordförande genom vice ordförande", "Ordförande")
    assert not same_body("Nämnden som inte längre finns", "Nämnden")


def test_a_leading_determiner_or_quantifier_does_not_make_another_body():
    assert same_body("Den internationella samordnaren", "Internationella samordnaren")
    assert same_body("Respektive nämnd", "nämnden")
    assert same_body("Varje förvaltning", "Förvaltningen")
    assert not same_body("Den internationella samordnaren", "Samordnaren")
    assert not same_body("Respektive nämnd", "Respektive")


def test_a_row_is_found_by_body_kind_and_every_matter_keyword():
    expected = [
        ExpectedRow("a.md", "Kulturnämnden", "decides", ("bidrag", "utbyten")),
        ExpectedRow("a.md", "Kansliet", "coordinates", ("besök",)),
    ]
    rows = [
        ExtractedRow("a.md", "Kulturnämnd", "beslutar om", "bidrag till utbyten"),
        ExtractedRow("a.md", "Kansliet", "ansvarar för", "besök"),  # wrong kind
        ExtractedRow("b.md", "Kansliet", "samordnar", "besök"),  # wrong document
        ExtractedRow("a.md", "Kansliet", "samordnar", "resor"),  # wrong matter
    ]
    result = score(rows, expected)
    assert (result.found, result.correct, result.extracted) == (1, 1, 4)
    assert result.recall == 0.5 and result.precision == 0.25


def test_a_row_taken_from_a_negative_sentence_counts_as_false():
    expected = [ExpectedRow("a.md", "Kommunstyrelsen", "decides", ("resor",))]
    negatives = [("a.md", "Kommunstyrelsen diskuterade resor vid ett möte.")]
    rows = [ExtractedRow("a.md", "Kommunstyrelsen", "beslutar om", "resor")]
    result = score(rows, expected, negatives)
    assert result.from_negatives == 1 and result.precision == 0.0


def test_the_map_of_the_team_corpus_reaches_its_targets(capsys):
    from assistant.cli import main

    assert (
        main(["eval", "--map", str(CORPUS), "--min-precision", "0.95", "--min-recall", "0.9"]) == 0
    )
    out = capsys.readouterr().out
    assert "documents 1-6 of expected.toml" in out and "documents 7-12 of expected.toml" in out
    assert main(["eval", "--map", str(CORPUS), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # floors under what was measured (README: figures per half), never all of a set the
    # rules were tuned on
    assert data["documents 1-6 of expected.toml"]["recall"] >= 0.95
    assert data["documents 1-6 of expected.toml"]["precision"] >= 0.95
    assert data["documents 7-12 of expected.toml"]["precision"] >= 0.9
    assert data["documents 7-12 of expected.toml"]["recall"] >= 0.85
    assert len(data["documents"]) == 12


def test_the_statement_rules_on_a_bank_of_made_up_sentences(capsys):
    from assistant.cli import main

    bank = CORPUS.parent / "phrasing" / "statements.jsonl"
    assert main(["eval", "--statements", str(bank), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"all sentences", "tuning half", "held-out half"}
    assert data["all sentences"]["expected"] == 132
    # floors under what was measured (0.766 / 0.447): a regression guard, not a target
    assert data["all sentences"]["precision"] >= 0.72
    assert data["all sentences"]["recall"] >= 0.42
    assert data["all sentences"]["from_negative_sentences"] == 0


def test_a_folder_without_labels_is_refused(tmp_path, capsys):
    from assistant.cli import main

    assert main(["eval", "--map", str(tmp_path)]) == 2
    assert "map.jsonl" in capsys.readouterr().err
