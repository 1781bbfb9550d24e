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
import re
from collections import Counter
from dataclasses import dataclass, field
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
from marsad.geo.recognise import GENERIC_INNER, Mention

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
    # Each distinct name's candidate countries and admin1 codes: the regions other names in the
    # article could be in ("Palestine" among "Anderson County", "Elkhart" and "Grapeland": all
    # three have a Texan reading, none a Palestinian one).
    regions: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)
    # Each distinct name's own votes in `countries` / `admin1`: a name repeated ten times must
    # not be its own context ("Dublin" x10 in a local paper is no evidence for Ireland).
    own: dict[str, tuple[Counter, Counter]] = field(default_factory=dict)
    # The same for names read below country level (towns, provinces): "Kentucky" and "Laurel
    # County" say more about where a bare town is than five mentions of "the U.S." do.
    sub: Counter = field(default_factory=Counter)
    own_sub: dict[str, Counter] = field(default_factory=dict)
    named: set = field(default_factory=set)  # countries the article names as such
    texts: dict[str, str] = field(default_factory=dict)  # name key -> the name as written
    read: dict[str, set] = field(default_factory=dict)  # name key -> the ids it was read as
    cands: dict[str, tuple] = field(default_factory=dict)  # name key -> its candidates
    home: tuple[str | None, float] = (None, 0.0)  # the article's home country by its writing
    _totals: tuple | None = field(default=None, repr=False)
    _others: dict = field(default_factory=dict, repr=False)

    @property
    def top(self) -> float:
        return max(self.countries.values(), default=0)

    def others(self, key: str) -> tuple[dict[str, float], dict[str, float]]:
        """Country and admin1 shares (0-1, of the leading one) of the article's OTHER names."""
        hit = self._others.get(key)
        if hit is None:
            own_cc, own_adm = Counter(), Counter()
            for k in self._same(key):
                own_cc.update(self.own[k][0])
                own_adm.update(self.own[k][1])
            hit = (_shares(self.countries, own_cc), _shares(self.admin1, own_adm))
            self._others[key] = hit
        return hit

    def _same(self, key: str) -> list[str]:
        """The name itself and the longer names written around it ("Dublin Film Society",
        "Dublin Rotary Club" for "Dublin"): their readings are this name's, not other evidence."""
        hit = self._others.get((key, "same"))
        if hit is not None:
            return hit
        text = self.texts.get(key)
        if text is None:
            hit = [k for k in (key,) if k in self.own]
        else:
            mine: set | None = None
            hit = []
            for k in self.own:
                if k != key:
                    if text not in self.texts.get(k, "") or not _contains(self.texts[k], text):
                        continue
                    if mine is None:
                        mine = {c.gid for c in self.cands.get(key, ())}
                    if not self.read.get(k, {None}) <= mine:
                        continue
                hit.append(k)
        self._others[(key, "same")] = hit
        return hit

    def others_sub(self, key: str) -> dict[str, float]:
        hit = self._others.get((key, "sub"))
        if hit is None:
            own: Counter = Counter()
            for k in self._same(key):
                own.update(self.own_sub.get(k, Counter()))
            hit = self._others[(key, "sub")] = _shares(self.sub, own)
        return hit

    def support(self, own: str, cc: str | None, admin1: str | None) -> tuple[float, ...]:
        """How many other names could lie in this candidate's admin1 / country: a count and a
        vote in which a name with n possible regions gives each 1/n."""
        if self._totals is None:
            self._totals = _region_totals(self.regions)
        n_adm, v_adm, n_cc, v_cc = self._totals
        own_ccs, own_adms = self.regions.get(own, (frozenset(), frozenset()))
        na = va = nc = vc = 0.0
        if admin1:
            na = n_adm.get(admin1, 0) - (admin1 in own_adms)
            va = v_adm.get(admin1, 0.0) - (1.0 / len(own_adms) if admin1 in own_adms else 0.0)
        if cc:
            nc = n_cc.get(cc, 0) - (cc in own_ccs)
            vc = v_cc.get(cc, 0.0) - (1.0 / len(own_ccs) if cc in own_ccs else 0.0)
        scale = math.log1p(10)
        return (
            min(math.log1p(na) / scale, 1.0),
            min(max(va, 0.0), 3.0) / 3.0,
            min(math.log1p(nc) / scale, 1.0),
            min(max(vc, 0.0), 3.0) / 3.0,
        )


