"""Responsibility statements in a passage: *body -> relation -> matter*, found by the ways
Swedish public documents say who holds a duty. Run at ingest; the statements are stored with
each passage, and the assistant reads the map back from the index.

What is recognised (the phrases themselves live in ``data/vocabulary/relations.csv``, how
bodies are named in ``bodies.csv``, the closed word classes in ``clause_words.csv``):

- active: ``Kulturnämnden beslutar om bidrag``, with a modal (``Förvaltningschefen får
  besluta om ...``), adverbs (``Nämnderna ansvarar själva för ...``) or the verb first after
  an adverbial (``Vid besök ansvarar värdkommunen för ...``);
- passive and participles: ``Utlandsresor godkänns av nämndens ordförande``, ``Vår
  EU-strategi, som beslutats av kommunfullmäktige, ...``, ``Programmet är fastställt av ...``,
  ``Beslut om nya vänorter fattas av kommunfullmäktige``;
- nominal: ``Ansvaret för X ligger hos Y``, ``Det åligger Y att X``, ``Y har till uppgift att
  X``, ``Y har nämndens uppdrag att X``, ``Y:s uppgift är att X``;
- coordination: ``Y ger stöd till Z och ansvarar för X`` gives two rows, ``..., och för
  politiker av arbetsutskottet`` gives the second body its own row;
- lists under a lead-in (``Kommunstyrelsen ansvarar för:``), an item that is itself a duty in
  the infinitive (``besluta om medlemskap``) taking that verb;
- sections headed by a body, and lines ``Kommunstyrelsen – samordnar ...`` or
  ``Kommunstyrelsen: ...`` (in sections on responsibility and organisation, a line naming a body
  and a duty without a verb is a responsibility).

A body is recognised by how Swedish names one (the end of its head word: ``...nämnden``,
``...kontoret``, ``...chefen``; or a glossary term for a body), never by a list of any
document's bodies. The body is the subject only (``Kanslienheten, som hör till
kommunledningskontoret, ansvarar`` -> ``Kanslienheten``); the matter ends where another clause
begins (a new finite verb after ``och``, a subordinate clause after a comma).

    Regionfullmäktige beslutar om:               ->  (Regionfullmäktige, beslutar om, vänortsavtal)
    - vänortsavtal
    Handlingsplanen fastställs av kommunstyrelsen
                                                 ->  (Kommunstyrelsen, fastställer, Handlingsplanen)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from core import vocabulary
from core.structure import LIST_MARK, TABLE_CELL, blocks, sentences
from core.text import clearly_english, stopwords

Triple = tuple[str, str, str]

_RELATIONS = vocabulary.relations()
_BODIES = vocabulary.bodies()
_WORDS = vocabulary.clause_words()

# "Hälso- och sjukvårdsnämnden" is one name: its words are joined while a sentence is read.
_JOIN = "\u2060"
_SUSPENDED = re.compile(r"(\w-),?\s+(och|eller|samt)\s+(?=\w)")
_WORD_CHARS = rf"[\w{_JOIN}:()-]"


def _alternation(entries: tuple[str, ...]) -> str:
    return "|".join(r"\s+".join(re.escape(w) for w in e.split()) for e in entries)


def _class(name: str) -> frozenset[str]:
    return frozenset(_WORDS.get(name, ()))


_ADVERB = _alternation(_WORDS["adverb"])
_MODAL = _alternation(_WORDS["modal"])
_NEGATION = _class("negation")
_NOT_ONLY = _alternation(_WORDS["not_only"])
_PREPOSITIONS = _class("preposition")
_PEOPLE_FOR = _class("people_for")
_SUBORDINATORS = _class("subordinator")
_COORDINATORS = _class("coordinator")
_DETERMINERS = _class("determiner")
_QUANTIFIERS = _class("quantifier")
_PRONOUNS = _class("pronoun")
_FINITE = _class("finite")
_DUTY_HEADINGS = _class("duty_heading")
_DUTY_NOUNS = _class("duty_noun")
_ADVERBS = _class("adverb")
_VERB_PREFIXES = _class("verb_prefix")
_PARTICLES = _class("particle")
_DETERMINER_LIKE = _class("determiner_like")
_BEARING = _alternation(_WORDS["bearing"])
# Endings of the words that may stand before a body's head: adjectives and participles
# (regionala, ansvarig, närmaste, berörda), genitives (kommunstyrelsens).
_MODIFIER_ENDINGS = ("a", "e", "t", "ig", "isk", "ad", "s", "na", "ande", "ende")
# "Internationell samordnare", "Regional samordnare": an adjective whose ending nouns share
# ("material", "hotell"), so its -a form must be a word too (clause_words.csv)
_INDEFINITE_ADJECTIVE_ENDINGS = tuple(_class("indefinite_adjective_ending"))
_GEMINATE_ADJECTIVE_ENDINGS = tuple(_class("geminate_adjective_ending"))
_LABEL_ROLES = _class("label_role")
_SV_STOP = stopwords("sv")


# -- words ----------------------------------------------------------------------------------
def _bare(token: str) -> str:
    return token.lower().strip(".,;:!?”\"'")


def _known(form: str) -> bool:
    """A Swedish word in common use (wordfreq): how the verb rules tell a real inflected form
    from a made-up one."""
    from wordfreq import zipf_frequency

    return zipf_frequency(form, "sv") >= 2.0


@lru_cache(maxsize=50_000)
def is_finite_verb(word: str) -> bool:
    """Whether a word is (probably) a finite verb: a closed list of common irregular verbs,
    or a regular ending whose past tense is a known Swedish word (``betalar`` -> betalade,
    ``handlägger`` -> no, ``leder`` -> ledde, ``bereds`` -> beredde). Nouns in -er/-ar
    (``kontakter``, ``kostnader``) have no such past form."""
    w = _bare(word)
    if not w.isalpha():
        return False
    if w in _FINITE:
        return True
    if len(w) < 4 or _BODIES.is_body_word(w):
        return False
    for prefix in _VERB_PREFIXES:  # föreslår, innebär, ingår: a prefix and an irregular verb
        if w.startswith(prefix) and w[len(prefix) :] in _FINITE and len(w) - len(prefix) >= 3:
            return _known(w)
    if w.endswith("ar"):
        return _known(w[:-2] + "ade")
    if w.endswith("er"):
        return any(_known(w[:-2] + e) for e in ("de", "te", "dde"))
    if w.endswith("r") and w[-2] in "aeiouyåäö":
        return _known(w[:-1] + "dde")
    if w.endswith("as"):
        return _known(w[:-2] + "ade")
    if w.endswith(("ans", "ens")):
        return False  # a genitive ("resans", "kommunens"): no passive ends so ("resande")
    if w.endswith("s"):
        return any(_known(w[:-1] + e) for e in ("de", "te"))
    if w.endswith("ade"):
        return _known(w[:-3] + "ar")
    return False


def _is_body_token(token: str) -> bool:
    return _BODIES.is_body_word(token.split(_JOIN)[-1])


def _is_parenthetical(token: str) -> bool:
    return bool(re.fullmatch(r"\([A-ZÅÄÖ]{2,8}\)[,.;:]?", token))


def _capitalise(text: str) -> str:
    text = text.replace(_JOIN, " ").strip()
    return text[:1].upper() + text[1:]


def _restore(text: str) -> str:
    return text.replace(_JOIN, " ").strip()


# -- bodies ---------------------------------------------------------------------------------
def _modifier(token: str) -> bool:
    """A word that can stand before a body's head: an article or quantifier, an adjective or
    participle, a genitive, a body's name (in "X och Y")."""
    w = _bare(token)
    return (
        w in _DETERMINERS
        or w in _QUANTIFIERS
        or _is_body_token(token)
        or (w.endswith(_MODIFIER_ENDINGS) and not is_finite_verb(w))
        or (w.endswith(_INDEFINITE_ADJECTIVE_ENDINGS) and _attested(w + "a"))
        or (w.endswith(_GEMINATE_ADJECTIVE_ENDINGS) and _attested(w + w[-1] + "a"))
    )


def _without_remarks(text: str) -> str:
    """``text`` less what stands in brackets ("Kulturförvaltningen (i samråd med …)")."""
    return re.sub(r"\s*\([^)]*\)", "", text)


def _name_word(token: str) -> bool:
    """A word of a proper name: capitalised, and no function word or adverb ("Även")."""
    w = _bare(token)
    return token[:1].isupper() and w not in _SV_STOP and w not in _ADVERBS


def _attested(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "sv") >= 2.0  # a word of the language, however rare


def _names_a_field(tokens: Sequence[str]) -> bool:
    """ "ansvar för näringslivsfrågor" after "med": a post's field, not "ansvar för att …"."""
    return (
        len(tokens) >= 3
        and _bare(tokens[0]) in _DUTY_NOUNS
        and _bare(tokens[1]) == "för"
        and _bare(tokens[2]) != "att"
    )


def _noun_phrase(tokens: list[str]) -> str | None:
    """The body named by ``tokens`` (a subject or the words after "av"), or None when the
    phrase's head is not a body. Keeps what names the body ("Avdelningen för tillväxt", "Alla
    anställda med budgetansvar", an abbreviation "(KLK)"), drops where it sits
    ("Projektenheten vid regionkansliet"), unless the head is a post ("Handläggaren på
    internationella enheten"), and articles."""
    tokens = [t for t in tokens if t]
    while tokens and _bare(tokens[0]) in _DETERMINERS and len(tokens) > 1:
        tokens = tokens[1:]
    if not tokens or _bare(tokens[0]) in _NEGATION:
        return None  # "inte förvaltningen": no body holds what is denied
    split = next(
        (i for i, t in enumerate(tokens) if _bare(t) in _PREPOSITIONS and i > 0), len(tokens)
    )
    head_part, tail = tokens[:split], tokens[split:]
    if not head_part or len(head_part) > 6 or _bare(head_part[0]) in _PREPOSITIONS:
        return None
    groups: list[list[str]] = [[]]
    for t in head_part:
        if _bare(t) in _COORDINATORS:
            groups.append([])
            continue
        groups[-1].append(t)
        if t.endswith(","):
            groups.append([])
    groups = [g for g in groups if g]
    for group in groups:
        words = [t for t in group if not _is_parenthetical(t)]
        if not words or not _is_body_token(words[-1].rstrip(",")):
            return None
        company = _BODIES.is_company_form(words[-1])  # "Ekeshamns Hamn AB": its name
        if not all(_modifier(w) or (company and _name_word(w)) for w in words[:-1]):
            return None
        if any(
            (is_finite_verb(w) or _bare(w) in _SUBORDINATORS) and not _is_body_token(w)
            for w in words
        ):
            return None
    kept = list(head_part)
    if tail and len(tail) > 1:
        first, second = _bare(tail[0]), _bare(tail[1])
        quantified = _bare(head_part[0]) in _QUANTIFIERS
        # "närmaste chef för anställda": whom the duty is for, not the post's field
        names_field = (
            first == "för"
            and second != "att"
            and not second[:1].isdigit()
            and not _people_for(tail[1:])
        )
        # "Kommunalrådet med ansvar för näringslivsfrågor": a post named by its field
        has_field = first == "med" and _names_a_field(tail[1:])
        if names_field or (first == "med" and quantified) or has_field:
            attribute: list[str] = []
            for k, t in enumerate(tail):
                if (
                    has_field
                    and _bare(t) in _COORDINATORS
                    and _is_body_token("".join(tail[k + 1 : k + 2]).rstrip(",.;:"))
                ):
                    break  # "Handläggaren med ansvar för EU-frågor och kansliet": two bodies
                if attribute and (
                    _bare(t) in _SUBORDINATORS
                    or (is_finite_verb(t) and not _is_body_token(t))
                    or (_bare(t) in _PREPOSITIONS and _bare(t) not in ("för", "med"))
                ):
                    break
                attribute.append(t)
                if re.search(r"[,.;:]$", t) or len(attribute) >= 6:
                    break
            kept += attribute
            rest = tail[len(attribute) :]
            if _BODIES.is_role_word(head_part[-1].rstrip(",")) and not attribute[-1].endswith(","):
                # "Handläggaren för internationella frågor vid kommunledningskontoret"
                kept += _post_place(rest)
        elif _identified_place(first, second):
            # "presidiet i den nämnd [som …]": which one it is, named by what follows
            kept += tail
        elif place := _place_after(tail):
            # "kommunfullmäktige i Lingsjö", "kontorschefen i Bryssel": the place's name
            # says which one (of two parties, or of the organisation's offices)
            kept += place
        elif first in _PLACES and _BODIES.is_role_word(head_part[-1].rstrip(",")):
            # "Handläggaren på internationella enheten": a post is named with its place
            kept += _post_place(tail)
    return _capitalise(" ".join(kept).rstrip(",.;:"))


def _place_after(tail: list[str]) -> list[str]:
    """ "i Lingsjö", "hos Region Fjällby", "i Sjöbacka stad": a place's name after a body
    (the preposition, the name's words, an organisation word after them), or [] when what
    follows is no place's name: a capitalised common word ("i Teams", "i Rådhuset") is not."""
    if len(tail) < 2 or _bare(tail[0]) not in ("i", "hos") or not _name_word(tail[1]):
        return []
    kept = tail[:2]
    for t in tail[2:4]:
        if not (_name_word(t) or _bare(t) in _ORGANISATION_WORDS) or kept[-1][-1:] in ",.;:":
            break
        kept.append(t)
    named = [_bare(t) for t in kept[1:]]
    if any(w in _ORGANISATION_WORDS for w in named) or not any(map(_common_word, named)):
        return kept
    return []


def _common_word(word: str) -> bool:
    """A capitalised word that is no place's name: a definite noun ("Rådhuset"), a
    participle ("Brådskande"), an English word ("Teams")."""
    if word.endswith(("ande", "ende")) or clearly_english(word):
        return True
    return any(
        word.endswith(ending) and len(word) - len(ending) >= 3 and _attested(word[: -len(ending)])
        for ending in ("et", "en", "arna", "erna", "na")
    )


