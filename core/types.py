"""Typed results: a passage, a retrieved passage, a citation and an answer."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from core import vocabulary


@dataclass(frozen=True, slots=True)
class Passage:
    """A citable unit of a policy document, as stored in the index."""

    id: str
    doc_id: str
    organisation: str
    title: str
    section: str  # heading chain, " > "-joined; "" before the first heading
    position: int  # 0-based order within the document
    text: str  # the document's own words (markup removed)
    source: str  # file name within the policy library
    doc_hash: str = ""
    # Responsibility statements found in the text at ingest: (organ, relation, matter).
    responsibilities: tuple[tuple[str, str, str], ...] = ()

    @property
    def section_tail(self) -> str:
        """The last two headings of the section path: enough to say where a passage is."""
        return " > ".join(self.section.split(" > ")[-2:]) if self.section else ""

    def context_text(self) -> str:
        """What is embedded and indexed: the passage with its organisation and headings,
        so that a question naming either finds it."""
        return f"{self.organisation}. {self.title}. {self.section_tail}\n{self.text}"

    def metadata(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("id")
        data.pop("text")
        statements = data.pop("responsibilities")
        if statements:  # Chroma metadata holds scalars: the statements as one JSON string
            data["responsibilities"] = json.dumps(statements, ensure_ascii=False)
        return data

    @classmethod
    def from_record(cls, pid: str, text: str, meta: dict[str, Any]) -> Passage:
        return cls(
            id=pid,
            doc_id=str(meta["doc_id"]),
            organisation=str(meta["organisation"]),
            title=str(meta["title"]),
            section=str(meta.get("section", "")),
            position=int(meta.get("position", 0)),
            text=text,
            source=str(meta.get("source", "")),
            doc_hash=str(meta.get("doc_hash", "")),
            responsibilities=tuple(
                (str(organ), str(relation), str(matter))
                for organ, relation, matter in json.loads(str(meta.get("responsibilities") or "[]"))
            ),
        )


@dataclass(frozen=True, slots=True)
class ScoredPassage:
    """A passage with the evidence retrieval found for it."""

    passage: Passage
    score: float  # fused score, higher is better
    lexical_rank: int | None = None
    dense_rank: int | None = None
    coverage: float = 0.0  # share of the question's content the passage covers


@dataclass(frozen=True, slots=True)
class Citation:
    """A numbered source of an answer: the exact passage it rests on."""

    n: int
    organisation: str
    document: str
    section: str
    source: str
    text: str
    score: float
    doc_id: str = ""
    passage_id: str = ""
    validity_note: str | None = None  # e.g. "expired 2017-12-31"

    @classmethod
    def from_passage(
        cls, n: int, passage: Passage, score: float, validity_note: str | None = None
    ) -> Citation:
        return cls(
            n=n,
            organisation=passage.organisation,
            document=passage.title,
            section=passage.section,
            source=passage.source,
            text=passage.text,
            score=score,
            doc_id=passage.doc_id,
            passage_id=passage.id,
            validity_note=validity_note,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "organisation": self.organisation,
            "document": self.document,
            "section": self.section,
            "source": self.source,
            "text": self.text,
            "score": round(self.score, 4),
            "validity_note": self.validity_note,
        }


@dataclass(slots=True)
class Answer:
    """What the assistant says, with the passages it cites."""

    text: str
    language: str  # "sv" or "en"
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    answerer: str = "extractive"
    notice: str | None = None  # e.g. "the LLM did not answer; extractive answer shown"
    resolved_question: str = ""  # the question after follow-up resolution
    organisations: list[str] = field(default_factory=list)  # the filter in force
    lead: str = ""  # the direct answer the text starts with
    partial: bool = False  # the policies answer only part of it (the lead says which)
    refusal: str = ""  # why it abstained: off_task, not_covered, amount, person, ...
    coverage: float = 0.0  # the best passage's share of the question (what the decision saw)

    def to_json(self) -> dict[str, Any]:
        return {
            "answer": self.text,
            "language": self.language,
            "abstained": self.abstained,
            "citations": [c.to_json() for c in self.citations],
            "answerer": self.answerer,
            "notice": self.notice,
            "lead": self.lead,
            "partial": self.partial,
            "refusal": self.refusal,
        }


@dataclass(frozen=True, slots=True)
class Responsibility:
    organisation: str
    organ: str
    relation: str  # normalised Swedish: "beslutar om", "svarar för", ...
    matter: str
    document: str
    doc_id: str
    section: str
    passage_id: str
    passage_text: str

    @property
    def kind(self) -> str:
        """decides, responsible, coordinates, leads, prepares, represents, supports or
        commissioned: what sort of duty the relation is (``data/vocabulary/relations.csv``)."""
        return vocabulary.relations().kind(self.relation)

    def sentence(self, lang: str = "sv") -> str:
        rel = self.relation if lang == "sv" else vocabulary.relations().to_english(self.relation)
        return f"{self.organ} {rel} {self.matter}"

    def row(self) -> dict[str, str]:
        data = asdict(self)
        data.pop("passage_text")
        data["kind"] = self.kind
        return data
