/** The re-merge pass (../remerge.ts) in SQLite: read, merge in canonical order, rewrite what changed, in one transaction. */
import { remerge, REMERGE_EVENT_COLUMNS, STORY_COLUMNS, type RemergeArticle, type RemergeEvent } from "../remerge.js";
import type { RemergeResult } from "../store.js";
import type { Db } from "./db.js";

export function remergeSqlite(db: Db): RemergeResult {
  return db.transaction((): RemergeResult => {
    const articles = db.prepare("SELECT id, hash, published, signature, source, ingested_at FROM articles").all() as RemergeArticle[];
    const events = db.prepare(`SELECT ${REMERGE_EVENT_COLUMNS.join(", ")} FROM events`).all() as RemergeEvent[];
    const r = remerge(articles, events);
    const current = db.prepare(`SELECT ${STORY_COLUMNS.join(", ")} FROM stories ORDER BY id`).all();
    const merged = r.stories.map((s) => Object.fromEntries(STORY_COLUMNS.map((c) => [c, s[c]])));
    const storyOf = db.prepare("SELECT id, story_id FROM events").all() as Array<{ id: number; story_id: number | null }>;
    const dups = db.prepare("SELECT id, duplicate_of FROM articles").all() as Array<{ id: number; duplicate_of: number | null }>;
    const same = JSON.stringify(current) === JSON.stringify(merged) && storyOf.every((e) => e.story_id === r.storyOf.get(e.id)) && dups.every((a) => a.duplicate_of === r.duplicateOf.get(a.id));
    if (same) return { stories: r.stories.length, changed: false };
    const setDup = db.prepare("UPDATE articles SET duplicate_of = ? WHERE id = ?");
    for (const a of dups) if (a.duplicate_of !== r.duplicateOf.get(a.id)) setDup.run(r.duplicateOf.get(a.id) ?? null, a.id);
    db.exec("UPDATE events SET story_id = NULL; DELETE FROM story_origins; DELETE FROM story_outlets; DELETE FROM stories;");
    const insert = db.prepare(`INSERT INTO stories (${STORY_COLUMNS.join(", ")}) VALUES (${STORY_COLUMNS.map((c) => `@${c}`).join(", ")})`);
    const origin = db.prepare("INSERT INTO story_origins (story_id, origin) VALUES (?, ?)");
    const outlet = db.prepare("INSERT INTO story_outlets (story_id, outlet) VALUES (?, ?)");
    for (const [k, s] of r.stories.entries()) {
      insert.run(merged[k]);
      for (const o of s.origins) origin.run(s.id, o);
      for (const o of s.outlets) outlet.run(s.id, o);
    }
    const setStory = db.prepare("UPDATE events SET story_id = ? WHERE id = ?");
    for (const [event, story] of r.storyOf) setStory.run(story, event);
    return { stories: r.stories.length, changed: true };
  })();
}
