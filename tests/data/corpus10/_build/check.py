#!/usr/bin/env python3
"""Checks corpus10 against corpus_conventions.md and the eval README question format.

Usage: python3 check.py            (run from any directory)
Prints every error, a few warnings (possible unmapped duties) and a summary line.
Exit code 0 when there are no errors.
"""
import html
import json
import os
import re
import sys
import tomllib
from html.parser import HTMLParser

N = 10
HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
POLICIES = "/work/shared/policies"
RELATIONS = {"decides", "responsible", "coordinates", "leads", "prepares",
             "represents", "supports", "commissioned"}
GENRE_USE = ["general", "trip", "general", "twinning", "onboarding", "general"]
Q_FIELDS = {"id", "question", "lang", "use", "history", "org", "quotes", "terms", "abstain"}
MAP_FIELDS = {"file", "body", "relation", "matter_keywords", "sentence"}
NEG_FIELDS = {"file", "sentence"}
GENERIC_ORG_WORDS = {"region", "kommun", "stad", "landstinget", "landsting", "regionen", "kommunen"}

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


def ws(s):
    return re.sub(r"\s+", " ", s).strip()


def norm(s):
    """Scoring normalisation from the eval README: drop '*', fold whitespace, lower-case."""
    return ws(s.replace("*", "")).lower()


def tokens(s):
    return re.findall(r"\w+", s.lower())


def ngrams(toks, n):
    return {tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)}


# ---------------------------------------------------------------- document units
class Unit:
    def __init__(self, text, kind, heading="", leadin="", firstcol=""):
        self.text = ws(text)
        self.kind = kind          # heading, para, item, cell
        self.heading = heading or ""
        self.leadin = leadin or ""
        self.firstcol = firstcol or ""


def units_plain(path, is_md):
    lines = open(path, encoding="utf-8").read().split("\n")
    units, heading, last_para = [], "", ""
    for i, raw in enumerate(lines):
        line = raw.replace("*", "").strip()
        if not line:
            continue
        if is_md and re.match(r"#{1,6}\s", line):
            text = re.sub(r"^#{1,6}\s+", "", line)
            units.append(Unit(text, "heading", heading))
            heading, last_para = text, ""
            continue
        if "\t" in raw or (is_md and line.startswith("|")):
            if "\t" in raw:
                cells = [c.strip() for c in raw.split("\t")]
            else:
                cells = [c.strip() for c in line.strip("|").split("|")]
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue
            first = cells[0].replace("*", "")
            for c in cells:
                units.append(Unit(c.replace("*", ""), "cell", heading, firstcol=first))
            continue
        m = re.match(r"^(?:[-•]|\d+\.)\s+(.*)$", raw.strip())
        if not is_md:
            prev_blank = i == 0 or not lines[i - 1].strip()
            next_blank = i + 1 >= len(lines) or not lines[i + 1].strip()
            if (prev_blank and next_blank and len(line) < 90
                    and not re.search(r"[.:;,!?]$", line)):
                units.append(Unit(line, "heading", heading))
                heading, last_para = line, ""
                continue
        if m:
            units.append(Unit(m.group(1).replace("*", ""), "item", heading, leadin=last_para))
            continue
        units.append(Unit(line, "para", heading))
        last_para = line
    return units


class _HP(HTMLParser):
    BLOCK = {"title", "h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "dt", "dd"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.units, self.heading, self.last_para = [], "", ""
        self.buf, self.tag = None, None
        self.row = []

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.row = []
        if tag in self.BLOCK:
            self.buf, self.tag = [], tag

    def handle_endtag(self, tag):
        if tag in self.BLOCK and self.buf is not None and tag == self.tag:
            text = ws("".join(self.buf))
            self.buf, self.tag = None, None
            if not text:
                return
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "title"):
                self.units.append(Unit(text, "heading", self.heading))
                if tag != "title":
                    self.heading, self.last_para = text, ""
            elif tag == "li":
                self.units.append(Unit(text, "item", self.heading, leadin=self.last_para))
            elif tag in ("td", "th"):
                self.row.append(text)
                self.units.append(Unit(text, "cell", self.heading, firstcol=self.row[0]))
            else:
                self.units.append(Unit(text, "para", self.heading))
                self.last_para = text

    def handle_data(self, data):
        if self.buf is not None:
            self.buf.append(data)


def units_html(path):
    p = _HP()
    p.feed(open(path, encoding="utf-8").read())
    return p.units


def doc_units(fname):
    path = os.path.join(DOCS, fname)
    if fname.endswith((".html", ".htm")):
        return units_html(path)
    return units_plain(path, fname.endswith(".md"))


