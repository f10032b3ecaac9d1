/**
 * The reads the HTTP API serves — the event (story) list, one story with its reports, counts per day,
 * places, articles — written once in SQL both backends accept (sql.ts). Ordering names where NULLs
 * go, since SQLite and PostgreSQL differ on it by default.
 */
import type { Sql, SqlValue } from "./sql.js";

export interface EventListQuery {
  type?: string[];
  /** A name the actor's holds (LIKE), when `actorMatch` is not given. */
  actor?: string;
  /** The actor resolved by the server (normalised Arabic, English names: server/actors.ts): stories of these records or names. */
  actorMatch?: { refs: string[]; names: string[] };
  place?: string;
  /** The place resolved by the server (Arabic or English, server/names.ts): stories of these gazetteer ids or names. */
  placeMatch?: { refs: string[]; names: string[] };
  since?: string;
  until?: string;
  /** ISO 3166-1 alpha-2 codes. */
  country?: string[];
  admin1?: string;
  minFatalities?: number;
  /** Reported by this outlet (story_outlets). */
  outlet?: string;
  /** minLon, minLat, maxLon, maxLat */
  bbox?: number[];
  /** "true": also stories with no current happened report (background history, planned, denied …). */
  all?: "true" | "false";
  limit?: number;
  offset?: number;
  /** "map": only [id, type, lat, lon] per story. */
  fields?: "full" | "map";
}

export interface StoryRow {
  id: number;
  type: string;
  place_name: string | null;
  place_ref: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  admin1: string | null;
  actor_name: string | null;
  actor_ref: string | null;
  date_first: string | null;
  date_last: string | null;
  reports: number;
  corroboration: number;
  fatalities: number | null;
}

export type EventListing = { total: number; rows: StoryRow[] } | { total: number; map: Array<[number, string, number, number]> };

export interface StoryDetail {
  story: StoryRow;
  reports: Array<Record<string, unknown> & { json: string }>;
}

export interface PlaceRow {
  name: string;
  ref: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  admin1: string | null;
  events: number;
}

export interface ArticleListing {
  total: number;
  items: Array<{ id: number; title: string | null; url: string | null; source: string | null; published: string | null; duplicate_of: number | null }>;
}

export interface ArticleRow {
  id: number;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  duplicate_of: number | null;
  doc: string;
}

export function eventFilters(q: EventListQuery): { sql: string; args: SqlValue[] } {
  // by default only stories with a report of a happening that is news (not background history)
  const where: string[] = q.all === "true" ? ["1 = 1"] : ["EXISTS (SELECT 1 FROM events e WHERE e.story_id = s.id AND e.happened = 1 AND e.background = 0)"];
  const args: SqlValue[] = [];
  const add = (sql: string, ...v: SqlValue[]): void => {
    where.push(sql);
    args.push(...v);
  };
  if (q.type?.length) add(`s.type IN (${q.type.map(() => "?").join(",")})`, ...q.type);
  if (q.since) add("coalesce(s.date_last, s.date_first) >= ?", q.since);
  if (q.until) add("s.date_first <= ?", q.until);
  if (q.placeMatch) {
    const { refs, names } = q.placeMatch;
    if (!refs.length && !names.length) where.push("1 = 0");
    else add(`(s.place_ref IN (${marks(refs.length)}) OR s.place_name IN (${marks(names.length)}))`, ...padded(refs), ...padded(names));
  } else if (q.place) add("(s.place_name = ? OR s.place_ref = ?)", q.place, q.place);
  if (q.actorMatch) {
    const { refs, names } = q.actorMatch;
    if (!refs.length && !names.length) where.push("1 = 0");
    else add(`(s.actor_ref IN (${marks(refs.length)}) OR s.actor_name IN (${marks(names.length)}))`, ...padded(refs), ...padded(names));
  } else if (q.actor) add("s.actor_name LIKE ?", `%${q.actor}%`);
  if (q.country?.length) add(`s.country IN (${marks(q.country.length)})`, ...padded(q.country));
  if (q.admin1) add("s.admin1 = ?", q.admin1);
  if (q.minFatalities !== undefined) add("s.fatalities >= ?", q.minFatalities);
  if (q.outlet) add("EXISTS (SELECT 1 FROM story_outlets o WHERE o.story_id = s.id AND o.outlet = ?)", q.outlet);
  if (q.bbox) add("s.lon BETWEEN ? AND ? AND s.lat BETWEEN ? AND ?", q.bbox[0], q.bbox[2], q.bbox[1], q.bbox[3]);
  return { sql: `WHERE ${where.join(" AND ")}`, args };
}

