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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar, cast

from assistant.answering import ExtractiveAnswerer
from assistant.query import OrganisationMatcher, Question, QuestionAnalyzer
from assistant.responsibilities import extract as extract_responsibilities
from assistant.retrieval import HybridRetriever
from core.documents import DocumentMeta
from core.embeddings import Embedder, configured_model_name, make_embedder
from core.errors import BadQuestionError, UnknownOrganisationError
from core.glossary import Glossary
from core.normalize import normalize_text
from core.settings import Settings
from core.store import Manifest, PassageStore
from core.types import Answer, Passage, Responsibility, ScoredPassage

if TYPE_CHECKING:
    from assistant.llm import LLMAnswerer

log = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable[..., Any])

_WHO = re.compile(
    r"^\s*(?:och\s+|and\s+)?(?:vem|vilka|vilket organ|vilken nämnd|vilken instans|who|whom|which (?:body|bodies|organ|committee|board))\b",
    re.I,
)


def asks_who(question: str) -> bool:
    """A question about who holds a responsibility ("Vem beslutar om …?", "Who decides …?")."""
    return bool(_WHO.match(question))


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

            llm = LLMAnswerer(self.settings, retriever.lexical, analyzer, self.glossary)
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
            raise BadQuestionError("The question is empty. Type a question about the policies.")
        limit = self.settings.max_question_chars
        if len(text) > limit:
            raise BadQuestionError(
                f"The question is {len(text):,} characters long; the limit is {limit:,} "
                "(POLICY_ASSISTANT_MAX_QUESTION_CHARS). Ask one shorter question at a time."
            )
        return text

    @_one_version
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
        against the cited passages; the extractive answer is the fallback."""
        parsed = self.understand(question, history, organisations)
        hits = self.retrieve(parsed, documents=documents, k=max(self.settings.top_k * 2, 10))
        who = asks_who(parsed.text)
        answer = self.answerer.answer(parsed, hits, self.documents, today=self.today, who=who)
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
