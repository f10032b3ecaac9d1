/**
 * The two backends side by side: the same articles written to SQLite and to PostgreSQL give the
 * same articles, events, stories, control timeline and exports (all but the moment of ingest). And
 * PostgreSQL's migrations: recorded, run once, and a database newer than this Marsad is refused.
 */
import { describe, expect, it } from "vitest";
import { migrate } from "../../src/store/postgres/migrate.js";
import { MIGRATIONS } from "../../src/store/postgres/schema.js";
import { PostgresStore } from "../../src/store/postgres/store.js";
import { BACKENDS } from "../helpers/backends.js";
import { ARTICLES, filledStore } from "../helpers/corpus.js";
import { everything } from "../helpers/everything.js";
import { record } from "../helpers/store.js";

const [sqlite, postgres] = BACKENDS;

describe.skipIf(postgres.skip)("SQLite and PostgreSQL", () => {
  it("give the same articles, events, stories, control and exports from the same input", async () => {
    const a = await filledStore(await sqlite.open());
    const b = await filledStore(await postgres.open());
    const [x, y] = [await everything(a), await everything(b)];
    expect(x.stories.length).toBeGreaterThan(3);
    expect(x.exports["acled-csv"].split("\n").length).toBeGreaterThan(3);
    expect(y).toEqual(x);
  }, 60_000);

  it("give the same when the articles come in one batch (merged in memory in PostgreSQL), copies and stories included", async () => {
    // the fixtures, a syndicated copy of one and a second report of another, all in one transaction
    const texts = [...ARTICLES, { ...ARTICLES[2], text: ARTICLES[2].text.replace("صباح الخميس", "صباح يوم الخميس"), source: "مصدر و" }, { text: "أعلنت الفصائل المسلحة أنها سيطرت على مدينة حماة بالكامل بعد معارك في محيطها.", published: "2024-12-06", source: "مصدر ز" },
      // two stories opened in the batch on one day, and a report that fits both: it joins the first opened
      { text: "قصفت القوات الحكومية مدينة حمص صباح السبت بالمدفعية الثقيلة.", published: "2024-12-07", source: "مصدر ح" },
      { text: "قصف تنظيم داعش مدينة حمص صباح السبت بقذائف الهاون.", published: "2024-12-07", source: "مصدر ط" },
      { text: "تعرضت مدينة حمص لقصف مدفعي عنيف صباح السبت.", published: "2024-12-07", source: "مصدر ي" }];
    const records = texts.map((a) => record(a.text, { published: a.published, source: a.source }));
    const [a, b] = [await sqlite.open(), await postgres.open()];
    const [ra, rb] = [await a.write(records), await b.write(records)];
    expect(rb).toEqual(ra);
    expect(ra.duplicates).toBe(1);
    const [x, y] = [await everything(a), await everything(b)];
    expect(x.stories.some((st: { reports: number; corroboration: number }) => st.reports >= 2 && st.corroboration >= 2)).toBe(true);
    const homs = x.stories.filter((st: { place: string }) => st.place === "حمص");
    expect(homs.map((st: { actor: string; reports: number }) => [st.actor, st.reports])).toEqual([["القوات الحكومية", 2], ["تنظيم داعش", 1]]);
    expect(y).toEqual(x);
  }, 60_000);

  it("add nothing when the same articles come again, in batches as an ingest writes them", async () => {
    const s = await postgres.open();
    const records = ARTICLES.map((a) => record(a.text, { published: a.published, source: a.source }));
    const first = await s.write(records);
    expect(first.inserted).toBe(ARTICLES.length);
    expect(await s.write(records)).toMatchObject({ inserted: 0, skipped: ARTICLES.length, events: 0 });
    expect((await s.articles(1, 0)).total).toBe(ARTICLES.length);
  });
});

describe.skipIf(postgres.skip)("PostgreSQL migrations", () => {
  it("run once, in order, recorded in schema_migrations", async () => {
    const s = (await postgres.open()) as PostgresStore;
    const { rows } = await s.pool.query("SELECT version FROM schema_migrations ORDER BY version");
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((_, k) => k + 1));
    expect(await migrate(s.pool)).toEqual([]);
    // a later migration runs on the next open, and only it
    expect(await migrate(s.pool, [...MIGRATIONS, "CREATE TABLE b (x integer)"])).toEqual([MIGRATIONS.length + 1]);
    expect((await s.pool.query("SELECT to_regclass('b') AS t")).rows[0].t).toBe("b");
  });

  it("refuse a database migrated by a newer Marsad", async () => {
    const s = (await postgres.open()) as PostgresStore;
    await s.pool.query("INSERT INTO schema_migrations (version) VALUES (99)");
    await expect(migrate(s.pool)).rejects.toThrow(/newer than this Marsad knows/);
  });

  it("roll back a migration that fails, and record nothing of it", async () => {
    const s = (await postgres.open()) as PostgresStore;
    await expect(migrate(s.pool, [...MIGRATIONS, "CREATE TABLE c (x integer); SELECT no_such_function()"])).rejects.toThrow(/no_such_function/);
    expect((await s.pool.query("SELECT to_regclass('c') AS t")).rows[0].t).toBeNull();
    expect((await s.pool.query("SELECT max(version) AS v FROM schema_migrations")).rows[0].v).toBe(MIGRATIONS.length);
  });
});
