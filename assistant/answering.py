"""The default answerer: grounded and extractive, no LLM needed.

It quotes the sentences and list lines that answer (a list item always with its lead-in),
names the organisation and document for each point, groups by organisation, marks each
point with a numbered citation, and abstains when the best passages do not cover what the
question asks about.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from assistant.asks import OFF_TASK, WHO_ASKS, AskRules
from assistant.evidence import SCORING, alternative_present, general_rarity
from assistant.intents import frame_words, guide_kind, intent
from assistant.query import Concept, Question, organisation_named, question_start, rendering
from assistant.retrieval import LexicalIndex
from core import messages, vocabulary
from core.documents import DocumentMeta
from core.glossary import Glossary
from core.statements import is_finite_verb, is_infinitive
from core.structure import Unit, units
from core.text import analyze, fold, stem, stopwords, words
from core.types import Answer, Citation, Passage, Responsibility, ScoredPassage

SHORT_LIST_CHARS = 520
MAX_GAP_ORGANISATIONS = (
    12  # beyond this, "who decides?" counts the silent ones instead of listing them
)
MAX_UNITS_PER_PASSAGE = 3
# A section this long at most (all its passages) is quoted whole when its heading names what is
# asked. *chosen* on the tuning sets (844 questions): 700 -> 762 right, 1000 -> 763, 1500 and
# 2500 -> 764; the smallest of the best.
WHOLE_SECTION_CHARS = 1500
# "Bryssel-kontor": a compound written with a hyphen
_HYPHEN_COMPOUND = re.compile(r"\b\w+(?:-\w+)+\b")
# A name in a question: a capitalised word inside a sentence (not its first word), four
# letters or more, or an all-capital acronym of three or more.
_NAME = re.compile(r"(?<=[\w,] )(?:[A-ZÅÄÖØÆ][a-zåäöøæé]{3,}|[A-ZÅÄÖ]{3,})\b")
# a name of several capitalised words, "of" or "för" between them: "Network of Lake Towns"
_CAPITALISED_RUN = re.compile(
    r"[A-ZÅÄÖØÆ][\w&-]*(?:\s+(?:(?:of|for|the|för)\s+)?[A-ZÅÄÖØÆ][\w&-]*)*"
)


_ENDINGS_LONGEST_FIRST = sorted((e for e in vocabulary.INFLECTIONS if e), key=len, reverse=True)


def _base_forms(word: str) -> str:
    """A word without the longest inflection ending that leaves at least four letters."""
    for ending in _ENDINGS_LONGEST_FIRST:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


# a name that opens a sentence is a name when an organisation word in its indefinite form
# follows it ("Bergs kommun, har de …?", not "Behöver kommunen …?"); otherwise it may be any
# word written with a capital there
_OPENING_NAME = re.compile(
    r"(?:^|(?<=[.!?] ))[A-ZÅÄÖØÆ][a-zåäöøæé]{2,}(?= (?:"
    + "|".join(
        sorted(
            (
                re.escape(w)
                for w in vocabulary.organisation_words()
                if len(w) > 2 and not w.endswith(("en", "et", "na"))
            ),
            key=len,
        )[::-1]
    )
    + r")\b)"
)
MAX_NEAREST = 3  # sections offered with a refusal
MAX_OUTLINE = 8  # subsections listed when a heading the question names is the answer
MAX_LEAD_STATEMENTS = 2  # organisations named in a who-answer's first sentences
LEAD_CHARS = 240
LEAD_GLOSSES = 3  # key terms of the leading quote glossed for an English reader
# Stems of the verbs a responsibility statement is built on ("beslutar om", "svarar för"...):
# in "who decides on X?" they say what kind of answer is wanted, X says what it is about.
_RELATION_STEMS = frozenset(
    stem(w)
    for phrase in [*vocabulary.relations().phrases, "ansvar", "beslut"]
    for w in words(phrase)
) - {stem(w) for w in [*stopwords("sv"), *vocabulary.clause_words()["relation_noun"]]}


@lru_cache(maxsize=1)
def _number_words() -> dict[str, str]:
    return {r["swedish"]: r["english"] for r in vocabulary.rows("numbers.csv")}


def english_figures(swedish: str) -> list[tuple[str, str]]:
    """Number words and units of time in a Swedish sentence, in English: ("sju", "7")."""
    numbers = _number_words()
    return [(w, numbers[w]) for w in dict.fromkeys(words(swedish)) if w in numbers]


@lru_cache(maxsize=len(messages.LANGUAGES))
def _texts(lang: str) -> dict[str, str]:
    """The answer's phrases in ``lang``, without their ``answer_`` prefix."""
    return {
        k.removeprefix("answer_"): v
        for k, v in messages.table(lang).items()
        if k.startswith("answer_")
    }


NAMED_RARITY = 0.8  # below it (zipf above 5: "ta", "del", "works", "keep in mind") no word is named


def _partial_note(t: Mapping[str, str], missing: Sequence[str], lang: str, text: str = "") -> str:
    """What the policies do not say directly, by name when that is a specific word ("school
    exchanges", "Arktis") or a name ("China", capitalised in the question ``text``); an
    everyday word ("ta", "works", "matter") names nothing the reader asked about, so the note
    then says it in general."""
    language = "sv" if lang == "sv" else "en"
    names = {w.lower() for w in re.findall(r"\b[A-ZÅÄÖ][\w-]+", text[1:])}
    named = [
        m for m in missing if general_rarity(m, language) >= NAMED_RARITY or m.lower() in names
    ][:3]
    if not named:
        return t["partial_general"]
    return t["partial"].format(missing=", ".join(named))


def _only_relation(stems: Sequence[str]) -> bool:
    """Stems that say only what kind of duty ("beslut", "ansvar"), not what it is about."""
    return bool(stems) and set(stems) <= _RELATION_STEMS


def _frame(label: str) -> bool:
    """A concept that is the trip or the new mandate itself ("trip abroad", "nyvald"), not a
    thing within it ("travel insurance" is about insurance)."""
    head = words(label)[-1:]
    return guide_kind(label) is not None and set(head) <= frame_words(label)


def _prose(unit: Unit) -> bool:
    """A sentence or a list, not a line block such as a letterhead or a signature."""
    return unit.is_list or unit.text.rstrip().endswith((".", "!", "?", ":", ";"))


def _near_duplicate(a: frozenset[str], b: frozenset[str]) -> bool:
    """Nearly the same words: one quote is (almost) contained in the other."""
    smaller = min(len(a), len(b))
    return smaller > 0 and len(a & b) / smaller >= SCORING.near_duplicate


