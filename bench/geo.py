"""Geo throughput: toponyms resolved per second (resolution only, and with spaCy), gazetteer
build time and file size. Prints numbers, asserts nothing.

    python bench/geo.py [CORPUS.jsonl] [--build]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from marsad import nlp as nlp_stage
from marsad.geo import Gazetteer, resolve
from marsad.model import Article
from marsad.settings import Settings

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "wikinews-geovirus.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--build", action="store_true", help="also time a full gazetteer build")
    args = parser.parse_args()
    settings = Settings.from_env()
    if args.build:
        from marsad.geo.build import build

        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            out = build(Path(tmp) / "gaz.sqlite")
            print(f"build: {time.perf_counter() - t0:.1f} s, {out.stat().st_size / 1e6:.1f} MB")
    gaz = Gazetteer.open(settings)
    nlp = nlp_stage.load(settings)
    texts = [json.loads(line)["text"] for line in args.corpus.open(encoding="utf-8")]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    t_nlp = time.perf_counter() - t0
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    n = sum(len(resolve(d, a, gaz)) for d, a in zip(docs, articles, strict=True))
    t_cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    n = sum(len(resolve(d, a, gaz)) for d, a in zip(docs, articles, strict=True))
    t_warm = time.perf_counter() - t0
    # CPU time, best of five warm passes: what one core does when the shared machine lets it
    # (wall-clock figures above swing by half between runs when other jobs load the host).
    cpu = []
    for _ in range(5):
        c0 = time.process_time()
        sum(len(resolve(d, a, gaz)) for d, a in zip(docs, articles, strict=True))
        cpu.append(time.process_time() - c0)
    print(f"{len(texts)} articles, {n} toponyms")
    print(f"resolution only, cold caches: {n / t_cold:,.0f} toponyms/s")
    print(f"resolution only, warm caches: {n / t_warm:,.0f} toponyms/s")
    print(f"resolution only, warm, per CPU-second (best of 5): {n / min(cpu):,.0f} toponyms/s")
    print(
        f"with spaCy: {n / (t_nlp + t_cold):,.0f} toponyms/s "
        f"(spaCy alone {len(texts) / t_nlp:.1f} articles/s)"
    )
    print(f"gazetteer file: {gaz.path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
