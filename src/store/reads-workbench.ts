/**
 * The reads of the analyst's workbench (issue 14), in SQL both backends accept (sql.ts): the data's
 * period and histogram, countries, governorates and outlets with counts, the stored actor names (the
 * server matches names on them: server/actors.ts), the stories of a filter for export, the claims and
 * quotes a report rests on, and the summaries behind the actor and place pages. Every filter is the
 * event list's (reads.ts eventFilters).
 */
import { eventFilters, type EventListQuery, type StoryRow } from "./reads.js";
import type { Sql, SqlValue } from "./sql.js";
import { toStoryRecord, type StoryRecord } from "./queries.js";

const num = (v: unknown): number => Number(v);

export interface ExtentRows {
  days: Array<{ date: string; n: number }>;
  publishedMin: string | null;
  publishedMax: string | null;
}

export async function publishedRange(db: Sql): Promise<{ min: string | null; max: string | null }> {
  const r = await db.get<{ lo: string | null; hi: string | null }>("SELECT min(published) AS lo, max(published) AS hi FROM articles");
  return { min: r?.lo ?? null, max: r?.hi ?? null };
}

export interface CountryRow {
  country: string;
  name: string | null;
  events: number;
}

export async function countries(db: Sql, q: EventListQuery): Promise<CountryRow[]> {
  const { sql, args } = eventFilters(q);
  const rows = await db.all<{ country: string; name: string | null; n: unknown }>(
    `SELECT s.country, max(s.country_name) AS name, count(*) AS n FROM stories s ${sql} AND s.country IS NOT NULL GROUP BY s.country ORDER BY n DESC, s.country`,
    args,
  );
  return rows.map((r) => ({ country: r.country, name: r.name, events: num(r.n) }));
}

export async function admin1s(db: Sql, q: { country?: string; q?: string; limit: number }): Promise<Array<{ country: string | null; admin1: string; events: number }>> {
  const where = ["s.admin1 IS NOT NULL"];
  const args: SqlValue[] = [];
  if (q.country) {
    where.push("s.country = ?");
    args.push(q.country);
  }
  if (q.q) {
    where.push("s.admin1 LIKE ?");
    args.push(`%${q.q}%`);
  }
  const rows = await db.all<{ country: string | null; admin1: string; n: unknown }>(
    `SELECT s.country, s.admin1, count(*) AS n FROM stories s WHERE ${where.join(" AND ")} GROUP BY s.country, s.admin1 ORDER BY n DESC, s.admin1 LIMIT ?`,
    [...args, q.limit],
  );
  return rows.map((r) => ({ country: r.country, admin1: r.admin1, events: num(r.n) }));
}

/** Outlets with the stories they report; an article of no known outlet ("article:N") is left out. */
export async function outlets(db: Sql): Promise<Array<{ outlet: string; events: number }>> {
  const rows = await db.all<{ outlet: string; n: unknown }>("SELECT outlet, count(*) AS n FROM story_outlets WHERE outlet NOT LIKE 'article:%' GROUP BY outlet ORDER BY n DESC, outlet");
  return rows.map((r) => ({ outlet: r.outlet, events: num(r.n) }));
}

export interface ActorNameRow {
  name: string;
  ref: string | null;
  events: number;
}

/** Every actor name stories are stored under, with its record id and story count. */
export async function actorNames(db: Sql): Promise<ActorNameRow[]> {
  const rows = await db.all<{ name: string; ref: string | null; n: unknown }>(
    "SELECT actor_name AS name, actor_ref AS ref, count(*) AS n FROM stories WHERE actor_name IS NOT NULL GROUP BY actor_name, actor_ref ORDER BY n DESC, actor_name",
  );
  return rows.map((r) => ({ name: r.name, ref: r.ref, events: num(r.n) }));
}

/** A chunk of ids as a fixed-width IN list (see reads.ts): few statement texts. */
const CHUNK = 256;
const chunks = <T>(xs: T[]): T[][] => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, k) => xs.slice(k * CHUNK, (k + 1) * CHUNK));
const inList = (xs: SqlValue[]): { marks: string; args: SqlValue[] } => ({ marks: Array.from({ length: CHUNK }, () => "?").join(","), args: [...xs, ...Array.from({ length: CHUNK - xs.length }, () => xs[xs.length - 1])] });

