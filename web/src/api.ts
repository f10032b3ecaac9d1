/** Calls to the Marsad API (docs/server.md). The filters of the app's state become the API's parameters here only. */
import type { Filters } from "./state.js";

export type { Filters };

export interface EventItem {
  id: number;
  type: string;
  place: string | null;
  /** English names (listed, glossed or romanised: docs/english.md). */
  place_en?: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  admin1?: string | null;
  place_id?: string | null;
  actor: string | null;
  actor_id?: string | null;
  actor_en?: string | null;
  date: string | null;
  date_last?: string | null;
  reports: number;
  corroboration: number;
  fatalities: number | null;
}

/** The API's names for the app's filters. */
export function params(f: Filters, extra: Record<string, string | number | undefined> = {}): URLSearchParams {
  const p = new URLSearchParams();
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  if (f.type?.length) p.set("type", f.type.join(","));
  if (f.country) p.set("country", f.country);
  if (f.admin1) p.set("admin1", f.admin1);
  if (f.actor) p.set("actor", f.actor);
  if (f.place) p.set("place", f.place);
  if (f.minFatalities) p.set("min_fatalities", String(f.minFatalities));
  if (f.source) p.set("outlet", f.source);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) p.set(k, String(v));
  return p;
}

export const query = (f: Filters, extra: Record<string, string | number | undefined> = {}): string => params(f, extra).toString();

const undated = (f: Filters): Filters => ({ ...f, from: undefined, to: undefined });

async function get<T>(path: string): Promise<T> {
  const res = await fetch(path);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
  return body as T;
}

type Day = { date: string; n: number };

export interface Page<T> {
  total: number;
  items: T[];
}

/** The period the data covers: robust_min/max leave the outliers out. */
export interface Extent {
  events: number;
  min: string | null;
  max: string | null;
  robust_min: string | null;
  robust_max: string | null;
  days: Day[];
}

export interface Suggestion {
  id: string;
  name: string;
  name_en?: string | null;
  listed?: boolean;
  events: number;
}

export interface Country {
  country: string;
  name: string | null;
  name_en?: string | null;
  events: number;
}

export interface Report {
  event: number;
  article: { id: number; title: string | null; url: string | null; outlet?: string | null; source?: string | null; published: string | null };
  outlet?: string | null;
  modality: string;
  date: string | null;
  actor: string | null;
  place: string | null;
  actor_en?: string | null;
  place_en?: string | null;
  fatalities: number | null;
  count: number | null;
  sentence: string;
  sources?: Source[];
  highlights: { trigger: [number, number] | null; actor: [number, number] | null; place: [number, number] | null };
}

/** Who a report rests on: a claim or a quote (with its words and speaker), else the outlet itself. */
export interface Source {
  kind: string;
  name: string | null;
  name_en?: string | null;
  descriptor?: string | null;
  via?: string | null;
  /** The claim's or quote's words. */
  text?: string | null;
  stance?: string | null;
}

export type EventDetail = EventItem & { note_en?: string | null; outlets?: Array<{ outlet: string; reports: number }>; reports: Report[] };

/** A quote or claim, with where it was published. */
export interface Said {
  kind: string;
  article: number;
  title: string | null;
  url?: string | null;
  outlet?: string | null;
  published: string | null;
  text: string;
  who: string | null;
}

export interface SpeakerQuotes {
  speaker: string;
  speaker_en?: string | null;
  n: number;
  items: Said[];
}

export interface NamedCount {
  id?: string;
  name: string;
  name_en?: string | null;
  n: number;
}

export interface PlaceCount {
  id: string;
  name: string;
  name_en?: string | null;
  events: number;
}

export interface ActorPage {
  id: string;
  name: string;
  name_en?: string | null;
  events: number;
  by_day: Day[];
  types: Array<{ type: string; n: number }>;
  places: PlaceCount[];
  quoted_by: NamedCount[];
  quotes_whom: NamedCount[];
  quoted_about: NamedCount[];
  recent: EventItem[];
}

export interface ControlChange {
  holder: string | null;
  holder_en?: string | null;
  date: string | null;
  change?: string;
  actor?: string | null;
}

export interface PlacePage {
  id: string;
  name: string;
  name_en?: string | null;
  country?: string | null;
  admin1?: string | null;
  lat: number | null;
  lon: number | null;
  events: number;
  by_day: Day[];
  types: Array<{ type: string; n: number }>;
  actors: NamedCount[];
  control: Array<ControlChange & { reports?: number }>;
  recent: EventItem[];
}

