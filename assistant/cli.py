"""``policy-assistant``: ingest the library, ask, answer a batch, evaluate.

policy-assistant ingest [PATH ...] [--json] [--rebuild] | ingest --restore
policy-assistant ask "Vem beslutar om vänortssamarbeten?" [--org NAME] [--json]
policy-assistant batch < questions.jsonl > answers.jsonl
policy-assistant eval [FILE] [--min-correct 0.9] [--min-hit 0.95]
policy-assistant eval --map [CORPUS_DIR] [--min-precision X] [--min-recall X]
policy-assistant catalog [FOLDER]
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import AssistantError, UnknownOrganisationError
from core.settings import PROJECT_ROOT, Settings

if TYPE_CHECKING:
    from assistant.evaluation import Report

DEFAULT_GOLD = PROJECT_ROOT / "tests" / "data" / "dev.jsonl"
DEFAULT_CORPUS = PROJECT_ROOT / "tests" / "data" / "corpus"


class UsageError(AssistantError):
    """Options that do not go together."""


def _os_error(exc: OSError) -> str:
    """A file system error as a message that names the path and the fix, not a traceback."""
    where = exc.filename or "a file"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"The disk is full ({where}). Free some space, then run the command again."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"{where} cannot be written or read by this user (read-only, or owned by another "
            "user). Make it accessible (chown/chmod), or point the POLICY_ASSISTANT_* setting "
            "for it elsewhere."
        )
    return f"{exc.strerror or exc} ({where})."


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False))


def _progress_bar() -> Any:
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    bar = tqdm(total=0, unit="file", file=sys.stderr)

    def update(done: int, total: int, name: str) -> None:
        bar.total = total
        bar.n = done
        bar.set_description(name[:40])
        bar.refresh()
        if done >= total:
            bar.close()

    return update


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.indexer import ingest, restore

    if args.restore:
        if args.paths or args.rebuild:
            raise UsageError("--restore takes no paths and no --rebuild.")
        version = restore(settings)
        if args.json:
            _print_json({"version": version})
        else:
            print(f"The previous index version {version} is live again.")
        return 0
    paths = [Path(p) for p in args.paths] or None
    report = ingest(settings, paths, progress=_progress_bar(), rebuild=args.rebuild)
    if args.json:
        data = report.to_json()
        data.pop("warnings", None)
        _print_json(data)
    else:
        print(
            f"{report.documents} documents, {report.passages} passages: {report.added} added, "
            f"{report.updated} updated, {report.unchanged} unchanged, {report.removed} removed."
        )
        if report.versions_removed:
            print(
                f"Removed {len(report.versions_removed)} superseded or unfinished index "
                f"version(s), {report.bytes_removed / 1_000_000:.1f} MB: "
                + ", ".join(report.versions_removed)
            )
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for error in report.errors:
        print(f"skipped {error.path}: {error.error}", file=sys.stderr)
    return report.exit_code


def _answer_text(answer: Any) -> str:
    lines = [answer.text]
    if answer.notice:
        lines.insert(0, f"[{answer.notice}]")
    if answer.citations:
        lines.append("")
        lines.append("Källor:" if answer.language == "sv" else "Sources:")
        for c in answer.citations:
            note = f" [{c.validity_note}]" if c.validity_note else ""
            lines.append(
                f"[{c.n}] {c.organisation} – {c.document}{note}, {c.section or '–'} ({c.source})"
            )
    return "\n".join(lines)


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.service import Assistant

    assistant = Assistant(settings)
    answer = assistant.ask(args.question, history=args.history or (), organisations=args.org)
    if args.json:
        _print_json(answer.to_json())
    else:
        print(_answer_text(answer))
    return 0


def cmd_batch(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.service import Assistant

    assistant = Assistant(settings)  # one model load for the whole batch
    status = 0
    for n, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            orgs = item.get("org")
            answer = assistant.ask(
                item["question"],
                history=item.get("history") or (),
                organisations=[orgs] if isinstance(orgs, str) else orgs,
            )
            _print_json({"id": item.get("id"), **answer.to_json()})
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            status = 1
            _print_json({"id": None, "line": n, "error": f"not a question line: {exc}"})
        except AssistantError as exc:
            status = 1
            _print_json({"id": item.get("id"), "line": n, "error": str(exc)})
        sys.stdout.flush()
    return status


@contextlib.contextmanager
def corpus_library(corpus: Path, settings: Settings, **overrides: Any) -> Iterator[Settings]:
    """A temporary library of a corpus folder (``docs/`` and ``catalog.toml``), ingested into
    a temporary index; the settings that point at it."""
    import shutil
    import tempfile

    from ingest.indexer import ingest

    with tempfile.TemporaryDirectory(prefix="corpus-") as tmp:
        root = Path(tmp)
        library = root / "policies"
        shutil.copytree(corpus / "docs", library)
        if (corpus / "catalog.toml").exists():
            shutil.copy(corpus / "catalog.toml", library / "catalog.toml")
        local = settings.model_copy(
            update={
                "data_dir": root,
                "policies_dir": library,
                "index_dir": root / "index",
                "glossary_path": settings.glossary_file,
                "feedback_db": root / "feedback.sqlite3",
                "chroma_host": None,
                "collection": "corpus",
                **overrides,
            }
        )
        logging.getLogger("ingest.catalog").setLevel(logging.ERROR)  # guessed entries are fine
        ingest(local, [library])
        yield local


def map_rows(corpus: Path, settings: Settings) -> list[Any]:
    """Ingest a corpus folder into a temporary index with hash embeddings and return its
    responsibility map as rows with their file names."""
    from assistant.map_eval import ExtractedRow
    from assistant.responsibilities import extract
    from core.store import PassageStore

    with corpus_library(corpus, settings, embedding_model="hash") as local:
        store = PassageStore(local)
        files = {d: str(f.get("file", "")) for d, f in store.manifest().documents.items()}
        return [
            ExtractedRow.from_responsibility(r, files.get(r.doc_id, ""))
            for r in extract(store.live_passages())
        ]


def cmd_eval_statements(args: argparse.Namespace) -> int:
    """``eval --statements FILE``: the statement rules on a bank of made-up sentences."""
    from assistant.map_eval import report, score, sentence_bank

    path = Path(args.statements)
    if not path.is_file():
        print(f"error: {path} is not a file of sentences (JSON lines)", file=sys.stderr)
        return 2
    rows, expected, negatives, groups = sentence_bank(path)
    if args.json:
        _print_json(
            {
                name: score(rows, expected, negatives, keys).to_json()
                for name, keys in groups.items()
            }
        )
        return 0
    # one line per group: a line per sentence would be one per "document"
    print(report(rows, expected, negatives, groups, details=args.details, per_document=False))
    return 0


def cmd_eval_map(args: argparse.Namespace, settings: Settings) -> int:
    import tomllib

    from assistant.map_eval import load_corpus, report, score

    corpus = Path(args.map)
    if not (corpus / "map.jsonl").exists() or not (corpus / "docs").is_dir():
        print(f"error: {corpus} has no map.jsonl and docs/ folder", file=sys.stderr)
        return 2
    expected, negatives = load_corpus(corpus)
    rows = map_rows(corpus, settings)
    order = list(dict.fromkeys(e.file for e in expected))
    if (corpus / "expected.toml").exists():
        with (corpus / "expected.toml").open("rb") as fh:
            order = [d["file"] for d in tomllib.load(fh).get("document", [])] or order
    half = (len(order) + 1) // 2
    groups = {
        "all documents": order,
        f"documents 1-{half} of expected.toml": order[:half],
        f"documents {half + 1}-{len(order)} of expected.toml": order[half:],
    }
    overall = score(rows, expected, negatives)
    if args.json:
        _print_json(
            {
                name: score(rows, expected, negatives, files).to_json()
                for name, files in groups.items()
            }
            | {"documents": {f: score(rows, expected, negatives, [f]).to_json() for f in order}}
        )
    else:
        print(report(rows, expected, negatives, groups, details=args.details))
    failed = [
        f"{name} {value:.3f} (threshold >= {limit})"
        for name, value, limit in (
            ("map precision", overall.precision, args.min_precision),
            ("map recall", overall.recall, args.min_recall),
        )
        if limit is not None and value < limit
    ]
    for failure in failed:
        print(f"below threshold: {failure}", file=sys.stderr)
    return 1 if failed else 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    if args.statements:
        return cmd_eval_statements(args)
    if args.map:
        return cmd_eval_map(args, settings)
    if args.library:
        with corpus_library(Path(args.library), settings) as local:
            return cmd_eval_questions(args, local)
    return cmd_eval_questions(args, settings)


def _cv_weight(
    spec: str,
    score_sets: Callable[[Settings], list[tuple[str, Report]]],
    settings: Settings,
) -> int:
    """``--cv-weight NAME=V1,V2,...``: score the sets once per value of a scoring weight and
    choose it by 5-fold cross-validation."""
    from assistant.evaluation import cross_validate_weight
    from assistant.evidence import scoring_tried

    name, _, values = spec.partition("=")
    try:
        grid = [float(v) for v in values.split(",") if v.strip()]
    except ValueError:
        grid = []
    if not name or not grid:
        print(
            "error: --cv-weight takes NAME=V1,V2,... e.g. context_hint=0.25,0.5,1", file=sys.stderr
        )
        return 2
    by_value = {}
    for value in grid:
        try:
            with scoring_tried(**{name: value}):
                reports = score_sets(settings)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        by_value[value] = [r for _, rep in reports for r in rep.items]
    print(cross_validate_weight(name, by_value).table())
    return 0


def cmd_eval_questions(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.evaluation import (
        Report,
        at_threshold,
        cross_validate,
        evaluate,
        load_gold,
        split_of,
    )
    from assistant.service import Assistant

    sets: list[tuple[str, str | None]] = [(f, None) for f in args.files]
    sets += [(f, "tune") for f in args.tune_half] + [(f, "heldout") for f in args.heldout_half]
    sets = sets or [(str(DEFAULT_GOLD), None)]

    def score_sets(settings: Settings) -> list[tuple[str, Report]]:
        assistant = Assistant(settings)
        reports: list[tuple[str, Report]] = []
        for file, half in sets:
            items = load_gold(Path(file))
            if half:
                items = [q for q in items if split_of(q["id"]) == half]
            report = evaluate(
                items,
                lambda q: assistant.ask(
                    q["question"],
                    history=q.get("history") or (),
                    organisations=[q["org"]] if q.get("org") else None,
                ),
            )
            reports.append((f"{file} ({half} half)" if half else file, report))
        return reports

    if args.cv_weight:
        return _cv_weight(args.cv_weight, score_sets, settings)
    if args.cv:  # score every item once with no threshold; each threshold's outcome follows
        settings = settings.model_copy(update={"min_coverage": 0.0})
    reports = score_sets(settings)
    report = Report([r for _, rep in reports for r in rep.items])
    if args.cv:
        cv = cross_validate(report.items)
        print(cv.table())
        reports = [(f, at_threshold(r, cv.threshold)) for f, r in reports]
        report = at_threshold(report, cv.threshold)
    if args.json:
        _print_json(
            {"sets": {f: r.to_json() for f, r in reports}, "all": report.to_json()}
            if len(reports) > 1
            else report.to_json()
        )
    else:
        for file, rep in reports:
            if len(reports) > 1:
                print(f"== {file}")
            print(rep.table() if args.report or len(reports) == 1 else rep.summary())
    checks = [
        ("correct", report.correct, args.min_correct, ">="),
        ("correct (en)", report.by("lang").get("en", 1.0), args.min_correct_en, ">="),
        ("hit@5", report.hit_at_5, args.min_hit, ">="),
        ("wrong abstentions", report.wrong_abstentions, args.max_wrong_abstain, "<="),
    ]
    failed = [
        f"{name} {value:.3f} (threshold {op} {limit})"
        for name, value, limit, op in checks
        if limit is not None and (value < limit if op == ">=" else value > limit)
    ]
    if args.max_missed_abstain is not None and report.missed_abstentions > args.max_missed_abstain:
        failed.append(
            f"missed abstentions {report.missed_abstentions} (threshold <= {args.max_missed_abstain})"
        )
    for failure in failed:
        print(f"below threshold: {failure}", file=sys.stderr)
    return 1 if failed else 0


def cmd_map(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.responsibilities import to_csv
    from assistant.service import Assistant

    assistant = Assistant(settings)
    orgs = assistant.resolve_organisations(args.org)
    rows = [r for r in assistant.responsibilities if not orgs or r.organisation in orgs]
    if args.csv:
        sys.stdout.write(to_csv(rows))
    elif args.json:
        _print_json([r.row() for r in rows])
    else:
        for r in rows:
            print(f"{r.organisation}: {r.sentence()}  ({r.document}, {r.section.split(' > ')[-1]})")
    return 0


def cmd_catalog(args: argparse.Namespace, settings: Settings) -> int:
    """Print a catalog entry, guessed from the text, for every file the catalog lacks."""
    from core.errors import DocumentError
    from ingest import loaders
    from ingest.catalog import CATALOG_FILE, guess_meta, to_toml, uncatalogued

    folder = Path(args.folder) if args.folder else settings.policies_path
    if not folder.is_dir():
        print(f"error: {folder} is not a folder", file=sys.stderr)
        return 2
    files = uncatalogued(folder)
    if not files:
        print(f"# every document in {folder} has an entry in {CATALOG_FILE}")
        return 0
    status = 0
    print(f"# Entries for {folder / CATALOG_FILE}, guessed from each document's text.")
    for path in files:
        try:
            text = loaders.load(path, max_bytes=int(settings.max_file_mb * 1024 * 1024)).text
        except DocumentError as exc:
            print(f"# {path.name}: not readable ({exc})")
            status = 1
            continue
        print()
        print(to_toml(guess_meta(path, text, warn=False)), end="")
    return status


def _guide(args: argparse.Namespace, settings: Settings, kind: str) -> int:
    from assistant.guides import CHECKLIST, ONBOARDING, build_guide, render_guide
    from assistant.service import Assistant

    assistant = Assistant(settings)
    (organisation,) = assistant.resolve_organisations([args.org])
    guide = build_guide(
        assistant, organisation, CHECKLIST if kind == "checklist" else ONBOARDING, kind, args.lang
    )
    if args.json:
        _print_json(guide.to_json())
    else:
        print(render_guide(guide))
    return 0


def cmd_checklist(args: argparse.Namespace, settings: Settings) -> int:
    return _guide(args, settings, "checklist")


def cmd_onboarding(args: argparse.Namespace, settings: Settings) -> int:
    return _guide(args, settings, "onboarding")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policy-assistant", description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="build or update the index from policy files")
    p.add_argument("paths", nargs="*", help="files or folders (default: the bundled library)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--rebuild",
        action="store_true",
        help="re-embed everything into a new index version (after changing the model, or when "
        "the index cannot be read)",
    )
    p.add_argument(
        "--restore", action="store_true", help="make the previous index version live again"
    )
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("ask", help="answer one question with citations")
    p.add_argument("question")
    p.add_argument(
        "--org",
        action="append",
        metavar="NAME",
        help="only this organisation (unique part of its name); repeatable",
    )
    p.add_argument(
        "--history",
        action="append",
        metavar="QUESTION",
        help="an earlier question in the same chat; repeatable",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("batch", help="answer JSON lines from stdin, one JSON line each to stdout")
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("map", help="the responsibility map: who decides on or answers for what")
    p.add_argument(
        "--org", action="append", metavar="NAME", help="only this organisation; repeatable"
    )
    p.add_argument("--csv", action="store_true", help="print CSV")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_map)

    for name, func, what in (
        (
            "checklist",
            cmd_checklist,
            "what an organisation's policy requires before an official trip or visit",
        ),
        (
            "onboarding",
            cmd_onboarding,
            "a cited overview of an organisation's international work for the newly elected",
        ),
    ):
        p = sub.add_parser(name, help=what)
        p.add_argument(
            "--org", required=True, metavar="NAME", help="unique part of the organisation's name"
        )
        p.add_argument("--lang", choices=["sv", "en"], default="sv")
        p.add_argument("--json", action="store_true")
        p.set_defaults(func=func)

    p = sub.add_parser(
        "catalog", help="print a catalog entry to check and paste for every uncatalogued file"
    )
    p.add_argument("folder", nargs="?", help="the policy folder (default: the policy library)")
    p.set_defaults(func=cmd_catalog)

    p = sub.add_parser("eval", help="score gold question sets, or the map on a corpus (--map)")
    p.add_argument("files", nargs="*", metavar="FILE", help=f"gold sets (default {DEFAULT_GOLD})")
    p.add_argument(
        "--map",
        nargs="?",
        const=str(DEFAULT_CORPUS),
        metavar="CORPUS_DIR",
        help="score the responsibility map on a labelled corpus (docs/, map.jsonl, ...)",
    )
    p.add_argument("--details", action="store_true", help="with --map: list missed and false rows")
    p.add_argument(
        "--library",
        metavar="CORPUS_DIR",
        help="ask against a temporary index of this corpus (docs/, catalog.toml) instead",
    )
    p.add_argument("--min-precision", type=float, help="with --map")
    p.add_argument("--min-recall", type=float, help="with --map")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--report", action="store_true", help="full table per set, with the decision's confusion"
    )
    p.add_argument(
        "--tune-half",
        action="append",
        default=[],
        metavar="FILE",
        help="the tuning half of a bank (a fixed half, by a hash of each id)",
    )
    p.add_argument(
        "--heldout-half",
        action="append",
        default=[],
        metavar="FILE",
        help="the held-out half of a bank: report it, never tune on it",
    )
    p.add_argument(
        "--statements",
        metavar="FILE",
        help="score the statement rules on a bank of made-up sentences (JSON lines)",
    )
    p.add_argument(
        "--cv-weight",
        metavar="NAME=V1,V2,...",
        help="choose a scoring weight (see Scoring) by 5-fold cross-validation over these sets",
    )
    p.add_argument(
        "--cv",
        action="store_true",
        help="choose the answer/refuse threshold by 5-fold cross-validation over these sets",
    )
    p.add_argument("--min-correct", type=float)
    p.add_argument("--min-correct-en", type=float)
    p.add_argument("--min-hit", type=float)
    p.add_argument("--max-wrong-abstain", type=float)
    p.add_argument("--max-missed-abstain", type=int)
    p.set_defaults(func=cmd_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = Settings.load()
        level = logging.INFO if args.verbose else getattr(logging, settings.log_level)
        logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
        return int(args.func(args, settings))
    except (UnknownOrganisationError, UsageError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # the file system refused (full, read-only, not ours): say where
        print(f"error: {_os_error(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
