// marsad dashboard. Plain JS, no build step, no network beyond this server.
// Every string from the store is untrusted: the DOM is built with
// createElement/textContent only, never innerHTML.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const FILTERS = ["date_from", "date_to", "event_type", "actor", "admin1", "min_confidence", "q"];
const TYPE_COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2e86c1",
  "Riots": "#16a085",
  "Strategic developments": "#7f8c8d",
};
const OTHER_COLOUR = "#34495e";
const PAGE = 1000;
const state = { map: null, events: [], article: null, eventId: null };

// ---------- small DOM helpers (text only) ----------
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  for (const child of children) {
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}
function svg(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}
function svgTitle(node, text) {
  const t = svg("title");
  t.textContent = text;
  node.appendChild(t);
  return node;
}
function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}
function colour(type) {
  return TYPE_COLOURS[type] || OTHER_COLOUR;
}
async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let message = response.statusText;
    try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
    throw new Error(`${response.status}: ${message}`);
  }
  return response.json();
}

// ---------- filters <-> URL ----------
function currentFilters() {
  const form = document.getElementById("filters");
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value && !(name === "min_confidence" && Number(value) === 0)) params.set(name, value);
  }
  return params;
}
function loadFiltersFromURL() {
  const url = new URLSearchParams(location.search);
  const form = document.getElementById("filters");
  for (const name of FILTERS) {
    if (url.has(name)) setField(form.elements[name], url.get(name));
  }
  state.eventId = url.get("event");
  return url.get("article");
}
function setField(field, value) {
  if (field.tagName === "SELECT" && ![...field.options].some((o) => o.value === value)) {
    field.appendChild(el("option", { value }, value));
  }
  field.value = value;
}
function syncURL() {
  const params = currentFilters();
  if (state.article) params.set("article", state.article.id);
  if (state.eventId) params.set("event", state.eventId);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

// ---------- option lists from the whole store ----------
function fillOptions(stats) {
  const form = document.getElementById("filters");
  const add = (select, values) => {
    const keep = select.value;
    for (const value of values) {
      if (value && ![...select.options].some((o) => o.value === value)) {
        select.appendChild(el("option", { value }, value));
      }
    }
    select.value = keep;
  };
  add(form.elements.event_type, Object.keys(stats.by_event_type || {}).sort());
  const govs = new Set(Object.keys(stats.by_admin1 || {}));
  for (const f of (state.map && state.map.features) || []) govs.add(f.properties.name_en);
  add(form.elements.admin1, [...govs].sort());
  const list = document.getElementById("actor-list");
  clear(list);
  for (const actor of Object.keys(stats.by_actor || {})) list.appendChild(el("option", { value: actor }));
}

// ---------- map ----------
function ringsOf(feature) {
  return feature.geometry.coordinates.flat();
}
function extentOf(points) {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  return [x0, y0, x1, y1];
}
// Fit Syria, widened to events nearby (within the region box); farther ones go to the inset.
const REGION = [32, 29, 45, 40];
function inBox([x, y], [x0, y0, x1, y1]) {
  return x >= x0 && x <= x1 && y >= y0 && y <= y1;
}
function projection(extent, width, height, pad) {
  const [x0, y0, x1, y1] = extent;
  const k = Math.cos(((y0 + y1) / 2) * Math.PI / 180);
  const scale = Math.min((width - 2 * pad) / ((x1 - x0) * k || 1), (height - 2 * pad) / ((y1 - y0) || 1));
  const offX = (width - (x1 - x0) * k * scale) / 2;
  const offY = (height - (y1 - y0) * scale) / 2;
  return ([x, y]) => [offX + (x - x0) * k * scale, offY + (y1 - y) * scale];
}
function pathData(rings, project) {
  return rings.map((ring) => "M" + ring.map((p) => project(p).map((v) => v.toFixed(1)).join(",")).join("L") + "Z").join("");
}
function eventPoint(e) {
  const lon = Number(e.longitude), lat = Number(e.latitude);
  return e.longitude == null || e.latitude == null || !isFinite(lon) || !isFinite(lat) ? null : [lon, lat];
}
function radius(e) {
  return Math.min(16, 3 + 1.6 * Math.sqrt(Math.max(0, Number(e.fatalities) || 0)));
}
function drawMap() {
  const root = document.getElementById("map");
  clear(root);
  const W = 600, H = 520;
  const govPoints = state.map ? state.map.features.flatMap(ringsOf).flat() : [[35.7, 32.3], [42.4, 37.3]];
  const located = state.events.map((e) => [e, eventPoint(e)]).filter(([, p]) => p);
  const near = located.filter(([, p]) => inBox(p, REGION));
  const far = located.filter(([, p]) => !inBox(p, REGION));
  const project = projection(extentOf(govPoints.concat(near.map(([, p]) => p))), W, H, 14);
  const selected = document.getElementById("filters").elements.admin1.value;
  for (const f of (state.map && state.map.features) || []) {
    const rings = ringsOf(f);
    const path = svg("path", { d: pathData(rings, project), class: "gov" + (f.properties.name_en === selected ? " selected" : "") });
    svgTitle(path, `${f.properties.name_en} — ${f.properties.name_ar}`);
    path.addEventListener("click", () => toggleGovernorate(f.properties.name_en));
    root.appendChild(path);
  }
  drawPoints(root, near, project);
  for (const f of (state.map && state.map.features) || []) {
    const [cx0, cy0, cx1, cy1] = extentOf(ringsOf(f).flat());
    const [lx, ly] = project([(cx0 + cx1) / 2, (cy0 + cy1) / 2]);
    const label = svg("text", { x: lx.toFixed(1), y: ly.toFixed(1), class: "gov-label" });
    label.textContent = f.properties.name_en;
    root.appendChild(label);
  }
  if (far.length) drawInset(root, far, W, H);
}
function drawPoints(root, located, project) {
  // Biggest first so small points stay clickable on top.
  const sorted = located.slice().sort((a, b) => radius(b[0]) - radius(a[0]));
  for (const [e, p] of sorted) {
    const [x, y] = project(p);
    const dot = svg("circle", {
      cx: x.toFixed(1), cy: y.toFixed(1), r: radius(e).toFixed(1), fill: colour(e.event_type),
      class: "event" + (e.event_id === state.eventId ? " selected" : ""), "data-event": e.event_id,
    });
    svgTitle(dot, `${e.event_date} · ${e.event_type} · ${e.location || e.admin1 || ""} · ${e.fatalities || 0} killed`);
    dot.addEventListener("click", () => openArticle(e.article_id, e.event_id));
    root.appendChild(dot);
  }
}
function drawInset(root, far, W, H) {
  const w = 150, h = 75, x0 = W - w - 6, y0 = H - h - 6;
  root.appendChild(svg("rect", { x: x0, y: y0, width: w, height: h, class: "inset" }));
  for (let lon = -120; lon <= 120; lon += 60) {
    const x = x0 + ((lon + 180) / 360) * w;
    root.appendChild(svg("line", { x1: x, y1: y0, x2: x, y2: y0 + h, class: "inset-line" }));
  }
  root.appendChild(svg("line", { x1: x0, y1: y0 + h / 2, x2: x0 + w, y2: y0 + h / 2, class: "inset-line" }));
  const label = svg("text", { x: x0 + 3, y: y0 + 10, class: "inset-label" });
  label.textContent = `elsewhere (${far.length})`;
  root.appendChild(label);
  const project = ([lon, lat]) => [x0 + ((lon + 180) / 360) * w, y0 + ((90 - lat) / 180) * h];
  drawPoints(root, far, project);
}
function drawLegend() {
  const legend = document.getElementById("legend");
  clear(legend);
  for (const [type, c] of Object.entries(TYPE_COLOURS)) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = c;
    legend.appendChild(el("li", {}, swatch, type));
  }
  legend.appendChild(el("li", {}, "size: fatalities"));
}
function toggleGovernorate(name) {
  const field = document.getElementById("filters").elements.admin1;
  setField(field, field.value === name ? "" : name);
  refresh();
}

