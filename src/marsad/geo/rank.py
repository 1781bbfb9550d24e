"""Candidate ranking over name-match quality, population, feature type vs the textual cue, the
article's country context, explicit parents ("X, Y"), distance to the article's other places and
the dateline.

Two passes: each mention is first ranked alone by the hand-set score; the countries of those first
choices (plus the dateline) form the article's context, then every mention is ranked again with
it - by the learned model (data/models/geo_ranker.json, logistic regression trained with
document-level cross-validation by scripts/train_geo_ranker.py) when that file is present, else by
the hand-set score."""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from marsad.geo import names
from marsad.geo.gazetteer import (
    MATCH_ALT,
    MATCH_DEMONYM,
    MATCH_FUZZY,
    MATCH_LOOSE,
    MATCH_NAME,
    Candidate,
    Gazetteer,
)
from marsad.geo.recognise import Mention

MATCH_SCORE = {
    MATCH_NAME: 1.0,
    MATCH_ALT: 0.85,
    MATCH_DEMONYM: 0.8,
    MATCH_LOOSE: 0.55,
    MATCH_FUZZY: 0.45,
}
FEATURE_PRIOR = {"country": 0.45, "admin1": 0.02}
CAPITAL_PRIOR = 0.2  # bare "Washington", "Paris": the capital is what the press means
CURATED_PRIOR = 0.15  # supplement rows exist because conflict reporting names them
W_POP, W_CUE, W_CONTEXT, W_PARENT, W_ADMIN1_CONTEXT = 0.3, 1.0, 0.8, 1.0, 0.3


@dataclass
class Context:
    countries: Counter
    admin1: Counter

    @property
    def top(self) -> float:
        return max(self.countries.values(), default=0)


def score_plain(c: Candidate) -> float:
    """Context-free score: how a bare name would be read by a reader who knows nothing else."""
    s = MATCH_SCORE[c.match] * (c.similarity if c.match == MATCH_FUZZY else 1.0)
    if c.match == MATCH_DEMONYM:
        s -= 0.2  # "Turkish" is a country only when nothing else fits
    s += W_POP * min(math.log10(c.population + 1), 8.0) / 8.0
    if c.match in (MATCH_NAME, MATCH_ALT):
        s += FEATURE_PRIOR.get(c.feature, 0.0)
    if c.gid.startswith("sup:"):
        s += CURATED_PRIOR
    if c.capital:
        s += CAPITAL_PRIOR
    return s


def score(c: Candidate, m: Mention, ctx: Context | None, parent: Candidate | None) -> float:
    s = score_plain(c)
    if m.cue:
        if c.feature == m.cue:
            s += W_CUE
        elif m.cue == "admin2" and c.feature == "admin1":
            s += 0.1
        elif m.cue not in ("populated place", "admin2") and c.feature == "populated place":
            s -= 0.1
    elif c.feature == "admin1":
        s -= 0.05  # twin problem: bare "Aleppo" is the city, "Aleppo province" the unit
    if ctx is not None and ctx.top and c.cc:
        s += W_CONTEXT * ctx.countries.get(c.cc, 0) / ctx.top
        if c.admin1 and ctx.admin1:
            s += W_ADMIN1_CONTEXT * ctx.admin1.get(c.admin1, 0) / max(ctx.admin1.values())
    if parent is not None and c.gid != parent.gid:
        if parent.feature == "country" and c.cc == parent.cc:
            s += W_PARENT
        elif parent.feature == "admin1" and c.admin1 == parent.admin1:
            s += W_PARENT * 1.2
        elif parent.cc == c.cc and parent.admin1 and parent.admin1 == c.admin1:
            s += W_PARENT * 0.8
    return s


# -- learned ranker -----------------------------------------------------------------------------

FEATURES = (
    "match_name",
    "match_alt",
    "match_demonym",
    "match_loose",
    "match_fuzzy",
    "log_pop",
    "pop_rank",
    "log_pop_gap",
    "is_country",
    "is_admin1",
    "is_admin2",
    "is_town",
    "is_curated",
    "is_capital",
    "cue_match",
    "cue_mismatch",
    "admin1_no_cue",
    "ctx_country",
    "ctx_admin1",
    "dateline_country",
    "parent_country",
    "parent_admin1",
    "parent_miss",
    "closeness",
    "close_100km",
    "n_candidates",
    "hand_top",
    "hand_score",
    "ctx_country_town",
    "ctx_off_pop",
)
SHORTLIST = 25  # the learned model re-ranks the hand ranker's best few candidates
_FAR = math.log1p(5000.0)


