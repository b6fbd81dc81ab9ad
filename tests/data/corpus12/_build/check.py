#!/usr/bin/env python3
"""Verifier for test corpus 12.

Usage: python3 check.py [CORPUS_ROOT] [--policies DIR]

Checks catalog <-> docs, word counts, map.jsonl, map_negative.jsonl and
questions.jsonl against the corpus conventions, plus originality
(no 5-gram from a document in a question, no 8-gram shared with the real
policies). Prints errors, warnings and a per-document summary; exits 1 on
any error.
"""
import json
import os
import re
import sys
import tomllib
from html.parser import HTMLParser

N = 12
N_DOCS = 6
Q_PER_DOC = 6
GENRE_USE = ["general", "trip", "general", "twinning", "onboarding", "general"]
ROWS_MIN, ROWS_MAX = 18, 25
NEG_MIN, NEG_MAX = 3, 4
WORDS_MIN, WORDS_MAX = 500, 1200

args = [a for a in sys.argv[1:]]
POLICY_DIR = "/work/shared/policies"
if "--policies" in args:
    i = args.index("--policies")
    POLICY_DIR = args[i + 1]
    del args[i:i + 2]
ROOT = args[0] if args else os.path.dirname(os.path.abspath(__file__))

errors, warnings = [], []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


def fold(s):
    """Display text: no '*', whitespace folded."""
    return re.sub(r"\s+", " ", s.replace("*", "")).strip()


def norm(s):
    """Scoring normalisation from the eval README."""
    return fold(s).lower()


def tokens(s):
    return re.findall(r"\w+", norm(s))


def ngrams(toks, n):
    return {tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)}


def count_words(s):
    return len(re.findall(r"\w+(?:[-:]\w+)*", s))


# ---------------------------------------------------------------- relations
REL_RE = {
    "decides": r"\b(beslut\w*|fastställ\w*|ant(a|ar|as|agit|agits|ogs|agen)\b|godkän\w*|attester\w*|utse(r|s|dd|dda|tt)?\b)",
    "responsible": r"\b(ansvar\w*|svarar\b|handläg\w*|åligger|ser till\b|följ(er|s|as|a) upp|uppfölj\w*|ta(r|s)? fram|tagits fram|har till uppgift|håller i|hålla i)",
    "coordinates": r"\b(samordn\w*|koordin\w*)",
    "leads": r"\b(leder|leds|leda|ledas|ledning)\b",
    "prepares": r"\bbered\w*",
    "represents": r"\b(företräd\w*|represent\w*)",
    "supports": r"\b(stöd\w*|bistå\w*)",
    "commissioned": r"\buppdrag\w*",
}
REL_RE = {k: re.compile(v, re.I) for k, v in REL_RE.items()}
# verb forms that give a body a duty: a negative sentence must contain none
DUTY_VERB = re.compile(
    r"\b(beslut(ar|as|at|ade)|fastställ(er|s|t|ts|de)|ant(ar|as|agit|agits|ogs)|"
    r"godkän(ner|ns|nas|t|ts|de)|attester(ar|as|ats)|utse(r|s|tt)|ansvarar|svarar för|"
    r"handläg(ger|gs)|åligger|ser till att|följ(er|s) upp|ta(r|s)? fram|tagits fram|har till uppgift|"
    r"håller i|samordna(r|s|de)?|led(er|s)|bered(er|s|de)|företräd(er|s|a)|stödj(er|s)|"
    r"bistå(r|s)?|i uppdrag att)\b", re.I)
BODY_LEX = re.compile(
    r"(styrelse|nämnd|fullmäktige|direktör|kontor|enhet|förvaltning|utskott|presidi|ordförande|"
    r"samordnare|strateg|sekreterare|kansli|förbund|kommun|region|stad|bolag|chef|direktion|"
    r"ansvarig|politiker|representant|ledamot|ledamöter)", re.I)
# a body right after one of these only receives, is consulted, invites or commissions
PASSIVE_BEFORE = re.compile(
    r"(samråd med|redovisas för|anmäls till|anmälas till|på uppdrag av|på inbjudan av|"
    r"informera|tar del av|hänvisa till)\s+(den |det |de )?$", re.I)
