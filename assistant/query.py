"""What a question asks for: its language, its content concepts (with Swedish alternatives
for English words), the organisations it names, and how a follow-up continues the chat."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from assistant.evidence import SCORING
from assistant.intents import intent, spans
from core import vocabulary
from core.glossary import Glossary
from core.structure import sentences
from core.text import (
    Lexicon,
    clearly_english,
    detect_language,
    fold,
    stem,
    stopwords,
    typed_without_diacritics,
    word_spans,
    words,
)

Alternative = tuple[str, ...]  # stems that must all be present


@dataclass(frozen=True, slots=True)
class Concept:
    """One thing the question asks about, and the Swedish stems that express it."""

    label: str
    alternatives: frozenset[Alternative]
    hint: float = 1.0  # 0.5 for an English word with no translation: weak evidence either way
    language: str = "sv"  # the language of the label
    guessed: bool = False  # Swedish alternatives guessed from spelling (cognates), not known
    context: bool = False  # says who asks or why ("I was just elected."), not what is asked
    destination: bool = False  # a country travelled to, read through its groups ("utanför EU")

    @property
    def factor(self) -> float:
        """How much the concept counts in retrieval and evidence."""
        return self.hint * (SCORING.context_hint if self.context else 1.0)


@dataclass(slots=True)
class Question:
    text: str  # what the user typed
    language: str
    concepts: list[Concept]
    organisations: list[str] = field(default_factory=list)  # named in the question or inherited
    resolved: str = ""  # the text the concepts were taken from (follow-ups add the topic)
    named: frozenset[str] = frozenset()  # its words that name an organisation ("sll", "region")

    @property
    def search_text(self) -> str:
        """Text for the dense model: the question plus Swedish renderings of its concepts."""
        extra = []
        for concept in self.concepts:
            for alt in sorted(concept.alternatives)[:2]:
                extra.append(" ".join(alt))
        return f"{self.resolved or self.text} {' '.join(extra)}".strip()


_QUESTION_END = re.compile(r"(?<=\?)\s+(?=\S)")
MIN_PART_WORDS = 3  # "Och?" is not a question of its own
FOLLOWUP_CONCEPTS = 3  # a continuation ("Och om …") with this few concepts adds to the topic


def _followups(kind: str, sep: str | None = None) -> tuple[str, ...]:
    """The words of one kind of row in ``data/vocabulary/followups.csv``."""
    rows = vocabulary.rows("followups.csv")
    return tuple(w for r in rows if r["kind"] == kind for w in r["words"].split(sep) if w)


def _one_of(kind: str) -> str:
    """A regular-expression alternation of one kind's words."""
    return "|".join(_followups(kind))


_QUESTION_WORDS = frozenset(_followups("asks"))
_REQUESTS = frozenset(_followups("requests"))
_INVERTED = frozenset(_followups("inverted"))
_AUXILIARIES = frozenset(_followups("auxiliaries")) | frozenset(_followups("modals_first"))
_OPENERS = frozenset(_followups("openers"))
_ADDING = frozenset(_followups("adding"))


def _adds_a_condition(lowered: str) -> bool:
    """ "och om …", "men när …", "and if …": a continuation that adds a condition."""
    for opener in _CONTINUATIONS:
        if lowered.startswith(opener):
            rest = lowered[len(opener) :].split()
            return bool(rest) and rest[0] in _CONDITIONS
    return False


def _remark_about_the_asker(part: str) -> bool:
    """ "I'd like to email them.", "Jobbar på Härjedalens kommun.": a sentence that asks
    nothing (no question mark, no question word, no request) and so is said about the
    question before it."""
    said = words(part)
    if said and said[0] in _ADDING:  # "Också reglerna för gåvor.": one more thing asked
        return False
    while said and said[0] in _OPENERS:  # "Och berätta om …", "Please list …"
        said = said[1:]
    return (
        not part.rstrip().endswith("?")
        and not any(w in _QUESTION_WORDS for w in said)
        and not (said and said[0] in _REQUESTS)
        # "Måste resan godkännas", "Can staff accept gifts": a question said verb first
        and not (said and said[0] in _AUXILIARIES)
        # "behöver jag något mandat", "is there a rule"
        and not (len(said) > 1 and said[0] not in _INVERTED and said[1] in _INVERTED)
    )