@dataclass(frozen=True)
class Model:
    """Logistic regression over FEATURES (standardised): p = sigmoid(w . (x - mean) / sd + b)."""

    weights: tuple[float, ...]
    intercept: float
    abstain: float  # below this probability the best candidate is not trusted

    @classmethod
    def from_json(cls, data: dict) -> Model:
        if tuple(data["features"]) != FEATURES:
            raise ValueError("geo ranker features differ from this version of marsad")
        mean, scale, coef = data["mean"], data["scale"], data["coef"]
        weights = tuple(w / (sd or 1.0) for w, sd in zip(coef, scale, strict=True))
        intercept = data["intercept"] - sum(w * mu for w, mu in zip(weights, mean, strict=True))
        return cls(weights, intercept, float(data.get("abstain", 0.0)))

    def logit(self, x: list[float]) -> float:
        return self.intercept + sum(w * v for w, v in zip(self.weights, x, strict=True))

    def prob(self, logit: float) -> float:
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))


@cache
def default_model() -> Model | None:
    """The shipped model, or None (hand ranker) when the file is missing."""
    try:
        raw = resources.files("marsad").joinpath("data/models/geo_ranker.json").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return None
    return Model.from_json(json.loads(raw))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def _nearest_km(lat: float, lon: float, points: list[tuple[float, float]]) -> float:
    """Distance to the nearest point: equirectangular to find it (cheap), haversine for it."""
    k = math.cos(math.radians(lat))
    best = min(
        points,
        key=lambda p: (p[0] - lat) ** 2 + ((p[1] - lon) * k) ** 2,
    )
    return _km(lat, lon, best[0], best[1])


def features(
    m: Mention,
    shortlist: list[Candidate],
    ctx: Context,
    parent: Candidate | None,
    dateline_cc: str | None,
    points: list[tuple[float, float]],
) -> list[list[float]]:
    """One feature row per candidate of a mention (same order as `shortlist`)."""
    pops = [min(math.log10(c.population + 1), 8.0) / 8.0 for c in shortlist]
    top_pop = max(pops)
    order = sorted(range(len(shortlist)), key=lambda i: -shortlist[i].population)
    rank_of = {i: r for r, i in enumerate(order)}
    hand = [score(c, m, ctx, parent) for c in shortlist]
    best_hand = max(range(len(shortlist)), key=lambda i: hand[i])
    n_cands = math.log1p(len(shortlist)) / math.log1p(SHORTLIST)
    top_share = ctx.top
    adm_top = max(ctx.admin1.values(), default=0)
    rows = []
    for i, c in enumerate(shortlist):
        share = ctx.countries.get(c.cc, 0) / top_share if top_share and c.cc else 0.0
        adm = ctx.admin1.get(c.admin1, 0) / adm_top if adm_top and c.admin1 else 0.0
        town = c.feature == "populated place"
        p_country = p_admin1 = p_miss = 0.0
        if parent is not None and c.gid != parent.gid:
            if parent.feature == "country":
                p_country = float(c.cc == parent.cc)
            elif parent.admin1:
                p_admin1 = float(c.cc == parent.cc and c.admin1 == parent.admin1)
                p_country = float(c.cc == parent.cc)
            p_miss = float(not (p_country or p_admin1))
        near = 0.0
        close = 0.0
        if points and c.lat is not None and c.feature != "country":
            d = _nearest_km(c.lat, c.lon, points)
            near = 1.0 - min(math.log1p(d) / _FAR, 1.0)
            close = float(d <= 100)
        rows.append(
            [
                float(c.match == MATCH_NAME),
                float(c.match == MATCH_ALT),
                float(c.match == MATCH_DEMONYM),
                float(c.match == MATCH_LOOSE),
                c.similarity if c.match == MATCH_FUZZY else 0.0,
                pops[i],
                1.0 / (1 + rank_of[i]),
                pops[i] - top_pop,
                float(c.feature == "country"),
                float(c.feature == "admin1"),
                float(c.feature == "admin2"),
                float(town),
                float(c.gid.startswith("sup:")),
                float(bool(c.capital)),
                float(bool(m.cue) and c.feature == m.cue),
                float(bool(m.cue) and m.cue not in ("populated place", "admin2") and town),
                float(not m.cue and c.feature == "admin1"),
                share,
                adm,
                float(dateline_cc is not None and c.cc == dateline_cc),
                p_country,
                p_admin1,
                p_miss,
                near,
                close,
                n_cands,
                float(i == best_hand),
                hand[i],
                share * town,
                (1.0 - share) * pops[i],
            ]
        )
    return rows