if TYPE_CHECKING:
    from assistant.guides import Guide


@dataclass(slots=True)
class Decision:
    """Whether to answer, and from which passages; or which case of refusal it is."""

    refuse: bool
    case: str = ""  # off_task, not_covered, or the kind of specific thing asked for
    chosen: list[ScoredPassage] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # what the best passage does not cover
    kinds: list[str] = field(default_factory=list)  # specific things asked for, all found
    best: float = 0.0  # the best passage's coverage: what the threshold was compared with

    @property
    def partial(self) -> bool:
        return bool(self.missing)


class ExtractiveAnswerer:
    def __init__(
        self, lexical: LexicalIndex, glossary: Glossary, *, min_coverage: float, top_k: int
    ) -> None:
        self.lexical = lexical
        self.glossary = glossary
        # a term's description is read with term translations only, not question phrasings
        self.terms = glossary.two_way()
        self.min_coverage = min_coverage
        self.top_k = top_k
        self._row_cache: dict[tuple[str, str, str, str], frozenset[str]] = {}
        self.asks = AskRules.load()

    # -- choosing -----------------------------------------------------------------
    def _row_terms(self, row: Responsibility) -> frozenset[str]:
        """Index terms of a responsibility statement, analysed once per row."""
        key = (row.passage_id, row.organ, row.relation, row.matter)
        terms = self._row_cache.get(key)
        if terms is None:
            terms = self._terms(row.sentence("sv"))
            self._row_cache[key] = terms
        return terms

    @staticmethod
    def is_relation(concept: Concept) -> bool:
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
            for match in self.terms.find(note, "en"):
                alts = frozenset(
                    alt for term in match.entry.swedish if (alt := rendering(term, stopwords("sv")))
                )
                if alts:
                    concepts.append(Concept(match.entry.english[0], alts))
        return Question(question.text, question.language, concepts)

    @cached_property
    def _section_chars(self) -> dict[tuple[str, str], int]:
        """How long each section is, all its passages together (a passage may be one part
        of a long section)."""
        total: dict[tuple[str, str], int] = {}
        for p in self.lexical.passages:
            key = (p.doc_id, p.section)
            total[key] = total.get(key, 0) + len(p.text)
        return total

    def _headed_by_the_ask(
        self, question: Question, passage: Passage, kinds: Sequence[str]
    ) -> bool:
        """The passage is a short section (up to ``WHOLE_SECTION_CHARS`` with all its
        passages) headed by what is asked ("Vad är syftet …?" under "Syfte"); not the duty
        of "Vem ansvarar …?" under "Ansvar", nor a figure asked for."""
        if kinds or intent("who", question.text):
            return False
        if self._section_chars.get((passage.doc_id, passage.section), 0) > WHOLE_SECTION_CHARS:
            return False
        heading = passage.section.rsplit(" > ", 1)[-1]
        covered = set(self.lexical.evidence(question, self._terms(heading)).covered)
        return bool(covered & {c.label for c in self.asked(question)})

    def _unit_score(self, question: Question, text: str, context: frozenset[str]) -> float:
        terms = self._terms(text) | context
        return self.lexical.evidence(question, terms).coverage

    def _quote(
        self, question: Question, hit: ScoredPassage, kinds: Sequence[str] = ()
    ) -> tuple[str, str]:
        """The units of a passage that answer (the quote), and the one that answers best.
        A unit holding what the question asks for (a figure, a year, a name) comes first."""
        passage = hit.passage
        context = frozenset(
            analyze(f"{passage.organisation} {passage.section_tail}", self.lexical.lexicon)
        )
        passage_units = units(passage.text)
        scored = []
        covers: dict[int, frozenset[str]] = {}
        speaks: set[int] = set()  # units whose own words (not the headings) hold a concept
        for position, unit in enumerate(passage_units):
            whole = unit.whole
            own = self._terms(whole)
            found = self.lexical.evidence(question, own | context)
            score = found.coverage
            covers[position] = frozenset(found.covered)
            if self.lexical.evidence(question, own).coverage > 0:  # not a weightless word
                speaks.add(position)
            if score > 0 and any(self.asks.satisfied(k, whole) for k in kinds):
                score += 1.0  # holds the evidence asked for: above any unit without it
            scored.append((score, position, unit))
        best = max(s for s, _, _ in scored) if scored else 0.0
        ranked = sorted((x for x in scored if x[0] > 0), key=lambda x: -x[0])
        # the best units, and those near them that speak of the question in their own words
        # (every unit shares the passage's headings and organisation)
        good = [
            x
            for x in ranked
            if x[0] >= best * SCORING.unit_keep_ratio and (x[1] in speaks or x[0] == best)
        ]
        # A unit that holds a part of the question no chosen unit holds answers that part
        # ("is it a cost, or an investment?"): quote it too, best first.
        asked = {c.label for c in question.concepts if not c.context}
        held = frozenset().union(*(covers[x[1]] for x in good)) if good else frozenset()
        for x in ranked:
            if len(good) >= MAX_UNITS_PER_PASSAGE:
                break
            if x not in good and (covers[x[1]] - held) & asked:
                good.append(x)
                held |= covers[x[1]]
        chosen = sorted(good[:MAX_UNITS_PER_PASSAGE], key=lambda x: x[1])
        if self._headed_by_the_ask(question, passage, kinds):
            # each sentence of a short section headed by what is asked says something of it
            chosen = [x for x in scored if x[0] > 0 and _prose(x[2])] or chosen

        def render(unit: Unit) -> str:
            return self._render_list(question, unit, context) if unit.items else unit.text

        quote = ""
        top, top_score = "", -1.0
        shown: set[int] = set()
        for score, position, unit in chosen:
            if position in shown:
                continue
            # sentences that follow each other in the text follow each other in the quote;
            # "…" marks what is left out between them
            if quote and position - 1 not in shown:
                quote += " … "
            elif quote:  # a list, and a paragraph after another, stands on lines of its own
                quote += (
                    "\n"
                    if unit.items or unit.opens_block or passage_units[position - 1].items
                    else " "
                )
            shown.add(position)
            text = render(unit)
            following = position + 1
            if text.rstrip().endswith("?") and following < len(passage_units):
                # a document asking a question of its own ("Har du frågor?") answers it next
                text += " " + render(passage_units[following])
                shown.add(following)
            quote += text
            if score >= top_score:  # the best of what is quoted (the last of equals)
                top, top_score = text, score
        return (quote, top) if quote else (passage.text, passage.text)

    def _render_list(self, question: Question, unit: Unit, context: frozenset[str]) -> str:
        items = list(unit.items)
        if len("".join(items)) > SHORT_LIST_CHARS:
            # a long list: the items that speak of the question, and as many of the others
            # as a short list has room for, in the list's order (a list answers as a whole:
            # "Vid val av partner väger vi in: …" lists what counts, whatever its words)
            lead_terms = self._terms(unit.lead_in) | context
            base = self._unit_score(question, "", lead_terms)
            matching = {
                k for k, i in enumerate(items) if self._unit_score(question, i, lead_terms) > base
            }
            if matching:
                room = SHORT_LIST_CHARS - sum(len(items[k]) for k in matching)
                kept = set(matching)
                for k, i in enumerate(items):
                    if k not in matching and len(i) <= room:
                        kept.add(k)
                        room -= len(i)
            else:
                kept = set(range(4))
            # "– …" where items are left out, and only there
            shown = []
            for k, i in enumerate(items):
                if k in kept:
                    shown.append(f"– {i}")
                elif not shown or shown[-1] != "– …":
                    shown.append("– …")
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
        who: bool = False,
    ) -> Answer:
        """Answer from the best passages, leading with a direct, cited sentence; refuse only on
        positive evidence (see ``decide``)."""
        lang = messages.language(question.language)
        t = _texts(lang)
        decision = self.decide(question, hits)
        if decision.refuse:
            refusal = self.refuse(question, hits, decision.case, decision.missing)
            refusal.coverage = max((h.coverage for h in hits), default=0.0)
            return refusal
        chosen = decision.chosen
        statements: dict[str, tuple[str, str, str] | None] | None = None  # for a who-question
        if who:
            # a passage that states who does what about the topic answers first (stable: the
            # ranking holds within each group)
            topic = self._topic(question)
            statements = {h.passage.id: self._stated(topic, h.passage) for h in chosen}
            chosen = sorted(chosen, key=lambda h: statements[h.passage.id] is None)
            if decision.missing and chosen[0] is not decision.chosen[0] and not decision.kinds:
                # what "the policies do not say directly" is told of the passage that leads
                unknown = [m for m in decision.missing if m in self.unknown_names(question)]
                decision.missing = unknown or self._not_in(question, chosen[0].passage)
        # group by organisation, in order of each organisation's best passage
        groups: dict[str, list[ScoredPassage]] = {}
        for hit in chosen:
            groups.setdefault(hit.passage.organisation, []).append(hit)
        citations: list[Citation] = []
        lines: list[str] = []
        quoted_units: list[tuple[int, ScoredPassage, str]] = []
        outline = None if who else self._outline(question, chosen)
        outline_lead = ""
        if outline is not None:
            # the subsections under the heading the question names, each cited: the answer
            heading, children = outline
            first = children[0][1]
            meta = documents.get(first.doc_id)
            note_text = meta.validity_note(today, lang) if meta else None
            lines.append("")
            lines.append(
                t["from"].format(
                    org=first.organisation,
                    title=first.title,
                    note=f" ({note_text})" if note_text else "",
                )
            )
            items = []
            for title, passage in children:
                n = len(citations) + 1
                first_unit = next(iter(units(passage.text)), None)
                if first_unit is None or first_unit.text:
                    opening = first_unit.text if first_unit else passage.text
                else:  # a list is quoted with its items, as written
                    opening = "\n".join(
                        [first_unit.lead_in, *(f"– {i}" for i in first_unit.items)]
                    ).strip()
                label = "" if opening.startswith(title.rstrip(":")) else f"{title}: "
                lines.append(f"• {label}“{opening}” [{n}]")
                items.append(f"“{title}” [{n}]")
                citations.append(Citation.from_passage(n, passage, 0.0, note_text))
            outline_lead = t["outline"].format(
                org=first.organisation, heading=heading, items="; ".join(items)
            )
            if decision.partial:
                outline_lead = (
                    _partial_note(t, decision.missing, question.language, question.text)
                    + " "
                    + outline_lead
                )
            others = len({h.passage.organisation for h in chosen} - {first.organisation})
            if others:
                outline_lead += " " + t["lead_others"].format(n=others)
            shown = {p.id for _, p in children}
            groups = {
                org: [h for h in org_hits if h.passage.id not in shown]
                for org, org_hits in groups.items()
            }
            groups = {org: org_hits for org, org_hits in groups.items() if org_hits}
        for org, org_hits in groups.items():
            by_doc: dict[str, list[ScoredPassage]] = {}
            for hit in org_hits:
                by_doc.setdefault(hit.passage.doc_id, []).append(hit)
            for doc_id, doc_hits in by_doc.items():
                meta = documents.get(doc_id)
                note_text = meta.validity_note(today, lang) if meta else None
                note = f" ({note_text})" if note_text else ""
                lines.append("")
                lines.append(t["from"].format(org=org, title=doc_hits[0].passage.title, note=note))
                quoted: list[frozenset[str]] = []
                for hit in doc_hits:  # best first
                    n = len(citations) + 1
                    quote, top = self._quote(question, hit, decision.kinds)
                    # Documents repeat themselves (a proposal, its minutes, the final text):
                    # the same words are quoted once.
                    quote_words = frozenset(words(quote))
                    if any(_near_duplicate(quote_words, earlier) for earlier in quoted):
                        continue
                    quoted.append(quote_words)
                    owner = self._owner(hit.passage, quote, lang)
                    lines.append(f"• {owner}: “{quote}” [{n}]" if owner else f"• “{quote}” [{n}]")
                    quoted_units.append((n, hit, top))
                    citations.append(Citation.from_passage(n, hit.passage, hit.score, note_text))
        lead = (
            outline_lead
            if outline_lead
            else self._lead(quoted_units, decision, lang, statements=statements, text=question.text)
        )
        return _cited_answer(
            question, lead, lines, citations, partial=decision.partial, coverage=decision.best
        )

    # -- deciding -------------------------------------------------------------------
    def decide(self, question: Question, hits: Sequence[ScoredPassage]) -> Decision:
        """Answer, unless there is positive evidence that the policies do not: a task that is
        not a question about them, too little of the question in any passage, or a specific
        thing asked for (a figure, a year, a name) that the passages about its topic lack."""
        kinds = self.asks.kinds(question.text)
        if intent("who", question.text):
            # "Vem svarar på frågor om traktamente?" asks for a body, not the amount
            kinds = [k for k in kinds if k in WHO_ASKS]
        if OFF_TASK in kinds:
            return Decision(True, "off_task")
        best = max((h.coverage for h in hits), default=0.0)
        unknown = self.unknown_names(question)
        elsewhere = [
            o
            for u in unknown
            if (o := organisation_named(question.text, u))
            and not self._names_a_partner(question.text, o)
            and not intent("destination", question.text[: question.text.find(o)])
        ]
        if elsewhere and not question.organisations:
            # "Vad säger Umeå kommuns policy?" when the library holds none of Umeå's: no other
            # organisation's passage answers for it
            return Decision(True, "other_organisation", missing=list(dict.fromkeys(elsewhere)))
        if absent_here := self.names_only_elsewhere(question):
            # "Is Region X a member of the Lake Towns Network?" when only another organisation's policy
            # mentions the network: a partner or network is the point of such a question
            return Decision(True, "not_in_organisation", missing=absent_here)
        permission = intent("permission", question.text)
        # "Finns det regler om …?" asks whether a rule exists; "Får jag …?" is a permission
        rule_about = intent("rule_about", question.text) and not permission
        if permission or rule_about:
            # "Får jag ta med min sambo?": a permission about something no policy mentions;
            # "Finns det regler om vaccinationer?": a rule on it
            absent = [
                a
                for a in dict.fromkeys(
                    self.absent_specifics(question) + self.off_topic_objects(question, hits)
                )
                if a not in {u.lower() for u in unknown}
            ]
            if rule_about:
                # a rule on a specific thing, not on an everyday word ("grupp", "month")
                lang = "sv" if question.language == "sv" else "en"
                absent = [a for a in absent if general_rarity(a, lang) >= SCORING.rarity_max]
            named = {*absent, *map(str.lower, unknown)}
            if (absent or unknown) and (
                self._mostly_about(question, named)
                if rule_about
                else self._outweighs(question, named)
            ):
                case = "unknown_name" if rule_about else "permission"
                return Decision(True, case, missing=[*unknown, *absent])
        if not hits or not question.concepts or best < self.min_coverage:
            # a name never mentioned, or a specific ask ("how many …?"), says more than
            # "not covered"
            if unknown:
                return Decision(True, "unknown_name", missing=unknown)
            return Decision(True, kinds[0] if kinds else "not_covered")
        if unknown:
            # A name the library never mentions is the point of the question when it names a
            # partner ("an agreement with Shanghai?", "mellan Norrvika och Linnavere") or is
            # nearly all the question asks; a destination is framing ("I go to Tallinn; who
            # pays?"): then the answer says the name is not mentioned.
            partners = [u for u in unknown if self._names_a_partner(question.text, u)]
            others = [c for c in question.concepts if c.label not in {u.lower() for u in unknown}]
            if partners or len(others) <= 1:
                return Decision(True, "unknown_name", missing=unknown)
        floor = best * SCORING.companion_ratio
        # ... or whose rank (coverage and both retrievers' agreement) comes near the best one's
        rank_floor = max((h.score for h in hits), default=0.0) * SCORING.companion_rank_ratio
        chosen = [
            h
            for h in hits
            if h.coverage >= floor or (SCORING.companion_rank_ratio and h.score >= rank_floor)
        ][: self.top_k]
        if kinds:
            # What is asked for (a year, the named places) must stand in a unit that speaks
            # of the question; such a passage may stand apart, so any passage on the topic
            # that holds it is cited, and first.
            subject = self._without_ask(question)
            holds = {
                (id(h), k): self._holds(k, h.passage, subject, self._objects(k, question))
                for h in [*chosen, *hits]
                for k in kinds
            }
            holding = [
                h
                for h in hits
                if h.coverage >= self.min_coverage and all(holds[id(h), k] for k in kinds)
            ]
            for kind in kinds:  # among the best-ranked passages, as many as will be cited
                if not any(holds[id(h), kind] for h in hits[: len(chosen) + len(holding)]):
                    return Decision(True, kind)
            chosen = (holding + [h for h in chosen if h not in holding])[: self.top_k]
        missing: list[str] = []
        if unknown:
            missing = unknown
        elif best < SCORING.partial_below:
            missing = self._not_in(question, chosen[0].passage)
        return Decision(False, "", chosen, missing, kinds, best)

    def _owner(self, passage: Passage, quote: str, lang: str) -> str:
        """Whose duties a quoted list is when only its heading says so ("I uppdraget ingår:"
        under "Internationella funktionen"): the one body the passage's statements name, when
        the quote holds their matters but not the body's name."""
        text = quote.lower()
        rows = [r for r in passage.responsibilities if r[2].lower().removeprefix("att ") in text]
        organs = {organ for organ, _, _ in rows}
        if len(organs) != 1:
            return ""
        organ = organs.pop()
        head = organ.split()[-1].lower()
        base = re.sub(r"(?:erna|arna|en|et|na|n)$", "", head) if len(head) > 5 else head
        if any(w.startswith(base) for w in words(quote.lower())):  # named in the quote already
            return ""
        return self._english(organ) if lang == "en" else organ

    def _not_in(self, question: Question, passage: Passage) -> list[str]:
        """What the question asks that ``passage`` does not speak of: what the library speaks
        of elsewhere, not an untranslated framing word, not the words of the ask ("många")."""
        terms = self._terms(passage.context_text())
        known = [
            c
            for c in self._without_ask(question).concepts
            if c.hint >= 1.0
            and not c.context
            and not c.guessed
            and self.lexical.concept_idf(c) < self.lexical.max_idf
        ]
        return self.lexical.evidence(
            Question(question.text, question.language, known), terms
        ).missing

    def asked(self, question: Question) -> list[Concept]:
        """What the question is about, less its framing: not the duty asked about, not the trip
        or the new mandate itself, not who asks and why (the context)."""
        return [
            c
            for c in question.concepts
            if not c.context and not self.is_relation(c) and not _frame(c.label)
        ]

    def _outweighs(self, question: Question, labels: set[str]) -> bool:
        """The concepts named by ``labels`` weigh at least as much as anything else the
        question asks: "Får jag ta med min sambo?" is about the partner, while "Får jag betala
        alkohol med stadens pengar?" is about alcohol, which a policy may well mention. The trip or
        mandate itself is the frame of the permission, not its object."""
        asked = self.asked(question)
        weight = self.lexical.concept_weight
        named = [weight(c) for c in asked if c.label in labels]
        others = [weight(c) for c in asked if c.label not in labels]
        return not others or max(named, default=0.0) >= max(others)

    def _mostly_about(self, question: Question, labels: set[str]) -> bool:
        """The concepts named by ``labels`` carry most of what the question asks (by weight,
        at least ``main_share``): "Finns det regler om vaccinationer?" is about vaccinations,
        "Are there rules on keeping costs down and the climate when we travel?" about more
        than the one word a policy may say otherwise."""
        asked = self.asked(question)
        weight = self.lexical.concept_weight
        total = sum(weight(c) for c in asked)
        named = sum(weight(c) for c in asked if c.label in labels)
        return total > 0 and named / total >= SCORING.main_share

    def _without_ask(self, question: Question) -> Question:
        """The question less the words of what it asks for: in "In which year did we start
        with Nørreby?" a "year" in a passage is the evidence, not the topic."""
        asking = set(words(self.asks.wording(question.text)))
        rest = [c for c in question.concepts if not set(words(c.label)) <= asking]
        # "Vilka vänorter har vi?": when the ask is all there is, it is the topic too
        return Question(question.text, question.language, rest) if rest else question

    def _objects(self, kind: str, question: Question) -> Question | None:
        """The concepts of what a figure asked for is a figure of ("anställda" in "Hur många
        anställda ...?", "study visits" in "How many international study visits …?"); None
        when the ask names none."""
        # what is counted: the first word that is no adjective before it ("study" in "how
        # many international study visits") and no verb after it ("tog" in "hur många
        # studiebesök tog …")
        named = {
            stem(nouns[0])
            for o in self.asks.objects(kind, question.text)
            if (
                nouns := [w for w in words(o) if not is_finite_verb(w) and not _adjective(w)]
                or words(o)[:1]
            )
        }
        found = [c for c in question.concepts if named & {stem(w) for w in words(c.label)}]
        return Question(question.text, question.language, found) if found else None

    def _holds(
        self, kind: str, passage: Passage, subject: Question, objects: Question | None = None
    ) -> bool:
        """A unit of the passage holds evidence of ``kind`` and speaks of the question; of
        what the figure is a figure of, when the question says ("fyra vänorter" does not say
        how many inhabitants a town has)."""
        # a name the question itself says ("the Mid Sweden Office") is not the name asked for
        # the organisation's own name, in the genitive or not ("Norrbotten" of "Norrbottens
        # läns landsting"), is no name asked for
        own = passage.organisation.split()
        names = [*own, *(n[:-1] for n in own if n.endswith("s")), *_NAME.findall(subject.text)]
        context = self._terms(passage.section_tail)

        def coverage(text: str) -> float:
            terms = self._terms(text) | context
            return self.lexical.evidence(subject, terms).coverage

        def of_object(text: str) -> bool:
            if objects is None:
                return True
            terms = self._terms(text)
            return self.lexical.evidence(objects, terms).coverage > 0

        for unit in units(passage.text):
            if not unit.items:
                if (
                    self.asks.satisfied(kind, unit.whole, ignore=names)
                    and coverage(unit.whole)
                    and of_object(unit.whole)
                ):
                    return True
                continue
            # In a list the evidence must stand in the item about the question: "Nørreby –
            # ungdomsfrågor; Wiesenbach – skolutbyte sedan 2012" gives no year for Nørreby.
            # When no item is about it more than the others, the lead-in speaks for them all.
            base = coverage(unit.lead_in)
            texts = [f"{unit.lead_in} {item}" for item in unit.items]
            about = [t for t in texts if coverage(t) > base] or (texts if base > 0 else [])
            if any(self.asks.satisfied(kind, t, ignore=names) and of_object(t) for t in about):
                return True
        return False

    def absent_specifics(self, question: Question) -> list[str]:
        """Specific things the question names that the library never mentions ("business
        class", "sambo"): known words (not guesses from spelling), found in no passage, and
        not the trip or the new mandate itself."""
        lexical = self.lexical
        framing = frame_words(question.text)  # "innan", "keep in mind" around a trip
        return [
            c.label
            for c in question.concepts
            if c.hint >= 1.0
            and not c.guessed
            and lexical.concept_idf(c) >= lexical.max_idf
            and not _frame(c.label)
            and not set(words(c.label)) <= framing
            # "När regionen startar ett samarbete": what is done, not a thing named
            and not (is_finite_verb(c.label) or _present_tense(c.label, question.language))
        ]

    def off_topic_objects(self, question: Question, hits: Sequence[ScoredPassage]) -> list[str]:
        """What a permission is about that the library mentions only elsewhere: "Får jag ta
        med min partner på resan?" where "partner" stands only in "samarbetspartner", in no
        sentence of the passages about the trip."""
        from wordfreq import zipf_frequency

        lang = "sv" if question.language == "sv" else "en"
        candidates = [
            c
            for c in self.asked(question)
            if not c.guessed
            and c.hint >= 1.0
            # "innan", "göra", "ansöka": what one does, not a thing brought along
            and zipf_frequency(c.label, lang) < 5.0
            and not is_infinitive(c.label)
            and not is_finite_verb(c.label)
            and not _present_tense(c.label, lang)
        ]
        if not candidates:
            return []
        # each passage analysed once: as a whole, and sentence by sentence
        passages = [
            (
                self._terms(h.passage.context_text()),
                [self._terms(u.whole) for u in units(h.passage.text)],
            )
            for h in hits[: 2 * self.top_k]
        ]
        found = []
        for concept in candidates:
            rest = Question(
                question.text, question.language, [c for c in question.concepts if c is not concept]
            )
            alone = Question(question.text, question.language, [concept])
            on_topic = [
                unit_terms
                for terms, unit_terms in passages
                if self.lexical.evidence(rest, terms).coverage > 0
            ]
            if on_topic and not any(
                self.lexical.evidence(alone, terms).coverage > 0
                for unit_terms in on_topic
                for terms in unit_terms
            ):
                found.append(concept.label)
        return found

    def _terms(self, text: str) -> frozenset[str]:
        """Index terms of any text, analysed the way passages are."""
        return frozenset(analyze(text, self.lexical.lexicon))

    @staticmethod
    def _names_a_partner(text: str, name: str) -> bool:
        at = text.find(name)
        return at >= 0 and intent("partner", text[:at])

    @staticmethod
    def _askers_own(question: Question, name: str) -> bool:
        """Whether ``name`` stands in the organisation the asker belongs to ("I work for
        Region X."), when the question names no organisation of the library."""
        organisation = organisation_named(question.text, name)
        return (
            bool(organisation)
            and not question.organisations
            and intent("belonging", question.text[: question.text.find(organisation)])
        )

    @cached_property
    def _hyphen_compounds(self) -> frozenset[str]:
        """The library's hyphenated compounds written together, folded ("Bryssel-kontor" ->
        "brysselkontor"): a question may write them either way, and the stemmer does not
        make "kontor" and "kontoret" one stem."""
        return frozenset(
            fold(m.group().replace("-", "").lower())
            for p in self.lexical.passages
            for m in _HYPHEN_COMPOUND.finditer(p.text)
        )

    @cached_property
    def _library_words(self) -> frozenset[str]:
        """Every word of every passage, short ones ("SKL") too, folded."""
        return frozenset(fold(w) for p in self.lexical.passages for w in words(p.text))

    def _glossary_swedish(self, name: str, *, whole: bool = False) -> list[list[str]]:
        """The words of each Swedish term the glossary gives for ``name`` or a phrase in it;
        with ``whole``, only for a phrase that is all of it."""
        length = len(words(name))
        return [
            words(swedish)
            for side in ("en", "sv")
            for match in self.glossary.find(name, side)
            if not whole or (match.start == 0 and match.end == length)
            for swedish in match.entry.swedish
        ]

    def _glossed_in_library(self, name: str) -> bool:
        """A name the glossary translates ("Brussels": Bryssel, "SALAR": SKL) into words the
        library holds; a network the glossary knows but no policy mentions is still unknown."""
        known = self._library_words
        return any(all(fold(w) in known for w in g) for g in self._glossary_swedish(name))

    @cached_property
    def _organisation_words(self) -> dict[str, frozenset[str]]:
        """Every word of each organisation's passages, their headings and titles, folded,
        each also without an inflection's ending ("Euroregionen", "Euroregion")."""
        found: dict[str, set[str]] = {}
        for p in self.lexical.passages:
            found.setdefault(p.organisation, set()).update(
                _base_forms(fold(w.lower())) for w in words(p.context_text())
            )
        return {organisation: frozenset(w) for organisation, w in found.items()}

    def names_only_elsewhere(self, question: Question) -> list[str]:
        """A partner or network the question asks one organisation about ("Är Region X med
        i Eurocities?", "Is the municipality a member of the Lake Towns Network?") that the library mentions,
        but only in other organisations' policies: in any spelling, as the glossary names it."""
        if len(question.organisations) != 1:
            return []
        own = self._organisation_words.get(question.organisations[0])
        if not own:
            return []
        library = self._library_words
        start = question_start(question.text)  # a sentence before the question is context
        found: list[str] = []

        def mentioned(name_words: list[str]) -> bool:
            return bool(name_words) and all(_base_forms(fold(w.lower())) in own for w in name_words)

        for m in _NAME.finditer(question.text, start):
            name = m.group(0)
            word = fold(name.lower())
            if word not in library or not self._names_a_partner(question.text, name):
                continue  # a name no policy mentions is unknown_names' case
            if any(word in fold(o.lower()) for o in self._organisation_words):
                continue  # "like Region Y is": an organisation, not a partner
            # the name in full, as the question writes it ("Nordic Lake Towns Network"): the
            # organisation mentions it when it holds every word of it
            run = _CAPITALISED_RUN.match(question.text, m.start())
            full = run.group(0) if run else name
            name_words = [w for w in re.findall(r"[\w-]+", full) if w[:1].isupper()]
            # or the glossary's name for the whole of it (an acronym for a network's full name)
            glossed = self._glossary_swedish(full, whole=True)
            if mentioned(name_words) or any(mentioned(g) for g in glossed if g):
                continue
            if full not in found:
                found.append(full)
        return found

    def unknown_names(self, question: Question) -> list[str]:
        """Names in the question (a partner town, a place) that the library never mentions,
        in any spelling: "a twinning agreement with Shanghai?". Organisations, glossary
        terms and words the library holds are known."""
        unknown = []
        start = question_start(question.text)
        found = [*_OPENING_NAME.finditer(question.text), *_NAME.finditer(question.text)]
        for m in sorted(found, key=lambda m: m.start()):
            name = m.group(0)
            if (
                m.start() < start
                and not self._names_a_partner(question.text, name)
                and not self._askers_own(question, name)
            ):
                # where the asker is going ("I'm off to a conference in Kanada.") or who
                # invited them is context; a partner named before the question ("ett avtal med
                # Shanghai. Finns det redan?") or the organisation the asker works for ("I work
                # for Region X.") is not
                continue
            word = name.lower()
            if word in self.lexical.lexicon.words or fold(word) in self.lexical.lexicon.by_folded:
                continue
            if fold(word) in self.lexical.lexicon.words or self._glossed_in_library(name):
                continue
            if word in question.named or any(
                word in o.lower() or fold(word) in fold(o.lower()) for o in question.organisations
            ):
                continue  # "SLL:s riktlinjer": an organisation by one of its names
            if any(c.destination and c.label == word for c in question.concepts):
                continue  # "a conference in Kanada": where one goes, as travel rules name it
            if self.lexical.expand(stem(word)):
                continue
            folded = fold(word)
            forms = [folded, folded[:-1]] if folded.endswith("s") else [folded]  # a genitive
            if any(
                form[: len(form) - len(e)] in self._hyphen_compounds
                for form in forms
                for e in vocabulary.INFLECTIONS
                if form.endswith(e)
            ):
                continue  # "Brysselkontoret": the library's "Bryssel-kontor", written together
            unknown.append(name)
        return unknown

    def _outline(
        self, question: Question, hits: Sequence[ScoredPassage]
    ) -> tuple[str, list[tuple[str, Passage]]] | None:
        """ "Vilka är de tre fokusområdena?": a heading that names what the question asks
        for, in the document of a passage that answers, whose subsections are the answer.
        Returns the heading and each subsection's title with its first passage."""
        if not intent("listing", question.text):
            return None
        # what the question names that the library holds ("three" in English is no heading)
        # (and not "tre" in "de tre fokusområdena": how many there are describes the list)
        asked = [
            c
            for c in self.asked(question)
            if self.lexical.concept_idf(c) < self.lexical.max_idf
            and c.label not in _number_words()
            and not c.label.isdigit()
        ]
        if not asked:
            return None
        main = max(asked, key=self.lexical.concept_weight)
        for hit in hits[:3]:
            path = hit.passage.section.split(" > ") if hit.passage.section else []
            for depth in range(len(path), 1, -1):  # not the document's own title
                terms = self._terms(path[depth - 1])
                if not any(alternative_present(terms, alt) for alt in main.alternatives):
                    continue
                # the heading, with those above it, must name all that is asked, not only a
                # word of it ("Strategiska samarbeten" does not answer "strategiska dokument")
                above = self._terms(" ".join(path[:depth])) | self._terms(hit.passage.organisation)
                if self.lexical.evidence(
                    Question(question.text, question.language, asked), above
                ).missing:
                    continue
                parent = " > ".join(path[:depth]) + " > "
                children: dict[str, Passage] = {}
                for p in self.lexical.passages:
                    if p.doc_id == hit.passage.doc_id and p.section.startswith(parent):
                        children.setdefault(p.section[len(parent) :].split(" > ")[0], p)
                if 2 <= len(children) <= MAX_OUTLINE:
                    return path[depth - 1], list(children.items())
        return None

    # -- writing ------------------------------------------------------------------
    def _lead(
        self,
        quoted: list[tuple[int, ScoredPassage, str]],
        decision: Decision,
        lang: str,
        *,
        statements: Mapping[str, tuple[str, str, str] | None] | None,
        text: str = "",
    ) -> str:
        """One or two sentences that answer directly, in the question's language, cited; for
        a who-question from ``statements`` (each cited passage's best statement), if any.
        ``text``: the question as typed."""
        t = _texts(lang)
        parts: list[str] = []
        if decision.partial:
            parts.append(_partial_note(t, decision.missing, lang, text))
        if statements is not None:
            stated = self._who_lead(quoted, statements, lang)
            if stated:
                return " ".join([*parts, *stated])
        n, hit, quote = quoted[0]
        lines = [line.strip().removeprefix("– ") for line in quote.split("\n") if line.strip()]
        first = lines[0] + (" " + "; ".join(lines[1:]) if len(lines) > 1 else "")
        if len(first) > LEAD_CHARS:
            first = first[:LEAD_CHARS].rsplit(" ", 1)[0] + " …"
        org, title = hit.passage.organisation, hit.passage.title
        # an English reader gets the quote's figures and key terms in English, once, beside it
        glosses = (
            [*english_figures(first), *self.glossary.gloss(first, limit=LEAD_GLOSSES)][
                :LEAD_GLOSSES
            ]
            if lang == "en"
            else []
        )
        gloss = f" ({'; '.join(f'{sv} = {en}' for sv, en in glosses)})" if glosses else ""
        parts.append(t["lead"].format(org=org, title=title, quote=first, gloss=gloss, n=n))
        others = len({h.passage.organisation for _, h, _ in quoted} - {org})
        if others:
            parts.append(t["lead_others"].format(n=others))
        return " ".join(parts)

    def _who_lead(
        self,
        quoted: list[tuple[int, ScoredPassage, str]],
        statements: Mapping[str, tuple[str, str, str] | None],
        lang: str,
    ) -> list[str]:
        """ "In Västernorrland, the county council assembly (landstingsfullmäktige) decides on
        twinning (vänortssamarbeten) [1]": from the statements stored with the cited passages."""
        t = _texts(lang)
        stated: list[str] = []
        seen_orgs: set[str] = set()
        for n, hit, _ in quoted:
            org = hit.passage.organisation
            if org in seen_orgs or len(stated) >= MAX_LEAD_STATEMENTS:
                continue
            statement = statements.get(hit.passage.id)
            if statement is None:
                continue
            organ, relation, matter = statement
            first, _, rest = matter.partition(" ")
            if first.lower() in stopwords("sv"):  # "En resa utomlands" began its sentence
                matter = f"{first.lower()} {rest}".strip()
            seen_orgs.add(org)
            if lang == "en":
                stated.append(
                    t["who_lead"].format(
                        org=org,
                        organ=self._english_body(organ),
                        relation=vocabulary.relations().to_english(relation),
                        matter=self._english(matter, quote=True),
                        n=n,
                    )
                )
            else:
                stated.append(
                    t["who_lead"].format(
                        org=org, organ=organ, relation=relation, matter=matter, n=n
                    )
                )
        return stated

    def _stated(self, topic: Question, passage: Passage) -> tuple[str, str, str] | None:
        """The passage's stored statement that best covers ``topic``; None if none does."""
        best: tuple[float, tuple[str, str, str] | None] = (0.0, None)
        for organ, relation, matter in passage.responsibilities:
            terms = self._terms(f"{organ} {relation} {matter}")
            score = self.lexical.evidence(topic, terms).coverage
            if score > best[0]:
                best = (score, (organ, relation, matter))
        return best[1]

    def _english(self, swedish: str, *, quote: bool = False) -> str:
        """A Swedish body or matter with its English gloss once: "the county council assembly
        (landstingsfullmäktige)". Words the glossary cannot say in English as a whole stay
        Swedish; a matter is then quoted, so that the English sentence does not run on in
        Swedish ("is responsible for “Officiella kontakter med …” (kontakter = contacts)")."""
        glosses = self.glossary.gloss(swedish, limit=1)
        if glosses and glosses[0][0].lower() == swedish.lower():
            return f"{glosses[0][1]} ({swedish})"
        shown = f"“{swedish}”" if quote else swedish
        if glosses:
            return f"{shown} ({glosses[0][0]} = {glosses[0][1]})"
        return shown

    def _english_body(self, swedish: str) -> str:
        """ "the county council assembly (Landstingsfullmäktige)": a body the glossary names
        takes the article an English sentence needs."""
        english = self._english(swedish)
        return f"the {english}" if english != swedish and english[:1].islower() else english

    def _topic(self, question: Question) -> Question:
        """The question without the kind of duty it asks about: what it is about."""
        return Question(
            question.text,
            question.language,
            [c for c in question.concepts if not self.is_relation(c)],
        )

    def _nearest_row(
        self,
        question: Question,
        topic: Question,
        related: Question,
        rows: Sequence[Responsibility],
        organisation: str,
    ) -> tuple[Responsibility | None, tuple[float, float, float]]:
        """The organisation's responsibility nearest the question: about the same matter
        first; then about what the matter is (the glossary's description of it); then sharing
        only the kind of duty. With its key (matter, description, question coverage)."""
        best: Responsibility | None = None
        best_key = (0.0, 0.0, 0.0)
        for row in (r for r in rows if r.organisation == organisation):
            terms = self._row_terms(row)
            key = (
                self.lexical.evidence(topic, terms).coverage,
                self.lexical.evidence(related, terms).coverage,
                self.lexical.evidence(question, terms).coverage,
            )
            related_enough = key[1] >= SCORING.related_enough  # not one word of a description
            if (key[2] > 0 or related_enough) and key > best_key:
                best, best_key = row, key
        return best, best_key

    def names_a_related_duty(
        self, question: Question, rows: Sequence[Responsibility], organisation: str
    ) -> bool:
        """Whether the organisation's policy gives anyone a duty about the question's matter,
        or about what the matter is (twinning: contacts with other towns and regions)."""
        _, key = self._nearest_row(
            question, self._topic(question), self._related_question(question), rows, organisation
        )
        return key[0] > 0 or key[1] >= SCORING.related_enough

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
        topic = self._topic(question)
        related = self._related_question(question)
        for org in missing:
            best, best_key = self._nearest_row(question, topic, related, rows, org)
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

    def guide_answer(
        self, question: Question, guides: Sequence[Guide], *, per_organisation: int
    ) -> Answer | None:
        """A trip or onboarding question answered from each organisation's cited guide: the
        points its policy makes (at most ``per_organisation`` each) and, for one organisation,
        the points it is silent on. None when no guide has anything to say."""
        lang = messages.language(question.language)
        t = _texts(lang)
        citations: list[Citation] = []
        said: list[tuple[str, str]] = []  # (organisation, its points with citations)
        lines: list[str] = []
        for guide in guides:
            found = [i for i in guide.items if i.found and i.citation][:per_organisation]
            if not found:
                continue
            refs = []
            title = found[0].citation.document if found[0].citation else ""
            lines += ["", t["from"].format(org=guide.organisation, title=title, note="")]
            for item in found:
                if item.citation is None:
                    continue
                n = len(citations) + 1
                citations.append(replace(item.citation, n=n))
                refs.append(f"{item.label[:1].lower()}{item.label[1:]} [{n}]")
                lines.append(f"• {item.label}: “{item.quote}” [{n}]")
            said.append((guide.organisation, ", ".join(refs)))
        if not citations:
            return None
        kind = guides[0].kind
        if len(guides) == 1:
            lead = t[f"guide_lead_{kind}"].format(org=said[0][0], points=said[0][1])
            gaps = [i.label.lower() for i in guides[0].items if not i.found]
            if gaps:
                lead += " " + t["guide_gaps"].format(points=", ".join(gaps))
        else:
            points = "; ".join(f"{org}: {refs}" for org, refs in said)
            lead = t[f"guide_lead_many_{kind}"].format(points=points)
        return _cited_answer(question, lead, lines, citations, partial=False, coverage=1.0)

    def refuse(
        self,
        question: Question,
        hits: Sequence[ScoredPassage],
        case: str = "not_covered",
        missing: Sequence[str] = (),
    ) -> Answer:
        """Say which case it is, in the user's language, and offer the nearest sections as
        openable sources (they are not an answer: the answer is marked abstained)."""
        lang = messages.language(question.language)
        t = _texts(lang)
        nearest = [] if case == "off_task" else list(hits[:MAX_NEAREST])
        citations = [
            Citation.from_passage(i + 1, h.passage, h.score) for i, h in enumerate(nearest)
        ]
        # a kind a site added to asks.csv without a message of its own: the general one
        template = t.get(f"refuse_{case}", t["refuse_not_covered"])
        organisation = question.organisations[0] if question.organisations else ""
        lines = [template.format(names=", ".join(missing), organisation=organisation)]
        if citations:
            lines.append(t["nearest"])
            lines += [
                f"• {c.organisation} – {c.document}"
                + (f", ”{c.section.split(' > ')[-1]}”" if c.section else "")
                + f" [{c.n}]"
                for c in citations
            ]
        return Answer(
            text="\n".join(lines),
            language=lang,
            abstained=True,
            citations=citations,
            resolved_question=question.resolved,
            refusal=case,
        )


