"""Ingest: files -> passages -> embeddings -> Chroma, incrementally and safely.

- Unchanged documents (same content hash) are not embedded again: their passages and
  embeddings are copied from the live index version; changed ones are re-embedded;
  documents whose files were removed from an ingested folder are dropped.
- Each ingest that changes something writes a complete new index version beside the live
  one (``core.store``), checks it, and then switches the pointer to it in one atomic step.
  A failure, a full disk or a kill half-way leaves the live version as it was; a live
  version Chroma cannot read is rebuilt from the documents.
- Free disk space is checked before writing (estimated from the documents and the live
  version), and stops the ingest with a message rather than filling the disk.
- The live and the previous version are kept (``restore`` goes back); older versions and
  leftovers of interrupted ingests are removed, and the report says what was removed.
- A second ingest while one runs is refused (file lock), not interleaved.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from core.documents import DocumentMeta
from core.embeddings import Embedder, configured_model_name, make_embedder
from core.errors import (
    DiskFullError,
    DocumentError,
    IndexMissingError,
    IndexPermissionError,
    IndexStorageError,
    IngestBusyError,
    ModelMismatchError,
)
from core.settings import Settings
from core.statements import statements
from core.store import (
    IndexVersions,
    Manifest,
    PassageStore,
    estimate_bytes,
    index_versions,
    storage_error,
    version_facts,
)
from core.types import Passage
from ingest import loaders
from ingest.catalog import CATALOG_FILE, Catalog
from ingest.chunking import chunk_text

log = logging.getLogger(__name__)

# Bump when chunking or what is extracted from passages changes, so that every document
# is re-chunked on the next ingest.
# 4: responsibility statements stored with each passage; 5: infinitive duties;
# 6: statements in any organisation's phrasing (passive, nominal, inverted, body sections);
# 7: a mandate's lead-in ("I uppdraget ingår:") lists its body's duties;
# 8: infinitive passives name their agent ("ska godkännas i förväg av närmaste chef");
# 9: numbered plain-text headings ("4. Ansvar"); a line ending in a modal before a list is
# its lead-in; 10: no sentence ends at an abbreviation ("t.ex.", "kap."); 11: coordinated
# clauses and subjects, more duty verbs and roles; 12: of those, only the roles and the
# clause after "medan" (the rest lowered precision on documents they were not written for);
# 13: a bullet list after a numbered line is a list of its own; "Medan" opening a sentence;
# 14: a numbered heading may end in "?"; 15-25: see `git log -- ingest/indexer.py`;
# 26: drawing up what someone will decide prepares it; a fronted condition is the matter;
# 27: bodies named together each get the duty, a commission stays a commission;
# 28: numbered body headings, "att"-items take their verbs; 29: a fronted occasion joins the
# matter, electing decides; 30: a pronoun after a condition stands for it; 31: delegation
# tables, verb-first lead-ins; 32: fixes from a second read (conditions without a subject,
# "flygplan", "Att", row numbers need a dot, only occasions join the matter); 33: an
# att-clause runs to its own verb, an insertion between a verb and its particle; 34:
# "hanterar", "äger frågan om"; 35: a duty named as a body's ("är kansliets ansvar", "hör till
# X:s uppgifter"), the right to decide "ligger hos", modal passives of duty verbs; 36: everyday
# duty verbs (står för kostnaden för, tar hand om, håller i, granskar, organiserar), revisor;
# 37: two passives with their agents share the subject; 38: where a body represents; 39:
# bodies named together ("tillsammans med", "såväl … som"), "-byrå"; 40: a second body with
# the verb left out ("X beslutar om A, Y om B"); 41: delegated decisions ("har delegation att
# besluta om", "är delegat för", "har delegerats till", "fattas beslut om … av"); 42: tillsätter,
# past passives of utse/tillsätta/ta fram; 43: fixes from a second read (denied duties, idioms,
# lists before ", samt", passive chains, gapping heads, runs of spaces); 44: (withdrawn); 45: a
# gapped body needs the verb's own preposition; "i allmänhet", "i princip", "numera" are adverbs;
# 46: a cleft that denies a body ("Det är inte X utan Y som …"), strong passives ("antogs av")
# coordinated with another passive of the same subject; 47: a body keeps the clause that says
# which one it is ("den chef som har budgetansvar"); 48: "efter beredning i X", "på förslag av X": X prepares;
# 49: fixes from a second read (stressing negations, the clause after a preparer, "ett X som");
# 50: "har i uppdrag att" is a commission, "håller i" being in charge (responsible)
# 51: "är ansvarig för", "det är X:s uppgift att", "har mandat att", "får stöd av X med"
# 52: a verb closing a relative clause in the subject is not the statement's; an object said first
# 53: a lead-in "X ska vid besök:", "Följande uppgifter åligger X:", "X ska: …" on one line; "står för"
# 54: a post named with its place ("Kontorschefen i Bryssel") after its field too; associations, travellers
# 55: fixes from a second read (a post's place of several words, what is no fronted object, "står för närvarande", a dated commission)
# 56: a document's adoption note ("Antagen av kommunfullmäktige 2020-05-12, § 45"); one duty in two att-clauses is one row
# 57: posts named by an indefinite adjective ("Internationell samordnare"); politicians, members, representatives; a column "Beslutar om"
# 58: numbered plain-text headings nest by their numbering; a numbered heading as a list lead-in; passive lead-ins ("Följande ärenden bereds av X:"); direktion
# 59: a lead-in and its items on one line; a post named by its field ("med ansvar för"); -person
# 60: fixes from a second read (a label is no lead-in; an adoption note has a date; a field is "med ansvar för" a noun; organisations as subjects; adjectives attested)
# 61: a commission given in the perfect ("har gett X i uppdrag att"); a body consulted or preparing between a verb and its matter; a series of duties after commas; a relative clause's antecedent is no verb
# 62: numbered plain-text headings with their text on the next line; action tables ("Åtgärd | Ansvarig"); companies ("X AB"); bracketed remarks; "uppgiften att … ligger på"; multi-word fronted adverbs; lists of things before a second verb; conditions without a comma
# 63: an item of several sentences: each stands on its own
# 64: a clause of its own after ", och" (a subject that is no part of the earlier clause)
# 65: fixes from a second read (table owners listed with commas, company names after an adverb, a consulted body at the end, fronted times, verb-first sentences in a list item; numbered headings begin with a capital)
# 66: a whole sentence before a list is a statement too; "ledare" names a post; "har uppdragit åt"; "ser över"
# 67: "X är den enhet som …" (the body is X), "ordnar" (arranges)
# 68: the thing before ", som <body> <verb>" is what the body holds
# 69: a body identified by where it sits and a clause ("presidiet i den nämnd som …"); "där" opens an identifying clause
# 70: a clause after "men" has its own body; a body in brackets holding the duty in some cases ("(för politiker: ordföranden)"); "X ligger hos Y"; label blocks ("Dokumentansvarig: X"); roles värd, beslutsfattare; suffix stab
# 71: HTML pages lose their chrome (menus, site banner, breadcrumbs, search forms, skip links) before conversion
# 72: plain-text tables laid out in columns (spaces or tabs) are read as tables; a table whose header states the duty; a task cell said with a duty verb; a column of who names a body by its place
# 73: a place's name after a body says which one ("kommunfullmäktige i Lingsjö"); a second agent after "och av"; adjectives doubling their consonant ("gemensam"); part, borgmästare
# 74: a body chosen and then described by "som" holds what the clause says; "rese|ledare": a noun in -a joins a compound with -e
# 75: responsibility said verb first ("vilar ansvaret för X på Y", "ligger ansvaret för X hos Y")
# 76: fixes from a second read: lists with wide markers are no table, tab rows may hold empty cells, a form stays (less its fields), a header with the page title stays; a who-column first; a place name that is no common word; "ligger hos" only for a duty; -or stems of -orn
# 77: a plain-text table may be underlined with dashes and leave its last cells empty; an empty cell inside a table row keeps its column ("–"); Markdown footnote marks go, their notes stay; a table column headed by two names ("Beslut / uppgift"); duty nouns ledning/stöd/val av; passives prövas/beretts/upprättas av
# 78: fixes from a second read: a footnote mark before a colon keeps the colon; a note line under a wide plain-text table is no row; a header's empty corner cell is no column; task nouns ("Ledning av") only in a table's task cell, and not in a column of deciders; "Delegat / ersättare" names the delegate first
# 79: a list item with a subject and verb of its own says what it says ("Rådet bereder …" under a body's heading), the section's body by its head noun being that body
# 80: "§ 3 Nätverk" (a paragraph of rules) is a numbered heading, "a)" points are list items, and a line ending in a preposition before a list is its lead-in
# 81: signing ("undertecknar", "undertecknas av", "skriver under") is representing the organisation
# 82: a presidium is named with its body ("Presidiet i kommunstyrelsen"); "för anställda" after an agent is whom the duty is for (the matter), not the body's name
# 83: a table column headed "Stöd" / "Medverkar" gives its bodies support of the row's matter
# 84: fixes from a second read: an item's own clause only when its subject opens it (not "…, som kansliet samordnar"); a post ("Kommunalrådet") is no council; "för personal" names a field; other duty columns lose their numbers; "Att tänka på" before a list stays a heading
# 85: a first verb with its adverbials before "och" shares the subject of the passive after it ("Rådet träffas varje år och leds av …")
# 86: a decision required of a body ("kräver beslut av", "efter godkännande av"); a relative clause's second verb and its closing comma; a verb inside a relative clause stays in a passive's matter; a table column headed by a duty ("Godkänner utlandsresan") after a column of cases; årsmöte and stämma are bodies
# 87: a label line over its text ("Beslut") stands apart, and a case number line ("Dnr …") is no heading
# 88: bodies joined by "respektive"; "X:s uppdrag är att" takes its verbs' duties; "är ett stöd för" supports, "föreslår (… att)" prepares; "Förslag till" in a task cell is prepared; rådgivare and administratör are posts, an -are post in the definite plural ("sekreterarna"); a person named after a post is no part of it
# 89: a column headed "Ansvarig förvaltning" (who, and a body's name) after a column of cases; a generic matter ("samordnar arbetet") takes the fronted clause that says which
# 90: fixes from a second read: "efter beslut av", "med godkännande av" and "föreslår … att" withdrawn; a modal after a comma goes on a series of duties; only a relative clause's own verb stays in a passive's matter; no table of cases when bodies come first or the case is a date; a label line only as labels open, also inside a block
# 91: a plain-text table's rows may be indented and numbered and a column a place or two off its header ("Steg      Ansvarig"); "Steg" heads a column of tasks; a row's duty cell after role labels ("Ledande – Leder …"); a person under "Ansvarig" gives way to the post in a "Roll" column; an infinitive att-clause goes on with the main subject's next duty; signing (undertecknar, skriver under), "företrädd av", "har (fått) i uppdrag av X att", "har fått X:s uppdrag att", "åtar sig att"; "attest av", "godkännande av" as tasks; -grupp and -församling name bodies
# 92: a web page's cookie or consent notice and any dialog laid over it are chrome; a subject after its verb runs from an adjective to its head ("leder en ansvarig lärare gruppen"); -grupp names a body only in a compound
# 93: a task in an action list written as an imperative ("Kontakta skolorna") reads as an infinitive after a preposition ("ansvarar för att kontakta skolorna")
# 94: fixes from a second read: a row with more cells than its header ends a plain-text table (it crashed); a list whose markers stand apart from its text stays a list, and only numbered rows may stand a place or two off; a column of step numbers names no task; a clause of its own after an att-clause keeps its body; "alla", "våra" open no infinitive, "ta fram" does; signing represents only for an agreement, a certificate or "för X:s räkning", and "skrevs under av" is withdrawn; an inverted subject stops at its head; only named working groups are bodies (referens-, projekt-, expert-, samordnings-, berednings-, bedömnings-, nätverksgrupp); a cookie notice by its banner names or a dialog labelled so, never the page's body
CHUNKER_VERSION = "94"

Progress = Callable[[int, int, str], None]

# Passages are embedded in batches that span documents: the model sorts a batch by length,
# so bigger batches waste less on padding (measured: per-document batches ran at ~75 % of
# the model's own rate). Small enough that progress still moves every few seconds.
EMBED_BATCH_PASSAGES = 256

# Ingest stops rather than leave less than this free on the index's disk: a full disk breaks
# more than the index (Chroma, SQLite, the feedback database, the system).
MIN_FREE_BYTES = 32 * 1024 * 1024
# For the estimate before anything is read: file bytes per passage and per character of text
# (the bundled library: 48 kB of text, 120 passages; PDF and DOCX files overstate their text).
FILE_BYTES_PER_PASSAGE = 300
DEFAULT_DIMENSION = 384


@dataclass(slots=True)
class _Pending:
    """A document whose passages are made but not yet embedded and written."""

    meta: DocumentMeta
    path: Path
    doc_hash: str
    fmt: str
    passages: list[Passage]


@dataclass(slots=True)
class FileError:
    path: str
    error: str


@dataclass(slots=True)
class IngestReport:
    documents: int = 0
    passages: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    errors: list[FileError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    version: str = ""  # the live index version afterwards
    unreadable: str | None = None  # the live version before, when Chroma could not read it
    versions_removed: list[str] = field(default_factory=list)  # superseded or unfinished
    bytes_removed: int = 0

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        return data

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[Path], list[FileError]]:
    """The files to ingest, the folders scanned (for deletions) and the paths refused: those
    that do not exist, and links in a folder that lead out of it."""
    files: list[Path] = []
    folders: list[Path] = []
    problems: list[FileError] = []
    for path in paths:
        path = path.expanduser().resolve()
        if path.is_dir():
            folders.append(path)
            found, refused = _folder_files(path)
            files.extend(found)
            problems.extend(refused)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(FileError(str(path), "no such file or folder"))
    return files, folders, problems


def _folder_files(root: Path) -> tuple[list[Path], list[FileError]]:
    """The policy files under ``root`` (resolved). A symbolic link, to a file or a folder,
    that resolves outside ``root`` is refused: the library is what is in its folder, and a
    link must not let a document from elsewhere (another user's files, /etc) be indexed and
    quoted. Linked folders are never entered; links within the folder are followed."""
    files: list[Path] = []
    refused: list[FileError] = []
    for dirpath, dirnames, filenames in os.walk(root):  # does not follow linked folders
        here = Path(dirpath)
        for name in sorted(dirnames):
            link = here / name
            if link.is_symlink() and not link.resolve().is_relative_to(root):
                refused.append(
                    FileError(
                        str(link),
                        f"a link to the folder {link.resolve()}, outside the policy folder "
                        f"{root}; its files were not read. Copy them into the folder instead",
                    )
                )
        for name in filenames:
            path = here / name
            if name.startswith(".") or name == CATALOG_FILE:
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                refused.append(
                    FileError(
                        str(path),
                        f"a link to {path.resolve()}, outside the policy folder {root}; not "
                        "read. Copy the file into the folder instead",
                    )
                )
            elif path.is_file():
                files.append(path)
    return sorted(files), refused


def document_hash(text: str, meta: DocumentMeta) -> str:
    facts = json.dumps(meta.to_facts(), sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(f"{CHUNKER_VERSION}\0{facts}\0{text}".encode())
    return digest.hexdigest()[:16]


def manifest_entry(
    meta: DocumentMeta, path: Path, doc_hash: str, passages: int, fmt: str
) -> dict[str, Any]:
    facts = meta.to_facts()
    facts.update(hash=doc_hash, path=str(path), passages=passages, format=fmt)
    return facts


def make_passages(
    meta: DocumentMeta, text: str, doc_hash: str, embedder: Embedder
) -> list[Passage]:
    def fits(chunk: str) -> bool:
        probe = f"{meta.organisation}. {meta.title}. \n{chunk}"
        return embedder.token_count(probe) <= embedder.max_tokens

    chunks = chunk_text(text, furniture=meta.names(), fits=fits)
    return [
        Passage(
            id=f"{meta.id}:{doc_hash}:{c.position:04d}",
            doc_id=meta.id,
            organisation=meta.organisation,
            title=meta.title,
            section=c.section,
            position=c.position,
            text=c.text,
            source=meta.file,
            doc_hash=doc_hash,
            responsibilities=tuple(statements(c.text, c.section)),
        )
        for c in chunks
    ]


def _lock_path(settings: Settings) -> Path:
    if settings.chroma_host:
        folder = settings.data_dir
        name = f".ingest-{settings.chroma_host}-{settings.collection}.lock"
    else:
        folder = settings.index_path
        name = f".ingest-{settings.collection}.lock"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise storage_error(exc, folder, writing=True) from None
    return folder / name


def _locked(settings: Settings) -> FileLock:
    lock = FileLock(str(_lock_path(settings)), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise IngestBusyError(lock.lock_file) from None
    except OSError as exc:  # a read-only folder, one owned by another user, a full disk
        raise storage_error(exc, Path(lock.lock_file).parent, writing=True) from None
    return lock


def ingest(
    settings: Settings,
    paths: Sequence[Path] | None = None,
    *,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
    rebuild: bool = False,
) -> IngestReport:
    """Bring the index up to date with ``paths`` (default: the bundled library).

    ``rebuild`` embeds every document again into a new version, without reading the live
    one: the way out of a changed model or a damaged store."""
    lock = _locked(settings)
    try:
        return _ingest_locked(
            settings, paths, embedder=embedder, progress=progress, rebuild=rebuild
        )
    finally:
        lock.release()


def restore(settings: Settings) -> str:
    """Make the previous index version live again (it is kept by every ingest); its name."""
    lock = _locked(settings)
    try:
        return index_versions(settings).restore()
    finally:
        lock.release()


class _Space:
    """Free disk space, checked before each write; a refusal names what is needed."""

    def __init__(self, versions: IndexVersions) -> None:
        self.versions = versions

    def check(self, need: int) -> None:
        if need <= 0:
            return
        free = self.versions.free_bytes()
        if free is not None and free - need < MIN_FREE_BYTES:
            raise DiskFullError(self.versions.location(None), need + MIN_FREE_BYTES, free)


def _file_estimate(files: Sequence[Path], dimension: int) -> int:
    sizes = []
    for path in files:
        try:
            sizes.append(path.stat().st_size)
        except OSError:
            continue
    passages = sum(size // FILE_BYTES_PER_PASSAGE + 1 for size in sizes)
    return estimate_bytes(passages, sum(sizes), dimension)


def _ingest_locked(
    settings: Settings,
    paths: Sequence[Path] | None,
    *,
    embedder: Embedder | None,
    progress: Progress | None,
    rebuild: bool,
    notes: Sequence[str] = (),
    unreadable: str | None = None,
) -> IngestReport:
    model_name = embedder.name if embedder else configured_model_name(settings)
    loaded_embedder: list[Embedder] = [embedder] if embedder else []

    def get_embedder() -> Embedder:  # loaded only when something needs embedding
        if not loaded_embedder:
            loaded_embedder.append(make_embedder(settings))
        return loaded_embedder[0]

    report = IngestReport()
    report.warnings.extend(notes)
    report.unreadable = unreadable
    versions = index_versions(settings)
    # Leftovers of interrupted ingests first: they may hold the space this one needs.
    _clean_up(versions, report)
    live, old_store, old = _open_live(settings, versions, report, rebuild=rebuild)
    if old.documents and old.embedding_model and old.embedding_model != model_name:
        if old_store is not None:
            old_store.close()
        raise ModelMismatchError(old.embedding_model, model_name)

    files, folders, refused = collect_files(paths or [settings.policies_path])
    report.errors.extend(refused)
    refused_paths = {problem.path for problem in refused}
    catalogs: dict[Path, Catalog] = {}
    new_docs = dict(old.documents)
    written: set[str] = set()  # documents embedded into the new version
    seen: set[str] = set()
    max_bytes = int(settings.max_file_mb * 1024 * 1024)
    pending: list[_Pending] = []
    dimension = old.dimension or (embedder.dimension if embedder else DEFAULT_DIMENSION)
    space = _Space(versions)
    # Room to copy the unchanged documents from the live version, reserved until they are.
    reserve = (versions.size(live) or 0) if old_store is not None and live else 0
    known_paths = {str(facts.get("path", "")) for facts in old.documents.values()}
    space.check(_file_estimate([f for f in files if str(f) not in known_paths], dimension))
    target: PassageStore | None = None
    generation = versions.next_generation(old.generation)

    def target_store() -> PassageStore:
        nonlocal target
        if target is None:
            target = versions.create(generation)
        return target

    def flush() -> None:
        passages = [p for doc in pending for p in doc.passages]
        vectors = get_embedder().embed_documents([p.context_text() for p in passages])
        dim = len(vectors[0]) if vectors else dimension
        space.check(
            estimate_bytes(len(passages), sum(len(p.text) for p in passages), dim) + reserve
        )
        target_store().add(passages, vectors)
        for doc in pending:
            new_docs[doc.meta.id] = manifest_entry(
                doc.meta, doc.path, doc.doc_hash, len(doc.passages), doc.fmt
            )
            written.add(doc.meta.id)
        pending.clear()

    try:
        for index, path in enumerate(files):
            if progress:
                progress(index, len(files), path.name)
            try:
                loaded = loaders.load(path, max_bytes=max_bytes)
            except DocumentError as exc:
                report.errors.append(FileError(str(path), str(exc)))
                log.warning("skipped %s: %s", path, exc)
                # Keep what the index already has for this file: nothing is lost.
                seen.update(
                    d for d, facts in old.documents.items() if facts.get("path") == str(path)
                )
                continue
            if path.parent not in catalogs:  # read each folder's catalog once, not per file
                catalogs[path.parent] = Catalog.load(path.parent)
            catalog = catalogs[path.parent]
            meta = catalog.meta_for(path, loaded.text)
            report.warnings.extend(meta.warnings)
            if meta.id in seen:
                report.errors.append(
                    FileError(
                        str(path),
                        f"another file already has the document id {meta.id!r}; give it its own id in {CATALOG_FILE}",
                    )
                )
                continue
            seen.add(meta.id)
            doc_hash = document_hash(loaded.text, meta)
            previous = old.documents.get(meta.id)
            report.documents += 1
            if previous and previous.get("hash") == doc_hash:
                report.unchanged += 1
                report.passages += int(previous.get("passages", 0))
                continue
            passages = make_passages(meta, loaded.text, doc_hash, get_embedder())
            if not passages:
                report.errors.append(
                    FileError(str(path), "no passages could be made from the text")
                )
                report.documents -= 1
                continue
            pending.append(_Pending(meta, path, doc_hash, loaded.format, passages))
            if sum(len(doc.passages) for doc in pending) >= EMBED_BATCH_PASSAGES:
                flush()
            report.passages += len(passages)
            if previous:
                report.updated += 1
            else:
                report.added += 1

        if pending:
            flush()

        for doc_id, facts in old.documents.items():
            doc_path = Path(str(facts.get("path", "")))
            in_scanned_folder = any(doc_path.is_relative_to(folder) for folder in folders)
            # a file that is gone, or now a link out of the folder (or under one), is dropped
            gone = not doc_path.exists() or any(doc_path.is_relative_to(r) for r in refused_paths)
            if doc_id not in seen and in_scanned_folder and gone:
                del new_docs[doc_id]
                report.removed += 1

        changed = report.added or report.updated or report.removed or old_store is None
        if changed:
            store = target_store()
            keep = {d: str(f["hash"]) for d, f in new_docs.items() if d not in written}
            if keep and old_store is not None:
                space.check(reserve)
                try:
                    store.copy_from(old_store, keep)
                except IndexStorageError as exc:
                    if isinstance(exc, (DiskFullError, IndexPermissionError)):
                        raise
                    raise _LiveUnreadable(_why(exc)) from None
            manifest = Manifest(
                embedding_model=model_name,
                dimension=get_embedder().dimension if loaded_embedder else old.dimension,
                generation=generation,
                documents=new_docs,
            )
            store.switch(manifest)
            expected = sum(int(f.get("passages", 0)) for f in new_docs.values())
            count = store.count()
            if count != expected and old_store is not None:  # the live one lacked some
                raise _LiveUnreadable("it holds fewer passages than its manifest lists")
            if count != expected:
                raise IndexStorageError(
                    f"The new index version holds {count} of {expected} passages; it was not "
                    "made live. Run ingest again.",
                    folder=versions.location(None),
                )
            versions.publish(store, version_facts(manifest, count))
            report.version = store.version or ""
        else:
            report.version = live or ""
    except _LiveUnreadable as exc:
        if target is not None:
            versions.discard(target)
        if old_store is not None:
            old_store.close()
        note = (
            f"The live index version {live} could not be read ({exc}); every document was "
            "embedded again into a new version."
        )
        log.warning("%s", note)
        return _ingest_locked(
            settings,
            paths,
            embedder=embedder,
            progress=progress,
            rebuild=True,
            notes=[note],
            unreadable=live,
        )
    except BaseException:
        if target is not None:
            versions.discard(target)
        raise
    finally:
        if old_store is not None:
            old_store.close()
    _clean_up(versions, report)
    if progress:
        progress(len(files), len(files), "done")
    return report


class _LiveUnreadable(Exception):
    """The live version opened but its passages could not all be read."""


def _open_live(
    settings: Settings, versions: IndexVersions, report: IngestReport, *, rebuild: bool
) -> tuple[str | None, PassageStore | None, Manifest]:
    """The live version's name, a store on it and its manifest; no store when rebuilding or
    when it cannot be read (then the ingest builds a new version from the documents)."""
    try:
        live = versions.current()
    except IndexStorageError as exc:
        if isinstance(exc, IndexPermissionError):
            raise
        report.warnings.append(f"{exc} A new version is built from the documents.")
        return None, None, Manifest()
    if live is None or rebuild:
        return live, None, Manifest()
    store: PassageStore | None = None
    try:
        store = PassageStore(settings, versions=versions, version=live)
        return live, store, store.manifest()
    except (IndexStorageError, IndexMissingError) as exc:
        if store is not None:
            store.close()
        if isinstance(exc, (IndexPermissionError, DiskFullError)):
            raise
        note = (
            f"The live index version {live} could not be read ({_why(exc)}); every document "
            "was embedded again into a new version."
        )
        report.warnings.append(note)
        report.unreadable = live
        log.warning("%s", note)
        return live, None, Manifest()


def _why(exc: Exception) -> str:
    return str(getattr(exc, "reason", "") or exc)


def _clean_up(versions: IndexVersions, report: IngestReport) -> None:
    # A version Chroma could not read is no use to go back to: it goes once it is not live.
    broken = [report.unreadable] if report.unreadable else []
    try:
        removed = versions.cleanup(keep=2, drop=broken)
    except IndexStorageError as exc:
        if isinstance(exc, IndexPermissionError):
            raise
        return  # a pointer that names no version: nothing is removed until it is rewritten
    report.versions_removed.extend(removed.names)
    report.bytes_removed += removed.bytes
    report.warnings.extend(f"old index version {k}" for k in removed.kept)
