/**
 * The Marsad web app: map, timeline, filters, event list, event panel, actor and place pages, search,
 * article reader, control view and paste box. Every view and filter is in the address (state.ts): a
 * change is committed to the history, then applied; Back, Forward and reload apply the address's state.
 */
import "./style.css";
performance.mark("marsad:start");
import { api, query, type EventItem } from "./api.js";
import { h } from "./dom.js";
import { FilterForm } from "./filters.js";
import { applyLabels, currentLang, nameIn, t, toggleLang } from "./i18n.js";
import { LabelLayer } from "./labels.js";
import { PAGE_SIZE, renderList } from "./list.js";
import { EventMap, typeStyles, type MapPoint } from "./map.js";
import type { Nav } from "./nav.js";
import { renderEvent } from "./event.js";
import { renderActor, renderPlace } from "./pages.js";
import { renderArticle } from "./reader.js";
import { renderSearch } from "./search.js";
import { History, read, type AppState, type Filters, type View } from "./state.js";
import { Timeline } from "./timeline.js";

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const panel = $("panel"), list = $("list"), status = $("status");
document.head.append(h("style", {}, typeStyles()));

let state: AppState = read(location.search);
/** A link to an event without a map position opens the map on the event. */
const openedWithMap = !!state.map;
/** What is on screen, so that applying a state redoes only what changed. */
const shown = { data: null as string | null, list: "", view: "", control: "", tiles: false, fitted: false };
let tileUrl: string | null = null;
/** The period the data covers (outliers left out), asked once. */
const extentP = api.extent().catch(() => null);

const address = new History((s) => void apply(s, "restore"));

/**
 * The views seen in this visit, newest last: the panel's "back" returns to the last one that differs,
 * keeping the present filters (the browser's Back steps through the history instead).
 */
const trail: View[] = [];

const nav: Nav = {
  state: () => state,
  go: (view) => change({ ...state, view }),
  back: () => {
    const here = JSON.stringify(state.view);
    while (trail.length && JSON.stringify(trail[trail.length - 1]) === here) trail.pop();
    change({ ...state, view: trail.pop() ?? { kind: "list" } });
  },
};

/** A change made in the page: a new history entry, then applied. */
function change(next: AppState, mode: "push" | "replace" = "push"): void {
  address.commit(next, mode);
  void apply(next, "change");
}

const setFilters = (filters: Filters): void => change({ ...state, filters, page: 0 });

const map = new EventMap($("map"), (id) => nav.go({ kind: "event", id }));
const labels = new LabelLayer(map.map);
performance.mark("marsad:map");
const timeline = new Timeline($("timeline"), (r) => setFilters({ ...state.filters, from: r?.[0], to: r?.[1] }));
const form = new FilterForm($("filters") as HTMLFormElement, setFilters);

map.onMove(() => {
  if (!shown.fitted) return;
  const next = { ...state, map: map.view() };
  if (state.follow) next.page = 0;
  address.commit(next, "replace");
  state = next;
  if (state.follow) void refreshList();
});

/** Applies a state: the form, the data of the filters, the list, the view, the layers. */
async function apply(s: AppState, how: "init" | "restore" | "change"): Promise<void> {
  state = s;
  if (JSON.stringify(trail[trail.length - 1]) !== JSON.stringify(s.view)) trail.push(s.view);
  form.set(s.filters);
  timeline.setRange(s.filters.from && s.filters.to ? [s.filters.from, s.filters.to] : null);
  if (s.map && how === "restore") map.setView(s.map);
  try {
    const dataKey = query(s.filters);
    if (dataKey !== shown.data) {
      shown.data = dataKey;
      await refreshData();
    }
    await refreshList();
    await showView(s.view, how);
    await showLayers();
  } catch (e) {
    status.textContent = (e as Error).message;
  }
}