def doc_text(fname):
    """Plain text of a document (markup removed) for word counts and n-grams."""
    return "\n".join(u.text for u in doc_units(fname))


def at_boundary(sent, text):
    start = 0
    while True:
        p = text.find(sent, start)
        if p < 0:
            return False
        before = text[:p].rstrip()
        ok_b = p == 0 or (text[p - 1] == " " and before[-1:] in (".", "!", "?", ":"))
        e = p + len(sent)
        ok_e = e == len(text) or (sent[-1] in ".!?" and text[e] == " ")
        if ok_b and ok_e:
            return True
        start = p + 1


def find_sentence(sent, units):
    s = ws(sent)
    return [u for u in units if at_boundary(s, u.text)]


def load_jsonl(path):
    rows = []
    if not os.path.exists(path):
        err(f"missing {os.path.basename(path)}")
        return rows
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            err(f"{os.path.basename(path)}:{n}: empty line")
            continue
        try:
            rows.append((n, json.loads(line)))
        except json.JSONDecodeError as e:
            err(f"{os.path.basename(path)}:{n}: invalid JSON ({e})")
    return rows


# ---------------------------------------------------------------- catalog
cat_path = os.path.join(HERE, "catalog.toml")
catalog = tomllib.load(open(cat_path, "rb")).get("document", [])
if len(catalog) != 6:
    err(f"catalog.toml: expected 6 documents, found {len(catalog)}")
files = []
for i, d in enumerate(catalog, 1):
    if set(d) != {"file", "organisation", "title"}:
        err(f"catalog doc {i}: keys {sorted(d)} != file, organisation, title")
    f = d.get("file", "")
    if f.startswith("docs/") or "/" in f:
        err(f"catalog doc {i}: file must be relative to docs/ without prefix: {f}")
    if not os.path.isfile(os.path.join(DOCS, f)):
        err(f"catalog doc {i}: {f} not found in docs/")
    files.append(f)
on_disk = sorted(os.listdir(DOCS)) if os.path.isdir(DOCS) else []
if sorted(files) != on_disk:
    err(f"catalog files {sorted(files)} != docs/ contents {on_disk}")
orgs = [d.get("organisation", "") for d in catalog]
if len(set(o.lower() for o in orgs)) != len(orgs):
    err("catalog: organisations are not distinct")

exts = [os.path.splitext(f)[1] for f in files]
want_ext = [".md", ".md", ".txt", ".txt", ".html", ".md"]
if exts != want_ext:
    err(f"catalog formats {exts} != expected {want_ext}")

UNITS = {f: doc_units(f) for f in files if os.path.isfile(os.path.join(DOCS, f))}
TEXT = {f: "\n".join(u.text for u in UNITS[f]) for f in UNITS}

for d in catalog:
    f = d.get("file")
    if f not in UNITS:
        continue
    nw = len(TEXT[f].split())
    if not 500 <= nw <= 1200:
        err(f"{f}: {nw} words, expected 500-1200")
    if norm(d.get("title", "")) not in norm(TEXT[f]):
        err(f"{f}: catalog title not found in document")
    stem = [w for w in d.get("organisation", "").split() if w.lower() not in GENERIC_ORG_WORDS]
    if not stem or not any(norm(w) in norm(TEXT[f]) for w in stem):
        err(f"{f}: organisation name not found in document")

# ---------------------------------------------------------------- 8-grams vs real policies
pol_grams = set()
for pf in sorted(os.listdir(POLICIES)):
    pol_grams |= ngrams(tokens(open(os.path.join(POLICIES, pf), encoding="utf-8").read()), 8)
for f in UNITS:
    shared = ngrams(tokens(TEXT[f]), 8) & pol_grams
    for g in sorted(shared):
        err(f"{f}: 8-gram shared with a real policy: {' '.join(g)}")

