"""The Swedish–English glossary of public-administration terms (``data/glossary.csv``).

It carries English questions to the Swedish texts (``twinning`` -> ``vänort``), glosses Swedish
terms in quotes for English readers, and is shown to users as is, so each row is a real term
with its real translation. Columns: ``english``, ``swedish`` (alternatives separated by ``|``),
an optional ``note`` and an optional ``scope``:

- empty: one term in two languages, used both ways (English questions find the Swedish
  words; a Swedish question's word finds the row's other forms; Swedish quotes are glossed);
- ``questions``: English phrasings people use, with the Swedish words a policy may use for
  the same thing. It only carries English questions to the Swedish texts: its Swedish words
  are not synonyms of each other (``respektive`` is a spouse in speech, "respective" in a
  policy), so a Swedish question or quote never goes through it.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

import Stemmer

from core.errors import SettingsError
from core.text import fold, typed_without_diacritics, word_spans, words

SCOPES = ("", "questions")


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    english: tuple[str, ...]
    swedish: tuple[str, ...]
    note: str = ""
    scope: str = ""  # "" both ways; "questions": English questions to Swedish texts only

    @property
    def both_ways(self) -> bool:
        return self.scope != "questions"


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """A glossary phrase found in a text: where, and which entry."""

    start: int  # word index
    end: int  # word index, exclusive
    entry: GlossaryEntry
    side: str  # "en" or "sv"


@lru_cache(maxsize=1)
def _en_stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1)
def _sv_stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("swedish")


def _key(phrase_words: list[str], side: str) -> tuple[str, ...]:
    stemmer = _en_stemmer() if side == "en" else _sv_stemmer()
    return tuple(stemmer.stemWords(phrase_words))


def _extends(typed: list[str], terms: tuple[str, ...]) -> bool:
    """``typed`` is one of ``terms`` with endings added, word by word."""
    return any(
        len(t := words(term)) == len(typed)
        and all(w.startswith(x) for w, x in zip(typed, t, strict=True))
        for term in terms
    )


_HYPHENS = frozenset("-\u2010\u2011")  # hyphen-minus, hyphen, non-breaking hyphen


def _compound_of(text: str) -> list[int]:
    """For each word, the index of the first word of the hyphenated compound it is part of
    ("twin-town": both words point to "twin"; a word on its own points to itself)."""
    spans = word_spans(text)
    first: list[int] = []
    for i, (start, _) in enumerate(spans):
        joined = i > 0 and text[spans[i - 1][1] : start] in _HYPHENS
        first.append(first[i - 1] if joined else i)
    return first


def _splits_a_compound(compound: list[int], start: int, end: int) -> bool:
    """A phrase from ``start`` to ``end`` (exclusive) takes part of a hyphenated compound and
    words outside it: "entering a twin" in "entering a twin-town partnership". A phrase inside
    one compound ("EU" of "EU-samordnare") or holding it whole does not."""
    if compound[start] == compound[end - 1]:
        return False
    starts_inside = start > 0 and compound[start] == compound[start - 1]
    ends_inside = end < len(compound) and compound[end] == compound[end - 1]
    return starts_inside or ends_inside


class Glossary:
    def __init__(self, entries: list[GlossaryEntry]) -> None:
        self.entries = entries
        # "sv_folded": Swedish terms as typed without å/ä/ö ("vanort")
        self._phrases: dict[str, dict[tuple[str, ...], list[GlossaryEntry]]] = {
            "en": {},
            "sv": {},
            "sv_folded": {},
            "en_exact": {},  # as written: "training" is training, not a "train"
        }
        for entry in entries:
            sides = [("en", entry.english)]
            if entry.both_ways:
                sides.append(("sv", entry.swedish))
            for side, terms in sides:
                for term in terms:
                    key = _key(words(term), side)
                    keys = [(side, key)]
                    if side == "en":
                        keys.append(("en_exact", tuple(words(term))))
                    if side == "sv":
                        keys.append(("sv_folded", _key([fold(w) for w in words(term)], side)))
                    for where, k in keys:
                        bucket = self._phrases[where].setdefault(k, []) if k else None
                        if bucket is not None and entry not in bucket:
                            bucket.append(entry)
        self._longest = max((len(k) for side in self._phrases.values() for k in side), default=1)

    @classmethod
    def load(cls, path: Path) -> Glossary:
        if not path.exists():
            raise SettingsError(
                f"The glossary {path} does not exist. Set POLICY_ASSISTANT_GLOSSARY_PATH to a CSV "
                "with columns english,swedish,note, or unset it to use data/glossary.csv."
            )
        entries = []
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                english = tuple(
                    t.strip() for t in (row.get("english") or "").split("|") if t.strip()
                )
                swedish = tuple(
                    t.strip() for t in (row.get("swedish") or "").split("|") if t.strip()
                )
                scope = (row.get("scope") or "").strip()
                if scope not in SCOPES:
                    row_name = english[0] if english else "?"
                    raise SettingsError(
                        f"The glossary {path} has scope {scope!r} in the row for {row_name!r}; "
                        f"use one of {', '.join(repr(s) for s in SCOPES)}."
                    )
                if english and swedish:
                    note = (row.get("note") or "").strip()
                    entries.append(GlossaryEntry(english, swedish, note, scope))
        return cls(entries)

    def two_way(self) -> Glossary:
        """Only the rows that translate a term (no question phrasings): what checking that a
        sentence says what its passage says may rely on."""
        return Glossary([e for e in self.entries if e.both_ways])

    @property
    def swedish_vocabulary(self) -> set[str]:
        return {w for e in self.entries if e.both_ways for term in e.swedish for w in words(term)}

    def find(self, text: str, side: str) -> list[PhraseMatch]:
        """Glossary phrases in ``text`` (longest first, not overlapping), on one language side."""
        tokens = words(text)
        stemmer = _en_stemmer() if side == "en" else _sv_stemmer()
        stems = stemmer.stemWords(tokens)
        # a text typed with å/ä/ö means what it says: "gav" is not "gåva" typed without them
        plain = typed_without_diacritics(text)
        compound = _compound_of(text)
        matches: list[PhraseMatch] = []
        i = 0
        while i < len(stems):
            for size in range(min(self._longest, len(stems) - i), 0, -1):
                if _splits_a_compound(compound, i, i + size):
                    continue
                key = tuple(stems[i : i + size])
                found = self._phrases[side].get(key)
                if found and side == "en":
                    # a word written as an entry lists it means that entry, not another
                    # entry's word with the same stem ("training", "train"); otherwise the
                    # entries with a term the typed words extend ("allowed": allow, not
                    # allowance)
                    typed = tokens[i : i + size]
                    found = (
                        self._phrases["en_exact"].get(tuple(typed))
                        or [e for e in found if _extends(typed, e.english)]
                        or found
                    )
                if not found and side == "sv" and plain:
                    folded = tuple(_sv_stemmer().stemWords([fold(t) for t in tokens[i : i + size]]))
                    found = self._phrases["sv_folded"].get(folded)
                if found:
                    matches.extend(PhraseMatch(i, i + size, entry, side) for entry in found)
                    i += size
                    break
            else:
                i += 1
        return matches

    def gloss(self, swedish_text: str, limit: int = 6) -> list[tuple[str, str]]:
        """(Swedish phrase as written, English gloss) for the glossary terms in a Swedish text
        that an English reader needs: not cognates, not everyday words; at most ``limit``."""
        from wordfreq import zipf_frequency

        tokens = words(swedish_text)
        seen: set[str] = set()
        out: list[tuple[str, str]] = []
        for match in _closest_entries(self.find(swedish_text, "sv"), tokens):
            phrase = " ".join(tokens[match.start : match.end])
            english = match.entry.english[0]
            # Cognates ("policy", "internationell", "lokal", "representerar") need no gloss;
            # nor do they take another sense of their entry ("representerar = ambassador")
            if phrase in seen or len(phrase) < 4:
                continue
            seen.add(phrase)  # a cognate takes no other entry's sense either ("kontaktar")
            if phrase[:5] == english.lower()[:5] or any(
                _cognate(phrase, e) for e in match.entry.english
            ):
                continue
            if zipf_frequency(phrase, "sv") >= 4.6:  # "arbete", "utveckling": common words
                continue
            out.append((phrase, english))
        return out[:limit]


def _closest_entries(matches: list[PhraseMatch], tokens: list[str]) -> list[PhraseMatch]:
    """Of the entries found for one phrase, the one whose Swedish term is nearest to it as
    written: "samordnaren" is the coordinator (samordnaren), not coordination (samordna), and
    "beredningens" the committee (beredningen), not the preparing (beredning). Entries keep
    their order; a tie goes to the first."""

    def nearness(match: PhraseMatch) -> int:
        phrase = " ".join(tokens[match.start : match.end]).lower()
        return max(len(os.path.commonprefix([phrase, t.lower()])) for t in match.entry.swedish)

    best: dict[tuple[int, int], PhraseMatch] = {}
    for match in matches:
        span = (match.start, match.end)
        if span not in best or nearness(match) > nearness(best[span]):
            best[span] = match
    return [m for m in matches if best[(m.start, m.end)] is m]


# how alike two whole words must be to be one word in two languages (difflib's ratio:
# "lokal"/"local" 0.80, "representerar"/"represent" 0.82, "kontakter"/"contact" 0.75)
COGNATE_LIKENESS = 0.8


def _cognate(swedish: str, english: str) -> bool:
    """ "lokal" and "local", "representerar" and "represent": one word, spelt a little
    differently (the whole words nearly alike)."""
    return SequenceMatcher(None, swedish.lower(), english.lower()).ratio() >= COGNATE_LIKENESS
