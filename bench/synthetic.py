"""A synthetic policy library for scale tests: N organisations whose documents recombine the
real policies' sections and paragraphs, with the organisation names varied.

    python -m bench.synthetic OUT_DIR 500
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from ingest.catalog import Catalog

SOURCE = Path(__file__).resolve().parents[1] / "data" / "policies"
PLACES = [
    "Ådalen",
    "Bergslagen",
    "Dalsland",
    "Fryksdalen",
    "Gästrikland",
    "Hälsingland",
    "Kalmarsund",
    "Lappland",
    "Medelpad",
    "Närke",
    "Ångermanland",
    "Öland",
    "Roslagen",
    "Sörmland",
    "Tornedalen",
    "Uppland",
    "Vättern",
    "Västerbotten",
    "Österlen",
    "Siljan",
]
KINDS = ["Region {p}", "{p}s kommun", "Landstinget i {p}", "{p} läns landsting"]


def _sections(text: str) -> list[list[str]]:
    """Paragraph groups split at headings (a heading starts a new group)."""
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    groups: list[list[str]] = [[]]
    for block in blocks:
        first = block.strip().splitlines()[0]
        if first.startswith("#") and groups[-1]:
            groups.append([])
        groups[-1].append(block.strip())
    return [g for g in groups if g]


def generate(out: Path, n_docs: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    catalog = Catalog.load(SOURCE)
    sources = []
    for path in sorted(SOURCE.iterdir()):
        if path.name in catalog.entries:
            meta = catalog.entries[path.name]
            sources.append((meta, _sections(path.read_text(encoding="utf-8"))))
    out.mkdir(parents=True, exist_ok=True)
    entries = []
    for i in range(n_docs):
        place = f"{rng.choice(PLACES)} {i}"
        organisation = rng.choice(KINDS).format(p=place)
        meta, sections = rng.choice(sources)
        _, other = rng.choice(sources)
        picked = (
            sections[:1] + rng.sample(sections[1:], k=max(1, len(sections[1:]) * 2 // 3))
            if len(sections) > 1
            else sections
        )
        picked += rng.sample(other, k=min(2, len(other)))
        body = "\n\n".join("\n\n".join(group) for group in picked)
        for name in (meta.organisation, *meta.aliases):
            body = body.replace(name, organisation)
        name = f"synt-{i:05d}.md"
        (out / name).write_text(f"# {meta.title} för {organisation}\n\n{body}\n", encoding="utf-8")
        entries.append(
            f'[[document]]\nfile = "{name}"\nid = "synt-{i:05d}"\norganisation = "{organisation}"\n'
            f'aliases = ["{place}"]\ntitle = "{meta.title}"\ntype = "{meta.type}"\nlanguage = "sv"\n'
        )
    (out / "catalog.toml").write_text("\n".join(entries), encoding="utf-8")
    return out


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]))