def _post_place(tail: list[str]) -> list[str]:
    """Where a post sits, when the words after it say so: "på internationella enheten", "i
    Bryssel" (a body, or a place by its name, all its words); nothing otherwise."""
    if len(tail) < 2 or _bare(tail[0]) not in _PLACES:
        return []
    place = next((i for i, t in enumerate(tail[1:5], 1) if _is_body_token(t.rstrip(",.;:"))), None)
    if place is not None and all(_modifier(t) for t in tail[1:place]):
        return tail[: place + 1]  # "på internationella enheten", "på Härjedalens kommun"
    name = 0
    for t in tail[1:5]:  # "i Bryssel", "i Europaforum Norra Sverige"
        if not t[:1].isupper() or _bare(t) in _DETERMINER_LIKE | _PRONOUNS:
            break
        name += 1
        if re.search(r"[,.;:]$", t):
            break
    return tail[: name + 1] if name else []


_PLACES = frozenset(("på", "vid", "inom", "hos", "i"))
# words that open a clause saying which one a determiner's noun is ("den nämnd som …")
_RELATIVE_OPENERS = frozenset(("som", "vars", "där"))


def _identified_place(preposition: str, determiner: str) -> bool:
    """ "i den [nämnd som …]": where a body sits, said of a noun a clause identifies."""
    return _bare(preposition) in _PLACES and _bare(determiner) in _IDENTIFYING


def body_after(text: str) -> tuple[str | None, str]:
    """The body at the start of ``text`` (the words after "av", "hos", "åligger"): up to
    where its name ends (a date, a preposition other than "för", a comma, a clause). Returns
    the body and the text after it."""
    tokens = text.split()
    taken: list[str] = []
    for i, t in enumerate(tokens):
        low = _bare(t)
        nxt = _bare(tokens[i + 1]) if i + 1 < len(tokens) else ""
        if t.startswith("(") and not _is_parenthetical(t):
            break
        if low[:1].isdigit() or (low in ("den", "det") and nxt[:1].isdigit()):
            break
        post_place = low in _PLACES and _BODIES.is_role_word(taken[-1]) if taken else False
        # "presidiet i den nämnd som finansierar resan": which one, said by a clause
        identified = _identified_place(t, nxt) and any(
            _bare(w) in _RELATIVE_OPENERS for w in tokens[i + 2 : i + 5]
        )
        if taken and low == "för" and _people_for(tokens[i + 1 :]):
            break  # "av närmaste chef för anställda": whom the duty is for, not the name
        if (
            taken
            and low in _PREPOSITIONS
            and not (low == "för" and nxt != "att")
            and not (low == "med" and _names_a_field(tokens[i + 1 :]))  # "rådet med ansvar för"
            and not post_place
            and not identified
        ):
            break
        if taken and low in _SUBORDINATORS:
            break
        if taken and low in _COORDINATORS:
            ahead = tokens[i + 1 : i + 5]
            if not any(_is_body_token(a.rstrip(",.;:")) for a in ahead):
                break
            # "… av styrelsen och nämnden ansvarar för …": a clause of its own begins
            k = next(k for k, a in enumerate(ahead) if _is_body_token(a.rstrip(",.;:")))
            after_body = tokens[i + 2 + k] if i + 2 + k < len(tokens) else ""
            if after_body and is_finite_verb(after_body) and not _is_body_token(after_body):
                break
            # "… av fullmäktige och ersätter reglementet för beredningen": a verb of the
            # subject's own comes first
            if any(is_finite_verb(a) and not _is_body_token(a) for a in ahead[:k]):
                break
        if taken and is_finite_verb(t) and not _is_body_token(t):
            break
        taken.append(t)
        if re.search(r"[,.;:]$", t) or len(taken) >= 10:
            break
    field_at = next(
        (
            i + 1
            for i, (before, a, b) in enumerate(zip(taken, taken[1:], taken[2:], strict=False))
            if _bare(a) == "med" and _names_a_field(taken[i + 2 :]) and _is_body_token(before)
        ),
        None,
    )  # "kommunalrådet med ansvar för näringslivsfrågor": the field is part of the name
    if field_at is not None:
        end = next(
            (
                k
                for k in range(field_at + 2, len(taken))
                if _bare(taken[k]) in _COORDINATORS | _SUBORDINATORS or _passive_form(taken[k])
            ),
            len(taken),
        )
        taken = taken[:end]
    while (
        taken
        and field_at is None
        and not (_is_body_token(taken[-1].rstrip(",.;:")) or _is_parenthetical(taken[-1]))
    ):
        taken.pop()  # "närmaste chef med budgetansvar": the name ends at its head
    rest = " ".join(tokens[len(taken) :]) if taken else text
    if not taken:
        return None, text
    body = _noun_phrase([t.rstrip(",.;:") if t is taken[-1] else t for t in taken])
    clause = _restrictive(taken, tokens[len(taken) :])
    if body and clause:
        # "av den nämnd som står som värd": which body is named by the clause
        return f"{body} {' '.join(clause).rstrip(',.;:')}", " ".join(
            tokens[len(taken) + len(clause) :]
        )
    after = tokens[len(taken) :]
    place = _place_after(after) if body and not re.search(r"[,.;:]$", taken[-1]) else []
    if place:
        # "av kommunfullmäktige i Lingsjö": the place's name says which one
        return f"{body} {' '.join(place).rstrip(',.;:')}", " ".join(after[len(place) :])
    return body, rest


_RELATIVE_CLAUSE_WORDS = 8
# determiners that a clause completes ("den nämnd som …", "varje förvaltning som …"), not "en"
_IDENTIFYING = _class("identifying")


def _restrictive(named: list[str], after: list[str]) -> list[str]:
    """The relative clause that says which body a determiner's noun is: "den förvaltning [som
    tar emot besöket]", "den nämnd [vars verksamhet berörs]"; a clause after a name of its
    own ("kansliet, som …") adds to it and is left out. Up to the clause's end (a comma, a
    full stop, "och") within a few words; none otherwise."""
    # "presidiet i den nämnd [som finansierar resan]": the determiner after a preposition
    at = next(
        (i + 1 for i, t in enumerate(named[:-2]) if _identified_place(t, named[i + 1])),
        0,
    )
    if (
        len(named) - at < 2
        or _bare(named[at]) not in _IDENTIFYING
        or len(after) < 2
        or _bare(after[0]) not in _RELATIVE_OPENERS
        or named[-1].endswith(",")
        # "en styrgrupp med kommundirektören som ordförande": "som" is another word's
        or any(_bare(t) in _PREPOSITIONS for t in named[at + 1 :])
    ):
        return []
    clause: list[str] = []
    for token in after:
        if clause and _bare(token) in _COORDINATORS:
            break
        clause.append(token)
        if re.search(r"[,.;:]$", token) or len(clause) > _RELATIVE_CLAUSE_WORDS:
            break
    # a clause of a word or two ("den nämnd som.") or one that runs on says nothing sure
    return clause if 2 <= len(clause) <= _RELATIVE_CLAUSE_WORDS else []


def _subject(pre: str) -> tuple[str | None, bool]:
    """The body that is the subject of a verb phrase, from the words before it; and whether
    a negation stands between them ("ska inte besluta")."""
    s = pre.strip()
    negated = False
    trailing = re.compile(
        rf"(?:^|\s)(?:(?P<adv>{_ADVERB})|(?P<modal>{_MODAL})|(?P<neg>{'|'.join(_NEGATION)}))\s*$",
        re.I,
    )
    while s:
        m = trailing.search(s)
        if not m:
            break
        negated = negated or bool(m.group("neg"))
        s = s[: m.start()].rstrip()
    # "Landstingsdirektören ska genom den internationella funktionen samordna ..."
    m = re.match(rf"^(?P<subj>.+?)\s+(?:{_MODAL})\s+(?P<pp>\S+\s.{{0,60}})$", s, re.I)
    if m and _bare(m.group("pp").split()[0]) in _PREPOSITIONS:
        s = m.group("subj")
    # "Vid besök ska värdförvaltningen [svara för]": adverbial, modal, subject
    m = re.match(rf"^(?P<adv>\S+.*?)\s+(?:{_MODAL})\s+(?P<subj>.+)$", s, re.I)
    if m and _adverbial(m.group("adv")):
        s = m.group("subj")
    return _subject_body(s), negated


def _adverbial(text: str) -> bool:
    """A fronted adverbial ("Vid officiella besök", "Inom förvaltningarna", "Därför", "När
    kommunen tar emot besök,")."""
    first = _bare(text.split()[0]) if text.split() else ""
    clause = first in _SUBORDINATORS and first not in ("som", "att", "vilket", "vilka", "vilken")
    # "Gäller resan ett land utanför EU, beslutar ...": a condition said verb first
    condition = text.strip().endswith(",") and bool(first) and is_finite_verb(first)
    return (
        first in _PREPOSITIONS
        or first in _ADVERBS
        # "I första hand": an adverb of several words; "Varje år", "Var tredje månad": a time
        or bool(re.fullmatch(_ADVERB, text.strip().rstrip(","), re.I))
        or bool(_EVERY_TIME.fullmatch(text.strip().rstrip(",")))
        or first in ("här", "där", "nu")
        or clause
        or condition
    )


_EVERY_TIME = re.compile(
    rf"(?:{_alternation(_WORDS['every'])})\s+(?:\S+\s+)?(?:{_alternation(_WORDS['time_unit'])})",
    re.I,
)
_OCCASIONS = _WORDS["occasion"]


def _occasion(fronted: str) -> bool:
    """ "Vid officiella besök", "Inför varje resa": a fronted when, not a "according to"."""
    low = fronted.strip().lower()
    return any(low.startswith(f"{o} ") for o in _OCCASIONS)


def _lower_first(text: str) -> str:
    """ "Vid besök" -> "vid besök"; a name ("Europa") keeps its capital."""
    first, _, rest = text.partition(" ")
    lowered = first.lower() if first[:1].isupper() and first[1:].islower() else first
    return f"{lowered} {rest}".strip()


# what a condition's subject must not be for it to name a matter: a pronoun or "nothing"
_NO_SUBJECT = _class("pronoun") | _class("negation") | _class("not_a_subject")


def _condition(fronted: str) -> str:
    """What a fronted condition is about, as a noun phrase: "Om resan kostar mer än X," ->
    "resan som kostar mer än X"; "Gäller resan ett land utanför EU," -> "resan som gäller
    ett land utanför EU"."""
    tokens = fronted.strip().rstrip(",").split()
    # subordinator or verb, subject, and something said of it: three words at least
    first = _bare(tokens[0]) if tokens else ""
    # the comma may be left out after "om …" ("Om gåvan får behållas avgör chefen"), not
    # after a condition said verb first
    if len(tokens) < 3 or not (fronted.strip().endswith(",") or first in _SUBORDINATORS):
        return ""
    if _bare(tokens[1]) in _NO_SUBJECT:
        return ""  # "Om inget annat anges,", "Om det behövs,", "Avser det en resa …,"
    if is_finite_verb(tokens[0]) and first not in _SUBORDINATORS:
        verb, rest = tokens[0].lower(), tokens[1:]
        # the subject is one noun ("resan") or a determiner and its noun ("en resa")
        size = 2 if _bare(rest[0]) in _DETERMINERS and len(rest) > 2 else 1
        return " ".join([*rest[:size], "som", verb, *rest[size:]])
    if first not in _SUBORDINATORS:
        return ""
    clause = tokens[1:]
    at = next((i for i, t in enumerate(clause) if i and is_finite_verb(t)), None)
    if at is None:
        return " ".join(clause)
    return " ".join([*clause[:at], "som", *clause[at:]])


def _without_person(s: str) -> str:
    """A post without the person holding it named after it: "kontorets projektrådgivare Anna
    Berg" -> "kontorets projektrådgivare" (not "Skolan Maria Montessori": a school is no post)."""
    tokens = s.split()
    if (
        len(tokens) >= 3
        and tokens[-2] in _GIVEN_NAMES
        and tokens[-1][:1].isupper()
        and _BODIES.is_role_word(tokens[-3])
    ):
        return " ".join(tokens[:-2])
    return s


_GIVEN_NAMES = vocabulary.given_names()


def _subject_body(s: str) -> str | None:
    s = re.sub(r"\s*,[^,]+,$", "", s.strip()).strip().rstrip(",").strip()
    s = _without_person(s)
    # "Beredningen (fem ledamöter ur styrelsen) [bereder]": what it is, in brackets
    s = re.sub(r"\s*\((?![A-ZÅÄÖ]{2,8}\))[^()]*\)$", "", s)
    if not s:
        return None
    second = re.match(r"^(?P<before>.+),\s+som\s+(?P<verb>\S+)\s.*\s(?:och|samt)$", s)
    if second and is_finite_verb(second["verb"]) and not _is_body_token(second["verb"]):
        # "… lämnas till kansliet, som registrerar gåvan och [beslutar om …]": a second verb
        # of the relative clause; its subject is what "som" stands for
        s = f"{second['before']}, som"
    if re.search(r"\s(?:och|samt)$", s):  # "X är ... organ för Y och [ansvarar för]"
        tokens = s.split()
        cut = next(
            (i for i, t in enumerate(tokens) if i and is_finite_verb(t) and not _is_body_token(t)),
            None,
        )
        if cut is None:
            return None
        s = " ".join(tokens[:cut])
    s = re.split(r"(?:^|\s)att\s+|:\s+|;\s+", s)[-1]
    # "Nämnden får en rapport, och kansliet [samordnar]": a clause of its own after the comma
    # (not "Avtal, budget och planer, samt policyn [beslutas]": a list, no clause)
    clauses = re.split(r",\s+(?:och|men|samt|medan)\s+", s)
    if len(clauses) > 1 and any(
        is_finite_verb(t) and not _is_body_token(t) for t in " ".join(clauses[:-1]).split()
    ):
        s = clauses[-1]
    # "Styrelsen och inte nämnden [beslutar]", "Det är styrelsen, inte nämnden, [som …]": the
    # body before the denial
    # ("inte bara", "inte minst", "ingen annan än" do not deny: they stress)
    s = re.sub(rf"\b(?:inte|ej|icke)\s+(?:{_NOT_ONLY})\s+", "", s, flags=re.I)
    s = re.sub(r"\b(?:ingen|inget|inga)\s+(?:annan|annat|andra|mindre)\s+än\s+", "", s, flags=re.I)
    s = re.sub(r"\s+utan\s+(?:också|även)\s+", " och ", s, flags=re.I)
    s = re.sub(
        rf"(?:,\s*|\s+(?:och|men)\s+)(?:{'|'.join(_NEGATION)})\s+[^,]+?(?=,|\s+som$|$)", "", s
    )
    cleft = re.match(
        rf"^(?:det|detta|här)\s+(?P<verb>\S+)\s+(?:\S+\s+){{0,2}}?(?P<neg>{'|'.join(_NEGATION)})\s+(?P<rest>.+)$",
        s,
        re.I,
    )
    if cleft and is_finite_verb(cleft["verb"]) and _bare(cleft["neg"]) in _NEGATION:
        # "Det är inte nämnden utan styrelsen [som beslutar]": the body after "utan";
        # "Det är inte nämnden [som beslutar]": a duty denied
        denied = re.split(r"\s+utan\s+", cleft["rest"], maxsplit=1)
        if len(denied) < 2:
            return None
        s = f"det {cleft['verb']} {denied[1]}"
    relative = re.match(r"^(?P<before>.+?),?\s+(?:som|vilken|vilka)$", s)
    if relative:  # "... till kansliavdelningen, som [sammanställer]": the body before "som"
        tokens = relative.group("before").rstrip(",").split()
        for size in range(min(4, len(tokens)), 0, -1):
            if size < len(tokens) and _governed_infinitive(tokens[-size - 1], tokens[-size]):
                continue  # "ska informera kontoret, som …": the verb is no part of the name
            body = _noun_phrase(tokens[-size:])
            if body:
                return body
    m = re.search(r"(?:^|\s)(?:som|vilken|vilka|där|vars)(?:\s|$)", s)
    if m:
        # "Den förvaltning som har beslutat om resan [svarar]": the antecedent, with the
        # clause that says which one it is
        named, after = s[: m.start()].split(), s[m.start() :].split()
        clause = _restrictive(named, after)
        body = _noun_phrase(named) if clause and len(clause) == len(after) else None
        if body:
            return f"{body} {' '.join(clause)}"
        s = s[: m.start()]
    tokens = s.split()
    if (
        len(tokens) > 2
        and _bare(tokens[0]) in ("det", "detta", "här")
        and is_finite_verb(tokens[1])
    ):
        tokens = tokens[2:]  # "Det är kommundirektören [som beslutar]"
    if any(is_finite_verb(t) and not _is_body_token(t) for t in tokens):
        return None
    if "," in s:
        parts = [p.split() for p in s.split(",") if p.strip()]
        if not all(_noun_phrase(p) for p in parts):
            tokens = parts[-1] if parts else []
    return _noun_phrase(tokens)


