"""Score a gold question set by the rules in ``shared/eval/README.md``.

- Text is compared after removing ``*``, folding whitespace and lower-casing.
- hit@5: one of the first five citations' passage text contains one of ``quotes``.
- An answerable item is correct with hit@5, every term (``a|b``: either) in the answer text,
  and no abstention; an abstain item is correct when the answer abstains.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.types import Answer

K = 5


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


def score_item(item: dict[str, Any], answer: Answer) -> ItemResult:
    text = normalise(answer.text)
    if item.get("abstain"):
        correct = answer.abstained
        return ItemResult(
            item["id"], item["use"], item["lang"], True, answer.abstained, False, True, correct
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