def _cited_answer(
    question: Question,
    lead: str,
    evidence: list[str],
    citations: list[Citation],
    *,
    partial: bool,
    coverage: float,
) -> Answer:
    """The direct answer first, then the evidence (blocks of quotes, each block after a
    blank line: ``evidence`` starts with one)."""
    lang = messages.language(question.language)
    return Answer(
        text="\n".join([lead, "", _texts(lang)["evidence"], *evidence[1:]]),
        language=lang,
        abstained=False,
        citations=citations,
        resolved_question=question.resolved,
        lead=lead,
        partial=partial,
        coverage=coverage,
    )


_REF = re.compile(r"\[(\d+)\]")


@lru_cache(maxsize=1)
def _adjective_endings() -> tuple[str, ...]:
    return tuple(
        e for row in vocabulary.rows("adjective_endings.csv") for e in row["endings"].split()
    )


def _adjective(word: str) -> bool:
    """ "international", "internationella": an adjective by its ending (data)."""
    return len(word) > 5 and word.endswith(_adjective_endings())


def _present_tense(word: str, lang: str) -> bool:
    """ "startar", "planerar": a Swedish verb in the present, told by its infinitive
    ("starta") being a common word; a plural noun ("bilar": "bila") is not one."""
    from wordfreq import zipf_frequency

    return lang == "sv" and word.endswith("ar") and zipf_frequency(word[:-1], "sv") >= 3.5


