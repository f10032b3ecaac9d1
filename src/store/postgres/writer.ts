/**
 * Writing analysed articles to PostgreSQL, a batch per transaction, with the same effect as the
 * SQLite writer (../sqlite/writer.ts): an article already stored (same content hash) is skipped, a
 * near-duplicate is linked to its original, each event joins its story or opens one.
 *
 * Many workers write at once. Each write transaction first takes one transaction-level advisory lock
 * (pg_advisory_xact_lock), released by its COMMIT or ROLLBACK. Why: merging an event into a story is
 * read-then-write (find the stories of that type and window, then update one or insert one). Under
 * READ COMMITTED two workers writing reports of one happening would each see no story and each open
 * one, and a near-duplicate would miss an original written by another worker a moment before. With
 * the lock, the batches' writes take turns and each sees everything committed before it — the result
 * SQLite's single writer gives. Analysis, the costly part, stays parallel: only the writes take turns
 * (a batch's writes are short next to its analysis). A finer lock (one per event type) would let more
 * writes overlap, but near-duplicate lookup spans all types; one lock is simple and enough here.
 */
import type { PoolClient } from "pg";
import type { ArticleRecord, EventRow } from "../../batch/record.js";
import { bands, NEAR_DUPLICATE_SIMILARITY, similarity } from "../minhash.js";
import type { WriteResult } from "../store.js";
import { matchStory, shift, storyDate, STORY_WINDOW_DAYS, type StoryMatch } from "../stories.js";
import { LOCKS } from "./migrate.js";

/** Candidates read per band, as the SQLite writer reads them. */
const CANDIDATES_PER_BAND = 50;

/**
 * Statements are named: PostgreSQL prepares each once per connection and reuses its plan, where an
 * unnamed one is planned again at every call (planning cost more than running on these small lookups).
 */
export async function writeBatch(client: PoolClient, records: ArticleRecord[]): Promise<WriteResult> {
  const result: WriteResult = { inserted: 0, skipped: 0, duplicates: 0, events: 0 };
  const now = new Date().toISOString();
  const events: Array<Record<string, unknown>> = [];
  const quotes: Array<Record<string, unknown>> = [];
  const claims: Array<Record<string, unknown>> = [];
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [LOCKS.storyMerge]);
    for (const r of records) {
      const ins = await client.query<{ id: number }>({
        name: "marsad-insert-article",
        text: `INSERT INTO articles (hash, doc_id, url, source, title, published, ingested_at, signature, doc, search)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, to_tsvector('simple', $10)) ON CONFLICT (hash) DO NOTHING RETURNING id`,
        values: [r.hash, r.docId, r.url, r.source, r.title, r.published, now, r.signature, r.doc, `${r.title ? r.title + " " : ""}${r.searchText}`],
      });
      if (!ins.rows.length) {
        result.skipped++;
        continue;
      }
      const id = ins.rows[0].id;
      result.inserted++;
      const bs = bands(r.signature);
      const original = await nearDuplicateOf(client, id, r.signature, bs);
      if (original !== null) {
        await client.query({ name: "marsad-mark-duplicate", text: "UPDATE articles SET duplicate_of = $1 WHERE id = $2", values: [original, id] });
        result.duplicates++;
      }
      await client.query({ name: "marsad-insert-bands", text: "INSERT INTO signature_bands (band, value, article_id) SELECT b - 1, v, $2 FROM unnest($1::int[]) WITH ORDINALITY AS t(v, b)", values: [bs, id] });
      for (const e of r.events) {
        const storyId = await assignStory(client, e, { articleId: id, origin: original ?? id, outlet: r.source, firstSeen: now, published: r.published });
        events.push(eventRow(e, id, storyId));
        result.events++;
      }
      for (const q of r.quotes) quotes.push({ article_id: id, local_id: q.localId, speaker: q.speaker, text: q.text, search: q.searchText });
      for (const c of r.claims) claims.push({ article_id: id, local_id: c.localId, source: c.source, stance: c.stance, text: c.text, search: c.searchText });
    }
    // the batch's rows in three statements: one round trip each, whatever the batch's size
    if (events.length) await client.query(`INSERT INTO events (${EVENT_COLUMNS.join(", ")}) SELECT ${EVENT_COLUMNS.join(", ")} FROM json_populate_recordset(NULL::events, $1)`, [JSON.stringify(events)]);
    if (quotes.length) await client.query("INSERT INTO quotes (article_id, local_id, speaker, text, search) SELECT article_id, local_id, speaker, text, to_tsvector('simple', search) FROM json_to_recordset($1) AS x(article_id integer, local_id text, speaker text, text text, search text)", [JSON.stringify(quotes)]);
    if (claims.length) await client.query("INSERT INTO claims (article_id, local_id, source, stance, text, search) SELECT article_id, local_id, source, stance, text, to_tsvector('simple', search) FROM json_to_recordset($1) AS x(article_id integer, local_id text, source text, stance text, text text, search text)", [JSON.stringify(claims)]);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  }
  return result;
}

const EVENT_COLUMNS = ["article_id", "story_id", "local_id", "type", "actor_name", "actor_ref", "actor_category", "actor_inter", "place_name", "place_ref", "lat", "lon", "country", "country_name", "admin1", "admin2", "geo_precision", "date", "date_precision", "fatalities", "count", "modality", "happened", "background", "sentence", "json"];

