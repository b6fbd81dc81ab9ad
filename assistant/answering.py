"""The default answerer: grounded and extractive, no LLM needed.

It quotes the sentences and list lines that answer (a list item always with its lead-in),
names the organisation and document for each point, groups by organisation, marks each
point with a numbered citation, and abstains when the best passages do not cover what the
question asks about.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from assistant.evidence import SCORING
from assistant.query import Concept, Question
from assistant.retrieval import LexicalIndex
from core import messages, vocabulary
from core.documents import DocumentMeta
from core.glossary import Glossary
from core.structure import Unit, units
from core.text import analyze, stem, stopwords, words
from core.types import Answer, Citation, Responsibility, ScoredPassage

SHORT_LIST_CHARS = 520
MAX_GAP_ORGANISATIONS = (
    12  # beyond this, "who decides?" counts the silent ones instead of listing them
)
MAX_UNITS_PER_PASSAGE = 3
# Stems of the verbs a responsibility statement is built on ("beslutar om", "svarar för"...):
# in "who decides on X?" they say what kind of answer is wanted, X says what it is about.
_RELATION_STEMS = frozenset(
    stem(w)
    for phrase in [*vocabulary.relations().phrases, "ansvar", "beslut"]
    for w in words(phrase)
) - {stem(w) for w in stopwords("sv")}


def _texts(lang: str) -> dict[str, str]:
    """The answer's phrases in ``lang``, without their ``answer_`` prefix."""
    return {
        k.removeprefix("answer_"): v
        for k, v in messages.table(lang).items()
        if k.startswith("answer_")
    }


def _only_relation(stems: Sequence[str]) -> bool:
    """Stems that say only what kind of duty ("beslut", "ansvar"), not what it is about."""
    return bool(stems) and set(stems) <= _RELATION_STEMS


def _near_duplicate(a: frozenset[str], b: frozenset[str]) -> bool:
    """Nearly the same words: one quote is (almost) contained in the other."""
    smaller = min(len(a), len(b))
    return smaller > 0 and len(a & b) / smaller >= SCORING.near_duplicate