def _governed_infinitive(before: str, first: str) -> bool:
    """Whether ``first`` is an infinitive that ``before`` (a modal or "att") governs: the
    verb of "ska informera kontoret", no part of a body's name."""
    governed = _bare(before) == "att" or re.fullmatch(_MODAL, _bare(before), re.I)
    return bool(governed) and (is_infinitive(first) or _is_infinitive_in_e(first))


def _genitive_body(text: str) -> str | None:
    """The body named in the genitive at the end of ``text``: "Enligt policyn är kansliets
    [uppgift]" -> Kansliet; "Utvecklingsenhetens övergripande [uppdrag]" -> Utvecklingsenheten."""
    tokens = text.split()
    while tokens and not tokens[-1].endswith("s") and _modifier(tokens[-1]):
        tokens.pop()
    if not tokens or not tokens[-1].endswith("s"):
        return None
    tokens[-1] = tokens[-1][:-1]
    for k in range(min(6, len(tokens)), 0, -1):
        body = whole_body(" ".join(tokens[-k:]))
        if body:
            return body
    return None


def whole_body(text: str) -> str | None:
    """The body when ``text`` (a heading, a line's start) is nothing but a body's name."""
    text = _SUSPENDED.sub(lambda m: f"{m.group(1)}{_JOIN}{m.group(2)}{_JOIN}", text.strip())
    text = text.strip(" :–-")
    tokens = text.split()
    if not tokens or len(tokens) > 8:
        return None
    body = _noun_phrase(tokens)
    if body is None:
        return None
    bare = [t for t in tokens if _bare(t) not in _DETERMINERS or t is not tokens[0]]
    return body if len(body.split()) >= len(_restore(" ".join(bare)).split()) else None


_CONSULTED_WORDS = _alternation(_WORDS["consulted"])
_PREPARED_AFTER = _alternation(_WORDS["prepared_after"])
# "efter beredning av", "i samråd med": before the body that prepared or was consulted
_CONSULTER = rf"(?:(?P<prepared>{_PREPARED_AFTER})|{_CONSULTED_WORDS})"


# -- verb phrases -----------------------------------------------------------------------------
def _verb_regex(phrase: str) -> re.Pattern[str]:
    words = phrase.split()
    parts = [re.escape(words[0])]
    for i, w in enumerate(words[1:]):
        if w == "*":
            parts.append(rf"(?P<fill>(?:\s+{_WORD_CHARS}+){{0,3}}?)")
        else:
            # adverbs, or a comma-enclosed insertion ("ansvarar, i samråd med X, för"), may
            # stand between a verb and the rest of its phrase
            sep = (
                rf"(?:\s*,[^,.;:]{{2,60}},|\s+(?:{_CONSULTED_WORDS})\s+[^,.;:]{{2,50}}?)?"
                rf"(?:\s+(?:{_ADVERB}))*\s+"
                if i == 0
                else r"\s+"
            )
            parts.append(sep + re.escape(w))
    return re.compile(rf"(?<![\w-]){''.join(parts)}(?![\w-])", re.I)


def _inverted_regex(phrase: str) -> re.Pattern[str] | None:
    """Verb first, then the subject, then the rest: "svarar värdkommunen för"."""
    words = phrase.split()
    if len(words) < 2 or words[1] == "*":
        return None  # "har * ansvar för": the wildcard itself takes the subject
    rest = r"\s+".join(re.escape(w) for w in words[1:])
    return re.compile(
        rf"(?<![\w-]){re.escape(words[0])}\s+(?P<inv>(?:{_WORD_CHARS}+\s+){{1,6}}?)"
        rf"(?:(?:{_ADVERB})\s+)*{rest}(?![\w-])",
        re.I,
    )


_VERBS = [(e, _verb_regex(e.phrase), _inverted_regex(e.phrase)) for e in _RELATIONS.of_form("verb")]
# a task named as a noun at the start of a table's task cell ("Ledning av referensgruppen")
_TASK_NOUNS = [
    (e, re.compile(r"^" + r"\s+".join(re.escape(w) for w in e.words) + r"(?![\w-])\s*", re.I))
    for e in _RELATIONS.of_form("task")
]
_NOUNS = [
    (
        e,
        re.compile(
            rf"^(?:(?:det|ett|den)\s+)?(?:\w+\s+)?{_WORD_CHARS}*"
            + r"\s+".join(re.escape(w) for w in e.words)
            + r"(?![\w-])\s*",
            re.I,
        )
        if e.phrase.startswith("~")
        else re.compile(r"^" + r"\s+".join(re.escape(w) for w in e.words) + r"(?![\w-])\s*", re.I),
    )
    for e in _RELATIONS.of_form("noun")
]


def _pattern_regex(phrase: str) -> re.Pattern[str]:
    words = phrase.split()
    parts: list[str] = []
    for i, w in enumerate(words):
        last = i == len(words) - 1
        if w in ("{body}", "{matter}"):
            name = w.strip("{}")
            parts.append(rf"(?P<{name}>.+)" if last else rf"(?P<{name}>.+?)")
        elif w == "av" and words[0] == "{matter}":
            parts.append(r"(?P<between>(?:\s+[^\s,.;]+){0,4}?)\s+av")
            continue
        elif w.startswith("~"):
            parts.append(rf"(?<![\w-])[\w-]*{re.escape(w[1:])}")
        else:
            parts.append(rf"(?<![\w-]){re.escape(w)}(?![\w-])")
        if not last and not (words[i + 1] == "av" and words[0] == "{matter}"):
            parts.append(r"\s+")
            if not w.startswith("{") and not words[i + 1].startswith("{"):
                # "uppdrar varje år åt": an adverb may stand between the words
                parts.append(rf"(?:(?:{_ADVERB})\s+)?")
    pattern = "".join(parts).replace(r"\s+(?P<between>", "(?P<between>")
    return re.compile(("^" if words[0] == "{matter}" else "") + pattern, re.I)


_PATTERNS = [(e, _pattern_regex(e.phrase)) for e in _RELATIONS.of_form("pattern")]
# "{matter} ligger hos {body}" holds only when what lies there is a duty ("Värdskapet för …")
_LYING = "{matter} ligger hos {body}"
_LYING_DUTIES = tuple(_class("lying_duty"))


def _verb_at_start(text: str) -> tuple[str, str] | None:
    """(relation, the rest) when ``text`` starts with a duty: a verb phrase ("besluta om
    medlemskap", "samordnar besöken") or a duty noun ("ansvar för kontakterna")."""
    text = re.sub(rf"^(?:(?:{_MODAL})\s+)", "", text.strip(), flags=re.I)
    for entry, regex, _ in _VERBS:
        m = regex.match(text)
        if m and not _not_before(entry, text[m.end() :]):
            return entry.relation, text[m.end() :]
    for entry, regex in _NOUNS:
        m = regex.match(text)
        if m:
            return entry.relation, text[m.end() :]
    return None


def _duties_at_start(text: str) -> list[tuple[str, str]]:
    """The duties an item starts with: one, or two sharing their object ("leder och samordnar
    arbetet", "samordning av och stöd inför besök": each duty takes "arbetet", "besök")."""
    duty = _verb_at_start(text)
    if duty is None:
        return []
    first, _, after = duty[1].strip().partition(" ")
    if first.lower() in _COORDINATORS:
        second = _verb_at_start(after)
        # "samordning av och stöd inför besök": the whole item is the duty
        return [(duty[0], second[1]), second] if second is not None else []
    return [duty]


def _not_before(entry: vocabulary.RelationPhrase, after: str) -> bool:
    nxt = _bare(after.split()[0]) if after.split() else ""
    return nxt in entry.not_before or nxt in _NEGATION


# -- matters ----------------------------------------------------------------------------------
def _first_verb_occurrence(text: str) -> int | None:
    starts = [m.start() for _, regex, _ in _VERBS for m in [regex.search(text)] if m]
    return min(starts) if starts else None


# words that open a noun phrase, not a verb phrase ("alla", "våra", "vissa": in -a like an
# infinitive), and infinitives too short to be told by their ending ("ta fram", "se över")
_NOT_A_VERB_FIRST = _DETERMINERS | _QUANTIFIERS | _PRONOUNS | _DETERMINER_LIKE
_SHORT_INFINITIVES = frozenset({"ta", "ge", "se", "gå", "stå", "få", "ha", "nå"})


def _att_clause_verb(text: str) -> int | None:
    """Where the finite verb of a leading att-clause with a subject of its own stands ("att
    resultaten tas tillvara"); None for any other text."""
    if not text.lower().startswith("att "):
        return None
    first = text[4:].split(maxsplit=1)[0] if text[4:].strip() else ""
    # "att alla resor och besök dokumenteras": a subject of its own follows "alla"
    if (
        first.islower()
        and _bare(first) not in _NOT_A_VERB_FIRST
        and (is_infinitive(first) or _is_infinitive_in_e(first) or first in _SHORT_INFINITIVES)
    ):
        # "ansvarar för att kalla till möten och leder arbetet": an infinitive has no subject
        # of its own, so a finite verb after it is the main subject's next duty
        return None
    for m in re.finditer(r"\S+", text[4:]):
        token = m.group(0)
        if token.endswith(",") or _bare(token) in _SUBORDINATORS:
            return None
        if is_finite_verb(token) and not _is_body_token(token):
            return 4 + m.start()
    return None


def _cut_matter(raw: str) -> tuple[str, str, str]:
    """The matter, and where it stops: ("", "") when it runs to the end, ("clause", rest) when
    another clause begins, ("shared", rest) when the same subject goes on with another verb
    ("... och ger stöd till ...")."""
    text = raw.strip().lstrip(":").strip()
    best: tuple[int, int, str] | None = None  # (cut, rest_start, kind)

    def consider(cut: int, rest: int, kind: str) -> None:
        nonlocal best
        if best is None or cut < best[0]:
            best = (cut, rest, kind)

    m = re.search(r"\s*;\s*", text)
    if m:
        consider(m.start(), m.end(), "clause")
    for m in re.finditer(r",\s+(?P<w>\w+(?:\s+att)?)\b", text):
        word = m.group("w").lower()
        if word in _COORDINATORS or word in _SUBORDINATORS or word in ("så att", "utan att"):
            rest = m.start("w") + (len(m.group("w")) if word in _COORDINATORS else 0)
            consider(m.start(), rest, "clause")
        elif m.start() and _verb_at_start(text[m.start("w") :]) is not None:
            # "företräder förbundet, samordnar deltagandet och tar fram …", "…, kan ge stöd
            # till …": a series of duties of one subject
            consider(m.start(), m.start("w"), "shared")
        elif re.fullmatch(_MODAL, word, re.I):
            # "Resenären, som bokar och ansvarar för kostnaderna, ska spara kvittona": the
            # relative clause closes at the comma, and the main clause's verb follows
            consider(m.start(), m.start("w"), "clause")
    # "att ungas möjligheter till utbyten och praktik marknadsförs": an att-clause runs to its
    # own verb; an "och" before it joins two of its words, not two clauses
    own_verb = _att_clause_verb(text)
    for m in re.finditer(r"\s(?:och|samt|men|eller)\s+", text):
        if own_verb is not None and m.start() < own_verb:
            continue
        after = text[m.end() :]
        tokens = after.split()
        if not tokens or _bare(tokens[0]) == "att":
            continue
        if own_verb is not None and _passive_form(tokens[0]):
            # "att kontakterna har ett syfte och redovisas i …": what the att-clause is
            # about is done to, not the body
            continue
        verb = _first_verb_occurrence(" ".join(tokens[:6]))
        lead = " ".join(tokens[:6])[: verb or 0].split() if verb is not None else []
        if (
            verb is not None
            and len(lead) <= 2
            and all(
                _bare(t) in _ADVERBS or _bare(t) in _FINITE or not is_finite_verb(t) for t in lead
            )
            and not (lead and _is_body_token(lead[-1]))
            # "förskott och reseräkningar och bistår": a list of things ends before the verb
            and not any(_bare(t) in _COORDINATORS for t in lead)
        ):  # "... och ger stöd till ...": the same subject, another duty
            consider(m.start(), m.end(), "shared")
            continue
        for i, t in enumerate(tokens[:5]):
            if t.endswith(",") or _bare(t) in ("som", "att") or (i and _bare(t) in _COORDINATORS):
                break
            if is_finite_verb(t) and not _is_body_token(t):
                if i == 0 and own_verb is not None:
                    # "att gästerna får ett program och möter politikerna": a verb right
                    # after "och" that is no duty goes on with the att-clause's own subject;
                    # "… och nämnden beslutar om …" is a clause of its own
                    break
                consider(m.start(), m.end(), "shared" if i == 0 else "clause")
                break
    if best is None:
        return text.rstrip(" .,;:"), "", ""
    cut, rest, kind = best
    return text[:cut].rstrip(" .,;:"), kind, text[rest:]


