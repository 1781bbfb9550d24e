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
    parser.add_argument(
        "--repeat", type=int, default=1, help="Rounds of both sides, alternating (best kept)."
    )
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

    def raw_run() -> float:
        start = time.perf_counter()
        for _doc in raw.pipe((a.text for a in articles), batch_size=settings.batch_size):
            pass
        return time.perf_counter() - start

    raw_times = [raw_run()]
    rss_raw = peak_rss_mb()  # before marsad's pipeline is loaded
    pipeline = Pipeline(settings)  # model + marsad components + gazetteer, loaded once

    def marsad_run() -> tuple[float, int]:
        start = time.perf_counter()
        events = 0
        for result in pipeline.code_many(list(articles)):
            if not isinstance(result, Rejection):
                events += len(result.events)
        return time.perf_counter() - start, events

    # The two sides alternate, so that each marsad run has a raw run beside it under the same
    # load (the machines are shared: a load that comes and goes moves both sides of a pair).
    marsad_times: list[float] = []
    events = 0
    for round_ in range(args.repeat):
        if round_:
            raw_times.append(raw_run())
        seconds, events = marsad_run()
        marsad_times.append(seconds)
    raw_rate = len(articles) / min(raw_times)
    rate = len(articles) / min(marsad_times)
    print(
        f"raw spaCy nlp.pipe   : {raw_rate:7.2f} articles/s  {words / min(raw_times):8.0f} "
        f"words/s  peak RSS {rss_raw:.0f} MB"
    )
    print(
        f"marsad pipeline      : {rate:7.2f} articles/s  {words / min(marsad_times):8.0f} "
        f"words/s  peak RSS {peak_rss_mb():.0f} MB  ({events} events)"
    )
    pairs = sorted(r / m for r, m in zip(raw_times, marsad_times, strict=True))
    print(f"ratio marsad / spaCy : {rate / raw_rate:.2f}  (target >= 0.50; best run of each side)")
    if len(pairs) > 1:
        print(
            "ratio per round      : "
            + ", ".join(f"{p:.2f}" for p in pairs)
            + f"  (median {pairs[len(pairs) // 2]:.2f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
