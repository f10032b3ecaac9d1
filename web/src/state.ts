/**
 * The app's state and its address: every view and filter lives in the URL's query, so a reload, Back and
 * Forward and a copied link all open the same view. `read` and `write` are pure (string ⇄ state);
 * `History` pushes a new entry for what a reader would call a step (a filter, a view) and replaces the
 * entry for the map's position, so that Back does not replay every pan.
 */

/** What narrows the events: the same in the map, the timeline, the list and the exports. */
export interface Filters {
  from?: string;
  to?: string;
  country?: string;
  /** Governorate (admin1) id. */
  admin1?: string;
  actor?: string;
  place?: string;
  type?: string[];
  /** Events with at least this many people killed. */
  minFatalities?: number;
  /** Outlet code or name. */
  source?: string;
}

export type View =
  | { kind: "list" }
  | { kind: "event"; id: number }
  | { kind: "article"; id: number }
  | { kind: "actor"; id: string }
  | { kind: "place"; id: string }
  | { kind: "search"; q: string };

export interface MapView {
  lat: number;
  lon: number;
  zoom: number;
}

export interface AppState {
  filters: Filters;
  view: View;
  /** Page of the event list, from 0. */
  page: number;
  /** The list shows only the events inside the map's view. */
  follow: boolean;
  /** The control layer is on. */
  control: boolean;
  /** Third-party tiles under the map (off unless asked: the offline basemap is the default). */
  tiles: boolean;
  map?: MapView;
}

export const initialState = (): AppState => ({ filters: {}, view: { kind: "list" }, page: 0, follow: true, control: false, tiles: false });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_FILTERS = ["country", "admin1", "actor", "place", "source"] as const;

/** The state a query string stands for; anything malformed is left at its default. */
export function read(search: string): AppState {
  const p = new URLSearchParams(search);
  const s = initialState();
  const f = s.filters;
  for (const k of ["from", "to"] as const) {
    const v = p.get(k);
    if (v && DATE.test(v)) f[k] = v;
  }
  for (const k of TEXT_FILTERS) {
    const v = p.get(k)?.trim();
    if (v) f[k] = v.slice(0, 200);
  }
  const types = p.get("type")?.split(",").filter(Boolean);
  if (types?.length) f.type = types;
  const min = Number(p.get("min"));
  if (Number.isInteger(min) && min > 0) f.minFatalities = min;
  s.page = Math.max(0, Math.floor(Number(p.get("page")) || 0));
  s.follow = p.get("follow") !== "0";
  s.control = p.get("control") === "1";
  s.tiles = p.get("tiles") === "1";
  const at = p.get("at")?.split(",").map(Number);
  if (at?.length === 3 && at.every(Number.isFinite)) s.map = { lat: at[0], lon: at[1], zoom: at[2] };
  s.view = readView(p);
  return s;
}

function readView(p: URLSearchParams): View {
  const id = p.get("id") ?? "";
  const num = Number(id);
  switch (p.get("view")) {
    case "event":
      return Number.isInteger(num) && num > 0 ? { kind: "event", id: num } : { kind: "list" };
    case "article":
      return Number.isInteger(num) && num > 0 ? { kind: "article", id: num } : { kind: "list" };
    case "actor":
      return id ? { kind: "actor", id } : { kind: "list" };
    case "place":
      return id ? { kind: "place", id } : { kind: "list" };
    case "search":
      return p.get("q") ? { kind: "search", q: p.get("q")! } : { kind: "list" };
    default:
      return { kind: "list" };
  }
}

/** The query string of a state (without "?"); defaults are left out so that links stay short. */
export function write(s: AppState): string {
  const p = new URLSearchParams();
  const v = s.view;
  if (v.kind !== "list") p.set("view", v.kind);
  if (v.kind === "search") p.set("q", v.q);
  else if (v.kind !== "list") p.set("id", String(v.id));
  const f = s.filters;
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  for (const k of TEXT_FILTERS) if (f[k]) p.set(k, f[k]!);
  if (f.type?.length) p.set("type", f.type.join(","));
  if (f.minFatalities) p.set("min", String(f.minFatalities));
  if (s.page) p.set("page", String(s.page));
  if (!s.follow) p.set("follow", "0");
  if (s.control) p.set("control", "1");
  if (s.tiles) p.set("tiles", "1");
  if (s.map) p.set("at", `${s.map.lat.toFixed(4)},${s.map.lon.toFixed(4)},${s.map.zoom}`);
  return p.toString();
}

/** Binds the state to the browser's history: `commit` after a change, `onRestore` on Back/Forward. */
export class History {
  constructor(private readonly onRestore: (s: AppState) => void) {
    window.addEventListener("popstate", () => this.onRestore(read(location.search)));
  }

  /** Records a state: a new history entry (`push`) or an update of the present one (the map's position). */
  commit(s: AppState, mode: "push" | "replace" = "push"): void {
    const q = write(s);
    const url = q ? `?${q}` : location.pathname;
    if (`?${q}` === location.search || (!q && !location.search)) return;
    if (mode === "push") history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }
}