def _split_att(matter: str) -> list[str]:
    """Duties given as coordinated att-clauses are one row each: "bevaka X och att hålla Y"
    -> "bevaka X", "hålla Y"; "att A och att B" -> "att A", "att B"."""
    parts = re.split(r"\s+(?:och|samt)\s+(?=att\s)", matter)
    if matter.lower().startswith("att "):
        return parts
    return [parts[0], *(p[4:] for p in parts[1:])]


def _strip_duty_noun(matter: str) -> str:
    for _, regex in _NOUNS:
        m = regex.match(matter)
        if m and m.end() < len(matter):
            return matter[m.end() :]
    return matter


def _named_by_condition(pre: str, between: str) -> str:
    """ "Om utbytet varar längre än två veckor, godkänns det av rektorn": the pronoun after
    the verb stands for what the condition before it names."""
    pronoun = between.split()
    if len(pronoun) == 1 and _bare(pronoun[0]) in _PRONOUNS:
        return _condition(pre)
    return ""


def _matter_before(pre: str, between: str) -> str:
    """The matter of a passive ("Resor till vänorterna [godkänns av]"), from the words before
    the verb: after the last clause opener, without auxiliaries or a relative "som"."""
    condition = _named_by_condition(pre, between)
    if condition:
        return condition
    s = pre.strip()
    trailing = re.compile(
        rf"(?:^|\s|,)\s*(?:som|har|hade|är|var|blir|blev|(?:{_MODAL})|(?:{_ADVERB}))\s*$", re.I
    )
    # "Förfrågningar registreras och [handläggs av]": the first verb shares the subject
    shared = re.compile(r"\s+(\S+)\s+(?:och|samt|eller)$", re.I)
    # "Ansökningar bereds av kansliet och [beslutas av]": so does a first passive, agent and all
    # (a particle may follow the verb: "togs fram av"; a chain runs on commas: "bereds av A,
    # granskas av B och [beslutas av]")
    particle = f"(?:\\s+(?:{'|'.join(sorted(_PARTICLES))}))?"
    agent = re.compile(rf"\s+(\S+){particle}\s+av\s+[^,]+?\s+(?:och|samt)$", re.I)
    chained = re.compile(rf"\s+(\S+){particle}\s+av\s+[^,]+?$", re.I)
    in_chain = False
    while True:
        s = s.rstrip(" ,")
        m = trailing.search(s)
        if not m:
            verb = shared.search(s)
            if verb and is_finite_verb(verb.group(1)):
                s = s[: verb.start()]
                continue
            # "Rådet träffas fyra gånger per år och [leds av]": a first verb with its own
            # adverbials shares the subject too
            words_ = s.split()
            if words_ and _bare(words_[-1]) in ("och", "samt") and len(words_) <= 12:
                first = next(
                    (
                        i
                        for i, w in enumerate(words_[1:-1], 1)
                        if (is_finite_verb(w) or _present_passive(w)) and not _is_body_token(w)
                    ),
                    None,
                )
                rest = words_[first + 1 : -1] if first is not None else []
                if (
                    first is not None
                    and "av" not in map(_bare, rest)
                    and not any(is_finite_verb(w) or _present_passive(w) for w in rest)
                ):
                    s = " ".join(words_[:first])
                    continue
            passive = (chained if in_chain else agent).search(s)
            if passive and _passive_form(passive.group(1)):
                s = s[: passive.start()]
                in_chain = True
                continue
            break
        s = s[: m.start()]
    s = re.split(r"(?:^|\s)att\s+|:\s+|;\s+", s)[-1]
    # "… ses över årligen, och översynen är …": after a clause, a comma and a conjunction
    # begin a clause of its own; in "Avtal, budget och planer, samt policyn" they list
    # ("Resor beslutas av nämnden men kostnader över … [godkänns av]": after a clause with
    # its agent, "men" needs no comma; "Resor som är korta men dyra" joins two words)
    joined = list(re.finditer(r",\s+(?:och|men|samt|medan)\s+|(?<=\S)\s+men\s+", s))
    joined = [
        m
        for m in joined
        if m.group().lstrip().startswith(",") or re.search(r"\sav\s+\S+$", s[: m.start()])
    ]
    if joined and any(
        is_finite_verb(t) or _present_passive(t) for t in s[: joined[-1].start()].split()[1:]
    ):
        s = s[joined[-1].end() :]
    # "Resor till länder som UD avråder från får endast genomföras [efter beslut av]": what
    # is done, after its modal, is no part of the matter
    s = re.sub(rf"\s+(?:{_MODAL})(?:\s+\S+)?\s+\w+as$", "", s, flags=re.I)
    tokens = s.split()
    # a relative clause's own verb ("länder som UD avråder från", "ansökningar där kommunen
    # är projektägare") belongs to the matter; a later verb is the main clause's ("Förvaltningar
    # som vill delta lämnar en ansökan [som bereds av]": the matter is "en ansökan")
    last_verb, in_relative = -1, False
    for i, t in enumerate(tokens):
        if i and _bare(t) in _RELATIVE_MARKERS:
            in_relative = True
        elif is_finite_verb(t) and not _is_body_token(t):
            if in_relative:
                in_relative = False
            else:
                last_verb = i
    tokens = tokens[last_verb + 1 :]
    between_tokens = between.split()
    if between_tokens and not _adverbial(between) and not re.match(_ADVERB, between.strip()):
        tokens = between_tokens + [t if i else t[:1].lower() + t[1:] for i, t in enumerate(tokens)]
    matter = _strip_duty_noun(" ".join(tokens).strip(" ,"))
    return "" if _bare(matter) in _PRONOUNS else matter


def _usable(matter: str) -> bool:
    words = matter.split()
    return bool(words) and not (len(words) == 1 and _bare(words[0]) in _PRONOUNS | {"att"})


# -- sentences --------------------------------------------------------------------------------
# a body slot followed by a duty noun ("{body} ansvar", "{body} uppgifter") is a genitive
_GENITIVE_SLOT = re.compile(
    r"\{body\} (?:" + "|".join(sorted(map(re.escape, _DUTY_NOUNS))) + r")\b"
)


def _patterns(text: str) -> list[Triple]:
    found: list[Triple] = []
    taken: list[int] = []
    for entry, regex in _PATTERNS:
        m = regex.search(text)
        if not m:
            continue
        body_start = m.start("body")
        if any(abs(body_start - t) < 2 for t in taken):
            continue
        if m.end("body") == len(text):
            body, rest = body_after(m.group("body"))
        elif _GENITIVE_SLOT.search(entry.phrase):
            # "Kansliets uppgift är att …", "… är kulturnämndens ansvar": a genitive
            body, rest = _genitive_body(m.group("body")), ""
        else:
            body, rest = whole_body(m.group("body")), ""
        first = m.group("body").split()[:1]
        if not body or (first and _bare(first[0]) in _NEGATION):
            continue  # "… är inte kommunstyrelsens ansvar": a duty denied
        if entry.phrase == _LYING and not _bare(m.group("matter").split()[0]).endswith(
            _LYING_DUTIES
        ):
            continue  # "Tyngdpunkten ligger hos förvaltningarna": no duty lies there
        if m.start("matter") < m.start("body"):
            between = m.groupdict().get("between") or ""
            if entry.phrase.startswith("{matter}"):
                matter = _matter_before(m.group("matter"), between)
                where = between.split()
                if (
                    entry.kind == "represents"
                    and where
                    and _bare(where[0]) in _PLACES
                    and not re.fullmatch(_ADVERB, between.strip(), re.I)
                ):
                    # "Kommunen företräds i Nordkalottrådet av …": where is the matter too
                    matter = f"{matter} {between.strip()}".strip()
            else:
                matter = _strip_duty_noun(m.group("matter").strip())
        else:
            matter = ""
        if any(_bare(w) in _NEGATION for w in (m.group(0)[: m.start("body") - m.start()]).split()):
            continue
        taken.append(body_start)
        for_whom, rest = _for_whom(rest)
        if m.start("matter") > m.start("body"):  # "det åligger Y att X": X as after a verb
            found += _with_matter(body, entry.relation, m.group("matter"))
        elif _usable(matter):
            found.append((body, entry.relation, f"{matter} {for_whom}".strip()))
        prepared = re.match(rf"^,?\s*(?:{_PREPARED_AFTER})\s+(?P<b>.+)$", rest, re.I)
        if prepared and _usable(matter) and _RELATIONS.kind(entry.relation) == "decides":
            # "godkänns av fullmäktige efter beredning i kommunstyrelsen", then the rest
            preparer, after = body_after(prepared.group("b"))
            if preparer:
                found.append((preparer, _PREPARES, matter))
                rest = after
        # "… av fullmäktige i Lingsjö den 20 juni och av stadsrådet i Hollerbeck": the
        # same duty, by a second agent
        also = re.search(r"(?:^|[\s,])(?:och|samt)\s+av\s+(?P<b>.+)$", rest)
        if (
            also
            and _usable(matter)
            and not any(is_finite_verb(t) or _passive_form(t) for t in rest[: also.start()].split())
        ):
            second, rest = body_after(also.group("b"))
            second_for, rest = _for_whom(rest)
            if second:
                found.append((second, entry.relation, f"{matter} {second_for}".strip()))
        # "..., och för politiker av kommunstyrelsens arbetsutskott"
        gap = re.match(r"^,?\s*(?:och|samt)\s+(?P<m>[^,.;]{2,80}?)\s+av\s+(?P<b>.+)$", rest)
        if gap and not any(is_finite_verb(t) or _passive_form(t) for t in gap.group("m").split()):
            second, _ = body_after(gap.group("b"))
            head = matter.split(" för ")[0] if matter else ""
            if second:
                found.append((second, entry.relation, f"{head} {gap.group('m')}".strip()))
        elif rest:
            tail = re.sub(r"^[,\s]*(?:och|samt|men)\s+", "", rest)
            if tail != rest and tail.split() and _passive_form(tail.split()[0]) and _usable(matter):
                # "Planen antogs av fullmäktige och följs upp av styrelsen": the same subject
                found += _clause(f"{matter} {tail}", None)
            elif tail != rest:
                found += _active(tail, None)
    return found


def _people_for(tokens: list[str]) -> int:
    """How many words after "för" name the people a duty is for ("anställda", "politiker och
    tjänstemän"); 0 when they name something else ("ekonomi": a field)."""
    if not tokens or _bare(tokens[0]) not in _PEOPLE_FOR:
        return 0
    if (
        len(tokens) > 2
        and _bare(tokens[1]) in _COORDINATORS
        and not tokens[0].endswith(",")
        and _bare(tokens[2]) in _PEOPLE_FOR
    ):
        return 3  # "politiker och tjänstemän"
    return 1


def _for_whom(rest: str) -> tuple[str, str]:
    """ "för anställda" at the start of what follows an agent ("godkänns av närmaste chef för
    anställda"): whom the duty is for, part of the matter; and the rest after it."""
    tokens = rest.split()
    if not tokens or _bare(tokens[0]) != "för" or not (n := _people_for(tokens[1:])):
        return "", rest
    said = " ".join(tokens[: n + 1])
    return said.rstrip(",.;:"), " ".join(tokens[n + 1 :])


def _occurrences(text: str) -> list[tuple[int, int, vocabulary.RelationPhrase, str]]:
    spans = []
    for entry, regex, _ in _VERBS:
        for m in regex.finditer(text):
            spans.append((m.start(), m.end(), entry, m.groupdict().get("fill") or ""))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[int, int, vocabulary.RelationPhrase, str]] = []
    for span in spans:
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


