"""Benchmark: this assistant beside the tutorial pipeline, on the same machine, printed.

    make bench                                    # 5 and 500 documents, plus the server mode
    python bench/benchmark.py --sizes 5,500,5000  # the full scale run (hours: ~180k passages)
    python bench/benchmark.py --sizes 5000 --embedding-model hash --no-tutorial
                                                  # the query path at 5,000 in minutes

For each library size, each pipeline runs in its own process (so peak memory is its own):
ingest time and passages per second, the embedding model's own encode rate on the same
passages, `ask` latency p50/p95 warm, cold start to first answer, peak RSS, and on the real
library the evaluation `correct` on the dev set. The tutorial pipeline is
RecursiveCharacterTextSplitter 1000/200 + the same embedding model + Chroma, top 4.

`--embedding-model` picks the model for both pipelines (as POLICY_ASSISTANT_EMBEDDING_MODEL
does); `hash` is the deterministic test embedder, which isolates what the pipeline itself
costs from what the model costs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEV = ROOT / "tests" / "data" / "dev.jsonl"
BUNDLED = ROOT / "data" / "policies"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def questions() -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


# -- workers (each in its own process) -------------------------------------------------
def worker_ours(
    library: Path, index: Path, host: str | None, port: int, evaluate_dev: bool
) -> dict[str, Any]:
    from assistant.evaluation import evaluate
    from assistant.service import Assistant
    from core.embeddings import make_embedder
    from core.settings import Settings
    from core.store import PassageStore
    from ingest.indexer import ingest

    settings = Settings(
        policies_dir=library, index_dir=index, chroma_host=host, chroma_port=port or 8000
    )
    embedder = make_embedder(settings)
    started = time.perf_counter()
    report = ingest(settings, [library], embedder=embedder)
    ingest_s = time.perf_counter() - started
    texts = [p.context_text() for p in PassageStore(settings).live_passages()][:1000]
    started = time.perf_counter()
    embedder.embed_documents(texts)
    encode_rate = len(texts) / (time.perf_counter() - started)
    assistant = Assistant(settings, embedder=embedder)
    started = time.perf_counter()
    assistant.warm_guides()  # built once per index version; shown apart as guides_s
    guides_s = time.perf_counter() - started
    items = questions()
    for item in items[:3]:
        assistant.ask(item["question"])
    latencies = []
    for _ in range(2):
        for item in items:
            t0 = time.perf_counter()
            assistant.ask(
                item["question"],
                history=item["history"],
                # synthetic libraries rename the organisations: no filter there
                organisations=[item["org"]] if item["org"] and evaluate_dev else None,
            )
            latencies.append((time.perf_counter() - t0) * 1000)
    result: dict[str, Any] = {
        "passages": report.passages,
        "ingest_s": ingest_s,
        "passages_per_s": report.passages / ingest_s,
        "encode_rate": encode_rate,
        "guides_s": guides_s,
        "p50_ms": percentile(latencies, 0.5),
        "p95_ms": percentile(latencies, 0.95),
    }
    if evaluate_dev:
        rep = evaluate(
            items,
            lambda q: assistant.ask(
                q["question"], history=q["history"], organisations=[q["org"]] if q["org"] else None
            ),
        )
        result["correct"] = rep.correct
        result["hit@5"] = rep.hit_at_5
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def _tutorial_collection(index: Path) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.PersistentClient(
        path=str(index), settings=ChromaSettings(anonymized_telemetry=False)
    )
    return client.get_or_create_collection(
        "tutorial", configuration={"hnsw": {"space": "cosine"}}, embedding_function=None
    )


def tutorial_answer(collection: Any, embedder: Any, question: str) -> Any:
    from core.types import Answer, Citation

    hits = collection.query(
        query_embeddings=[embedder.embed_query(question)],
        n_results=4,
        include=["documents", "metadatas", "distances"],
    )
    docs = hits["documents"][0]
    citations = [
        Citation(
            n=i + 1,
            organisation="",
            document=m["source"],
            section="",
            source=m["source"],
            text=d,
            score=1 - dist,
        )
        for i, (d, m, dist) in enumerate(
            zip(docs, hits["metadatas"][0], hits["distances"][0], strict=True)
        )
    ]
    return Answer("\n\n".join(docs), "sv", False, citations, answerer="tutorial")


def worker_tutorial(library: Path, index: Path, evaluate_dev: bool) -> dict[str, Any]:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from assistant.evaluation import evaluate
    from core.embeddings import make_embedder
    from core.settings import Settings

    embedder = make_embedder(Settings())
    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    started = time.perf_counter()
    collection = _tutorial_collection(index)
    count = 0
    for path in sorted(library.glob("*.*")):
        if path.suffix not in {".md", ".txt"}:
            continue
        chunks = splitter.split_text(path.read_text(encoding="utf-8"))
        if not chunks:
            continue
        collection.add(
            ids=[f"{path.name}:{i}" for i in range(len(chunks))],
            embeddings=embedder.embed_documents(chunks),
            documents=chunks,
            metadatas=[{"source": path.name}] * len(chunks),
        )
        count += len(chunks)
    ingest_s = time.perf_counter() - started
    items = questions()
    latencies = []
    for _ in range(2):
        for item in items:
            t0 = time.perf_counter()
            tutorial_answer(collection, embedder, item["question"])
            latencies.append((time.perf_counter() - t0) * 1000)
    result: dict[str, Any] = {
        "passages": count,
        "ingest_s": ingest_s,
        "passages_per_s": count / ingest_s,
        "p50_ms": percentile(latencies, 0.5),
        "p95_ms": percentile(latencies, 0.95),
    }
    if evaluate_dev:
        rep = evaluate(items, lambda q: tutorial_answer(collection, embedder, q["question"]))
        result["correct"] = rep.correct
        result["hit@5"] = rep.hit_at_5
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def worker_cold(kind: str, library: Path, index: Path) -> dict[str, Any]:
    """Measured by the parent: process start to first answer on an existing index."""
    question = "Vem beslutar om vänortssamarbeten?"
    if kind == "ours":
        from assistant.service import Assistant
        from core.settings import Settings

        Assistant(Settings(policies_dir=library, index_dir=index)).ask(question)
    else:
        from core.embeddings import make_embedder
        from core.settings import Settings

        tutorial_answer(_tutorial_collection(index), make_embedder(Settings()), question)
    return {"peak_rss_mb": peak_rss_mb()}


# -- the parent ----------------------------------------------------------------------
def run_worker(*args: str) -> dict[str, Any]:
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, "--worker", *args], capture_output=True, text=True, cwd=ROOT
    )
    if out.returncode != 0:
        raise SystemExit(f"worker {args[0]} failed:\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["wall_s"] = time.perf_counter() - started
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def row(name: str, values: dict[str, Any], keys: list[str]) -> str:
    cells = []
    for key in keys:
        value = values.get(key)
        cells.append(
            f"{value:>12.3f}"
            if isinstance(value, float) and value < 10
            else f"{value:>12.1f}"
            if isinstance(value, float)
            else f"{'-' if value is None else value!s:>12}"
        )
    return f"{name:<28}" + " ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="5,500", help="library sizes in documents (5 = the real library)"
    )
    parser.add_argument("--no-server", action="store_true", help="skip the Chroma server run")
    parser.add_argument("--no-tutorial", action="store_true", help="skip the tutorial pipeline")
    parser.add_argument(
        "--embedding-model",
        help="embedding model for both pipelines (default: the configured one; 'hash' = no model)",
    )
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        kind, *rest = args.worker
        if kind == "ours":
            library, index, host, port, dev = rest
            result = worker_ours(Path(library), Path(index), host or None, int(port), dev == "1")
        elif kind == "tutorial":
            library, index, dev = rest
            result = worker_tutorial(Path(library), Path(index), dev == "1")
        else:
            which, library, index = rest
            result = worker_cold(which, Path(library), Path(index))
        print(json.dumps(result))
        return

    if args.embedding_model:
        os.environ["POLICY_ASSISTANT_EMBEDDING_MODEL"] = args.embedding_model  # for the workers
    from core.embeddings import configured_model_name
    from core.settings import Settings

    print(
        f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; "
        f"embedding model: {configured_model_name(Settings())}",
        flush=True,
    )
    keys = [
        "passages",
        "ingest_s",
        "passages_per_s",
        "encode_rate",
        "guides_s",
        "p50_ms",
        "p95_ms",
        "peak_rss_mb",
        "correct",
        "hit@5",
    ]
    header = f"{'pipeline':<28}" + " ".join(f"{k:>12}" for k in keys)
    growth: list[tuple[int, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for size in [int(s) for s in args.sizes.split(",")]:
            from bench.synthetic import generate

            library = BUNDLED if size == 5 else generate(tmp / f"lib-{size}", size)
            dev = "1" if size == 5 else "0"
            ours = run_worker("ours", str(library), str(tmp / f"ours-{size}"), "", "0", dev)
            print(f"\n== {size} documents ==")
            print(header)
            print(row("policy-assistant", ours, keys), flush=True)
            if not args.no_tutorial:
                tutorial = run_worker("tutorial", str(library), str(tmp / f"tut-{size}"), dev)
                print(row("tutorial (1000/200, top 4)", tutorial, keys), flush=True)
            ratio = ours["passages_per_s"] / ours["encode_rate"]
            print(f"ingest throughput / model encode rate: {ratio:.0%}", flush=True)
            growth.append((size, ours["p50_ms"], ours["p95_ms"]))
            if size == 5 and not args.no_tutorial:
                cold_ours = run_worker("cold", "ours", str(library), str(tmp / "ours-5"))
                cold_tut = run_worker("cold", "tutorial", str(library), str(tmp / "tut-5"))
                print(
                    f"cold start to first answer: policy-assistant {cold_ours['wall_s']:.1f} s "
                    f"(peak {cold_ours['peak_rss_mb']:.0f} MB); tutorial {cold_tut['wall_s']:.1f} s "
                    f"(peak {cold_tut['peak_rss_mb']:.0f} MB)"
                )
        print("\n== ask latency by library size (policy-assistant) ==")
        for size, p50, p95 in growth:
            print(f"{size:>6} documents: p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")
        if not args.no_server:
            chroma = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))
            port = free_port()
            server = subprocess.Popen(
                [
                    chroma,
                    "run",
                    "--path",
                    str(tmp / "server"),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                for _ in range(120):
                    try:
                        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                        break
                    except OSError:
                        time.sleep(0.25)
                served = run_worker(
                    "ours", str(BUNDLED), str(tmp / "unused"), "127.0.0.1", str(port), "1"
                )
                print("\n== Chroma server mode (chroma run on localhost), 5 documents ==")
                print(header)
                print(row("policy-assistant + server", served, keys))
            finally:
                server.terminate()
                server.wait(timeout=10)


if __name__ == "__main__":
    main()
