"""Text analysis for Swedish (and English) retrieval: words, stems, compounds, language.

Swedish writes compounds as one word: ``vänortssamarbeten`` is ``vänort`` + ``s`` +
``samarbeten``. A question about ``vänort`` must find it, so the index also holds the parts
of each compound, split against a lexicon of the corpus's own words (and the glossary's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+")

# Snowball's Swedish stop words, plus question words that carry no content.
SV_STOP = frozenset(
    [
        "och",
        "det",
        "att",
        "i",
        "en",
        "jag",
        "hon",
        "som",
        "han",
        "på",
        "den",
        "med",
        "var",
        "sig",
        "för",
        "så",
        "till",
        "är",
        "men",
        "ett",
        "om",
        "hade",
        "de",
        "av",
        "icke",
        "mig",
        "du",
        "henne",
        "då",
        "sin",
        "nu",
        "har",
        "inte",
        "hans",
        "honom",
        "skulle",
        "hennes",
        "där",
        "min",
        "man",
        "ej",
        "vid",
        "kunde",
        "något",
        "från",
        "ut",
        "när",
        "efter",
        "upp",
        "vi",
        "dem",
        "vara",
        "vad",
        "över",
        "än",
        "dig",
        "kan",
        "sina",
        "här",
        "ha",
        "mot",
        "alla",
        "under",
        "någon",
        "eller",
        "allt",
        "mycket",
        "sedan",
        "ju",
        "denna",
        "själv",
        "detta",
        "åt",
        "utan",
        "varit",
        "hur",
        "ingen",
        "mitt",
        "ni",
        "bli",
        "blev",
        "oss",
        "din",
        "dessa",
        "några",
        "deras",
        "blir",
        "mina",
        "samma",
        "vilken",
        "er",
        "sådan",
        "vår",
        "blivit",
        "dess",
        "inom",
        "mellan",
        "sådant",
        "varför",
        "varje",
        "vilka",
        "ditt",
        "vem",
        "vilket",
        "sitt",
        "sådana",
        "vart",
        "dina",
        "vars",
        "vårt",
        "våra",
        "ert",
        "era",
        "vilkas",
        "också",
        "ska",
        "skall",
        "finns",
        "får",
        "fått",
        "gör",
        "göra",
        "enligt",
        "bland",
        "annat",
        "t",
        "ex",
        "bl",
        "a",
        "m",
        "m",
        "även",
        "vilket",
        "vilken",
        "hen",
    ]
)
EN_STOP = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "must",
        "may",
        "might",
        "shall",
        "according",
        "say",
        "says",
        "said",
        "tell",
        "me",
        "please",
        "one",
        "ones",
        "thing",
        "things",
        "anything",
        "something",
        "much",
        "many",
        "kind",
        "get",
        "got",
        "also",
        "whose",
    ]
)
STOPWORDS = SV_STOP | EN_STOP

_SV_ONLY_HINTS = frozenset(
    [
        "och",
        "att",
        "är",
        "det",
        "som",
        "för",
        "på",
        "med",
        "inte",
        "vad",
        "vem",
        "vilka",
        "vilket",
        "vilken",
        "hur",
        "ska",
        "skall",
        "där",
        "när",
        "eller",
        "jag",
        "vi",
        "gäller",
        "enligt",
        "finns",
    ]
)
_EN_ONLY_HINTS = frozenset(
    [
        "the",
        "and",
        "is",
        "are",
        "what",
        "who",
        "which",
        "how",
        "does",
        "do",
        "should",
        "must",
        "for",
        "of",
        "to",
        "in",
        "about",
        "with",
        "there",
        "when",
        "what's",
        "who's",
        "can",
        "i",
        "my",
        "our",
    ]
)


@lru_cache(maxsize=2)
def _stemmer(lang: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer("swedish" if lang == "sv" else "english")


def words(text: str) -> list[str]:
    """Lower-cased words; hyphens and punctuation separate words."""
    return [w.lower() for w in _WORD.findall(text)]


def stem(word: str) -> str:
    """Swedish stem (the corpus language; English query words are translated, not stemmed)."""
    return _stemmer("sv").stemWord(word)


def detect_language(text: str) -> str:
    """``sv`` or ``en``, from function words and Swedish letters. Defaults to Swedish."""
    tokens = words(text)
    sv = sum(t in _SV_ONLY_HINTS for t in tokens) + 0.5 * sum(t in SV_STOP for t in tokens)
    en = sum(t in _EN_ONLY_HINTS for t in tokens) + 0.5 * sum(t in EN_STOP for t in tokens)
    if en > sv:
        return "en"
    if sv > en:
        return "sv"
    return "sv" if re.search(r"[åäöÅÄÖ]", text) or not tokens else "en"


class Lexicon:
    """Known Swedish words and stems, for splitting compounds into their parts."""

    MIN_PART = 4

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self.words = {w for w in vocabulary if len(w) >= self.MIN_PART and w not in STOPWORDS}
        self.stems = {stem(w) for w in self.words}

    def _known(self, part: str) -> bool:
        return len(part) >= self.MIN_PART and (part in self.words or stem(part) in self.stems)

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
        """The parts of a compound, e.g. ``vänortssamarbeten`` -> (vänort, samarbeten);
        () when the word is not a compound of known words."""
        if len(word) < 2 * self.MIN_PART:
            return ()
        for i in range(len(word) - self.MIN_PART, self.MIN_PART - 1, -1):
            head, tail = word[:i], word[i:]
            heads = [head]
            if head.endswith("s"):  # the Swedish linking -s- (fogemorfem): prefer the bare word
                heads.insert(0, head[:-1])
            for h in heads:
                if not self._known(h):
                    continue
                if self._known(tail):
                    return (h, tail)
                rest = self.split(tail)
                if rest:
                    return (h, *rest)
        return ()


def analyze(text: str, lexicon: Lexicon | None = None) -> list[str]:
    """Index terms of a text: stems of its content words, plus stems of compound parts."""
    terms: list[str] = []
    for w in words(text):
        if w in STOPWORDS:
            continue
        terms.append(stem(w))
        if lexicon is not None:
            terms.extend(stem(p) for p in lexicon.split(w))
    return terms