def _active(text: str, default_subject: str | None) -> list[Triple]:
    """Statements with a verb phrase: the first occurrence that has a subject, then whatever
    the rest of the sentence says (a shared subject, or a new clause)."""
    for start, end, entry, fill in _occurrences(text):
        after = text[end:]
        if _not_before(entry, after) or any(_bare(w) in _NEGATION for w in fill.split()):
            continue
        pre = text[:start]
        if _closes_a_relative_clause(pre, after):
            continue  # "en ledamot som ordföranden utser företräder …": the main verb is next
        subject, negated = _subject(pre) if pre.strip() else (default_subject, False)
        held = _OBJECT_RELATIVE.match(pre.strip())
        holder = whole_body(held["body"]) if held else None
        if held and holder and not negated:
            # "… ett projekt om välfärdsteknik, som socialförvaltningen håller i": the thing
            # before "som" is what the body after it holds
            thing = _antecedent(held["before"])
            if thing:
                rest = after.strip(" .;:")
                matter = f"{thing} {rest}" if rest and len(rest.split()) > 4 else thing
                return _with_matter(holder, entry.relation, matter)
        identity = _IDENTITY.match(pre.strip())
        named = whole_body(identity["x"]) if identity and identity["x"] else None
        if identity and (not identity["x"] or named):
            # "Kansliet är den enhet som samordnar …", "… och är det organ som beslutar om …":
            # the body is what the sentence says is that unit, not the unit word
            subject = named or default_subject
            negated = bool(identity["neg"])  # "Kansliet är inte den enhet som …"
        matter_raw = after
        if subject is None and _fronted_object(pre, entry):
            # "Reseräkningen attesterar närmaste chef", "Programmet tar värdförvaltningen
            # fram": the object first, the body right after the verb
            body, rest = _inverted(text, end, entry, fill)
            if body is not None:
                return _with_matter(body, entry.relation, f"{_lower_first(pre.strip())} {rest}")
        if subject is None and pre.strip() and _adverbial(pre):
            subject, matter_raw = _inverted(text, end, entry, fill)
            # a remark in brackets ("(för förtroendevalda: ordföranden)") is no matter
            bare_matter = _without_remarks(matter_raw).strip(" .;:")
            if subject is not None and not _usable(bare_matter):
                # "Om resan varar längre än en vecka, beslutar förvaltningschefen.": the
                # condition is what the body decides on
                matter_raw = _condition(pre) or matter_raw
            elif subject is not None and not _usable(_cut_matter(bare_matter)[0]):
                # "För anställda beslutar chefen, men resor för ledamöter beviljas av …": a
                # new clause right after the body; what is fronted is the matter
                # ("för anställda" says whose; "inom förvaltningen" only where: no matter)
                scope = re.match(r"för\s+\S.*$", pre.strip().rstrip(","), re.I)
                fronted = _condition(pre) or (_lower_first(scope.group()) if scope else "")
                matter_raw = f"{fronted} {matter_raw.strip()}"
            elif (
                subject is not None
                and _bare(bare_matter) in _GENERIC_MATTERS
                and _bare(pre.split()[0]) in _SUBORDINATORS
            ):
                # "När en fråga berör flera förvaltningar samordnar kansliet arbetet": which
                # work is said by the fronted clause
                matter_raw = f"{matter_raw.rstrip(' .;:')} {_lower_first(pre.strip().rstrip(','))}"
            elif subject is not None and _occasion(pre):
                # "Vid politiska besök företräder ordföranden kommunen": when belongs to it
                matter_raw = f"{matter_raw.rstrip(' .;:')} {_lower_first(pre.strip().rstrip(','))}"
        if subject is None or negated:
            continue
        # "beslutar, efter beredning av utskottet, om …", "ansvarar i samråd med kansliet för
        # …": an adverbial inside the verb phrase, or right after the verb, names another body;
        # the matter follows it
        inside = text[start:end].rsplit(None, 1)[0] if " " in entry.phrase else ""
        within = _CONSULTED_INSIDE.search(inside)
        consulted = within or _consulted(matter_raw)
        if consulted:
            if within is None:  # after the verb: the matter follows the adverbial
                matter_raw = (
                    f"{consulted.groupdict().get('prep') or ''} {matter_raw[consulted.end() :]}"
                )
                opening = matter_raw.split()
                if (
                    opening
                    and " " in entry.relation
                    and opening[0].lower() == entry.relation.split()[-1]
                ):
                    matter_raw = " ".join(opening[1:])  # "beslutar om": its "om" begins the matter
            rows = _with_matter(subject, entry.relation, matter_raw.strip())
            preparer = _noun_phrase(consulted["body"].split())
            if consulted["prepared"] and preparer and _RELATIONS.kind(entry.relation) == "decides":
                rows += [(preparer, _PREPARES, matter) for _, _, matter in rows[:1]]
            return rows
        elliptic = re.match(r"^\s*(?:och|samt)\s+(?P<rest>.+)$", matter_raw)
        if elliptic:
            # "Kansliet samordnar och följer upp X": both duties are about X
            also = _verb_at_start(elliptic.group("rest"))
            if also is not None:
                return [
                    *_with_matter(subject, entry.relation, also[1]),
                    *_with_matter(subject, also[0], also[1]),
                ]
            # "Kontoret bereder och styrelsen beslutar om X": each body's duty is about X
            second = _active(elliptic.group("rest"), None)
            opens = elliptic.group("rest").split()[0].lower()
            if second and _bare(opens) == _bare(second[0][0].split()[0]):
                return [(subject, entry.relation, second[0][2]), *second]
        return _with_matter(subject, entry.relation, matter_raw)
    return []


_OBJECT_RELATIVE = re.compile(r"^(?P<before>.*\S)\s*,\s+som\s+(?P<body>[^,]+)$", re.I)


def _antecedent(before: str) -> str:
    """The noun phrase a relative clause after ``before`` is about: its words back to the last
    verb or clause boundary, without a leading preposition ("enligt regionens riktlinjer för
    representation" -> "regionens riktlinjer för representation")."""
    tokens = re.split(r"[,;:]\s*", before)[-1].split()
    verb = max(
        (i for i, t in enumerate(tokens) if is_finite_verb(t) or _passive_form(t)), default=-1
    )
    tokens = tokens[verb + 1 :]
    while tokens and (_bare(tokens[0]) in _PREPOSITIONS or _bare(tokens[0]) in _SUBORDINATORS):
        tokens = tokens[1:]
    return " ".join(tokens) if 0 < len(tokens) <= 8 else ""


_IDENTITY = re.compile(
    r"^(?:(?P<x>.+?)\s+)?(?:är|blir|var)(?P<neg>\s+(?:inte|ej|icke))?\s+(?:den|det|de|en|ett)\s+"
    r"(?:[\w-]+\s+){0,2}?[\w-]+\s+som$",
    re.I,
)
_CONSULTING = rf"^\s*,?\s*{_CONSULTER}\s+(?P<body>[^,.;]+?)"
# closed by a comma ("beslutar, efter beredning av utskottet för X, om …"), else by the
# preposition the matter begins with ("beslutar i samråd med kansliet om …"), else by the end
_CONSULTED = (
    re.compile(rf"{_CONSULTING}\s*,\s*", re.I),
    re.compile(rf"{_CONSULTING}\s+(?P<prep>om|för|över)\s", re.I),
    # at the sentence's end ("beslutar i samverkan med kommunerna."): no matter follows
    re.compile(rf"{_CONSULTING}\s*[.;:]?\s*$", re.I),
)


_CONSULTED_INSIDE = re.compile(rf"{_CONSULTER}\s+(?P<body>[^,.;:]+)", re.I)


def _consulted(adverbial: str) -> re.Match[str] | None:
    """ "efter beredning av utskottet", "i samråd med kansliet": an adverbial that names a
    body consulted or preparing, standing between a verb and its matter."""
    return next((m for regex in _CONSULTED if (m := regex.match(adverbial))), None)


_PARTICLE_PHRASES = frozenset(e.phrase for e in _RELATIONS.of_form("verb"))


_FRONTED_KINDS = frozenset({"decides", "responsible", "represents"})


def _fronted_object(pre: str, entry: vocabulary.RelationPhrase) -> bool:
    """Words before a one-word duty verb that are a thing, not a body nor an adverbial: a
    noun phrase of a few words opening the sentence ("Reseräkningen", "Programmet för
    besöket"). Only for duties one body does to a thing (decides, is responsible for,
    represents); "Projektet stödjer förvaltningarna" is said subject first."""
    tokens = pre.split()
    return (
        _RELATIONS.kind(entry.relation) in _FRONTED_KINDS
        and 1 <= len(tokens) <= 4
        and tokens[0][:1].isupper()
        and not any(t.endswith(",") for t in tokens)
        and not any(is_finite_verb(t) or _is_body_token(t) for t in tokens)
        # "Förbundet utser ombudet": the organisation itself is a subject, not a thing
        and not any(_bare(t) in _ORGANISATION_WORDS for t in tokens)
        and not _adverbial(pre)
        # "Vad beslutar nämnden om?", "Varje höst fastställer …", "Slutligen godkänner …",
        # "Praktiskt sköter …": a question word, a time or an adverb, not a thing
        and _bare(tokens[0]) not in _DETERMINER_LIKE | _PRONOUNS | _FRONTED_NOT_THINGS
        and not (len(tokens) == 1 and _bare(tokens[0]).endswith(_ADVERB_ENDINGS))
    )


_FRONTED_NOT_THINGS = _class("not_a_fronted_object")
_ORGANISATION_WORDS = vocabulary.organisation_words()
_ADVERB_ENDINGS = tuple(_class("adverb_ending"))


def _closes_a_relative_clause(pre: str, after: str) -> bool:
    """A verb that ends a relative clause inside the subject, with another finite verb right
    after it: "ordföranden eller en ledamot som ordföranden utser företräder kommunen"."""
    tokens = pre.split()
    if "som" not in [_bare(t) for t in tokens[-4:]]:
        return False
    nxt = after.lstrip(" ,").split()[:1]  # "Kansliet, som styrelsen utser, ansvarar …"
    return bool(nxt) and is_finite_verb(nxt[0]) and not _is_body_token(nxt[0])


def _inverted(
    text: str, end: int, entry: vocabulary.RelationPhrase, fill: str
) -> tuple[str | None, str]:
    """ "Vid besök ansvarar värdkommunen för kostnaderna": verb, subject, rest. For a one-word
    verb the subject is the body right after it; for "har * ansvar för" the words the wildcard
    took ("Inom regionen har regiondirektören ansvar för")."""
    if "*" in entry.phrase.split():
        return (_noun_phrase(fill.split()), text[end:]) if fill.strip() else (None, "")
    if len(entry.phrase.split()) > 1:
        return None, ""
    tokens = text[end:].split()
    for k in range(1, min(6, len(tokens)) + 1):
        if _is_body_token(tokens[k - 1].rstrip(",")):
            k = _whole_inverted_subject(tokens, k)
            body = _noun_phrase(tokens[:k])
            rest = tokens[k:]
            clause = _restrictive(tokens[:k], rest)
            if body and clause:  # "beslutar den nämnd där ledamoten har sitt uppdrag"
                body, rest = f"{body} {' '.join(clause).rstrip(',.;:')}", rest[len(clause) :]
            if rest and f"{entry.phrase} {_bare(rest[0])}" in _PARTICLE_PHRASES:
                rest = rest[1:]  # "beslutar kommundirektören om": the particle of the verb
            elif tokens[k - 1].endswith(",") and rest and _bare(rest[0]) in _COORDINATORS:
                rest = [",", *rest]  # "beslutar chefen, men …": a clause of its own follows
            return (body, " ".join(rest)) if body else (None, "")
    return None, ""


def _whole_inverted_subject(tokens: list[str], k: int) -> int:
    """How far a subject after its verb runs when its first body word is an adjective, not its
    head: "leder en ansvarig lärare eller ledare gruppen" -> "ansvarig lärare eller ledare",
    not "ansvarig"; to the head, and on only over "och"/"eller" and another body word
    ("företräder ansvarig handläggare förvaltningen": the body after the head is the object)."""
    if (
        not _bare(tokens[k - 1]).endswith(("ig", "iga", "ige"))
        or k >= len(tokens)
        or not _is_body_token(tokens[k].rstrip(","))
        or not _noun_phrase(tokens[: k + 1])
    ):
        # only an adjective that names a post ("ansvarig") right before its head noun
        # ("väljer fullmäktige en ordförande": the object follows)
        return k
    end = k + 1  # the head; more only as "eller ledare", "och samordnare"
    while (
        end + 1 < len(tokens)
        and _bare(tokens[end]) in _COORDINATORS
        and _is_body_token(tokens[end + 1].rstrip(","))
        and _noun_phrase(tokens[: end + 2])
    ):
        end += 2
    return end


def _verb_first(text: str) -> Iterator[tuple[vocabulary.RelationPhrase, str, int]]:
    """Phrases of several words said verb first after a fronted adverbial ("Vid besök svarar
    värdkommunen för"): each phrase, its body, and where the phrase ends."""
    for entry, _, inverted in _VERBS:
        m = inverted.search(text) if inverted is not None else None
        if m is None or not _adverbial(text[: m.start()]):
            continue
        body = _noun_phrase(m.group("inv").split())
        if body:
            yield entry, body, m.end()


def _inverted_multi(text: str) -> list[Triple]:
    """Verb-first order for phrases of several words: "svarar värdkommunen för"."""
    for entry, body, end in _verb_first(text):
        if not _not_before(entry, text[end:]):
            return _with_matter(body, entry.relation, text[end:])
    return []


# A task or commission that is itself a duty verb ("har till uppgift att samordna X") is that
# duty: the body coordinates X.
_TASKS = frozenset(e.relation for e in _RELATIONS.entries if e.relation.endswith(" att"))


_GAP = re.compile(r",\s+")
# prepositions a duty verb governs ("beslutar om", "ansvarar för", "tar hand om"), as
# opposed to those that place a matter ("inom", "vid")
_OBJECT_PREPOSITIONS = _class("object_preposition")


def _particle(relation: str) -> str:
    """The preposition a duty verb governs, as its relation is written ("om" of "beslutar
    om"); none for a relation of one word."""
    return relation.split()[-1] if " " in relation else ""


def _gapping(matter: str, relation: str) -> tuple[str, list[tuple[str, str]]]:
    """ "Kommunstyrelsen beslutar om vänortsavtal, nämnderna om utbyten": a second body
    with its own matter and the verb left out holds the same duty. What follows the body
    opens with a preposition: the verb's own ("om utbyten") gives the matter, a place
    ("inom sina sakområden") the same matter there. Otherwise the commas list things."""
    pieces = _GAP.split(matter)
    if len(pieces) < 2 or not pieces[0].split():
        return matter, []
    if _is_body_token(pieces[0].split()[-1].rstrip(".;:")):
        return matter, []  # "med nämnderna, bolagen i koncernen": a list of bodies
    tokens = pieces[0].split()
    end = next((i for i, t in enumerate(tokens) if i and _bare(t) in _PREPOSITIONS), len(tokens))
    head = " ".join(t for t in tokens[:end] if _bare(t) not in _DETERMINERS) or pieces[0]
    preposition = _particle(relation)
    kept: list[str] = []
    gapped: list[tuple[str, str]] = []
    for piece in pieces:
        body, rest = body_after(piece) if kept else (None, "")
        if body and any(_bare(t) in _COORDINATORS for t in body.split()):
            return matter, []  # "kommunstyrelsen för budgeten och nämnderna": unclear
        words_after = rest.split()
        if body and words_after and _bare(words_after[0]) in _PREPOSITIONS:
            if _bare(words_after[0]) in _OBJECT_PREPOSITIONS:
                if _bare(words_after[0]) != preposition:
                    return matter, []  # "ordföranden med vänorterna": not the verb's own
                gapped.append((body, " ".join(words_after[1:])))
            else:
                gapped.append((body, f"{head} {rest}"))
        elif gapped:
            return matter, []
        else:
            kept.append(piece)
    return ", ".join(kept), gapped


