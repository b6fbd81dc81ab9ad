"""Vocabulary the method uses, read from data files beside the glossary (``data/vocabulary/``).

Knowledge of how Swedish policies phrase things lives in these files, not in code, so a site
can extend it for its own documents without touching the program:

- ``relations.csv``: how a duty is said (verb phrases, nouns, passive and other patterns), the
  normalised relation each phrase stands for, its English reading and its kind;
- ``bodies.csv``: how a body or role is named (the end of its name), plus the glossary's terms
  for bodies;
- ``clause_words.csv``: closed word classes (modal verbs, adverbs, prepositions, ...);
- ``question_words.csv``: words that frame a question;
- ``document_types.csv``: a document's type from its title (for guessed catalog entries);
- ``guide_points.csv``: the points of the pre-trip checklist and the onboarding overview.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from core.settings import PROJECT_ROOT

VOCABULARY_DIR = PROJECT_ROOT / "data" / "vocabulary"
GLOSSARY_FILE = PROJECT_ROOT / "data" / "glossary.csv"

KINDS = (
    "decides",
    "responsible",
    "coordinates",
    "leads",
    "prepares",
    "represents",
    "supports",
    "commissioned",
)


def rows(name: str) -> list[dict[str, str]]:
    """The rows of a CSV vocabulary file (lines starting with # are comments)."""
    path = VOCABULARY_DIR / name
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            {k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(line for line in fh if not line.startswith("#"))
        ]


@dataclass(frozen=True, slots=True)
class RelationPhrase:
    """One way of saying a duty (a row of ``relations.csv``)."""

    phrase: str  # as written; form "pattern" holds {body} and {matter}
    relation: str  # normalised Swedish
    kind: str
    form: str  # "verb", "noun", "task" or "pattern"
    not_before: tuple[str, ...] = ()

    @property
    def words(self) -> tuple[str, ...]:
        """The phrase's own words, without slots, wildcards or compound marks."""
        return tuple(
            w.lstrip("~") for w in self.phrase.split() if not w.startswith("{") and w != "*"
        )


@dataclass(frozen=True, slots=True)
class Relations:
    """How a responsibility is phrased: surface phrase -> normalised Swedish relation, the
    English rendering and the kind of each normalised relation."""

    phrases: dict[str, str]
    english: dict[str, str]
    kinds: dict[str, str]
    entries: tuple[RelationPhrase, ...] = ()

    def to_english(self, relation: str) -> str:
        return self.english.get(relation, relation)

    def kind(self, relation: str) -> str:
        """decides, responsible, coordinates, ... ("responsible" for a relation not listed)."""
        return self.kinds.get(relation, "responsible")

    def of_form(self, form: str) -> tuple[RelationPhrase, ...]:
        return tuple(e for e in self.entries if e.form == form)


@lru_cache(maxsize=1)
def relations() -> Relations:
    table = rows("relations.csv")
    entries = []
    kinds: dict[str, str] = {}
    for r in table:
        kind = r.get("kind") or "responsible"
        if kind not in KINDS:
            raise ValueError(f"relations.csv: unknown kind {kind!r} for {r['phrase']!r}")
        if kinds.setdefault(r["relation"], kind) != kind:
            raise ValueError(f"relations.csv: relation {r['relation']!r} has two kinds")
        entries.append(
            RelationPhrase(
                phrase=r["phrase"],
                relation=r["relation"],
                kind=kind,
                form=r.get("form") or "verb",
                not_before=tuple((r.get("not_before") or "").split()),
            )
        )
    return Relations(
        # the verb and noun forms: what a question asks with ("Vem beslutar om ...?")
        phrases={" ".join(e.words): e.relation for e in entries if e.form in ("verb", "noun")},
        english={r["relation"]: r["english"] for r in table},
        kinds=kinds,
        entries=tuple(entries),
    )


# Endings a Swedish noun takes (definite, plural, definite plural), for matching a body's name.
INFLECTIONS = ("", "n", "en", "et", "na", "er", "erna", "ar", "arna", "r", "rna", "nen")


@dataclass(frozen=True, slots=True)
class Bodies:
    """How bodies and roles are named: the ends of their names, and whole words."""

    suffixes: tuple[str, ...]
    words: frozenset[str]
    roles: tuple[str, ...] = ()  # a person's post: "handläggaren på enheten" names one
    # words that end like a body's name but are none ("erfarenheterna" is not an "enhet")
    others: frozenset[str] = frozenset()
    company_forms: frozenset[str] = frozenset()  # "AB": as written, after a company's name

    def is_company_form(self, word: str) -> bool:
        return word.strip(".,;:()") in self.company_forms

    def is_role_word(self, word: str) -> bool:
        """Whether ``word`` names a person's post (handläggaren, samordnare), whose place
        ("på internationella enheten") belongs to the name."""
        w = word.lower().strip(".,;:()")
        return any(w.endswith(form) for role in self.roles for form in _forms(role))

    def is_body_word(self, word: str) -> bool:
        """Whether ``word`` can be the head of a body's name: kommunstyrelsen, nämnderna,
        kultur- och fritidsnämnden, medarbetare."""
        if self.is_company_form(word):
            return True
        w = word.lower().strip(".,;:()")
        if w.endswith("-"):
            return False
        if w in self.words:
            return True
        if any(w.endswith(other + ending) for other in self.others for ending in INFLECTIONS):
            return False
        return any(
            w.endswith(form) and _compound_head(w[: len(w) - len(form)])
            for suffix in self.suffixes
            for form in _forms(suffix)
        )


def _forms(head: str) -> tuple[str, ...]:
    """A body's or post's head word in its inflections; an agent noun in -are drops its -e
    in the definite plural ("sekreterare" -> "sekreterarna")."""
    forms = tuple(head + ending for ending in INFLECTIONS)
    return (*forms, head[:-1] + "na") if head.endswith("are") else forms


def _compound_head(first: str) -> bool:
    """Whether a body's suffix ends a name made of a real first part ("kommun|styrelsen",
    "utvecklings|enheten", "EU-|rådet") rather than another word that ends the same way
    ("öpp|enhet", "om|rådet")."""
    if not first or first.endswith("-") or (first.endswith("s") and len(first) >= 4):
        return True
    from wordfreq import zipf_frequency

    if len(first) >= 4 and first.endswith("e") and zipf_frequency(first[:-1] + "a", "sv") >= 2.5:
        return True  # "rese|ledaren": a noun in -a joins a compound with -e ("resa")
    return len(first) >= 3 and zipf_frequency(first, "sv") >= 2.5


def _glossary_body_terms(heads: set[str]) -> set[str]:
    """Swedish words of glossary entries that name a body: one of their English terms is a
    body word (``board``, ``officials``), or their first one ends in it (``head of
    department``). Returns the last word of each of their Swedish terms."""
    if not GLOSSARY_FILE.exists():
        return set()
    found: set[str] = set()
    with GLOSSARY_FILE.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if (row.get("scope") or "").strip():  # question phrasings name no bodies
                continue
            # the head of "X of Y" is X: "head of department" names a body, "term of
            # office" does not
            english = [
                t.strip().lower().split(" of ")[0] for t in (row.get("english") or "").split("|")
            ]
            if not (
                any(t in heads for t in english) or any(english[0].endswith(" " + h) for h in heads)
            ):
                continue
            for term in (row.get("swedish") or "").split("|"):
                if term.strip():
                    found.add(term.strip().lower().split()[-1])
    return found


@lru_cache(maxsize=1)
def bodies() -> Bodies:
    table = rows("bodies.csv")
    suffixes = tuple(r["term"].lower() for r in table if r["kind"] in ("suffix", "role"))
    roles = tuple(r["term"].lower() for r in table if r["kind"] == "role")
    others = frozenset(r["term"].lower() for r in table if r["kind"] == "not_body")
    heads = {r["term"].lower() for r in table if r["kind"] == "english_head"}
    words = {r["term"].lower() for r in table if r["kind"] == "word"}
    words |= _glossary_body_terms(heads)
    inflected = {w + e for w in words for e in INFLECTIONS}
    forms = frozenset(r["term"] for r in table if r["kind"] == "company_form")
    return Bodies(
        suffixes=suffixes,
        words=frozenset(inflected),
        roles=roles,
        others=others,
        company_forms=forms,
    )


@lru_cache(maxsize=1)
def clause_words() -> dict[str, tuple[str, ...]]:
    """Closed word classes by name (``modal``, ``adverb``, ``preposition``, ...), longest
    entries first so that "bland annat" is tried before "bland"."""
    out: dict[str, tuple[str, ...]] = {}
    for row in rows("clause_words.csv"):
        entries = [w.strip() for w in row["words"].split("|") if w.strip()]
        out[row["class"]] = tuple(sorted(entries, key=len, reverse=True))
    return out


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Every country's names in Swedish and English, each with its ISO 3166 alpha-2 code:
    pycountry's names and their Swedish translations, and the everyday names of
    ``countries.csv`` ("Ryssland", "Holland") that the ISO list lacks."""
    import gettext

    import pycountry

    swedish = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["sv"])
    names = {row["name"]: row["code"] for row in rows("countries.csv")}
    for country in pycountry.countries:
        official = country.name
        common = getattr(country, "common_name", "") or official
        for name in (official, common, swedish.gettext(official), swedish.gettext(common)):
            if name and "," not in name and "(" not in name:
                names.setdefault(name, country.alpha_2)
    return names


@lru_cache(maxsize=1)
def destination_terms() -> dict[str, tuple[str, ...]]:
    """For each country code, how travel rules name the groups a trip there falls in or
    outside of ("DE": EU, Europa, utanför Norden, utomlands): ``country_groups.csv``."""
    groups = rows("country_groups.csv")
    found: dict[str, tuple[str, ...]] = {}
    for code in set(country_names().values()) - {"SE"}:
        terms: list[str] = []
        for g in groups:
            inside, outside = g["inside"].split("|"), [t for t in g["outside"].split("|") if t]
            if g["members"] == "*" or code in g["members"].split():
                terms += inside
            elif code not in g["ambiguous"].split():
                terms += outside
        found[code] = tuple(terms)
    return found


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names (``given_names.csv``): a person named after a post ("administratören
    Oskar Wennberg") is not part of the post's name."""
    return frozenset(row["name"] for row in rows("given_names.csv"))


@lru_cache(maxsize=1)
def organisation_words() -> frozenset[str]:
    """Words that stand beside an organisation's name ("Region", "kommun", "läns landsting",
    "Kommunalförbundet"), lower-case."""
    return frozenset(w for row in rows("organisation_words.csv") for w in row["words"].split())


@lru_cache(maxsize=1)
def document_types() -> tuple[tuple[str, str], ...]:
    """(title word, catalog type) pairs: ``policy`` -> policy, ``riktlinjer`` -> riktlinjer."""
    return tuple((r["word"].lower(), r["type"]) for r in rows("document_types.csv"))


@dataclass(frozen=True, slots=True)
class GuidePoint:
    """A point of the checklist or the onboarding overview (a row of ``guide_points.csv``)."""

    guide: str  # "checklist" or "onboarding"
    key: str
    sv: str
    en: str
    groups: tuple[tuple[str, ...], ...]  # every group needs one of its terms
    map_kinds: tuple[str, ...] = ()
    map_terms: tuple[str, ...] = ()


@lru_cache(maxsize=2)
def guide_points(guide: str) -> tuple[GuidePoint, ...]:
    def split(value: str) -> tuple[str, ...]:
        return tuple(t.strip() for t in value.split("|") if t.strip())

    return tuple(
        GuidePoint(
            guide=r["guide"],
            key=r["id"],
            sv=r["sv"],
            en=r["en"],
            groups=tuple(split(g) for g in r["terms"].split(";") if split(g)),
            map_kinds=split(r.get("map_kinds", "")),
            map_terms=split(r.get("map_terms", "")),
        )
        for r in rows("guide_points.csv")
        if r["guide"] == guide
    )


@lru_cache(maxsize=2)
def question_words(lang: str) -> frozenset[str]:
    """Words that frame a question without saying what it is about ("enligt", "tell")."""
    return frozenset(
        w for row in rows("question_words.csv") if row["lang"] == lang for w in row["words"].split()
    )
