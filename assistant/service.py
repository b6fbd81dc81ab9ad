"""The assistant: one entry point from a question to a cited answer.

>>> from assistant import Assistant, Settings
>>> answer = Assistant(Settings()).ask("Vem beslutar om vänortssamarbeten?")  # doctest: +SKIP
>>> answer.citations[0].organisation                                        # doctest: +SKIP
'Landstinget Västernorrland'
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from assistant.answering import ExtractiveAnswerer, combine_answers
from assistant.evidence import SCORING, alternative_present
from assistant.intents import guide_kind, intent
from assistant.query import OrganisationMatcher, Question, QuestionAnalyzer, question_parts
from assistant.responsibilities import extract as extract_responsibilities
from assistant.retrieval import HybridRetriever
from core import messages
from core.documents import DocumentMeta
from core.embeddings import Embedder, configured_model_name, make_embedder
from core.errors import BadQuestionError, UnknownOrganisationError
from core.glossary import Glossary
from core.normalize import normalize_text
from core.settings import Settings
from core.store import Manifest, PassageStore
from core.types import Answer, Passage, ScoredPassage

if TYPE_CHECKING:
    from assistant.guides import Guide

log = logging.getLogger(__name__)

GUIDE_POINTS_ONE = 6  # points of a guide shown when one organisation is asked about
GUIDE_POINTS_EACH = 2  # per organisation when the question names none


def asks_who(question: str) -> bool:
    """A question about who holds a responsibility ("Vem beslutar om …?", "Who decides …?")."""
    return intent("who", question)


class Assistant:
    """Answers questions about the policy library, citing the passages it quotes.

    Heavy parts (embedding model, Chroma client, lexical index) are built once; an instance
    is safe to share between threads (the Streamlit sessions of one process).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        embedder: Embedder | None = None,
        store: PassageStore | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.settings = settings
        self.today = today
        self.store = store or PassageStore(settings)
        model_name = embedder.name if embedder else configured_model_name(settings)
        manifest = self.store.check_model(model_name)
        self.embedder = embedder or make_embedder(settings)
        self.glossary = Glossary.load(settings.glossary_file)
        self._lock = threading.Lock()
        self._guides: dict[tuple[int, str, str, str], Guide] = {}
        self._load(manifest)

    def _load(self, manifest: Manifest) -> None:
        passages = self.store.live_passages()
        self.generation = manifest.generation
        self.documents = {d: DocumentMeta.from_facts(d, f) for d, f in manifest.documents.items()}
        self.passages: list[Passage] = passages
        self.retriever = HybridRetriever(
            passages,
            embedder=self.embedder,
            store=self.store,
            extra_vocabulary=self.glossary.swedish_vocabulary,
            dense_weight=self.settings.dense_weight,
            lexical_weight=self.settings.lexical_weight,
        )
        names: dict[str, list[str]] = {}
        for meta in self.documents.values():
            names.setdefault(meta.organisation, []).extend(meta.names())
        self.org_matcher = OrganisationMatcher(names)
        self.analyzer = QuestionAnalyzer(self.glossary, self.retriever.lexicon, self.org_matcher)
        self.answerer = ExtractiveAnswerer(
            self.retriever.lexical,
            self.glossary,
            min_coverage=self.settings.min_coverage,
            top_k=self.settings.top_k,
        )
        self.responsibilities = extract_responsibilities(passages)
        self.llm = None
        if self.settings.uses_llm:
            from assistant.llm import LLMAnswerer

            self.llm = LLMAnswerer(
                self.settings, self.retriever.lexical, self.analyzer, self.glossary
            )

    @property
    def answerer_name(self) -> str:
        return self.llm.name if self.llm else "extractive"

    def refresh(self) -> bool:
        """Pick up a newer index (after an ingest elsewhere). True when something changed."""
        manifest = self.store.check_model(self.embedder.name)
        if manifest.generation == self.generation:
            return False
        with self._lock:
            self._load(manifest)
        return True

    # -- the library ----------------------------------------------------------------
    def organisations(self) -> list[str]:
        return sorted({m.organisation for m in self.documents.values()})

    def resolve_organisations(self, names: Sequence[str] | None) -> list[str]:
        """Full organisation names for user-typed parts of names (unique, case-insensitive)."""
        if not names:
            return []
        known = self.organisations()
        resolved = []
        for name in names:
            needle = name.strip().lower()
            found = [o for o in known if needle and needle in o.lower()]
            if not found:
                found = [
                    m.organisation
                    for m in self.documents.values()
                    if any(needle == a.lower() for a in m.aliases)
                ]
                found = sorted(set(found))
            if len(found) != 1:
                raise UnknownOrganisationError(name, known, ambiguous=len(found) > 1)
            resolved.append(found[0])
        return resolved

    def _doc_filter(
        self, organisations: Sequence[str], documents: Sequence[str] | None
    ) -> set[str] | None:
        if not organisations and not documents:
            return None
        ids = set(self.documents)
        if organisations:
            ids = {d for d in ids if self.documents[d].organisation in organisations}
        if documents:
            ids &= set(documents)
        return ids

    # -- asking ---------------------------------------------------------------------
    def clean_question(self, question: str) -> str:
        # Invisible characters (zero-width spaces, soft hyphens, direction marks) go, as they
        # do in the documents, so that they cannot change the answer.
        text = normalize_text(question or "").strip()
        text = re.sub(r"\s+", " ", text)
        if not text:
            raise BadQuestionError("The question is empty. Type a question about the policies.")
        limit = self.settings.max_question_chars
        if len(text) > limit:
            raise BadQuestionError(
                f"The question is {len(text):,} characters long; the limit is {limit:,} "
                "(POLICY_ASSISTANT_MAX_QUESTION_CHARS). Ask one shorter question at a time."
            )
        return text

    def understand(
        self, question: str, history: Sequence[str] = (), organisations: Sequence[str] | None = None
    ) -> Question:
        text = self.clean_question(question)
        history = [self.clean_question(h) for h in history if h and h.strip()]
        parsed = self.analyzer.analyze(text, history)
        chosen = self.resolve_organisations(organisations)
        if chosen:
            parsed.organisations = chosen
        return parsed

    def retrieve(
        self,
        question: str | Question,
        *,
        history: Sequence[str] = (),
        organisations: Sequence[str] | None = None,
        documents: Sequence[str] | None = None,
        k: int | None = None,
    ) -> list[ScoredPassage]:
        parsed = (
            question
            if isinstance(question, Question)
            else self.understand(question, history, organisations)
        )
        doc_ids = self._doc_filter(parsed.organisations, documents)
        return self.retriever.search(parsed, doc_ids=doc_ids, k=k or self.settings.top_k)

    def ask(
        self,
        question: str,
        *,
        history: Sequence[str] = (),
        organisations: Sequence[str] | None = None,
        documents: Sequence[str] | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> Answer:
        """Answer ``question`` (a follow-up to ``history``), within the given organisations
        (unique parts of their names) and documents (ids), citing what it quotes.

        With an LLM configured, its reply is streamed to ``on_token`` and then verified
        against the cited passages; the extractive answer is the fallback. Several questions
        in one get an answer to each part."""
        parts = question_parts(self.clean_question(question))
        if len(parts) > 1:
            answers = [
                self._ask_one(
                    part,
                    history=[*history, *parts[:i]],
                    organisations=organisations,
                    documents=documents,
                    on_token=on_token,
                )
                for i, part in enumerate(parts)
            ]
            return combine_answers(parts, answers)
        return self._ask_one(
            question,
            history=history,
            organisations=organisations,
            documents=documents,
            on_token=on_token,
        )

    def _ask_one(
        self,
        question: str,
        *,
        history: Sequence[str],
        organisations: Sequence[str] | None,
        documents: Sequence[str] | None,
        on_token: Callable[[str], None] | None,
    ) -> Answer:
        parsed = self.understand(question, history, organisations)
        hits = self.retrieve(parsed, documents=documents, k=max(self.settings.top_k * 2, 10))
        who = asks_who(parsed.text)
        answer = self.answerer.answer(parsed, hits, self.documents, today=self.today, who=who)
        if answer.partial or answer.refusal == "not_covered" or self._mostly_guide(parsed):
            guided = self._guide_answer(parsed, hits, who=who, documents=documents)
            if guided is not None:
                answer = guided
        answer.organisations = list(parsed.organisations)
        if (
            who
            and answer.partial
            and len(parsed.organisations) == 1
            and self._matter_absent(parsed, parsed.organisations[0])
            and not self.answerer.names_a_related_duty(
                parsed, self.responsibilities, parsed.organisations[0]
            )
        ):
            # "Who decides on twinning in X?" where X's policy never speaks of the matter and
            # gives no one a duty about what it is: not in the policy (nearest sections offered).
            answer = self.answerer.refuse(parsed, hits, "not_covered")
            answer.organisations = list(parsed.organisations)
        if not answer.abstained and who:
            in_scope = parsed.organisations or self.organisations()
            if documents:
                in_scope = [
                    o
                    for o in in_scope
                    if any(
                        self.documents[d].organisation == o
                        for d in documents
                        if d in self.documents
                    )
                ]
            answer = self.answerer.add_responsibility_gaps(
                answer, parsed, self.responsibilities, in_scope, self.documents, today=self.today
            )
        if self.llm is not None and not answer.abstained:
            answer = self.llm.stream(parsed.resolved or parsed.text, answer, on_token)
        return answer

    def _matter_absent(self, parsed: Question, organisation: str) -> bool:
        """The question's weightiest concept occurs in none of the organisation's passages."""
        lexical = self.retriever.lexical
        topic = [
            c
            for c in parsed.concepts
            if not self.answerer.is_relation(c) and guide_kind(c.label) is None  # not framing
        ]
        if not topic:
            return False
        main = max(topic, key=lexical.concept_weight)
        return not any(
            alternative_present(lexical.terms[i], alt)
            for i, p in enumerate(lexical.passages)
            if p.organisation == organisation
            for alt in main.alternatives
        )

    # -- guides ---------------------------------------------------------------------
    def guide(self, organisation: str, kind: str, language: str) -> Guide:
        """The organisation's pre-trip checklist or onboarding overview, built once per index
        version and language."""
        from assistant.guides import CHECKLIST, ONBOARDING, build_guide

        key = (self.generation, organisation, kind, language)
        guide = self._guides.get(key)
        if guide is None:
            points = CHECKLIST if kind == "checklist" else ONBOARDING
            guide = build_guide(self, organisation, points, kind, language)
            self._guides[key] = guide
        return guide

    def warm_guides(self) -> None:
        """Build every organisation's guides now (about 5 s for the bundled library), so that
        no question waits for one; the app does this in the background at start."""
        for organisation in self.organisations():
            for kind in ("checklist", "onboarding"):
                for language in messages.LANGUAGES:
                    self.guide(organisation, kind, language)

    def _mostly_guide(self, parsed: Question) -> bool:
        """Most of the question's weight is the trip or the new mandate itself ("What should
        I check before an official trip abroad?"), not a matter within it. A concept that
        means the same as the frame ("politician" beside "newly elected") is the frame."""
        lexical = self.retriever.lexical
        framing = {a for c in parsed.concepts if guide_kind(c.label) for a in c.alternatives}
        weights = [
            (
                lexical.concept_weight(c),
                guide_kind(c.label) is not None or bool(c.alternatives & framing),
            )
            for c in parsed.concepts
        ]
        total = sum(w for w, _ in weights)
        return total > 0 and sum(w for w, guide in weights if guide) / total >= SCORING.guide_share

    def _guide_answer(
        self,
        parsed: Question,
        hits: Sequence[ScoredPassage],
        *,
        who: bool,
        documents: Sequence[str] | None,
    ) -> Answer | None:
        """A general trip or onboarding question gets the organisations' guides: not a who-
        question, not a specific ask (a figure, a name), not within chosen documents."""
        if who or documents or self.answerer.asks.kinds(parsed.text):
            return None
        kind = guide_kind(parsed.resolved or parsed.text)
        if kind is None or self.answerer.absent_specifics(parsed):
            return None
        ranked = list(dict.fromkeys(h.passage.organisation for h in hits))
        orgs = parsed.organisations or ranked + [o for o in self.organisations() if o not in ranked]
        language = messages.language(parsed.language)
        guides = [self.guide(org, kind, language) for org in orgs]
        per_org = GUIDE_POINTS_ONE if len(orgs) == 1 else GUIDE_POINTS_EACH
        return self.answerer.guide_answer(parsed, guides, per_organisation=per_org)