def _with_matter(subject: str, relation: str, raw: str) -> list[Triple]:
    # a task given by another body stays a commission ("uppdrar åt X att ta fram …")
    task = relation in _TASKS and _RELATIONS.kind(relation) != "commissioned"
    found: list[Triple] = []
    prepared = re.search(rf"(?:^|\s+)(?:{_PREPARED_AFTER})\s+(?P<b>.+)$", raw, re.I)
    preparer = None
    if prepared and _RELATIONS.kind(relation) == "decides":
        # "beslutar om vänortsavtal efter beredning i kommunstyrelsen (och …)", "beslutar
        # efter beredning i kommunstyrelsen om vänortsavtal": who prepared it
        preparer, after = body_after(prepared.group("b"))
        if preparer:
            named = prepared.group("b").split()[: -len(after.split()) or None]
            comma = ", " if named and named[-1].endswith(",") else " "
            before = raw[: prepared.start()].strip()
            particle = _particle(relation)
            if not before and particle:
                after = re.sub(rf"^{particle}\s+", "", after.strip())
            raw = f"{before}{comma}{after}".strip()
    matter, kind, rest = _cut_matter(raw)
    if preparer and _usable(matter):
        found.append((preparer, _PREPARES, matter))
    matter, gapped = _gapping(matter, relation)
    found += [(body, relation, other) for body, other in gapped]
    parts = _split_att(matter)
    duties = [_verb_at_start(part) if task else None for part in parts]
    if len(parts) > 1 and not any(
        _verb_at_start(clause := re.sub(r"^att\s+", "", part)) or _active(clause, None)
        for part in parts[1:]
    ):
        # "ansvarar för att A görs och att B bifogas": one duty, said in two clauses; a
        # second clause with a duty verb of its own ("och att besluta om …") is a duty too
        parts, duties = [matter], [None]
    for part, duty in zip(parts, duties, strict=True):
        if duty is not None and duty[0] not in _TASKS:
            found.append((subject, duty[0], duty[1].strip(" ,.;:")))
        elif _usable(part):
            found.append((subject, relation, part))
    if kind == "shared":
        found += _active(rest, subject) or _active(f"{subject} {rest}", None)
    elif kind == "clause":
        rest = rest.strip()
        relative = re.match(r"som\s+", rest, re.I)
        holder = whole_body(matter) if relative else None
        if holder and relative:
            # "utser en reseledare, som håller i kontakten": the body chosen does the rest
            found += _clause(f"{holder} {rest[relative.end() :]}", None)
        else:
            # ", medan regiondirektören ansvarar för ...": after a comma, a clause of its own
            found += _clause(re.sub(r"^(?:medan|samtidigt som)\s+", "", rest, flags=re.I), None)
    return found


_DASH_LINE = re.compile(r"^(?P<body>[^–:]{2,80}?)\s*(?:\s[–-]\s|:\s)\s*(?P<rest>.+)$")


def _dash_line(text: str, duty_section: bool) -> list[Triple] | None:
    """ "Kommunstyrelsen – samordnar det internationella arbetet" / "Kommunstyrelsen: ansvar
    för ..."; None when the line is not of that form."""
    m = _DASH_LINE.match(text)
    if not m:
        return None
    label = _bare(m.group("body"))
    holder = whole_body(m.group("rest").rstrip(" ."))
    if holder and any(label.endswith(w) and label != w for w in _LABEL_ROLES):
        # "Dokumentansvarig: kommundirektören": a post named by its duty, and who holds it
        return [(holder, _RESPONSIBLE, m.group("body").strip())]
    body = whole_body(m.group("body")) or _body_before_modal(m.group("body"))
    if not body:
        return None
    duty = _verb_at_start(m.group("rest")) or _duty_cell_after_labels(m.group("rest"))
    if duty is None:
        if not duty_section:
            return None
        duty = ("ansvarar för", m.group("rest"))
    relation, rest = duty
    return _with_matter(body, relation, rest)


def _duty_cell_after_labels(rest: str) -> tuple[str, str] | None:
    """A table row's duty cell after cells that only label the body's role ("Regionstyrelsen
    – Ledande – Leder det internationella arbetet"): the duty the cell starts with."""
    cells = rest.split(TABLE_CELL)
    for i, cell in enumerate(cells):
        duty = _verb_at_start(cell)
        if duty is not None:  # a duty in the first cell is no duty after labels
            return (duty[0], TABLE_CELL.join([duty[1], *cells[i + 1 :]])) if i else None
        if len(cell.split()) > 3:
            return None  # more than a label
    return None


_LABEL = r"[A-ZÅÄÖ][\w-]*(?:\s+[a-zåäö][\w-]*){0,2}:\s+\S"
_LABEL_START = re.compile(rf"(?:^|\s)(?={_LABEL})")


def _labels(lines: list[str]) -> list[str]:
    """The labels of a block that holds only labels, one per line or run together by a
    loader that joins wrapped lines ("Dokumenttyp: Policy Dokumentansvarig: X"); [] for any
    other block."""
    text = " ".join(line.strip() for line in lines)
    if any(line.startswith(LIST_MARK) for line in lines) or not re.match(_LABEL, text):
        return []
    starts = [m.start() for m in _LABEL_START.finditer(text)]
    if len(starts) < 2:
        return []
    bounds = [*starts, len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]


def _split_dash_lines(text: str) -> list[str]:
    """Lines of "Body – duty" joined into one paragraph, apart again."""
    cuts = [
        m.start()
        for m in re.finditer(
            rf"\s(?=[A-ZÅÄÖ]{_WORD_CHARS}*(?:\s+{_WORD_CHARS}+){{0,4}}\s+[–-]\s)", text
        )
        if whole_body(text[m.start() :].split(" – ")[0].split(" - ")[0])
    ]
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(text)]
    return [
        text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip()
    ]


# "Förfrågningar om besök hanteras av protokollenheten", "beställs tolk av kansliet": a verb
# in the present passive (not the past: "besöket leddes av ..." tells what happened) up to
# four words before "av"
_AV = re.compile(r"\s+av\s+", re.I)
_PAST_PASSIVE = re.compile(r"(?:des|tes|ades|ddes)$")
# the passive verbs of the relation patterns, strong ones too ("{matter} antogs av {body}")
_PATTERN_PASSIVES = frozenset(
    w
    for e in _RELATIONS.of_form("pattern")
    for w, after in zip(e.phrase.split(), e.phrase.split()[1:], strict=False)
    if w.endswith("s") and not w.startswith("{") and after in ("av", "fram", "upp")
)


def _passive_form(token: str) -> bool:
    """ "bereds", "godkändes", "beslutades": a passive verb, present or past."""
    w = _bare(token)
    return (
        _present_passive(w)
        or (bool(_PAST_PASSIVE.search(w)) and len(w) > 5)
        or w in _PATTERN_PASSIVES
    )


def _present_passive(token: str) -> bool:
    w = _bare(token)
    if len(w) < 3 or not w.endswith("s") or _PAST_PASSIVE.search(w) or w in _PRONOUNS:
        return False
    # "bärs", "ges", "görs": the passive of an irregular verb; "väljs": of a duty verb
    return (
        is_finite_verb(w)
        or w[:-1] in _FINITE
        or f"{w[:-1]}r" in _FINITE
        or f"{w[:-1]}er" in _ONE_WORD
        or f"{w[:-1]}r" in _ONE_WORD  # "attesteras": of "attesterar"
        or w[:-1] in _ONE_WORD  # "avgörs": of "avgör"
    )


def _passive(text: str) -> list[Triple]:
    """A duty in the passive with a verb no row of relations.csv lists: the body is
    responsible for the matter ("Kostnaderna bärs av värdförvaltningen")."""
    for av in _AV.finditer(text):
        before = text[: av.start()].split()
        window = before[-5:]
        at = next((i for i in range(len(window) - 1, -1, -1) if _present_passive(window[i])), None)
        if at is None:
            continue
        between = window[at + 1 :]
        if any(is_finite_verb(t) or t.endswith(",") for t in between):
            continue
        # "revideras årligen av", "beställs vid behov av": an adverbial, not the subject
        if between and (
            re.fullmatch(_ADVERB, " ".join(between), re.I)
            or any(_bare(t) in _ADVERBS or _bare(t) in _PREPOSITIONS for t in between)
        ):
            between = []
        body, _ = body_after(text[av.end() :])
        if not body or (body.lower().endswith("s") and whole_body(body[:-1])):
            continue  # "styrs av kommunfullmäktiges mål": a genitive, not the agent
        pre = before[: len(before) - len(window) + at]
        if not between and any(_bare(w) in _NEGATION for w in pre[-3:]):
            continue  # "ska inte hanteras av"; a subject after the verb ends the clause before
        if between and between[0].lower() in _PARTICLES:  # "följs upp av"
            between = between[1:]
        condition = _named_by_condition(" ".join(pre), " ".join(between))
        if condition:
            return [(body, _active_relation(window[at]), condition)]
        # the subject after the verb ("[Om ...] beställs tolk av"), or the words before it
        matter = (
            _strip_duty_noun(" ".join(between)) if between else _matter_before(" ".join(pre), "")
        )
        if _usable(matter):
            return [(body, _noun_duty(pre, matter) or _active_relation(window[at]), matter)]
    return []


def _noun_duty(pre: list[str], matter: str) -> str | None:
    """The relation of a duty noun before the matter: "Samordningen av [X] hanteras av Y"
    -> Y samordnar X."""
    text = " ".join(pre)
    lead = text[: text.rfind(matter)].split() if matter in text else []
    for size in (1, 2, 3):
        duty = _verb_at_start(" ".join([*lead[-size:], matter])) if len(lead) >= size else None
        if duty is not None and duty[1].strip() == matter:
            return duty[0]
    return None


# one-word verbs of relations.csv ("leder", "samordnar"): their passives say the same duty
_ONE_WORD = {e.phrase: e.relation for e in _RELATIONS.of_form("verb") if " " not in e.phrase}


def _active_relation(passive: str) -> str:
    """The relation of a passive's active verb ("leds" -> leder, "samordnas" -> samordnar),
    or "ansvarar för" for a verb no row lists ("hanteras", "bärs")."""
    w = _bare(passive)[:-1]
    for active in (f"{w}r", f"{w}er", w):
        if active in _ONE_WORD:
            return _ONE_WORD[active]
    return _RESPONSIBLE


_RESPONSIBLE = next(e.relation for e in _RELATIONS.of_form("verb") if e.kind == "responsible")


# "avgör närmaste chef (för förtroendevalda: ordföranden)", "leds av ordföranden (vid
# förhinder: vice ordföranden)": a body in brackets that holds the same duty in some cases
_ALTERNATE = re.compile(
    r"\(\s*(?:(?P<scope>för\s+[^:(),]+?)\s*[:,]|(?:"
    + _alternation(_WORDS["alternate"])
    + r")\s*:?)\s*(?P<body>[^():,;]+?)\s*\)",
    re.I,
)


def _clause(text: str, default_subject: str | None) -> list[Triple]:
    rows = _clause_rows(text, default_subject)
    m = _ALTERNATE.search(text)
    other = whole_body(m["body"]) if m and rows else None
    if not m or not other or any(_bare(organ) == _bare(other) for organ, _, _ in rows):
        return rows
    # the row of the body the bracket follows, for the alternate body too
    before = _bare(text[: m.start()].split()[-1]) if text[: m.start()].split() else ""
    row = next((r for r in rows if _bare(r[0].split()[-1]) == before), None)
    if row is None:
        return rows
    scope = f" {m['scope'].lower()}" if m["scope"] else ""
    return [*rows, (_capitalise(other), row[1], f"{row[2]}{scope}")]


def _clause_rows(text: str, default_subject: str | None) -> list[Triple]:
    text = text.strip()
    if not text:
        return []
    found = _patterns(text)
    active = _active(text, default_subject)
    if not active:
        active = _inverted_multi(text)
    if not found and not active:
        return _passive(text)
    # "ge kommunstyrelsen i uppdrag att ...": the pattern named the body; a longer name
    # around it from the active reading is not another one
    named = {organ.lower() for organ, _, _ in found}
    active = [row for row in active if not any(row[0].lower().endswith(" " + n) for n in named)]
    # "Direktören har gett strategen i uppdrag att …": the commission is the named body's,
    # not the giver's, which the verb reading ("har … i uppdrag att") took for its subject
    given = {(relation, matter) for _, relation, matter in found}
    active = [row for row in active if (row[1], row[2]) not in given]
    return found + active


# "Kansliet tillsammans med turistbyrån ansvarar för …", "Såväl nämnder som bolag ansvarar":
# bodies named together, each of them holds the duty
_JOINT = re.compile(
    rf"^(?P<a>(?:\S+\s+){{0,3}}?\S+)\s+(?:{_alternation(_WORDS['joint'])})\s+", re.I
)
_BOTH = re.compile(
    rf"^(?:{_alternation(_WORDS['both'])})\s+(?P<a>(?:\S+\s+){{0,3}}?\S+)\s+(?P<j>som|och)\s+", re.I
)


def _joint_subject(text: str) -> str:
    """Bodies named together as the subject, written as "A och B"."""
    m = _BOTH.match(text)
    if m and whole_body(m.group("a")):
        return f"{_capitalise(m.group('a'))} och {text[m.end() :]}"
    m = _JOINT.match(text)
    if m and whole_body(m.group("a")) and body_after(text[m.end() :])[0]:
        return f"{m.group('a')} och {text[m.end() :]}"
    return text


# "Fastställd av regionfullmäktige 2024-11-26": a document's adoption note, its participle
# first: the participles of the passive patterns in relations.csv ("{matter} antagen av
# {body}"), each with its relation
_ADOPTED_BY = {
    w[1].lower(): e.relation
    for e in _RELATIONS.of_form("pattern")
    if len(w := e.phrase.split()) == 4
    and w[0] == "{matter}"
    and w[2:] == ["av", "{body}"]
    and not w[1].endswith("s")  # a participle, not a passive verb ("beslutas")
    and _RELATIONS.kind(e.relation) == "decides"
}
_ADOPTION_NOTE = re.compile(
    rf"^(?P<verb>{'|'.join(map(re.escape, sorted(_ADOPTED_BY)))})\s+av\s+(?P<rest>.+)$", re.I
)


_DATE_WORDS = _class("date_word")


def _adoption_note(text: str) -> list[Triple]:
    """ "Antagen av kommunfullmäktige 2019-05-20, § 45": the body adopted the document; the
    note is the matter, as written."""
    m = _ADOPTION_NOTE.match(text.strip())
    if not m:
        return []
    body, rest = body_after(m.group("rest"))
    # a date, a paragraph or a case number follows the body ("Godkänd av chefen." is a rule)
    if (
        not body
        or not re.search(r"\d", rest)
        or any(
            re.search(r"[^\W\d_]", w) and _bare(w) not in _DATE_WORDS and not w.isupper()
            for w in rest.split()
        )
    ):
        return []
    return [(body, _ADOPTED_BY[m.group("verb").lower()], text.strip().rstrip("."))]