# ---------------------------------------------------------------- map.jsonl
map_rows = load_jsonl(os.path.join(HERE, "map.jsonl"))
per_doc = {f: 0 for f in files}
mapped_sentences = {f: set() for f in files}
seen = set()
for n, r in map_rows:
    where = f"map.jsonl:{n}"
    if set(r) != MAP_FIELDS:
        err(f"{where}: fields {sorted(r)} != {sorted(MAP_FIELDS)}")
        continue
    f, body, rel, kws, sent = r["file"], r["body"], r["relation"], r["matter_keywords"], r["sentence"]
    if f not in UNITS:
        err(f"{where}: unknown file {f}")
        continue
    per_doc[f] += 1
    mapped_sentences[f].add(ws(sent))
    if rel not in RELATIONS:
        err(f"{where}: invalid relation {rel}")
    if "*" in sent or re.search(r"<[^>]+>", sent):
        err(f"{where}: sentence contains * or an HTML tag")
    if not isinstance(body, str) or not body.strip():
        err(f"{where}: empty body")
        continue
    if re.match(r"(?i)(den|det|de)\s", body):
        err(f"{where}: body starts with den/det/de: {body}")
    hits = find_sentence(sent, UNITS[f])
    if not hits:
        err(f"{where}: sentence not found at a sentence boundary within one line/element: {sent[:70]}")
    else:
        b = body.lower()
        if not any(b in u.text.lower() or b in u.heading.lower() or b in u.leadin.lower()
                   or b in u.firstcol.lower() for u in hits):
            err(f"{where}: body '{body}' not in sentence, heading, lead-in or table first column")
    if not isinstance(kws, list) or not 1 <= len(kws) <= 2:
        err(f"{where}: matter_keywords must be a list of 1-2 items")
    else:
        for k in kws:
            if not isinstance(k, str) or not 1 <= len(k.split()) <= 2:
                err(f"{where}: keyword '{k}' must be 1-2 words")
            elif k.lower() not in sent.lower():
                err(f"{where}: keyword '{k}' not in sentence")
    key = (f, body, rel, ws(sent), tuple(kws) if isinstance(kws, list) else kws)
    if key in seen:
        err(f"{where}: duplicate row")
    seen.add(key)
for f, c in per_doc.items():
    if not 18 <= c <= 25:
        err(f"map.jsonl: {f} has {c} rows, expected 18-25")

# ---------------------------------------------------------------- map_negative.jsonl
neg_rows = load_jsonl(os.path.join(HERE, "map_negative.jsonl"))
neg_per_doc = {f: 0 for f in files}
neg_sentences = {f: set() for f in files}
for n, r in neg_rows:
    where = f"map_negative.jsonl:{n}"
    if set(r) != NEG_FIELDS:
        err(f"{where}: fields {sorted(r)} != {sorted(NEG_FIELDS)}")
        continue
    f, sent = r["file"], r["sentence"]
    if f not in UNITS:
        err(f"{where}: unknown file {f}")
        continue
    neg_per_doc[f] += 1
    neg_sentences[f].add(ws(sent))
    if "*" in sent or re.search(r"<[^>]+>", sent):
        err(f"{where}: sentence contains * or an HTML tag")
    if not find_sentence(sent, UNITS[f]):
        err(f"{where}: sentence not found at a sentence boundary: {sent[:70]}")
    if ws(sent) in mapped_sentences[f]:
        err(f"{where}: negative sentence is also in map.jsonl")
for f, c in neg_per_doc.items():
    if not 3 <= c <= 4:
        err(f"map_negative.jsonl: {f} has {c} rows, expected 3-4")

# warnings: sentences with duty verbs that are neither mapped nor negative
DUTY = re.compile(r"(?i)\b(beslut\w*|fastställ\w*|antar|antogs|antagits|godkänn\w*|attester\w*|utse\w*|"
                  r"ansvar\w*|svarar|handläggs|handlägger|åligger|ser till|se till|följer upp|tar fram|"
                  r"håller i|samordna\w*|leder|bereder|bereds|företräder|stödjer|bistår|i uppdrag|uppgift|mandat)\b")
for f in UNITS:
    for u in UNITS[f]:
        if u.kind == "heading":
            continue
        parts = [u.text] if u.kind in ("item", "cell") else re.split(r"(?<=[.!?])\s+", u.text)
        for s in parts:
            if s.endswith(":"):
                continue  # list lead-in; its items carry the rows
            if DUTY.search(s) and s not in mapped_sentences[f] and s not in neg_sentences[f]:
                warn(f"{f}: duty-like sentence neither mapped nor negative: {s[:90]}")

# ---------------------------------------------------------------- questions.jsonl
q_rows = load_jsonl(os.path.join(HERE, "questions.jsonl"))
if len(q_rows) != 36:
    err(f"questions.jsonl: {len(q_rows)} questions, expected 36")
all_doc_5grams = set()
for f in UNITS:
    all_doc_5grams |= ngrams(tokens(TEXT[f]), 5)
