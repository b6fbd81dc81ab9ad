"""Score a gold question set by the rules in ``shared/eval/README.md``.

- Text is compared after removing ``*``, folding whitespace and lower-casing.
- hit@5: one of the first five citations' passage text contains one of ``quotes``.
- An answerable item is correct with hit@5, every term (``a|b``: either) in the answer text,
  and no abstention; an abstain item is correct when the answer abstains.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from core.types import Answer

K = 5
OUTCOMES = (
    "answered right",
    "answered wrong",
    "refused answerable",
    "refused rightly",
    "answered unanswerable",
)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip().lower()


@dataclass(slots=True)
class ItemResult:
    id: str
    use: str
    lang: str
    abstain_expected: bool
    abstained: bool
    hit: bool
    terms_ok: bool
    correct: bool
    missing_terms: list[str] = field(default_factory=list)
    coverage: float = 0.0
    refusal: str = ""

    @property
    def outcome(self) -> str:
        """Where the answer/refuse decision put the item (the confusion of the decision)."""
        if self.abstain_expected:
            return "refused rightly" if self.abstained else "answered unanswerable"
        if self.abstained:
            return "refused answerable"
        return "answered right" if self.correct else "answered wrong"

    def with_threshold(self, threshold: float) -> ItemResult:
        """The item as a decision with ``threshold`` would have scored it: refused when the
        best passage covered less than ``threshold``, otherwise as it was (measured at 0)."""
        if self.coverage >= threshold or self.abstained:
            return self
        return replace(self, abstained=True, correct=self.abstain_expected)


def score_item(item: dict[str, Any], answer: Answer) -> ItemResult:
    text = normalise(answer.text)
    if item.get("abstain"):
        correct = answer.abstained
        return ItemResult(
            item["id"],
            item["use"],
            item["lang"],
            True,
            answer.abstained,
            False,
            True,
            correct,
            coverage=answer.coverage,
            refusal=answer.refusal,
        )
    quotes = [normalise(q) for q in item.get("quotes", [])]
    hit = any(q in normalise(c.text) for c in answer.citations[:K] for q in quotes)
    missing = [
        term
        for term in item.get("terms", [])
        if not any(normalise(alt) in text for alt in term.split("|"))
    ]
    correct = hit and not missing and not answer.abstained
    return ItemResult(
        item["id"],
        item["use"],
        item["lang"],
        False,
        answer.abstained,
        hit,
        not missing,
        correct,
        missing,
        coverage=answer.coverage,
        refusal=answer.refusal,
    )


@dataclass(slots=True)
class Report:
    items: list[ItemResult]

    @staticmethod
    def _share(rows: Sequence[ItemResult], pred: Callable[[ItemResult], bool]) -> float:
        return sum(pred(r) for r in rows) / len(rows) if rows else 0.0

    @property
    def correct(self) -> float:
        return self._share(self.items, lambda r: r.correct)

    @property
    def answerable(self) -> list[ItemResult]:
        return [r for r in self.items if not r.abstain_expected]

    @property
    def hit_at_5(self) -> float:
        return self._share(self.answerable, lambda r: r.hit)

    @property
    def wrong_abstentions(self) -> float:
        return self._share(self.answerable, lambda r: r.abstained)

    @property
    def missed_abstentions(self) -> int:
        return sum(1 for r in self.items if r.abstain_expected and not r.abstained)

    def by(self, key: str) -> dict[str, float]:
        groups: dict[str, list[ItemResult]] = defaultdict(list)
        for r in self.items:
            groups[getattr(r, key)].append(r)
        return {k: self._share(v, lambda r: r.correct) for k, v in sorted(groups.items())}

    def counts(self, key: str) -> dict[str, int]:
        groups: dict[str, int] = defaultdict(int)
        for r in self.items:
            groups[getattr(r, key)] += 1
        return dict(groups)

    def to_json(self) -> dict[str, Any]:
        return {
            "items": len(self.items),
            "correct": round(self.correct, 4),
            "hit@5": round(self.hit_at_5, 4),
            "wrong_abstentions": round(self.wrong_abstentions, 4),
            "missed_abstentions": self.missed_abstentions,
            "by_use": {k: round(v, 4) for k, v in self.by("use").items()},
            "by_lang": {k: round(v, 4) for k, v in self.by("lang").items()},
            "decision": self.confusion(),
            "failures": [
                {
                    "id": r.id,
                    "hit": r.hit,
                    "abstained": r.abstained,
                    "missing_terms": r.missing_terms,
                }
                for r in self.items
                if not r.correct
            ],
        }

    def confusion(self) -> dict[str, int]:
        counts = dict.fromkeys(OUTCOMES, 0)
        for r in self.items:
            counts[r.outcome] += 1
        return counts

    def summary(self) -> str:
        """One line: the headline figures and the decision's confusion."""
        by_lang = self.by("lang")
        decision = ", ".join(f"{k} {v}" for k, v in self.confusion().items())
        return (
            f"items {len(self.items)}  correct {self.correct:.3f}  "
            f"sv {by_lang.get('sv', 0):.3f}  en {by_lang.get('en', 0):.3f}  "
            f"hit@5 {self.hit_at_5:.3f}  wrong abstentions {self.wrong_abstentions:.3f}\n"
            f"  decision: {decision}"
        )

    def table(self) -> str:
        lines = [
            f"{'items':<24}{len(self.items):>8}",
            f"{'correct':<24}{self.correct:>8.3f}",
            f"{'hit@5 (answerable)':<24}{self.hit_at_5:>8.3f}",
            f"{'wrong abstentions':<24}{self.wrong_abstentions:>8.3f}",
            f"{'missed abstentions':<24}{self.missed_abstentions:>8d}",
        ]
        for key, title in (("use", "use"), ("lang", "lang")):
            counts = self.counts(key)
            for name, value in self.by(key).items():
                lines.append(
                    f"{'correct ' + title + '=' + name:<24}{value:>8.3f}  (n={counts[name]})"
                )
        lines.append("decision:")
        for name, count in self.confusion().items():
            lines.append(f"  {name:<22}{count:>8d}")
        failures = [r for r in self.items if not r.correct]
        if failures:
            lines.append("failures:")
            for r in failures:
                why = []
                if r.abstain_expected:
                    why.append("should abstain")
                else:
                    if r.abstained:
                        why.append("abstained")
                    if not r.hit:
                        why.append("no hit@5")
                    if r.missing_terms:
                        why.append("missing terms " + ", ".join(r.missing_terms))
                lines.append(f"  {r.id}: {'; '.join(why)}")
        return "\n".join(lines)