_SECOND_QUESTION = re.compile(
    rf"(?:,\s*|\s+)(?=(?:{_one_of('joins')})\s+(?:{'|'.join(sorted(_QUESTION_WORDS))})\b)",
    re.I,
)


def _second_questions(text: str) -> list[str]:
    """ "Who leads it, and how large may it be?" is two questions; "Who decides when and how
    trips are made?" and "Jag är ny och vad ska jag tänka på?" are one: the part before the
    join must ask something of its own, in at least MIN_PART_WORDS words."""
    pieces = _SECOND_QUESTION.split(text)
    parts: list[str] = []
    for piece in pieces:
        left = words(parts[-1]) if parts else []
        if (
            parts
            and len(left) >= MIN_PART_WORDS
            and left[-1] not in _QUESTION_WORDS
            and any(w in _QUESTION_WORDS for w in left)
        ):
            parts.append(piece)
        elif parts:
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return parts


def question_parts(text: str) -> list[str]:
    """The questions in one message: "Vem beslutar om X? Och vem följer upp det?" is two, and
    so is "Who leads it, and how large may it be?". Text before the first question mark
    belongs to it (framing is not a question)."""
    parts = [
        piece.strip()
        for p in _QUESTION_END.split(text)
        for piece in _second_questions(p)
        if piece.strip()
    ]
    merged: list[str] = []
    for part in parts:
        said = words(part)
        if merged and len(said) < MIN_PART_WORDS:
            merged[-1] = f"{merged[-1]} {part}"
        elif merged and _remark_about_the_asker(part):
            # what the asker says of themselves after a question ("I'd like to email
            # them.", "Vi reser i maj.") frames that question: it goes before it
            merged[-1] = f"{part} {merged[-1]}"
        else:
            merged.append(part)
    return merged


# Words that point back, and how a continuation opens
_DEICTIC = frozenset(_followups("refers"))
_CONTINUATIONS = _followups("opens", "|")
_CONDITIONS = frozenset(_followups("conditions"))
# A question ending in a pronoun ("Vem beslutar om den?", "Who pays for it?") points back
_ENDS_POINTING_BACK = re.compile(
    rf"\b(?:{_one_of('points_back')})(?:\s+(?:{_one_of('particles')}))?\W*$",  # "take it over"
    re.I,
)
# "What do I do with it as a new member?": a pronoun after a preposition anywhere in the
# question points back as well
_OBJECT_POINTING_BACK = re.compile(
    rf"\b(?:{_one_of('prepositions')})\s+(?:{_one_of('object_back')})"
    # not a determiner ("för den nya strategin"): the pronoun ends a phrase
    rf"(?=\s*(?:[^\w\s]|$|(?:{_one_of('after_object')})\b))",
    re.I,
)
_SUBJECT_POINTING_BACK = re.compile(
    rf"^\W*(?:{_one_of('auxiliaries')})\s+(?:{_one_of('subject_back')})\b",
    re.I,
)
# lower case only: "us" is the asker, "the US" a country
_ENDS_WITH_ASKER = re.compile(rf"\b(?:{_one_of('asker')})\W*$")
_ASKER = frozenset(_followups("asker"))
_BOTH_STOPWORDS = stopwords("sv") | stopwords("en")


def _about_the_asker(question: str) -> bool:
    """ "Vem kan hjälpa oss?", "What's expected of me?": ends in the asker and names at most
    one thing of its own, so what the asker said before is what it is about."""
    if not _ENDS_WITH_ASKER.search(question):
        return False
    own = [
        w
        for w in words(question)
        if w not in _ASKER and w not in _QUESTION_WORDS and w not in _BOTH_STOPWORDS
    ]
    return len(own) <= 1


