#!/usr/bin/env python3
"""Checks corpus6: every map/negative sentence, keyword and question quote is found by exact
substring search within ONE line of a .md/.txt document or within ONE element's text of an .html
document. Also checks counts, fields, word counts and question-set balance. Prints errors; exit 1 if any."""
import json, os, re, sys, tomllib
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = os.path.join(ROOT, "docs")
RELATIONS = {"decides", "responsible", "coordinates", "represents", "supports", "prepares", "leads", "commissioned"}
USES = {"twinning", "trip", "onboarding", "general", "followup", "abstain"}
BLOCK = {"title", "h1", "h2", "h3", "h4", "p", "li", "td", "th", "dt", "dd", "caption"}
errors = []
def err(msg): errors.append(msg)

class Units(HTMLParser):
    """Collects the text of each block element (its own text plus descendants')."""
    def __init__(self):
        super().__init__(convert_charrefs=True); self.stack = []; self.units = []
    def handle_starttag(self, tag, attrs):
        if tag in BLOCK: self.stack.append([tag, []])
    def handle_endtag(self, tag):
        if tag in BLOCK and self.stack and self.stack[-1][0] == tag:
            _, parts = self.stack.pop(); text = "".join(parts)
            self.units.append(text)
            if self.stack: self.stack[-1][1].append(text)
    def handle_data(self, data):
        if self.stack: self.stack[-1][1].append(data)

def units_of(path):
    raw = open(path, encoding="utf-8").read()
    if path.endswith(".html"):
        p = Units(); p.feed(raw); p.close()
        return p.units, re.sub(r"<[^>]+>", " ", raw)
    return raw.split("\n"), raw

def find_unit(units, s):
    return [u for u in units if s in u]

def bounded(unit, s):
    """The sentence starts at a unit/list/cell/sentence start and ends at a unit/cell/sentence end."""
    for m in re.finditer(re.escape(s), unit):
        before, after = unit[:m.start()], unit[m.end():]
        ok_b = before.strip(" *") in ("", "-", "|") or re.search(r"([.!?:]\s|\|\s|^\s*[-*]\s)$", before)
        ok_a = after.strip(" *") in ("", "|") or re.match(r"^(\s[A-ZÅÄÖ(]|\s\|)", after)
        if ok_b and ok_a: return True
    return False

def words(s): return len(s.split())

# catalog
with open(os.path.join(ROOT, "catalog.toml"), "rb") as f: cat = tomllib.load(f)["document"]
files = {d["file"]: d for d in cat}
on_disk = sorted(os.listdir(DOCS))
if sorted(files) != on_disk: err(f"catalog files {sorted(files)} != docs {on_disk}")
for d in cat:
    for k in ("file", "organisation", "title"):
        if not d.get(k): err(f"catalog entry missing {k}: {d}")
UNITS, FULL = {}, {}
for fn in on_disk:
    UNITS[fn], FULL[fn] = units_of(os.path.join(DOCS, fn))
    n = len(re.findall(r"\w[\w\-+/:.]*", FULL[fn]))
    if not 400 <= n <= 650: err(f"{fn}: {n} words, outside 400-650")
    if d := files.get(fn):
        if d["title"].lower() not in FULL[fn].lower(): err(f"{fn}: title not found in document")

# map
rows_per = {fn: 0 for fn in on_disk}; map_sents = set(); seen = set()
for i, line in enumerate(open(os.path.join(ROOT, "map.jsonl"), encoding="utf-8"), 1):
    r = json.loads(line); where = f"map.jsonl:{i}"
    if set(r) != {"file", "body", "relation", "matter_keywords", "sentence"}: err(f"{where}: fields {sorted(r)}")
    fn, s = r["file"], r["sentence"]
    if fn not in UNITS: err(f"{where}: unknown file {fn}"); continue
    rows_per[fn] += 1; map_sents.add((fn, s))
    if r["relation"] not in RELATIONS: err(f"{where}: bad relation {r['relation']}")
    key = (fn, r["body"].lower(), r["relation"], s, tuple(r["matter_keywords"]))
    if key in seen: err(f"{where}: duplicate body/relation/sentence")
    seen.add(key)
    hits = find_unit(UNITS[fn], s)
    if not hits: err(f"{where}: sentence not found in one line/element: {s!r}")
    elif not any(bounded(u, s) for u in hits): err(f"{where}: sentence is not a whole sentence/item/row: {s!r}")
    kws = r["matter_keywords"]
    if not (isinstance(kws, list) and 1 <= len(kws) <= 2): err(f"{where}: matter_keywords must be a list of 1-2")
    for k in kws:
        if k not in s: err(f"{where}: keyword {k!r} not in sentence")
    b = r["body"]
    if b[:1].isupper() is False and b.lower().startswith(("den ", "det ")): err(f"{where}: leading den/det kept")
    if b.lower() not in FULL[fn].lower(): err(f"{where}: body {b!r} not in document")
