"""Score the responsibility map against a labelled corpus (``tests/data/corpus/``).

The corpus holds ``docs/`` (the policies), ``map.jsonl`` (expected rows: ``file``, ``body``,
``relation`` = the relation's kind, ``matter_keywords``, ``sentence``) and
``map_negative.jsonl`` (sentences that name a body but give it no duty). An expected row is
found when an extracted row of the same document has

- the same body: case-insensitive, words compared in base form (a definite ending -en, -et,
  -n or -t on either side is ignored: ``Nämnden`` = ``nämnd``, ``utskottet`` = ``utskott``);
  one name may go on after the other with where the post sits or which one it is, a phrase
  that opens with a preposition or "som" (``Avdelningschefen för internationella
  avdelningen`` = ``Avdelningschefen``);
- the same kind of relation (decides, responsible, coordinates, ...);
- every matter keyword in its matter (case-insensitive).

Precision is the share of extracted rows that match some expected row (a row taken from a
negative sentence counts as false); recall the share of expected rows found::

    policy-assistant eval --map tests/data/corpus
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from core import vocabulary
from core.types import Responsibility

DEFINITE_ENDINGS = ("en", "et", "n", "t")
_WORDS = vocabulary.clause_words()
_LEADING = frozenset(_WORDS["determiner"]) | frozenset(_WORDS["quantifier"])
# words that open a phrase after a body's name saying which one it is or where it sits
# ("för internationella avdelningen", "på regionkontoret", "i den nämnd", "som ledamoten
# tillhör"); not "genom", "utan", "efter", which say how or when
_ATTRIBUTE_OPENERS = frozenset({"för", "på", "i", "vid", "inom", "hos", "med", "som"})


@dataclass(frozen=True, slots=True)
class ExpectedRow:
    file: str
    body: str
    kind: str
    keywords: tuple[str, ...]
    sentence: str = ""


@dataclass(frozen=True, slots=True)
class ExtractedRow:
    file: str
    organ: str
    relation: str
    matter: str

    @property
    def kind(self) -> str:
        return vocabulary.relations().kind(self.relation)

    @classmethod
    def from_responsibility(cls, row: Responsibility, file: str) -> ExtractedRow:
        return cls(file, row.organ, row.relation, row.matter)


@dataclass(slots=True)
class MapScore:
    expected: int = 0
    found: int = 0
    extracted: int = 0
    correct: int = 0
    from_negatives: int = 0
    missed: list[ExpectedRow] = field(default_factory=list)
    false: list[ExtractedRow] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else 1.0

    def to_json(self) -> dict[str, object]:
        return {
            "expected": self.expected,
            "found": self.found,
            "extracted": self.extracted,
            "correct": self.correct,
            "from_negative_sentences": self.from_negatives,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
        }


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return any(long == short + ending for ending in DEFINITE_ENDINGS)


def _name_words(name: str) -> list[str]:
    """A body's name without a leading determiner or quantifier: "Den internationella
    samordnaren" and "Respektive nämnd" name the same body as "Internationella samordnaren"
    and "Nämnd"."""
    found = name.lower().split()
    while len(found) > 1 and found[0] in _LEADING:
        found = found[1:]
    return found


def same_body(a: str, b: str) -> bool:
    """Whether two names of a body are the same, case-insensitive and in base form. One name
    may go on where the other ends with where the post sits or which one it is ("Avdelnings-
    chefen för internationella avdelningen", "Presidiet i den nämnd som ledamoten tillhör"):
    a phrase after the name that opens with a preposition or "som" names the same body more
    closely. Words before the name do not ("Kommunstyrelsens ordförande" is not "Ordförande")."""
    wa, wb = _name_words(a), _name_words(b)
    short, long = sorted((wa, wb), key=len)
    if not short or not all(_same_word(x, y) for x, y in zip(short, long, strict=False)):
        return False
    if len(short) == len(long):
        return True
    rest = long[len(short) :]
    # "Nämnden som inte längre finns" says which one is not meant
    return rest[0] in _ATTRIBUTE_OPENERS and not (rest[0] == "som" and "inte" in rest[1:3])


def matches(row: ExtractedRow, expected: ExpectedRow) -> bool:
    matter = row.matter.lower()
    return (
        row.file == expected.file
        and row.kind == expected.kind
        and same_body(row.organ, expected.body)
        and all(k.lower() in matter for k in expected.keywords)
    )


def _from_negative(row: ExtractedRow, negatives: Sequence[tuple[str, str]]) -> bool:
    """Whether a row was taken from a negative sentence: its matter is in the sentence and
    so is its body (in base form)."""
    matter = row.matter.lower()
    organ = row.organ.lower().split()
    for file, sentence in negatives:
        words = sentence.lower().replace(".", " ").replace(",", " ").split()
        if file != row.file or matter not in sentence.lower():
            continue
        if any(
            same_body(" ".join(words[i : i + len(organ)]), " ".join(organ))
            for i in range(len(words))
        ):
            return True
    return False


def sentence_bank(
    path: Path,
) -> tuple[list[ExtractedRow], list[ExpectedRow], list[tuple[str, str]], dict[str, list[str]]]:
    """A bank of made-up sentences (one JSON object a line: ``sentence``, ``section``,
    ``rows`` of body, relation kind and matter keywords; no rows: a sentence that names a
    body without a duty), each sentence its own "document": the extracted rows, the expected
    ones, the negative sentences, and the groups to report (all, and two fixed halves)."""
    from assistant.evaluation import split_of
    from core.statements import statements

    rows: list[ExtractedRow] = []
    expected: list[ExpectedRow] = []
    negatives: list[tuple[str, str]] = []
    groups: dict[str, list[str]] = {"all sentences": [], "tuning half": [], "held-out half": []}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        key, sentence = f"line {n}", item["sentence"]
        for organ, relation, matter in statements(sentence, item.get("section", "")):
            rows.append(ExtractedRow(key, organ, relation, matter))
        for row in item["rows"]:
            keywords = tuple(row["matter_keywords"])
            expected.append(ExpectedRow(key, row["body"], row["relation"], keywords, sentence))
        if not item["rows"]:
            negatives.append((key, sentence))
        groups["all sentences"].append(key)
        half = "tuning half" if split_of(sentence) == "tune" else "held-out half"
        groups[half].append(key)
    return rows, expected, negatives, groups


def load_corpus(corpus: Path) -> tuple[list[ExpectedRow], list[tuple[str, str]]]:
    """The expected rows and the negative sentences (file, sentence) of a corpus folder."""
    expected = []
    for line in (corpus / "map.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            expected.append(
                ExpectedRow(
                    item["file"],
                    item["body"],
                    item["relation"],
                    tuple(item.get("matter_keywords") or ()),
                    item.get("sentence", ""),
                )
            )
    negatives = []
    path = corpus / "map_negative.jsonl"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                negatives.append((item["file"], item["sentence"]))
    return expected, negatives


def score(
    rows: Iterable[ExtractedRow],
    expected: Sequence[ExpectedRow],
    negatives: Sequence[tuple[str, str]] = (),
    files: Iterable[str] | None = None,
) -> MapScore:
    """Precision and recall of the extracted ``rows``, on ``files`` only when given."""
    wanted = set(files) if files is not None else None
    exp = [e for e in expected if wanted is None or e.file in wanted]
    got = [r for r in rows if wanted is None or r.file in wanted]
    result = MapScore(expected=len(exp), extracted=len(got))
    for e in exp:
        if any(matches(r, e) for r in got):
            result.found += 1
        else:
            result.missed.append(e)
    for r in got:
        negative = _from_negative(r, negatives)
        result.from_negatives += negative
        if not negative and any(matches(r, e) for e in exp):
            result.correct += 1
        else:
            result.false.append(r)
    return result


def report(
    rows: Sequence[ExtractedRow],
    expected: Sequence[ExpectedRow],
    negatives: Sequence[tuple[str, str]],
    groups: Mapping[str, Sequence[str]],
    *,
    details: bool = False,
    per_document: bool = True,
) -> str:
    """A plain-text table: precision and recall for each group of documents, then (with
    ``per_document``) each document; with ``details`` the missed and the false rows."""
    lines = [f"{'documents':<52} {'precision':>9} {'recall':>7} {'rows':>5} {'expected':>8}"]

    def line(name: str, s: MapScore) -> str:
        return f"{name:<52} {s.precision:>9.3f} {s.recall:>7.3f} {s.extracted:>5} {s.expected:>8}"

    for name, files in groups.items():
        lines.append(line(name, score(rows, expected, negatives, files)))
    if per_document:
        lines.append("")
        for file in dict.fromkeys(e.file for e in expected):
            lines.append(line(f"  {file}", score(rows, expected, negatives, [file])))
    if details:
        overall = score(rows, expected, negatives)
        lines.append("\nmissed:")
        lines += [
            f"  {e.file}: {e.body} | {e.kind} | {', '.join(e.keywords)}" for e in overall.missed
        ]
        lines.append("\nfalse:")
        lines += [f"  {r.file}: {r.organ} | {r.kind} | {r.matter}" for r in overall.false]
    return "\n".join(lines)