for idx, (n, q) in enumerate(q_rows):
    where = f"questions.jsonl:{n}"
    want_id = f"c{N}-{idx + 1:03d}"
    if set(q) != Q_FIELDS:
        err(f"{where}: fields {sorted(q)} != {sorted(Q_FIELDS)}")
        continue
    if q["id"] != want_id:
        err(f"{where}: id {q['id']} != {want_id}")
    if q["lang"] not in ("sv", "en"):
        err(f"{where}: bad lang")
    if not isinstance(q["question"], str) or not q["question"].strip():
        err(f"{where}: empty question")
    for k in ("history", "quotes", "terms"):
        if not isinstance(q[k], list) or not all(isinstance(x, str) and x.strip() for x in q[k]):
            err(f"{where}: {k} must be a list of non-empty strings")
    if not isinstance(q["abstain"], bool):
        err(f"{where}: abstain must be boolean")
    if q["org"] is not None and not isinstance(q["org"], str):
        err(f"{where}: org must be a string or null")
    # n-gram hygiene
    qtext = " ".join([q["question"]] + list(q["history"]))
    for g in sorted(ngrams(tokens(qtext), 5) & all_doc_5grams):
        err(f"{where}: 5-gram copied from a document: {' '.join(g)}")
    for g in sorted(ngrams(tokens(qtext), 8) & pol_grams):
        err(f"{where}: 8-gram shared with a real policy: {' '.join(g)}")

# per-block structure
for b, d in enumerate(catalog):
    block = [q for _, q in q_rows[b * 6:(b + 1) * 6]]
    f = d.get("file")
    org = d.get("organisation", "")
    label = f"block {b + 1} ({f})"
    if len(block) != 6 or f not in UNITS:
        err(f"{label}: incomplete")
        continue
    if any(set(q) != Q_FIELDS for q in block):
        continue
    langs = [q["lang"] for q in block]
    if langs.count("sv") != 3 or langs.count("en") != 3:
        err(f"{label}: languages {langs}, expected 3 sv + 3 en")
    uses = [q["use"] for q in block]
    if uses.count(GENRE_USE[b]) != 4 or uses.count("followup") != 1 or uses.count("abstain") != 1:
        err(f"{label}: uses {uses}, expected 4x {GENRE_USE[b]}, 1 followup, 1 abstain")
    stems = [w.lower().rstrip("s") for w in org.split() if w.lower() not in GENERIC_ORG_WORDS]
    org_set = [q for q in block if q["org"] is not None]
    if len(org_set) != 1:
        err(f"{label}: {len(org_set)} questions set org, expected exactly 1")
    for q in block:
        qid = q["id"]
        text = " ".join([q["question"]] + q["history"]).lower()
        named = any(s in text for s in stems)
        if q["org"] is not None:
            matches = [o for o in orgs if q["org"].lower() in o.lower()]
            if matches != [org]:
                err(f"{qid}: org '{q['org']}' must match only '{org}' (matches {matches})")
            if named:
                err(f"{qid}: sets org but also names the organisation")
        elif not named:
            err(f"{qid}: organisation not named in question or history")
        if q["use"] == "followup":
            if not q["history"]:
                err(f"{qid}: followup without history")
        elif q["history"]:
            err(f"{qid}: history should be empty unless use is followup")
        if q["use"] == "abstain":
            if q["quotes"] or q["terms"] or q["abstain"] is not True:
                err(f"{qid}: abstain item needs empty quotes/terms and abstain true")
            continue
        if q["abstain"] is not False:
            err(f"{qid}: answerable item must have abstain false")
        if not q["quotes"]:
            err(f"{qid}: no quotes")
        for qu in q["quotes"]:
            nw = len(qu.split())
            if not 5 <= nw <= 12:
                err(f"{qid}: quote has {nw} words (5-12): {qu}")
            if not any(norm(qu) in norm(u.text) for u in UNITS[f]):
                err(f"{qid}: quote not within one line/element of {f}: {qu}")
        if not 1 <= len(q["terms"]) <= 3:
            err(f"{qid}: {len(q['terms'])} terms, expected 1-3")
        for t in q["terms"]:
            alts = t.split("|")
            if q["lang"] == "en" and len(alts) < 2:
                err(f"{qid}: English question term without English alternative: {t}")
            if q["lang"] == "sv" and len(alts) > 1:
                err(f"{qid}: Swedish question term should not carry alternatives: {t}")
            if norm(alts[0]) not in norm(TEXT[f]):
                err(f"{qid}: Swedish term '{alts[0]}' not found in {f}")

# ---------------------------------------------------------------- report
for w in warnings:
    print("WARN ", w)
for e in errors:
    print("ERROR", e)
print(f"documents {len(UNITS)}, map rows {len(map_rows)}, negatives {len(neg_rows)}, "
      f"questions {len(q_rows)}; words per document: "
      + ", ".join(f"{f}={len(TEXT[f].split())}" for f in UNITS))
print(f"{len(errors)} errors, {len(warnings)} warnings")
sys.exit(1 if errors else 0)
