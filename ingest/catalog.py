"""The policy library's catalog: who wrote each document, what it is, and when it applies."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import tomllib
import unicodedata
from collections import Counter
from pathlib import Path

from pydantic import ValidationError

from core import vocabulary
from core.documents import DocumentMeta, slugify
from core.errors import CatalogError

log = logging.getLogger(__name__)

CATALOG_FILE = "catalog.toml"


def _entry(raw: dict) -> DocumentMeta:
    for required in ("file", "organisation", "title"):
        if required not in raw:
            raise KeyError(required)
    try:
        return DocumentMeta.model_validate(
            {"id": raw.get("id") or slugify(Path(raw["file"]).stem), **raw}
        )
    except ValidationError as exc:  # a short reason, not pydantic's report
        reasons = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        raise ValueError("; ".join(reasons)) from None


def _position(message: str, text: str) -> str:
    """tomllib's "Invalid value (at line 3, column 8)" as "line 3, column 8: invalid value";
    "(at end of document)" as the last line."""
    m = re.search(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$", message)
    if not m:
        return message
    reason = message[: m.start()]
    reason = reason[:1].lower() + reason[1:]
    if m.group(1):
        return f"line {m.group(1)}, column {m.group(2)}: {reason}"
    return f"line {len(text.splitlines())} (the end of the file): {reason}"


def _entry_lines(text: str) -> list[int]:
    """The line number of each [[document]] header, in order."""
    return [
        n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith("[[document]]")
    ]


class Catalog:
    """The entries of ``catalog.toml``, by file name."""

    def __init__(self, entries: dict[str, DocumentMeta]) -> None:
        self.entries = entries

    @classmethod
    def load(cls, folder: Path) -> Catalog:
        """The catalog of ``folder``; CatalogError names the file and line of a mistake."""
        path = folder / CATALOG_FILE
        if not path.exists():
            return cls({})
        try:
            text = path.read_bytes().decode("utf-8")
            data = tomllib.loads(text)
        except UnicodeDecodeError:
            raise CatalogError(
                f"{path} is not UTF-8 text. Save it as UTF-8 and run ingest again."
            ) from None
        except tomllib.TOMLDecodeError as exc:
            raise CatalogError(
                f"{path}: {_position(str(exc), text)}. Fix that line (the fields are listed at the "
                "top of the file) and run ingest again."
            ) from None
        documents = data.get("document", [])
        if not isinstance(documents, list):
            raise CatalogError(
                f"{path}: each entry must start with [[document]] (two brackets), not "
                "[document]. Fix it and run ingest again."
            )
        lines = _entry_lines(text)
        entries: dict[str, DocumentMeta] = {}
        for number, raw in enumerate(documents):
            line = lines[number] if number < len(lines) else 0
            try:
                meta = _entry(raw)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                what = (
                    f"the required field '{exc.args[0]}' is missing"
                    if isinstance(exc, KeyError)
                    else f"a value is wrong ({exc})"
                )
                raise CatalogError(
                    f"{path} line {line}: in this [[document]] entry {what}. Fix it (the fields "
                    "are listed at the top of the file) and run ingest again."
                ) from None
            entries[meta.file] = meta
        return cls(entries)

    def meta_for(self, path: Path, text: str) -> DocumentMeta:
        """The catalog entry for ``path``, or metadata guessed from ``text`` with a warning."""
        entry = self.entries.get(path.name)
        if entry is not None and not entry.aliases:
            # an entry that lists no other names gets those users type ("Lunnevik",
            # "Lunneviks", "Region X"), as a document without an entry does
            return entry.model_copy(update={"aliases": guess_aliases(entry.organisation, text)})
        if entry is not None:
            return entry
        return guess_meta(path, text)


_NAME = r"[A-ZÅÄÖÉ][\wåäöé-]+"
# words beside an organisation's name ("Region", "kommun", "Kommunalförbundet")
_ORGANISATION_WORDS = vocabulary.organisation_words()
# associations of municipalities, named before their place ("Kommunalförbundet Fjällbygden"):
# the definite forms among organisation_words.csv
_ASSOCIATIONS = tuple(
    sorted(
        w.capitalize() for w in _ORGANISATION_WORDS if w.endswith("förbundet") and w != "förbundet"
    )
)
# How Swedish public bodies name themselves: "X kommun", "Region X", "X stad", "X läns
# landsting", "Landstinget i X", "Landstinget X", "Kommunalförbundet X".
_ORG_PATTERNS = [
    re.compile(rf"\b(Landstinget i {_NAME})"),
    re.compile(rf"\b(Landstinget {_NAME})"),
    re.compile(rf"\b(Region {_NAME})"),
    re.compile(rf"\b((?:{'|'.join(_ASSOCIATIONS)}) {_NAME}(?: {_NAME}){{0,2}})"),
    re.compile(rf"\b((?:{_NAME} )?{_NAME} läns landsting)\b"),
    re.compile(rf"\b({_NAME} kommun)\b"),
    re.compile(rf"\b({_NAME} stad)\b"),
]
_GENERIC = {"kommun", "stad", "läns", "landsting", "landstinget", "i", "region"}
_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ],
        1,
    )
}
_DATE = r"(?:\d{4}-\d{2}-\d{2}|(?:den\s+)?\d{1,2}\s+(?:" + "|".join(_MONTHS) + r")\s+\d{4})"
_DECIDED = re.compile(
    r"\b(?:beslutad|beslutade|beslutat|beslutades|beslutats|antagen|antagna|antaget|antogs|"
    r"antagits|fastställd|fastställda|fastställt|fastställdes|fastställts|fastställs|godkänd|"
    r"godkända|godkänt|godkändes|godkänts)\b(?P<av>\s+(?:i förväg\s+)?av\s+(?P<rest>.+))?",
    re.I,
)
_VALID_RANGE = re.compile(rf"giltighetstid:?\s*(?P<a>{_DATE})\s*[–-]\s*(?P<b>{_DATE})", re.I)
_VALID_FROM = re.compile(
    rf"gäller\s+(?:från(?:\s+och\s+med)?|fr\.?\s?o\.?\s?m\.?)\s+(?P<d>{_DATE})", re.I
)
_VALID_TO = re.compile(
    rf"gäller\s.{{0,40}}?(?:till\s+och\s+med|t\.?\s?o\.?\s?m\.?)\s+(?P<d>{_DATE})", re.I
)


def _common(word: str) -> bool:
    """A common word ("Varje", "Enligt") rather than a place name."""
    from wordfreq import zipf_frequency

    from core.text import stopwords

    w = word.lower()
    return w in stopwords("sv") or zipf_frequency(w, "sv") >= 5.0


def _normal_case(line: str, *, title: bool = False) -> str:
    """An all-capitals line in ordinary case: a name "ÖSTERBY KOMMUN" -> "Österby kommun", a
    title "INTERNATIONELL POLICY" -> "Internationell policy" (two-letter parts such as "EU"
    stay as they are)."""
    if not line.isupper():
        return line
    out = []
    for i, word in enumerate(line.split()):
        word = "-".join(p if len(p) <= 2 and p.isalpha() else p.lower() for p in word.split("-"))
        if i == 0 or (not title and word not in _GENERIC):
            word = word[:1].upper() + word[1:]
        out.append(word)
    return " ".join(out)


def _organisations(text: str) -> list[str]:
    """Every organisation name in ``text``, in order (without a common word before a name)."""
    found: list[tuple[int, str]] = []
    for pattern in _ORG_PATTERNS:
        for m in pattern.finditer(text):
            name = m.group(1)
            words = name.split()
            if _common(words[0]) and words[0] not in ("Landstinget", "Region", *_ASSOCIATIONS):
                if len(words) > 3 or "läns" in words:  # "Enligt Stockholms läns landsting"
                    name = " ".join(words[1:])
                else:
                    continue
            found.append((m.start(1), name))
    # the longest name at each place ("Västra Skogslands läns landsting", not "Skogslands ...")
    found.sort(key=lambda f: (f[0], -len(f[1])))
    out: list[str] = []
    end = -1
    for start, name in found:
        if start >= end:
            out.append(name)
            end = start + len(name)
    return out


def _lines(text: str) -> list[str]:
    return [line.strip().strip("#*_ ").strip() for line in text.splitlines() if line.strip()]


def _letterhead(lines: list[str]) -> str | None:
    """An organisation named at the top, before or just after the title ("Ekby kommun ·
    Kommunledningskontoret", "REGION NORRHAV", "**Lunneviks stad**")."""
    for line in lines[:4]:
        normal = _normal_case(line)
        names = _organisations(normal)
        if names and normal.startswith(names[0]):
            return names[0]
    return None


def guess_organisation(text: str) -> str | None:
    """The organisation a document is from: its letterhead, else one its title names, else
    the one it names most."""
    lines = _lines(text)
    head = _letterhead(lines)
    if head:
        return head
    title = guess_title(text)
    in_title = _organisations(title)
    if in_title:
        return in_title[0]
    counts = Counter(_organisations(text))
    return counts.most_common(1)[0][0] if counts else None


def _is_heading_line(line: str) -> bool:
    from core.statements import whole_body

    normal = _normal_case(line)
    names = _organisations(normal)
    return not (
        (names and normal.startswith(names[0]))
        or whole_body(normal)
        or _DECIDED.search(normal)
        or re.search(r"\d{4}-\d{2}-\d{2}", normal)
        and len(normal.split()) <= 4
        or len(normal.split()) > 14
        or re.search(r"[.:;!?]$", normal)
    )


def guess_title(text: str) -> str:
    """The first heading: a Markdown heading, else the first line that is not a letterhead, a
    unit's name or a decision line; written in ordinary case."""
    for line in text.splitlines():
        m = re.match(r"^#{1,6}\s+(.+?)\s*#*\s*$", line.strip())
        if m:
            return _normal_case(m.group(1).strip("*_ ").strip(), title=True)
    for line in _lines(text):
        if _is_heading_line(line):
            return _normal_case(line, title=True)[:120]
    return ""


def _date(text: str) -> dt.date | None:
    m = re.search(_DATE, text)
    if not m:
        return None
    value = m.group(0)
    try:
        if value[:4].isdigit():
            return dt.date.fromisoformat(value)
        day, month, year = re.sub(r"^den\s+", "", value).split()
        return dt.date(int(year), _MONTHS[month], int(day))
    except ValueError:
        return None


def _front_matter(text: str, title: str) -> str:
    """What a document says about itself before its first section: after the title, up to the
    next heading (or a few lines)."""
    lines = text.splitlines()
    start = next(
        (i + 1 for i, line in enumerate(lines) if title and title in _normal_case(line)), 0
    )
    out: list[str] = []
    for line in lines[start:]:
        stripped = line.strip()
        if stripped.startswith("#") or (
            out and not line.strip() and sum(len(o) for o in out) > 300
        ):
            break
        if stripped:
            out.append(stripped.strip("*_ "))
        if len(out) >= 6:
            break
    return "\n".join(out)


def guess_decision(front: str) -> tuple[str | None, dt.date | None]:
    """Who decided the document and when, from its front matter ("Beslutad av
    regionfullmäktige 2024-02-20", "Strategin antogs av kommunfullmäktige den 3 maj 2016")."""
    from core.statements import body_after
    from core.structure import sentences

    by: str | None = None
    on: dt.date | None = None
    lines = front.splitlines()
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        for sentence in sentences(line):
            m = _DECIDED.search(sentence)
            if not m:
                continue
            when = _date(sentence[m.start() :]) or (
                _date(following) if sentence == line and not line.endswith(".") else None
            )
            if by is None and m.group("rest"):
                body, _ = body_after(m.group("rest"))
                if body:
                    by, on = body, on or when
            elif on is None:
                on = when
            if by and on:
                return by, on
    return by, on


def guess_validity(front: str) -> tuple[dt.date | None, dt.date | None]:
    m = _VALID_RANGE.search(front)
    if m:
        return _date(m.group("a")), _date(m.group("b"))
    start = _VALID_FROM.search(front)
    end = _VALID_TO.search(front)
    return (_date(start.group("d")) if start else None), (_date(end.group("d")) if end else None)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def guess_aliases(organisation: str, text: str = "") -> tuple[str, ...]:
    """Other names users type: the place name, its genitive, forms without å/ä/ö, and
    "Region X" for a county council (county councils are regions since 2019). A name in the
    genitive ("Lunneviks stad") also gives the bare place name when the text uses it."""
    words = organisation.split()
    while len(words) > 1 and words[0].lower() in _ORGANISATION_WORDS | {"i"}:
        words = words[1:]  # "Landstinget i Värmland", "Kommunalförbundet Granhedsbygden"
    while len(words) > 1 and words[-1].lower() in _ORGANISATION_WORDS:
        words = words[:-1]  # "Stockholms läns landsting", "Lunneviks stad"
    place = " ".join(words).strip()
    if not place or place == organisation:
        return ()
    forms = [place]
    bare = place[:-1]
    if place.endswith("s") and (
        re.search(rf"\b{re.escape(bare)}\b(?!s)", text) or place[-2] not in "aeiouyåäösr"
    ):
        forms = [bare, place]  # "Lunneviks stad": Lunnevik, Lunneviks
    county = organisation.startswith("Landstinget") or organisation.endswith("landsting")
    if county:
        forms.append(f"Region {forms[0]}")
    with_ascii = [*forms, *(_ascii(f) for f in forms)]
    return tuple(dict.fromkeys(f for f in with_ascii if f != organisation))


def guess_type(title: str) -> str:
    for word in re.findall(r"[\wåäöé]+", title.lower()):
        for ending, kind in vocabulary.document_types():
            if word.endswith(ending):
                return kind
    return "policy"


def guess_meta(path: Path, text: str, *, warn: bool = True) -> DocumentMeta:
    """Metadata for a document with no catalog entry, from its text: organisation (letterhead,
    title, most named), title (first heading), type (from the title), who decided it and when,
    validity and language."""
    from core.text import detect_language

    title = guess_title(text)
    organisation = guess_organisation(text) or "Okänd organisation"
    front = _front_matter(text, title)
    decided_by, decided_on = guess_decision(front)
    valid_from, valid_to = guess_validity(front)
    warning = (
        f"{path.name} has no entry in {CATALOG_FILE}; guessed organisation "
        f"{organisation!r} and title {title!r} from its text. Add an entry to make them exact "
        "(policy-assistant catalog prints one to edit)."
    )
    if warn:
        log.warning(warning)
    return DocumentMeta(
        id=slugify(path.stem),
        file=path.name,
        organisation=organisation,
        title=title or path.stem,
        type=guess_type(title),
        aliases=guess_aliases(organisation, text),
        decided_by=decided_by,
        decided_on=decided_on,
        valid_from=valid_from,
        valid_to=valid_to,
        language=detect_language(text),
        guessed=True,
        warnings=(warning,),
    )


def _toml_value(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def to_toml(meta: DocumentMeta) -> str:
    """A ``[[document]]`` entry for ``catalog.toml``, ready to check and paste."""
    lines = [
        f"# {meta.file}: guessed from its text; check every line before adding it",
        "[[document]]",
    ]
    for key in (
        "file",
        "id",
        "organisation",
        "aliases",
        "title",
        "type",
        "decided_by",
        "decided_on",
        "valid_from",
        "valid_to",
        "language",
    ):
        value = getattr(meta, key)
        if value in (None, (), ""):
            lines.append(f"# {key} = (not found in the text)")
        else:
            lines.append(f"{key} = {_toml_value(value)}")
    return "\n".join(lines) + "\n"


def uncatalogued(folder: Path) -> list[Path]:
    """Supported files in ``folder`` that its catalog does not describe."""
    from ingest import loaders

    catalog = Catalog.load(folder)
    return [
        p
        for p in sorted(folder.iterdir())
        if p.is_file() and loaders.supported(p) and p.name not in catalog.entries
    ]