EN_WORDS = {"the", "who", "what", "which", "does", "do", "is", "are", "how", "when", "of", "to",
            "for", "a", "an", "at", "and", "if", "has", "have", "must", "can", "my", "it", "that"}
SV_WORDS = {"vem", "vad", "vilka", "vilken", "hur", "när", "och", "är", "för", "som", "det", "en",
            "ett", "att", "om", "av", "på", "till", "får", "ska", "jag", "kan", "med", "den"}
CURRENCY = re.compile(r"\d[\d\s.,]*\s*(kr\b|kronor|sek\b|euro|eur\b|€|prisbasbelopp)", re.I)


# ---------------------------------------------------------------- parsing
class Block(dict):
    pass


def block(kind, text, heading="", leadin=None, first=None, header=None, line=None):
    return Block(kind=kind, text=text, heading=heading, leadin=leadin, first=first,
                 header=header or [], line=line if line is not None else text)


def parse_md(raw):
    blocks, heading, leadin, header, in_table = [], "", None, None, False
    for line in raw.splitlines():
        s = line.strip()
        if not s:
            in_table = False
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", s)
        if m:
            heading, leadin, in_table = fold(m.group(2)), None, False
            blocks.append(block("heading", heading, heading, line=fold(s)))
            continue
        if s.startswith("|"):
            cells = [fold(c) for c in s.strip().strip("|").split("|")]
            if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                continue
            if not in_table:
                header, in_table = cells, True
                for c in cells:
                    blocks.append(block("th", c, heading, header=cells, line=fold(s)))
                continue
            for c in cells:
                blocks.append(block("cell", c, heading, first=cells[0], header=header, line=fold(s)))
            continue
        in_table = False
        m = re.match(r"^([-*+]|\d+[.)])\s+(.*)$", s)
        if m:
            blocks.append(block("item", fold(m.group(2)), heading, leadin=leadin, line=fold(s)))
            continue
        text = fold(s)
        leadin = text if text.endswith(":") else None
        blocks.append(block("para", text, heading, line=text))
    return blocks


def parse_txt(raw):
    blocks, heading, leadin = [], "", None
    for line in raw.splitlines():
        s = line.strip()
        if not s:
            continue
        m = re.match(r"^(\d+(?:\.\d+)*)\.?\s+(\S.*)$", s)
        if m and not re.search(r"[.:;,]$", s) and len(m.group(2).split()) <= 8:
            heading, leadin = fold(m.group(2)), None
            blocks.append(block("heading", heading, heading, line=fold(s)))
            continue
        m = re.match(r"^([-–•]|\d+\)|[a-z]\))\s+(.*)$", s)
        if m:
            blocks.append(block("item", fold(m.group(2)), heading, leadin=leadin, line=fold(s)))
            continue
        text = fold(s)
        leadin = text if text.endswith(":") else None
        blocks.append(block("para", text, heading, line=text))
    return blocks


class _HP(HTMLParser):
    TEXT = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "caption", "dt", "dd"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.heading, self.leadin = [], "", None
        self.buf, self.cur, self.row, self.header, self.skip = None, None, None, None, 0

    def handle_starttag(self, tag, attrs):
        if tag in ("head", "script", "style"):
            self.skip += 1
        elif tag == "table":
            self.header = None
        elif tag == "tr":
            self.row = []
        elif tag == "br" and self.buf is not None:
            self.buf.append(" ")
        if tag in self.TEXT:
            self.cur, self.buf = tag, []

    def handle_endtag(self, tag):
        if tag in ("head", "script", "style"):
            self.skip -= 1
            return
        if tag in self.TEXT and self.cur == tag:
            text = fold("".join(self.buf))
            self.buf, self.cur = None, None
            if re.fullmatch(r"h[1-6]", tag):
                self.heading, self.leadin = text, None
                self.blocks.append(block("heading", text, text))
            elif tag in ("td", "th"):
                self.row.append((tag, text))
            elif tag == "li":
                self.blocks.append(block("item", text, self.heading, leadin=self.leadin))
            else:
                self.leadin = text if text.endswith(":") else None
                self.blocks.append(block("para", text, self.heading))
        if tag == "tr" and self.row is not None:
            cells = [t for _, t in self.row]
            if self.header is None and all(k == "th" for k, _ in self.row):
                self.header = cells
                for c in cells:
                    self.blocks.append(block("th", c, self.heading, header=cells))
            else:
                for c in cells:
                    self.blocks.append(block("cell", c, self.heading, first=cells[0],
                                             header=self.header or []))
            self.row = None

    def handle_data(self, d):
        if not self.skip and self.buf is not None:
            self.buf.append(d)


