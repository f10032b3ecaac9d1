/**
 * Writing analysed articles to PostgreSQL, a batch per transaction, with the effect of the SQLite
 * writer (../sqlite/writer.ts, ../sqlite/stories.ts): an article already stored (same content hash)
 * is skipped, a near-duplicate is linked to its original, each event joins its story or opens one —
 * article by article, event by event, in the batch's order.
 *
 * Many workers write at once. Each write transaction first takes one transaction-level advisory lock
 * (pg_advisory_xact_lock), released by its COMMIT or ROLLBACK. Why: merging an event into a story is
 * read-then-write (find the stories of that type and window, then update one or insert one). Under
 * READ COMMITTED two workers writing reports of one happening would each see no story and each open
 * one, and a near-duplicate would miss an original written by another worker a moment before. With
 * the lock, the batches' writes take turns and each sees everything committed before it — the result
 * SQLite's single writer gives. Analysis, the costly part, stays parallel.
 *
 * Because the lock makes this transaction the only writer, the batch is merged in memory: one query
 * reads the stories the batch's events could join (and their outlets), one the near-duplicate
 * candidates of its articles; the merging runs here; a few set-based statements write the result.
 * About a dozen round trips a batch, instead of several per article and event — the round trips, not
 * the database's work, were what kept the other workers waiting on the lock.
 */
import type { PoolClient } from "pg";
import type { ArticleRecord, EventRow } from "../../batch/record.js";
import { bands, BANDS, NEAR_DUPLICATE_SIMILARITY, similarity } from "../minhash.js";
import type { WriteResult } from "../store.js";
import { addReport, matchStory, shift, storyDate, STORY_WINDOW_DAYS, type StoryState } from "../stories.js";
import { LOCKS } from "./migrate.js";

/** Candidates read per band, as the SQLite writer reads them. */
const CANDIDATES_PER_BAND = 50;
/** Sort key of the stories opened in a batch: above every stored id, exact in a double (2^40 + n). */
const OPENED_HERE = 2 ** 40;

interface Story extends StoryState {
  /** Outlets this batch adds to those already counted (story_outlets, in `outlets`). */
  addedOutlets: string[];
  isNew: boolean;
  changed: boolean;
  /** Its place in SQLite's id order: a stored story's id; one opened here comes after all of them, in opening order. */
  order: number;
}

interface Candidate {
  id: number;
  signature: string;
  duplicate_of: number | null;
}

const STORY_COLUMNS = ["id", "type", "place_name", "place_ref", "lat", "lon", "country", "country_name", "admin1", "admin2", "actor_name", "actor_ref", "actor_inter", "date_first", "date_last", "first_seen", "reports", "corroboration", "fatalities"] as const;
const EVENT_COLUMNS = ["article_id", "story_id", "local_id", "type", "actor_name", "actor_ref", "actor_category", "actor_inter", "place_name", "place_ref", "lat", "lon", "country", "country_name", "admin1", "admin2", "geo_precision", "date", "date_precision", "fatalities", "count", "modality", "happened", "background", "sentence", "json"];

/** SQLite's min() and max() over two values where either may be null (see ../sqlite/stories.ts). */

