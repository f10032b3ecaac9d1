/**
 * Stories do not depend on the order articles arrive in: the same articles written in their order one
 * by one, shuffled in batches of three, and reversed in one batch give — after the re-merge pass that
 * an ingest and a worker run when they are done — the same stories with the same ids, the same
 * originals of syndicated copies and the same exports, on both backends. Before the pass they differ
 * (first fit in arrival order), which is what the pass is for.
 */
import { describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/batch/record.js";
import { writeExport } from "../../src/store/export.js";
import { PostgresStore } from "../../src/store/postgres/store.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import type { Store } from "../../src/store/store.js";
import { BACKENDS } from "../helpers/backends.js";
import { ARTICLES } from "../helpers/corpus.js";
import { exportContext } from "../helpers/export.js";
import { record } from "../helpers/store.js";

/** The test articles, a syndicated copy, and reports of shelling in حمص that fit more than one story. */
const INPUT = [
  ...ARTICLES,
  { text: ARTICLES[2].text.replace("صباح الخميس", "صباح يوم الخميس"), published: ARTICLES[2].published, source: "مصدر و" },
  { text: "قصفت القوات الحكومية مدينة حمص صباح السبت بالمدفعية الثقيلة.", published: "2024-12-07", source: "مصدر ح" },
  { text: "قصف تنظيم داعش مدينة حمص صباح السبت بقذائف الهاون.", published: "2024-12-07", source: "مصدر ط" },
  { text: "تعرضت مدينة حمص لقصف مدفعي عنيف صباح السبت.", published: "2024-12-07", source: "مصدر ي" },
];

/** A fixed shuffle (a linear congruential generator seeded with 16): the same on every run. */
function shuffled<T>(xs: T[]): T[] {
  const out = [...xs];
  let seed = 16;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const chunks = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, k) => xs.slice(k * n, k * n + n));

/** Article id → content hash: ids follow arrival, hashes do not. */
async function hashes(s: Store): Promise<Map<number, string>> {
  const rows = s instanceof SqliteStore
    ? (s.db.prepare("SELECT id, hash FROM articles").all() as Array<{ id: number; hash: string }>)
    : (await (s as PostgresStore).pool.query<{ id: number; hash: string }>("SELECT id, hash FROM articles")).rows;
  return new Map(rows.map((r) => [r.id, r.hash]));
}

/** What the stories say, with every article named by its hash (ids and ingest times set aside). */
async function storiesOf(s: Store) {
  const h = await hashes(s);
  const stories = (await s.stories({}, 1_000_000, 0)).map(({ firstSeen: _f, events, ...rest }) => ({
    ...rest,
    events: events.map(({ id: _i, article, ...e }) => ({ ...e, article: h.get(article) })),
  }));
  let jsonl = "";
  writeExport("jsonl", await s.stories({ happened: true }), (c) => (jsonl += c), exportContext());
  const originals = (await s.articles(1000, 0)).items.map((a) => [h.get(a.id), a.duplicate_of === null ? null : h.get(a.duplicate_of)] as const).sort();
  // the export with articles by hash, without ingest times
  const exported = jsonl.replace(/"first_seen":"[^"]*"/g, "").replace(/"article":(\d+)/g, (_, id: string) => `"article":"${h.get(Number(id))}"`);
  return { stories, originals, exported: exported.split("\n") };
}

describe.each(BACKENDS)("story merging on $name, whatever the order", (backend) => {
  it.skipIf(backend.skip)("gives the same stories, originals and exports for the same articles in any order and batching", async () => {
    const records: ArticleRecord[] = INPUT.map((a) => record(a.text, { published: a.published, source: a.source }));
    const orders: ArticleRecord[][][] = [records.map((r) => [r]), chunks(shuffled(records), 3), [[...records].reverse()]];
    const seen = [];
    const before = [];
    for (const batches of orders) {
      const s = await backend.open();
      for (const b of batches) await s.write(b);
      before.push(await storiesOf(s));
      expect((await s.remerge()).changed).toBeDefined();
      seen.push(await storiesOf(s));
      // a second pass finds nothing to change
      expect((await s.remerge()).changed).toBe(false);
    }
    // first fit in arrival order: the orders gave different stories before the pass
    expect(before[2].stories).not.toEqual(before[0].stories);
    expect(seen[0].stories.length).toBeGreaterThan(5);
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
  }, 120_000);
});
