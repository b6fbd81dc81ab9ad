#!/usr/bin/env python3
"""Verify corpus8: catalog, documents, map rows, negatives, questions, README.

Run from anywhere: python3 check.py   (prints every error, then the error count)
"""
import glob
import json
import os
import re
import sys
import tomllib
from collections import Counter
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.abspath(__file__))
POLICIES = "/work/shared/policies"
errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    """Scoring normalisation: drop '*', fold whitespace, lower-case."""
    return re.sub(r"\s+", " ", s.replace("*", "")).strip().lower()


# ---------------------------------------------------------------- documents
class Elements(HTMLParser):
    """Collect text elements (data between tags) of <body>, and table rows."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_body = False
        self.skip = 0
        self.elements = []
        self.rows = []
        self.row = None
        self.cell = None
        self.tables = 0

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_body = True
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "table":
            self.tables += 1
        if tag == "tr":
            self.row = []
        if tag in ("td", "th") and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        if tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        if tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        if self.in_body and not self.skip and data.strip():
            self.elements.append(data.strip())


def units_of(path):
    """Lines (md/txt) or text elements (html), raw, plus table rows for html."""
    text = open(path, encoding="utf-8").read()
    if path.endswith(".html"):
        p = Elements()
        p.feed(text)
        return p.elements, p.rows, p.tables
    lines = [l for l in text.split("\n")]
    return lines, [], 0


def clean_line(line):
    """Strip markdown bullet / heading markers and link targets from one line."""
    s = re.sub(r"\]\([^)]*\)", "]", line)
    s = s.replace("[", "").replace("]", "")
    s = re.sub(r"^\s*(#+|[-*+]|\d+\.)\s+", "", s)
    return s


def plain_text(path):
    units, _, _ = units_of(path)
    if path.endswith(".html"):
        return "\n".join(units)
    return "\n".join(clean_line(l) for l in units)


def word_count(path):
    return len(re.findall(r"\S*\w\S*", plain_text(path)))


def tokens(text):
    return re.findall(r"[\wåäöÅÄÖéü:\-]+", text.lower())


def ngrams(ws, n):
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)}


catalog_path = os.path.join(ROOT, "catalog.toml")
try:
    catalog = tomllib.load(open(catalog_path, "rb"))["document"]
except Exception as e:  # noqa: BLE001
    print("cannot read catalog.toml:", e)
    sys.exit(1)

files = []
for i, d in enumerate(catalog):
    if set(d) != {"file", "organisation", "title"}:
        err(f"catalog entry {i}: keys {sorted(d)}")
    files.append(d.get("file"))
on_disk = sorted(os.path.relpath(p, ROOT) for p in glob.glob(os.path.join(ROOT, "docs", "*")))
if sorted(files) != on_disk:
    err(f"catalog files {sorted(files)} != docs/ {on_disk}")
if len(files) != 6:
    err(f"expected 6 documents, got {len(files)}")
orgs = [d["organisation"] for d in catalog]
if len(set(orgs)) != len(orgs):
    err("organisations not unique")

ext = Counter(os.path.splitext(f)[1] for f in files)
if ext[".html"] != 1 or ext[".md"] < 2 or ext[".txt"] < 2 or ext[".md"] + ext[".txt"] != 5:
    err(f"format mix wrong: {dict(ext)}")

ref8 = set()
for p in glob.glob(os.path.join(POLICIES, "*")):
    ref8 |= ngrams(tokens(open(p, encoding="utf-8").read()), 8)
if not ref8:
    err("no reference policies read for the 8-gram check")

UNITS, NUNITS, ROWS, TEXT, NTEXT, WORDS = {}, {}, {}, {}, {}, {}
tables = 0
for f in files:
    path = os.path.join(ROOT, f)
    if not os.path.exists(path):
        err(f"{f}: missing")
        continue
    units, rows, ntab = units_of(path)
    if f.endswith(".html"):
        nunits = [norm(u) for u in units]
        tables += ntab
    else:
        nunits = [norm(clean_line(u)) for u in units]
        if any(re.match(r"^\s*\|.*\|\s*$", u) for u in units):
            tables += 1
    UNITS[f], NUNITS[f], ROWS[f] = units, nunits, rows
    TEXT[f] = plain_text(path)
    NTEXT[f] = norm(TEXT[f])
    WORDS[f] = word_count(path)
    if not 500 <= WORDS[f] <= 1200:
        err(f"{f}: {WORDS[f]} words, outside 500-1200")
    shared = ngrams(tokens(TEXT[f]), 8) & ref8
    for g in sorted(shared):
        err(f"{f}: 8-gram shared with real policies: {' '.join(g)}")
if tables < 1:
    err("no table in any document")


def find_unit(f, sentence):
    """Index of the unit containing the sentence at sentence boundaries, or None."""
    s = norm(sentence)
    for i, u in enumerate(NUNITS[f]):
        pos = u.find(s)
        while pos != -1:
            before_ok = pos == 0 or u[pos - 2:pos] in (". ", "? ", "! ", ": ")
            end = pos + len(s)
            after_ok = end == len(u) or u[end] == " "
            if before_ok and after_ok:
                return i
            pos = u.find(s, pos + 1)
    return None


def source_of(f, idx):
    """Nearest preceding heading or list lead-in (md/txt) for a line, skipping other lines."""
    lines = UNITS[f]
    for j in range(idx - 1, -1, -1):
        l = lines[j].strip()
        if not l:
            continue
        if re.match(r"^#+\s", l) or l.endswith(":"):
            return norm(clean_line(l))
    return None


# ---------------------------------------------------------------- map rows
RELATIONS = {"decides", "responsible", "coordinates", "leads", "prepares",
             "represents", "supports", "commissioned"}
MAP_FIELDS = {"file", "body", "relation", "matter_keywords", "sentence"}


def read_jsonl(name):
    out = []
    path = os.path.join(ROOT, name)
    if not os.path.exists(path):
        err(f"{name}: missing")
        return out
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            err(f"{name}:{n}: empty line")
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as e:
            err(f"{name}:{n}: bad JSON ({e})")
    return out


maprows = read_jsonl("map.jsonl")
seen = set()
map_sentences = {f: set() for f in files}
map_count = Counter()
for n, r in enumerate(maprows, 1):
    tag = f"map.jsonl:{n}"
    if set(r) != MAP_FIELDS:
        err(f"{tag}: fields {sorted(r)}")
        continue
    f, body, rel, kws, sent = r["file"], r["body"], r["relation"], r["matter_keywords"], r["sentence"]
    if f not in files:
        err(f"{tag}: file {f} not in catalog")
        continue
    map_count[f] += 1
    map_sentences[f].add(norm(sent))
    if rel not in RELATIONS:
        err(f"{tag}: relation {rel!r}")
    if not isinstance(body, str) or not body.strip():
        err(f"{tag}: empty body")
        continue
    if re.match(r"^(den|det|de)\s", body, re.I):
        err(f"{tag}: body starts with an article: {body!r}")
    if norm(body) not in NTEXT[f]:
        err(f"{tag}: body {body!r} not in {f}")
    if "*" in sent or "<" in sent:
        err(f"{tag}: sentence contains markup")
    idx = find_unit(f, sent)
    if idx is None:
        err(f"{tag}: sentence not found within one line/element of {f}: {sent!r}")
    elif norm(body) not in norm(sent):
        # body must come from a heading / list lead-in / first table column
        if f.endswith(".html"):
            ok = any(len(row) >= 2 and norm(row[-1]) == norm(sent) and norm(row[0]) == norm(body)
                     for row in ROWS[f])
        else:
            src = source_of(f, idx)
            ok = src is not None and norm(body) in src
        if not ok:
            err(f"{tag}: body {body!r} is neither in the sentence nor in its heading/lead-in/table row")
    if not isinstance(kws, list) or not 1 <= len(kws) <= 2:
        err(f"{tag}: matter_keywords must be 1-2 items")
    else:
        for k in kws:
            if not isinstance(k, str) or not k.strip() or len(k.split()) > 2:
                err(f"{tag}: keyword {k!r} empty or longer than two words")
            elif norm(k) not in norm(sent):
                err(f"{tag}: keyword {k!r} not in sentence")
    key = (f, norm(body), rel, norm(sent))
    if key in seen:
        err(f"{tag}: duplicate row {key}")
    seen.add(key)
for f in files:
    if not 18 <= map_count[f] <= 25:
        err(f"{f}: {map_count[f]} map rows, outside 18-25")

# ---------------------------------------------------------------- negatives
BODY_WORD = re.compile(r"(fullmäktige|styrelse|nämnd|utskott|beredning|kontor|avdelning|enhet|förvaltning|"
                       r"kansli|sekretariat|chef|direktör|ordförande|revisor|landsting|kommunförbund)", re.I)
negs = read_jsonl("map_negative.jsonl")
neg_count = Counter()
neg_seen = set()
for n, r in enumerate(negs, 1):
    tag = f"map_negative.jsonl:{n}"
    if set(r) != {"file", "sentence"}:
        err(f"{tag}: fields {sorted(r)}")
        continue
    f, sent = r["file"], r["sentence"]
    if f not in files:
        err(f"{tag}: file {f} not in catalog")
        continue
    neg_count[f] += 1
    if find_unit(f, sent) is None:
        err(f"{tag}: sentence not found within one line/element of {f}: {sent!r}")
    if not BODY_WORD.search(sent):
        err(f"{tag}: sentence names no body: {sent!r}")
    if norm(sent) in map_sentences[f]:
        err(f"{tag}: sentence is also a map sentence")
    if (f, norm(sent)) in neg_seen:
        err(f"{tag}: duplicate negative")
    neg_seen.add((f, norm(sent)))
for f in files:
    if not 3 <= neg_count[f] <= 4:
        err(f"{f}: {neg_count[f]} negatives, outside 3-4")

# ---------------------------------------------------------------- questions
Q_FIELDS = {"id", "question", "lang", "use", "history", "org", "quotes", "terms", "abstain"}
GENRE = ["general", "trip", "general", "twinning", "onboarding", "general"]
questions = read_jsonl("questions.jsonl")
if len(questions) != 6 * len(files):
    err(f"questions: {len(questions)}, expected {6 * len(files)}")
for n, q in enumerate(questions):
    if set(q) != Q_FIELDS:
        err(f"question {n + 1}: fields {sorted(q)}")
if errors and any("fields" in e and e.startswith("question") for e in errors):
    questions = [q for q in questions if set(q) == Q_FIELDS]
ids = [q["id"] for q in questions]
if ids != [f"c8-{i:03d}" for i in range(1, len(questions) + 1)]:
    err("question ids are not c8-001 ... in order")
if len(set(ids)) != len(ids):
    err("duplicate question ids")

for b, f in enumerate(files):
    block = questions[6 * b:6 * b + 6]
    if len(block) != 6:
        continue
    org_full = orgs[b]
    langs = Counter(q["lang"] for q in block)
    if langs != Counter({"sv": 3, "en": 3}):
        err(f"block {b + 1}: languages {dict(langs)}")
    uses = Counter(q["use"] for q in block)
    if uses != Counter({GENRE[b]: 4, "followup": 1, "abstain": 1}):
        err(f"block {b + 1}: uses {dict(uses)}, expected 4x{GENRE[b]} + followup + abstain")
    with_org = [q for q in block if q["org"] is not None]
    if len(with_org) != 1:
        err(f"block {b + 1}: {len(with_org)} questions use org, expected 1")
        continue
    key = with_org[0]["org"]
    if not isinstance(key, str) or key.lower() not in org_full.lower():
        err(f"block {b + 1}: org {key!r} is not part of {org_full!r}")
    elif sum(key.lower() in o.lower() for o in orgs) != 1:
        err(f"block {b + 1}: org {key!r} is not unique in the catalog")
    doc_ngrams = ngrams(tokens(TEXT[f]), 5)
    for q in block:
        tag = q["id"]
        if q["lang"] not in ("sv", "en"):
            err(f"{tag}: lang {q['lang']!r}")
        if not isinstance(q["question"], str) or not q["question"].strip():
            err(f"{tag}: empty question")
        if not isinstance(q["history"], list) or not all(isinstance(h, str) and h.strip() for h in q["history"]):
            err(f"{tag}: history must be a list of strings")
        if q["use"] == "followup":
            if not q["history"]:
                err(f"{tag}: followup without history")
        elif q["history"]:
            err(f"{tag}: history on a non-followup question")
        said = " ".join([q["question"]] + q["history"]).lower()
        if q["org"] is None and key.lower() not in said:
            err(f"{tag}: organisation ({key}) named neither in question nor history")
        if q["org"] is not None and key.lower() in said:
            err(f"{tag}: uses org but also names the organisation")
        shared = ngrams(tokens(q["question"]), 5) & doc_ngrams
        if shared:
            err(f"{tag}: question copies document wording: {[' '.join(g) for g in shared]}")
        if not isinstance(q["abstain"], bool):
            err(f"{tag}: abstain must be boolean")
        if q["use"] == "abstain" or q["abstain"]:
            if not (q["use"] == "abstain" and q["abstain"] is True and q["quotes"] == [] and q["terms"] == []):
                err(f"{tag}: abstain item must have use=abstain, abstain=true, empty quotes and terms")
            continue
        if not q["quotes"] or not isinstance(q["quotes"], list):
            err(f"{tag}: no quotes")
        for qt in q["quotes"]:
            nw = len(qt.split())
            if not 5 <= nw <= 12:
                err(f"{tag}: quote has {nw} words: {qt!r}")
            if not any(norm(qt) in u for u in NUNITS[f]):
                err(f"{tag}: quote not within one line/element of {f}: {qt!r}")
        if not isinstance(q["terms"], list) or not 1 <= len(q["terms"]) <= 3:
            err(f"{tag}: terms must be 1-3 items")
            continue
        for t in q["terms"]:
            alts = [a.strip() for a in t.split("|")]
            if not all(alts):
                err(f"{tag}: empty alternative in term {t!r}")
            if q["lang"] == "en" and len(alts) < 2:
                err(f"{tag}: English question term without English alternative: {t!r}")
            if norm(alts[0]) not in NTEXT[f]:
                err(f"{tag}: Swedish term {alts[0]!r} does not occur in {f}")
            if len(alts[0].split()) > 3:
                err(f"{tag}: term {alts[0]!r} longer than three words")

# ---------------------------------------------------------------- README
readme = os.path.join(ROOT, "README.md")
if not os.path.exists(readme):
    err("README.md missing")
else:
    rt = open(readme, encoding="utf-8").read()
    if "Frozen: once check.py reported 0 errors, nothing was edited." not in rt:
        err("README.md lacks the frozen statement")
    for f in files:
        row = [l for l in rt.split("\n") if l.startswith("|") and f in l]
        if len(row) != 1:
            err(f"README.md: expected one table row for {f}")
            continue
        cells = [c.strip() for c in row[0].strip("|").split("|")]
        nums = [c for c in cells if c.isdigit()]
        if nums[-3:] != [str(WORDS[f]), str(map_count[f]), str(neg_count[f])]:
            err(f"README.md: row for {f} says {nums[-3:]}, actual "
                f"{[WORDS[f], map_count[f], neg_count[f]]}")

# ---------------------------------------------------------------- report
for e in errors:
    print("ERROR:", e)
print(f"documents {len(files)}, words {sum(WORDS.values())}, map rows {sum(map_count.values())}, "
      f"negatives {sum(neg_count.values())}, questions {len(questions)}")
print(f"{len(errors)} errors")
sys.exit(1 if errors else 0)
