/**
 * Reading the store: the control timeline and the stories that exports serve, written once for both
 * backends (sql.ts). Every function takes the store's reader and plain filters, and returns plain objects.
 */
import { searchable } from "../batch/record.js";
import { normalize } from "../text/normalize.js";
import type { Sql } from "./sql.js";
import { compatibleActor } from "./stories.js";

export interface Report {
  article: number;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  sentence: string | null;
  event: number;
  modality: string;
}

export interface ControlChange {
  date: string | null;
  /** Who holds the place after this change; null when it was left and nobody is reported taking it. */
  holder: string | null;
  change: "seize_control" | "withdraw";
  actor: string | null;
  reports: Report[];
}

export interface PlaceControl {
  place: string;
  placeRef: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  changes: ControlChange[];
  /** With --at: who held it then. */
  holderAt?: string | null;
}

interface ControlRow {
  id: number;
  type: "seize_control" | "withdraw";
  actor_name: string | null;
  actor_ref: string | null;
  place_name: string;
  place_ref: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  date: string | null;
  modality: string;
  sentence: string | null;
  article_id: number;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
}

const placeMatches = (name: string, query: string): boolean => {
  const n = searchable(name), q = searchable(query);
  return n === q || n.replace(/^ال/, "") === q.replace(/^ال/, "") || n.split(" ").includes(q);
};

/** Who holds each place over time, from seize_control and withdraw events that happened. */
export interface ControlOptions {
  place?: string;
  at?: string;
}

export async function controlTimeline(sql: Sql, opts: ControlOptions = {}): Promise<PlaceControl[]> {
  const rows = await sql.all<ControlRow>(
      `SELECT e.id, e.type, e.actor_name, e.actor_ref, e.place_name, e.place_ref, e.lat, e.lon, e.country, coalesce(e.date, a.published) AS date, e.modality, e.sentence,
              a.id AS article_id, a.title, a.url, a.source, a.published
       FROM events e JOIN articles a ON a.id = e.article_id
       WHERE e.type IN ('seize_control', 'withdraw') AND e.happened = 1 AND e.background = 0 AND e.place_name IS NOT NULL
       ORDER BY coalesce(e.date, a.published) NULLS FIRST, e.id`,
    );
  const places = new Map<string, PlaceControl & { holderRef: string | null }>();
  for (const r of rows) {
    if (opts.place && !placeMatches(r.place_name, opts.place)) continue;
    const key = r.place_ref ?? normalize(r.place_name);
    let p = places.get(key);
    if (!p) places.set(key, (p = { place: r.place_name, placeRef: r.place_ref, lat: r.lat, lon: r.lon, country: r.country, changes: [], holderRef: null }));
    const report: Report = { article: r.article_id, title: r.title, url: r.url, source: r.source, published: r.published, sentence: r.sentence, event: r.id, modality: r.modality };
    // the same change reported again (by another outlet, or days later) joins the change already there
    const twin = p.changes.find((c) => c.change === r.type && c.actor !== null && r.actor_name !== null && compatibleActor({ ref: null, name: c.actor }, { ref: null, name: r.actor_name }) && sameDay(c.date, r.date));
    if (twin) {
      twin.reports.push(report);
      continue;
    }
    const last = p.changes[p.changes.length - 1];
    const holder = r.type === "seize_control" ? r.actor_name : last && compatibleActor({ ref: p.holderRef, name: last.holder }, { ref: r.actor_ref, name: r.actor_name }) ? null : (last?.holder ?? null);
    p.changes.push({ date: r.date, holder, change: r.type, actor: r.actor_name, reports: [report] });
    if (r.type === "seize_control") p.holderRef = r.actor_ref;
  }
  const out = [...places.values()].map(({ holderRef: _h, ...p }) => p);
  if (opts.at) {
    for (const p of out) {
      const before = p.changes.filter((c) => c.date !== null && c.date <= opts.at!);
      p.holderAt = before.length ? before[before.length - 1].holder : null;
    }
  }
  return out;
}

const sameDay = (a: string | null, b: string | null): boolean => !a || !b || Math.abs(Date.parse(a) - Date.parse(b)) <= 3 * 86_400_000;

export interface SearchHit {
  kind: "article" | "quote" | "claim";
  article: number;
  title: string | null;
  url: string | null;
  published: string | null;
  /** The matching quote's or claim's words, or the start of the article. */
  text: string;
  who: string | null;
}

