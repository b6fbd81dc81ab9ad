#!/usr/bin/env python3
"""Verifier for test corpus 11.

Usage: python3 check.py [CORPUS_DIR] [POLICY_DIR]
  CORPUS_DIR defaults to the folder holding this script,
  POLICY_DIR defaults to /work/shared/policies.
Prints every error found and a final summary line; exit code 0 only with 0 errors.
"""
import json
import re
import sys
import tomllib
from html.parser import HTMLParser
from pathlib import Path

N = 11
N_DOCS = 6
ROOT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
POLICIES = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/work/shared/policies")

RELATIONS = {"decides", "responsible", "coordinates", "leads", "prepares",
             "represents", "supports", "commissioned"}
USES = {"twinning", "trip", "onboarding", "general", "followup", "abstain"}
GENRE_USE = ["general", "trip", "general", "twinning", "onboarding", "general"]
MAP_FIELDS = {"file", "body", "relation", "matter_keywords", "sentence"}
NEG_FIELDS = {"file", "sentence"}
Q_FIELDS = {"id", "question", "lang", "use", "history", "org", "quotes", "terms", "abstain"}
GENERIC_ORG_WORDS = {"region", "kommun", "stad", "kommunalförbund", "kommunalförbundet",
                     "utbildningsförbund", "förbund", "landsting"}
BODY_WORD = re.compile(
    r"(nämnd|styrelse|fullmäktige|kansli|kontor|förvaltning|utskott|presidi|direktör|enhet|"
    r"avdelning|revisor|ordförande|beredning|samordnare|chef|kommunerna|kommunstyrelse)", re.I)

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    """Normalisation used by the scoring rules: drop '*', fold whitespace."""
    return re.sub(r"\s+", " ", s.replace("*", "")).strip()


def tokens(s):
    return re.findall(r"\w+", s.lower())


def ngrams(toks, n):
    return {tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)}


SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖØ0-9§\"”])")


def sentences(text):
    return [s.strip() for s in SENT_SPLIT.split(text) if s.strip()]


# ---------------------------------------------------------------- parsing
class Unit:
    def __init__(self, kind, text, heading="", leadin="", firstcell=""):
        self.kind, self.text = kind, norm(text)
        self.heading, self.leadin, self.firstcell = norm(heading), norm(leadin), norm(firstcell)


def parse_markdown(raw):
    units, lines = [], []
    heading, last_para, in_list, leadin = "", "", False, ""
    for line in raw.splitlines():
        lines.append(norm(line))
        s = line.strip()
        if not s:
            in_list = False
            continue
        m_h = re.match(r"^#{1,6}\s+(.*)$", s)
        m_i = re.match(r"^(?:[-*+]|\d+\.)\s+(.*)$", s)
        if m_h:
            heading = m_h.group(1)
            units.append(Unit("heading", heading, heading))
            last_para, in_list = "", False
        elif s.startswith("|"):
            cells = [c.strip() for c in s.strip("|").split("|")]
            if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                continue
            for c in cells:
                units.append(Unit("cell", c, heading, firstcell=cells[0]))
            last_para, in_list = "", False
        elif m_i:
            if not in_list:
                leadin = last_para if norm(last_para).endswith(":") else ""
                in_list = True
            units.append(Unit("item", m_i.group(1), heading, leadin))
        else:
            units.append(Unit("para", s, heading))
            last_para, in_list = s, False
    return units, lines


def parse_text(raw):
    units, lines = [], []
    heading, last_para, in_list, leadin, prev_blank = "", "", False, "", True
    for line in raw.splitlines():
        lines.append(norm(line))
        s = line.strip()
        if not s:
            in_list, prev_blank = False, True
            continue
        m_i = re.match(r"^[-•–]\s+(.*)$", s)
        if m_i:
            if not in_list:
                leadin = last_para if last_para.endswith(":") else ""
                in_list = True
            units.append(Unit("item", m_i.group(1), heading, leadin))
        elif prev_blank and not re.search(r"[.:;,!]$", s) and len(s.split()) <= 10:
            heading = s
            units.append(Unit("heading", s, s))
            last_para, in_list = "", False
        else:
            units.append(Unit("para", s, heading))
            last_para, in_list = s, False
        prev_blank = False
    return units, lines


