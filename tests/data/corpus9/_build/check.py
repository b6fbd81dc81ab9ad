#!/usr/bin/env python3
"""Verify corpus9 against /root/scratch/s7/corpus_conventions.md (N = 9).

Usage: python3 check.py [CORPUS_DIR]     (default: the folder holding this file)
Prints every error found, then a summary; exit code 0 only when there are 0 errors.
"""
import json
import os
import re
import sys
import tomllib
from collections import Counter, defaultdict
from html.parser import HTMLParser

N = 9
ROOT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(ROOT, "docs")
POLICY_DIR = "/work/shared/policies"
GENRES = ["general", "trip", "general", "twinning", "onboarding", "general"]  # by catalog position
RELATIONS = {"decides", "responsible", "coordinates", "leads", "prepares", "represents", "supports", "commissioned"}
USES = {"twinning", "trip", "onboarding", "general", "followup", "abstain"}
QFIELDS = {"id", "question", "lang", "use", "history", "org", "quotes", "terms", "abstain"}
MAPFIELDS = {"file", "body", "relation", "matter_keywords", "sentence"}
NEGFIELDS = {"file", "sentence"}
GENERIC_ORG_WORDS = {"stad", "kommun", "region", "kommunalförbund", "kommunalförbundet", "samordningsförbund"}

errors = []


def err(msg):
    errors.append(msg)


# ---------------------------------------------------------------- text units
class Unit:
    def __init__(self, text, kind, heading="", leadin="", firstcol=""):
        self.text = norm_space(text)
        self.kind = kind
        self.heading = norm_space(heading)
        self.leadin = norm_space(leadin)
        self.firstcol = norm_space(firstcol)


def norm_space(s):
    return re.sub(r"\s+", " ", s).strip()


MD_BULLET = re.compile(r"^(?:[-*+]|\d+\.)\s+")


def units_md_txt(text, fmt):
    units, heading, last_para = [], "", ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if fmt == "md":
            is_heading = line.startswith("#")
            is_item = bool(re.match(r"^[-*+]\s+", line)) and not line.startswith("**")
        else:
            is_heading = bool(re.match(r"^\d+(?:\.\d+)*\.?\s+\S", line) and not line.endswith(".")) or (
                line == line.upper() and re.search(r"[A-ZÅÄÖ]", line) is not None)
            is_item = bool(re.match(r"^[-*]\s+", line))
        if is_heading:
            heading = line.lstrip("#").replace("*", "").strip()
            last_para = ""
            units.append(Unit(heading, "heading", heading))
        elif is_item:
            item = re.sub(r"^[-*+]\s+", "", line).replace("*", "")
            units.append(Unit(item, "item", heading, last_para))
        else:
            para = line.replace("*", "")
            units.append(Unit(para, "para", heading))
            last_para = para
    return units


class HtmlUnits(HTMLParser):
    BLOCK = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "title", "dt", "dd"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.units, self.stack, self.buf = [], [], None
        self.heading, self.last_para, self.row = "", "", None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.row = []
        if tag in self.BLOCK:
            self.stack.append(tag)
            self.buf = []

    def handle_endtag(self, tag):
        if tag in self.BLOCK and self.stack and self.stack[-1] == tag:
            self.stack.pop()
            text = norm_space("".join(self.buf or []))
            self.buf = [] if self.stack else None
            if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                self.heading, self.last_para = text, ""
                self.units.append(Unit(text, "heading", text))
            elif tag in {"td", "th"}:
                if self.row is not None:
                    self.row.append(text)
                first = self.row[0] if self.row else text
                self.units.append(Unit(text, "cell", self.heading, "", first))
            elif tag == "li":
                self.units.append(Unit(text, "item", self.heading, self.last_para))
            elif tag == "title":
                self.units.append(Unit(text, "title"))
            else:
                self.units.append(Unit(text, "para", self.heading))
                self.last_para = text
        if tag == "tr":
            self.row = None

    def handle_data(self, data):
        if self.buf is not None:
            self.buf.append(data)


def load_doc(path):
    raw = open(path, encoding="utf-8").read()
    if path.endswith(".html"):
        p = HtmlUnits()
        p.feed(raw)
        units = p.units
        visible = re.sub(r"<[^>]+>", " ", raw)
    else:
        units = units_md_txt(raw, "md" if path.endswith(".md") else "txt")
        visible = raw.replace("*", "")
    return raw, units, visible


SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖÉ0-9\"»(])")


def split_sents(text):
    return [s.strip() for s in SENT_SPLIT.split(text) if s.strip()]


