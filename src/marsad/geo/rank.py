"""Candidate ranking: a scored ranker over name-match quality, population, feature type vs the
textual cue, the article's country context, explicit parents ("X, Y") and the dateline.

Two passes: each mention is first ranked alone; the countries of those first choices (plus the
dateline) form the article's context, then every mention is ranked again with it."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

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


def candidates_for(m: Mention, gaz: Gazetteer) -> tuple[Candidate, ...]:
    if m.demonym:
        return tuple(c for c in gaz.candidates(m.text) if c.feature == "country")
    cands: tuple[Candidate, ...] = ()
    if m.cue_name:  # "Omar oil field" is a curated name; "Homs province" strips to "Homs"
        cands = gaz.candidates(m.cue_name)
    if not cands:
        cands = gaz.candidates(m.text)
    return tuple(c for c in cands if c.match != MATCH_DEMONYM)


def rank(
    mentions: list[Mention], gaz: Gazetteer, dateline_cc: str | None = None
) -> list[Candidate | None]:
    cands = [candidates_for(m, gaz) for m in mentions]
    first = [
        max(cs, key=lambda c: score(c, m, None, None)) if cs else None
        for m, cs in zip(mentions, cands, strict=True)
    ]
    ctx = Context(Counter(), Counter())
    for m, c in zip(mentions, first, strict=True):
        if c is not None and c.cc:
            ctx.countries[c.cc] += 1
            if c.admin1 and c.feature != "country":
                ctx.admin1[c.admin1] += 1 if m.label != "DATELINE" else 2
    if dateline_cc:
        ctx.countries[dateline_cc] += max(3, ctx.top)
    index = {id(m): i for i, m in enumerate(mentions)}
    chosen: list[Candidate | None] = []
    for m, cs in zip(mentions, cands, strict=True):
        if not cs:
            chosen.append(None)
            continue
        pi = index.get(id(m.parent)) if m.parent is not None else None
        parent = first[pi] if pi is not None else None
        chosen.append(max(cs, key=lambda c: (score(c, m, ctx, parent), -c.pid)))
    # One sense per discourse: the same name keeps the reading chosen for its best-scored use.
    best_for: dict[str, tuple[float, Candidate]] = {}
    for m, c in zip(mentions, chosen, strict=True):
        if c is None or m.cue:
            continue
        k = names.key(m.text)
        sc = score(c, m, ctx, None)
        if k not in best_for or sc > best_for[k][0]:
            best_for[k] = (sc, c)
    return [
        best_for[names.key(m.text)][1]
        if c is not None and not m.cue and names.key(m.text) in best_for and m.parent is None
        else c
        for m, c in zip(mentions, chosen, strict=True)
    ]
