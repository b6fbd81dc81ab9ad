"""A second process for the reliability tests: ingests, or asks, and reports in JSON lines.

    python -m tests.index_worker ingest ROOT LIBRARY INDEX [--rebuild] [--revisions 1,2,3]
    python -m tests.index_worker ask ROOT LIBRARY INDEX --stop FILE [--max-seconds S]

``ingest`` prints ``{"event": "start"}`` before it starts writing and one line per file as
it goes, so that a test can kill it at a random point; with ``--revisions`` it rewrites the
library to each revision in turn and ingests it, printing each new version's passage ids.
``ask`` refreshes and asks the same questions until FILE exists (then once more), printing
for each answer the version it came from, the cited passages and how many of the dense
search's hits were passages of that version.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from core.embeddings import HashEmbedder
from tests.index_helpers import QUESTIONS, answer_record, settings_for, write_library


def emit(**data: object) -> None:
    print(json.dumps(data, ensure_ascii=False), flush=True)


def run_ingest(args: argparse.Namespace) -> None:
    from core.store import PassageStore
    from ingest.indexer import ingest

    settings = settings_for(Path(args.root), Path(args.library), Path(args.index))
    embedder = HashEmbedder()
    revisions = [int(r) for r in args.revisions.split(",")] if args.revisions else [None]
    for revision in revisions:
        if revision is not None:
            write_library(Path(args.library), revision)
        emit(event="start", revision=revision)
        started = time.monotonic()
        report = ingest(
            settings,
            embedder=embedder,
            rebuild=args.rebuild,
            progress=lambda done, total, name: emit(event="file", done=done, total=total),
        )
        store = PassageStore(settings)
        ids = sorted(p.id for p in store.live_passages())
        store.close()
        emit(
            event="done",
            revision=revision,
            version=report.version,
            seconds=time.monotonic() - started,
            ids=ids,
        )


def run_ask(args: argparse.Namespace) -> None:
    from assistant.service import Assistant

    settings = settings_for(Path(args.root), Path(args.library), Path(args.index))
    embedder = HashEmbedder()
    assistant = Assistant(settings, embedder=embedder)
    stop = Path(args.stop)
    deadline = time.monotonic() + args.max_seconds
    last = False
    while not last:
        last = stop.exists() or time.monotonic() > deadline
        assistant.refresh()
        for question in QUESTIONS:
            with assistant.one_version():  # the answer and the checks below: one version
                answer = assistant.ask(question)
                live = {p.id for p in assistant.passages}
                hits = assistant.store.query(embedder.embed_query(question), n=10)
                emit(
                    event="answer",
                    version=assistant.store.version,
                    question=question,
                    record=answer_record(answer),
                    dense=len(hits),
                    dense_live=sum(pid in live for pid, _ in hits),
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["ingest", "ask"])
    parser.add_argument("root")
    parser.add_argument("library")
    parser.add_argument("index")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--revisions")
    parser.add_argument("--stop")
    parser.add_argument("--max-seconds", type=float, default=60.0)
    args = parser.parse_args(argv)
    (run_ingest if args.command == "ingest" else run_ask)(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