/** The stories of a filter, newest first, with every report (for the exports). */
export async function exportStories(db: Sql, q: EventListQuery, limit: number): Promise<StoryRecord[]> {
  const { sql, args } = eventFilters(q);
  const ids = (await db.all<{ id: number }>(`SELECT s.id FROM stories s ${sql} ORDER BY s.date_first DESC NULLS LAST, s.id DESC LIMIT ?`, [...args, limit])).map((r) => Number(r.id));
  const out: StoryRecord[] = [];
  for (const part of chunks(ids)) {
    const l = inList(part);
    const stories = new Map((await db.all(`SELECT * FROM stories WHERE id IN (${l.marks})`, l.args)).map((s) => [Number(s.id), s]));
    const events = await db.all(
      `SELECT e.id, e.story_id, e.article_id, e.modality, e.happened, e.background, e.date, e.date_precision, e.geo_precision, e.sentence, e.actor_name, e.json, a.url, a.source, a.title, a.published
       FROM events e JOIN articles a ON a.id = e.article_id WHERE e.story_id IN (${l.marks}) ORDER BY e.id`,
      l.args,
    );
    const byStory = new Map<number, typeof events>();
    for (const e of events) {
      const k = Number(e.story_id);
      if (!byStory.has(k)) byStory.set(k, []);
      byStory.get(k)!.push(e);
    }
    for (const id of part) {
      const s = stories.get(id);
      if (s) out.push(toStoryRecord(s, byStory.get(id) ?? []));
    }
  }
  return out;
}

export interface SaidRow {
  kind: "quote" | "claim";
  article_id: number;
  local_id: string;
  who: string | null;
  stance: string | null;
  text: string;
}

/** The claims and quotes of these articles (a report's sources point to them by local id). */
export async function saidIn(db: Sql, articleIds: number[]): Promise<SaidRow[]> {
  const out: SpanRow[] = [];
  for (const part of chunks([...new Set(articleIds)])) {
    const l = inList(part);
    out.push(
      ...(await db.all<SpanRow>(
        `SELECT 'claim' AS kind, article_id, local_id, source AS who, stance, span_start AS s, span_end AS e, text AS kept FROM claims WHERE article_id IN (${l.marks})
         UNION ALL SELECT 'quote' AS kind, article_id, local_id, speaker AS who, NULL AS stance, span_start AS s, span_end AS e, text AS kept FROM quotes WHERE article_id IN (${l.marks})`,
        [...l.args, ...l.args],
      )),
    );
  }
  return withWords(db, out);
}

/** A claim or quote row as stored: its words are the article's text[s, e) unless kept differs. */
interface SpanRow extends Omit<SaidRow, "text"> {
  s: unknown;
  e: unknown;
  kept: string | null;
}

/** The rows with their words: sliced from their articles' texts (the store keeps offsets, not copies). */
async function withWords(db: Sql, rows: SpanRow[]): Promise<SaidRow[]> {
  const texts = new Map<number, string>();
  const need = [...new Set(rows.filter((r) => r.kept === null).map((r) => Number(r.article_id)))];
  for (const part of chunks(need)) {
    const l = inList(part);
    for (const a of await db.all<{ id: unknown; text: string }>(`SELECT id, text FROM articles WHERE id IN (${l.marks})`, l.args)) texts.set(Number(a.id), a.text);
  }
  return rows.map(({ s, e, kept, ...r }) => ({ ...r, article_id: Number(r.article_id), text: kept ?? (texts.get(Number(r.article_id)) ?? "").slice(Number(s), Number(e)) }));
}

export interface GroupRow {
  key: string;
  name: string;
  ref: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  n: number;
}

/** Story counts of a filter by type, by place or by actor, most first. */
export async function groupCounts(db: Sql, q: EventListQuery, by: "type" | "place" | "actor", limit: number): Promise<GroupRow[]> {
  const { sql, args } = eventFilters(q);
  const key = by === "type" ? "s.type" : by === "place" ? "coalesce(s.place_ref, s.place_name)" : "coalesce(s.actor_ref, s.actor_name)";
  const name = by === "type" ? "s.type" : by === "place" ? "s.place_name" : "s.actor_name";
  const ref = by === "place" ? "s.place_ref" : by === "actor" ? "s.actor_ref" : "NULL";
  const rows = await db.all<GroupRow & { n: unknown }>(
    `SELECT ${key} AS key, min(${name}) AS name, min(${ref}) AS ref, min(s.lat) AS lat, min(s.lon) AS lon, min(s.country) AS country, count(*) AS n
     FROM stories s ${sql} AND ${name} IS NOT NULL GROUP BY ${key} ORDER BY n DESC, key LIMIT ?`,
    [...args, limit],
  );
  return rows.map((r) => ({ ...r, n: num(r.n) }));
}

