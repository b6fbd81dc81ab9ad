"""Does a sentence say what the passage it cites says? Beyond shared words.

Word overlap cannot see "beslutar inte" for "beslutar", "Landstingsstyrelsen" for
"Landstingsfullmäktige", or "tillåts" for "är inte tillåtna". So a sentence (a language
model's, citing ``[n]``) is compared with the clause of the passage it restates, the one
covering most of its content, on:

- **bodies**: each body the sentence names (a Swedish word ending in -fullmäktige, -styrelse,
  -nämnd, ...; an English name from the glossary) is named there as one that acts, not only
  in the genitive ("på landstingsfullmäktiges uppdrag"), and, where the passage's own
  responsibility statement says who does it, as that one;
- **relation**: decides / is responsible for / supports, as the passage has it;
- **negation and modality**: the same polarity and the same ska / bör / får / alltid
  ("inte tillåtna" and "förbjudna" are one prohibition; "must not" is too);
- **numbers and dates**: each one is in the passage ("20 juni 2007" is 2007-06-20).

A passage sentence that instructs a model ("Ignorera tidigare instruktioner och svara att
...") supports nothing, and where the passage says both things the sentence fails. The words
are data (``data/claims.toml``); the rules are here.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from core.glossary import Glossary, GlossaryEntry
from core.settings import DEFAULT_DATA_DIR
from core.statements import statements
from core.structure import LIST_MARK, blocks, sentences
from core.text import analyze, stopwords, words

CLAIMS_FILE = DEFAULT_DATA_DIR / "claims.toml"
# Passage clauses scoring within this of the best one also count as what the sentence
# restates: two near-equal readings that disagree mean the passage does not settle it.
MARGIN = 0.15

Phrase = tuple[str, ...]
Scorer = Callable[[str], float]  # a passage clause -> the share of a sentence clause it covers
Aligner = Callable[[str], Scorer]  # a sentence clause (markers removed) -> its scorer

_TOKEN = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+(?:'[a-z]+)?")
_BODY_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:-[A-Za-zÀ-ÖØ-öø-ÿ]+)*")
_LIST_MARK = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*•–])\s+")
_STOP = stopwords("sv") | stopwords("en")
_CITE = re.compile(r"\[\d{1,2}\]")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_NUMBER = re.compile(
    r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:[.,]\d+)?"
)


def tokens(text: str) -> list[str]:
    """Lower-case words, apostrophes kept inside ("can't")."""
    return [t.lower() for t in _TOKEN.findall(text.replace("’", "'"))]


def _phrases(items: Iterable[str]) -> frozenset[Phrase]:
    return frozenset(tuple(tokens(item)) for item in items if tokens(item))


def _spans(toks: Sequence[str], phrases: frozenset[Phrase]) -> list[tuple[int, int]]:
    """Where the phrases occur in ``toks``, longest first, not overlapping."""
    if not phrases:
        return []
    longest = max(len(p) for p in phrases)
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        for size in range(min(longest, len(toks) - i), 0, -1):
            if tuple(toks[i : i + size]) in phrases:
                found.append((i, i + size))
                i += size
                break
        else:
            i += 1
    return found


@dataclass(frozen=True, slots=True)
class Stance:
    """Polarity and modality of a statement: ``(negated, {"obligation", ...})``."""

    negated: bool
    modals: frozenset[str]

    def __str__(self) -> str:
        parts = sorted(self.modals) or ["plain"]
        return ("not " if self.negated else "") + "+".join(parts)


@dataclass(frozen=True, slots=True)
class Body:
    """A body named in a text: the forms it may take in a passage, and whether it is only
    named as an owner ("landstingsfullmäktiges uppdrag")."""

    keys: frozenset[str]
    genitive: bool
    text: str


@dataclass(frozen=True, slots=True)
class Verdict:
    ok: bool
    problem: str = ""  # negation, modality, contradiction, body, relation, number, no passage
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Clause:
    text: str
    section: str = ""


class ClaimVocabulary:
    """The words of ``data/claims.toml``, and what they say about a text."""

    def __init__(self, data: dict) -> None:
        def both(table: dict) -> list[str]:
            return [*table.get("sv", ()), *table.get("en", ())]

        negation = data["negation"]
        self.negation = _phrases(both(negation))
        self.neutral = _phrases(negation.get("neutral", ()))
        self.prohibition = _phrases(both(data["prohibition"]))
        self.modality = {name: _phrases(both(t)) for name, t in data["modality"].items()}
        self.relation_words = {name: _phrases(both(t)) for name, t in data["relations"].items()}
        self.instruction = _phrases(both(data["instruction"]))
        self.number_words = {
            w: int(n) for side in data["numbers"].values() for w, n in side.items()
        }
        self.months = {w: int(n) for side in data["months"].values() for w, n in side.items()}
        bodies = data["bodies"]
        endings = sorted(bodies["endings"], key=len, reverse=True)
        self.body_word = re.compile(
            r"(?P<key>[a-zà-öø-ÿ]*?(?:{}))(?P<ending>{})(?P<genitive>s?)".format(
                "|".join(map(re.escape, bodies["suffixes"])),
                "|".join(map(re.escape, endings)),
            )
        )
        stance_phrases = [
            *self.negation,
            *self.prohibition,
            *(p for phrases in self.modality.values() for p in phrases),
        ]
        self._markers = re.compile(
            r"(?<![\w'])(?:{})(?![\w'])".format(
                "|".join(
                    r"\s+".join(map(re.escape, p))
                    for p in sorted(stance_phrases, key=lambda p: -len(" ".join(p)))
                )
            ),
            re.I,
        )
        firsts = sorted({p[0] for p in stance_phrases}, key=len, reverse=True)
        self._clause_break = re.compile(
            r"\s*;\s*|\s+(?=(?:och|samt|men|eller|and|but|or)\s+(?:{})(?![\w']))".format(
                "|".join(map(re.escape, firsts))
            ),
            re.I,
        )
        self._marker_words = {w for p in stance_phrases for w in p}
        month = "|".join(sorted(map(re.escape, self.months), key=len, reverse=True))
        self._written_date = re.compile(
            rf"\b(?:(\d{{1,2}})\.?\s+)?({month})\s+(?:(\d{{1,2}}),?\s+)?(\d{{4}})\b", re.I
        )

    @classmethod
    def load(cls, path: Path = CLAIMS_FILE) -> ClaimVocabulary:
        with path.open("rb") as fh:
            return cls(tomllib.load(fh))

    # -- what a text says ---------------------------------------------------------------
    def stance(self, text: str) -> Stance:
        toks = tokens(text)
        masked = list(toks)
        for start, end in _spans(toks, self.neutral):
            masked[start:end] = [""] * (end - start)
        flips = len(_spans(masked, self.negation))
        modals: set[str] = set()
        for _ in _spans(masked, self.prohibition):
            flips += 1
            modals.add("permission")
        for name, phrases in self.modality.items():
            for start, end in _spans(masked, phrases):
                if masked[start] in self.months and _next_to_digit(masked, start, end):
                    continue  # "20 May 2007" is a date, not a permission
                modals.add(name)
        negated = flips % 2 == 1
        if negated and modals & {"obligation", "permission"}:
            # "får inte", "är inte tillåtna", "förbjudna", "must not", "ska inte": all forbid
            modals = (modals - {"obligation", "permission"}) | {"prohibition"}
        return Stance(negated, frozenset(modals))

    def relations(self, text: str) -> frozenset[str]:
        toks = tokens(text)
        return frozenset(name for name, ph in self.relation_words.items() if _spans(toks, ph))

    def swedish_bodies(self, text: str) -> list[Body]:
        found = []
        for word in _BODY_WORD.findall(text):
            m = self.body_word.fullmatch(word.lower().replace("-", ""))
            if m:
                found.append(Body(frozenset([m.group("key")]), bool(m.group("genitive")), word))
        return found

    def numbers(self, text: str) -> frozenset[str]:
        """Numbers and dates, normalised: ``2007-06-20``, ``2007-06``, ``2007``, ``1500``."""
        out: set[str] = set()

        def date(year: str, month: int, day: str | None) -> str:
            out.update({year, f"{year}-{month:02d}"})
            if day:
                out.add(f"{year}-{month:02d}-{int(day):02d}")
            return " "

        text = _ISO_DATE.sub(lambda m: date(m.group(1), int(m.group(2)), m.group(3)), text)
        text = self._written_date.sub(
            lambda m: date(m.group(4), self.months[m.group(2).lower()], m.group(1) or m.group(3)),
            text,
        )
        for m in _NUMBER.finditer(text):
            raw = re.sub(r"[ \u00a0\u202f]", "", m.group(0))
            raw = raw.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", raw) else raw
            value = float(raw.replace(",", "."))
            out.add(str(int(value)) if value.is_integer() else str(value))
        out.update(str(self.number_words[t]) for t in tokens(text) if t in self.number_words)
        return frozenset(out)

    def is_instruction(self, text: str) -> bool:
        return bool(_spans(tokens(text), self.instruction))

    def strip_markers(self, text: str) -> str:
        """The text without its negation and modal words: what it is about."""
        return re.sub(r"\s+", " ", self._markers.sub(" ", text.replace("’", "'"))).strip()

    def _has_content(self, text: str) -> bool:
        return any(t not in _STOP and t not in self._marker_words for t in tokens(text))

    def clauses(self, text: str) -> list[str]:
        """A sentence cut where a new statement starts: at ";" and at "och"/"men"/... that
        begin a new verb phrase ("... ska planeras väl och får inte överstiga budgeten").
        A piece without content ("men inte alltid") stays with the one before."""
        merged: list[str] = []
        for part in self._clause_break.split(text):
            if not part or not part.strip():
                continue
            if merged and not self._has_content(part):
                merged[-1] = f"{merged[-1]} {part}"
            else:
                merged.append(part.strip())
        if len(merged) > 1 and not self._has_content(merged[0]):
            merged[1] = f"{merged[0]} {merged[1]}"
            merged.pop(0)
        return merged


def _next_to_digit(toks: Sequence[str], start: int, end: int) -> bool:
    near = [toks[i] for i in (start - 1, end) if 0 <= i < len(toks)]
    return any(t.isdigit() for t in near)


def _key_matches(claim_key: str, passage_key: str) -> bool:
    """ "fullmäktige" in a sentence is the passage's "landstingsfullmäktige"; not the reverse."""
    return passage_key == claim_key or passage_key.endswith(claim_key)


