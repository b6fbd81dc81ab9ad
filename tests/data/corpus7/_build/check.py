#!/usr/bin/env python3
"""Consistency check for corpus7 (documents, responsibility map, negatives, questions).

Run from anywhere: python3 check.py   -> prints counts and errors, exit code 1 on errors.
Normalisation (as in the gold-set scoring rules): strip HTML tags, remove '*',
fold whitespace to one space, lower-case.
"""
import json
import re
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DOCS = ROOT / "docs"
POLICIES = Path("/work/shared/policies")  # only used for an originality check (no copied 8-grams)

RELATIONS = {"decides", "responsible", "coordinates", "leads", "prepares",
             "represents", "supports", "commissioned"}
USES = {"twinning", "trip", "onboarding", "general", "followup", "abstain"}
Q_FIELDS = ["id", "question", "lang", "use", "history", "org", "quotes", "terms", "abstain"]
MAP_FIELDS = ["file", "body", "relation", "matter_keywords", "sentence"]
NEG_FIELDS = ["file", "sentence"]

errors = []


def err(msg):
    errors.append(msg)


def strip_tags(text):
    return re.sub(r"<[^>]+>", " ", text)


def norm(text):
    text = strip_tags(text).replace("*", "")
    return re.sub(r"\s+", " ", text).strip().lower()


def units(path, raw):
    """Lines of a text file, or text elements (text between tags) of an HTML file."""
    if path.suffix in (".html", ".htm"):
        body = raw.split("<body", 1)[-1]
        parts = re.split(r"<[^>]+>", body)
    else:
        parts = raw.splitlines()
    return [norm(p) for p in parts if norm(p)]


def read_jsonl(path):
    rows = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            err(f"{path.name}:{i}: empty line")
            continue
        try:
            rows.append((i, json.loads(line)))
        except json.JSONDecodeError as e:
            err(f"{path.name}:{i}: bad JSON ({e})")
    return rows


# ---------------------------------------------------------------- catalog + docs
catalog = tomllib.loads((ROOT / "catalog.toml").read_text(encoding="utf-8"))["document"]
files = [d["file"] for d in catalog]
if len(catalog) != 6:
    err(f"catalog: expected 6 documents, got {len(catalog)}")
for d in catalog:
    if set(d) != {"file", "organisation", "title"}:
        err(f"catalog: keys {sorted(d)} for {d.get('file')}")
if len(set(files)) != len(files):
    err("catalog: duplicate file")
on_disk = sorted(p.name for p in DOCS.iterdir())
if sorted(files) != on_disk:
    err(f"catalog/docs mismatch: {sorted(files)} vs {on_disk}")

raw = {f: (DOCS / f).read_text(encoding="utf-8") for f in files if (DOCS / f).exists()}
text = {f: norm(t) for f, t in raw.items()}
lines = {f: units(DOCS / f, t) for f, t in raw.items()}
org_of = {d["file"]: d["organisation"] for d in catalog}

words = {}
for f, t in raw.items():
    visible = strip_tags(t.split("<body", 1)[-1]) if f.endswith(".html") else t
    words[f] = len(visible.split())
    if not 500 <= words[f] <= 1200:
        err(f"{f}: {words[f]} words, expected 500-1200")
    if "|" in t.split("\n", 0)[0] and False:
        pass

fmt = Counter(Path(f).suffix for f in files)
if not (fmt[".md"] and fmt[".txt"] and fmt[".html"] == 1):
    err(f"formats: need markdown, plain text and exactly one HTML file, got {dict(fmt)}")
if not any(re.search(r"^\|.*\|$", t, re.M) or "<table" in t for t in raw.values()):
    err("no document contains a table")


# originality: no 8-word sequence shared with the five real policies
def ngrams(t, n=8):
    w = re.findall(r"\w+", t.lower())
    return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}


