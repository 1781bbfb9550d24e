"""Geo evaluation, end to end from raw text: detection (span overlap), accuracy within 161 km,
exact GeoNames id, country and admin1 accuracy; and UCDP GED place names (within 25 km).

    python -m marsad.eval.geo ../shared/eval/geo/*.jsonl [--ucdp FILE] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
import sys
from collections import defaultdict
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from marsad.geo.rank import haversine_km
from marsad.model import Article, Place
from marsad.settings import Settings


class _Where:
    """Country and admin1 code of a gold point: its GeoNames id if in the gazetteer, else the
    nearest gazetteer town (R*Tree box search; gold has coordinates but no codes)."""

    def __init__(self, gaz) -> None:
        self.gaz = gaz
        self.by_id = lru_cache(maxsize=None)(self._by_id)
        self.nearest = lru_cache(maxsize=None)(self._nearest)

    def _by_id(self, gid: str) -> tuple[str | None, str | None] | None:
        row = self.gaz.db.execute("SELECT cc, admin1 FROM places WHERE gid = ?", (gid,)).fetchone()
        return (row[0], row[1]) if row else None

    def _nearest(self, lat: float, lon: float) -> tuple[str | None, str | None]:
        for d in (0.1, 0.3, 1.0, 3.0):
            rows = self.gaz.db.execute(
                "SELECT p.lat, p.lon, p.cc, p.admin1 FROM places_rtree r JOIN places p "
                "ON p.id = r.id WHERE r.min_lat >= ? AND r.max_lat <= ? AND r.min_lon >= ? "
                "AND r.max_lon <= ? AND p.feature = 'populated place'",
                (lat - d, lat + d, lon - d, lon + d),
            ).fetchall()
            if rows:
                best = min(rows, key=lambda r: haversine_km(lat, lon, r[0], r[1]))
                return best[2], best[3]
        return None, None

    def __call__(self, gold: dict) -> tuple[str | None, str | None, bool]:
        if gold.get("geonameid"):
            hit = self.by_id(f"gn:{gold['geonameid']}")
            if hit:
                return hit[0], hit[1], True
        cc, adm1 = self.nearest(round(gold["lat"], 3), round(gold["lon"], 3))
        return cc, adm1, False


def _match(gold: list[dict], preds: list[Place]) -> list[Place | None]:
    """Each gold toponym gets the overlapping prediction with the largest overlap (one each)."""
    used: set[int] = set()
    out: list[Place | None] = []
    for g in gold:
        best, best_overlap = None, 0
        for i, p in enumerate(preds):
            if i in used or p.span is None:
                continue
            overlap = min(g["end"], p.span.end) - max(g["start"], p.span.start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is not None:
            used.add(best)
            out.append(preds[best])
        else:
            out.append(None)
    return out


class _Tally:
    def __init__(self) -> None:
        self.n_gold = self.n_pred = self.n_pred_matched = self.n_gold_matched = 0
        self.within = self.resolved = 0
        self.exact_n = self.exact_ok = 0
        self.country_n = self.country_ok = self.admin1_n = self.admin1_ok = 0
        self.km: list[float] = []

    def result(self) -> dict[str, Any]:
        def frac(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        p, r = frac(self.n_pred_matched, self.n_pred), frac(self.n_gold_matched, self.n_gold)
        f1 = round(2 * p * r / (p + r), 4) if p and r else 0.0
        return {
            "precision": p,
            "recall": r,
            "f1": f1,
            "acc_at_161": frac(self.within, self.n_gold),
            "acc_at_161_resolved": frac(self.within, self.resolved),
            "exact_id": frac(self.exact_ok, self.exact_n),
            "country_acc": frac(self.country_ok, self.country_n),
            "admin1_acc": frac(self.admin1_ok, self.admin1_n),
            "mean_km": round(statistics.fmean(self.km), 1) if self.km else None,
            "median_km": round(statistics.median(self.km), 1) if self.km else None,
            "gold": self.n_gold,
            "predicted": self.n_pred,
            "matched": self.n_gold_matched,
            "resolved": self.resolved,
            "exact_id_n": self.exact_n,
        }


def evaluate_geo(
    paths: list[Path], settings: Settings | None = None, errors: list[dict] | None = None
) -> dict[str, Any]:
    """Per-corpus and pooled geo metrics. Country/admin1 accuracy and distances are over gold
    toponyms whose matched prediction has coordinates; acc_at_161 counts unmatched gold as wrong."""
    from marsad import nlp as nlp_stage
    from marsad.geo import Gazetteer, resolve

    settings = settings or Settings.from_env()
    nlp = nlp_stage.load(settings)
    gaz = Gazetteer.open(settings)
    docs = []
    for path in paths:
        with Path(path).open(encoding="utf-8") as fh:
            docs.extend(json.loads(line) for line in fh if line.strip())
    texts = (d["text"] for d in docs)

    def predicted():
        for rec, doc in zip(docs, nlp.pipe(texts, batch_size=16), strict=True):
            article = Article(id=rec["id"], text=rec["text"], title=rec.get("title"))
            yield rec, resolve(doc, article, gaz)

    return score_predictions(predicted(), gaz, errors)


def score_predictions(pairs, gaz, errors: list[dict] | None = None) -> dict[str, Any]:
    """Metrics over (gold record, predicted places) pairs: per corpus and pooled. Also used by
    scripts/train_geo_ranker.py to score each cross-validation fold on its held-out documents."""
    where = _Where(gaz)
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for rec, preds in pairs:
        gold = rec["toponyms"]
        matched = _match(gold, preds)
        for t in (tallies[rec.get("corpus", "?")], tallies["pooled"]):
            t.n_gold += len(gold)
            t.n_pred += len(preds)
            t.n_pred_matched += sum(
                any(min(g["end"], p.span.end) > max(g["start"], p.span.start) for g in gold)
                for p in preds
            )
            for g, p in zip(gold, matched, strict=True):
                cc, adm1, known = where(g)
                if known:
                    t.exact_n += 1
                    if p is not None and p.gazetteer_id == f"gn:{g['geonameid']}":
                        t.exact_ok += 1
                if p is None:
                    continue
                t.n_gold_matched += 1
                if p.lat is None:
                    continue
                t.resolved += 1
                km = haversine_km(g["lat"], g["lon"], p.lat, p.lon)
                t.km.append(km)
                t.within += km <= 161
                if cc:
                    t.country_n += 1
                    t.country_ok += p.country_iso2 == cc
                if adm1 and p.feature != "country":
                    t.admin1_n += 1
                    t.admin1_ok += gaz.admin1_name(adm1) == p.admin1
                if errors is not None and t is tallies["pooled"] and km > 161:
                    errors.append(
                        {
                            "doc": rec["id"],
                            "gold": g["name"],
                            "pred": p.name,
                            "id": p.gazetteer_id,
                            "km": round(km),
                            "feature": p.feature,
                        }
                    )
            if errors is not None and t is tallies["pooled"]:
                for g, p in zip(gold, matched, strict=True):
                    if p is None:
                        errors.append({"doc": rec["id"], "gold": g["name"], "pred": None})
    out = {name: t.result() for name, t in tallies.items() if name != "pooled"}
    out["pooled"] = tallies["pooled"].result()
    return out


_KIND_WORDS = re.compile(
    r"\s+(village|town|city|district|sub-district|subdistrict|area|governorate|province|"
    r"region|camp|neighbourhood|neighborhood|quarter|airport|airbase|base|crossing|"
    r"oil field|oilfield|field|dam|mountain|mountains|desert|countryside|nahiya)\b.*$",
    re.I,
)


def _ucdp_names(where: str) -> list[str]:
    """ "Khuwayn al Kabir village (Tell al-Khuwaiyn)" -> ["Khuwayn al Kabir", "Tell al-Khuwaiyn"];
    "Tadmur/Palmyra town" -> ["Tadmur", "Palmyra"] (each also with its kind word)."""
    alts = re.findall(r"\(([^)]*)\)", where)
    head = re.sub(r"\([^)]*\)", "", where).strip()
    out = []
    # "Tadmur/Palmyra town": two spellings of one place, the kind word after the last
    heads = [h.strip() for h in head.split("/")] if "/" in head else [head]
    kind = _KIND_WORDS.search(heads[-1])
    if len(heads) > 1 and kind:
        heads = [h if _KIND_WORDS.search(h) else h + kind.group(0) for h in heads]
    for name in [*heads, *alts]:
        bare = _KIND_WORDS.sub("", name).strip(" ,")
        for part in [bare, name]:
            if part and part not in out:
                out.append(part)
    return out


def evaluate_ucdp_places(path: Path, settings: Settings | None = None) -> dict[str, Any]:
    """UCDP GED rows: resolve `where_coordinates` with the row's adm_1 as context (as a
    reader of the source would have it), the country being Syria."""
    from marsad.geo import Gazetteer
    from marsad.geo.rank import Context, score
    from marsad.geo.recognise import Mention

    settings = settings or Settings.from_env()
    gaz = Gazetteer.open(settings)
    with Path(path).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))

    @cache
    def admin1_of(name: str, cc: str) -> str | None:
        for c in gaz.candidates(name, cc):
            if c.feature == "admin1":
                return c.admin1
        return None

    @cache
    def resolve_row(where: str, adm1_name: str, cc: str):
        adm1 = admin1_of(adm1_name, cc) if adm1_name else None
        ctx = Context(countries={cc: 1}, admin1={adm1: 1} if adm1 else {})
        for name in _ucdp_names(where):
            m = Mention(0, len(name), name, "UCDP")
            cands = [c for c in gaz.candidates(name, cc) if c.lat is not None]
            if cands:
                return max(cands, key=lambda c: score(c, m, ctx, None)), adm1
        return None, adm1

    n_prec12 = within = n_all = admin1_ok = resolved = 0
    for row in rows:
        cc = "SY" if row.get("country", "Syria") == "Syria" else None
        if cc is None:
            continue
        best, gold_adm1 = resolve_row(row["where_coordinates"], row.get("adm_1", ""), cc)
        n_all += 1
        gold_place_adm1 = admin1_of(row.get("adm_1", ""), cc)
        if best is not None:
            resolved += 1
            if gold_place_adm1 and best.admin1 == gold_place_adm1:
                admin1_ok += 1
        if row.get("where_prec") in ("1", "2"):
            n_prec12 += 1
            if best is not None:
                km = haversine_km(
                    float(row["latitude"]), float(row["longitude"]), best.lat, best.lon
                )
                within += km <= 25
    return {
        "within_25km": round(within / n_prec12, 4) if n_prec12 else None,
        "admin1_acc": round(admin1_ok / n_all, 4) if n_all else None,
        "rows": n_all,
        "rows_prec_1_2": n_prec12,
        "resolved": resolved,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m marsad.eval.geo", description=__doc__)
    parser.add_argument("files", nargs="*", type=Path, help="geo gold JSON Lines files")
    parser.add_argument("--ucdp", type=Path, help="UCDP GED CSV to score place names on")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--errors", type=Path, help="write errors (JSON Lines) here")
    args = parser.parse_args(argv)
    out: dict[str, Any] = {}
    errors: list[dict] | None = [] if args.errors else None
    if args.files:
        out["geo"] = evaluate_geo(args.files, errors=errors)
    if args.ucdp:
        out["ucdp"] = evaluate_ucdp_places(args.ucdp)
    if errors is not None and args.errors:
        args.errors.write_text("".join(json.dumps(e) + "\n" for e in errors), encoding="utf-8")
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        for section, result in out.items():
            if section == "ucdp":
                print("ucdp", " ".join(f"{k}={v}" for k, v in result.items()))
                continue
            for corpus, metrics in result.items():
                print(corpus, " ".join(f"{k}={v}" for k, v in metrics.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
