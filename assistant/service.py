"""The assistant: one entry point from a question to a cited answer.

>>> from assistant import Assistant, Settings
>>> answer = Assistant(Settings()).ask("Vem beslutar om vänortssamarbeten?")  # doctest: +SKIP
>>> answer.citations[0].organisation                                        # doctest: +SKIP
'Landstinget Västernorrland'
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import logging
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar, cast

from assistant.answering import ExtractiveAnswerer, combine_answers
from assistant.evidence import SCORING, alternative_present
from assistant.intents import frame_words, guide_kind, intent
from assistant.query import Concept, OrganisationMatcher, Question, QuestionAnalyzer, question_parts
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
from core.text import detect_language, words
from core.types import Answer, Passage, Responsibility, ScoredPassage

if TYPE_CHECKING:
    from assistant.llm import LLMAnswerer

if TYPE_CHECKING:
    from assistant.guides import Guide

log = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable[..., Any])

GUIDE_POINTS_ONE = 6  # points of a guide shown when one organisation is asked about
GUIDE_POINTS_EACH = 2  # per organisation when the question names none


def asks_who(question: str) -> bool:
    """A question about who holds a responsibility ("Vem beslutar om …?", "Who decides …?")."""
    return intent("who", question)


@dataclass(frozen=True, slots=True)
class _Loaded:
    """Everything built from one index version. A question reads one of these throughout."""

    store: PassageStore
    generation: int
    documents: dict[str, DocumentMeta]
    passages: list[Passage]
    retriever: HybridRetriever
    org_matcher: OrganisationMatcher
    analyzer: QuestionAnalyzer
    answerer: ExtractiveAnswerer
    responsibilities: list[Responsibility]
    llm: LLMAnswerer | None


def _one_version(method: F) -> F:
    """Run ``method`` on the index version loaded when it starts, whatever a refresh() in
    another thread does meanwhile."""

    @functools.wraps(method)
    def pinned(self: Assistant, *args: Any, **kwargs: Any) -> Any:
        with self.one_version():
            return method(self, *args, **kwargs)

    return cast(F, pinned)


class Assistant:
    """Answers questions about the policy library, citing the passages it quotes.

    Heavy parts (embedding model, Chroma client, lexical index) are built once; an instance
    is safe to share between threads (the Streamlit sessions of one process). Each question
    is answered from one index version from start to end, even while ``refresh()`` loads a
    newer one.
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
        store = store or PassageStore(settings)
        model_name = embedder.name if embedder else configured_model_name(settings)
        manifest = store.check_model(model_name)
        self.embedder = embedder or make_embedder(settings)
        self.glossary = Glossary.load(settings.glossary_file)
        self._lock = threading.Lock()
        self._guides: dict[tuple[int, str, str, str], Guide] = {}
        self._pinned = threading.local()
        self._retired: _Loaded | None = None
        self._loaded = self._load(store, manifest)

    def _load(self, store: PassageStore, manifest: Manifest) -> _Loaded:
        passages = store.live_passages()
        documents = {d: DocumentMeta.from_facts(d, f) for d, f in manifest.documents.items()}
        retriever = HybridRetriever(
            passages,
            embedder=self.embedder,
            store=store,
            extra_vocabulary=self.glossary.swedish_vocabulary,
            dense_weight=self.settings.dense_weight,
            lexical_weight=self.settings.lexical_weight,
        )
        names: dict[str, list[str]] = {}
        for meta in documents.values():
            names.setdefault(meta.organisation, []).extend(meta.names())
        org_matcher = OrganisationMatcher(names)
        analyzer = QuestionAnalyzer(self.glossary, retriever.lexicon, org_matcher)
        answerer = ExtractiveAnswerer(
            retriever.lexical,
            self.glossary,
            min_coverage=self.settings.min_coverage,
            top_k=self.settings.top_k,
        )
        llm = None
        if self.settings.uses_llm:
            from assistant.llm import LLMAnswerer

            # a sentence is checked against its passage with term translations only: the
            # question phrasings group words that are not the same thing
            terms = self.glossary.two_way()
            checker = QuestionAnalyzer(terms, retriever.lexicon, org_matcher)
            llm = LLMAnswerer(self.settings, retriever.lexical, checker, terms)
        return _Loaded(
            store=store,
            generation=manifest.generation,
            documents=documents,
            passages=passages,
            retriever=retriever,
            org_matcher=org_matcher,
            analyzer=analyzer,
            answerer=answerer,
            responsibilities=extract_responsibilities(passages),
            llm=llm,
        )

    # The loaded version's parts: inside a question (or ``one_version()``), that question's.
    def _version(self) -> _Loaded:
        pinned: _Loaded | None = getattr(self._pinned, "version", None)
        return pinned or self._loaded

    @property
    def store(self) -> PassageStore:
        return self._version().store

    @property
    def generation(self) -> int:
        return self._version().generation

    @property
    def documents(self) -> dict[str, DocumentMeta]:
        return self._version().documents

    @property
    def passages(self) -> list[Passage]:
        return self._version().passages

    @property
    def retriever(self) -> HybridRetriever:
        return self._version().retriever

    @property
    def org_matcher(self) -> OrganisationMatcher:
        return self._version().org_matcher

    @property
    def analyzer(self) -> QuestionAnalyzer:
        return self._version().analyzer

    @property
    def answerer(self) -> ExtractiveAnswerer:
        return self._version().answerer

    @property
    def responsibilities(self) -> list[Responsibility]:
        return self._version().responsibilities

    @property
    def llm(self) -> LLMAnswerer | None:
        return self._version().llm

    @contextlib.contextmanager
    def one_version(self) -> Iterator[None]:
        """Everything this thread reads inside comes from one index version (the one loaded
        on entry), e.g. around building a guide. Questions do this themselves."""
        if getattr(self._pinned, "version", None) is not None:  # nested: already pinned
            yield
            return
        self._pinned.version = self._loaded
        try:
            yield
        finally:
            self._pinned.version = None

    @property
    def answerer_name(self) -> str:
        return self.llm.name if self.llm else "extractive"

    def refresh(self) -> bool:
        """Pick up a newer index version (after an ingest, here or in another process). True
        when something changed.

        The new version is opened with a Chroma client of its own on its folder (a client
        keeps the vectors it has read, so the old one would go on answering from the old
        version), loaded beside the old one and swapped in at once; questions under way end
        on the version they started with."""
        with self._lock:
            current = self._loaded
            if current.store.versions.current() == current.store.version:
                return False
            store = PassageStore(self.settings)
            try:
                loaded = self._load(store, store.check_model(self.embedder.name))
            except BaseException:
                store.close()
                raise
            self._loaded = loaded
            # Questions are short; none still runs on the version retired two refreshes ago.
            if self._retired is not None and self._retired.store is not loaded.store:
                self._retired.store.close()
            self._retired = current
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
            both = [messages.text("question_empty", lang) for lang in messages.LANGUAGES]
            raise BadQuestionError(" / ".join(both), "question_empty")
        limit = self.settings.max_question_chars
        if len(text) > limit:
            lang = detect_language(text[:2000])
            values = {
                "length": messages.number(len(text), lang),
                "limit": messages.number(limit, lang),
            }
            raise BadQuestionError(
                messages.text("question_too_long", lang, **values)
                + " (POLICY_ASSISTANT_MAX_QUESTION_CHARS)",
                "question_too_long",
                **values,
            )
        return text

    @_one_version
    def understand(
        self, question: str, history: Sequence[str] = (), organisations: Sequence[str] | None = None
    ) -> Question:
        text = self.clean_question(question)
        history = [self.clean_question(h) for h in history if h and h.strip()]
        chosen = self.resolve_organisations(organisations)
        parsed = self.analyzer.analyze(text, history, chosen=bool(chosen))
        if chosen:
            parsed.organisations = chosen
        return parsed

    @_one_version
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

    @_one_version
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
            parts[0] if parts else question,  # an aside after the question is put before it
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
        who = asks_who(parsed.text) or bool(parsed.resolved and asks_who(parsed.resolved))
        answer = self.answerer.answer(parsed, hits, self.documents, today=self.today, who=who)
        # a guide answers what the trip or the new mandate itself raises; never in place of
        # a refusal that names what the policies lack (a figure, a rule about a partner)
        # (a partial answer keeps its passages: letting it give way to the guide too scored
        # 0.825-0.834 against 0.837 in 5-fold CV, four folds of five choosing never)
        if answer.refusal == "not_covered" or (
            self._frame_share(parsed) >= SCORING.guide_share and not answer.abstained
        ):
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
        """The question's weightiest concept, which is most of what it asks, occurs in none
        of the organisation's passages. (In a long question one missing word is not the
        matter: "Who pays — is there a central pot for international travel?")"""
        lexical = self.retriever.lexical
        topic = self.answerer.asked(parsed)
        if not topic:
            return False
        main = max(topic, key=lexical.concept_weight)
        total = sum(lexical.concept_weight(c) for c in topic)
        if lexical.concept_weight(main) < SCORING.main_share * total:
            return False
        return not any(
            alternative_present(lexical.terms[i], alt)
            for i, p in enumerate(lexical.passages)
            if p.organisation == organisation
            for alt in main.alternatives
        )

    # -- guides ---------------------------------------------------------------------
    @_one_version
    def guide(self, organisation: str, kind: str, language: str) -> Guide:
        """The organisation's pre-trip checklist or onboarding overview, built once per index
        version and language."""
        from assistant.guides import CHECKLIST, ONBOARDING, build_guide

        generation = self.generation
        key = (generation, organisation, kind, language)
        guide = self._guides.get(key)
        if guide is None:
            points = CHECKLIST if kind == "checklist" else ONBOARDING
            guide = build_guide(self, organisation, points, kind, language)
            # an older index version's guides are not asked for again: let them go
            self._guides = {k: g for k, g in self._guides.items() if k[0] == generation}
            self._guides[key] = guide
        return guide

    def warm_guides(self) -> None:
        """Build every organisation's guides now (about 2 s for the bundled library), so that
        no question waits for one; otherwise each is built on first use and kept for the
        index version."""
        for organisation in self.organisations():
            for kind in ("checklist", "onboarding"):
                for language in messages.LANGUAGES:
                    self.guide(organisation, kind, language)

    def _frame_share(self, parsed: Question) -> float:
        """How much of the question's weight is the trip or the new mandate itself ("What
        should I check before an official trip abroad?": nearly all), not a matter within it.
        A concept that means the same as the frame ("politician" beside "newly elected") is
        the frame."""
        lexical = self.retriever.lexical
        frame = frame_words(parsed.resolved or parsed.text)

        def in_frame(c: Concept) -> bool:
            return guide_kind(c.label) is not None or set(words(c.label)) <= frame

        framing = {a for c in parsed.concepts if in_frame(c) for a in c.alternatives}
        weights = [  # as asked: the frame is not context here, it is the question
            (
                lexical.concept_weight(replace(c, context=False)),
                in_frame(c) or bool(c.alternatives & framing),
            )
            for c in parsed.concepts
        ]
        total = sum(w for w, _ in weights)
        return sum(w for w, guide in weights if guide) / total if total > 0 else 0.0

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
