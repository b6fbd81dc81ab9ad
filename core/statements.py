"""Responsibility statements in a passage: *body -> relation -> matter*, found by rules for
the Swedish sentence and list patterns policies use. Run at ingest; the statements are stored
with each passage, and the assistant reads the map back from the index.

    Landstingsfullmäktige beslutar om            ->  (Landstingsfullmäktige, beslutar om, vänortssamarbeten)
    - vänortssamarbeten
    Handlingsplanen beslutas av landstingsdirektören
                                                 ->  (landstingsdirektören, beslutar om, handlingsplanen)
"""

from __future__ import annotations

import re

from core import vocabulary
from core.structure import LIST_MARK, blocks, sentences

# Words that make a phrase a body or a role that can hold responsibility.
ORGAN_WORDS = (
    "fullmäktige",
    "styrelse",
    "nämnd",
    "direktör",
    "chef",
    "sekretariat",
    "kontor",
    "förvaltning",
    "funktion",
    "medarbetare",
    "utskott",
    "ledning",
    "råd",
    "tjänsteman",
    "tjänstemän",
    "förtroendevald",
)
RELATIONS = vocabulary.relations().phrases
_REL = "|".join(sorted((re.escape(r) for r in RELATIONS), key=len, reverse=True))
# "ORGAN [ska] RELATION MATTER"
_ACTIVE = re.compile(
    rf"^(?:(?:Detta|Det) innebär att |.*?\binnebär att )?(?P<organ>.{{3,200}}?)\s+(?:ska\s+)?(?P<rel>{_REL})\b\s*(?P<matter>.*)$",
    re.S,
)
# "Inom förvaltningarna har förvaltningscheferna ansvar för MATTER" (Swedish verb-second order)
_INVERTED = re.compile(
    r"^Inom [\wåäö ]+? har (?P<organ>[\wåäö ]{3,60}?) ansvar för (?P<matter>.+)$", re.S | re.I
)
# "MATTER beslutas av ORGAN"
_PASSIVE = re.compile(r"(?P<matter>\b[A-ZÅÄÖ][\wåäö]+) beslutas av (?P<organ>[\wåäö]+)")
# "uppdra åt ORGAN att MATTER"
_COMMISSION = re.compile(r"uppdra åt (?P<organ>[\wåäö]+) att (?P<matter>[^.;]+?)(?: att |[.;]|$)")
_HAS_MANDATE = re.compile(r"^(?P<organ>.{3,60}?) har [\wåäö]+ uppdrag att (?P<matter>.+)$", re.S)


def _is_organ(phrase: str) -> bool:
    cleaned = _clean_organ(phrase)
    lowered = cleaned.lower()
    return 0 < len(cleaned.split()) <= 9 and any(word in lowered for word in ORGAN_WORDS)


def _clean_organ(phrase: str) -> str:
    """The subject only: "Sekretariatet, med särskild tjänsteman ..., ansvarar" -> Sekretariatet;
    "Regionala nämnden är på ... uppdrag, politiskt ledningsorgan ... och svarar" -> Regionala nämnden."""
    phrase = re.sub(r",[^,]*,", "", phrase)
    phrase = re.split(r"\s+är\s+|,", phrase)[0]
    phrase = re.sub(r"^(?:respektive|att|och)\s+", "", phrase.strip(), flags=re.I)
    return phrase[:1].upper() + phrase[1:]


def _clean_matter(text: str) -> str:
    text = text.strip().rstrip(".,;:")
    return re.split(r"\s+och (?:representerar|handlägger|kan ingå)\b", text)[0]


# A list item that is itself a duty in the infinitive: "ansvar för: - besluta om medlemskap"
# means the organ decides on membership.
_INFINITIVE_RELATION = re.compile(
    r"^(?P<verb>besluta om|bestämma|ansvara för|svara för)\s+(?P<rest>.+)$"
)
_INFINITIVE_TO_RELATION = {
    "besluta om": "beslutar om",
    "bestämma": "bestämmer",
    "ansvara för": "ansvarar för",
    "svara för": "svarar för",
}


def _from_lead_in(lead: str, items: list[str]) -> list[tuple[str, str, str]]:
    last = (sentences(lead) or [""])[-1]
    m = _ACTIVE.match(last)
    if not m or not _is_organ(m.group("organ")):
        return []
    organ = _clean_organ(m.group("organ"))
    relation = RELATIONS[m.group("rel")]
    found = []
    for item in items:
        if not item.strip():
            continue
        duty = _INFINITIVE_RELATION.match(item.strip())
        if duty:
            verb = _INFINITIVE_TO_RELATION[duty.group("verb")]
            found.append((organ, verb, _clean_matter(duty.group("rest"))))
        else:
            found.append((organ, relation, _clean_matter(item)))
    return found


def _from_sentence(sentence: str) -> list[tuple[str, str, str]]:
    found = []
    for pattern, relation in ((_INVERTED, "ansvarar för"), (_HAS_MANDATE, "har i uppdrag att")):
        m = pattern.match(sentence)
        if m and _is_organ(m.group("organ")):
            found.append(
                (_clean_organ(m.group("organ")), relation, _clean_matter(m.group("matter")))
            )
    for m in _PASSIVE.finditer(sentence):
        if _is_organ(m.group("organ")):
            found.append((_clean_organ(m.group("organ")), "beslutar om", m.group("matter").lower()))
    for m in _COMMISSION.finditer(sentence):
        if _is_organ(m.group("organ")):
            found.append(
                (
                    _clean_organ(m.group("organ")),
                    "har i uppdrag att",
                    _clean_matter(m.group("matter")),
                )
            )
    if not found and not sentence.rstrip().endswith(":"):
        m = _ACTIVE.match(sentence)
        if m and _is_organ(m.group("organ")) and m.group("matter").strip():
            found.append(
                (
                    _clean_organ(m.group("organ")),
                    RELATIONS[m.group("rel")],
                    _clean_matter(m.group("matter")),
                )
            )
    return found


def statements(text: str, section: str = "") -> list[tuple[str, str, str]]:
    """The (organ, relation, matter) statements of one passage, found by the Swedish sentence
    and list patterns above. Run at ingest; the results are stored with the passage."""
    triples: list[tuple[str, str, str]] = []
    for lines in blocks(text):
        items = [line[len(LIST_MARK) :] for line in lines if line.startswith(LIST_MARK)]
        prose = " ".join(line for line in lines if not line.startswith(LIST_MARK))
        if items:
            lead = prose or section.split(" > ")[-1]
            triples += _from_lead_in(lead, items)
            prose = " ".join(sentences(prose)[:-1]) if prose else ""
        for sentence in sentences(prose):
            triples += _from_sentence(sentence.strip())
    return [t for t in triples if t[2]]