# "I" as written: lower-case "i" is the Swedish preposition
_ASKER_SUBJECT = re.compile(rf"\b(?:{_one_of('asker_subject')})\b")
_WHO_WORDS = frozenset(_followups("who"))


def _asker_is_subject(question: str) -> bool:
    """ "Am I responsible …?", "Ska vi …?": the question asks about the asker, not who
    does something ("Vem beslutar om vänorter?")."""
    first = words(question)[:1]
    if first and first[0] in _WHO_WORDS:
        return False
    return bool(_ASKER_SUBJECT.search(question) or _ASKER_SUBJECT.search(question.lower()))


def _names_a_post(concept: Concept) -> bool:
    """Whether a concept names a body or a post (förvaltningschef, department head)."""
    posts = vocabulary.bodies()
    return any(posts.is_body_word(alt[-1]) for alt in concept.alternatives if alt)


_ORGANISATION_WORDS = vocabulary.organisation_words()
# the definite forms ("regionen", "kommunens", "landstinget"): once an organisation is named
# or chosen, they are that organisation, not what is asked ("Vad säger regionens policy om …")
_THE_ORGANISATION = frozenset(w for w in _ORGANISATION_WORDS if re.search(r"(?:en|et)s?$", w))


def the_organisation(text: str) -> set[int]:
    """Positions of the words that refer to the organisation a question is about."""
    return {i for i, t in enumerate(words(text)) if t in _THE_ORGANISATION}


def _name_words(tokens: list[str], start: int, end: int) -> range:
    """The words around a matched name that belong to it: "Region" in "Region Stockholm",
    "läns landsting" in "Stockholms läns landsting", "kommun" in "Härjedalens kommun"."""
    while start > 0 and tokens[start - 1] in _ORGANISATION_WORDS:
        start -= 1
    while end < len(tokens) and tokens[end] in _ORGANISATION_WORDS:
        end += 1
    return range(start, end)


def organisation_named(text: str, name: str) -> str:
    """The organisation ``name`` stands in, as the text names it ("Region Skåne", "Umeå
    kommuns", "the City of Lund"), or "" when the name stands alone (a town, a country)."""
    tokens = words(text)
    name_tokens = words(name)
    for at in range(len(tokens) - len(name_tokens) + 1):
        if tokens[at : at + len(name_tokens)] != name_tokens:
            continue
        span = _name_words(tokens, at, at + len(name_tokens))
        around = [tokens[i] for i in span if not at <= i < at + len(name_tokens)]
        # "of" joins "the City of" to a name; alone it is not an organisation word
        if any(w != "of" for w in around):
            spans = word_spans(text)
            stop = span.stop
            # "Region Jämtland Härjedalen": a name of several capitalised words
            while (
                stop < len(tokens)
                and stop - span.stop < 2
                and text[spans[stop][0] : spans[stop][1]].istitle()  # not "EU"
                and text[spans[stop - 1][1] : spans[stop][0]] == " "
                and text[spans[stop][1] : spans[stop][1] + 1] != "-"  # not "EU-projekt"
                and not tokens[stop - 1].endswith("s")  # "Region Dalarnas EU-strategi"
            ):
                stop += 1
            named = text[spans[span.start][0] : spans[stop - 1][1]]
            leads = tokens[span.start] in _ORGANISATION_WORDS and span.start < at
            if leads and named.endswith("s") and stop < len(tokens):
                return named[:-1]  # "Region Skånes policy", "Region Jämtland Härjedalens"
            last = tokens[span.stop - 1]
            # "Umeå kommuns policy": the organisation is "Umeå kommun"
            genitive = last.endswith("s") and last[:-1] in _ORGANISATION_WORDS
            return named[:-1] if genitive else named
    return ""