def sentence_units(sentence, units):
    """Units in which `sentence` is the whole text or one whole sentence of it."""
    return [u for u in units if u.kind != "title" and (u.text == sentence or sentence in split_sents(u.text))]


def count_words(visible):
    return len([w for w in visible.split() if re.search(r"\w", w)])


def tokens(text):
    return re.findall(r"\w+(?:[-:]\w+)*", text.replace("*", "").lower())


def ngrams(toks, n):
    return {tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)}


# ---------------------------------------------------------------- catalog
cat_path = os.path.join(ROOT, "catalog.toml")
catalog = []
try:
    catalog = tomllib.load(open(cat_path, "rb")).get("document", [])
except Exception as e:  # noqa: BLE001
    err(f"catalog.toml: cannot be read ({e})")
if len(catalog) != 6:
    err(f"catalog.toml: {len(catalog)} documents, expected 6")
docs = {}
for i, d in enumerate(catalog, 1):
    if set(d) != {"file", "organisation", "title"}:
        err(f"catalog #{i}: fields {sorted(d)} != ['file', 'organisation', 'title']")
    f = d.get("file", "")
    if f.startswith("docs/") or "/" in f:
        err(f"catalog #{i}: file '{f}' must be relative to docs/ without prefix")
    path = os.path.join(DOCS, f)
    if not os.path.isfile(path):
        err(f"catalog #{i}: docs/{f} does not exist")
        continue
    if f in docs:
        err(f"catalog #{i}: file '{f}' listed twice")
    raw, units, visible = load_doc(path)
    docs[f] = dict(raw=raw, units=units, visible=visible, org=d.get("organisation", ""), pos=i)
    if d.get("organisation", "").lower() not in visible.lower():
        err(f"catalog #{i}: organisation '{d.get('organisation')}' not named in docs/{f}")
    if not d.get("title"):
        err(f"catalog #{i}: empty title")
on_disk = sorted(os.listdir(DOCS)) if os.path.isdir(DOCS) else []
if sorted(d.get("file", "") for d in catalog) != on_disk:
    err(f"catalog/docs mismatch: catalog {sorted(d.get('file', '') for d in catalog)} vs docs/ {on_disk}")
fmt_seen = Counter(os.path.splitext(f)[1] for f in docs)
if not {".md", ".txt", ".html"} <= set(fmt_seen):
    err(f"formats present {dict(fmt_seen)}: expected Markdown, plain text and HTML")

word_counts = {}
for f, d in docs.items():
    wc = count_words(d["visible"])
    word_counts[f] = wc
    if not 500 <= wc <= 1200:
        err(f"docs/{f}: {wc} words, expected 500–1200")


# ---------------------------------------------------------------- jsonl helper
def read_jsonl(name):
    rows = []
    p = os.path.join(ROOT, name)
    if not os.path.isfile(p):
        err(f"{name}: missing")
        return rows
    for n, line in enumerate(open(p, encoding="utf-8"), 1):
        if not line.strip():
            err(f"{name}:{n}: empty line")
            continue
        try:
            rows.append((n, json.loads(line)))
        except json.JSONDecodeError as e:
            err(f"{name}:{n}: invalid JSON ({e})")
    return rows


# ---------------------------------------------------------------- map.jsonl
map_rows = read_jsonl("map.jsonl")
map_count = Counter()
map_sentences = defaultdict(set)
seen = set()
for n, r in map_rows:
    where = f"map.jsonl:{n}"
    if set(r) != MAPFIELDS:
        err(f"{where}: fields {sorted(r)} != {sorted(MAPFIELDS)}")
        continue
    f, body, rel, kws, s = r["file"], r["body"], r["relation"], r["matter_keywords"], r["sentence"]
    if f not in docs:
        err(f"{where}: file '{f}' not in catalog")
        continue
    map_count[f] += 1
    map_sentences[f].add(s)
    if rel not in RELATIONS:
        err(f"{where}: relation '{rel}' not valid")
    if not isinstance(body, str) or not body.strip():
        err(f"{where}: empty body")
        continue
    if re.match(r"(?i)^(den|det|de)\s", body):
        err(f"{where}: body '{body}' starts with den/det/de")
    if "*" in s or re.search(r"<[^>]+>", s):
        err(f"{where}: sentence contains * or HTML tags")
    key = (f, body.lower(), rel, s)
    if key in seen:
        err(f"{where}: duplicate row (same file, body, relation, sentence)")
    seen.add(key)
    us = sentence_units(s, docs[f]["units"])
    if not us:
        err(f"{where}: sentence not found at a sentence boundary within one line/element: {s[:70]!r}")
    else:
        b = body.lower()
        if not any(b in s.lower() or b in u.heading.lower() or b in u.leadin.lower() or b in u.firstcol.lower()
                   for u in us):
            err(f"{where}: body '{body}' not in sentence, heading, lead-in or table first column")
    if not isinstance(kws, list) or not 1 <= len(kws) <= 2:
        err(f"{where}: matter_keywords must be a list of 1–2 items")
    else:
        for k in kws:
            if not isinstance(k, str) or not k.strip() or len(k.split()) > 2:
                err(f"{where}: keyword {k!r} empty or longer than two words")
            elif k.lower() not in s.lower():
                err(f"{where}: keyword {k!r} not in its sentence")