def _region_totals(regions: dict[str, tuple[frozenset[str], frozenset[str]]]) -> tuple:
    n_adm: Counter = Counter()
    v_adm: dict[str, float] = {}
    n_cc: Counter = Counter()
    v_cc: dict[str, float] = {}
    for ccs, adms in regions.values():
        for a in adms:
            n_adm[a] += 1
            v_adm[a] = v_adm.get(a, 0.0) + 1.0 / len(adms)
        for c in ccs:
            n_cc[c] += 1
            v_cc[c] = v_cc.get(c, 0.0) + 1.0 / len(ccs)
    return n_adm, v_adm, n_cc, v_cc


def _contains(outer: str, inner: str) -> bool:
    """Whether `inner` is written as whole words inside the longer name `outer`."""
    return len(outer) > len(inner) and bool(names.whole_word_hits(outer, inner))


def _shares(total: Counter, own: Counter) -> dict[str, float]:
    rest = {k: v - own.get(k, 0) for k, v in total.items() if v - own.get(k, 0) > 0}
    top = max(rest.values(), default=0)
    return {k: v / top for k, v in rest.items()} if top else {}


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


def score(
    c: Candidate,
    m: Mention,
    ctx: Context | None,
    parent: Candidate | None,
    shares: tuple[dict[str, float], dict[str, float]] | None = None,
) -> float:
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
        cc_share, adm_share = shares or ctx.others(names.key(m.text))
        s += W_CONTEXT * cc_share.get(c.cc, 0.0)
        if c.admin1:
            s += W_ADMIN1_CONTEXT * adm_share.get(c.admin1, 0.0)
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
    "support_admin1",
    "vote_admin1",
    "support_country",
    "vote_country",
    "local_town",
    "local_country",
    "home_country",
    "home_place",
    "ctx_country_sub",
    "country_named",
)
ROUNDS = 2  # ranking passes: context-free first readings, then once against the model's own
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


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (mean Earth radius 6,371.0088 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _nearest_km(lat: float, lon: float, points: list[tuple[float, float]]) -> float:
    """Distance to the nearest point: equirectangular to find it (cheap), haversine for it."""
    k = math.cos(math.radians(lat))
    best = min(
        points,
        key=lambda p: (p[0] - lat) ** 2 + ((p[1] - lon) * k) ** 2,
    )
    return haversine_km(lat, lon, best[0], best[1])


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
    own = names.key(m.text)
    shares = ctx.others(own)
    hand = [score(c, m, ctx, parent, shares) for c in shortlist]
    best_hand = max(range(len(shortlist)), key=lambda i: hand[i])
    n_cands = math.log1p(len(shortlist)) / math.log1p(SHORTLIST)
    cc_share, adm_share = shares
    home_cc, home_w = ctx.home
    sub_share = ctx.others_sub(own)
    named = ctx.named
    rows = []
    for i, c in enumerate(shortlist):
        share = cc_share.get(c.cc, 0.0) if c.cc else 0.0
        adm = adm_share.get(c.admin1, 0.0) if c.admin1 else 0.0
        town = c.feature == "populated place"
        support = ctx.support(own, c.cc, c.admin1 if c.feature != "country" else None)
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
                *support,
                float(m.local and town),
                float(m.local and c.feature == "country"),
                home_w if c.cc == home_cc else 0.0,
                home_w if c.cc == home_cc and c.feature != "country" else 0.0,
                sub_share.get(c.cc, 0.0) if c.cc else 0.0,
                float(c.feature != "country" and c.cc in named),
            ]
        )
    return rows


def shortlist_for(cs: tuple[Candidate, ...], m: Mention) -> list[Candidate]:
    if len(cs) <= SHORTLIST:
        return list(cs)
    return sorted(cs, key=lambda c: (-score(c, m, None, None), c.pid))[:SHORTLIST]


def candidates_for(m: Mention, gaz: Gazetteer) -> tuple[Candidate, ...]:
    if m.demonym:
        # "Turkish" -> Turkey; "European", "African" -> the continent (a region row)
        return tuple(c for c in gaz.candidates(m.text) if c.feature in ("country", "region"))
    cands: tuple[Candidate, ...] = ()
    if m.cue_name:  # "Conoco gas field" is a curated name; "Homs province" strips to "Homs"
        cands = gaz.candidates(m.cue_name)
    if not cands:
        cands = gaz.candidates(m.text)
    cands = tuple(c for c in cands if c.match != MATCH_DEMONYM)
    if not cands or all(c.match in (MATCH_LOOSE, MATCH_FUZZY) for c in cands):
        # "Birmingham City", "Los Angeles City": a name the gazetteer has, inside a longer one,
        # beats a spelling-distance match of the whole ("Brigham City", "Angeles City").
        inner = inner_name(m.text, gaz)
        if inner:
            found = tuple(c for c in gaz.candidates(inner) if c.match != MATCH_DEMONYM)
            if not cands or any(c.match in (MATCH_NAME, MATCH_ALT) for c in found):
                cands = found
    return cands