export async function writeBatch(client: PoolClient, records: ArticleRecord[]): Promise<WriteResult> {
  const result: WriteResult = { inserted: 0, skipped: 0, duplicates: 0, events: 0 };
  const now = new Date().toISOString();
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [LOCKS.storyMerge]);
    const ids = await insertArticles(client, records, now);
    const fresh = records.map((r, k) => ({ r, id: ids[k] })).filter((x): x is { r: ArticleRecord; id: number } => x.id !== null);
    result.inserted = fresh.length;
    result.skipped = records.length - fresh.length;
    if (!fresh.length) {
      await client.query("COMMIT");
      return result;
    }

    // near-duplicates: the stored candidates of every new article at once, then the batch's own articles
    const sigBands = new Map(fresh.map(({ r, id }) => [id, bands(r.signature)]));
    const stored = await storedCandidates(client, sigBands);
    const batchBands = new Map<string, Candidate[]>();
    const originals = new Map<number, number>();
    for (const { r, id } of fresh) {
      const bs = sigBands.get(id)!;
      const original = nearDuplicateOf(r.signature, (band) => [...(stored.get(`${id}:${band}`) ?? []), ...(batchBands.get(`${band}:${bs[band]}`) ?? [])]);
      if (original !== null) {
        originals.set(id, original);
        result.duplicates++;
      }
      bs.forEach((value, band) => {
        const key = `${band}:${value}`;
        const list = batchBands.get(key) ?? [];
        list.push({ id, signature: r.signature, duplicate_of: original });
        batchBands.set(key, list);
      });
    }

    // stories: those the batch's events could join, merged in memory in the batch's order
    const stories = await loadStories(client, fresh);
    const created: Story[] = [];
    const origins: Array<[Story, number]> = [];
    const events: Array<Record<string, unknown>> = [];
    const eventStory: Story[] = [];
    for (const { r, id } of fresh) {
      const origin = originals.get(id) ?? id;
      for (const e of r.events) {
        const s = assign(e, stories, created, { articleId: id, origin, outlet: r.source, firstSeen: now, published: r.published });
        origins.push([s, origin]);
        events.push(eventRow(e, id));
        eventStory.push(s);
        result.events++;
      }
    }
    // new stories get their ids in the order they were opened, as SQLite's rowids
    if (created.length) {
      const { rows } = await client.query<{ id: number }>({ name: "marsad-story-ids", text: "SELECT nextval(pg_get_serial_sequence('stories', 'id'))::integer AS id FROM generate_series(1, $1)", values: [created.length] });
      created.forEach((s, k) => (s.id = rows[k].id));
    }
    events.forEach((row, k) => (row.story_id = eventStory[k].id));

    const json = (rows: unknown[]): string => JSON.stringify(rows);
    if (originals.size) await client.query("UPDATE articles a SET duplicate_of = d.original FROM unnest($1::int[], $2::int[]) AS d(id, original) WHERE a.id = d.id", [[...originals.keys()], [...originals.values()]]);
    const bandRows = fresh.flatMap(({ id }) => sigBands.get(id)!.map((value, band) => [band, value, id]));
    await client.query("INSERT INTO signature_bands (band, value, article_id) SELECT * FROM unnest($1::smallint[], $2::int[], $3::int[])", [bandRows.map((b) => b[0]), bandRows.map((b) => b[1]), bandRows.map((b) => b[2])]);
    const storyRow = (s: Story) => Object.fromEntries(STORY_COLUMNS.map((c) => [c, s[c]]));
    if (created.length) await client.query(`INSERT INTO stories (${STORY_COLUMNS.join(", ")}) SELECT ${STORY_COLUMNS.join(", ")} FROM json_populate_recordset(NULL::stories, $1)`, [json(created.map(storyRow))]);
    const changed = [...stories.values()].filter((s) => s.changed && !s.isNew);
    if (changed.length) {
      const set = STORY_COLUMNS.filter((c) => c !== "id").map((c) => `${c} = x.${c}`).join(", ");
      await client.query(`UPDATE stories s SET ${set} FROM json_populate_recordset(NULL::stories, $1) AS x WHERE s.id = x.id`, [json(changed.map(storyRow))]);
    }
    await client.query("INSERT INTO story_origins (story_id, origin) SELECT * FROM unnest($1::int[], $2::int[]) ON CONFLICT DO NOTHING", [origins.map(([s]) => s.id), origins.map(([, o]) => o)]);
    const outlets = [...stories.values(), ...created].flatMap((s) => s.addedOutlets.map((o) => [s.id, o] as const));
    if (outlets.length) await client.query("INSERT INTO story_outlets (story_id, outlet) SELECT * FROM unnest($1::int[], $2::text[]) ON CONFLICT DO NOTHING", [outlets.map((o) => o[0]), outlets.map((o) => o[1])]);

    const quotes = fresh.flatMap(({ r, id }) => r.quotes.map((q) => ({ article_id: id, local_id: q.localId, speaker: q.speaker, span_start: q.start, span_end: q.end, text: q.text, search: q.searchText })));
    const claims = fresh.flatMap(({ r, id }) => r.claims.map((c) => ({ article_id: id, local_id: c.localId, source: c.source, stance: c.stance, span_start: c.start, span_end: c.end, text: c.text, search: c.searchText })));
    if (events.length) await client.query(`INSERT INTO events (${EVENT_COLUMNS.join(", ")}) SELECT ${EVENT_COLUMNS.join(", ")} FROM json_populate_recordset(NULL::events, $1)`, [json(events)]);
    if (quotes.length) await client.query("INSERT INTO quotes (article_id, local_id, speaker, span_start, span_end, text, search) SELECT article_id, local_id, speaker, span_start, span_end, text, to_tsvector('simple', search) FROM json_to_recordset($1) AS x(article_id integer, local_id text, speaker text, span_start integer, span_end integer, text text, search text)", [json(quotes)]);
    if (claims.length) await client.query("INSERT INTO claims (article_id, local_id, source, stance, span_start, span_end, text, search) SELECT article_id, local_id, source, stance, span_start, span_end, text, to_tsvector('simple', search) FROM json_to_recordset($1) AS x(article_id integer, local_id text, source text, stance text, span_start integer, span_end integer, text text, search text)", [json(claims)]);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  }
  return result;
}