export interface EventFilters {
  since?: string;
  until?: string;
  type?: string[];
  place?: string;
  actor?: string;
  /** Only stories with a report of a happening that is news: happened (not denied, planned, negated …) and not background history. */
  happened?: boolean;
  /** Only this story. */
  id?: number;
}

export interface StoryRecord {
  id: number;
  type: string;
  place: string | null;
  placeRef: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  countryName: string | null;
  admin1: string | null;
  admin2: string | null;
  actor: string | null;
  /** The actor's record id (data/actors) when listed. */
  actorRef: string | null;
  actorInter: number | null;
  dateFirst: string | null;
  dateLast: string | null;
  firstSeen: string;
  reports: number;
  corroboration: number;
  fatalities: number | null;
  /** Every report: the event row, its article and sentence. */
  events: Array<{ id: number; article: number; url: string | null; source: string | null; title: string | null; published: string | null; modality: string; date: string | null; datePrecision: string | null; geoPrecision: number | null; sentence: string | null; actor: string | null; target: string | null; event: Record<string, unknown> }>;
}

/** Stories (one per happening, with all their reports), filtered. */
export async function stories(sql: Sql, f: EventFilters = {}, limit = 1_000_000, offset = 0): Promise<StoryRecord[]> {
  const where: string[] = [];
  const args: Array<string | number> = [];
  const add = (sql: string, ...values: Array<string | number>): void => {
    where.push(sql);
    args.push(...values);
  };
  if (f.since) add("coalesce(s.date_last, s.date_first) >= ?", f.since);
  if (f.until) add("s.date_first <= ?", f.until);
  if (f.type?.length) add(`s.type IN (${f.type.map(() => "?").join(",")})`, ...f.type);
  if (f.id !== undefined) add("s.id = ?", f.id);
  const rows = await sql.all(`SELECT * FROM stories s ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY s.date_first NULLS FIRST, s.id`, args);
  const byStory = "SELECT e.id, e.article_id, e.modality, e.happened, e.background, e.date, e.date_precision, e.geo_precision, e.sentence, e.actor_name, e.json, a.url, a.source, a.title, a.published FROM events e JOIN articles a ON a.id = e.article_id WHERE e.story_id = ? ORDER BY e.id";
  const out: StoryRecord[] = [];
  let skipped = 0;
  for (const s of rows) {
    if (f.place && !(s.place_name && placeMatches(String(s.place_name), f.place))) continue;
    if (f.actor && !(s.actor_name && searchable(String(s.actor_name)).includes(searchable(f.actor)))) continue;
    const evs = await sql.all(byStory, [Number(s.id)]);
    if (f.happened && !evs.some((e) => Number(e.happened) === 1 && Number(e.background) === 0)) continue;
    if (skipped++ < offset) continue;
    out.push(toStoryRecord(s, evs));
    if (out.length >= limit) break;
  }
  return out;
}

/** A story row and its reports' rows (events joined to their articles) as a StoryRecord. */
export function toStoryRecord(s: Record<string, unknown>, evs: Array<Record<string, unknown>>): StoryRecord {
  return {
    id: Number(s.id), type: String(s.type), place: s.place_name as string | null, placeRef: s.place_ref as string | null, lat: s.lat as number | null, lon: s.lon as number | null,
    country: s.country as string | null, countryName: s.country_name as string | null, admin1: s.admin1 as string | null, admin2: s.admin2 as string | null,
    actor: s.actor_name as string | null, actorRef: (s.actor_ref as string | null) ?? null, actorInter: s.actor_inter as number | null, dateFirst: s.date_first as string | null, dateLast: s.date_last as string | null,
    firstSeen: String(s.first_seen), reports: Number(s.reports), corroboration: Number(s.corroboration), fatalities: s.fatalities as number | null,
    events: evs.map((e) => {
      const json = JSON.parse(String(e.json)) as Record<string, unknown> & { target?: { name?: string } | null };
      return { id: Number(e.id), article: Number(e.article_id), url: e.url as string | null, source: e.source as string | null, title: e.title as string | null, published: e.published as string | null, modality: String(e.modality), date: e.date as string | null, datePrecision: e.date_precision as string | null, geoPrecision: e.geo_precision as number | null, sentence: e.sentence as string | null, actor: e.actor_name as string | null, target: json.target?.name ?? null, event: json };
    }),
  };
}
