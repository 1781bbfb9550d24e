"""Articles/s and peak RSS of marsad's whole pipeline beside raw spaCy nlp.pipe, same texts, same
model, same thinc ops, one run. Prints both and their ratio (target: marsad >= 50% of raw spaCy).

    python bench/throughput.py [--corpus ../shared/corpora/wikinews-geovirus.jsonl] [--repeat 1]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "wikinews-geovirus.jsonl"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=1, help="Times to run each side (best kept).")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(
            f"skipped: corpus {args.corpus} not found "
            "(it lives in ../shared/corpora, not in the repo)"
        )
        return 0

    import spacy
    from thinc.api import NumpyOps, set_current_ops

    from marsad import ingest
    from marsad.model import Rejection
    from marsad.pipeline import Pipeline
    from marsad.settings import Settings

    settings = Settings.from_env()
    texts = [json.loads(line)["text"] for line in args.corpus.open(encoding="utf-8")]
    words = sum(len(t.split()) for t in texts)
    articles = [
        ingest.article_from_text(t, source=f"bench:{i}", settings=settings)
        for i, t in enumerate(texts)
    ]
    articles = [a for a in articles if not isinstance(a, Rejection)]
    print(
        f"corpus: {args.corpus.name}: {len(texts)} articles, {words} words; "
        f"{len(articles)} accepted"
    )

    # Reference: raw spaCy with the same model and the same ops setting marsad uses.
    if not settings.use_blis:
        set_current_ops(NumpyOps(use_blis=False))
    raw = spacy.load(settings.spacy_model)
    rss_before = peak_rss_mb()
    raw_best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        for _doc in raw.pipe((a.text for a in articles), batch_size=settings.batch_size):
            pass
        raw_best = min(raw_best, time.perf_counter() - start)
    raw_rate = len(articles) / raw_best
    print(
        f"raw spaCy nlp.pipe   : {raw_rate:7.2f} articles/s  {words / raw_best:8.0f} words/s  "
        f"peak RSS {rss_before:.0f} MB"
    )

    pipeline = Pipeline(settings)  # model + marsad components + gazetteer, loaded once
    best = float("inf")
    events = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        events = 0
        for result in pipeline.code_many(list(articles)):
            if not isinstance(result, Rejection):
                events += len(result.events)
        best = min(best, time.perf_counter() - start)
    rate = len(articles) / best
    print(
        f"marsad pipeline      : {rate:7.2f} articles/s  {words / best:8.0f} words/s  "
        f"peak RSS {peak_rss_mb():.0f} MB  ({events} events)"
    )
    print(f"ratio marsad / spaCy : {rate / raw_rate:.2f}  (target >= 0.50)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
