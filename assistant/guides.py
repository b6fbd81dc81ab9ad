"""The three things users bring most, made first-class and cited:

- a pre-trip checklist per organisation: what its policy requires of someone travelling or
  receiving visitors, and where it says nothing (a gap, never another organisation's rule);
- an onboarding overview per organisation for a newly elected politician;
- "who decides on X?" across organisations, from the responsibility map.

Each point is found by the same retrieval and evidence measure as answers: a point is
"found" only when one passage covers every concept of the point.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.query import Concept, Question
from core.structure import units
from core.text import stem, stopwords, words
from core.types import Citation, Responsibility

if TYPE_CHECKING:
    from assistant.service import Assistant


@dataclass(frozen=True, slots=True)
class Point:
    key: str
    sv: str
    en: str
    concepts: tuple[tuple[str, ...], ...]  # each: Swedish words, any of which expresses it


CHECKLIST: tuple[Point, ...] = (
    Point(
        "purpose",
        "Syfte kopplat till organisationens mål",
        "Purpose tied to the organisation's goals",
        (("syfte", "syften", "syftet", "nytta"), ("mål", "målen", "målsättningar")),
    ),
    Point(
        "mandate",
        "Tydligt uppdrag och mandat",
        "A clear mandate",
        (("mandat", "tydliga uppdrag", "ansvariga förtroendevalda och tjänstemän utses"),),
    ),
    Point(
        "reporting",
        "Återrapportering och uppföljning",
        "Reporting back and follow-up",
        (("återrapportering", "redogöra för", "redovisas"),),
    ),
    Point(
        "planning",
        "Planering och budget",
        "Planning and budget",
        (
            ("planeras", "planering", "planerad"),
            ("budget", "budgeteras", "budgetering", "budgetarbete"),
        ),
    ),
    Point(
        "conduct",
        "Uppträdande som ambassadör",
        "Conduct as an ambassador",
        (("ambassadör", "ambassadörer", "goda representanter", "professionalitet", "gott omdöme"),),
    ),
    Point(
        "visitors",
        "Att ta emot besök",
        "Receiving visitors",
        (("ta emot besök", "tar emot besök", "ta emot internationella besök", "utländska gäster"),),
    ),
    Point(
        "contact",
        "Vem du kontaktar",
        "Who to contact",
        (
            (
                "kontaktuppgifter",
                "internationell chef",
                "internationella funktionen",
                "sekretariatet",
            ),
        ),
    ),
)

ONBOARDING: tuple[Point, ...] = (
    Point(
        "goals",
        "Mål och syfte",
        "Goals and purpose",
        (("syfte", "syftet", "mål", "målen", "målsättningar"),),
    ),
    Point(
        "focus",
        "Fokusområden och prioriteringar",
        "Focus areas and priorities",
        (
            (
                "fokusområden",
                "huvudområden",
                "prioriterade",
                "prioriterar",
                "prioritet",
                "inriktning",
                "prioriteringar",
            ),
        ),
    ),
    Point(
        "networks",
        "Nätverk och medlemskap",
        "Networks and memberships",
        (("nätverk", "medlemskap", "organisationer", "brysselkontor", "bryssel"),),
    ),
    Point(
        "support",
        "Var du får stöd",
        "Where to get support",
        (
            (
                "stöd",
                "stödja",
                "kontaktuppgifter",
                "sekretariatet",
                "internationella funktionen",
                "samordnas",
                "rådgivning",
            ),
        ),
    ),
)


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


def _best_quote(assistant: Assistant, question: Question, text: str) -> str:
    scored = []
    for position, unit in enumerate(units(text)):
        body = unit.text or "\n".join([unit.lead_in, *(f"– {i}" for i in unit.items)])
        terms = frozenset(assistant.retriever.lexical.analyze_text(body))
        scored.append(
            (assistant.retriever.lexical.evidence(question, terms).coverage, -position, body)
        )
    return max(scored)[2] if scored else text


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
        best = next((h for h in hits if h.coverage >= 0.999), None)
        if best is None:
            guide.items.append(GuideItem(point.key, label, False))
            continue
        p = best.passage
        meta = assistant.documents.get(p.doc_id)
        citation = Citation.from_passage(
            len([i for i in guide.items if i.citation]) + 1,
            p,
            best.score,
            meta.validity_note(assistant.today, lang) if meta else None,
        )
        guide.items.append(
            GuideItem(point.key, label, True, _best_quote(assistant, question, p.text), citation)
        )
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
