"""Hybrid retrieval: BM25 over Swedish-analysed passages plus dense search in Chroma,
fused by weighted reciprocal rank, then ordered by how much of the question each covers.

The lexical index is derived from what is in Chroma, so Chroma stays the one source of truth.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Sequence

import bm25s
import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.evidence import SCORING, Evidence, general_rarity, measure
from assistant.query import Alternative, Concept, Question
from core.embeddings import Embedder
from core.store import PassageStore
from core.text import Lexicon, analyze, words
from core.types import Passage, ScoredPassage

log = logging.getLogger(__name__)
logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build at DEBUG


class LexicalIndex:
    """BM25 (bm25s) over passages analysed with Swedish stemming and compound splitting."""

    def __init__(self, passages: Sequence[Passage], extra_vocabulary: Iterable[str] = ()) -> None:
        # a fixed order (not the store's): ties in ranking must not depend on how a version
        # was written (a copy stores passages in another order than a clean build)
        self.passages = sorted(passages, key=lambda p: (p.doc_id, p.position, p.id))
        vocabulary = {w for p in self.passages for w in words(p.context_text())}
        vocabulary.update(extra_vocabulary)
        self.lexicon = Lexicon(vocabulary)
        self.terms: list[frozenset[str]] = []
        corpus = []
        for p in self.passages:
            analysed = analyze(p.context_text(), self.lexicon)
            corpus.append(analysed or ["∅"])
            self.terms.append(frozenset(analysed))
        self.bm25 = bm25s.BM25()
        self.bm25.index(corpus, show_progress=False)
        self.vocab: dict[str, int] = dict(self.bm25.vocab_dict)
        self._by_prefix: dict[str, list[str]] = {}
        self._weights: dict[Concept, float] = {}  # a concept's weight depends only on the index
        n = len(self.passages)
        df: dict[str, int] = {}
        for terms in self.terms:
            for t in terms:
                df[t] = df.get(t, 0) + 1
        self.df = df
        self.max_idf = math.log(1 + n)

    def analyze_text(self, text: str) -> list[str]:
        """Index terms of any text, analysed the way passages are."""
        return analyze(text, self.lexicon)

    def expand(self, stem_: str) -> list[str]:
        """Index terms a query stem matches: itself, and (if long enough) terms starting with it."""
        if len(stem_) < SCORING.prefix_min:
            return [stem_] if stem_ in self.vocab else []
        hit = self._by_prefix.get(stem_)
        if hit is None:
            hit = [t for t in self.vocab if t.startswith(stem_)]
            self._by_prefix[stem_] = hit
        return hit

    def _df(self, alt: Alternative) -> int:
        dfs = [sum(self.df.get(t, 0) for t in self.expand(s)) for s in alt]
        return min(dfs) if dfs else 0

    def concept_idf(self, concept: Concept) -> float:
        """idf of the concept as a whole: passages holding any of its alternatives count."""
        n = len(self.passages)
        df = min(n, sum(self._df(a) for a in concept.alternatives))
        return math.log(1 + n / (1 + df)) if df else self.max_idf

    def concept_weight(self, concept: Concept) -> float:
        """How much a concept counts as evidence: its rarity in the library (idf) times its
        rarity in the language at large, so that everyday framing words ("how long", "keep
        in mind") weigh little and specific terms ("traktamente", "vänort") weigh much."""
        weight = self._weights.get(concept)
        if weight is None:
            weight = (
                concept.factor
                * self.concept_idf(concept)
                * general_rarity(concept.label, concept.language)
            )
            self._weights[concept] = weight
        return weight

    def scores(self, question: Question) -> np.ndarray:
        """BM25 score per passage: per concept the best of its alternatives, summed."""
        total = np.zeros(len(self.passages), dtype=np.float32)
        for concept in question.concepts:
            best = np.zeros(len(self.passages), dtype=np.float32)
            for alt in concept.alternatives:
                alt_score = np.zeros(len(self.passages), dtype=np.float32)
                for s in alt:
                    expanded = self.expand(s)
                    if not expanded:
                        continue
                    exact = [t for t in expanded if t == s]
                    others = [t for t in expanded if t != s]
                    part = np.zeros(len(self.passages), dtype=np.float32)
                    if exact:
                        part = np.maximum(part, self.bm25.get_scores(exact))
                    if others:  # one call for all longer forms; a passage rarely has several
                        part = np.maximum(
                            part, SCORING.longer_form_discount * self.bm25.get_scores(others)
                        )
                    alt_score += part
                best = np.maximum(
                    best,
                    alt_score / max(len(alt), 1) * (1 + SCORING.multi_part_bonus * (len(alt) - 1)),
                )
            total += concept.factor * best
        return total

    def evidence(self, question: Question, terms: frozenset[str]) -> Evidence:
        """How much of the question ``terms`` cover, each concept weighed by ``concept_weight``."""
        weights = [self.concept_weight(c) for c in question.concepts]
        return measure(question.concepts, weights, terms)


class HybridRetriever:
    """Finds the passages that answer a question, optionally within some documents."""

    def __init__(
        self,
        passages: Sequence[Passage],
        *,
        embedder: Embedder | None,
        store: PassageStore | None,
        extra_vocabulary: Iterable[str] = (),
        dense_weight: float = 0.3,
        lexical_weight: float = 1.0,
    ) -> None:
        self.lexical = LexicalIndex(passages, extra_vocabulary)
        self.passages = self.lexical.passages
        self.by_id = {p.id: i for i, p in enumerate(self.passages)}
        self.doc_codes = {
            d: i for i, d in enumerate(dict.fromkeys(p.doc_id for p in self.passages))
        }
        self.passage_docs = np.array(
            [self.doc_codes[p.doc_id] for p in self.passages], dtype=np.int32
        )
        self.embedder = embedder
        self.store = store
        self.dense_weight = dense_weight
        self.lexical_weight = lexical_weight

    @property
    def lexicon(self) -> Lexicon:
        return self.lexical.lexicon

    def _dense_ranks(self, question: Question, doc_ids: set[str] | None) -> dict[int, int]:
        if self.embedder is None or self.store is None or self.dense_weight == 0:
            return {}
        vector = self.embedder.embed_query(question.search_text)
        hits = self.store.query(vector, n=SCORING.candidates, doc_ids=doc_ids)
        # Order by similarity to five decimals, then by id: a copy of a vector into a new
        # index version may differ in its last bit, and must not reorder near-ties.
        hits = sorted(hits, key=lambda hit: (-round(hit[1], 5), hit[0]))
        ranks: dict[int, int] = {}
        for rank, (pid, _similarity) in enumerate(hits):
            if pid in self.by_id:  # only live passages are in by_id
                ranks[self.by_id[pid]] = rank
        return ranks

    def search(
        self,
        question: Question,
        *,
        doc_ids: set[str] | None = None,
        k: int = 5,
        dense: bool = True,
    ) -> list[ScoredPassage]:
        """The ``k`` best passages, each with its fused score and coverage of the question.
        ``dense=False``: lexical evidence only (a guide's point is found by its terms)."""
        allowed = np.ones(len(self.passages), dtype=bool)
        if doc_ids is not None:
            wanted = [self.doc_codes[d] for d in doc_ids if d in self.doc_codes]
            allowed = np.isin(self.passage_docs, np.array(wanted, dtype=np.int32))
        lexical = self.lexical.scores(question)
        lexical[~allowed] = 0
        positive = np.flatnonzero(lexical > 0)
        if len(positive) > SCORING.candidates:  # partial sort: only the best few are ranked
            positive = positive[
                np.argpartition(-lexical[positive], SCORING.candidates)[: SCORING.candidates]
            ]
        order = [int(i) for i in positive[np.lexsort((positive, -lexical[positive]))]]
        lex_ranks = {i: r for r, i in enumerate(order)}
        dense_ranks = self._dense_ranks(question, doc_ids) if dense else {}
        fused: dict[int, float] = {}
        for i, r in lex_ranks.items():
            fused[i] = fused.get(i, 0.0) + self.lexical_weight / (SCORING.rrf_k + r)
        for i, r in dense_ranks.items():
            if allowed[i]:
                fused[i] = fused.get(i, 0.0) + self.dense_weight / (SCORING.rrf_k + r)
        if not fused:
            return []
        top_fused = max(fused.values())
        results = []
        for i, score in fused.items():
            ev = self.lexical.evidence(question, self.lexical.terms[i])
            # Rank by evidence first: a passage that covers more of the question wins ties
            # of rank fusion; fusion orders passages of equal coverage.
            final = ev.coverage + SCORING.fusion_share * score / top_fused
            results.append(
                ScoredPassage(
                    self.passages[i],
                    final,
                    lexical_rank=lex_ranks.get(i),
                    dense_rank=dense_ranks.get(i),
                    coverage=ev.coverage,
                )
            )
        results.sort(key=lambda s: -s.score)
        return results[:k]


class PolicyRetriever(BaseRetriever):
    """LangChain retriever over the policy library (for chains and other tools).

    Example:
        >>> retriever = PolicyRetriever(assistant=Assistant(Settings()))  # doctest: +SKIP
        >>> retriever.invoke("Vem beslutar om vänortssamarbeten?")[0].metadata["organisation"]
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)
    assistant: object
    k: int = 5

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        hits = self.assistant.retrieve(query, k=self.k)  # type: ignore[attr-defined]
        return [
            Document(
                page_content=h.passage.text,
                metadata={
                    **h.passage.metadata(),
                    "id": h.passage.id,
                    "score": h.score,
                    "coverage": h.coverage,
                },
            )
            for h in hits
        ]