def parse_html(raw):
    p = _HP()
    p.feed(raw)
    p.close()
    return p.blocks


def parse(path):
    raw = open(path, encoding="utf-8").read()
    ext = path.rsplit(".", 1)[-1].lower()
    if ext == "md":
        return parse_md(raw), "md"
    if ext == "txt":
        return parse_txt(raw), "txt"
    if ext in ("html", "htm"):
        return parse_html(raw), "html"
    return None, ext


def split_sentences(text):
    return [p.strip() for p in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])", text) if p.strip()]


def units(b):
    u = {b["text"]}
    u.update(split_sentences(b["text"]))
    return u


def body_in(body, text):
    if not text:
        return False
    return body in text or (body[:1].swapcase() + body[1:]) in text


def load_jsonl(path):
    rows = []
    if not os.path.exists(path):
        err(f"missing file {os.path.relpath(path, ROOT)}")
        return rows
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            err(f"{os.path.basename(path)}:{n}: empty line")
            continue
        try:
            rows.append((n, json.loads(line)))
        except json.JSONDecodeError as e:
            err(f"{os.path.basename(path)}:{n}: bad JSON ({e})")
    return rows


def place_token(org):
    words = org.split()
    generic = {"kommun", "region", "stad", "kommunalförbundet", "samordningsförbundet", "landsting"}
    for i, w in enumerate(words):
        if w.lower() in generic:
            continue
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if w.endswith("s") and nxt in ("kommun", "stad"):
            w = w[:-1]
        return w
    return org


# ---------------------------------------------------------------- catalog & docs
docs_dir = os.path.join(ROOT, "docs")
catalog = []
try:
    cat = tomllib.load(open(os.path.join(ROOT, "catalog.toml"), "rb"))
    catalog = cat.get("document", [])
except Exception as e:  # noqa: BLE001
    err(f"catalog.toml unreadable: {e}")

if len(catalog) != N_DOCS:
    err(f"catalog has {len(catalog)} documents, expected {N_DOCS}")
files, orgs = [], []
for i, d in enumerate(catalog):
    if set(d) != {"file", "organisation", "title"}:
        err(f"catalog entry {i + 1}: keys {sorted(d)} != file, organisation, title")
    f = d.get("file", "")
    if not isinstance(f, str) or not f or f.startswith("docs/") or "/" in f:
        err(f"catalog entry {i + 1}: bad file name {f!r} (relative to docs/, no prefix)")
    files.append(f)
    orgs.append(d.get("organisation", ""))
if len(set(files)) != len(files):
    err("catalog: duplicate file names")
if len({o.lower() for o in orgs}) != len(orgs):
    err("catalog: duplicate organisations")
on_disk = sorted(os.listdir(docs_dir)) if os.path.isdir(docs_dir) else []
if sorted(files) != on_disk:
    err(f"docs/ {on_disk} != catalog {sorted(files)}")

kinds = {"kommun": 0, "region": 0, "stad": 0, "förbund": 0}
for o in orgs:
    lo = o.lower()
    if lo.startswith("region "):
        kinds["region"] += 1
    elif lo.endswith(" stad"):
        kinds["stad"] += 1
    elif "kommunalförbund" in lo or "samordningsförbund" in lo:
        kinds["förbund"] += 1
    elif lo.endswith(" kommun"):
        kinds["kommun"] += 1
if kinds != {"kommun": 2, "region": 2, "stad": 1, "förbund": 1}:
    err(f"organisation kinds {kinds} != 2 kommun, 2 region, 1 stad, 1 förbund")
