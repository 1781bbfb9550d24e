// marsad dashboard: map, timeline, table and evidence view over the REST API.
// Untrusted text (articles, titles, actor names) only ever reaches the page through
// textContent / text nodes: nothing from the API is parsed as HTML.
import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import "leaflet.markercluster/dist/MarkerCluster.Default.css";
import "uplot/dist/uPlot.min.css";
import "./style.css";

import L from "./leaflet-global.js";
import "leaflet.markercluster";
import { feature } from "topojson-client";
import uPlot from "uplot";
import atlasUrl from "world-atlas/countries-50m.json?url";

const FILTERS = [
  "country",
  "event_type",
  "actor",
  "q",
  "event_date_from",
  "event_date_to",
  "min_precision",
  "include_background",
];
const PAGE_SIZE = 25;
const MAP_LIMIT = 20000;
const COLOURS = {
  Battles: "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  Protests: "#27ae60",
  Riots: "#795548",
  "Strategic developments": "#2471a3",
};
const COLUMNS = [
  { key: "event_date", label: "Date", sort: "event_date" },
  { key: "event_type", label: "Type", sort: "event_type" },
  { key: "sub_event_type", label: "Sub-type" },
  { key: "actor1", label: "Actor 1" },
  { key: "actor2", label: "Actor 2" },
  { key: "location", label: "Location" },
  { key: "country", label: "Country", sort: "country" },
  { key: "fatalities", label: "Fatalities", sort: "fatalities" },
  { key: "geo_precision", label: "Prec.", sort: "geo_precision" },
];
const TABLE_FIELDS = ["event_id", "article_id", ...COLUMNS.map((c) => c.key)];

const colour = (type) => COLOURS[type] || "#616161";

// -- tiny DOM helper: text children become text nodes, never markup --------------------------
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === "className") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "on") for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
    else if (key === "style") Object.assign(node.style, value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function safeUrl(url) {
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

// -- state in the URL ---------------------------------------------------------------------------
function readState() {
  const params = new URLSearchParams(window.location.search);
  const state = { filters: {}, sort: params.get("sort") || "-event_date", page: 1, event: null };
  for (const key of FILTERS) if (params.get(key)) state.filters[key] = params.get(key);
  state.page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
  state.event = params.get("event");
  return state;
}

let state = readState();

function writeState(push = false) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(state.filters)) if (v) params.set(k, v);
  if (state.sort && state.sort !== "-event_date") params.set("sort", state.sort);
  if (state.page > 1) params.set("page", String(state.page));
  if (state.event) params.set("event", state.event);
  const url = `${window.location.pathname}${params.toString() ? "?" + params : ""}`;
  (push ? history.pushState : history.replaceState).call(history, null, "", url);
}

function filterParams({ dates = true } = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(state.filters)) {
    if (!v) continue;
    if (!dates && (k === "event_date_from" || k === "event_date_to")) continue;
    params.set(k, v);
  }
  return params;
}

