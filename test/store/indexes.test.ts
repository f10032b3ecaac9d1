/**
 * The event list under load (issue 18): a page of stories, newest first, with the default filter (a
 * current report holds the story), is read from indexes — no sort of every story and no table lookup
 * per story, which took 19 ms a page on the whole corpus and held the server's one thread.
 */
import { describe, expect, it } from "vitest";
import { eventFilters } from "../../src/store/reads.js";
import { tempSqlite } from "../helpers/store.js";

describe("the event list's query plan (SQLite)", () => {
  it("walks stories by date from an index and checks their reports with a covering index", async () => {
    const store = tempSqlite();
    const { sql, args } = eventFilters({ limit: 100, offset: 0 });
    const plan = (store.db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM stories s ${sql} ORDER BY s.date_first DESC NULLS LAST, s.id DESC LIMIT 100 OFFSET 0`).all(...args) as Array<{ detail: string }>).map((r) => r.detail).join(" / ");
    await store.close();
    expect(plan).toMatch(/USING INDEX stories_date_id/);
    expect(plan).toMatch(/COVERING INDEX events_story_current/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