tokens_place = [place_token(o) for o in orgs]
for i, t in enumerate(tokens_place):
    for j, o in enumerate(orgs):
        if i != j and t.lower() in o.lower():
            err(f"place name {t!r} is not unique to {orgs[i]!r}")

DOC = {}      # file -> blocks
LINES = {}    # file -> list of display lines / text elements
FMT = {}
WORDS = {}
for i, f in enumerate(files):
    path = os.path.join(docs_dir, f)
    if not os.path.isfile(path):
        err(f"{f}: missing in docs/")
        continue
    blocks, fmt = parse(path)
    if blocks is None:
        err(f"{f}: unsupported format {fmt}")
        continue
    DOC[f], FMT[f] = blocks, fmt
    if fmt == "html":
        LINES[f] = [b["text"] for b in blocks if b["text"]]
    else:
        LINES[f] = [fold(l) for l in open(path, encoding="utf-8").read().splitlines() if l.strip()]
    text = "\n".join(b["text"] for b in blocks)
    WORDS[f] = count_words(text)
    if not WORDS_MIN <= WORDS[f] <= WORDS_MAX:
        err(f"{f}: {WORDS[f]} words, expected {WORDS_MIN}-{WORDS_MAX}")
    title = catalog[i].get("title", "")
    if norm(title) not in norm(text):
        err(f"{f}: catalog title {title!r} not found in the document")
    if tokens_place[i].lower() not in text.lower():
        err(f"{f}: organisation name {tokens_place[i]!r} not found in the document")
    for m in CURRENCY.finditer(text):
        err(f"{f}: states a money amount {m.group(0)!r} (abstain topics must stay unstated)")
fmts = set(FMT.values())
for need in ("md", "txt", "html"):
    if need not in fmts:
        err(f"no document in format {need}")

# ---------------------------------------------------------------- map.jsonl
MAP_KEYS = {"file", "body", "relation", "matter_keywords", "sentence"}
map_rows = load_jsonl(os.path.join(ROOT, "map.jsonl"))
rows_per = {f: 0 for f in files}
mapped = {f: set() for f in files}
seen = set()
for n, r in map_rows:
    where = f"map.jsonl:{n}"
    if not isinstance(r, dict) or set(r) != MAP_KEYS:
        err(f"{where}: keys {sorted(r) if isinstance(r, dict) else r} != {sorted(MAP_KEYS)}")
        continue
    f, body, rel, kws, sent = r["file"], r["body"], r["relation"], r["matter_keywords"], r["sentence"]
    if f not in DOC:
        err(f"{where}: file {f!r} not in catalog/docs")
        continue
    rows_per[f] += 1
    key = json.dumps([f, body, rel, sent, kws], ensure_ascii=False)
    if key in seen:
        err(f"{where}: duplicate row")
    seen.add(key)
    if rel not in REL_RE:
        err(f"{where}: relation {rel!r} not allowed")
        continue
    if not isinstance(body, str) or not body.strip() or body != body.strip():
        err(f"{where}: empty or padded body")
        continue
    if re.match(r"(?i)(den|det|de)\s", body):
        err(f"{where}: body {body!r} starts with den/det/de")
    if not isinstance(sent, str) or not sent:
        err(f"{where}: empty sentence")
        continue
    if sent != fold(sent) or "<" in sent or ">" in sent:
        err(f"{where}: sentence has '*', HTML or unfolded whitespace")
    mapped[f].add(sent)
    if not isinstance(kws, list) or not 1 <= len(kws) <= 2:
        err(f"{where}: matter_keywords must be a list of 1-2 items")
    else:
        for k in kws:
            if not isinstance(k, str) or not k.strip() or len(k.split()) > 2:
                err(f"{where}: keyword {k!r} empty or longer than two words")
            elif k not in sent:
                err(f"{where}: keyword {k!r} not copied from the sentence")
    matches = [b for b in DOC[f] if b["kind"] != "heading" and sent in units(b)]
    if not matches:
        err(f"{where}: sentence not found as a whole line/item/cell/sentence: {sent[:70]!r}")
        continue
    body_ok = trig_ok = False
    for b in matches:
        ctx_body = [sent, b["heading"], b["leadin"], b["first"]]
        if any(body_in(body, c) for c in ctx_body):
            body_ok = True
        ctx_rel = [sent, b["leadin"] or "", b["heading"], " ".join(b["header"])]
        if any(REL_RE[rel].search(c) for c in ctx_rel):
            trig_ok = True
    if not body_ok:
        err(f"{where}: body {body!r} not in sentence, heading, lead-in or first column")
    if not trig_ok:
        err(f"{where}: no wording for relation {rel!r} in sentence or its lead-in/heading/table header")
    # a body that only occurs as consulted / informed / commissioning / invited gets no row
    occ = [m.start() for m in re.finditer(re.escape(body), sent, re.I)]
    occ = [p for p in occ if not re.match(r"\s*,?\s*som\b", sent[p + len(body):])]  # "X, som ansvarar ..."
    if occ and all(PASSIVE_BEFORE.search(sent[max(0, p - 30):p]) for p in occ) and \
            not any(body_in(body, b[k]) for b in matches for k in ("heading", "leadin", "first")):
        err(f"{where}: body {body!r} is only consulted/informed/commissioning here")