/**
 * The batch's articles in one statement, in order (ids as SQLite would number them); an article whose
 * hash is stored already — or came earlier in the batch — gets null.
 */
async function insertArticles(client: PoolClient, records: ArticleRecord[], now: string): Promise<Array<number | null>> {
  const rows = records.map((r, ord) => ({ ord, hash: r.hash, doc_id: r.docId, url: r.url, source: r.source, title: r.title, published: r.published, signature: r.signature, text: r.text, paragraphs: r.paragraphs, analysis: Buffer.from(r.analysis.buffer, r.analysis.byteOffset, r.analysis.byteLength).toString("base64"), search: `${r.title ? r.title + " " : ""}${r.searchText}` }));
  const { rows: inserted } = await client.query<{ id: number; hash: string }>(
    `INSERT INTO articles (hash, doc_id, url, source, title, published, ingested_at, signature, text, paragraphs, analysis, search)
     SELECT hash, doc_id, url, source, title, published, $2, signature, text, paragraphs, decode(analysis, 'base64'), to_tsvector('simple', search)
     FROM json_to_recordset($1) AS x(ord integer, hash text, doc_id text, url text, source text, title text, published text, signature text, text text, paragraphs text, analysis text, search text)
     ORDER BY ord ON CONFLICT (hash) DO NOTHING RETURNING id, hash`,
    [JSON.stringify(rows), now],
  );
  const byHash = new Map(inserted.map((r) => [r.hash, r.id]));
  return records.map((r) => {
    const id = byHash.get(r.hash) ?? null;
    byHash.delete(r.hash);
    return id;
  });
}

/** Stored articles sharing a band with each new one: "id:band" → candidates, in SQLite's index order. */
async function storedCandidates(client: PoolClient, sigBands: Map<number, number[]>): Promise<Map<string, Candidate[]>> {
  const article: number[] = [], band: number[] = [], value: number[] = [];
  for (const [id, bs] of sigBands) bs.forEach((v, b) => (article.push(id), band.push(b), value.push(v)));
  const { rows } = await client.query<Candidate & { article: number; band: number }>(
    `SELECT t.article, t.band, c.id, c.signature, c.duplicate_of
     FROM unnest($1::int[], $2::smallint[], $3::int[]) AS t(article, band, value)
     CROSS JOIN LATERAL (
       SELECT a.id, a.signature, a.duplicate_of FROM signature_bands b JOIN articles a ON a.id = b.article_id
       WHERE b.band = t.band AND b.value = t.value ORDER BY b.article_id LIMIT ${CANDIDATES_PER_BAND}) c
     ORDER BY t.article, t.band, c.id`,
    [article, band, value],
  );
  const out = new Map<string, Candidate[]>();
  for (const r of rows) {
    const key = `${r.article}:${r.band}`;
    const list = out.get(key) ?? [];
    list.push({ id: r.id, signature: r.signature, duplicate_of: r.duplicate_of });
    out.set(key, list);
  }
  return out;
}

/** The original of a near-duplicate: an earlier article sharing a band and most shingles. */
function nearDuplicateOf(sig: string, candidates: (band: number) => Candidate[]): number | null {
  const seen = new Set<number>();
  for (let band = 0; band < BANDS; band++) {
    for (const c of candidates(band).slice(0, CANDIDATES_PER_BAND)) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      if (similarity(sig, c.signature) >= NEAR_DUPLICATE_SIMILARITY) return c.duplicate_of ?? c.id;
    }
  }
  return null;
}