/**
 * Lists of values take 1, 2, 4, 8 … placeholders (the last value repeated): each length is another
 * statement text, and both backends keep one prepared statement per text.
 */
const width = (n: number): number => 2 ** Math.ceil(Math.log2(Math.max(1, n)));
const marks = (n: number): string => Array.from({ length: width(n) }, () => "?").join(",");
const padded = (v: string[]): SqlValue[] => (v.length ? [...v, ...Array.from({ length: width(v.length) - v.length }, () => v[v.length - 1])] : [null]);

/** Numbers that PostgreSQL sends as text (count(*) is a bigint) become numbers. */
const num = (v: unknown): number => Number(v);

export async function listEvents(db: Sql, q: EventListQuery): Promise<EventListing> {
  const { sql, args } = eventFilters(q);
  const limit = q.limit ?? 100, offset = q.offset ?? 0;
  const total = num((await db.get<{ n: unknown }>(`SELECT count(*) AS n FROM stories s ${sql}`, args))?.n ?? 0);
  if (q.fields === "map") {
    const rows = await db.all<{ id: number; type: string; lat: number; lon: number }>(`SELECT s.id, s.type, s.lat, s.lon FROM stories s ${sql} AND s.lat IS NOT NULL ORDER BY s.date_first DESC NULLS LAST, s.id DESC LIMIT ? OFFSET ?`, [...args, limit, offset]);
    return { total, map: rows.map((r) => [r.id, r.type, r.lat, r.lon]) };
  }
  const rows = await db.all<StoryRow>(`SELECT * FROM stories s ${sql} ORDER BY s.date_first DESC NULLS LAST, s.id DESC LIMIT ? OFFSET ?`, [...args, limit, offset]);
  return { total, rows };
}

export async function storyDetail(db: Sql, id: number): Promise<StoryDetail | null> {
  const story = await db.get<StoryRow>("SELECT * FROM stories WHERE id = ?", [id]);
  if (!story) return null;
  const reports = await db.all<Record<string, unknown> & { json: string }>(
    "SELECT e.id, e.article_id, e.modality, e.happened, e.date, e.date_precision, e.actor_name, e.actor_ref, e.place_name, e.place_ref, e.sentence, e.json, a.title, a.url, a.source, a.published FROM events e JOIN articles a ON a.id = e.article_id WHERE e.story_id = ? ORDER BY a.published NULLS FIRST, e.id",
    [id],
  );
  return { story, reports };
}

export async function countsPerDay(db: Sql, q: EventListQuery): Promise<Array<{ date: string; n: number }>> {
  const { sql, args } = eventFilters(q);
  const rows = await db.all<{ date: string; n: unknown }>(`SELECT s.date_first AS date, count(*) AS n FROM stories s ${sql} AND s.date_first IS NOT NULL GROUP BY s.date_first ORDER BY s.date_first`, args);
  return rows.map((r) => ({ date: r.date, n: num(r.n) }));
}

/**
 * Places with their story counts. A place's name and coordinates are those of its first story (the
 * lowest id): a window, since PostgreSQL has no bare columns beside an aggregate.
 */
export async function places(db: Sql, q: { q?: string; limit: number }): Promise<PlaceRow[]> {
  const rows = await db.all<PlaceRow & { events: unknown }>(
    `SELECT name, ref, lat, lon, country, admin1, events FROM (
       SELECT place_name AS name, place_ref AS ref, lat, lon, country, admin1, id,
              count(*) OVER (PARTITION BY coalesce(place_ref, place_name)) AS events,
              row_number() OVER (PARTITION BY coalesce(place_ref, place_name) ORDER BY id) AS k
       FROM stories WHERE place_name IS NOT NULL ${q.q ? "AND place_name LIKE ?" : ""}) p
     WHERE k = 1 ORDER BY events DESC, id LIMIT ?`,
    [...(q.q ? [`%${q.q}%`] : []), q.limit],
  );
  return rows.map((r) => ({ ...r, events: num(r.events) }));
}

export async function articles(db: Sql, limit: number, offset: number): Promise<ArticleListing> {
  const total = num((await db.get<{ n: unknown }>("SELECT count(*) AS n FROM articles"))?.n ?? 0);
  const items = await db.all<ArticleListing["items"][number]>("SELECT id, title, url, source, published, duplicate_of FROM articles ORDER BY published DESC NULLS LAST, id DESC LIMIT ? OFFSET ?", [limit, offset]);
  return { total, items };
}

export async function article(db: Sql, id: number): Promise<ArticleRow | null> {
  return (await db.get<ArticleRow>("SELECT id, title, url, source, published, duplicate_of, doc FROM articles WHERE id = ?", [id])) ?? null;
}