# A longer name the gazetteer lacks often holds one it has: "Henderson County Jail", "Metro
# Nashville", "Far North Queensland", "County of Brant". Not for streets and water or land
# features, whose inner name is usually some other place's ("Royal Street", "Lake Vermont",
# "Jabal al-Akrad", the Kurds' Mountain, is no town called Jebel).
_NO_INNER = frozenset(
    [
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "boulevard",
        "blvd",
        "lane",
        "drive",
        "way",
        "square",
        "parade",
        "terrace",
        "crescent",
        "highway",
        "lake",
        "river",
        "creek",
        "canal",
        "park",
        "mount",
        "mt",
        "mountain",
        "mountains",
        "island",
        "islands",
        "bay",
        "beach",
        "valley",
        "peninsula",
        "sea",
        # the same words in Arabic place names: mountain, valley, river, sea, hill, island
        "jabal",
        "jebel",
        "djebel",
        "wadi",
        "oued",
        "nahr",
        "bahr",
        "tell",
        "jazira",
        "jazirat",
    ]
)
_QUALIFIERS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "far",
        "upper",
        "lower",
        "greater",
        "metro",
        "metropolitan",
        "downtown",
        "historic",
        "the",
        "of",
    ]
)


def inner_name(text: str, gaz: Gazetteer) -> str | None:
    words = text.replace("-", " ").split()  # "Asia-Pacific", "Kent-based"
    if len(words) < 2 or {w.lower().strip(".,") for w in words} & _NO_INNER:
        return None
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            part = words[i : i + n]
            if part[0].lower() in _QUALIFIERS or not part[0][:1].isupper():
                continue
            name = " ".join(part).strip(".,'’")
            if n == 1 and name.lower() in GENERIC_INNER:
                continue
            if len(name) >= 3 and gaz.key_candidates(name):
                return name
    return None


_DEFAULT = object()


def first_pass(
    mentions: list[Mention], gaz: Gazetteer, dateline_cc: str | None, text: str = ""
) -> tuple[list[tuple[Candidate, ...]], list[Candidate | None], Context]:
    """Every mention's candidates, its best context-free reading, and the article context read
    off those readings (the second pass ranks against that context)."""
    cands = [candidates_for(m, gaz) for m in mentions]
    first = [
        max(cs, key=lambda c: score(c, m, None, None)) if cs else None
        for m, cs in zip(mentions, cands, strict=True)
    ]
    ctx = context(mentions, first, dateline_cc)
    ctx.home = home_country(text)
    for m, cs in zip(mentions, cands, strict=True):
        if cs:
            key = names.key(m.text)
            ccs = frozenset(c.cc for c in cs if c.cc)
            adms = frozenset(c.admin1 for c in cs if c.admin1 and c.feature != "country")
            ctx.cands.setdefault(key, cs)
            prev = ctx.regions.get(key)
            ctx.regions[key] = (ccs | prev[0], adms | prev[1]) if prev else (ccs, adms)
    return cands, first, ctx


def _vouched(c: Candidate, m: Mention, ctx: Context) -> bool:
    """A reading the rest of the article vouches for is kept even when the model doubts it: a
    town of the first-level unit that the article's other names lead with (a village spelled
    unlike the gazetteer in a story whose dateline and places are all in its province)."""
    if c.feature in ("country", "region") or not c.admin1:
        return False
    _, adm_share = ctx.others(names.key(m.text))
    return adm_share.get(c.admin1, 0.0) >= 1.0


def _choose(
    mentions: list[Mention],
    cands: list[tuple[Candidate, ...]],
    first: list[Candidate | None],
    ctx: Context,
    dateline_cc: str | None,
    model: Model | None | object,
) -> tuple[list[Candidate | None], list[float]]:
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
            if model.prob(logits[j]) < model.abstain and not _vouched(short[j], m, ctx):
                chosen.append(None)
                scores.append(0.0)
                continue
            chosen.append(short[j])
            scores.append(logits[j])
        else:
            c = max(cs, key=lambda c: (score(c, m, ctx, parent), -c.pid))
            chosen.append(c)
            scores.append(score(c, m, ctx, None))
    return chosen, scores