if POLICIES.is_dir():
    pol = set()
    for p in POLICIES.iterdir():
        pol |= ngrams(p.read_text(encoding="utf-8", errors="ignore"))
    for f, t in raw.items():
        shared = ngrams(strip_tags(t)) & pol
        if shared:
            err(f"{f}: shares 8-grams with the real policies: {sorted(shared)[:3]}")

# ---------------------------------------------------------------- map.jsonl
map_rows = read_jsonl(ROOT / "map.jsonl")
map_count = Counter()
rel_count = defaultdict(Counter)
seen = set()
for i, r in map_rows:
    if list(r) != MAP_FIELDS:
        err(f"map.jsonl:{i}: fields {list(r)}")
        continue
    f = r["file"]
    if f not in text:
        err(f"map.jsonl:{i}: unknown file {f}")
        continue
    map_count[f] += 1
    rel_count[f][r["relation"]] += 1
    if r["relation"] not in RELATIONS:
        err(f"map.jsonl:{i}: bad relation {r['relation']}")
    s = norm(r["sentence"])
    if not s or s not in text[f]:
        err(f"map.jsonl:{i}: sentence not in {f}: {r['sentence'][:70]}")
    if not any(s in u for u in lines[f]):
        err(f"map.jsonl:{i}: sentence not within one line/element of {f}")
    body = r["body"]
    if not body or body.lower().split()[0] in ("den", "det", "de"):
        err(f"map.jsonl:{i}: body empty or has leading article: {body}")
    if norm(body) not in text[f]:
        err(f"map.jsonl:{i}: body not in {f}: {body}")
    kws = r["matter_keywords"]
    if not isinstance(kws, list) or not 1 <= len(kws) <= 2:
        err(f"map.jsonl:{i}: matter_keywords must be a list of 1-2 items")
    else:
        for k in kws:
            if norm(k) not in s or len(k.split()) > 2:
                err(f"map.jsonl:{i}: keyword '{k}' not in sentence or longer than 2 words")
    key = (f, body.lower(), r["relation"], s, tuple(k.lower() for k in kws))
    if key in seen:
        err(f"map.jsonl:{i}: duplicate row")
    seen.add(key)
for f in files:
    if not 18 <= map_count[f] <= 25:
        err(f"map.jsonl: {f} has {map_count[f]} rows, expected 18-25")

# ---------------------------------------------------------------- map_negative.jsonl
neg_rows = read_jsonl(ROOT / "map_negative.jsonl")
neg_count = Counter()
map_sents = {norm(r["sentence"]) for _, r in map_rows if "sentence" in r}
for i, r in neg_rows:
    if list(r) != NEG_FIELDS:
        err(f"map_negative.jsonl:{i}: fields {list(r)}")
        continue
    f = r["file"]
    if f not in text:
        err(f"map_negative.jsonl:{i}: unknown file {f}")
        continue
    neg_count[f] += 1
    s = norm(r["sentence"])
    if s not in text[f] or not any(s in u for u in lines[f]):
        err(f"map_negative.jsonl:{i}: sentence not in {f}: {r['sentence'][:70]}")
    if s in map_sents:
        err(f"map_negative.jsonl:{i}: sentence is also a map sentence")
for f in files:
    if not 3 <= neg_count[f] <= 4:
        err(f"map_negative.jsonl: {f} has {neg_count[f]} sentences, expected 3-4")

# ---------------------------------------------------------------- questions.jsonl
q_rows = read_jsonl(ROOT / "questions.jsonl")
if len(q_rows) != 36:
    err(f"questions.jsonl: expected 36 questions, got {len(q_rows)}")


def short_name(org):
    """Distinctive part of an organisation name: 'Kvarnstads stad' -> 'kvarnstad'."""
    generic = {"kommun", "stad", "region", "läns", "landsting"}
    w = [x for x in org.lower().split() if x not in generic]
    return w[0].rstrip("s") if w[0].endswith("s") and len(w[0]) > 6 else w[0]


