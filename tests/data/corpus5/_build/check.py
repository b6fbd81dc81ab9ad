#!/usr/bin/env python3
"""Checks corpus5: every map sentence, negative sentence, keyword and quote is an exact
substring of its document (md/txt: within one line; html: within one element's text),
plus format checks on catalog, map and questions. Prints the errors and their count."""
import json, re, sys, tomllib
from html.parser import HTMLParser
from pathlib import Path
from collections import Counter

ROOT = Path(__file__).resolve().parent.parent
RELATIONS = {"decides", "responsible", "coordinates", "represents", "supports", "prepares", "leads", "commissioned"}
USES = {"twinning", "trip", "onboarding", "general", "followup", "abstain"}
BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "title", "dt", "dd", "caption"}
errors = []
def err(msg): errors.append(msg)

class Units(HTMLParser):
    """Collects the text of each block element (no inline markup is used in the HTML)."""
    def __init__(self):
        super().__init__(); self.units = []; self.cur = None
    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS: self.cur = []
    def handle_endtag(self, tag):
        if tag in BLOCKS and self.cur is not None:
            self.units.append(re.sub(r"\s+", " ", "".join(self.cur)).strip()); self.cur = None
    def handle_data(self, data):
        if self.cur is not None: self.cur.append(data)

def units_of(path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        p = Units(); p.feed(text); return p.units, " ".join(p.units)
    return text.splitlines(), text

def in_one_unit(s, units): return any(s in u for u in units)

def words(path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html": text = re.sub(r"<[^>]+>", " ", text)
    return len(text.split())

cat = tomllib.loads((ROOT / "catalog.toml").read_text(encoding="utf-8"))["document"]
docs = {}
for d in cat:
    for k in ("file", "organisation", "title"):
        if not d.get(k): err(f"catalog: missing {k} in {d}")
    p = ROOT / "docs" / d["file"]
    if not p.exists(): err(f"catalog: no such file {p}"); continue
    docs[d["file"]] = units_of(p)
    w = words(p)
    if not 450 <= w <= 650: err(f"{d['file']}: {w} words")
    if d["title"].lower() not in docs[d["file"]][1].lower():
        err(f"catalog: title not in {d['file']}")
on_disk = {p.name for p in (ROOT / "docs").iterdir()}
if on_disk != set(docs): err(f"docs/ and catalog differ: {on_disk ^ set(docs)}")

def load(name):
    return [json.loads(l) for l in (ROOT / name).read_text(encoding="utf-8").splitlines() if l.strip()]

# --- map
rows = load("map.jsonl"); seen = Counter()
for i, r in enumerate(rows, 1):
    tag = f"map.jsonl:{i}"
    if set(r) != {"file", "body", "relation", "matter_keywords", "sentence"}: err(f"{tag}: fields {sorted(r)}")
    if r["file"] not in docs: err(f"{tag}: unknown file"); continue
    units, full = docs[r["file"]]
    if r["relation"] not in RELATIONS: err(f"{tag}: relation {r['relation']}")
    if not in_one_unit(r["sentence"], units): err(f"{tag}: sentence not found: {r['sentence']}")
    if not 1 <= len(r["matter_keywords"]) <= 2: err(f"{tag}: keyword count")
    for k in r["matter_keywords"]:
        if k not in r["sentence"]: err(f"{tag}: keyword '{k}' not in sentence")
    if r["body"].lower() not in full.lower(): err(f"{tag}: body '{r['body']}' not in document")
    if r["body"].lower().startswith(("den ", "det ")): err(f"{tag}: leading den/det in body")
    key = (r["file"], r["body"], r["relation"], r["sentence"], tuple(r["matter_keywords"]))
    if key in seen: err(f"{tag}: duplicate row")
    seen[key] += 1
per_doc = Counter(r["file"] for r in rows)
for f in docs:
    if not 15 <= per_doc[f] <= 25: err(f"map: {f} has {per_doc[f]} rows")

# --- negatives
mapped = {(r["file"], r["sentence"]) for r in rows}
negs = load("map_negative.jsonl")
for i, n in enumerate(negs, 1):
    tag = f"map_negative.jsonl:{i}"
    if n["file"] not in docs: err(f"{tag}: unknown file"); continue
    if not in_one_unit(n["sentence"], docs[n["file"]][0]): err(f"{tag}: sentence not found: {n['sentence']}")
    if any(n["sentence"] in s or s in n["sentence"] for f, s in mapped if f == n["file"]):
        err(f"{tag}: overlaps a mapped sentence")
neg_doc = Counter(n["file"] for n in negs)
for f in docs:
    if not 2 <= neg_doc[f] <= 4: err(f"negatives: {f} has {neg_doc[f]}")

# --- questions (six per document, in catalog order)
qs = load("questions.jsonl")
fields = {"id", "question", "lang", "use", "history", "org", "quotes", "terms", "abstain"}
stems = {"vitmossa_internationell_strategi.md": "vitmossa", "osterlinde_riktlinjer_tjansteresor.txt": "österlinde",
         "korpasa_vanortspolicy.html": "korpåsa", "lommarviken_rutin_delegationer.txt": "lommarvik",
         "ljusmark_introduktion_fortroendevalda.md": "ljusmark", "mjolnarback_riktlinje_eu_projekt.md": "mjölnarbäck"}
if len(qs) != 36: err(f"questions: {len(qs)} items")
if [q["id"] for q in qs] != [f"c5-{i:03d}" for i in range(1, 37)]: err("questions: ids not c5-001..c5-036")
orgs = [d["organisation"].lower() for d in cat]
for i, q in enumerate(qs):
    tag = q.get("id", i)
    if set(q) != fields: err(f"{tag}: fields {sorted(q)}")
    f = cat[i // 6]["file"]; units = docs[f][0]
    if q["lang"] not in ("sv", "en"): err(f"{tag}: lang")
    if q["use"] not in USES: err(f"{tag}: use")
    if q["abstain"] != (q["use"] == "abstain"): err(f"{tag}: abstain/use mismatch")
    if (q["use"] == "followup") != bool(q["history"]): err(f"{tag}: history/followup mismatch")
    if q["abstain"]:
        if q["quotes"] or q["terms"]: err(f"{tag}: abstain item with quotes/terms")
    else:
        if not q["quotes"] or not q["terms"]: err(f"{tag}: missing quotes/terms")
        for s in q["quotes"]:
            if not in_one_unit(s, units): err(f"{tag}: quote not found in {f}: {s}")
            if not 5 <= len(s.split()) <= 12: err(f"{tag}: quote has {len(s.split())} words")
        if q["lang"] == "en" and not all("|" in t for t in q["terms"]):
            err(f"{tag}: English item term without English alternative")
    if q["org"] is not None:
        hits = [o for o in orgs if q["org"].lower() in o]
        if len(hits) != 1 or stems[f] not in q["org"].lower(): err(f"{tag}: org '{q['org']}' not unique / wrong")
    named = " ".join([q["question"], *q["history"], q["org"] or ""]).lower()
    if stems[f] not in named: err(f"{tag}: organisation not named")
lang = Counter(q["lang"] for q in qs)
if lang["sv"] != 18 or lang["en"] != 18: err(f"questions: lang split {dict(lang)}")
if sum(q["org"] is not None for q in qs) != 3: err("questions: org should be used in 3 items")
for k in range(6):
    block = qs[6 * k:6 * k + 6]
    c = Counter(q["use"] for q in block); l = Counter(q["lang"] for q in block)
    if c["followup"] != 1 or c["abstain"] != 1 or l["sv"] != 3: err(f"questions block {k+1}: {dict(c)} {dict(l)}")

for e in errors: print("ERROR", e)
print(f"documents {len(docs)}, map rows {len(rows)} {dict(per_doc)}, negatives {len(negs)}, questions {len(qs)}")
print(f"{len(errors)} errors")
sys.exit(1 if errors else 0)
