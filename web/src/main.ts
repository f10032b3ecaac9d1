/** The Marsad web app: map, timeline, event panel, article reader, control view and paste box. */
import "./style.css";
performance.mark("marsad:start");
import { api, type Filters } from "./api.js";
import { h } from "./dom.js";
import { applyLabels, currentLang, t, toggleLang, TYPE_LABELS, typeLabel } from "./i18n.js";
import { EventMap } from "./map.js";
import { renderEvent, renderHits, renderList } from "./panel.js";
import { renderArticle } from "./reader.js";
import { Timeline } from "./timeline.js";

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const panel = $("panel"), list = $("list"), status = $("status");
const filters: Filters = {};
let range: [string, string] | null = null;

function showPanel(on: boolean): void {
  panel.hidden = !on;
  list.hidden = on;
  if (!on) panel.classList.remove("reader");
}

async function selectEvent(id: number): Promise<void> {
  const ev = await api.event(id);
  renderEvent(panel, ev, openArticle, () => showPanel(false));
  showPanel(true);
  map.focus(ev.lat as number | null, ev.lon as number | null);
}

async function openArticle(id: number): Promise<void> {
  const a = await api.article(id);
  renderArticle(panel, a.analysis, a, () => showPanel(false));
  showPanel(true);
}

const map = new EventMap($("map"), null, (id) => void selectEvent(id));
performance.mark("marsad:map");
const timeline = new Timeline($("timeline"), (r) => {
  range = r;
  void refresh(false);
});

async function refresh(withCounts = true): Promise<void> {
  status.textContent = t("loading");
  const f: Filters = { ...filters, since: range?.[0], until: range?.[1] };
  try {
    const [points, events, counts] = await Promise.all([api.points(f), api.events(f), withCounts ? api.counts(filters) : Promise.resolve(null)]);
    performance.mark("marsad:data");
    map.show(points.rows.map(([id, type, lat, lon]) => ({ id, type, lat, lon, place: null, country: null, actor: null, date: null, reports: 0, corroboration: 0, fatalities: null })));
    performance.mark("marsad:markers");
    // let the markers reach the screen before the list and the timeline are built
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    renderList(list, events.items, events.total, (id) => void selectEvent(id));
    if (counts) timeline.set(counts.days);
    status.textContent = range ? `${range[0]} — ${range[1]}` : "";
    document.body.dataset.events = String(events.total);
    if (($("show-control") as HTMLInputElement).checked) await showControl();
  } catch (e) {
    status.textContent = (e as Error).message;
  }
}

async function showControl(): Promise<void> {
  const at = range?.[1];
  const { places } = await api.control(at);
  const last = (p: (typeof places)[number]) => p.changes[p.changes.length - 1];
  map.showControl(at ? places : places.map((p) => ({ ...p, holderAt: last(p)?.holder ?? null, holderAt_en: last(p)?.holder_en ?? null })), (holder) => (holder ? `${t("heldBy")} ${holder}` : t("unknown")));
}

function buildTypeFilters(): void {
  const box = $("f-types");
  box.replaceChildren();
  for (const type of Object.keys(TYPE_LABELS)) {
    const input = h("input", { type: "checkbox", value: type });
    input.addEventListener("change", () => {
      filters.type = [...box.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.value);
      void refresh();
    });
    const dot = h("i", { class: "dot" });
    dot.style.background = TYPE_LABELS[type].color;
    box.append(h("label", { class: "type" }, input, dot, typeLabel(type)));
  }
}

function debounce(fn: () => void, ms = 350): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

$("f-actor").addEventListener("input", debounce(() => {
  filters.actor = ($("f-actor") as HTMLInputElement).value.trim() || undefined;
  void refresh();
}));
$("f-place").addEventListener("input", debounce(() => {
  filters.place = ($("f-place") as HTMLInputElement).value.trim() || undefined;
  void refresh();
}));
$("f-search").addEventListener("input", debounce(async () => {
  const q = ($("f-search") as HTMLInputElement).value.trim();
  if (!q) return showPanel(false);
  renderHits(panel, (await api.search(q)).items, (id) => void openArticle(id));
  showPanel(true);
}));
$("filters").addEventListener("submit", (e) => e.preventDefault());
$("show-control").addEventListener("change", () => {
  if (($("show-control") as HTMLInputElement).checked) void showControl();
  else map.clearControl();
});
$("lang").addEventListener("click", () => {
  toggleLang();
  $("lang").textContent = currentLang() === "ar" ? "English" : "العربية";
  applyLabels();
  buildTypeFilters();
  void refresh();
});

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
    renderArticle(panel, doc, { title: doc.meta.title }, () => showPanel(false));
    panel.prepend(h("h2", {}, t("analysis")));
    showPanel(true);
    map.show(doc.events.flatMap((v, k) => {
      const p = doc.places.find((x) => x.name === v.place?.name);
      return p && p.lat !== null ? [{ id: -(k + 1), type: v.type, place: p.name, place_en: p.name_en, lat: p.lat, lon: p.lon, country: null, actor: v.actor?.name ?? null, actor_en: v.actor?.name_en, date: v.date, reports: 1, corroboration: 1, fatalities: null }] : [];
    }));
  } catch (err) {
    status.textContent = (err as Error).message;
  }
});

applyLabels();
$("lang").textContent = currentLang() === "ar" ? "English" : "العربية";
buildTypeFilters();
void api.config().then((c) => {
  if (c.tiles) map.setTiles(c.tiles);
});
void refresh().then(() => {
  performance.mark("marsad:first-paint");
  void map.addOutlines();
});