def combine_answers(parts: Sequence[str], answers: Sequence[Answer]) -> Answer:
    """One answer to a message of several questions: each part's answer under its question,
    citations numbered through, a passage that two parts cite under one number."""
    citations: list[Citation] = []
    numbers: dict[tuple[str, str], int] = {}  # a passage cited by two parts keeps one number
    leads: list[str] = []
    blocks: list[str] = []
    for part, answer in zip(parts, answers, strict=True):
        renumber: dict[int, int] = {}
        for c in answer.citations:
            key = (c.doc_id, c.passage_id or c.text)
            if key not in numbers:
                numbers[key] = len(citations) + 1
                citations.append(replace(c, n=numbers[key]))
            renumber[c.n] = numbers[key]

        def shift(text: str, renumber: dict[int, int] = renumber) -> str:
            return _REF.sub(lambda m: f"[{renumber.get(int(m.group(1)), int(m.group(1)))}]", text)

        leads.append(shift(answer.lead or answer.text.split("\n")[0]))
        blocks.append(f"{part}\n{shift(answer.text)}")
    first = answers[0]
    return Answer(
        text="\n\n".join(blocks),
        language=first.language,
        abstained=all(a.abstained for a in answers),
        citations=citations,
        resolved_question=" ".join(parts),
        organisations=first.organisations,
        lead=" ".join(leads),
        partial=any(a.partial or a.abstained for a in answers),
        refusal=first.refusal if all(a.abstained for a in answers) else "",
        coverage=min(a.coverage for a in answers),
    )