def load_gold(path: Path) -> list[dict[str, Any]]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not a JSON line ({exc.msg})") from None
    return items


def evaluate(items: Iterable[dict[str, Any]], ask: Callable[[dict[str, Any]], Answer]) -> Report:
    return Report([score_item(item, ask(item)) for item in items])


# -- held-out split and cross-validation -----------------------------------------------------


SMOOTHING = 2  # grid points on each side averaged when choosing a threshold


def split_of(item_id: str) -> str:
    """``tune`` or ``heldout``: a fixed half of a bank, by a hash of the id (not by position,
    so neither half is one topic)."""
    return "heldout" if hashlib.sha256(item_id.encode()).digest()[0] % 2 else "tune"


@dataclass(frozen=True, slots=True)
class CrossValidation:
    """A threshold or a scoring weight chosen by k-fold cross-validation: each fold's value is
    chosen on the other folds and scored on the fold."""

    value: float  # chosen on all tuning items
    folds: list[tuple[float, float]]  # (value chosen on the other folds, correct held out)
    curve: list[tuple[float, float]]  # (value, correct on all tuning items)
    name: str = "threshold"

    @property
    def threshold(self) -> float:
        return self.value

    @property
    def heldout_correct(self) -> float:
        return sum(c for _, c in self.folds) / len(self.folds) if self.folds else 0.0

    def table(self) -> str:
        lines = [f"{self.name} chosen on all tuning items: {self.value:g}"]
        for i, (v, c) in enumerate(self.folds, 1):
            lines.append(
                f"  fold {i}: {self.name} {v:g} from the other folds, correct {c:.3f} held out"
            )
        lines.append(f"mean held-out correct over folds: {self.heldout_correct:.3f}")
        lines.append(f"correct on all tuning items by {self.name}:")
        lines += [f"  {v:g}  {c:.3f}" for v, c in self.curve]
        return "\n".join(lines)