def shortlist_for(cs: tuple[Candidate, ...], m: Mention) -> list[Candidate]:
    if len(cs) <= SHORTLIST:
        return list(cs)
    return sorted(cs, key=lambda c: (-score(c, m, None, None), c.pid))[:SHORTLIST]


def candidates_for(m: Mention, gaz: Gazetteer) -> tuple[Candidate, ...]:
    if m.demonym:
        return tuple(c for c in gaz.candidates(m.text) if c.feature == "country")
    cands: tuple[Candidate, ...] = ()
    if m.cue_name:  # "Conoco gas field" is a curated name; "Homs province" strips to "Homs"
        cands = gaz.candidates(m.cue_name)
    if not cands:
        cands = gaz.candidates(m.text)
    return tuple(c for c in cands if c.match != MATCH_DEMONYM)


_DEFAULT = object()


def first_pass(
    mentions: list[Mention], gaz: Gazetteer, dateline_cc: str | None
) -> tuple[list[tuple[Candidate, ...]], list[Candidate | None], Context]:
    """Every mention's candidates, its best context-free reading, and the article context read
    off those readings (the second pass ranks against that context)."""
    cands = [candidates_for(m, gaz) for m in mentions]
    first = [
        max(cs, key=lambda c: score(c, m, None, None)) if cs else None
        for m, cs in zip(mentions, cands, strict=True)
    ]
    return cands, first, context(mentions, first, dateline_cc)


def rank(
    mentions: list[Mention],
    gaz: Gazetteer,
    dateline_cc: str | None = None,
    model: Model | None | object = _DEFAULT,
) -> list[Candidate | None]:
    if model is _DEFAULT:
        model = default_model()
    cands, first, ctx = first_pass(mentions, gaz, dateline_cc)
    index = {id(m): i for i, m in enumerate(mentions)}
    chosen: list[Candidate | None] = []
    scores: list[float] = []
    for i, (m, cs) in enumerate(zip(mentions, cands, strict=True)):
        if not cs:
            chosen.append(None)
            scores.append(0.0)
            continue
        pi = index.get(id(m.parent)) if m.parent is not None else None
        parent = first[pi] if pi is not None else None
        if isinstance(model, Model):
            short = shortlist_for(cs, m)
            pts = points_for(mentions, first, i)
            logits = [model.logit(x) for x in features(m, short, ctx, parent, dateline_cc, pts)]
            j = max(range(len(short)), key=lambda k: (logits[k], -short[k].pid))
            if model.prob(logits[j]) < model.abstain:
                chosen.append(None)
                scores.append(0.0)
                continue
            chosen.append(short[j])
            scores.append(logits[j])
        else:
            c = max(cs, key=lambda c: (score(c, m, ctx, parent), -c.pid))
            chosen.append(c)
            scores.append(score(c, m, ctx, None))
    # One sense per discourse: the same name keeps the reading chosen for its best-scored use.
    best_for: dict[str, tuple[float, Candidate]] = {}
    for m, c, sc in zip(mentions, chosen, scores, strict=True):
        if c is None or m.cue:
            continue
        k = names.key(m.text)
        if k not in best_for or sc > best_for[k][0]:
            best_for[k] = (sc, c)
    return [
        best_for[names.key(m.text)][1]
        if c is not None and not m.cue and names.key(m.text) in best_for and m.parent is None
        else c
        for m, c in zip(mentions, chosen, strict=True)
    ]


def context(
    mentions: list[Mention], first: list[Candidate | None], dateline_cc: str | None
) -> Context:
    ctx = Context(Counter(), Counter())
    for m, c in zip(mentions, first, strict=True):
        if c is not None and c.cc:
            ctx.countries[c.cc] += 1
            if c.admin1 and c.feature != "country":
                ctx.admin1[c.admin1] += 1 if m.label != "DATELINE" else 2
    if dateline_cc:
        ctx.countries[dateline_cc] += max(3, ctx.top)
    return ctx


def points_for(
    mentions: list[Mention], first: list[Candidate | None], i: int, limit: int = 20
) -> list[tuple[float, float]]:
    """First-pass points of the article's other names (not countries, not this name)."""
    own = names.key(mentions[i].text)
    out: dict[tuple[float, float], None] = {}
    for m, c in zip(mentions, first, strict=True):
        if c is None or c.lat is None or c.feature in ("country", "admin1"):
            continue
        if names.key(m.text) == own:
            continue
        out[(round(c.lat, 2), round(c.lon, 2))] = None
        if len(out) >= limit:
            break
    return list(out)