class OrganisationMatcher:
    """Finds organisations named in text, by any of their names or aliases."""

    def __init__(self, names: Mapping[str, Sequence[str]]) -> None:
        # organisation -> word sequences that name it
        self._names = {
            org: [words(n) for n in aliases if words(n)] for org, aliases in names.items()
        }
        self._by_first: dict[str, list[tuple[str, list[str]]]] = {}
        for org, sequences in self._names.items():
            for name in sequences:
                self._by_first.setdefault(name[0], []).append((org, name))

    @staticmethod
    def _matches(tokens: list[str], i: int, name: list[str]) -> bool:
        if i + len(name) > len(tokens):
            return False
        for offset, part in enumerate(name):
            token = tokens[i + offset]
            # genitive -s and possessive forms: "Härjedalens", "Stockholms"
            if not (token == part or (token.startswith(part) and len(token) - len(part) <= 1)):
                return False
        return True

    def _in_a_longer_name(self, text: str, tokens: list[str], i: int) -> bool:
        """ "Region Jämtland Härjedalen": the name at ``i`` ends another organisation's name,
        an organisation word and a capitalised name before it, and is not this one."""
        if i < 2 or tokens[i - 2] not in _ORGANISATION_WORDS:
            return False
        spans = word_spans(text)
        start, end = spans[i - 1]
        before = tokens[i - 1]
        return (
            text[start:end][:1].isupper()
            and text[end : spans[i][0]] == " "  # "Region Västerbotten, Härjedalen": a list
            and before not in _ORGANISATION_WORDS
            and before not in self._by_first
            and before[:-1] not in self._by_first
        )

    def find(self, text: str) -> tuple[list[str], set[int]]:
        """Organisations named in ``text`` (in order of mention) and the word positions used."""
        tokens = words(text)
        found: list[str] = []
        used: set[int] = set()
        for i, token in enumerate(tokens):
            if self._in_a_longer_name(text, tokens, i):
                continue
            # names are looked up by their first word: the token itself, or it less a genitive -s
            candidates = self._by_first.get(token, []) + self._by_first.get(token[:-1], [])
            for org, name in sorted(candidates, key=lambda c: len(c[1]), reverse=True):
                if self._matches(tokens, i, name):
                    if org not in found:
                        found.append(org)
                    used.update(range(i, i + len(name)))
                    used.update(_name_words(tokens, i, i + len(name)))
                    break
        if found:
            used |= the_organisation(text)
        return found, used


def _as_destination(concept: Concept, question: str) -> Concept:
    """A country the question travels to ("a conference in Kanada") is also the groups travel
    rules name instead of countries ("utanför Europa", "inom EU", "utomlands"); a country named
    as a partner ("an agreement with Kanada") is not."""
    named = _country_words().get(concept.label, [])
    for name, _ in named:
        at = question.find(name)
        before = words(question[:at])[-1:] if at >= 0 else []
        if at >= 0 and intent("partner", question[:at]) and not _after_a_country(question[:at]):
            return concept
        if before and before[0] in _ORIGIN:
            return concept  # "en delegation från Kina": where guests come from
    codes = {code for _, code in named}
    if not codes or codes == {"SE"}:
        return concept
    stop = stopwords("sv")
    extra = {
        alt
        for code in codes
        for term in vocabulary.destination_terms().get(code, ())
        if (alt := rendering(term, stop))
    }
    return replace(concept, alternatives=concept.alternatives | extra, destination=True)


_ORIGIN = frozenset({"från", "from"})


def _after_a_country(text: str) -> bool:
    """ "resor till Tyskland och [Polen]": the word before "och" is a country too, so the
    second is another destination, not a partner."""
    tokens = words(text)
    return (
        len(tokens) >= 2
        and tokens[-1] in ("och", "and", "eller", "or")
        and tokens[-2] in _country_words()
    )


@lru_cache(maxsize=1)
def _country_words() -> dict[str, list[tuple[str, str]]]:
    """One-word country names as the question's words are (lower-case), with each name as
    written and its code."""
    found: dict[str, list[tuple[str, str]]] = {}
    for name, code in vocabulary.country_names().items():
        if len(words(name)) == 1:
            found.setdefault(words(name)[0], []).append((name, code))
    return found


