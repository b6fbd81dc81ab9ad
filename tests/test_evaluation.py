"""The evaluation follows the gold set's rules, and the dev set stays at the level reached."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.evaluation import (
    ItemResult,
    Report,
    cross_validate,
    cross_validate_weight,
    normalise,
    score_item,
    split_of,
)
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


# Floors below the levels reached, so the suite catches a regression; none demands 1.0 of a
# set that tuned the method (dev tuned the threshold by cross-validation with dev2 and half the
# bank; the bank's other half is reported in the README, never tuned on).
DEV_THRESHOLDS = [
    "--min-correct",
    "0.9",
    "--min-correct-en",
    "0.85",
    "--max-wrong-abstain",
    "0.05",
]
# Our own paraphrases (written by the team, different wording): a check on generalisation.
PARAPHRASE_THRESHOLDS = [
    "--min-correct",
    "0.85",
    "--max-wrong-abstain",
    "0.06",
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


def _item(correct: bool, coverage: float, abstain: bool = False) -> ItemResult:
    return ItemResult(
        "x", "general", "sv", abstain, False, correct, True, correct, coverage=coverage
    )


def test_a_threshold_refuses_what_covers_less_and_keeps_the_rest():
    answerable, unanswerable = _item(True, 0.5), _item(False, 0.05, abstain=True)
    assert answerable.with_threshold(0.2).correct
    assert unanswerable.with_threshold(0.2).correct and unanswerable.with_threshold(0.2).abstained
    assert not answerable.with_threshold(0.6).correct


def test_cross_validation_chooses_a_threshold_inside_the_plateau_and_reports_held_out_folds():
    items = [_item(True, 0.3 + 0.01 * i) for i in range(20)]
    items += [_item(False, 0.01 * i, abstain=True) for i in range(10)]
    cv = cross_validate(items, folds=5)
    assert 0.1 <= cv.threshold <= 0.3  # between the sets, not at either edge
    assert len(cv.folds) == 5 and cv.heldout_correct == 1.0


def test_a_weight_is_chosen_inside_its_plateau_on_the_other_folds():
    def scored(value: float) -> list[ItemResult]:
        # 40 questions; values 0.5 to 0.75 answer 36 right, the edges fewer
        right = {0.25: 30, 0.5: 36, 0.75: 36, 1.0: 31}[value]
        return [
            ItemResult(f"q{i}", "general", "sv", False, False, i < right, True, i < right)
            for i in range(40)
        ]

    cv = cross_validate_weight("context_hint", {v: scored(v) for v in (0.25, 0.5, 0.75, 1.0)})
    assert cv.value in (0.5, 0.75)
    assert len(cv.folds) == 5 and all(v in (0.5, 0.75) for v, _ in cv.folds)
    assert dict(cv.curve)[0.5] == 0.9 and "context_hint" in cv.table()


def test_only_a_scoring_weight_can_be_tried():
    import pytest

    from assistant.evidence import SCORING, scoring_tried

    before = SCORING.context_hint
    with scoring_tried(context_hint=0.9):
        assert SCORING.context_hint == 0.9
    assert SCORING.context_hint == before
    with pytest.raises(ValueError, match="not a scoring weight"), scoring_tried(no_such_weight=1.0):
        pass


def test_the_held_out_half_is_fixed_and_about_half():
    ids = [f"q-{i}" for i in range(200)]
    held = [i for i in ids if split_of(i) == "heldout"]
    assert 70 < len(held) < 130 and held == [i for i in ids if split_of(i) == "heldout"]