for f in files:
    if f in DOC and not ROWS_MIN <= rows_per[f] <= ROWS_MAX:
        err(f"{f}: {rows_per[f]} map rows, expected {ROWS_MIN}-{ROWS_MAX}")

# ---------------------------------------------------------------- map_negative.jsonl
neg_rows = load_jsonl(os.path.join(ROOT, "map_negative.jsonl"))
neg_per = {f: 0 for f in files}
negs = {f: set() for f in files}
for n, r in neg_rows:
    where = f"map_negative.jsonl:{n}"
    if not isinstance(r, dict) or set(r) != {"file", "sentence"}:
        err(f"{where}: keys must be file, sentence")
        continue
    f, sent = r["file"], r["sentence"]
    if f not in DOC:
        err(f"{where}: file {f!r} not in catalog/docs")
        continue
    neg_per[f] += 1
    if sent in negs[f]:
        err(f"{where}: duplicate negative")
    negs[f].add(sent)
    if not any(sent in units(b) for b in DOC[f] if b["kind"] != "heading"):
        err(f"{where}: sentence not found as a whole line/item/cell/sentence: {sent[:70]!r}")
    if sent in mapped[f]:
        err(f"{where}: sentence is also a map row")
    if not BODY_LEX.search(sent):
        err(f"{where}: names no body")
    m = DUTY_VERB.search(sent)
    if m:
        err(f"{where}: contains duty wording {m.group(0)!r}")
for f in files:
    if f in DOC and not NEG_MIN <= neg_per[f] <= NEG_MAX:
        err(f"{f}: {neg_per[f]} negatives, expected {NEG_MIN}-{NEG_MAX}")

# completeness hint: sentences with duty wording and a body that are neither mapped nor negative
for f in files:
    for b in DOC.get(f, []):
        if b["kind"] in ("heading", "th") or b["text"].endswith(":"):
            continue  # headings and list lead-ins: their items carry the rows
        for s in split_sentences(b["text"]):
            if s in mapped[f] or b["text"] in mapped[f] or s in negs[f] or b["text"] in negs[f]:
                continue
            if DUTY_VERB.search(s) and BODY_LEX.search(s):
                warn(f"{f}: unmapped sentence with duty wording: {s[:90]!r}")

# ---------------------------------------------------------------- questions.jsonl
Q_KEYS = {"id", "question", "lang", "use", "history", "org", "quotes", "terms", "abstain"}
USES = {"twinning", "trip", "onboarding", "general", "followup", "abstain"}
q_rows = load_jsonl(os.path.join(ROOT, "questions.jsonl"))
if len(q_rows) != N_DOCS * Q_PER_DOC:
    err(f"questions.jsonl has {len(q_rows)} questions, expected {N_DOCS * Q_PER_DOC}")
doc_grams5 = set()
for f in files:
    for b in DOC.get(f, []):
        doc_grams5 |= ngrams(tokens(b["text"]), 5)