def rank(
    mentions: list[Mention],
    gaz: Gazetteer,
    dateline_cc: str | None = None,
    model: Model | None | object = _DEFAULT,
    text: str = "",
) -> list[Candidate | None]:
    if model is _DEFAULT:
        model = default_model()
    cands, first, ctx = first_pass(mentions, gaz, dateline_cc, text)
    chosen, scores = _choose(mentions, cands, first, ctx, dateline_cc, model)
    for _ in range(ROUNDS - 1 if isinstance(model, Model) else 0):
        # Later rounds: the article context and neighbour points read off the model's own
        # choices, which are better than the context-free first readings.
        again = [c if c is not None else f for c, f in zip(chosen, first, strict=True)]
        if all(a is f for a, f in zip(again, first, strict=True)):
            break  # same readings, same context: the round would choose the same
        ctx2 = context(mentions, again, dateline_cc)
        ctx2.regions, ctx2._totals, ctx2.home = ctx.regions, ctx._totals, ctx.home
        ctx2.cands = ctx.cands
        chosen, scores = _choose(mentions, cands, again, ctx2, dateline_cc, model)
    _anchor(mentions, cands, chosen)
    # One sense per discourse: the same name keeps the reading chosen for its best-scored use.
    best_for: dict[str, tuple[float, Candidate]] = {}
    for m, c, sc in zip(mentions, chosen, scores, strict=True):
        if c is None or m.cue:
            continue
        k = names.key(m.text)
        if k not in best_for or sc > best_for[k][0]:
            best_for[k] = (sc, c)
    final = [
        best_for[names.key(m.text)][1]
        if c is not None and not m.cue and names.key(m.text) in best_for and m.parent is None
        else c
        for m, c in zip(mentions, chosen, strict=True)
    ]
    return _inside_parents(mentions, cands, final)


def _inside_parents(
    mentions: list[Mention], cands: list[tuple[Candidate, ...]], chosen: list[Candidate | None]
) -> list[Candidate | None]:
    """A name with no reading in the country the text puts it in ("the Al-Marj district near
    Damascus": the gazetteer has a Libyan town, no Syrian one) is no place: its parent still says
    where, and a wrong country is worse than a coarser place."""
    index = {id(m): i for i, m in enumerate(mentions)}
    kept = list(chosen)
    for i, (m, c) in enumerate(zip(mentions, chosen, strict=True)):
        pi = index.get(id(m.parent)) if m.parent is not None else None
        parent = chosen[pi] if pi is not None else None
        if c is None or parent is None or not parent.cc or not m.inside:
            continue
        if not c.cc or c.feature in ("country", "admin1") or m.demonym or m.parent.demonym:
            continue  # "the Embassy of Ukraine in Nigeria", "Mexicans in the United States"
        if all(x.cc != parent.cc for x in cands[i]):
            kept[i] = None
    return kept


def _anchor(
    mentions: list[Mention], cands: list[tuple[Candidate, ...]], chosen: list[Candidate | None]
) -> None:
    """A town read outside every state or province the article names, in a country nothing else
    in the article is in, is the town of that name inside one of them when there is one
    ("Dublin" in an article that names Ohio and nothing Irish)."""
    anchors = {c.admin1 for c in chosen if c is not None and c.feature == "admin1"}
    if not anchors:
        return
    names_in: dict[str, set[str]] = {}  # country -> the distinct names read inside it
    for m, c in zip(mentions, chosen, strict=True):
        if c is not None and c.cc:
            names_in.setdefault(c.cc, set()).add(m.text)
    for i, (m, c) in enumerate(zip(mentions, chosen, strict=True)):
        if c is None or c.feature not in ("populated place", "admin2") or c.admin1 in anchors:
            continue
        own = names.key(m.text)
        if any(names.key(t) != own and not _contains(t, m.text) for t in names_in.get(c.cc, ())):
            continue  # the article places something else in that country too
        inside = [
            x
            for x in cands[i]
            if x.feature in ("populated place", "admin2") and x.admin1 in anchors
        ]
        if inside and m.parent is None:
            chosen[i] = max(inside, key=lambda x: (x.population, -x.pid))