const eventRow = (e: EventRow, articleId: number, storyId: number): Record<string, unknown> => ({
  article_id: articleId, story_id: storyId, local_id: e.localId, type: e.type, actor_name: e.actorName, actor_ref: e.actorRef, actor_category: e.actorCategory, actor_inter: e.actorInter,
  place_name: e.placeName, place_ref: e.placeRef, lat: e.lat, lon: e.lon, country: e.country, country_name: e.countryName, admin1: e.admin1, admin2: e.admin2, geo_precision: e.geoPrecision,
  date: e.date, date_precision: e.datePrecision, fatalities: e.fatalities, count: e.count, modality: e.modality, happened: e.happened ? 1 : 0, background: e.background ? 1 : 0, sentence: e.sentence, json: e.json,
});

/**
 * The original of a near-duplicate: an earlier article sharing a band and most shingles. One query
 * for all bands; candidates are taken in the order SQLite's index gives them (band, then article).
 */
async function nearDuplicateOf(client: PoolClient, id: number, sig: string, bs: number[]): Promise<number | null> {
  const { rows } = await client.query<{ band: number; id: number; signature: string; duplicate_of: number | null }>({
    name: "marsad-candidates",
    text: `SELECT b.band, a.id, a.signature, a.duplicate_of FROM signature_bands b JOIN articles a ON a.id = b.article_id
     WHERE (b.band, b.value) IN (SELECT t.b - 1, t.v FROM unnest($1::int[]) WITH ORDINALITY AS t(v, b)) AND a.id <> $2
     ORDER BY b.band, b.article_id`,
    values: [bs, id],
  });
  const seen = new Set<number>();
  const perBand = new Map<number, number>();
  for (const c of rows) {
    const n = (perBand.get(c.band) ?? 0) + 1;
    perBand.set(c.band, n);
    if (n > CANDIDATES_PER_BAND || seen.has(c.id)) continue;
    seen.add(c.id);
    if (similarity(sig, c.signature) >= NEAR_DUPLICATE_SIMILARITY) return c.duplicate_of ?? c.id;
  }
  return null;
}

/** The story the event joins (created when none fits), as ../sqlite/stories.ts does it; returns its id. */
async function assignStory(client: PoolClient, e: EventRow, at: { articleId: number; origin: number; outlet: string | null; firstSeen: string; published: string | null }): Promise<number> {
  const date = storyDate(e, at.published);
  // candidates in the order SQLite reads them (its index on type, date_first): the first that fits wins
  let story: (StoryMatch & { id: number }) | undefined;
  if (date && e.placeName) {
    const { rows } = await client.query<StoryMatch & { id: number }>({
      name: "marsad-find-stories",
      text: "SELECT id, place_ref, place_name, lat, lon, actor_ref, actor_name, date_first, date_last FROM stories WHERE type = $1 AND date_first <= $2 AND date_last >= $3 ORDER BY date_first, id",
      values: [e.type, shift(date, STORY_WINDOW_DAYS), shift(date, -STORY_WINDOW_DAYS)],
    });
    story = matchStory(e, rows);
  }
  const id = story
    ? story.id
    : (
        await client.query<{ id: number }>({
          name: "marsad-create-story",
          text: `INSERT INTO stories (type, place_name, place_ref, lat, lon, country, country_name, admin1, admin2, actor_name, actor_ref, actor_inter, date_first, date_last, first_seen, reports, corroboration, fatalities)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, 0, 0, $15) RETURNING id`,
          values: [e.type, e.placeName, e.placeRef, e.lat, e.lon, e.country, e.countryName, e.admin1, e.admin2, e.actorName, e.actorRef, e.actorInter, date, at.firstSeen, e.fatalities],
        })
      ).rows[0].id;
  // a copy (its origin is another article) corroborates nothing; an article of no known outlet counts alone
  const outlet = at.origin !== at.articleId ? null : (at.outlet ?? `article:${at.articleId}`);
  await client.query({
    name: "marsad-update-story",
    text: `WITH origin AS (INSERT INTO story_origins (story_id, origin) VALUES ($1, $2) ON CONFLICT DO NOTHING),
          outlet AS (INSERT INTO story_outlets (story_id, outlet) SELECT $1, $3::text WHERE $3::text IS NOT NULL ON CONFLICT DO NOTHING RETURNING 1)
     UPDATE stories SET reports = reports + 1, corroboration = corroboration + (SELECT count(*) FROM outlet)::integer,
       date_first = least(coalesce(date_first, $4), coalesce($4, date_first)), date_last = greatest(coalesce(date_last, $4), coalesce($4, date_last)),
       fatalities = greatest(coalesce(fatalities, 0), coalesce($5::integer, 0)),
       actor_name = coalesce(actor_name, $6), actor_ref = coalesce(actor_ref, $7), actor_inter = coalesce(actor_inter, $8::integer),
       lat = coalesce(lat, $9::double precision), lon = coalesce(lon, $10::double precision), place_ref = coalesce(place_ref, $11) WHERE id = $1`,
    values: [id, at.origin, outlet, date, e.fatalities, e.actorName, e.actorRef, e.actorInter, e.lat, e.lon, e.placeRef],
  });
  return id;
}