q_per = {f: 0 for f in files}
for idx, (n, q) in enumerate(q_rows):
    where = f"questions.jsonl:{n}"
    if not isinstance(q, dict) or set(q) != Q_KEYS:
        err(f"{where}: keys {sorted(q) if isinstance(q, dict) else q} != {sorted(Q_KEYS)}")
        continue
    want_id = f"c{N}-{idx + 1:03d}"
    if q["id"] != want_id:
        err(f"{where}: id {q['id']!r}, expected {want_id!r}")
    if not isinstance(q["question"], str) or not q["question"].strip():
        err(f"{where}: empty question")
        continue
    if q["lang"] not in ("sv", "en"):
        err(f"{where}: lang {q['lang']!r}")
    if q["use"] not in USES:
        err(f"{where}: use {q['use']!r}")
    if not isinstance(q["history"], list) or not all(isinstance(h, str) and h.strip() for h in q["history"]):
        err(f"{where}: history must be a list of non-empty strings")
        q["history"] = []
    if not (q["org"] is None or isinstance(q["org"], str)):
        err(f"{where}: org must be null or a string")
    if not isinstance(q["quotes"], list) or not isinstance(q["terms"], list):
        err(f"{where}: quotes and terms must be lists")
        continue
    if not isinstance(q["abstain"], bool):
        err(f"{where}: abstain must be a boolean")
    # language heuristic
    toks = set(tokens(q["question"]))
    en_score, sv_score = len(toks & EN_WORDS), len(toks & SV_WORDS)
    if q["lang"] == "en" and en_score <= sv_score or q["lang"] == "sv" and sv_score <= en_score:
        err(f"{where}: question does not look like lang {q['lang']!r}")
    # block
    bi = idx // Q_PER_DOC
    if bi >= len(files) or files[bi] not in DOC:
        continue
    f = files[bi]
    q_per[f] += 1
    # abstain / answerable
    if q["use"] == "abstain" or q["abstain"] is True:
        if not (q["use"] == "abstain" and q["abstain"] is True and q["quotes"] == [] and q["terms"] == []):
            err(f"{where}: abstain item needs use=abstain, abstain=true, empty quotes and terms")
    else:
        if q["abstain"] is not False:
            err(f"{where}: answerable item must have abstain=false")
        if not 1 <= len(q["quotes"]) <= 3:
            err(f"{where}: needs 1-3 quotes")
        if not 1 <= len(q["terms"]) <= 3:
            err(f"{where}: needs 1-3 terms")
    if q["use"] == "followup":
        if not q["history"]:
            err(f"{where}: followup without history")
    elif q["history"]:
        err(f"{where}: only followup items have a history")
    # quotes: 5-12 words, exact substring of one line / one HTML text element
    quote_lines = []
    for qt in q["quotes"]:
        if not isinstance(qt, str) or qt != fold(qt):
            err(f"{where}: quote {qt!r} not a clean string")
            continue
        if not 5 <= len(qt.split()) <= 12:
            err(f"{where}: quote has {len(qt.split())} words: {qt!r}")
        hits = [l for l in LINES[f] if qt in l]
        if not hits:
            err(f"{where}: quote not an exact substring of one line of {f}: {qt!r}")
        quote_lines += hits
    # terms
    doc_text = norm("\n".join(b["text"] for b in DOC[f]))
    near_parts = list(quote_lines)
    blist = DOC[f]
    for k, b in enumerate(blist):
        if b["line"] in quote_lines or b["text"] in quote_lines:
            for nb in blist[max(0, k - 1):k + 2]:
                near_parts += [nb["text"], nb["heading"], nb["leadin"] or "", nb["first"] or ""]
    near = norm(" ".join(near_parts))
    for t in q["terms"]:
        if not isinstance(t, str) or not t.strip():
            err(f"{where}: empty term")
            continue
        alts = [a.strip() for a in t.split("|")]
        if any(not a for a in alts):
            err(f"{where}: term {t!r} has an empty alternative")
        if q["lang"] == "en" and len(alts) < 2:
            err(f"{where}: English question needs an English alternative in term {t!r}")
        if q["lang"] == "sv" and len(alts) > 1:
            err(f"{where}: Swedish question term {t!r} should have no '|'")
        if norm(alts[0]) not in doc_text:
            err(f"{where}: Swedish term {alts[0]!r} not found in {f}")
        elif quote_lines and norm(alts[0]) not in near:
            warn(f"{where}: term {alts[0]!r} not near the quoted passage")
    # no 5-gram copied from any document
    for s in [q["question"]] + q["history"]:
        shared = ngrams(tokens(s), 5) & doc_grams5
        if shared:
            err(f"{where}: shares a 5-gram with a document: {' '.join(sorted(shared)[0])!r}")