# The article's home country read off how it is written, not what it names: a local paper's
# "Paris police" or "Dublin City Council" is its own town. American press style (AP): "10 p.m.",
# "85 S. Main St.", "neighbor", "Franklin County", "sheriff"; British: "3.20pm", "£5", "neighbour",
# "Yorkshire", "councillor". A weak prior the learned ranker weighs against the named context.
_HOME_WORDS = {
    "US": frozenset(
        ["color", "colors", "center", "centers", "neighbor", "neighbors", "neighborhood",
         "neighborhoods", "program", "programs", "defense", "favorite", "honor", "honors", "labor",
         "theater", "Sheriff", "sheriff", "Township", "township", "percent", "toward"]
    ),
    "GB": frozenset(
        ["colour", "colours", "centre", "centres", "neighbour", "neighbours", "neighbourhood",
         "neighbourhoods", "programme", "programmes", "defence", "favourite", "honour", "honours",
         "labour", "theatre", "Councillor", "councillor", "Councillors", "councillors", "Borough",
         "borough", "towards", "whilst"]
    ),
}  # fmt: skip
_WORDS = re.compile(r"\w+")
_SHIRE = re.compile(r"[A-Z][a-z]+shire")  # Yorkshire, Lancashire (GB)
# Regexes start on a digit, capital or literal (no leading \b, which defeats the regex engine's
# first-character scan); the word boundary before a match is checked by hand.
_HOME_MARKERS = {
    "US": [
        re.compile(r"\d{1,2}(?::\d\d)? [ap]\.m\."),
        re.compile(
            r"\d{1,5} (?:[NSEW]\. )?[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:St|Ave|Blvd|Rd|Dr|Ln|Hwy)\."
        ),
        re.compile(r"[A-Z][a-z]+ County\b"),
        re.compile(r"\(\d{3}\) ?\d{3}-\d{4}|\d{3}-\d{3}-\d{4}\b"),
        re.compile(r"(?:Mr|Mrs|Ms|Dr)\. [A-Z]"),
    ],
    "GB": [
        re.compile(r"\d{1,2}(?:[.:]\d\d)?\s?[ap]m\b"),
        re.compile(r"£\d"),
        re.compile(r"per cent\b"),
        re.compile(r"(?:Mr|Mrs|Ms|Dr) [A-Z]"),
    ],
}
_WORD_CHAR = re.compile(r"\w")


def _marker_count(text: str, rx: re.Pattern) -> int:
    n = 0
    for hit in rx.finditer(text):
        at = hit.start()
        # \b before a word character: the one before it is not one ("£", "(" need none)
        if at == 0 or not _WORD_CHAR.match(text, at) or not _WORD_CHAR.match(text, at - 1):
            n += 1
    return n


def home_country(text: str) -> tuple[str | None, float]:
    """ "US" or "GB" and a strength 0-1 (log of the marker lead), or (None, 0)."""
    if not text:
        return None, 0.0
    counts = {cc: sum(_marker_count(text, rx) for rx in rxs) for cc, rxs in _HOME_MARKERS.items()}
    us_words, gb_words = _HOME_WORDS["US"], _HOME_WORDS["GB"]
    for w in _WORDS.findall(text):  # one pass over the words for the spelling markers
        if w in us_words:
            counts["US"] += 1
        elif w in gb_words or (w.endswith("shire") and _SHIRE.fullmatch(w)):
            counts["GB"] += 1
    (a, na), (_, nb) = sorted(counts.items(), key=lambda kv: -kv[1])
    if na <= nb:
        return None, 0.0
    return a, min(math.log1p(na - nb) / math.log1p(8), 1.0)


def context(
    mentions: list[Mention], first: list[Candidate | None], dateline_cc: str | None
) -> Context:
    ctx = Context(Counter(), Counter())
    for m, c in zip(mentions, first, strict=True):
        if c is not None and c.cc:
            k = names.key(m.text)
            own_cc, own_adm = ctx.own.setdefault(k, (Counter(), Counter()))
            ctx.texts.setdefault(k, m.text)
            ctx.read.setdefault(k, set()).add(c.gid)
            ctx.countries[c.cc] += 1
            own_cc[c.cc] += 1
            if c.feature == "country":
                ctx.named.add(c.cc)
            if c.feature not in ("country", "region"):
                ctx.sub[c.cc] += 1
                ctx.own_sub.setdefault(k, Counter())[c.cc] += 1
            if c.admin1 and c.feature != "country":
                w = 1 if m.label != "DATELINE" else 2
                ctx.admin1[c.admin1] += w
                own_adm[c.admin1] += w
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
