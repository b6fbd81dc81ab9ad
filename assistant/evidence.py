"""Evidence and scoring: how much of a question a text covers, and every constant that goes
into ranking and choosing what to quote, named and explained in one place.

A question is a list of concepts (``assistant.query``); each concept has Swedish alternatives
(stem tuples). A text covers a concept when it holds all stems of one alternative. A concept
weighs its rarity in the library (idf) times its rarity in the language at large (word
frequency), so framing words weigh little and specific terms much.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.query import Alternative, Concept


@dataclass(frozen=True, slots=True)
class Scoring:
    """The constants of retrieval and quoting. Those marked *tuned* were chosen by
    cross-validation (``policy-assistant eval --cv``); the others are structural."""

    # Reciprocal-rank fusion: 1 / (rrf_k + rank), the usual constant from the RRF paper.
    rrf_k: int = 60
    # How many candidates each retriever contributes before fusion.
    candidates: int = 30
    # A query stem this long also matches index terms that start with it (compounds).
    prefix_min: int = 5
    # General rarity = (ceiling - zipf) / scale, clipped to [rarity_min, rarity_max]:
    # zipf 6+ (everyday words) -> 0.3 .. zipf 4 -> 1.2 (specific terms).
    zipf_ceiling: float = 7.0
    zipf_scale: float = 2.5
    rarity_min: float = 0.3
    rarity_max: float = 1.2
    # A stem found only as the start of a longer term counts this much of an exact match.
    longer_form_discount: float = 0.8
    # Each extra stem of a multi-word alternative adds this much (a phrase beats a word).
    multi_part_bonus: float = 0.2
    # Rank = coverage + fusion_share * fused score / best fused score. 5-fold CV over dev,
    # dev2, bank4-bank22 (even) and the bank's tuning half (`eval --cv-weight
    # fusion_share=...`): 0.25 0.897, 0.5 0.906, 0.75 0.908, 1 0.907, 1.5 0.909, 2 0.908, 3
    # 0.906, 5 0.906; folds chose 1-2. Kept at 0.5, the plateau's edge: from 1 up, a passage
    # both retrievers rank high is cited beside the answer with none of the question's words
    # ("Beslutsunderlag … Datum för anslag" for "Who decides on twinning?"), which the gold
    # scoring cannot penalise (a citation can only add a hit) and the reader must not get.
    fusion_share: float = 0.5
    # An English word the glossary and the library do not know: weak evidence either way.
    unknown_word_hint: float = 0.5
    # A concept only in the question's context (a sentence before the question, "as a newly
    # elected politician") counts this much. *tuned*: 5-fold CV over dev, dev2, bank4-bank24
    # (even) and the bank's tuning half (`eval --cv-weight context_hint=...`): 0 0.905, 0.1
    # 0.908, 0.25 0.909, 0.4 0.910, 0.5 0.910, 0.75 0.908; folds chose 0.4 or 0.5 (held out
    # 0.910), all tuning items chose 0.5. Over all 1,660 tuning questions with the corpora,
    # 0 -> 0.5 answered 9 more right and none fewer: the asker's post or situation ("as a
    # committee member", "our football club") tells which row of a table or which rule
    # applies. (An earlier CV on dev, dev2 and the bank's half alone chose 0.)
    context_hint: float = 0.5
    # Quote the units of a passage scoring at least this share of its best unit (at most
    # MAX_UNITS_PER_PASSAGE of them), when their own words, not only the passage's headings,
    # hold something of the question. *tuned*: 5-fold CV over dev, dev2, bank4-bank20 (even)
    # and the bank's tuning half (`eval --cv-weight unit_keep_ratio=...`): 0.05 0.897, 0.2
    # 0.897, 0.4 0.893, 0.6 0.890, 0.8 (the earlier, untuned value) 0.888; four folds of five
    # chose 0.2 (held out 0.896). A sentence beside the best one that speaks of the question
    # is context the reader needs ("ta med tolk" next to "ta emot gästerna"); three units per
    # passage keep the quote short.
    unit_keep_ratio: float = 0.2
    # Two quotes sharing this share of the smaller one's words are the same quote.
    near_duplicate: float = 0.9
    # Other passages are cited when their coverage reaches this share of the best one's.
    # *tuned* within 0.5-0.8, by 5-fold CV over dev, dev2, bank4, bank6 and the bank's tuning
    # half (`eval --cv-weight companion_ratio=...`): 0.5 0.819, 0.65 0.807, 0.8 0.789. Lower
    # values score higher still (0.3 0.828, 0 0.843: every extra citation can only add a
    # hit), but they quote passages that cover under half of what the best one does, i.e.
    # that merely share a word with the question; the answer must not pad with those.
    companion_ratio: float = 0.5
    # ... or when its rank score (coverage plus both retrievers' agreement) reaches this
    # share of the best one's: a passage that both BM25 and the dense model rank near the
    # top answers in other words than the question's. *tuned*: 5-fold CV over dev, dev2,
    # bank4-bank20 (even) and the bank's tuning half (`eval --cv-weight
    # companion_rank_ratio=...`): 0 (never, as before) 0.895, 0.5 0.904, 0.6 0.902, 0.7 0.899,
    # 0.8-0.9 0.895; every fold chose 0.6 (held out 0.902).
    companion_rank_ratio: float = 0.6
    # Below this coverage of the best passage, the answer says what the policies do not say.
    partial_below: float = 0.75
    # A question whose concepts are at least this share (by weight) about the trip or the
    # new mandate itself is answered from the guide. *tuned*: 5-fold CV over dev, dev2,
    # bank4, bank6 and the bank's tuning half (`eval --cv-weight guide_share=...`): 0.4 and
    # 0.5 0.819, 0.6-0.8 and never 0.825; every fold chose 0.8, the edge of the plateau. 0.7
    # is its middle (the starter questions, 0.79-1.0, get their guides). Re-run after words
    # that frame a trip question ("innan", "i tjänsten", "keep in mind") joined the frame,
    # over dev, dev2, bank4, bank6, bank16 and bank18: 0.4 0.868, 0.5 0.874, 0.6 0.881,
    # 0.7-0.9 0.879; folds chose 0.7 three times and 0.8 twice (held out 0.879). A question that
    # asks about something within the trip ("does a trip go through the normal budget?") is
    # answered from the passages about that, not with the whole checklist.
    guide_share: float = 0.7
    # A concept is what a question is mostly about when it carries at least half of the
    # weight of what is asked (structural: "most of"), so its absence decides the answer.
    main_share: float = 0.5
    # A related responsibility must cover this much of the matter's glossary description.
    related_enough: float = 0.5


SCORING = Scoring()


@contextlib.contextmanager
def scoring_tried(**changes: float) -> Iterator[None]:
    """Evaluation only: run with other values of the scoring constants, to choose them by
    cross-validation. Every module reads the one ``SCORING`` instance, so it is changed in
    place and restored; build a new ``Assistant`` inside (it caches weights)."""
    for name in changes:
        if not isinstance(getattr(SCORING, name, None), float):
            raise ValueError(
                f"{name} is not a scoring weight (see Scoring in assistant/evidence.py)"
            )
    before = {name: getattr(SCORING, name) for name in changes}
    for name, value in changes.items():
        object.__setattr__(SCORING, name, float(value))
    general_rarity.cache_clear()  # it reads the zipf and rarity constants
    try:
        yield
    finally:
        for name, value in before.items():
            object.__setattr__(SCORING, name, value)
        general_rarity.cache_clear()


def has_term(terms: set[str] | frozenset[str], stem_: str) -> bool:
    """A stem is present as itself, as the start of a longer term (a compound's first part,
    an inflection the stemmer left), or as a term it extends by at most two letters."""
    if stem_ in terms:
        return True
    if len(stem_) < SCORING.prefix_min:
        return False
    return any(
        t.startswith(stem_)
        or (len(t) >= SCORING.prefix_min and stem_.startswith(t) and len(stem_) - len(t) <= 2)
        for t in terms
    )


def alternative_present(terms: set[str] | frozenset[str], alt: Alternative) -> bool:
    return all(has_term(terms, s) for s in alt)


@lru_cache(maxsize=20_000)
def general_rarity(label: str, language: str) -> float:
    """rarity_min (everyday word) .. rarity_max (rare term), from word frequency."""
    from wordfreq import zipf_frequency

    zipf = min((zipf_frequency(w, language) for w in label.split()), default=0.0)
    s = SCORING
    return min(s.rarity_max, max(s.rarity_min, (s.zipf_ceiling - zipf) / s.zipf_scale))


@dataclass(slots=True)
class Evidence:
    """How well a text covers a question's concepts (weighted share, 0..1)."""

    coverage: float
    covered: list[str]
    missing: list[str]


def measure(
    concepts: list[Concept], weights: list[float], terms: frozenset[str] | set[str]
) -> Evidence:
    """The weighted share of ``concepts`` that ``terms`` cover."""
    weight_sum = covered_weight = 0.0
    covered, missing = [], []
    for concept, weight in zip(concepts, weights, strict=True):
        weight_sum += weight
        if any(alternative_present(terms, alt) for alt in concept.alternatives):
            covered_weight += weight
            covered.append(concept.label)
        else:
            missing.append(concept.label)
    return Evidence(covered_weight / weight_sum if weight_sum else 0.0, covered, missing)
