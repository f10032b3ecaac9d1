/** Calls to the Marsad API. */
export interface EventItem {
  id: number;
  type: string;
  place: string | null;
  /** English names (listed, glossed or romanised: docs/english.md). */
  place_en?: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  actor: string | null;
  actor_en?: string | null;
  date: string | null;
  reports: number;
  corroboration: number;
  fatalities: number | null;
}

export interface Filters {
  type?: string[];
  actor?: string;
  place?: string;
  since?: string;
  until?: string;
}

export function query(f: Filters, extra: Record<string, string | number> = {}): string {
  const p = new URLSearchParams();
  if (f.type?.length) p.set("type", f.type.join(","));
  if (f.actor) p.set("actor", f.actor);
  if (f.place) p.set("place", f.place);
  if (f.since) p.set("since", f.since);
  if (f.until) p.set("until", f.until);
  for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
  return p.toString();
}

async function get<T>(path: string): Promise<T> {
  const res = await fetch(path);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
  return body as T;
}

export const api = {
  config: () => get<{ tiles: string | null; ingest: boolean; types: string[] }>("/api/config"),
  events: (f: Filters, limit = 100) => get<{ total: number; items: EventItem[] }>(`/api/events?${query(f, { limit })}`),
  /** Every event of the filters, as [id, type, lat, lon] rows: what the map draws. */
  points: (f: Filters) => get<{ total: number; rows: Array<[number, string, number, number]> }>(`/api/events?${query(f, { limit: 20000, fields: "map" })}`),
  event: (id: number) => get<Record<string, unknown>>(`/api/events/${id}`),
  counts: (f: Filters) => get<{ days: Array<{ date: string; n: number }> }>(`/api/counts?${query({ ...f, since: undefined, until: undefined })}`),
  control: (at?: string) => get<{ places: ControlPlace[] }>(`/api/control${at ? `?at=${at}` : ""}`),
  article: (id: number) => get<{ id: number; title: string | null; url: string | null; source: string | null; published: string | null; analysis: Doc }>(`/api/articles/${id}`),
  search: (q: string) => get<{ items: Array<{ kind: string; article: number; title: string | null; text: string; who: string | null; published: string | null }> }>(`/api/search?${new URLSearchParams({ q })}`),
  analyze: async (text: string, published?: string): Promise<Doc> => {
    const res = await fetch("/api/analyze", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text, ...(published ? { published } : {}) }) });
    const body = await res.json();
    if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
    return body as Doc;
  },
};

export interface ControlPlace {
  place: string;
  place_en?: string | null;
  lat: number | null;
  lon: number | null;
  holderAt?: string | null;
  holderAt_en?: string | null;
  changes: Array<{ holder: string | null; holder_en?: string | null; date: string | null }>;
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
