"""The evaluation follows the gold set's rules, and the dev set stays at the level reached."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.evaluation import Report, normalise, score_item
from core.types import Answer, Citation

DATA = Path(__file__).parent / "data"


def cite(text: str, n: int = 1) -> Citation:
    return Citation(
        n=n, organisation="O", document="D", section="S", source="s.md", text=text, score=1.0
    )


ITEM = {
    "id": "x",
    "use": "twinning",
    "lang": "sv",
    "quotes": ["Vänortssamarbeten"],
    "terms": ["Landstingsfullmäktige|fullmäktige", "beslutar"],
    "abstain": False,
}


def test_text_is_compared_without_stars_case_or_extra_whitespace():
    assert (
        normalise("**Landstings**fullmäktige   beslutar\nom") == "landstingsfullmäktige beslutar om"
    )


def test_an_answerable_item_needs_a_hit_every_term_and_no_abstention():
    good = Answer(
        "Landstingsfullmäktige *beslutar* om ...", "sv", False, [cite("- vänortssamarbeten")]
    )
    assert score_item(ITEM, good).correct
    either = Answer("Fullmäktige beslutar", "sv", False, [cite("vänortssamarbeten")])
    assert score_item(ITEM, either).correct
    missing_term = Answer("Fullmäktige", "sv", False, [cite("vänortssamarbeten")])
    assert score_item(ITEM, missing_term).missing_terms == ["beslutar"]
    no_hit = Answer("Fullmäktige beslutar", "sv", False, [cite("annat")])
    assert not score_item(ITEM, no_hit).hit
    abstained = Answer("Fullmäktige beslutar", "sv", True, [cite("vänortssamarbeten")])
    assert not score_item(ITEM, abstained).correct


def test_a_hit_counts_only_among_the_first_five_citations():
    late = Answer(
        "Landstingsfullmäktige beslutar",
        "sv",
        False,
        [cite("x", n) for n in range(1, 6)] + [cite("vänortssamarbeten", 6)],
    )
    assert not score_item(ITEM, late).hit


def test_an_abstain_item_is_correct_only_when_the_answer_abstains():
    item = {"id": "a", "use": "abstain", "lang": "en", "quotes": [], "terms": [], "abstain": True}
    assert score_item(item, Answer("…", "en", True)).correct
    assert not score_item(item, Answer("…", "en", False)).correct


def test_the_report_breaks_down_by_use_and_language():
    items = [
        score_item(
            ITEM, Answer("Landstingsfullmäktige beslutar", "sv", False, [cite("vänortssamarbeten")])
        ),
        score_item({**ITEM, "id": "y", "lang": "en"}, Answer("", "en", True)),
    ]
    report = Report(items)
    assert report.correct == 0.5 and report.by("lang") == {"en": 0.0, "sv": 1.0}
    assert report.wrong_abstentions == 0.5 and "failures:" in report.table()


# The ratchet: the dev set's figures as reached (raise them as the method improves; never lower).
DEV_THRESHOLDS = [
    "--min-correct",
    "1.0",
    "--min-correct-en",
    "1.0",
    "--min-hit",
    "1.0",
    "--max-wrong-abstain",
    "0.0",
    "--max-missed-abstain",
    "0",
]
# Our own paraphrases (written by the team, different wording): a check on generalisation.
PARAPHRASE_THRESHOLDS = [
    "--min-correct",
    "0.95",
    "--min-hit",
    "0.94",
    "--max-wrong-abstain",
    "0.06",
    "--max-missed-abstain",
    "0",
]


@pytest.mark.parametrize(
    ("gold", "thresholds"),
    [("dev.jsonl", DEV_THRESHOLDS), ("paraphrases.jsonl", PARAPHRASE_THRESHOLDS)],
)
def test_the_gold_sets_stay_at_the_level_reached(real_index, monkeypatch, capsys, gold, thresholds):
    from assistant.cli import main

    monkeypatch.setenv("POLICY_ASSISTANT_INDEX_DIR", str(real_index.index_path))
    status = main(["eval", str(DATA / gold), "--json", *thresholds])
    report = json.loads(capsys.readouterr().out)
    assert status == 0, report
    assert report["items"] == len((DATA / gold).read_text().splitlines())


def test_eval_fails_below_a_threshold(real_index, monkeypatch, capsys, tmp_path):
    from assistant.cli import main

    monkeypatch.setenv("POLICY_ASSISTANT_INDEX_DIR", str(real_index.index_path))
    impossible = tmp_path / "gold.jsonl"
    impossible.write_text(
        json.dumps(
            {
                **ITEM,
                "question": "Vem beslutar om vänortssamarbeten?",
                "quotes": ["finns inte i texten"],
            }
        )
        + "\n"
    )
    assert main(["eval", str(impossible), "--min-correct", "0.5"]) == 1
    assert "below threshold: correct 0.000" in capsys.readouterr().err