// ---------- timeline ----------
function drawTimeline(byDay) {
  const root = document.getElementById("timeline");
  clear(root);
  const days = Object.keys(byDay || {}).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  if (!days.length) {
    const t = svg("text", { x: 300, y: 70, class: "axis", "text-anchor": "middle" });
    t.textContent = "no dated events";
    root.appendChild(t);
    return;
  }
  const DAY = 86400000;
  const first = Date.parse(days[0]), last = Date.parse(days[days.length - 1]);
  const span = Math.round((last - first) / DAY) + 1;
  const max = Math.max(...days.map((d) => byDay[d]));
  const W = 600, H = 140, left = 28, bottom = 18, top = 8;
  const step = (W - left - 4) / span;
  root.appendChild(svg("line", { x1: left, y1: H - bottom, x2: W - 4, y2: H - bottom, class: "baseline" }));
  for (const d of days) {
    const i = Math.round((Date.parse(d) - first) / DAY);
    const h = ((H - bottom - top) * byDay[d]) / max;
    const bar = svg("rect", {
      x: (left + i * step).toFixed(2), y: (H - bottom - h).toFixed(2),
      width: Math.max(1, step * 0.85).toFixed(2), height: h.toFixed(2), class: "bar", "data-day": d,
    });
    svgTitle(bar, `${d}: ${byDay[d]} event(s)`);
    bar.addEventListener("click", () => setDay(d));
    root.appendChild(bar);
  }
  const axis = (x, text, anchor) => {
    const t = svg("text", { x, y: H - 4, class: "axis", "text-anchor": anchor });
    t.textContent = text;
    root.appendChild(t);
  };
  axis(left, days[0], "start");
  axis(W - 4, days[days.length - 1], "end");
  const ymax = svg("text", { x: left - 4, y: top + 8, class: "axis", "text-anchor": "end" });
  ymax.textContent = String(max);
  root.appendChild(ymax);
}
function setDay(day) {
  const form = document.getElementById("filters");
  form.elements.date_from.value = day;
  form.elements.date_to.value = day;
  refresh();
}