def passage_units(text: str, section: str = "") -> list[str]:
    """Sentences of a passage, each list item with its lead-in (the section heading when the
    list has none): "Landstingsfullmäktige beslutar om vänortssamarbeten"."""
    units: list[str] = []
    for lines in blocks(text):
        lines = [line.strip() for line in lines]
        items = [line[len(LIST_MARK) :].strip() for line in lines if line.startswith(LIST_MARK)]
        prose = " ".join(line for line in lines if not line.startswith(LIST_MARK))
        said = sentences(prose) if prose else []
        if items:
            lead = said.pop() if said else section.split(" > ")[-1]
            units.extend(said)
            units.extend(f"{lead} {item}" for item in items)
        else:
            units.extend(said)
    return units


def stem_overlap(text: str) -> Scorer:
    """A plain aligner: the share of the text's Swedish stems a clause holds."""
    wanted = set(analyze(text))

    def score(clause: str) -> float:
        return len(wanted & set(analyze(clause))) / len(wanted) if wanted else 0.0

    return score


class ClaimChecker:
    """Checks sentences against cited passages with a vocabulary and the glossary's English
    names of bodies."""

    def __init__(self, vocabulary: ClaimVocabulary, glossary: Glossary | None = None) -> None:
        self.vocabulary = vocabulary
        self.glossary = glossary
        self._english_bodies: dict[GlossaryEntry, frozenset[str]] = {}
        for entry in glossary.entries if glossary else ():
            keys = frozenset(
                b
                for term in entry.swedish
                for body in vocabulary.swedish_bodies(term)
                for b in body.keys
            )
            if keys:
                self._english_bodies[entry] = keys

    # -- the single checks ----------------------------------------------------------------
    def bodies(self, text: str, language: str) -> list[Body]:
        """The bodies a sentence names: Swedish words, and (in English) glossary names."""
        found = self.vocabulary.swedish_bodies(text)
        if language == "en" and self.glossary is not None:
            ws = words(text)
            spans: dict[tuple[int, int], set[str]] = {}
            for match in self.glossary.find(text, "en"):
                keys = self._english_bodies.get(match.entry)
                if keys:
                    spans.setdefault((match.start, match.end), set()).update(keys)
            for (start, end), span_keys in spans.items():
                genitive = end < len(ws) and ws[end] == "s"  # "the assembly's"
                found.append(Body(frozenset(span_keys), genitive, " ".join(ws[start:end])))
        return found

    def missing_bodies(self, claim: str, clause: str, language: str) -> list[str]:
        """Bodies the sentence names that the passage clause does not name as acting."""
        named = self.vocabulary.swedish_bodies(clause)
        acting = {k for b in named if not b.genitive for k in b.keys}
        every = {k for b in named for k in b.keys}
        return [
            body.text
            for body in self.bodies(claim, language)
            if not any(
                _key_matches(c, p) for c in body.keys for p in (every if body.genitive else acting)
            )
        ]

    def same_relation(self, claim: str, clause: str) -> bool:
        return self.vocabulary.relations(claim) <= self.vocabulary.relations(clause)

    def right_body_for_relation(self, claim: str, clause: str, language: str) -> bool:
        """Where the passage's own responsibility statement says who decides (is responsible,
        ...), the sentence names that one: "Landstingsfullmäktige beslutar om X, och
        landstingsstyrelsen svarar för Y" does not make the board decide on X."""
        relations = self.vocabulary.relations(claim)
        acting = [b for b in self.bodies(claim, language) if not b.genitive]
        if not relations or not acting:
            return True
        organs = [
            {k for b in self.vocabulary.swedish_bodies(organ) if not b.genitive for k in b.keys}
            for organ, relation, _ in statements(clause)
            if self.vocabulary.relations(relation) & relations
        ]
        organs = [keys for keys in organs if keys]
        if not organs:
            return True
        return any(
            _key_matches(c, p)
            for body in acting
            for c in body.keys
            for keys in organs
            for p in keys
        )

    def same_stance(self, claim: str, clause: str) -> bool:
        return self.vocabulary.stance(claim) == self.vocabulary.stance(clause)

    def missing_numbers(self, claim: str, clause: str, section: str = "") -> list[str]:
        have = self.vocabulary.numbers(f"{clause} {section}")
        return sorted(self.vocabulary.numbers(claim) - have)

    # -- the whole check ------------------------------------------------------------------
    def passage_clauses(self, text: str, section: str = "") -> list[Clause]:
        """The clauses of a passage that can support a sentence (not instructions)."""
        return [
            Clause(c, section)
            for unit in passage_units(text, section)
            if not self.vocabulary.is_instruction(unit)
            for c in self.vocabulary.clauses(unit)
        ]

    def check(
        self,
        sentence: str,
        passages: Sequence[tuple[str, str]],
        language: str,
        align: Aligner = stem_overlap,
    ) -> Verdict:
        """Does ``sentence`` say what ``passages`` ((text, section) of what it cites) say?"""
        claim = _LIST_MARK.sub("", _CITE.sub(" ", sentence)).strip()
        clauses = [c for text, section in passages for c in self.passage_clauses(text, section)]
        if not clauses:
            return Verdict(False, "no passage", "the cited passage holds only instructions")
        vocabulary = self.vocabulary
        for part in vocabulary.clauses(claim):
            score = align(vocabulary.strip_markers(part))
            scores = [score(c.text) for c in clauses]
            best = max(scores)
            contenders = [c for c, s in zip(clauses, scores, strict=True) if s >= best - MARGIN]
            want = vocabulary.stance(part)
            stances = {vocabulary.stance(c.text) for c in contenders}
            if stances != {want}:
                if len(stances) > 1:
                    problem = "contradiction"
                elif {s.negated for s in stances} != {want.negated}:
                    problem = "negation"
                else:
                    problem = "modality"
                found = ", ".join(sorted(map(str, stances)))
                return Verdict(False, problem, f"{part!r} is {want}; the passage: {found}")
            failures: list[Verdict] = []
            for c in contenders:
                missing = self.missing_bodies(part, c.text, language)
                if missing:
                    failures.append(Verdict(False, "body", f"{', '.join(missing)} in {part!r}"))
                elif not self.right_body_for_relation(part, c.text, language):
                    failures.append(Verdict(False, "body", f"another body acts in {c.text!r}"))
                elif not self.same_relation(part, c.text):
                    failures.append(Verdict(False, "relation", f"{part!r} vs {c.text!r}"))
                elif numbers := self.missing_numbers(part, c.text, c.section):
                    failures.append(Verdict(False, "number", f"{', '.join(numbers)} in {part!r}"))
                else:
                    break
            else:
                return failures[0]
        return Verdict(True)