for f in docs:
    if not 18 <= map_count[f] <= 25:
        err(f"map.jsonl: {map_count[f]} rows for {f}, expected 18–25")

# ---------------------------------------------------------------- map_negative.jsonl
neg_rows = read_jsonl("map_negative.jsonl")
neg_count = Counter()
for n, r in neg_rows:
    where = f"map_negative.jsonl:{n}"
    if set(r) != NEGFIELDS:
        err(f"{where}: fields {sorted(r)} != {sorted(NEGFIELDS)}")
        continue
    f, s = r["file"], r["sentence"]
    if f not in docs:
        err(f"{where}: file '{f}' not in catalog")
        continue
    neg_count[f] += 1
    if not sentence_units(s, docs[f]["units"]):
        err(f"{where}: sentence not found at a sentence boundary within one line/element: {s[:70]!r}")
    if s in map_sentences[f]:
        err(f"{where}: sentence is also a map.jsonl sentence")
    if "*" in s or re.search(r"<[^>]+>", s):
        err(f"{where}: sentence contains * or HTML tags")
for f in docs:
    if not 3 <= neg_count[f] <= 4:
        err(f"map_negative.jsonl: {neg_count[f]} rows for {f}, expected 3–4")

# ---------------------------------------------------------------- questions.jsonl
q_rows = read_jsonl("questions.jsonl")
questions = [r for _, r in q_rows]
order = [d.get("file") for d in catalog]
if len(questions) != 6 * len(order):
    err(f"questions.jsonl: {len(questions)} questions, expected {6 * len(order)}")


def org_key(org):
    words = [w for w in org.split() if w.lower() not in GENERIC_ORG_WORDS]
    keys = []
    for w in words:
        keys.append(w[:-1] if w.lower().endswith("s") and len(w) > 5 else w)
    return keys


orgs = [d.get("organisation", "") for d in catalog]
doc_tok = {f: tokens(d["visible"]) for f, d in docs.items()}
doc5 = set().union(*(ngrams(t, 5) for t in doc_tok.values())) if doc_tok else set()
pol_tok = []
for name in sorted(os.listdir(POLICY_DIR)):
    pol_tok += tokens(open(os.path.join(POLICY_DIR, name), encoding="utf-8", errors="replace").read()) + ["\x00"]
pol8 = ngrams(pol_tok, 8)

for f, t in doc_tok.items():
    shared = ngrams(t, 8) & pol8
    if shared:
        err(f"docs/{f}: {len(shared)} 8-gram(s) shared with the real policies, e.g. {' '.join(next(iter(shared)))!r}")