def _accuracy(items: Sequence[ItemResult], threshold: float) -> float:
    return sum(r.with_threshold(threshold).correct for r in items) / len(items) if items else 0.0


def _best_threshold(items: Sequence[ItemResult], grid: Sequence[float]) -> float:
    return _plateau_middle(grid, [_accuracy(items, t) for t in grid])


def _plateau_middle(
    grid: Sequence[float], scores: Sequence[float], smoothing: int = SMOOTHING
) -> float:
    """The grid point with the best accuracy averaged over it and its neighbours
    (``smoothing`` on each side), the middle one where several tie: a point inside a plateau,
    not a spike that one question makes nor the edge of a flat region."""
    smoothed = [
        sum(scores[max(0, i - smoothing) : i + smoothing + 1])
        / len(scores[max(0, i - smoothing) : i + smoothing + 1])
        for i in range(len(grid))
    ]
    top = max(smoothed)
    best = [i for i in range(len(grid)) if smoothed[i] >= top - 1e-9]
    return grid[best[len(best) // 2]]  # the middle of the best region, not its edge


def cross_validate(
    items: Sequence[ItemResult],
    *,
    folds: int = 5,
    grid: Sequence[float] | None = None,
    seed: int = 7,
) -> CrossValidation:
    """Choose the answer/refuse threshold by k-fold cross-validation over scored items (scored
    with threshold 0, so each item's outcome at any threshold is known without asking again)."""
    import random

    grid = list(grid or [round(0.02 * i, 2) for i in range(31)])
    order = list(items)
    random.Random(seed).shuffle(order)
    results = []
    for k in range(folds):
        held = order[k::folds]
        rest = [r for i, r in enumerate(order) if i % folds != k]
        t = _best_threshold(rest, grid)
        results.append((t, _accuracy(held, t)))
    return CrossValidation(
        _best_threshold(order, grid), results, [(t, _accuracy(order, t)) for t in grid]
    )


def cross_validate_weight(
    name: str, by_value: Mapping[float, Sequence[ItemResult]], *, folds: int = 5, seed: int = 7
) -> CrossValidation:
    """Choose a weight among the scored values as ``cross_validate`` chooses a threshold."""
    import random

    values = sorted(by_value)
    correct = {v: {r.id: r.correct for r in by_value[v]} for v in values}
    ids = [r.id for r in by_value[values[0]]]
    random.Random(seed).shuffle(ids)

    def accuracy(value: float, subset: Sequence[str]) -> float:
        return sum(correct[value][i] for i in subset) / len(subset) if subset else 0.0

    def best(subset: Sequence[str]) -> float:
        # a few candidate values are not a fine grid: smooth only over many
        scores = [accuracy(v, subset) for v in values]
        return _plateau_middle(values, scores, smoothing=len(values) // 6)

    results = []
    for k in range(folds):
        held = ids[k::folds]
        rest = [i for n, i in enumerate(ids) if n % folds != k]
        v = best(rest)
        results.append((v, accuracy(v, held)))
    curve = [(v, accuracy(v, ids)) for v in values]
    return CrossValidation(best(ids), results, curve, name)


def at_threshold(report: Report, threshold: float) -> Report:
    return Report([r.with_threshold(threshold) for r in report.items])