/** The markers and the timeline of the filters (the timeline without their dates). */
async function refreshData(): Promise<void> {
  status.textContent = t("loading");
  const [points, counts, extent] = await Promise.all([api.points(state.filters), api.counts(state.filters), extentP]);
  performance.mark("marsad:data");
  const items: MapPoint[] = points.rows.map(([id, type, lat, lon]) => ({ id, type, lat, lon }));
  map.show(items);
  if (!shown.fitted) {
    if (state.map) map.setView(state.map);
    else map.fit(items);
    shown.fitted = true;
  }
  performance.mark("marsad:markers");
  // let the markers reach the screen before the list and the timeline are built
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  timeline.set(counts.days, extent?.robust_min && extent.robust_max ? [extent.robust_min, extent.robust_max] : null);
  status.textContent = "";
}

async function refreshList(force = false): Promise<void> {
  const bbox = state.follow ? map.bbox() : undefined;
  const key = `${query(state.filters)}|${state.page}|${bbox ?? ""}|${currentLang()}`;
  if (key === shown.list && !force) return;
  shown.list = key;
  const page = await api.events(state.filters, { limit: PAGE_SIZE, offset: state.page * PAGE_SIZE, bbox });
  if (key !== shown.list) return; // a newer list was asked for meanwhile
  renderList(list, page, nav, {
    page: state.page,
    follow: state.follow,
    onPage: (n) => {
      change({ ...state, page: n });
      list.querySelector<HTMLElement>("h2")?.focus();
    },
    onFollow: (on) => change({ ...state, follow: on, page: 0 }),
  });
  document.body.dataset.events = String(page.total);
}

function showPanel(on: boolean, focus = false): void {
  panel.hidden = !on;
  list.hidden = on;
  if (!on) panel.classList.remove("reader");
  if (on && focus) {
    panel.focus({ preventScroll: true });
    panel.scrollIntoView({ block: "start" });
  }
}

const viewKey = (v: View): string => `${JSON.stringify(v)}|${currentLang()}`;

async function showView(v: View, how: "init" | "restore" | "change"): Promise<void> {
  if (viewKey(v) === shown.view) return;
  shown.view = viewKey(v);
  const focus = how === "change";
  switch (v.kind) {
    case "list":
      showPanel(false);
      if (focus) $("side").focus({ preventScroll: true });
      return;
    case "event": {
      const [ev, outlets] = await Promise.all([api.event(v.id), api.outletList()]);
      const names = new Map(outlets.items.map((o) => [o.outlet, nameIn(o.name ?? o.outlet, o.name_en) ?? o.outlet]));
      renderEvent(panel, ev, nav, (code) => names.get(code) ?? code);
      if ((how === "init" && !openedWithMap) || (focus && !inView(ev))) map.focus(ev.lat, ev.lon);
      break;
    }
    case "article": {
      const a = await api.article(v.id);
      renderArticle(panel, a.analysis, a, () => nav.back());
      break;
    }
    case "actor": {
      const [a, q] = await Promise.all([api.actor(v.id), api.quotes({ actor: v.id }).catch(() => ({ speakers: [] }))]);
      renderActor(panel, a, q.speakers, nav, () => setFilters({ ...state.filters, actor: v.id }));
      break;
    }
    case "place": {
      const [p, q] = await Promise.all([api.place(v.id), api.quotes({ place: v.id }).catch(() => ({ speakers: [] }))]);
      renderPlace(panel, p, q.speakers, nav, () => setFilters({ ...state.filters, place: v.id }));
      break;
    }
    case "search": {
      const [bySpeaker, byPlace] = await Promise.all([api.search(v.q, "speaker"), api.search(v.q, "place")]);
      renderSearch(panel, v.q, bySpeaker.groups ?? [], byPlace.groups ?? [], bySpeaker.items, nav);
      ($("f-search") as HTMLInputElement).value = v.q;
      break;
    }
  }
  showPanel(true, focus);
}