async function api(path, params) {
  const url = params && params.toString() ? `${path}?${params}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok || body.ok === false) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

function showError(where, err) {
  const box = document.getElementById(where);
  if (box) box.replaceChildren(el("p", { className: "error" }, String(err.message || err)));
}

// -- filters form -------------------------------------------------------------------------------
const form = document.getElementById("filters");

function fillForm() {
  for (const key of FILTERS) {
    const input = form.elements[key];
    if (!input) continue;
    if (input.type === "checkbox") input.checked = state.filters[key] === "true";
    else input.value = state.filters[key] || "";
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const filters = {};
  for (const key of FILTERS) {
    const input = form.elements[key];
    if (!input) continue;
    const value = input.type === "checkbox" ? (input.checked ? "true" : "") : input.value.trim();
    if (value) filters[key] = value;
  }
  state.filters = filters;
  state.page = 1;
  refresh({ fit: true, push: true });
});
form.elements.event_type.addEventListener("change", () => form.requestSubmit());
form.elements.min_precision.addEventListener("change", () => form.requestSubmit());
form.elements.include_background.addEventListener("change", () => form.requestSubmit());
document.getElementById("reset").addEventListener("click", () => {
  state.filters = {};
  state.page = 1;
  fillForm();
  refresh({ fit: true, push: true });
});

async function loadMeta() {
  try {
    const meta = await api("/api/meta");
    const select = form.elements.event_type;
    const present = new Set(meta.event_types);
    const types = [...new Set([...Object.keys(COLOURS), ...present])];
    for (const type of types) select.append(el("option", { value: type }, type));
  } catch (err) {
    console.error(err);
  }
  fillForm();
}

// -- map ----------------------------------------------------------------------------------------
const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 14 }).setView([30, 35], 3);
map.attributionControl.setPrefix(false);
map.attributionControl.addAttribution("Outlines: Natural Earth via world-atlas");
map.createPane("basemap").style.zIndex = 200;

fetch(atlasUrl)
  .then((r) => r.json())
  .then((topology) => {
    L.geoJSON(feature(topology, topology.objects.countries), {
      pane: "basemap",
      interactive: false,
      style: { color: "#9aa5ad", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
    }).addTo(map);
  })
  .catch((err) => console.error("basemap", err));

const cluster = L.markerClusterGroup({
  chunkedLoading: true,
  showCoverageOnHover: false,
  maxClusterRadius: 40,
});
map.addLayer(cluster);

function markerFor(feat) {
  const p = feat.properties;
  const [lon, lat] = feat.geometry.coordinates;
  const fatalities = Number(p.fatalities) || 0;
  const precise = (p.geo_precision || 3) <= 1;
  const c = colour(p.event_type);
  const marker = L.circleMarker([lat, lon], {
    radius: Math.min(22, 5 + 2.2 * Math.sqrt(fatalities)),
    color: c,
    weight: precise ? 1 : 2,
    fillColor: c,
    fillOpacity: precise ? 0.75 : 0.12,
    dashArray: precise ? null : "3 3",
    className: `event-marker ${precise ? "precise" : "imprecise"}`,
  });
  marker.eventId = feat.id;
  const tip = el(
    "div",
    { className: "tip" },
    el("strong", {}, p.event_date || "undated"),
    " ",
    p.sub_event_type || p.event_type,
    el("br"),
    [p.actor1, p.actor2].filter(Boolean).join(" vs "),
    el("br"),
    `${p.location || ""}${fatalities ? ` · ${fatalities} killed` : ""}`,
  );
  marker.bindTooltip(tip, { direction: "top" });
  marker.on("click", () => openEvidence(feat.id, true));
  return marker;
}

async function loadMap(fit) {
  const params = filterParams();
  params.set("format", "geojson");
  params.set("limit", String(MAP_LIMIT));
  const note = document.getElementById("map-note");
  try {
    const response = await fetch(`/api/events?${params}`);
    const data = await response.json();
    if (!response.ok) throw new Error(data.error || `HTTP ${response.status}`);
    cluster.clearLayers();
    const markers = data.features.map(markerFor);
    cluster.addLayers(markers);
    document.getElementById("map").dataset.points = String(markers.length);
    note.textContent = `${markers.length} event${markers.length === 1 ? "" : "s"} on the map` +
      (markers.length >= MAP_LIMIT ? ` (first ${MAP_LIMIT})` : "") +
      " · filled = town-level, hollow = approximate place";
    if (fit && markers.length) {
      map.fitBounds(cluster.getBounds().pad(0.2), { maxZoom: 8 });
    }
  } catch (err) {
    note.textContent = `Map: ${err.message}`;
  }
}

// -- timeline -----------------------------------------------------------------------------------
let plot = null;
const DAY = 86400; // the timeline's x values are unix seconds at 00:00 UTC
const MIN_SPAN_DAYS = 7; // a day or two of data is shown inside a week, so the bars keep context
const LABEL_PX = 92; // room for one "2019-02-10" label

function isoDay(seconds) {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

// The x range: the data's days, each a whole day wide, padded to at least MIN_SPAN_DAYS.
function timelineRange(first, last) {
  let lo = first - DAY / 2;
  let hi = last + DAY / 2;
  const short = MIN_SPAN_DAYS * DAY - (hi - lo);
  if (short > 0) {
    lo -= Math.ceil(short / 2 / DAY) * DAY;
    hi += Math.floor(short / 2 / DAY) * DAY;
  }
  return [lo, hi];
}

// Ticks (UTC, aligned to calendar days, months or years) spaced at least LABEL_PX apart, and
// their labels: days as 2019-02-10, months as 2019-02, years as 2019.
const TICK_STEPS = [
  [1, "day"], [2, "day"], [7, "day"], [14, "day"],
  [1, "month"], [2, "month"], [3, "month"], [6, "month"],
  [1, "year"], [2, "year"], [5, "year"], [10, "year"], [20, "year"], [50, "year"],
];

function timeTicks(lo, hi, widthPx) {
  const fits = Math.max(1, Math.floor(widthPx / LABEL_PX));
  const spanDays = (hi - lo) / DAY;
  const approx = { day: 1, month: 30.44, year: 365.25 };
  let [n, unit] = TICK_STEPS[TICK_STEPS.length - 1];
  for (const [k, u] of TICK_STEPS) {
    if (spanDays / (k * approx[u]) <= fits) {
      [n, unit] = [k, u];
      break;
    }
  }
  const ticks = [];
  if (unit === "day") {
    const step = n * DAY;
    // weekly and fortnightly ticks fall on Mondays (1970-01-05 was one)
    const origin = n >= 7 ? 4 * DAY : 0;
    for (let t = Math.ceil((lo - origin) / step) * step + origin; t <= hi; t += step) ticks.push(t);
  } else {
    const months = unit === "year" ? 12 * n : n;
    const start = new Date(lo * 1000);
    let m = start.getUTCFullYear() * 12 + start.getUTCMonth();
    m = Math.ceil(m / months) * months;
    for (;; m += months) {
      const t = Date.UTC(Math.floor(m / 12), m % 12, 1) / 1000;
      if (t > hi) break;
      if (t >= lo) ticks.push(t);
    }
  }
  const cut = unit === "day" ? 10 : unit === "month" ? 7 : 4;
  return { ticks, label: (t) => isoDay(t).slice(0, cut) };
}

async function loadTimeline() {
  const box = document.getElementById("timeline");
  try {
    const params = filterParams({ dates: false });
    params.set("by", "day_type");
    const stats = await api("/api/stats", params);
    const rows = stats.by_day_type.filter((r) => r.event_date);
    if (plot) {
      plot.destroy();
      plot = null;
    }
    if (!rows.length) {
      box.replaceChildren(el("p", { className: "empty" }, "No dated events for these filters."));
      return;
    }
    box.replaceChildren();
    const toSec = (d) => Date.parse(`${d}T00:00:00Z`) / 1000;
    const first = toSec(rows[0].event_date);
    const last = toSec(rows[rows.length - 1].event_date);
    const [lo, hi] = timelineRange(first, last);
    const days = [];
    for (let t = first; t <= last; t += DAY) days.push(t);
    const index = new Map(days.map((t, i) => [isoDay(t), i]));
    const types = [...new Set(rows.map((r) => r.event_type))];
    const counts = types.map(() => new Array(days.length).fill(0));
    for (const r of rows) counts[types.indexOf(r.event_type)][index.get(r.event_date)] += r.events;
    // Stacked bars: series k is the cumulative sum of types[0..n-1-k], drawn tallest first.
    const n = types.length;
    const stacked = [];
    for (let k = 0; k < n; k++) {
      const upto = n - 1 - k;
      stacked.push(days.map((_, i) => counts.slice(0, upto + 1).reduce((s, c) => s + c[i], 0)));
    }
    const bars = uPlot.paths.bars({ size: [0.9, 24], align: 0 });
    const series = [{}];
    for (let k = 0; k < n; k++) {
      const type = types[n - 1 - k];
      const raw = counts[n - 1 - k];
      series.push({
        label: type,
        stroke: colour(type),
        fill: colour(type),
        width: 0,
        paths: bars,
        points: { show: false },
        value: (u, v, si, idx) => (idx == null ? "–" : raw[idx]),
      });
    }
    const width = box.clientWidth || 800;
    plot = new uPlot(
      {
        width,
        height: 170,
        scales: {
          // fixed, not fitted to the data: uPlot's own range for a single x value is years wide
          x: { time: true, auto: false, range: () => [lo, hi] },
          y: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] },
        },
        axes: [
          {
            space: LABEL_PX,
            splits: (u) => timeTicks(lo, hi, u.bbox.width / (window.devicePixelRatio || 1)).ticks,
            values: (u, splits) => {
              const { label } = timeTicks(lo, hi, u.bbox.width / (window.devicePixelRatio || 1));
              return splits.map(label);
            },
          },
          { size: 40, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] },
        ],
        series,
        legend: { live: true },
        cursor: { drag: { x: true, y: false, setScale: false } },
        hooks: {
          setSelect: [
            (u) => {
              if (u.select.width < 3) return;
              const from = u.posToVal(u.select.left, "x");
              const to = u.posToVal(u.select.left + u.select.width, "x");
              u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
              if (to < first || from > last + DAY - 1) return; // only the padding around the data
              state.filters.event_date_from = isoDay(Math.max(first, from));
              state.filters.event_date_to = isoDay(Math.min(last + DAY - 1, to));
              state.page = 1;
              fillForm();
              refresh({ fit: false, timeline: false, push: true });
            },
          ],
        },
      },
      [days, ...stacked],
      box,
    );
    box.dataset.days = String(days.length);
  } catch (err) {
    showError("timeline", err);
  }
}

// -- table --------------------------------------------------------------------------------------
const table = document.getElementById("events");

function renderHead() {
  const row = table.tHead.rows[0];
  row.replaceChildren(
    ...COLUMNS.map((col) => {
      if (!col.sort) return el("th", {}, col.label);
      const active = state.sort.replace(/^-/, "") === col.sort;
      const desc = state.sort.startsWith("-");
      const arrow = active ? (desc ? " ▼" : " ▲") : "";
      return el(
        "th",
        { className: "sortable", "aria-sort": active ? (desc ? "descending" : "ascending") : "none" },
        el(
          "button",
          {
            type: "button",
            on: {
              click: () => {
                state.sort = active && !desc ? `-${col.sort}` : col.sort;
                state.page = 1;
                refresh({ map: false, timeline: false, push: true });
              },
            },
          },
          col.label + arrow,
        ),
      );
    }),
  );
}

async function loadTable() {
  renderHead();
  const params = filterParams();
  params.set("limit", String(PAGE_SIZE));
  params.set("offset", String((state.page - 1) * PAGE_SIZE));
  params.set("sort", state.sort);
  params.set("fields", TABLE_FIELDS.join(","));
  const link = new URLSearchParams(params);
  link.delete("fields");
  document.getElementById("api-link").href = `/api/events?${link}`;
  const body = table.tBodies[0];
  try {
    const result = await api("/api/events", params);
    const rows = result.data.map((item) =>
      el(
        "tr",
        {
          tabindex: "0",
          dataset: { eventId: item.event_id },
          className: item.event_id === state.event ? "selected" : "",
          on: {
            click: () => openEvidence(item.event_id, true),
            keydown: (e) => e.key === "Enter" && openEvidence(item.event_id, true),
          },
        },
        COLUMNS.map((col) =>
          el(
            "td",
            col.key === "event_type" ? { style: { borderLeft: `4px solid ${colour(item.event_type)}` } } : {},
            item[col.key] ?? "",
          ),
        ),
      ),
    );
    body.replaceChildren(...rows);
    const exact = result.count_exact !== false;
    const pages = Math.max(1, Math.ceil(result.count / PAGE_SIZE));
    const shown = result.count.toLocaleString("en");
    document.getElementById("count").textContent = exact
      ? `${shown} event${result.count === 1 ? "" : "s"}`
      : `more than ${shown} events`;
    document.getElementById("page").textContent = exact
      ? ` page ${state.page} of ${pages} `
      : ` page ${state.page} `;
    document.getElementById("prev").disabled = state.page <= 1;
    document.getElementById("next").disabled = !result.next;
    table.dataset.rows = String(rows.length);
  } catch (err) {
    body.replaceChildren(el("tr", {}, el("td", { colspan: COLUMNS.length, className: "error" }, err.message)));
    document.getElementById("count").textContent = "";
    table.dataset.rows = "0";
  }
}

document.getElementById("prev").addEventListener("click", () => {
  state.page = Math.max(1, state.page - 1);
  refresh({ map: false, timeline: false, push: true });
});
document.getElementById("next").addEventListener("click", () => {
  state.page += 1;
  refresh({ map: false, timeline: false, push: true });
});

// -- evidence view ------------------------------------------------------------------------------
const panel = document.getElementById("evidence");
const panelBody = document.getElementById("evidence-body");

document.getElementById("close-evidence").addEventListener("click", () => {
  panel.hidden = true;
  state.event = null;
  writeState(true);
  for (const tr of table.tBodies[0].rows) tr.classList.remove("selected");
});

// The article text as text nodes, with <mark> around the event's spans (overlaps allowed).
function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = el("div", { className: "article-text" });
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (a === b) continue;
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (!covering.length) {
      out.append(document.createTextNode(piece));
      continue;
    }
    const fields = [...new Set(covering.map((s) => s.field))];
    const strongest = fields.includes("trigger") ? "trigger" : fields.includes("sentence") && fields.length === 1 ? "sentence" : "argument";
    out.append(el("mark", { className: `ev ev-${strongest}`, title: fields.join(", "), dataset: { fields: fields.join(" ") } }, piece));
  }
  return out;
}

function row(label, value) {
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return null;
  return el("div", { className: "kv" }, el("span", { className: "k" }, label), el("span", { className: "v" }, value));
}

async function openEvidence(eventId, push) {
  state.event = eventId;
  writeState(push);
  for (const tr of table.tBodies[0].rows) tr.classList.toggle("selected", tr.dataset.eventId === eventId);
  panel.hidden = false;
  panel.dataset.eventId = "";
  panelBody.replaceChildren(el("p", {}, "Loading…"));
  try {
    const { data: ev } = await api(`/api/events/${encodeURIComponent(eventId)}`);
    const { data: article } = await api(`/api/articles/${encodeURIComponent(ev.article_id)}`);
    const spans = ev.evidence.filter((s) => s.article_id === article.id);
    const href = safeUrl(article.url);
    const figures = ev.figures.map((f) => {
      const value = f.best ?? (f.low != null ? `≥ ${f.low}` : f.high != null ? `≤ ${f.high}` : f.vague);
      return `${f.kind}: ${value ?? "?"}${f.unit ? " " + f.unit : ""}${f.source ? ` (${f.source})` : ""}`;
    });
    const place = ev.place
      ? `${ev.place.name}${ev.place.admin1 ? ", " + ev.place.admin1 : ""}${ev.country ? ", " + ev.country : ""} (precision ${ev.place.precision})`
      : "";
    const parts = [
      el("h2", {}, `${ev.event_type} · ${ev.sub_event_type}`),
      el(
        "div",
        { className: "badges" },
        el("span", { className: `badge modality-${ev.modality}` }, ev.modality),
        ev.background ? el("span", { className: "badge background" }, "background") : null,
        el("span", { className: "badge" }, `confidence ${Number(ev.confidence).toFixed(2)}`),
      ),
      row("Date", ev.date_start === ev.date_end ? ev.date_start : `${ev.date_start} – ${ev.date_end}`),
      row("Actor 1", ev.actor1),
      row("Actor 2", ev.actor2),
      row("Associated", ev.assoc_actor_1),
      row("Place", place),
      row("Fatalities", ev.fatalities_reported ?? "not reported"),
      row("Figures", figures.join("; ")),
      row("Quoted", ev.sources.join("; ") || "no one named"),
      el("h3", {}, article.title || "(untitled article)"),
      el(
        "p",
        { className: "article-meta" },
        [article.outlet, article.published].filter(Boolean).join(" · "),
        href ? " · " : "",
        href ? el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, "original") : null,
      ),
      highlighted(article.text, spans),
      el(
        "p",
        { className: "api-links" },
        el("a", { href: `/api/events/${encodeURIComponent(ev.event_id)}` }, "event JSON"),
        " · ",
        el("a", { href: `/api/articles/${encodeURIComponent(article.id)}` }, "article JSON"),
      ),
    ];
    panelBody.replaceChildren(...parts.filter(Boolean));
    panel.dataset.eventId = ev.event_id;
    const first = panelBody.querySelector("mark.ev-trigger, mark.ev");
    if (first) first.scrollIntoView({ block: "center" });
  } catch (err) {
    panelBody.replaceChildren(el("p", { className: "error" }, `Could not load event: ${err.message}`));
  }
}

// -- orchestration ------------------------------------------------------------------------------
async function refresh({ map: withMap = true, timeline = true, fit = false, push = false } = {}) {
  writeState(push);
  const jobs = [loadTable()];
  if (withMap) jobs.push(loadMap(fit));
  if (timeline) jobs.push(loadTimeline());
  await Promise.all(jobs);
  document.body.dataset.loaded = String((Number(document.body.dataset.loaded) || 0) + 1);
}

window.addEventListener("popstate", () => {
  state = readState();
  fillForm();
  refresh({ fit: true });
  if (state.event) openEvidence(state.event, false);
  else panel.hidden = true;
});

// The panels change size when the evidence view opens or the window resizes.
let resizeTimer = null;
new ResizeObserver(() => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    map.invalidateSize();
    const box = document.getElementById("timeline");
    if (plot && box.clientWidth) plot.setSize({ width: box.clientWidth, height: 170 });
  }, 100);
}).observe(document.querySelector("main"));

await loadMeta();
await refresh({ fit: true });
if (state.event) openEvidence(state.event, false);