// ---------- event table ----------
function drawTable(total) {
  const body = document.querySelector("#events tbody");
  clear(body);
  document.getElementById("table-count").textContent =
    total > state.events.length ? `(${state.events.length} of ${total})` : `(${total})`;
  if (!state.events.length) {
    body.appendChild(el("tr", {}, el("td", { colspan: 9, class: "empty" }, "No events match these filters.")));
  }
  for (const e of state.events) {
    const cells = [e.event_date, e.event_type, e.sub_event_type, e.actor1, e.actor2, e.location, e.admin1,
      String(e.fatalities ?? 0), Number(e.confidence ?? 0).toFixed(2)];
    const row = el("tr", { "data-event": e.event_id, "data-article": e.article_id },
      ...cells.map((c) => el("td", { dir: "auto" }, String(c ?? ""))));
    if (e.event_id === state.eventId) row.classList.add("selected");
    row.addEventListener("click", () => openArticle(e.article_id, e.event_id));
    body.appendChild(row);
  }
}

// ---------- article view ----------
// Cut the text at every span boundary; each piece is a text node or a <mark>.
function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= a && s.end >= b && s.end > s.start);
    const piece = text.slice(a, b);
    if (!covering.length) { frag.appendChild(document.createTextNode(piece)); continue; }
    const main = covering.some((s) => s.selected);
    const mark = el("mark", { class: main ? "evidence" : "other" }, piece);
    mark.title = [...new Set(covering.map((s) => s.label))].join(" · ");
    frag.appendChild(mark);
  }
  return frag;
}
function eventCard(e, selected) {
  const fields = [["date", e.event_date], ["type", e.event_type], ["sub-type", e.sub_event_type],
    ["actor 1", e.actor1], ["actor 2", e.actor2], ["location", e.location], ["governorate", e.admin1],
    ["country", e.country], ["fatalities", String(e.fatalities ?? 0)], ["confidence", Number(e.confidence ?? 0).toFixed(2)]];
  const dl = el("dl");
  for (const [k, v] of fields) {
    if (v === undefined || v === null || v === "") continue;
    dl.appendChild(el("dt", {}, k));
    dl.appendChild(el("dd", { dir: "auto" }, String(v)));
  }
  const card = el("div", { class: "ev" + (selected ? " selected" : ""), "data-event": e.event_id }, dl);
  card.addEventListener("click", () => { state.eventId = e.event_id; renderArticle(); syncURL(); });
  return card;
}
function renderArticle() {
  const a = state.article;
  const panel = document.getElementById("article-panel");
  if (!a) { panel.hidden = true; return; }
  panel.hidden = false;
  const events = a.events || [];
  if (!events.some((e) => e.event_id === state.eventId)) state.eventId = events.length ? events[0].event_id : null;
  document.getElementById("article-title").textContent = a.title || a.id;
  const meta = [a.source, a.published, a.url].filter(Boolean).join(" · ");
  document.getElementById("article-meta").textContent = meta;
  const spans = [];
  for (const e of events) {
    for (const s of e.evidence || []) {
      spans.push({ start: s.start, end: s.end, selected: e.event_id === state.eventId, label: `${e.event_type} (${e.event_date})` });
    }
  }
  const textBox = document.getElementById("article-text");
  clear(textBox);
  textBox.appendChild(highlighted(String(a.text || ""), spans));
  const side = document.getElementById("article-events");
  clear(side);
  side.appendChild(el("h3", {}, `${events.length} event(s)`));
  for (const e of events) side.appendChild(eventCard(e, e.event_id === state.eventId));
  panel.dataset.article = a.id;
  document.querySelectorAll("[data-event]").forEach((n) => {
    n.classList.toggle("selected", n.getAttribute("data-event") === state.eventId);
  });
  const first = textBox.querySelector("mark.evidence");
  if (first && first.scrollIntoView) first.scrollIntoView({ block: "nearest" });
}
async function openArticle(articleId, eventId) {
  if (!articleId) return;
  try {
    state.article = await getJSON(`/api/articles/${encodeURIComponent(articleId)}`);
    state.eventId = eventId || null;
  } catch (err) {
    state.article = null;
    document.getElementById("summary").textContent = `Article ${articleId}: ${err.message}`;
  }
  renderArticle();
  syncURL();
}