class _HTML(HTMLParser):
    BLOCK = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading",
             "h5": "heading", "h6": "heading", "p": "para", "li": "item",
             "td": "cell", "th": "cell"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.units, self.cur, self.kind, self.skip = [], None, None, 0
        self.heading, self.last_para, self.leadin, self.row = "", "", "", []
        self.row_first = ""

    def handle_starttag(self, tag, attrs):
        if tag in ("head", "script", "style"):
            self.skip += 1
        elif tag in ("ul", "ol"):
            self.leadin = self.last_para if norm(self.last_para).endswith(":") else ""
        elif tag == "tr":
            self.row, self.row_first = [], ""
        elif tag in self.BLOCK:
            self.cur, self.kind = [], self.BLOCK[tag]

    def handle_endtag(self, tag):
        if tag in ("head", "script", "style"):
            self.skip -= 1
        elif tag in self.BLOCK and self.cur is not None:
            text = norm("".join(self.cur))
            kind, self.cur = self.kind, None
            if kind == "heading":
                self.heading = text
                self.units.append(Unit("heading", text, text))
                self.last_para = ""
            elif kind == "para":
                self.units.append(Unit("para", text, self.heading))
                self.last_para = text
            elif kind == "item":
                self.units.append(Unit("item", text, self.heading, self.leadin))
            elif kind == "cell":
                if not self.row:
                    self.row_first = text
                self.row.append(text)
                self.units.append(Unit("cell", text, self.heading, firstcell=self.row_first))
                self.last_para = ""

    def handle_data(self, data):
        if self.cur is not None and not self.skip:
            self.cur.append(data)


def parse_html(raw):
    p = _HTML()
    p.feed(raw)
    return p.units, [u.text for u in p.units]


