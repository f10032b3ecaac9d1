/**
 * The re-merge pass (../remerge.ts) in PostgreSQL: under the write lock (so no batch writes meanwhile,
 * and two workers running it take turns), read, merge in canonical order, rewrite what changed.
 */
import type { PoolClient } from "pg";
import { remerge, REMERGE_EVENT_COLUMNS, STORY_COLUMNS, type RemergeArticle, type RemergeEvent } from "../remerge.js";
import type { RemergeResult } from "../store.js";
import { LOCKS } from "./migrate.js";

export async function remergePostgres(client: PoolClient): Promise<RemergeResult> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [LOCKS.storyMerge]);
    const articles = (await client.query<RemergeArticle>("SELECT id, hash, published, signature, source, ingested_at FROM articles")).rows;
    const events = (await client.query<RemergeEvent>(`SELECT ${REMERGE_EVENT_COLUMNS.join(", ")} FROM events`)).rows;
    const r = remerge(articles, events);
    const current = (await client.query(`SELECT ${STORY_COLUMNS.join(", ")} FROM stories ORDER BY id`)).rows;
    const merged = r.stories.map((s) => Object.fromEntries(STORY_COLUMNS.map((c) => [c, s[c]])));
    const storyOf = (await client.query<{ id: number; story_id: number | null }>("SELECT id, story_id FROM events")).rows;
    const dups = (await client.query<{ id: number; duplicate_of: number | null }>("SELECT id, duplicate_of FROM articles")).rows;
    const same = JSON.stringify(current) === JSON.stringify(merged) && storyOf.every((e) => e.story_id === r.storyOf.get(e.id)) && dups.every((a) => a.duplicate_of === r.duplicateOf.get(a.id));
    if (same) {
      await client.query("COMMIT");
      return { stories: r.stories.length, changed: false };
    }
    const moved = dups.filter((a) => a.duplicate_of !== r.duplicateOf.get(a.id));
    if (moved.length) await client.query("UPDATE articles a SET duplicate_of = d.original FROM unnest($1::int[], $2::int[]) AS d(id, original) WHERE a.id = d.id", [moved.map((a) => a.id), moved.map((a) => r.duplicateOf.get(a.id) ?? null)]);
    await client.query("UPDATE events SET story_id = NULL; DELETE FROM story_origins; DELETE FROM story_outlets; DELETE FROM stories;");
    if (merged.length) await client.query(`INSERT INTO stories (${STORY_COLUMNS.join(", ")}) SELECT ${STORY_COLUMNS.join(", ")} FROM json_populate_recordset(NULL::stories, $1)`, [JSON.stringify(merged)]);
    await client.query("SELECT setval(pg_get_serial_sequence('stories', 'id'), greatest((SELECT max(id) FROM stories), 1))");
    const origins = r.stories.flatMap((s) => [...s.origins].map((o) => [s.id, o] as const));
    const outlets = r.stories.flatMap((s) => [...s.outlets].map((o) => [s.id, o] as const));
    if (origins.length) await client.query("INSERT INTO story_origins (story_id, origin) SELECT * FROM unnest($1::int[], $2::int[])", [origins.map((o) => o[0]), origins.map((o) => o[1])]);
    if (outlets.length) await client.query("INSERT INTO story_outlets (story_id, outlet) SELECT * FROM unnest($1::int[], $2::text[])", [outlets.map((o) => o[0]), outlets.map((o) => o[1])]);
    const assigned = [...r.storyOf];
    if (assigned.length) await client.query("UPDATE events e SET story_id = x.story FROM unnest($1::int[], $2::int[]) AS x(id, story) WHERE e.id = x.id", [assigned.map((a) => a[0]), assigned.map((a) => a[1])]);
    await client.query("COMMIT");
    return { stories: r.stories.length, changed: true };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  }
}