def rendering(term: str, stop: frozenset[str]) -> Alternative:
    """The stems a Swedish glossary term must all have in a passage: its content words; none
    when the rest would be one everyday verb ("säga upp", "gå med", "se över" mean what their
    particle, a stop word the index does not hold, makes of them)."""
    tokens = words(term)
    content = tuple(stem(w) for w in tokens if w not in stop)
    # a verb and its particle after it; "bli medlem" is a member all the same
    if len(tokens) > 1 and len(content) == 1 and tokens[-1] in stop:
        return ()
    return content


def question_start(text: str) -> int:
    """Where the sentence holding the (last) question mark begins; 0 without one."""
    end = text.rfind("?")
    if end <= 0:
        return 0
    question_sentence = sentences(text[: end + 1])[-1]
    return max(text.rfind(question_sentence, 0, end + 1), 0)


def context_positions(text: str) -> set[int]:
    """Word positions that say who asks or why rather than what is asked: the sentences
    before the question sentence ("Jag är nyvald i X. Vad beslutar ...?") and the asker's
    new mandate ("... as a new politician?")."""
    start = question_start(text)
    question = text[start:]
    # "Vi har en vänort i Kina. Vem beslutar om den?": the question points back, so what
    # came before is what it asks about
    points_back = (
        bool(set(words(question)) & _DEICTIC)
        or bool(_ENDS_POINTING_BACK.search(question))
        or bool(_OBJECT_POINTING_BACK.search(question))
        or bool(_SUBJECT_POINTING_BACK.search(question))
        or _about_the_asker(question)
    )
    positions: set[int] = set() if points_back else set(range(len(words(text[:start]))))
    for start, end in spans("onboarding", text):
        first = len(words(text[:start]))
        positions.update(range(first, first + len(words(text[start:end]))))
    return positions