class ExtractiveAnswerer:
    def __init__(
        self, lexical: LexicalIndex, glossary: Glossary, *, min_coverage: float, top_k: int
    ) -> None:
        self.lexical = lexical
        self.glossary = glossary
        self.min_coverage = min_coverage
        self.top_k = top_k
        self._row_cache: dict[tuple[str, str, str, str], frozenset[str]] = {}

    # -- choosing -----------------------------------------------------------------
    def _row_terms(self, row: Responsibility) -> frozenset[str]:
        """Index terms of a responsibility statement, analysed once per row."""
        key = (row.passage_id, row.organ, row.relation, row.matter)
        terms = self._row_cache.get(key)
        if terms is None:
            terms = frozenset(analyze(row.sentence("sv"), self.lexical.lexicon))
            self._row_cache[key] = terms
        return terms

    @staticmethod
    def _is_relation(concept: Concept) -> bool:
        return any(_only_relation(alt) for alt in concept.alternatives)

    def _related_question(self, question: Question) -> Question:
        """What the question's terms are, in the glossary's words: "twinning" is a "formal
        partnership between towns or regions", so a duty about contacts with other
        municipalities and regions is nearer to it than one about reporting."""
        notes = []
        for side in ("en", "sv") if question.language == "en" else ("sv",):
            for match in self.glossary.find(question.resolved or question.text, side):
                if match.entry.note and not any(
                    _only_relation([stem(w) for w in words(term)]) for term in match.entry.swedish
                ):
                    notes.append(match.entry.note)
        concepts = []
        for note in dict.fromkeys(notes):
            for match in self.glossary.find(note, "en"):
                alts = frozenset(
                    alt
                    for term in match.entry.swedish
                    if (alt := tuple(stem(w) for w in words(term) if w not in stopwords("sv")))
                )
                if alts:
                    concepts.append(Concept(match.entry.english[0], alts))
        return Question(question.text, question.language, concepts)

    def _unit_score(self, question: Question, text: str, context: frozenset[str]) -> float:
        terms = frozenset(analyze(text, self.lexical.lexicon)) | context
        return self.lexical.evidence(question, terms).coverage

    def _quote(self, question: Question, hit: ScoredPassage) -> str:
        passage = hit.passage
        context = frozenset(
            analyze(f"{passage.organisation} {passage.section_tail}", self.lexical.lexicon)
        )
        passage_units = units(passage.text)
        scored = []
        for position, unit in enumerate(passage_units):
            whole = unit.text or " ".join([unit.lead_in, *unit.items])
            scored.append((self._unit_score(question, whole, context), position, unit))
        best = max(s for s, _, _ in scored) if scored else 0.0
        good = [x for x in scored if x[0] >= best * SCORING.unit_keep_ratio and x[0] > 0]
        chosen = sorted(
            sorted(good, key=lambda x: -x[0])[:MAX_UNITS_PER_PASSAGE], key=lambda x: x[1]
        )
        rendered = []
        for _, _, unit in chosen:
            if unit.items:
                rendered.append(self._render_list(question, unit, context))
            else:
                rendered.append(unit.text)
        return " … ".join(rendered) if rendered else passage.text

    def _render_list(self, question: Question, unit: Unit, context: frozenset[str]) -> str:
        items = list(unit.items)
        if len("".join(items)) > SHORT_LIST_CHARS:
            lead_terms = frozenset(analyze(unit.lead_in, self.lexical.lexicon)) | context
            matching = [
                i
                for i in items
                if self._unit_score(question, i, lead_terms)
                > self._unit_score(question, "", lead_terms)
            ]
            items = matching or items[:4]
            shown = [f"– {i}" for i in items] + ["– …"]
        else:
            shown = [f"– {i}" for i in items]
        lead = unit.lead_in or ""
        return "\n".join([lead, *shown]) if lead else "\n".join(shown)

    # -- writing ------------------------------------------------------------------
    def answer(
        self,
        question: Question,
        hits: Sequence[ScoredPassage],
        documents: dict[str, DocumentMeta],
        *,
        today: dt.date | None = None,
    ) -> Answer:
        lang = messages.language(question.language)
        t = _texts(lang)
        best = max((h.coverage for h in hits), default=0.0)
        if not hits or best < self.min_coverage or not question.concepts:
            return self.abstain(question, hits)
        # Passages nearly as good as the best also answer (several organisations, or a list
        # and the sentence that explains it); weaker ones would only add noise.
        floor = max(self.min_coverage * 0.7, best * SCORING.companion_ratio)
        chosen = [h for h in hits if h.coverage >= floor][: self.top_k]
        # group by organisation, in order of each organisation's best passage
        groups: dict[str, list[ScoredPassage]] = {}
        for hit in chosen:
            groups.setdefault(hit.passage.organisation, []).append(hit)
        citations: list[Citation] = []
        lines: list[str] = []
        for org, org_hits in groups.items():
            by_doc: dict[str, list[ScoredPassage]] = {}
            for hit in org_hits:
                by_doc.setdefault(hit.passage.doc_id, []).append(hit)
            for doc_id, doc_hits in by_doc.items():
                meta = documents.get(doc_id)
                note_text = meta.validity_note(today, lang) if meta else None
                note = f" ({note_text})" if note_text else ""
                if lines:
                    lines.append("")
                lines.append(t["from"].format(org=org, title=doc_hits[0].passage.title, note=note))
                quoted: list[frozenset[str]] = []
                for hit in doc_hits:  # best first
                    n = len(citations) + 1
                    quote = self._quote(question, hit)
                    # Documents repeat themselves (a proposal, its minutes, the final text):
                    # the same words are quoted once.
                    quote_words = frozenset(words(quote))
                    if any(_near_duplicate(quote_words, earlier) for earlier in quoted):
                        continue
                    quoted.append(quote_words)
                    lines.append(f"• “{quote}” [{n}]")
                    if lang == "en":
                        glosses = self.glossary.gloss(quote)
                        if glosses:
                            lines.append(
                                "  (" + "; ".join(f"{sv} = {en}" for sv, en in glosses) + ")"
                            )
                    citations.append(Citation.from_passage(n, hit.passage, hit.score, note_text))
        return Answer(
            text="\n".join(lines),
            language=lang,
            abstained=False,
            citations=citations,
            resolved_question=question.resolved,
        )

    def add_responsibility_gaps(
        self,
        answer: Answer,
        question: Question,
        rows: Sequence[Responsibility],
        organisations: Sequence[str],
        documents: dict[str, DocumentMeta],
        *,
        today: dt.date | None = None,
    ) -> Answer:
        """For a "who decides on X?" answer: say plainly, for every organisation in scope that
        the answer does not cover, that its policy does not name it, with the nearest
        responsibility it does name (cited). One council's rule is never everyone's."""
        answered = {c.organisation for c in answer.citations}
        missing = [o for o in organisations if o not in answered]
        if not missing:
            return answer
        lang = answer.language
        if len(missing) > MAX_GAP_ORGANISATIONS:  # a long list helps no one: say how many
            answer.text += "\n\n" + _texts(lang)["gaps_many"].format(n=len(missing))
            return answer
        lines = [_texts(lang)["gaps"]]
        citations = list(answer.citations)
        topic = Question(
            question.text,
            question.language,
            [c for c in question.concepts if not self._is_relation(c)],
        )
        related = self._related_question(question)
        for org in missing:
            candidates = [r for r in rows if r.organisation == org]
            best: Responsibility | None = None
            best_key = (0.0, 0.0, 0.0)
            for row in candidates:
                terms = self._row_terms(row)
                # Nearest = about the same matter first; then about what the matter is (the
                # glossary's description of it); then sharing only the kind of duty.
                key = (
                    self.lexical.evidence(topic, terms).coverage,
                    self.lexical.evidence(related, terms).coverage,
                    self.lexical.evidence(question, terms).coverage,
                )
                related_enough = (
                    key[1] >= SCORING.related_enough
                )  # one common word of a description is not
                if (key[2] > 0 or related_enough) and key > best_key:
                    best, best_key = row, key
            best_score = best_key[2]
            if best is None:
                lines.append(_texts(lang)["gap_none"].format(org=org))
                continue
            n = len(citations) + 1
            meta = documents.get(best.doc_id)
            note = meta.validity_note(today, lang) if meta else None
            citations.append(
                Citation(
                    n=n,
                    organisation=org,
                    document=best.document,
                    section=best.section,
                    source=meta.file if meta else "",
                    text=best.passage_text,
                    score=best_score,
                    doc_id=best.doc_id,
                    passage_id=best.passage_id,
                    validity_note=note,
                )
            )
            lines.append(
                _texts(lang)["gap_nearest"].format(org=org, nearest=best.sentence("sv"), n=n)
            )
        answer.text = answer.text + "\n\n" + "\n".join(lines)
        answer.citations = citations
        return answer

    def abstain(self, question: Question, hits: Sequence[ScoredPassage]) -> Answer:
        lang = messages.language(question.language)
        t = _texts(lang)
        nearest = []
        for hit in hits[:3]:
            where = f"{hit.passage.organisation} – {hit.passage.title}"
            if hit.passage.section_tail:
                where += f", ”{hit.passage.section_tail.split(' > ')[-1]}”"
            if where not in nearest:
                nearest.append(where)
        text = (
            t["abstain"]
            + " "
            + (t["nearest"].format(items="; ".join(nearest)) if nearest else t["nothing"])
        )
        return Answer(
            text=text,
            language=lang,
            abstained=True,
            citations=[],
            resolved_question=question.resolved,
        )