// ---------- refresh ----------
async function refresh() {
  const params = currentFilters();
  syncURL();
  document.getElementById("csv-link").href = `/api/events.csv?${params}`;
  const summary = document.getElementById("summary");
  try {
    const page = new URLSearchParams(params);
    page.set("limit", String(PAGE));
    const [events, stats] = await Promise.all([getJSON(`/api/events?${page}`), getJSON(`/api/stats?${params}`)]);
    state.events = events.events;
    summary.textContent = `${events.total} event(s) from ${stats.articles ?? "?"} article(s) in the store`;
    drawMap();
    drawTimeline(stats.by_day);
    drawTable(events.total);
  } catch (err) {
    summary.textContent = `Error: ${err.message}`;
  }
  document.body.dataset.ready = String(Number(document.body.dataset.ready || 0) + 1);
}

async function init() {
  drawLegend();
  const articleId = loadFiltersFromURL();
  const form = document.getElementById("filters");
  form.addEventListener("submit", (ev) => { ev.preventDefault(); refresh(); });
  form.addEventListener("reset", () => setTimeout(refresh, 0));
  document.getElementById("article-close").addEventListener("click", () => {
    state.article = null; state.eventId = null; renderArticle(); syncURL();
  });
  try {
    state.map = await getJSON("/static/syria_admin1.json");
    document.getElementById("map-attribution").textContent = state.map.attribution || "";
    fillOptions(await getJSON("/api/stats"));
  } catch (err) {
    document.getElementById("summary").textContent = `Error: ${err.message}`;
  }
  if (articleId) await openArticle(articleId, state.eventId);
  await refresh();
}

document.addEventListener("DOMContentLoaded", init);