for i, q in enumerate(questions):
    where = f"questions.jsonl:{i + 1}"
    if set(q) != QFIELDS:
        err(f"{where}: fields {sorted(q)} != {sorted(QFIELDS)}")
        continue
    if q["id"] != f"c{N}-{i + 1:03d}":
        err(f"{where}: id {q['id']!r}, expected 'c{N}-{i + 1:03d}'")
    if q["lang"] not in {"sv", "en"}:
        err(f"{where}: lang {q['lang']!r}")
    if q["use"] not in USES:
        err(f"{where}: use {q['use']!r}")
    if not isinstance(q["question"], str) or not q["question"].strip():
        err(f"{where}: empty question")
    if not isinstance(q["history"], list) or not all(isinstance(h, str) and h.strip() for h in q["history"]):
        err(f"{where}: history must be a list of non-empty strings")
    if not isinstance(q["quotes"], list) or not isinstance(q["terms"], list) or not isinstance(q["abstain"], bool):
        err(f"{where}: quotes/terms must be lists and abstain a boolean")
        continue
    if q["org"] is not None and not isinstance(q["org"], str):
        err(f"{where}: org must be null or a string")
    block = i // 6
    if block >= len(order) or order[block] not in docs:
        continue
    f = order[block]
    units = docs[f]["units"]
    # abstain / answerable shape
    if q["use"] == "abstain":
        if q["abstain"] is not True or q["quotes"] or q["terms"]:
            err(f"{where}: abstain item needs abstain=true and empty quotes and terms")
    else:
        if q["abstain"] is not False:
            err(f"{where}: answerable item needs abstain=false")
        if not q["quotes"]:
            err(f"{where}: no quotes")
        if not 1 <= len(q["terms"]) <= 3:
            err(f"{where}: {len(q['terms'])} terms, expected 1–3")
    if q["use"] == "followup":
        if not q["history"]:
            err(f"{where}: followup without history")
    elif q["history"]:
        err(f"{where}: history only expected on the followup question")
    # quotes
    for qt in q["quotes"]:
        nw = len(qt.split())
        if not 5 <= nw <= 12:
            err(f"{where}: quote has {nw} words (5–12): {qt!r}")
        if not any(qt in u.text for u in units if u.kind != "title"):
            err(f"{where}: quote not copied from one line/element of docs/{f}: {qt!r}")
    # terms
    visible_l = norm_space(docs[f]["visible"]).lower()
    for t in q["terms"]:
        alts = [a.strip() for a in t.split("|")]
        if not all(alts):
            err(f"{where}: empty alternative in term {t!r}")
        if q["lang"] == "en" and len(alts) < 2:
            err(f"{where}: English question needs English alternatives after '|' in term {t!r}")
        if alts[0].lower() not in visible_l:
            err(f"{where}: Swedish term {alts[0]!r} does not occur in docs/{f}")
    # no 5-gram copied from a document
    for text in [q["question"]] + list(q["history"]):
        shared = ngrams(tokens(text), 5) & doc5
        if shared:
            err(f"{where}: 5-gram copied from a document: {' '.join(next(iter(shared)))!r}")
        shared8 = ngrams(tokens(text), 8) & pol8
        if shared8:
            err(f"{where}: 8-gram shared with the real policies")

for b, f in enumerate(order):
    blk = questions[6 * b:6 * b + 6]
    if len(blk) != 6 or any(set(q) != QFIELDS for q in blk):
        continue
    where = f"questions block {b + 1} ({f})"
    langs = Counter(q["lang"] for q in blk)
    if langs != Counter({"sv": 3, "en": 3}):
        err(f"{where}: languages {dict(langs)}, expected 3 sv + 3 en")
    uses = Counter(q["use"] for q in blk)
    genre = GENRES[b] if b < len(GENRES) else "general"
    if uses != Counter({genre: 4, "followup": 1, "abstain": 1}):
        err(f"{where}: uses {dict(uses)}, expected {genre}×4 + followup + abstain")
    with_org = [q for q in blk if q["org"]]
    if len(with_org) != 1:
        err(f"{where}: {len(with_org)} questions set org, expected exactly 1")
    keys = org_key(orgs[b])
    for q in blk:
        text = " ".join([q["question"]] + list(q["history"])).lower()
        named = any(k.lower() in text for k in keys)
        if q["org"]:
            o = q["org"].lower()
            hits = [x for x in orgs if o in x.lower()]
            if hits != [orgs[b]]:
                err(f"{q['id']}: org {q['org']!r} is not a unique part of '{orgs[b]}' (matches {hits})")
            if named:
                err(f"{q['id']}: sets org and also names the organisation")
        elif not named:
            err(f"{q['id']}: organisation ({'/'.join(keys)}) not named in question or history and org not set")

# ---------------------------------------------------------------- README table
readme = os.path.join(ROOT, "README.md")
if not os.path.isfile(readme):
    err("README.md: missing")
else:
    rtext = open(readme, encoding="utf-8").read()
    for f in docs:
        line = next((ln for ln in rtext.splitlines() if ln.startswith("|") and f in ln), None)
        if line is None:
            err(f"README.md: no documents-table row for {f}")
            continue
        nums = [c.strip() for c in line.strip().strip("|").split("|")]
        want = [str(word_counts[f]), str(map_count[f]), str(neg_count[f])]
        if nums[-4:-1] != want:
            err(f"README.md: row for {f} says words/map/neg {nums[-4:-1]}, computed {want}")

# ---------------------------------------------------------------- report
for e in errors:
    print("ERROR", e)
print(f"documents {len(docs)}, words {sum(word_counts.values())} "
      f"({', '.join(str(word_counts[f]) for f in order if f in word_counts)}), "
      f"map rows {sum(map_count.values())}, negatives {sum(neg_count.values())}, questions {len(questions)}")
print(f"{len(errors)} errors")
sys.exit(1 if errors else 0)