for n, (i, q) in enumerate(q_rows):
    qid = q.get("id")
    if list(q) != Q_FIELDS:
        err(f"{qid}: fields {list(q)}")
        continue
    if qid != f"c7-{n + 1:03d}":
        err(f"line {i}: id {qid}, expected c7-{n + 1:03d}")
    f = files[n // 6] if n // 6 < len(files) else None
    if q["lang"] not in ("sv", "en"):
        err(f"{qid}: lang {q['lang']}")
    if q["use"] not in USES:
        err(f"{qid}: use {q['use']}")
    if not isinstance(q["history"], list) or not all(isinstance(h, str) and h for h in q["history"]):
        err(f"{qid}: history must be a list of strings")
    if (q["use"] == "followup") != bool(q["history"]):
        err(f"{qid}: history must be non-empty exactly for followup questions")
    if q["abstain"] is not (q["use"] == "abstain"):
        err(f"{qid}: abstain flag must be true exactly for use=abstain")
    # organisation named in question/history or picked via org
    if f:
        sn = short_name(org_of[f])
        said = " ".join([q["question"]] + q["history"]).lower()
        if q["org"] is not None:
            hits = [o for o in org_of.values() if q["org"].lower() in o.lower()]
            if hits != [org_of[f]]:
                err(f"{qid}: org '{q['org']}' does not uniquely match {org_of[f]}")
        elif sn not in said:
            err(f"{qid}: organisation ({sn}) not named and no org filter")
    if q["abstain"]:
        if q["quotes"] or q["terms"]:
            err(f"{qid}: abstain item must have empty quotes and terms")
        continue
    if not q["quotes"] or not q["terms"]:
        err(f"{qid}: answerable item needs quotes and terms")
    for qu in q["quotes"]:
        nw = len(qu.split())
        if not 5 <= nw <= 12:
            err(f"{qid}: quote has {nw} words: {qu}")
        if f and not any(norm(qu) in u for u in lines[f]):
            err(f"{qid}: quote not within one line/element of {f}: {qu}")
        if norm(qu) in norm(q["question"]):
            err(f"{qid}: question copies its quote")
    for t in q["terms"]:
        if not t.strip() or any(not a.strip() for a in t.split("|")):
            err(f"{qid}: empty term/alternative in '{t}'")
        if q["lang"] == "en" and "|" not in t:
            err(f"{qid}: English question term without English alternative: '{t}'")

# per-document block structure: 6 items, 3 sv + 3 en, 1 followup, 1 abstain, 4 genre questions
for b, f in enumerate(files):
    block = [q for _, q in q_rows[b * 6:(b + 1) * 6]]
    if len(block) != 6:
        continue
    langs = Counter(q["lang"] for q in block)
    uses = Counter(q["use"] for q in block)
    if langs != Counter({"sv": 3, "en": 3}):
        err(f"block {f}: languages {dict(langs)}")
    if uses["followup"] != 1 or uses["abstain"] != 1 or sum(uses.values()) - 2 != 4:
        err(f"block {f}: uses {dict(uses)}")

# ---------------------------------------------------------------- report
print(f"{'file':40} {'words':>5} {'map':>4} {'neg':>4} {'qs':>3}  relations")
for b, f in enumerate(files):
    nq = len(q_rows[b * 6:(b + 1) * 6])
    rels = ", ".join(f"{k} {v}" for k, v in sorted(rel_count[f].items()))
    print(f"{f:40} {words.get(f, 0):5} {map_count[f]:4} {neg_count[f]:4} {nq:3}  {rels}")
tot_q = [q for _, q in q_rows]
print(f"total: map {sum(map_count.values())}, negative {sum(neg_count.values())}, questions {len(tot_q)} "
      f"(sv {sum(q['lang'] == 'sv' for q in tot_q)}, en {sum(q['lang'] == 'en' for q in tot_q)}; "
      f"uses {dict(Counter(q['use'] for q in tot_q))}; org filter {sum(q['org'] is not None for q in tot_q)})")
print(f"errors: {len(errors)}")
for e in errors:
    print("  " + e)
sys.exit(1 if errors else 0)