for fn, n in rows_per.items():
    if not 15 <= n <= 25: err(f"{fn}: {n} map rows, outside 15-25")

# negatives
neg_per = {fn: 0 for fn in on_disk}
for i, line in enumerate(open(os.path.join(ROOT, "map_negative.jsonl"), encoding="utf-8"), 1):
    r = json.loads(line); where = f"map_negative.jsonl:{i}"
    if set(r) != {"file", "sentence"}: err(f"{where}: fields {sorted(r)}")
    fn, s = r["file"], r["sentence"]
    if fn not in UNITS: err(f"{where}: unknown file {fn}"); continue
    neg_per[fn] += 1
    hits = find_unit(UNITS[fn], s)
    if not hits: err(f"{where}: sentence not found: {s!r}")
    elif not any(bounded(u, s) for u in hits): err(f"{where}: not a whole sentence: {s!r}")
    if any(s in ms or ms in s for (f2, ms) in map_sents if f2 == fn): err(f"{where}: overlaps a map sentence")
for fn, n in neg_per.items():
    if not 2 <= n <= 4: err(f"{fn}: {n} negative sentences, outside 2-4")

# questions
qs = [json.loads(l) for l in open(os.path.join(ROOT, "questions.jsonl"), encoding="utf-8")]
FIELDS = {"id", "question", "lang", "use", "history", "org", "quotes", "terms", "abstain"}
if len(qs) != 42: err(f"{len(qs)} questions, expected 42")
orgs = [d["organisation"] for d in cat]
for n, q in enumerate(qs, 1):
    where = q.get("id", f"question {n}")
    if set(q) != FIELDS: err(f"{where}: fields {sorted(q)}")
    if q["id"] != f"c6-{n:03d}": err(f"{where}: id out of sequence")
    if q["lang"] not in ("sv", "en"): err(f"{where}: lang")
    if q["use"] not in USES: err(f"{where}: use")
    if not isinstance(q["history"], list): err(f"{where}: history must be a list")
    if (q["use"] == "followup") != bool(q["history"]): err(f"{where}: history only and always for followup")
    if q["org"] is not None:
        m = [o for o in orgs if q["org"].lower() in o.lower()]
        if len(m) != 1: err(f"{where}: org {q['org']!r} matches {m}")
    if q["abstain"]:
        if q["use"] != "abstain" or q["quotes"] or q["terms"]: err(f"{where}: abstain item must have use=abstain, no quotes/terms")
        continue
    if q["use"] == "abstain": err(f"{where}: use=abstain but abstain false")
    if not q["quotes"] or not q["terms"]: err(f"{where}: answerable item needs quotes and terms")
    doc_of_quotes = set()
    for qt in q["quotes"]:
        if not 5 <= words(qt) <= 12: err(f"{where}: quote has {words(qt)} words: {qt!r}")
        found = [fn for fn in on_disk if find_unit(UNITS[fn], qt)]
        if not found: err(f"{where}: quote not found in one line/element: {qt!r}")
        doc_of_quotes.update(found)
    if len(doc_of_quotes) > 1: err(f"{where}: quotes spread over several documents {doc_of_quotes}")
    if q["org"] is not None and doc_of_quotes:
        fn = next(iter(doc_of_quotes))
        if q["org"].lower() not in files[fn]["organisation"].lower(): err(f"{where}: org filter excludes the answer")
    for t in q["terms"]:
        if not t or any(not a.strip() for a in t.split("|")): err(f"{where}: empty term alternative")
        if q["lang"] == "en" and len(t.split("|")) < 2 and not re.fullmatch(r"[\w\s]+", t, re.A): err(f"{where}: English item term without English alternative: {t!r}")
# balance, 6 per document in catalog order
for k in range(7):
    block = qs[6 * k: 6 * k + 6]
    langs = [q["lang"] for q in block]
    if langs.count("sv") != 3: err(f"block {k+1}: {langs.count('sv')} sv of 6")
    if sum(q["use"] == "followup" for q in block) != 1: err(f"block {k+1}: needs exactly one followup")
    if sum(q["abstain"] for q in block) != 1: err(f"block {k+1}: needs exactly one abstain")
    ans = [q for q in block if not q["abstain"]]
    docs = set(fn for q in ans for qt in q["quotes"] for fn in on_disk if find_unit(UNITS[fn], qt))
    if docs != {cat[k]["file"]}: err(f"block {k+1}: answers come from {docs}, expected {cat[k]['file']}")
if sum(q["org"] is not None for q in qs) != 3: err("org must be set in exactly 3 items")

print(f"documents: {len(on_disk)}; map rows: {sum(rows_per.values())} {rows_per}")
print(f"negatives: {sum(neg_per.values())}; questions: {len(qs)} (sv {sum(q['lang']=='sv' for q in qs)}, en {sum(q['lang']=='en' for q in qs)})")
for e in errors: print("ERROR:", e)
print(f"{len(errors)} errors")
sys.exit(1 if errors else 0)
