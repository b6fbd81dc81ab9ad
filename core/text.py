"""Text analysis for Swedish (and English) retrieval: words, stems, compounds, language.

Swedish writes compounds as one word: ``vänortssamarbeten`` is ``vänort`` + ``s`` +
``samarbeten``. A question about ``vänort`` must find it, so the index also holds the parts
of each compound, split against a lexicon of the corpus's own words (and the glossary's).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

from core import vocabulary

_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+")


@lru_cache(maxsize=2)
def stopwords(lang: str) -> frozenset[str]:
    """Stop words of one language: the list bm25s ships, plus the question words kept as data
    (``data/vocabulary/question_words.csv``). Applied per language, so a Swedish content word
    that is an English stop word ("is" = ice, "by" = village) stays in a Swedish text."""
    from bm25s.stopwords import STOPWORDS_EN_PLUS, STOPWORDS_SWEDISH

    base = STOPWORDS_SWEDISH if lang == "sv" else STOPWORDS_EN_PLUS
    return frozenset(base) | vocabulary.question_words(lang)


@lru_cache(maxsize=1)
def _language_markers() -> tuple[frozenset[str], frozenset[str]]:
    """Function words that only one of the two languages has: evidence of the language."""
    sv, en = stopwords("sv"), stopwords("en")
    return sv - en, en - sv


@lru_cache(maxsize=2)
def _stemmer(lang: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer("swedish" if lang == "sv" else "english")


def fold(word: str) -> str:
    """Without diacritics: "vänort" -> "vanort" (as typed on a keyboard without å/ä/ö)."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode() or word


def words(text: str) -> list[str]:
    """Lower-cased words; hyphens and punctuation separate words."""
    return [w.lower() for w in _WORD.findall(text)]


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each of ``words(text)`` stands in ``text`` (start, end)."""
    return [m.span() for m in _WORD.finditer(text)]


# A word this common in Swedish (wordfreq's Zipf scale: about once per 100 000 words) is
# a word in its own right, not a name that happens to end in -a.
_COMMON_ZIPF = 3.0


# An English word is "clearly English" when it is this much more common (on the Zipf scale: ten
# times) in English than in Swedish ("side" 5.5 / 3.8; "policy", "agenda", "partner" are both).
_CLEARLY_MORE = 1.0


@lru_cache(maxsize=50_000)
def clearly_english(word: str) -> bool:
    """Whether ``word`` is an English word rather than a Swedish one: "side" is not "sida"
    however Swedish stemming reads it."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= zipf_frequency(word, "sv") + _CLEARLY_MORE