def _from_text(sentence: str, heading_body: str | None, duty_section: bool) -> list[Triple]:
    text = _SUSPENDED.sub(lambda m: f"{m.group(1)}{_JOIN}{m.group(2)}{_JOIN}", sentence)
    text = _joint_subject(text.replace("*", "").strip())
    adopted = _adoption_note(text)
    if adopted:
        return adopted
    lead, colon, rest = text.partition(": ")
    items = [i.strip() for i in rest.rstrip(" .").split(";") if i.strip()]
    if (
        colon
        and items
        and ":" not in rest
        # each item a duty ("att boka resor", "samordnar besöken"), not a label's value
        # ("Kontaktperson: Eva Berg", "Ansvarig nämnd: kulturnämnden")
        and all(_bare(i.split()[0]) == "att" or _verb_at_start(i) for i in items)
        and _lead_in(lead, None, False) is not None
    ):
        # "Följande uppgifter åligger kansliet: att boka resor …": a lead-in and its one item
        # on one line (items after semicolons)
        listed = _from_list(lead, items, heading_body, duty_section)
        if listed:
            return listed
    found: list[Triple] = []
    for piece in _split_dash_lines(text):
        line = _dash_line(piece, duty_section)
        if line is not None:
            found += line
            continue
        found += _clause(piece, heading_body if _verb_at_start(piece) else None)
    return found


def _body_before_modal(text: str) -> str | None:
    """ "Kommunstyrelsen ska", "Värdförvaltningen ska vid besök": the body whose duties
    follow (an adverbial of a few words may stand after the modal)."""
    m = re.match(rf"^(?P<b>.+?)\s+(?:{_MODAL})(?:\s+(?P<adv>(?:\S+\s+){{0,3}}\S+))?$", text, re.I)
    adv = m.group("adv") if m else None
    if not m or (adv and not (_bare(adv.split()[0]) in _PREPOSITIONS or _adverbial(adv))):
        return None
    return whole_body(m.group("b"))


_ANNOUNCING = _class("announcing")
_IMPOSED = re.compile(
    rf"^(?:{_alternation(_WORDS['announcing'])})\s+(?:[\w-]+\s+)?"
    rf"(?:{_alternation(_WORDS['imposing'])})\s+(?P<b>.+)$",
    re.I,
)


def _lead_in(
    lead: str, heading_body: str | None, duty_section: bool
) -> tuple[str, str | None] | None:
    """(body, relation) of a list's lead-in: "Kommunstyrelsen ansvarar för:" gives the
    relation; "Kommunstyrelsen ska:", "Kommunstyrelsen har följande uppgifter:" or a body as
    the heading give a list of duties whose verbs the items carry."""
    text = _SUSPENDED.sub(lambda m: f"{m.group(1)}{_JOIN}{m.group(2)}{_JOIN}", lead)
    text = _NUMBERING.sub("", text.replace("*", "").strip().rstrip(":").strip())
    if not text:
        return (heading_body, None) if heading_body else None
    for start, end, entry, _ in _occurrences(text):
        rest = text[end:].strip().lower()
        if rest and not re.fullmatch(r"(?:att|följande(?:\s+\w+)?|bland annat|bl\.?\s?a\.?)", rest):
            continue
        subject, negated = _subject(text[:start]) if text[:start].strip() else (heading_body, False)
        if subject and not negated:
            return subject, entry.relation
    for entry, named, end in _verb_first(text):
        if not text[end:].strip():  # "Inom ramen för uppdraget har EU-kontoret till uppgift att:"
            return named, entry.relation
    body = whole_body(text)
    if body:
        return body, None
    body = _body_before_modal(text)
    if body:
        return body, None
    # "Följande uppgifter åligger kansliet:": the items are that body's duties
    m = _IMPOSED.match(text)
    body = whole_body(m.group("b")) if m else None
    if body:
        return body, None
    # "Följande ärenden bereds av kansliet:": the items are what that body does so
    for entry, regex in _PATTERNS:
        m = regex.match(text)
        if (
            m
            and entry.phrase.startswith("{matter}")
            and _bare(m.group("matter").split()[0]) in _ANNOUNCING
            and not (m.groupdict().get("between") or "").strip()
        ):
            body = whole_body(m.group("body"))
            if body:
                return body, entry.relation
    m = re.match(
        r"^(?P<b>.+?)(?::s|s)?\s+(?:har\s+)?(?:följande\s+)?(?P<n>\w+)(?:\s+är(?:\s+att)?)?$", text
    )
    if m and _bare(m.group("n")) in _DUTY_NOUNS:
        body = whole_body(m.group("b")) or whole_body(m.group("b").rstrip("s"))
        if body:
            return body, None
    # "I uppdraget ingår:", "I kommunstyrelsens ansvar ingår bland annat:", "Uppdraget
    # omfattar:": the duties of the body named in the lead-in, or of the body heading the section
    m = re.match(
        r"^(?:i\s+)?(?:(?:det|den|dess|deras|hennes|hans)\s+)?(?:\w+\s+){0,2}?"
        r"(?:(?P<owner>[\w-]+?)(?::s|s)\s+)?(?P<n>\w+)\s+(?:ingår|omfattar|innefattar)"
        r"(?:\s+(?:bland annat|bl\.?\s?a\.?|följande|att))?$",
        text,
        re.I,
    )
    if m and _bare(m.group("n")) in _DUTY_NOUNS:
        owner = whole_body(m.group("owner") or "") if m.group("owner") else None
        if owner or heading_body:
            return owner or heading_body or "", None
    # "För enheten innebär fokusområdena följande:": what follows is that body's part
    m = re.match(
        rf"^för\s+(?P<b>.+?)\s+(?:{_BEARING})\s+(?:[\w-]+\s+)?(?:följande|att)$", text, re.I
    )
    if m and whole_body(m.group("b")):
        return whole_body(m.group("b")) or "", None
    if heading_body and duty_section:
        return heading_body, None
    return None


# a delegation table's columns: the matter, and the body that decides or is responsible
_TABLE_MATTER = _class("table_matter")
_TABLE_RELATIONS = (
    (_class("table_decides"), _RELATIONS.phrases["beslutar om"]),
    (_class("table_responsible"), _RELATIONS.phrases["ansvarar för"]),
    (_class("table_prepares"), _RELATIONS.phrases["bereder"]),
    (_class("table_coordinates"), _RELATIONS.phrases["samordnar"]),
    (_class("table_supports"), _RELATIONS.phrases["stödjer"]),
)
# the header of a column that names who: a duty column's, or a plain "Vem"
_TABLE_ROLE = _class("table_role")
_TABLE_WHO = frozenset().union(*(names for names, _ in _TABLE_RELATIONS), _class("table_who"))
# a section's or a row's number ("3.1 Ansökan …", "4. Ansvar", "§ 3 Nätverk"), not "3 dagars konferens"
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)+\.?|\d+\.|§\s?\d{1,3}[a-z]?)\s+")


def _from_table(header: str, rows: list[str]) -> list[Triple] | None:
    """A table of who decides or does what (a delegation order: "Ärende | Delegat |
    Kommentar"), which the chunker gives as a list under its header row: each row's body
    cell holds the duty of its matter cell; other cells may state duties of their own.
    None when the header is not such a table's."""
    columns = [_bare(c) for c in header.strip().rstrip(":").split(TABLE_CELL)]
    # "Steg | Aktivitet | Ansvarig": a column of step numbers names no task; the next does
    matter_at = next(
        (
            i
            for i, c in enumerate(columns)
            if _headed(c, _TABLE_MATTER) and not _numbers_only(rows, i)
        ),
        None,
    )
    # every column of who holds a duty ("Beslutar | Bereder"), the deciders' first
    duties = [
        (i, relation)
        for names, relation in _TABLE_RELATIONS
        for i, c in enumerate(columns)
        if _headed(c, names) and i != matter_at
    ]
    if len(columns) == 2 and matter_at is None:
        return _duty_in_header(header, rows) or _case_table(header, rows)
    if matter_at is None and len(columns) > 2:
        return _case_table(header, rows)
    if len(columns) < 2 or matter_at is None or not duties:
        return None
    body_at, relation = duties[0]
    others = duties[1:]
    # "Åtgärd | Ansvarig | Roll": a person named under who, and the post in a column of its own
    role_at = next((i for i, c in enumerate(columns) if c in _TABLE_ROLE), None)
    found: list[Triple] = []
    for row in rows:
        cells = [c.strip() for c in row.split(TABLE_CELL)]
        if len(cells) <= max(body_at, matter_at):
            continue
        cells += [""] * (len(columns) - len(cells))  # a row may leave its last cells empty
        # a dash inside the last cell (a comment) is the cell's own text
        cells = [*cells[: len(columns) - 1], TABLE_CELL.join(cells[len(columns) - 1 :])]
        if role_at is not None and _a_person(cells[body_at]) and _row_body(cells[role_at]):
            cells[body_at], cells[role_at] = cells[role_at], ""
        task = _NUMBERING.sub("", cells[matter_at])
        # "bistår vid frågor om kost": a task said with a duty verb (or named as one, "Ledning
        # av …") is that duty; in a column of deciders the row stays a decision
        said = _verb_at_start(task) or _task_at_start(task)
        if said and _RELATIONS.kind(relation) == "decides" != _RELATIONS.kind(said[0]):
            said = None
        row_relation, matter = (said[0], said[1].strip(" ,.;:")) if said else (relation, task)
        if matter.strip() in _EMPTY_CELLS:
            continue
        if _usable(matter):
            found += [
                (b, row_relation, matter) for b in _column_bodies(cells[body_at], columns[body_at])
            ]
        task = task.strip(" ,.;:")
        if _usable(task):
            for i, other in others:  # "Bereder: Kansliet" beside "Beslutar: Styrelsen"
                found += [(b, other, task) for b in _column_bodies(cells[i], columns[i])]
        found += _other_cells(cells, {body_at, matter_at, *(i for i, _ in others)})
    return found


_STEP_NUMBER = re.compile(r"(?:steg\s*)?\d+[.)]?", re.I)


def _numbers_only(rows: list[str], column: int) -> bool:
    """Whether a column's cells are only numbers ("1", "2.", "Steg 3")."""
    cells = [row.split(TABLE_CELL) for row in rows]
    found = [c[column].strip() for c in cells if len(c) > column and c[column].strip()]
    return bool(found) and all(_STEP_NUMBER.fullmatch(c) for c in found)


def _other_cells(cells: list[str], read: set[int]) -> list[Triple]:
    """What a row's other cells say in sentences of their own ("Ordföranden beslutar i
    brådskande fall" in a remark column); ``read``: the columns already read."""
    return [
        t
        for i, cell in enumerate(cells)
        if i not in read
        for s in sentences(cell)
        for t in _clause(s, None)
    ]


def _column_bodies(cell: str, column: str) -> list[str]:
    """The bodies a cell of a column of who names: each of "Hamnbolaget och
    miljöförvaltningen" or "Kansliet, nämnden", without a remark in brackets
    ("Kulturförvaltningen (i samråd med …)"); under a header of two names ("Delegat /
    ersättare"), the first of the cell's ("Kanslichefen / Kommundirektören")."""
    named = _without_remarks(cell).strip()
    if "/" in column:
        named = named.split("/")[0].strip()
    return [
        body for n in re.split(r",\s*", named) if n for e in _each_body(n) if (body := _row_body(e))
    ]


def _headed(column: str, names: frozenset[str]) -> bool:
    """A column's header is one of ``names``, or names two things the first of which is
    ("Beslut / uppgift"; "Delegat / ersättare", whose cells name the delegate first)."""
    return column in names or column.split("/")[0].strip() in names


_EMPTY_CELLS = frozenset({"", "–", "-", "—"})


def _task_at_start(text: str) -> tuple[str, str] | None:
    """(relation, the rest) when a table's task cell names its task as a noun ("Ledning av
    referensgruppen"), with something after it."""
    text = text.strip()
    for entry, regex in _TASK_NOUNS:
        m = regex.match(text)
        if m and m.end() < len(text):
            return entry.relation, text[m.end() :]
    return None


def _a_person(cell: str) -> bool:
    """A cell that names a person ("Anna Berg"): a given name and a capitalised surname."""
    tokens = cell.split()
    return len(tokens) in (2, 3) and tokens[0] in _GIVEN_NAMES and tokens[-1][:1].isupper()


def _row_body(cell: str) -> str | None:
    """The body a cell of a table's column of who names."""
    return whole_body(cell) or _named_in_column(cell)


def _named_in_column(cell: str) -> str | None:
    """A cell of a table's column of who does what names a body by its place, even in words
    the body rules do not know ("Elevhälsan", "Företagshälsovården"): a short noun phrase,
    capitalised, with no verb and no figure."""
    tokens = cell.split()
    if not 1 <= len(tokens) <= 4 or not cell[:1].isupper() or re.search(r"\d", cell):
        return None
    if _bare(tokens[0]) in _QUANTIFIERS | _DETERMINERS | _NEGATION | _SV_STOP:
        return None  # "Alla", "Ja": no one named
    if not _bare(tokens[-1]).endswith(("n", "t", "na")):
        return None  # a unit is named in the definite form ("Elevhälsan"), not "Övriga"
    if any(is_finite_verb(t) or _bare(t) in _SUBORDINATORS for t in tokens):
        return None
    return _capitalise(cell.rstrip(" .,;:"))


def _duty_in_header(header: str, rows: list[str]) -> list[Triple] | None:
    """A two-column table whose header states the duty and whose rows name who holds it
    when ("Beslutsfattare | Godkänner ansökan" over "Förvaltningschef | när beloppet är
    högre än …"): each row's body holds the header's duty, in the case its row names."""
    labels = [c.strip() for c in header.strip().rstrip(":").split(TABLE_CELL)]
    said = _verb_at_start(_lower_first(labels[1]))
    # the first column must be the one of who ("Beslutsfattare", "Vem"), not of what or
    # where ("Typ av resa | Godkänner" is read the other way round: not this table)
    if said is None or _bare(labels[0]) not in _TABLE_WHO:
        return None
    relation, duty = said[0], said[1].strip(" ,.;:")
    found: list[Triple] = []
    for row in rows:
        cells = [c.strip() for c in row.split(TABLE_CELL)]
        body = _row_body(cells[0]) if len(cells) == 2 else None
        if body:
            found.append((body, relation, f"{duty} {cells[1]}".strip()))
    return found or None