export type SearchHit = Said;

export interface SearchGroup {
  key: string;
  name: string;
  name_en?: string | null;
  n: number;
  items: SearchHit[];
}

export interface Outlet {
  outlet: string;
  name?: string | null;
  name_en?: string | null;
  events: number;
}

let outlets: Promise<{ items: Outlet[] }> | undefined;

export const api = {
  config: () => get<{ tiles: string | null; ingest: boolean; types: string[] }>("/api/config"),
  events: (f: Filters, opts: { limit?: number; offset?: number; bbox?: string } = {}) => get<Page<EventItem>>(`/api/events?${query(f, { limit: opts.limit ?? 50, offset: opts.offset || undefined, bbox: opts.bbox })}`),
  /** Every event of the filters, as [id, type, lat, lon] rows: what the map draws. */
  points: (f: Filters) => get<{ total: number; rows: Array<[number, string, number, number]> }>(`/api/events?${query(f, { limit: 20000, fields: "map" })}`),
  event: (id: number) => get<EventDetail>(`/api/events/${id}`),
  counts: (f: Filters) => get<{ days: Day[] }>(`/api/counts?${query(undated(f))}`),
  extent: () => get<Extent>("/api/extent"),
  actors: (q: string) => get<{ items: Suggestion[] }>(`/api/actors?${new URLSearchParams({ q, limit: "12" })}`),
  countries: () => get<{ items: Country[] }>("/api/countries"),
  admin1: (country: string) => get<{ items: Array<{ admin1: string; events: number }> }>(`/api/admin1?${new URLSearchParams({ country })}`),
  /** The outlets with events (asked once: the filter's list and the outlets' names in the event panel). */
  outletList: () => (outlets ??= get<{ items: Outlet[] }>("/api/outlets").catch(() => ({ items: [] }))),
  actor: (id: string) => get<ActorPage>(`/api/actors/${encodeURIComponent(id)}`),
  place: (id: string) => get<PlacePage>(`/api/places/${encodeURIComponent(id)}`),
  quotes: (about: { place?: string; actor?: string }) => get<{ total: number; speakers: SpeakerQuotes[] }>(`/api/quotes?${new URLSearchParams(about as Record<string, string>)}`),
  control: (opts: { at?: string; country?: string } = {}) => get<{ places: ControlPlace[] }>(`/api/control?${new URLSearchParams(Object.entries(opts).filter(([, v]) => v) as Array<[string, string]>)}`),
  article: (id: number) => get<{ id: number; title: string | null; url: string | null; source: string | null; published: string | null; analysis: Doc }>(`/api/articles/${id}`),
  search: (q: string, group?: "speaker" | "place") => get<{ items: SearchHit[]; groups?: SearchGroup[] }>(`/api/search?${new URLSearchParams({ q, limit: "100", ...(group ? { group } : {}) })}`),
  analyze: async (text: string, published?: string): Promise<Doc> => {
    const res = await fetch("/api/analyze", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text, ...(published ? { published } : {}) }) });
    const body = await res.json();
    if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
    return body as Doc;
  },
};

/** The address of an export of the events of the filters (a download, not a fetch). */
export const exportUrl = (format: "csv" | "geojson" | "jsonl", f: Filters): string => `/api/export?${query(f, { format })}`;

export interface ControlPlace {
  place: string;
  placeRef?: string | null;
  place_en?: string | null;
  lat: number | null;
  lon: number | null;
  holderAt?: string | null;
  holderAt_en?: string | null;
  changes: ControlChange[];
}

/** What the analysis gives every named thing: its English name (docs/schema.md). */
interface Named {
  name: string;
  name_en?: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface Doc {
  meta: { title: string | null; published: string | null };
  text: string;
  paragraphs: Array<Span & { kind: string }>;
  entities: Array<Named & { id: string; type: string; mentions: Array<Span & { text: string }> }>;
  quotes: Array<Span & { id: string; text: string; speaker: { name: string; entity: string | null } }>;
  claims: Array<Span & { id: string; text: string; source: { name: string; entity: string | null }; stance: string }>;
  places: Array<Named & { lat: number | null; lon: number | null }>;
  events: Array<{ id: string; type: string; actor: Named | null; place: Named | null; date: string | null; mentions: Array<Span & { trigger: string }> }>;
}