class QuestionAnalyzer:
    def __init__(self, glossary: Glossary, lexicon: Lexicon, orgs: OrganisationMatcher) -> None:
        self.glossary = glossary
        self.lexicon = lexicon
        self.orgs = orgs

    def concepts(self, text: str, language: str, skip: set[int]) -> list[Concept]:
        """The question's concepts; those only in its context (see ``context_positions``) are
        marked, unless nothing else is asked."""
        found = self._concepts(text, language, skip)
        context = context_positions(text)
        marked = [(c, all(i in context for i in span)) for c, span in found]
        if all(in_context for _, in_context in marked):
            return [c for c, _ in found]
        if _asker_is_subject(text[question_start(text) :]):
            # "I'm a new department head. Am I responsible for anything?": the asker's post
            # is what the question is about
            marked = [(c, ctx and not _names_a_post(c)) for c, ctx in marked]
        return [replace(c, context=True) if in_context else c for c, in_context in marked]

    def _concepts(self, text: str, language: str, skip: set[int]) -> list[tuple[Concept, range]]:
        tokens = words(text)
        taken = set(skip)
        concepts: list[tuple[Concept, range]] = []
        sides = ("en", "sv") if language == "en" else ("sv",)
        sv_stop, stop = stopwords("sv"), stopwords(language)
        plain = typed_without_diacritics(text)
        for side in sides:
            by_span: dict[tuple[int, int], set[Alternative]] = {}
            for match in self.glossary.find(text, side):
                span = range(match.start, match.end)
                if any(i in taken for i in span):
                    continue
                if (
                    side == "sv"
                    and language == "en"
                    and any(clearly_english(tokens[i]) for i in span)
                ):
                    continue  # an English word is not read as a Swedish one ("side", Sida)
                alts = by_span.setdefault((match.start, match.end), set())
                if side == "sv":
                    alts.add(
                        tuple(stem(w) for w in tokens[match.start : match.end] if w not in sv_stop)
                    )
                for term in match.entry.swedish:
                    alt = rendering(term, sv_stop)
                    if alt:
                        alts.add(alt)
                if side == "en" and match.end - match.start > 1:
                    alts |= self._composed(tokens[match.start : match.end], sv_stop)
            for (start, end), alts in by_span.items():
                if any(i in taken for i in range(start, end)):
                    continue
                taken.update(range(start, end))
                label = " ".join(tokens[start:end])
                if all(w in stopwords(side) for w in tokens[start:end]):
                    continue
                concepts.append(
                    (Concept(label, frozenset(a for a in alts if a), 1.0, side), range(start, end))
                )
        folded_stop = frozenset(fold(w) for w in stop) if plain else frozenset()
        for i, token in enumerate(tokens):
            if i in taken or token in stop or len(token) < 2:
                continue
            if plain:  # typed without å/ä/ö: the library's spelling
                if token in folded_stop:
                    continue  # "nagra", "pa": a function word all the same
                token = self.lexicon.restore(token)
            word_alts: set[Alternative] = {(stem(token),)}
            parts = self.lexicon.split(token)
            if parts:
                word_alts.add(tuple(stem(p) for p in parts))
            hint = 1.0
            guessed = False
            if (
                language == "en"
                and token not in self.lexicon.words
                and stem(token) not in self.lexicon.stems
            ):
                cognates = self.lexicon.cognates(token)
                if cognates:  # "strategic" -> "strategisk": same root, Swedish spelling
                    word_alts.update((c,) for c in cognates)
                    guessed = True
                else:
                    hint = SCORING.unknown_word_hint
            concepts.append(
                (Concept(token, frozenset(word_alts), hint, language, guessed), range(i, i + 1))
            )
        return concepts

    def _composed(self, phrase: list[str], sv_stop: frozenset[str]) -> set[Alternative]:
        """A glossary phrase said in other Swedish words, from its parts: "twinning agreement"
        is also vänort + avtal, not only the listed "vänortsavtal". Modifier and head must
        each be a whole glossary phrase of their own."""

        def renderings(part: list[str]) -> list[Alternative]:
            text = " ".join(part)
            return [
                alt
                for m in self.glossary.find(text, "en")
                if m.start == 0 and m.end == len(part)
                for term in m.entry.swedish
                if (alt := rendering(term, sv_stop))
            ]

        modifiers, heads = renderings(phrase[:-1]), renderings(phrase[-1:])
        return {m + h for m in modifiers for h in heads}

    def analyze(
        self,
        question: str,
        history: Sequence[str] = (),
        *,
        language: str | None = None,
        chosen: bool = False,
    ) -> Question:
        """The question's language, concepts, organisations and what it resolves to after
        ``history``; ``chosen``: the user has picked the organisations it is about."""
        language = language or detect_language(question)
        orgs, org_positions = self.orgs.find(question)
        if chosen:
            org_positions |= the_organisation(question)
        concepts = self.concepts(question, language, org_positions)
        resolved = question
        if history:
            previous = history[-1]
            lowered = question.lower().strip()
            dependent = (
                bool(set(words(lowered)) & _DEICTIC)
                or lowered.startswith(_CONTINUATIONS)
                or len(words(lowered)) <= 4
            )
            if not orgs:
                # a chat stays with the organisation it is about until another is named
                for earlier in reversed(history):
                    orgs = self.orgs.find(earlier)[0]
                    if orgs:
                        break
            if dependent and (
                len(concepts) <= 1
                # "Och om konferensen är i Kanada, räcker det då?": a continuation that adds a
                # condition goes on with the topic ("Och vem beslutar om gåvor?" asks anew)
                or (_adds_a_condition(lowered) and len(concepts) <= FOLLOWUP_CONCEPTS)
            ):
                # "And in Härjedalen?": the topic comes from the previous question.
                prev_lang = detect_language(previous)
                _, prev_org_positions = self.orgs.find(previous)
                concepts = self.concepts(previous, prev_lang, prev_org_positions) + concepts
                resolved = f"{previous} {question}"
        tokens = words(question)
        named = frozenset(tokens[i] for i in org_positions if i < len(tokens))
        if intent("checklist", resolved) or intent("travel", resolved):
            concepts = [_as_destination(c, question) for c in concepts]
        return Question(question, language, concepts, orgs, re.sub(r"\s+", " ", resolved), named)