# the endings of a noun's inflected forms after its base ("kontor|et", "revisor|erna")
_NOUN_ENDINGS = frozenset(("et", "ets", "en", "ens", "er", "ers", "erna", "ernas", "n", "ns"))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Swedish stem (the corpus language; English query words are translated, not stemmed).

    Snowball leaves the definite form of nouns in -a as it is ("resan", "frågan", "resans"),
    so "resan" would not find "resa" or "resor". Such a form is stemmed as its base when the
    base is a common Swedish word: "resan" -> "res", while "organ" and "Japan" stay."""
    stemmed = _stemmer("sv").stemWord(word)
    # Snowball takes "-or" from "kontor" ("kont") but not from "kontoret" ("kontor"), where
    # an ending came first: the inflected form gets its base form's stem, when Snowball
    # would take "-or" from that base too ("stora" -> "stor" stays)
    if (
        stemmed.endswith("or")
        and word[len(stemmed) :] in _NOUN_ENDINGS
        and word.startswith(stemmed)
        and _stemmer("sv").stemWord(stemmed) == stemmed[:-2]
    ):
        return stemmed[:-2]
    base = re.sub(r"(?<=or)ns?$", "", word) if len(word) >= 7 else word
    if base != word and _stemmer("sv").stemWord(base) == base[:-2]:
        return base[:-2]  # "rektorn", "revisorns": Snowball leaves the definite -n
    if len(stemmed) >= 5 and stemmed.endswith("j") and stemmed[-2] not in "aeiouyåäö":
        # "stödja", "stödjer" -> "stöd", as the noun and "stöder": the verb's -j- is no stem
        return stemmed[:-1]
    if len(stemmed) >= 5 and stemmed.endswith("an") and word.startswith(stemmed):
        from wordfreq import zipf_frequency

        base = stemmed[:-1]  # "resan" -> "resa"
        if zipf_frequency(base, "sv") >= _COMMON_ZIPF:
            return _stemmer("sv").stemWord(base)
    return stemmed


def detect_language(text: str) -> str:
    """``sv`` or ``en``, from function words and Swedish letters. Defaults to Swedish."""
    tokens = words(text)
    sv_only, en_only = _language_markers()
    sv = sum(t in sv_only for t in tokens)
    en = sum(t in en_only for t in tokens)
    if en > sv:
        return "en"
    if sv > en:
        return "sv"
    return "sv" if re.search(r"[åäöÅÄÖ]", text) or not tokens else "en"


class Lexicon:
    """Known Swedish words and stems, for splitting compounds into their parts."""

    MIN_PART = 4

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self.words = {w for w in vocabulary if len(w) >= self.MIN_PART and w not in stopwords("sv")}
        self.stems = {stem(w) for w in self.words}
        # "vanort" -> "vänort": words as people type them without å, ä, ö
        self.by_folded: dict[str, str] = {}
        # "anstalld" -> "anställd" when the library has only "anställda": by the stem
        self.stem_by_folded: dict[str, str] = {}
        for w in sorted(self.words):
            folded = fold(w)
            if folded != w:
                self.by_folded.setdefault(folded, w)
            stemmed = stem(w)
            if fold(stemmed) != stemmed:
                self.stem_by_folded.setdefault(fold(stemmed), stemmed)

    def restore(self, word: str) -> str:
        """The library's spelling of a word typed without å/ä/ö; the word itself otherwise."""
        if word in self.words:
            return word
        if word in self.by_folded:
            return self.by_folded[word]
        stemmed = stem(word)
        if stemmed in self.stems or not word.startswith(stemmed):
            return word
        restored = self.stem_by_folded.get(stemmed)
        return restored + word[len(stemmed) :] if restored else word

    def _known(self, part: str) -> bool:
        return len(part) >= self.MIN_PART and (part in self.words or stem(part) in self.stems)

    def _spelled(self, part: str) -> str | None:
        """The part as the library spells it (restoring å/ä/ö), or None if unknown."""
        if self._known(part):
            return part
        restored = self.by_folded.get(part)
        if restored is None and part.endswith("s"):  # a linking -s- on a folded head
            restored = self.by_folded.get(part[:-1])
            restored = restored + "s" if restored else None
        return (
            restored if restored and self._known(restored.removesuffix("s") or restored) else None
        )

    COGNATE_PREFIX = 6

    def cognates(self, english_word: str) -> list[str]:
        """Swedish stems sharing a word's first six letters: international/internationell,
        strategic/strategisk, prioritise/prioritet. Used for English words the glossary lacks."""
        if len(english_word) < self.COGNATE_PREFIX + 1:
            return []
        head = english_word[: self.COGNATE_PREFIX]
        return sorted({s for s in self.stems if s.startswith(head)})[:8]

    @lru_cache(maxsize=50_000)  # noqa: B019 - one lexicon per index, kept for its lifetime
    def split(self, word: str) -> tuple[str, ...]:
        """The parts of a compound, e.g. ``vänortssamarbeten`` -> (vänort, samarbeten), also
        when typed without å/ä/ö (``vanortssamarbeten``: the parts as the library spells
        them); () when the word is not a compound of known words."""
        if len(word) < 2 * self.MIN_PART:
            return ()
        for i in range(len(word) - self.MIN_PART, self.MIN_PART - 1, -1):
            head, tail = word[:i], word[i:]
            heads = [head]
            if head.endswith("s"):  # the Swedish linking -s- (fogemorfem): prefer the bare word
                heads.insert(0, head[:-1])
            for h in heads:
                spelled_head = self._spelled(h)
                if spelled_head is None:
                    continue
                spelled_tail = self._spelled(tail)
                if spelled_tail is not None:
                    return (spelled_head, spelled_tail)
                rest = self.split(tail)
                if rest:
                    return (spelled_head, *rest)
        return ()


def analyze(text: str, lexicon: Lexicon | None = None) -> list[str]:
    """Index terms of a (Swedish) text: stems of its content words, plus stems of compound
    parts."""
    stop = stopwords("sv")
    terms: list[str] = []
    for w in words(text):
        if w in stop:
            continue
        terms.append(stem(w))
        if lexicon is not None:
            terms.extend(stem(p) for p in lexicon.split(w))
    return terms


def typed_without_diacritics(text: str) -> bool:
    """Whether the asker types without å/ä/ö: none in a word of their own (a name, typed
    with its capital, may be pasted or known by heart: "Vem ansvarar for uppfoljningen i
    Västernorrland?")."""
    return not any(
        w[:1].islower() and re.search(r"[åäö]", w) for w in re.findall(r"[^\W\d_]+", text)
    )
