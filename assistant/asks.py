"""What a question asks for when it asks for something specific: a figure, a year, a person's
name, a contact, a list of named places, or a task that is not a question about the policies.

The rules are data (``data/vocabulary/asks.csv``): each kind has a pattern for the question
and a pattern for the evidence a passage must hold to answer it. The answerer refuses only on
this positive evidence: the question asks for something specific, and the passages about its
topic do not hold anything of that kind.

    >>> rules = AskRules.load()
    >>> rules.kinds("Hur mycket är traktamentet per dag?")
    ['amount']
    >>> rules.satisfied("amount", "Traktamentet är 450 kronor per dag.")
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from core import vocabulary
from core.text import fold

OFF_TASK = "off_task"
_DIACRITICS = re.compile(r"[åäöÅÄÖ]")
# The asks that a who-question can make: a name or contact details, or none of the policies'
# business. "Who answers questions about the per diem?" does not ask for the amount.
WHO_ASKS = frozenset({OFF_TASK, "person", "chair", "contact"})


@lru_cache(maxsize=1)
def _countries() -> str:
    """A regular expression of the world's country names in Swedish and English (pycountry's
    ISO 3166 names and their Swedish translations), for "{country}" in an evidence pattern.
    Sweden is left out: in a Swedish policy it is home, not one of the countries asked for."""
    names = [n for n, code in vocabulary.country_names().items() if code != "SE"]
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return rf"(?-i:\b(?:{alternation})s?\b)"  # a genitive too: "Norges och Finlands"


@lru_cache(maxsize=1)
def _given_names() -> str:
    """A regular expression of a person's name as a policy writes one: a given name from
    ``given_names.csv`` (a double name too: "Anna-Karin") and a capitalised surname, on one
    line, for "{person}" in an evidence pattern. Two capitalised words alone are no name:
    a heading and its first word, a title ("Jfr Nordisk strategi"), an organisation."""
    names = sorted(vocabulary.given_names(), key=len, reverse=True)
    given = "|".join(re.escape(n) for n in names)
    part = r"(?:O['’])?[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_]))+"  # any alphabet: "Wiśniewska"
    # the surname capitalised, in any alphabet; not an organisation word ("Mark Kommun")
    surname = rf"(?=[^\W\d_])(?=[^a-zåäöøæ])(?!(?:Kommun|Region|Stad|Landsting|Airport)\b){part}"
    return rf"(?-i:\b(?:{given})(?:-{part})? (?:{surname}-)?{surname}\b)"


@dataclass(frozen=True, slots=True)
class AskRule:
    kind: str
    asks: re.Pattern[str]
    evidence: re.Pattern[str] | None  # None: nothing in a policy answers it (off_task)
    asks_folded: re.Pattern[str]  # the same, for text typed without å/ä/ö
    object: re.Pattern[str] | None = None  # what a figure asked for is a figure of


@dataclass(frozen=True, slots=True)
class AskRules:
    rules: tuple[AskRule, ...]

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> AskRules:
        rules = []
        for row in vocabulary.rows("asks.csv"):
            evidence = (row.get("evidence") or "").replace("{country}", _countries())
            evidence = evidence.replace("{person}", _given_names())
            rules.append(
                AskRule(
                    row["kind"],
                    re.compile(row["asks"], re.I),
                    re.compile(evidence, re.I) if evidence else None,
                    re.compile(fold(row["asks"]), re.I),
                    re.compile(row["object"], re.I) if row.get("object") else None,
                )
            )
        return cls(tuple(rules))

    def kinds(self, question: str) -> list[str]:
        """The specific things ``question`` asks for, in the order of the rules."""
        # without å/ä/ö only where typed without them: folded, "vilket är" reads "vilket år"
        folded = fold(question)

        def typed_plain(rule: AskRule) -> bool:
            if len(folded) != len(question):
                return bool(rule.asks_folded.search(folded))
            return any(
                not _DIACRITICS.search(question[m.start() : m.end()])
                for m in rule.asks_folded.finditer(folded)
            )

        return [r.kind for r in self.rules if r.asks.search(question) or typed_plain(r)]

    def objects(self, kind: str, question: str) -> list[str]:
        """What the figure asked for is a figure of: "anställda" in "Hur många anställda har
        kontoret?", "daily allowance"; none when the rule names no object or none is found."""
        rule = next((r for r in self.rules if r.kind == kind), None)
        if rule is None or rule.object is None:
            return []
        return [g for m in rule.object.finditer(question) for g in m.groups() if g]

    def wording(self, question: str) -> str:
        """The words that say what is asked for ("which year", "hur gammalt"): they are the
        ask, not what it is about."""
        folded = fold(question)
        found = []
        for rule in self.rules:
            m = rule.asks.search(question) or rule.asks_folded.search(folded)
            if m:
                found.append(question[m.start() : m.end()])
        return " ".join(found)

    def satisfied(self, kind: str, text: str, *, ignore: Iterable[str] = ()) -> bool:
        """Whether ``text`` holds evidence of ``kind`` (a figure, a name, ...). Words in
        ``ignore`` (organisation names) are not evidence of a name."""
        rule = next((r for r in self.rules if r.kind == kind), None)
        if rule is None or rule.evidence is None:
            return False
        for word in ignore:
            text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", text)
        return bool(rule.evidence.search(text))