/**
 * The stored stories any of the batch's events could join: same type, dates within the window of
 * one of them. A story outside every window cannot change in this batch (it can only grow by
 * joining an event, which needs it inside that event's window), so these are all it needs.
 */
async function loadStories(client: PoolClient, fresh: Array<{ r: ArticleRecord }>): Promise<Map<number, Story>> {
  const windows = new Map<string, [string, string, string]>();
  for (const { r } of fresh) {
    for (const e of r.events) {
      const date = storyDate(e, r.published);
      if (!date || !e.placeName) continue;
      windows.set(`${e.type}|${date}`, [e.type, shift(date, -STORY_WINDOW_DAYS), shift(date, STORY_WINDOW_DAYS)]);
    }
  }
  const stories = new Map<number, Story>();
  if (!windows.size) return stories;
  const w = [...windows.values()];
  const { rows } = await client.query<Story & { outlets: string[] | null }>(
    `SELECT s.*, (SELECT array_agg(o.outlet) FROM story_outlets o WHERE o.story_id = s.id) AS outlets FROM stories s
     WHERE s.id IN (SELECT s2.id FROM stories s2 JOIN unnest($1::text[], $2::text[], $3::text[]) AS w(type, lo, hi)
                    ON s2.type = w.type AND s2.date_first <= w.hi AND s2.date_last >= w.lo)`,
    [w.map((x) => x[0]), w.map((x) => x[1]), w.map((x) => x[2])],
  );
  for (const s of rows) stories.set(s.id, { ...s, outlets: new Set(s.outlets ?? []), addedOutlets: [], isNew: false, changed: false, order: s.id });
  return stories;
}

/** The story the event joins (opened when none fits), as ../sqlite/stories.ts does it, in memory. */
function assign(e: EventRow, stories: Map<number, Story>, created: Story[], at: { articleId: number; origin: number; outlet: string | null; firstSeen: string; published: string | null }): Story {
  const date = storyDate(e, at.published);
  let story: Story | undefined;
  if (date && e.placeName) {
    const lo = shift(date, -STORY_WINDOW_DAYS), hi = shift(date, STORY_WINDOW_DAYS);
    // candidates in the order SQLite reads them (its index on type, date_first): the first that fits wins
    const candidates = [...stories.values(), ...created]
      .filter((s) => s.type === e.type && s.date_first !== null && s.date_last !== null && s.date_first <= hi && s.date_last >= lo)
      .sort((a, b) => (a.date_first! < b.date_first! ? -1 : a.date_first! > b.date_first! ? 1 : a.order - b.order));
    story = matchStory(e, candidates);
  }
  if (!story) {
    // a temporary id below zero, in opening order, until the batch's new ids are drawn
    story = {
      id: -(created.length + 1), type: e.type, place_name: e.placeName, place_ref: e.placeRef, lat: e.lat, lon: e.lon, country: e.country, country_name: e.countryName, admin1: e.admin1, admin2: e.admin2,
      actor_name: e.actorName, actor_ref: e.actorRef, actor_inter: e.actorInter, date_first: date, date_last: date, first_seen: at.firstSeen, reports: 0, corroboration: 0, fatalities: e.fatalities,
      outlets: new Set(), addedOutlets: [], isNew: true, changed: true, order: OPENED_HERE + created.length,
    };
    created.push(story);
  }
  const added = addReport(story, e, date, at);
  if (added) story.addedOutlets.push(added);
  story.changed = true;
  return story;
}

const eventRow = (e: EventRow, articleId: number): Record<string, unknown> => ({
  article_id: articleId, story_id: null, local_id: e.localId, type: e.type, actor_name: e.actorName, actor_ref: e.actorRef, actor_category: e.actorCategory, actor_inter: e.actorInter,
  place_name: e.placeName, place_ref: e.placeRef, lat: e.lat, lon: e.lon, country: e.country, country_name: e.countryName, admin1: e.admin1, admin2: e.admin2, geo_precision: e.geoPrecision,
  date: e.date, date_precision: e.datePrecision, fatalities: e.fatalities, count: e.count, modality: e.modality, happened: e.happened ? 1 : 0, background: e.background ? 1 : 0, sentence: e.sentence, json: e.json,
});