def parse(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        units, lines = parse_markdown(raw)
    elif path.suffix in (".html", ".htm"):
        units, lines = parse_html(raw)
    else:
        units, lines = parse_text(raw)
    return units, lines


def candidates(units):
    """(candidate text, unit) pairs: whole units and their sentences."""
    out = []
    for u in units:
        if u.kind == "heading":
            continue
        out.append((u.text, u))
        sents = sentences(u.text)
        if len(sents) > 1:
            out.extend((s, u) for s in sents)
    return out


# ---------------------------------------------------------------- catalog & docs
try:
    catalog = tomllib.loads((ROOT / "catalog.toml").read_text(encoding="utf-8"))["document"]
except Exception as e:  # noqa: BLE001
    print(f"FATAL: catalog.toml unreadable: {e}")
    sys.exit(2)

if len(catalog) != N_DOCS:
    err(f"catalog: {len(catalog)} documents, expected {N_DOCS}")
docs = {}
order = []
for i, d in enumerate(catalog):
    for k in ("file", "organisation", "title"):
        if not isinstance(d.get(k), str) or not d.get(k).strip():
            err(f"catalog[{i}]: missing field {k}")
    f = d.get("file", "")
    if f.startswith("docs/") or "/" in f:
        err(f"catalog[{i}]: file must be relative to docs/ without prefix: {f}")
    p = ROOT / "docs" / f
    if not p.is_file():
        err(f"catalog[{i}]: file not found: {f}")
        continue
    units, lines = parse(p)
    visible = " ".join(u.text for u in units)
    wc = len(visible.split())
    if not 500 <= wc <= 1200:
        err(f"{f}: {wc} words, expected 500-1200")
    docs[f] = {"units": units, "lines": lines, "cands": candidates(units), "text": visible,
               "org": d.get("organisation", ""), "title": d.get("title", ""), "wc": wc}
    order.append(f)
    if norm(d.get("title", "")).lower() not in visible.lower():
        err(f"{f}: catalog title not found in document text")
on_disk = {p.name for p in (ROOT / "docs").iterdir() if p.is_file()}
if on_disk != set(order):
    err(f"docs/ and catalog differ: only on disk {sorted(on_disk - set(order))}, "
        f"only in catalog {sorted(set(order) - on_disk)}")
exts = {Path(f).suffix for f in order}
for need in (".md", ".txt", ".html"):
    if need not in exts:
        err(f"no document in format {need}")
orgs = [docs[f]["org"] for f in order]
if len(set(o.lower() for o in orgs)) != len(orgs):
    err("organisation names are not unique")


def org_key(org):
    words = [w for w in re.findall(r"[\wÅÄÖåäöØø-]+", org) if w.lower() not in GENERIC_ORG_WORDS]
    w = max(words, key=len) if words else org
    return w[:-1] if w.endswith("s") else w


def read_jsonl(name):
    rows = []
    for n, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            err(f"{name}:{n}: empty line")
            continue
        try:
            rows.append((n, json.loads(line)))
        except json.JSONDecodeError as e:
            err(f"{name}:{n}: invalid JSON ({e})")
    return rows


def locate(doc, sentence):
    s = norm(sentence)
    return [u for c, u in doc["cands"] if c == s]


# ---------------------------------------------------------------- map.jsonl
map_rows = read_jsonl("map.jsonl")
per_doc = {f: 0 for f in order}
seen = set()
map_sentences = {}
for n, r in map_rows:
    where = f"map.jsonl:{n}"
    if set(r) != MAP_FIELDS:
        err(f"{where}: fields {sorted(r)} != {sorted(MAP_FIELDS)}")
        continue
    f, body, rel, kws, sent = r["file"], r["body"], r["relation"], r["matter_keywords"], r["sentence"]
    if f not in docs:
        err(f"{where}: unknown file {f}")
        continue
    per_doc[f] += 1
    if rel not in RELATIONS:
        err(f"{where}: bad relation {rel}")
    if not isinstance(body, str) or not body.strip():
        err(f"{where}: empty body")
        continue
    if re.match(r"(?i)^(den|det|de)\s", body):
        err(f"{where}: body starts with den/det/de: {body}")
    if not isinstance(sent, str) or not sent.strip() or "*" in sent or re.search(r"<[^>]+>", sent):
        err(f"{where}: sentence empty or contains * / HTML tags")
        continue
    if re.match(r"^\s*([-*+•]|\d+\.)\s", sent):
        err(f"{where}: sentence keeps a bullet")
    if not isinstance(kws, list) or not 1 <= len(kws) <= 2:
        err(f"{where}: matter_keywords must be a list of 1-2 items")
    else:
        for k in kws:
            if not isinstance(k, str) or not k.strip() or len(k.split()) > 2:
                err(f"{where}: keyword not 1-2 words: {k!r}")
            elif k not in sent:
                err(f"{where}: keyword not copied from sentence: {k!r}")
    hits = locate(docs[f], sent)
    if not hits:
        err(f"{where}: sentence not found as a whole line/item/cell/sentence in {f}")
    else:
        b = body.lower()
        if b not in sent.lower() and not any(
                b in u.heading.lower() or b in u.leadin.lower() or b in u.firstcell.lower()
                for u in hits):
            err(f"{where}: body {body!r} not in sentence, heading, lead-in or first cell")
    key = (f, body.lower(), rel, sent, tuple(kws) if isinstance(kws, list) else ())
    if key in seen:
        err(f"{where}: duplicate row")
    seen.add(key)
    map_sentences.setdefault(f, set()).add(norm(sent))
for f, c in per_doc.items():
    if not 18 <= c <= 25:
        err(f"map.jsonl: {f} has {c} rows, expected 18-25")

# ---------------------------------------------------------------- map_negative.jsonl
neg_rows = read_jsonl("map_negative.jsonl")
neg_per_doc = {f: 0 for f in order}
for n, r in neg_rows:
    where = f"map_negative.jsonl:{n}"
    if set(r) != NEG_FIELDS:
        err(f"{where}: fields {sorted(r)} != {sorted(NEG_FIELDS)}")
        continue
    f, sent = r["file"], r["sentence"]
    if f not in docs:
        err(f"{where}: unknown file {f}")
        continue
    neg_per_doc[f] += 1
    if not locate(docs[f], sent):
        err(f"{where}: sentence not found as a whole line/item/cell/sentence in {f}")
    if norm(sent) in map_sentences.get(f, set()):
        err(f"{where}: sentence is also a map sentence")
    if not BODY_WORD.search(sent):
        err(f"{where}: sentence names no body")
for f, c in neg_per_doc.items():
    if not 3 <= c <= 4:
        err(f"map_negative.jsonl: {f} has {c} rows, expected 3-4")

# ---------------------------------------------------------------- questions.jsonl
q_rows = [r for _, r in read_jsonl("questions.jsonl")]
if len(q_rows) != 6 * N_DOCS:
    err(f"questions.jsonl: {len(q_rows)} questions, expected {6 * N_DOCS}")
doc_5grams = set()
for f in order:
    doc_5grams |= ngrams(tokens(docs[f]["text"]), 5)
    doc_5grams |= ngrams(tokens(" ".join(docs[f]["lines"])), 5)

for i, q in enumerate(q_rows):
    where = f"questions.jsonl:{i + 1}"
    if set(q) != Q_FIELDS:
        err(f"{where}: fields {sorted(q)} != {sorted(Q_FIELDS)}")
        continue
    if q["id"] != f"c{N}-{i + 1:03d}":
        err(f"{where}: id {q['id']} != c{N}-{i + 1:03d}")
    if not isinstance(q["question"], str) or not q["question"].strip():
        err(f"{where}: empty question")
    if q["lang"] not in ("sv", "en"):
        err(f"{where}: bad lang")
    if q["use"] not in USES:
        err(f"{where}: bad use")
    if not isinstance(q["history"], list) or not all(isinstance(h, str) and h.strip() for h in q["history"]):
        err(f"{where}: history must be a list of non-empty strings")
    if q["org"] is not None and not isinstance(q["org"], str):
        err(f"{where}: org must be null or a string")
    if not isinstance(q["quotes"], list) or not all(isinstance(x, str) for x in q["quotes"]):
        err(f"{where}: quotes must be a list of strings")
    if not isinstance(q["terms"], list) or not all(isinstance(x, str) for x in q["terms"]):
        err(f"{where}: terms must be a list of strings")
    if not isinstance(q["abstain"], bool):
        err(f"{where}: abstain must be boolean")
    # no 5-gram copied from any document into a question or its history
    for txt in [q.get("question", "")] + list(q.get("history", []) or []):
        shared = ngrams(tokens(txt), 5) & doc_5grams
        if shared:
            err(f"{where}: 5-gram copied from a document: {' '.join(sorted(shared)[0])!r}")

for b, f in enumerate(order):
    block = q_rows[6 * b: 6 * b + 6]
    if len(block) < 6:
        break
    doc = docs[f]
    where = f"block {b + 1} ({f})"
    langs = [q.get("lang") for q in block]
    if langs.count("sv") != 3 or langs.count("en") != 3:
        err(f"{where}: needs 3 sv and 3 en questions, has {langs}")
    uses = [q.get("use") for q in block]
    if uses.count(GENRE_USE[b]) != 4:
        err(f"{where}: needs 4 questions with use {GENRE_USE[b]}, has {uses}")
    if uses.count("followup") != 1 or uses.count("abstain") != 1:
        err(f"{where}: needs exactly 1 followup and 1 abstain, has {uses}")
    org_set = [q for q in block if q.get("org") is not None]
    if len(org_set) != 1:
        err(f"{where}: exactly one question must set org, {len(org_set)} do")
    key = org_key(doc["org"]).lower()
    for q in block:
        qw = f"{where} {q.get('id')}"
        hist = q.get("history") or []
        said = " ".join([q.get("question", "")] + hist).lower()
        if q.get("org") is not None:
            o = q["org"].lower()
            matches = [x for x in orgs if o in x.lower()]
            if matches != [doc["org"]]:
                err(f"{qw}: org {q['org']!r} does not uniquely match {doc['org']!r}")
            if key in said:
                err(f"{qw}: sets org but also names the organisation")
        elif key not in said:
            err(f"{qw}: organisation ({key}) named neither in question nor history")
        if q.get("use") == "followup":
            if not hist:
                err(f"{qw}: followup with empty history")
        elif hist:
            err(f"{qw}: history only allowed on the followup question")
        if (q.get("use") == "abstain") != (q.get("abstain") is True):
            err(f"{qw}: use=abstain and abstain=true must go together")
        if q.get("abstain") is True:
            if q.get("quotes") or q.get("terms"):
                err(f"{qw}: abstain question must have empty quotes and terms")
            continue
        quotes, terms = q.get("quotes") or [], q.get("terms") or []
        if not quotes:
            err(f"{qw}: answerable question without quotes")
        for qt in quotes:
            nw = len(qt.split())
            if not 5 <= nw <= 12:
                err(f"{qw}: quote has {nw} words, expected 5-12")
            if "*" in qt or not any(qt in line for line in doc["lines"]):
                err(f"{qw}: quote not an exact substring of one line/text element: {qt!r}")
        if not 1 <= len(terms) <= 3:
            err(f"{qw}: needs 1-3 terms, has {len(terms)}")
        for t in terms:
            alts = [a.strip() for a in t.split("|")]
            if any(not a for a in alts):
                err(f"{qw}: empty alternative in term {t!r}")
                continue
            if alts[0].lower() not in doc["text"].lower():
                err(f"{qw}: Swedish term {alts[0]!r} not found in the document")
            if q.get("lang") == "en" and len(alts) < 2:
                err(f"{qw}: English question term without English alternative: {t!r}")
            if q.get("lang") == "sv" and len(alts) > 1:
                err(f"{qw}: Swedish question term with alternatives: {t!r}")

# ---------------------------------------------------------------- 8-grams shared with real policies
pol_8 = set()
pol_files = sorted(p for p in POLICIES.iterdir() if p.is_file()) if POLICIES.is_dir() else []
if not pol_files:
    err(f"no policy files found in {POLICIES}")
for p in pol_files:
    pol_8 |= ngrams(tokens(p.read_text(encoding="utf-8", errors="replace")), 8)
for f in order:
    raw = (ROOT / "docs" / f).read_text(encoding="utf-8")
    shared = ngrams(tokens(docs[f]["text"]), 8) & pol_8
    shared |= ngrams(tokens(re.sub(r"<[^>]+>", " ", raw)), 8) & pol_8
    if shared:
        err(f"{f}: shares 8-gram with real policies: {' '.join(sorted(shared)[0])!r}")
for q in q_rows:
    for txt in [q.get("question", "")] + list(q.get("history", []) or []):
        if ngrams(tokens(txt), 8) & pol_8:
            err(f"{q.get('id')}: shares an 8-gram with real policies")

# ---------------------------------------------------------------- report
for e in errors:
    print("ERROR:", e)
print(f"documents={len(order)} words={[docs[f]['wc'] for f in order]} map_rows={len(map_rows)} "
      f"per_doc={[per_doc[f] for f in order]} negatives={[neg_per_doc[f] for f in order]} "
      f"questions={len(q_rows)}")
print(f"{len(errors)} errors")
sys.exit(0 if not errors else 1)