def _who_of_a_kind(label: str) -> tuple[str, str] | None:
    """(relation, "") for a column headed by a word of who holds a duty and a body's name
    ("Ansvarig förvaltning", "Beslutande nämnd"): its cells name the bodies."""
    first, _, rest = label.strip().partition(" ")
    if not rest or not _is_body_token(rest.split()[-1]):
        return None
    for names, relation in _TABLE_RELATIONS:
        if _bare(first) in names:
            return relation, ""
    return None


def _case_table(header: str, rows: list[str]) -> list[Triple] | None:
    """A table whose first column names a case and a later column's header a duty, with
    who holds it in the cells ("Resenär | Godkänner utlandsresan | Anmärkning" over
    "Förvaltningschef | Kommundirektören | –", "Typ av resa | Godkänner"): each row's body
    holds the duty in its row's case. Other cells may state duties of their own."""
    labels = [c.strip() for c in header.strip().rstrip(":").split(TABLE_CELL)]
    if len(labels) < 2 or not labels[0] or _bare(labels[0]) in _TABLE_WHO:
        return None
    at, said = next(
        (
            (i, said)
            for i, label in enumerate(labels[1:], 1)
            if (said := _verb_at_start(_lower_first(label)) or _who_of_a_kind(label))
        ),
        (None, None),
    )
    if at is None or said is None:
        return None
    relation, duty = said[0], said[1].strip(" ,.;:")
    cells_of = [[c.strip() for c in row.split(TABLE_CELL)] for row in rows]
    bodies_first = sum(bool(whole_body(c[0])) for c in cells_of)
    bodies_at = sum(len(c) > at and bool(whole_body(c[at])) for c in cells_of)
    if bodies_first > bodies_at:
        return None  # "Nämnd | Godkänner" over "Kommunstyrelsen | Resor …": bodies come first
    case = labels[0].lower()
    found: list[Triple] = []
    for cells in cells_of:
        if len(cells) <= at or not re.search(r"[^\W\d_]{3}", cells[0]):
            continue  # an empty case, or a date or number only ("2024-03-12")
        matter = f"{duty} ({case}: {cells[0]})" if duty else f"{cells[0]} ({case})"
        found += [(b, relation, matter) for b in _column_bodies(cells[at], labels[at])]
        found += _other_cells(cells, {0, at})
    return found or None


def _from_list(
    lead: str, items: list[str], heading_body: str | None, duty_section: bool
) -> list[Triple]:
    table = _from_table(lead, items)
    if table is not None:
        return table
    found: list[Triple] = []
    lead_in = _lead_in(lead, heading_body, duty_section)
    found_after: list[Triple] = []
    for whole in items:
        # "Forum X: direktören företräder regionen. Nämnden tar del av …": an item of several
        # sentences is the item's first; the others say what they say on their own, and one
        # that opens with a verb ("Följer upp planen.") is a duty of the item's body
        raw, *more = sentences(whole) or [whole]
        label = _DASH_LINE.match(raw)
        item_body = (whole_body(label.group("body")) if label else None) or (
            lead_in[0] if lead_in else heading_body
        )
        for sentence in more:
            duties = _duties_at_start(sentence)
            if item_body and duties:
                for duty_relation, duty_matter in duties:
                    found_after += _with_matter(item_body, duty_relation, duty_matter)
            else:
                found_after += _from_text(sentence, heading_body, duty_section)
        item = _SUSPENDED.sub(lambda m: f"{m.group(1)}{_JOIN}{m.group(2)}{_JOIN}", raw.strip())
        if not item:
            continue
        line = _dash_line(item, duty_section)
        if line is not None:
            found += line
            continue
        if lead_in is None:
            found += _clause(item, None)
            continue
        after_att = item[4:] if item[:4].lower() == "att " else None
        if after_att is not None:
            # "[beslutar] att avgiften bekostas av kommunstyrelsen": a clause with a body of
            # its own is that body's duty
            own = _clause(after_att, None)
            if own:
                found += own
                continue
        body, relation = lead_in
        # "Internationella rådet består av …: – Rådet bereder ärenden …": an item with a
        # subject and verb of its own says what it says; the section's body by its head noun
        # ("Rådet") is that body
        # its subject before any relative clause: "vänortsarbetet, som kansliet samordnar"
        # is the lead-in body's matter
        opening = re.split(r",|\bsom\b", item, maxsplit=1)[0].lower()
        own = [(b, r, m) for b, r, m in _clause(item, None) if b.split()[-1].lower() in opening]
        if own:
            found += [(_back_reference(b, body), r, m) for b, r, m in own]
            continue
        # "I uppdraget ingår: – att ta fram förslag …": the item's verb is the duty
        duties = _duties_at_start(item) or (
            _duties_at_start(after_att) if after_att is not None else []
        )
        for duty in duties:
            found += _with_matter(body, duty[0], duty[1])
        if not duties:
            found += _with_matter(body, relation or "ansvarar för", item)
    return found + found_after


def _back_reference(named: str, section_body: str) -> str:
    """``section_body`` when ``named`` is its head noun, as a list under the body's heading
    or lead-in calls it ("Rådet" under "Internationella rådet" or "Vänortsrådet"); otherwise
    ``named``."""
    head = section_body.split()[-1] if section_body.split() else ""
    short = named.lower()
    if (
        short != section_body.lower()
        and " " not in short
        and head.lower().endswith(short)
        # a post ("Kommunalrådet", a politician) is not the council its name ends in
        and not _BODIES.is_role_word(head)
    ):
        return section_body
    return named


def _is_duty_heading(section: str) -> bool:
    for heading in section.split(" > ")[-2:]:
        low = heading.lower().strip()
        words = set(re.findall(r"[\wåäö-]+", low))
        if low in _DUTY_HEADINGS or words & _DUTY_HEADINGS:
            return True
    return False


def is_infinitive(word: str) -> bool:
    """Whether a word is (probably) a verb's infinitive: ``samordna`` (samordnar),
    ``tillhandahålla`` (tillhandahåller), ``stödja`` (stödjer)."""
    w = _bare(word)
    if len(w) <= 3 or not w.endswith("a") or _BODIES.is_body_word(w):
        return False
    # a noun in -a has its plural in -or (skola, skolor); a verb its present in -ar or -er
    if not _known(w) or _known(w[:-1] + "or"):
        return False
    return _known(w + "r") or _known(w[:-1] + "er") or (w.endswith("ra") and _known(w[:-1]))


def _is_infinitive_in_e(word: str) -> bool:
    """ "utse", "förse": the few infinitives in -e (their present adds -r: utser)."""
    w = _bare(word)
    return w.endswith("se") and len(w) > 3 and _known(w + "r")


def _as_object(relation: str, matter: str) -> str:
    """A verb phrase after a preposition takes "att": "ansvarar för att samordna resorna";
    a duty written in the present ("Tar emot reserapporter") takes the infinitive."""
    first, _, rest = matter.partition(" ")
    if not first or relation.split()[-1] not in _PREPOSITIONS:
        return matter
    if _bare(first) in _DETERMINERS | _QUANTIFIERS | _PRONOUNS | _DETERMINER_LIKE:
        return matter  # "alla kontakter", "hela processen": a noun phrase
    # a verb takes an object; a noun is followed by "och", a comma or a preposition
    nxt = _bare(rest.split(maxsplit=1)[0]) if rest.strip() else ""
    if not rest.strip() or nxt in _COORDINATORS or (nxt in _PREPOSITIONS and nxt not in _PARTICLES):
        return matter
    # a task in an action list, an imperative ("Kontakta rektorerna"), is its infinitive too
    imperative = (
        first[:1].isupper()
        and first[1:].islower()
        and rest[:1].islower()
        and first not in _GIVEN_NAMES
        and is_infinitive(first)
    )
    if imperative or (first.islower() and (is_infinitive(first) or _is_infinitive_in_e(first))):
        return f"att {first.lower()} {rest}".strip()
    infinitive = _infinitive_of(first)
    if infinitive:
        return f"att {infinitive} {rest}".strip()
    return matter


# signing represents the organisation when what is signed binds it: an agreement, a
# certificate, or anything signed on its behalf ("för landstingets räkning")
_SIGNS = _RELATIONS.phrases["undertecknar"]
_SIGNED_FOR = re.compile(rf"(?:{_alternation(_WORDS['signed_for'])})", re.I)


_IRREGULAR_INFINITIVES = {"tar": "ta", "ger": "ge", "gör": "göra", "får": "få", "har": "ha"}


def _infinitive_of(word: str) -> str | None:
    """The infinitive of a present-tense verb ("Sammanställer" -> sammanställa, "Tar" -> ta),
    or None when the word is no such verb."""
    w = _bare(word)
    if w in _IRREGULAR_INFINITIVES:
        return _IRREGULAR_INFINITIVES[w]
    if _BODIES.is_body_word(w) or not is_finite_verb(w) or w in _FINITE:
        return None
    for candidate in (w[:-1] if w.endswith("ar") else "", w[:-2] + "a" if w.endswith("er") else ""):
        if candidate and is_infinitive(candidate):
            return candidate
    return None


def _introducing_body(section: str) -> str | None:
    """The body of a lead-in that introduces this section and its siblings (a path element
    ending in a colon: "För enheten innebär fokusområdena följande:")."""
    for element in reversed(section.split(" > ")[:-1]):
        if element.rstrip().endswith(":"):
            lead_in = _lead_in(element, None, False)
            return lead_in[0] if lead_in else None
    return None


_DRAWS_UP = _RELATIONS.phrases["tar fram"]
_PREPARES = _RELATIONS.phrases["bereder"]
_FOR_DECISION = _class("for_decision")


def _prepared_for_decision(relation: str, matter: str) -> str:
    """Drawing up what someone else will decide on (a proposal, a plan, a statement) is
    preparing it: "tar fram förslag till handlingsplaner", "utarbetar en plan för ...".
    Drawing up anything else (a report, a visit's programme, gifts) is a duty of its own."""
    if relation != _DRAWS_UP:
        return relation
    for token in matter.split():
        word = _bare(token)
        if word in _PREPOSITIONS:
            break
        if any(_names_a(word, kind) for kind in _FOR_DECISION):
            return _PREPARES
    return relation


def _names_a(word: str, kind: str) -> bool:
    """ "handlingsplan" and "plan" name a plan; "flygplan" does not: a compound counts when
    its first part ends in the linking -s- (handlings|plan, besluts|underlag), or for the
    words no other compound ends in (budget|förslag)."""
    if word == kind:
        return True
    first = word[: -len(kind)] if word.endswith(kind) else ""
    return len(first) >= 3 and (first.endswith("s") or kind in _UNAMBIGUOUS_HEADS)


_UNAMBIGUOUS_HEADS = _class("for_decision_any_compound")


def statements(text: str, section: str = "") -> list[Triple]:
    """The (body, relation, matter) statements of one passage, found by the Swedish sentence
    and list patterns above. Run at ingest; the results are stored with the passage."""
    text = re.sub(r"[ \t\u00a0]+", " ", text)  # runs of spaces cost the patterns dearly
    # a numbered heading ("3.3 Stadsledningskontoret") is named by its words
    heading = _NUMBERING.sub("", section.split(" > ")[-1]) if section else ""
    heading_body = whole_body(heading) if heading else None
    duty_section = _is_duty_heading(section)
    introduced = _introducing_body(section)
    if heading_body is None and introduced:
        heading_body, duty_section = introduced, True
    found: list[Triple] = []
    for lines in blocks(text):
        labels = _labels(lines)
        if labels:
            # a block of labels ("Dokumenttyp: Policy", "Dokumentansvarig: kommundirektören"):
            # each label on its own, not one run-on sentence
            for line in labels:
                found += _from_text(line, heading_body, duty_section)
            continue
        items = [line[len(LIST_MARK) :] for line in lines if line.startswith(LIST_MARK)]
        prose = " ".join(line for line in lines if not line.startswith(LIST_MARK))
        if items:
            lead_sentences = sentences(prose) if prose else [heading]
            lead = lead_sentences[-1] if lead_sentences else ""
            found += _from_list(lead, items, heading_body, duty_section)
            if prose and not lead.rstrip().endswith(":"):
                # a whole sentence before a list ("Beslut om avtal fattas av fullmäktige.")
                # says what it says, besides leading the list in
                found += _from_text(lead, heading_body, duty_section)
            prose = " ".join(sentences(prose)[:-1]) if prose else ""
        for sentence in sentences(prose):
            found += _from_text(sentence, heading_body, duty_section)
    out: list[Triple] = []
    seen: set[tuple[str, str, str]] = set()
    for organs, drawn, matter in found:
        relation = _prepared_for_decision(drawn, matter)
        for organ in _each_body(organs):
            triple = (
                _restore(organ),
                relation,
                _as_object(relation, _restore(matter).strip(" ,.;:")),
            )
            key = (triple[0].lower(), relation, triple[2].lower())
            if relation == _SIGNS and not _SIGNED_FOR.search(triple[2]):
                continue  # "Resenären skriver under reseräkningen": no one is represented
            if triple[0] and triple[2] and key not in seen:
                seen.add(key)
                out.append(triple)
    return out


_POSSESSIVES = _class("possessive")


_DISTRIBUTIVE = _class("distributive")
_RELATIVE_MARKERS = _RELATIVE_OPENERS | {"vilka", "vilken", "vilket"}
_GENERIC_MATTERS = _class("generic_matter")


def _each_body(subject: str) -> list[str]:
    """ "Miljönämnden och kultur- och fritidsnämnden [ansvarar för]": each body its row; a
    suspended compound ("kultur- och fritidsnämnden") is one body."""
    tokens = subject.split()
    parts: list[list[str]] = [[]]
    for i, token in enumerate(tokens):
        between = 0 < i < len(tokens) - 1
        if (_bare(token) in _COORDINATORS and i and not tokens[i - 1].endswith("-")) or (
            _bare(token) in _DISTRIBUTIVE and between  # "chef respektive ordföranden"
        ):
            parts.append([])
        else:
            parts[-1].append(token)
    names = [" ".join(p) for p in parts]
    owned = any(p and _bare(p[0]) in _POSSESSIVES for p in parts[1:])  # "och dess utskott"
    # "nämnder och styrelser för bolagen": an attribute may belong to both; one body then
    owned = owned or any(_bare(t) in _PREPOSITIONS for t in tokens)
    if (
        len(names) > 1
        and not owned
        and all(p and whole_body(n) for p, n in zip(parts, names, strict=True))
    ):
        return [n[0].upper() + n[1:] for n in names]
    return [subject]
