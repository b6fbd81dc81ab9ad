"""The three things users bring most, made first-class and cited:

- a pre-trip checklist per organisation: what its policy requires of someone travelling or
  receiving visitors, and where it says nothing (a gap, never another organisation's rule);
- an onboarding overview per organisation for a newly elected politician;
- "who decides on X?" across organisations, from the responsibility map.

The points are general concepts defined by Swedish terms in ``data/vocabulary/guide_points.csv``
(purpose tied to goals, mandate and approval of a trip, reporting back, planning and budget,
conduct, receiving visitors, whom to contact, focus areas, networks and memberships), not by any
policy's wording. A point is "found" when one passage covers a term of each of its groups (the
same evidence measure as answers), or else when the organisation's responsibility map has a row
of the point's kind (who approves trips, who pays, who coordinates or supports); otherwise it is
shown as a gap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.query import Concept, Question
from core import vocabulary
from core.structure import units
from core.text import Lexicon, stem, stopwords, words
from core.types import Citation, Passage, Responsibility

if TYPE_CHECKING:
    from assistant.service import Assistant


@dataclass(frozen=True, slots=True)
class Point:
    key: str
    sv: str
    en: str
    concepts: tuple[tuple[str, ...], ...]  # each: Swedish terms, any of which expresses it
    map_kinds: tuple[str, ...] = ()  # kinds of responsibility that also evidence it, best first
    map_terms: frozenset[str] = frozenset()  # stems one of which the row's matter must hold

    @classmethod
    def from_vocabulary(cls, point: vocabulary.GuidePoint) -> Point:
        return cls(
            point.key,
            point.sv,
            point.en,
            point.groups,
            point.map_kinds,
            frozenset(stem(w) for term in point.map_terms for w in words(term)),
        )


def load_points(guide: str) -> tuple[Point, ...]:
    """The points of ``guide`` ("checklist" or "onboarding") from the vocabulary file."""
    return tuple(Point.from_vocabulary(p) for p in vocabulary.guide_points(guide))


CHECKLIST: tuple[Point, ...] = load_points("checklist")
ONBOARDING: tuple[Point, ...] = load_points("onboarding")


@dataclass(slots=True)
class GuideItem:
    key: str
    label: str
    found: bool
    quote: str = ""
    citation: Citation | None = None


@dataclass(slots=True)
class Guide:
    organisation: str
    kind: str  # "checklist" or "onboarding"
    language: str
    items: list[GuideItem] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    validity_notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "organisation": self.organisation,
            "kind": self.kind,
            "validity_notes": self.validity_notes,
            "items": [
                {
                    "key": i.key,
                    "label": i.label,
                    "found": i.found,
                    "quote": i.quote,
                    "citation": i.citation.to_json() if i.citation else None,
                }
                for i in self.items
            ],
            "responsibilities": [r.row() for r in self.responsibilities],
        }


def _point_question(point: Point, language: str) -> Question:
    concepts = [
        Concept(
            " / ".join(alts),
            frozenset(tuple(stem(w) for w in words(a) if w not in stopwords("sv")) for a in alts),
        )
        for alts in point.concepts
    ]
    return Question(point.sv, "sv", concepts, resolved=point.sv)


def _says(question: Question, text: str, lexicon: Lexicon) -> bool:
    """Every group of the point's terms stands in ``text`` as a word or as the head of a
    compound ("EU-nätverk" is a network; "mandatperiod" is a period, not a mandate)."""
    heads: set[str] = set()
    for word in words(text):
        heads.add(stem(word))
        parts = lexicon.split(word)
        if parts:
            heads.add(stem(parts[-1]))
    return all(
        any(all(s in heads for s in alt) for alt in concept.alternatives)
        for concept in question.concepts
    )


def _best_quote(assistant: Assistant, question: Question, text: str) -> str:
    scored = []
    for position, unit in enumerate(units(text)):
        body = unit.text or "\n".join([unit.lead_in, *(f"– {i}" for i in unit.items)])
        terms = frozenset(assistant.retriever.lexical.analyze_text(body))
        scored.append(
            (assistant.retriever.lexical.evidence(question, terms).coverage, -position, body)
        )
    return max(scored)[2] if scored else text


def _map_row(
    assistant: Assistant, organisation: str, point: Point
) -> tuple[Responsibility, Passage] | None:
    """A row of the organisation's responsibility map that evidences the point: of one of its
    kinds, about one of its terms (who approves trips, who pays, who coordinates)."""
    if not point.map_kinds:
        return None
    passages = {p.id: p for p in assistant.passages}
    rows = [r for r in assistant.responsibilities if r.organisation == organisation]
    for row in sorted(
        rows, key=lambda r: point.map_kinds.index(r.kind) if r.kind in point.map_kinds else 99
    ):
        if row.kind not in point.map_kinds:
            continue
        stems = {stem(w) for w in words(row.matter)}
        if point.map_terms and not stems & point.map_terms:
            continue
        passage = passages.get(row.passage_id)
        if passage is not None:
            return row, passage
    return None


def _row_quote(row: Responsibility, text: str) -> str:
    """The unit of a passage that states a responsibility row."""
    organ = row.organ.lower().split()[0][:6]
    matter = words(row.matter)[:1]
    for unit in units(text):
        whole = unit.whole.lower()
        if organ in whole and all(w in whole for w in matter):
            return unit.text or "\n".join([unit.lead_in, *(f"– {i}" for i in unit.items)])
    return row.sentence("sv")


def build_guide(
    assistant: Assistant,
    organisation: str,
    points: Sequence[Point],
    kind: str,
    language: str = "sv",
) -> Guide:
    lang = language if language in ("sv", "en") else "sv"
    doc_ids = {d for d, m in assistant.documents.items() if m.organisation == organisation}
    guide = Guide(organisation, kind, lang)
    for doc_id in sorted(doc_ids):
        note = assistant.documents[doc_id].validity_note(assistant.today, lang)
        if note:
            guide.validity_notes.append(f"{assistant.documents[doc_id].title}: {note}")
    for point in points:
        question = _point_question(point, lang)
        hits = assistant.retriever.search(question, doc_ids=doc_ids, k=3)
        label = point.sv if lang == "sv" else point.en
        lexicon = assistant.retriever.lexical.lexicon
        best = next(
            (h for h in hits if h.coverage >= 0.999 and _says(question, h.passage.text, lexicon)),
            None,
        )
        n = len([i for i in guide.items if i.citation]) + 1
        if best is not None:
            p, score = best.passage, best.score
            quote = _best_quote(assistant, question, p.text)
        else:
            found = _map_row(assistant, organisation, point)
            if found is None:
                guide.items.append(GuideItem(point.key, label, False))
                continue
            row, p = found
            score, quote = 0.0, _row_quote(row, p.text)
        meta = assistant.documents.get(p.doc_id)
        citation = Citation.from_passage(
            n, p, score, meta.validity_note(assistant.today, lang) if meta else None
        )
        guide.items.append(GuideItem(point.key, label, True, quote, citation))
    if kind == "onboarding":
        guide.responsibilities = [
            r for r in assistant.responsibilities if r.organisation == organisation
        ]
    return guide


def render_guide(guide: Guide) -> str:
    """Plain text with numbered citations, for the CLI."""
    sv = guide.language == "sv"
    title = {
        "checklist": ("Inför resan", "Before the trip"),
        "onboarding": ("För nyvalda", "For the newly elected"),
    }[guide.kind]
    lines = [f"{title[0] if sv else title[1]}: {guide.organisation}"]
    lines += [f"  ({note})" for note in guide.validity_notes]
    if guide.responsibilities:
        lines.append("Vem beslutar vad:" if sv else "Who decides what:")
        lines += [f"  • {r.sentence(guide.language)}" for r in guide.responsibilities]
    for item in guide.items:
        if item.found and item.citation:
            quote = re.sub(r"\s*\n\s*", " ", item.quote)
            lines.append(f"✔ {item.label}: “{quote}” [{item.citation.n}]")
        else:
            gap = "policyn säger inget om detta" if sv else "the policy says nothing about this"
            lines.append(f"– {item.label}: {gap}")
    cited = [i.citation for i in guide.items if i.citation]
    if cited:
        lines.append("Källor:" if sv else "Sources:")
        lines += [f"  [{c.n}] {c.document}, {c.section} ({c.source})" for c in cited]
    return "\n".join(lines)