const inView = (e: Pick<EventItem, "lat" | "lon">): boolean => e.lat === null || e.lon === null || map.map.getBounds().contains([e.lat, e.lon]);

async function showLayers(): Promise<void> {
  ($("show-control") as HTMLInputElement).checked = state.control;
  const key = state.control ? `${state.filters.to ?? ""}|${state.filters.country ?? ""}|${currentLang()}` : "";
  if (key !== shown.control) {
    shown.control = key;
    if (!state.control) map.clearControl();
    else {
      const { places } = await api.control({ at: state.filters.to, country: state.filters.country });
      const last = (p: (typeof places)[number]) => p.changes[p.changes.length - 1];
      map.showControl(state.filters.to ? places : places.map((p) => ({ ...p, holderAt: last(p)?.holder ?? null, holderAt_en: last(p)?.holder_en ?? null })), (holder) => (holder ? `${t("heldBy")} ${holder}` : t("unknown")));
    }
  }
  ($("show-tiles") as HTMLInputElement).checked = state.tiles;
  if (state.tiles !== shown.tiles && tileUrl) {
    shown.tiles = state.tiles;
    map.setTiles(state.tiles ? tileUrl : null);
  }
}

$("search-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const q = ($("f-search") as HTMLInputElement).value.trim();
  if (q) nav.go({ kind: "search", q });
});
$("show-control").addEventListener("change", () => change({ ...state, control: ($("show-control") as HTMLInputElement).checked }));
$("show-tiles").addEventListener("change", () => change({ ...state, tiles: ($("show-tiles") as HTMLInputElement).checked }));
$("toggle-filters").addEventListener("click", () => {
  const f = $("filters");
  f.hidden = !f.hidden;
  $("toggle-filters").setAttribute("aria-expanded", String(!f.hidden));
});
$("lang").addEventListener("click", () => {
  toggleLang();
  relabel();
  void apply(state, "restore");
});

function relabel(): void {
  $("lang").textContent = currentLang() === "ar" ? "English" : "العربية";
  $("lang").setAttribute("lang", currentLang() === "ar" ? "en" : "ar");
  applyLabels();
  form.build();
  form.set(state.filters);
  timeline.relabel();
  labels.draw();
  shown.view = "";
  shown.control = "";
}

const dialog = $("paste-dialog") as HTMLDialogElement;
$("paste").addEventListener("click", () => dialog.showModal());
$("paste-form").addEventListener("submit", async (e) => {
  if ((e as SubmitEvent).submitter?.getAttribute("value") !== "go") return;
  e.preventDefault();
  const text = ($("paste-text") as HTMLTextAreaElement).value;
  const date = ($("paste-date") as HTMLInputElement).value || undefined;
  try {
    const doc = await api.analyze(text, date);
    dialog.close();
    renderArticle(panel, doc, { title: doc.meta.title }, () => nav.back());
    panel.prepend(h("h2", {}, t("analysis")));
    shown.view = "";
    shown.data = null;
    showPanel(true, true);
    map.show(doc.events.flatMap((v, k) => {
      const p = doc.places.find((x) => x.name === v.place?.name);
      return p && p.lat !== null ? [{ id: -(k + 1), type: v.type, place: p.name, place_en: p.name_en, lat: p.lat, lon: p.lon, date: v.date }] : [];
    }));
  } catch (err) {
    status.textContent = (err as Error).message;
  }
});

// on a phone the filters start folded, so that the map and the list have the screen
if (matchMedia("(max-width: 800px)").matches) {
  $("filters").hidden = true;
  $("toggle-filters").setAttribute("aria-expanded", "false");
}
relabel();
void api.config().then((c) => {
  tileUrl = c.tiles;
  $("tiles-option").hidden = !c.tiles;
  if (state.tiles && tileUrl) void showLayers();
});
void apply(state, "init").then(() => {
  performance.mark("marsad:first-paint");
  void form.load();
  void map.addOutlines().then(() => labels.load());
});