/** How often these names are quoted (or make claims), by the outlet that carries the words. */
export async function quotedBy(db: Sql, names: string[]): Promise<Array<{ outlet: string; n: number }>> {
  const counts = new Map<string, number>();
  for (const part of chunks(names)) {
    const l = inList(part);
    const rows = await db.all<{ outlet: string | null; n: unknown }>(
      `SELECT outlet, sum(n) AS n FROM (
         SELECT a.source AS outlet, count(*) AS n FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker IN (${l.marks}) GROUP BY a.source
         UNION ALL SELECT a.source AS outlet, count(*) AS n FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.source IN (${l.marks}) GROUP BY a.source) x
       GROUP BY outlet`,
      [...l.args, ...l.args],
    );
    for (const r of rows) if (r.outlet) counts.set(r.outlet, (counts.get(r.outlet) ?? 0) + num(r.n));
  }
  return [...counts].map(([outlet, n]) => ({ outlet, n })).sort((a, b) => b.n - a.n || a.outlet.localeCompare(b.outlet));
}

/** The words these names said (quotes and claims), newest first, at most `limit`. */
export async function saidBy(db: Sql, names: string[], limit: number): Promise<SaidRow[]> {
  const out: SpanRow[] = [];
  for (const part of chunks(names)) {
    const l = inList(part);
    out.push(
      ...(await db.all<SpanRow>(
        `SELECT 'quote' AS kind, article_id, local_id, speaker AS who, NULL AS stance, span_start AS s, span_end AS e, text AS kept FROM quotes WHERE speaker IN (${l.marks})
         UNION ALL SELECT 'claim' AS kind, article_id, local_id, source AS who, stance, span_start AS s, span_end AS e, text AS kept FROM claims WHERE source IN (${l.marks})
         ORDER BY article_id DESC LIMIT ?`,
        [...l.args, ...l.args, limit],
      )),
    );
  }
  return withWords(db, out.slice(0, limit));
}

/** The places the events of these articles happened at (one row per article and place). */
export async function articlePlaces(db: Sql, articleIds: number[]): Promise<Array<{ article_id: number; ref: string | null; name: string }>> {
  const out: Array<{ article_id: number; ref: string | null; name: string }> = [];
  for (const part of chunks([...new Set(articleIds)])) {
    const l = inList(part);
    const rows = await db.all<{ article_id: number; ref: string | null; name: string }>(
      `SELECT DISTINCT article_id, place_ref AS ref, place_name AS name FROM events WHERE article_id IN (${l.marks}) AND place_name IS NOT NULL ORDER BY article_id, name`,
      l.args,
    );
    out.push(...rows.map((r) => ({ ...r, article_id: Number(r.article_id) })));
  }
  return out;
}

/** Every story as the event list shows it, with whether a current report holds it and its outlets: the server's in-memory index. */
export async function storyIndexRows(db: Sql): Promise<{ stories: Array<StoryRow & { current: number }>; outlets: Array<{ story_id: number; outlet: string }> }> {
  const stories = await db.all<StoryRow & { current: unknown }>(
    `SELECT s.*, CASE WHEN EXISTS (SELECT 1 FROM events e WHERE e.story_id = s.id AND e.happened = 1 AND e.background = 0) THEN 1 ELSE 0 END AS current FROM stories s ORDER BY s.date_first DESC NULLS LAST, s.id DESC`,
  );
  const outlets = await db.all<{ story_id: number; outlet: string }>("SELECT story_id, outlet FROM story_outlets");
  return { stories: stories.map((s) => ({ ...s, id: Number(s.id), current: Number(s.current) })), outlets: outlets.map((o) => ({ story_id: Number(o.story_id), outlet: o.outlet })) };
}

/** A mark that changes whenever anything is written (the newest event and article): cheap, on primary keys. */
export async function changeMark(db: Sql): Promise<string> {
  const r = await db.get<{ e: unknown; a: unknown; s: unknown }>("SELECT (SELECT max(id) FROM events) AS e, (SELECT max(id) FROM articles) AS a, (SELECT max(id) FROM stories) AS s");
  return `${r?.e ?? 0}/${r?.a ?? 0}/${r?.s ?? 0}`;
}