# block structure: per document 3 sv + 3 en, 4 genre + 1 followup + 1 abstain, one org-set question
for bi, f in enumerate(files):
    block_q = [q for _, q in q_rows[bi * Q_PER_DOC:(bi + 1) * Q_PER_DOC] if isinstance(q, dict) and set(q) == Q_KEYS]
    if len(block_q) != Q_PER_DOC:
        err(f"block {bi + 1} ({f}): {len(block_q)} valid questions")
        continue
    langs = [q["lang"] for q in block_q]
    if langs.count("sv") != 3 or langs.count("en") != 3:
        err(f"block {bi + 1}: languages {langs}, need 3 sv + 3 en")
    uses = [q["use"] for q in block_q]
    if uses.count(GENRE_USE[bi]) != 4 or uses.count("followup") != 1 or uses.count("abstain") != 1:
        err(f"block {bi + 1}: uses {uses}, need 4 {GENRE_USE[bi]} + 1 followup + 1 abstain")
    org_set = [q for q in block_q if q["org"] is not None]
    if len(org_set) != 1:
        err(f"block {bi + 1}: {len(org_set)} questions set org, need exactly 1")
    tok = tokens_place[bi].lower()
    for q in block_q:
        said = (q["question"] + " " + " ".join(q["history"])).lower()
        if q["org"] is not None:
            hits = [o for o in orgs if str(q["org"]).lower() in o.lower()]
            if hits != [orgs[bi]]:
                err(f"{q['id']}: org {q['org']!r} is not a unique part of {orgs[bi]!r}")
            if tok in said:
                err(f"{q['id']}: sets org but also names the organisation")
        elif tok not in said:
            err(f"{q['id']}: organisation ({tokens_place[bi]!r}) not named in question or history")

# ---------------------------------------------------------------- originality vs real policies
pol_grams = set()
if os.path.isdir(POLICY_DIR):
    for p in sorted(os.listdir(POLICY_DIR)):
        raw = open(os.path.join(POLICY_DIR, p), encoding="utf-8", errors="replace").read()
        raw = re.sub(r"<[^>]+>", " ", raw)
        pol_grams |= ngrams(tokens(raw), 8)
else:
    err(f"policy folder {POLICY_DIR} not found")
for f in files:
    for b in DOC.get(f, []):
        shared = ngrams(tokens(b["text"]), 8) & pol_grams
        if shared:
            err(f"{f}: shares an 8-gram with the real policies: {' '.join(sorted(shared)[0])!r}")
for n, q in q_rows:
    if isinstance(q, dict) and isinstance(q.get("question"), str):
        for s in [q["question"]] + list(q.get("history") or []):
            shared = ngrams(tokens(s), 8) & pol_grams
            if shared:
                err(f"questions.jsonl:{n}: shares an 8-gram with the real policies")

# ---------------------------------------------------------------- report
print("document | format | words | map rows | negatives | questions")
for f in files:
    print(f"{f} | {FMT.get(f, '?')} | {WORDS.get(f, 0)} | {rows_per.get(f, 0)} | "
          f"{neg_per.get(f, 0)} | {q_per.get(f, 0)}")
print(f"totals: map rows {sum(rows_per.values())}, negatives {sum(neg_per.values())}, "
      f"questions {len(q_rows)}")
for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
print(f"{len(errors)} errors, {len(warnings)} warnings")
sys.exit(1 if errors else 0)
