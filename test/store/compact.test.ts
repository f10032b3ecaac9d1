/**
 * The compact store: the analysis packed without what the text gives back, and read back byte for
 * byte; and migration 4, which converts a store written before it (test/fixtures/store-v3, made by
 * the code of that time) so that it answers as a store written now from the same input — on SQLite,
 * and on PostgreSQL from the same rows.
 */
import Database from "better-sqlite3";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { storedSpan } from "../../src/batch/record.js";
import { toJson } from "../../src/output.js";
import { packDoc, searchTextOf, unpackDoc } from "../../src/store/compact.js";
import { migrate } from "../../src/store/postgres/migrate.js";
import { MIGRATIONS } from "../../src/store/postgres/schema.js";
import { PostgresStore } from "../../src/store/postgres/store.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { analyze } from "../helpers/analyze.js";
import { BACKENDS } from "../helpers/backends.js";
import { ARTICLES } from "../helpers/corpus.js";
import { everything } from "../helpers/everything.js";
import { createTestDatabase } from "../helpers/postgres.js";
import { record, tempSqlite } from "../helpers/store.js";

const FIXTURE = new URL("../fixtures/store-v3/marsad-v3.db", import.meta.url).pathname;
const QUOTED = "قصفت القوات الحكومية مدينة حمص صباح السبت بالمدفعية الثقيلة، وقال المتحدث باسم الجيش إن «القصف استهدف مواقع المسلحين».";

/** The input the fixture was written from, in its order and batches (its README). */
const fixtureBatches = () => [
  ...ARTICLES.map((a) => [record(a.text, { published: a.published, source: a.source })]),
  [record(ARTICLES[2].text.replace("صباح الخميس", "صباح يوم الخميس"), { published: "2024-12-05", source: "مصدر و" }), record(QUOTED, { published: "2024-12-07", source: "مصدر ح" })],
];

const docJson = (text: string, published?: string) => JSON.stringify(toJson(analyze(text, published), false));
const eventsOf = (json: string) => new Map((JSON.parse(json).events as Array<{ id: string }>).map((e) => [e.id, JSON.stringify(e)]));

describe("the packed analysis", () => {
  it("gives back the document's JSON byte for byte, from a fraction of its size", () => {
    for (const a of [...ARTICLES, { text: QUOTED, published: "2024-12-07" }]) {
      const json = docJson(a.text, a.published);
      const parsed = JSON.parse(json);
      const text = parsed.text as string;
      const packed = packDoc(parsed);
      // the text, the sentences and the span words are left out, the events are their ids
      expect([parsed.text, parsed.sentences, parsed.events.every((e: unknown) => typeof e === "string")]).toEqual([0, 0, true]);
      expect(JSON.stringify(parsed)).not.toContain(text.slice(-30));
      expect(unpackDoc(text, packed.paragraphs, packed.analysis, eventsOf(json))).toBe(json);
      if (text.length > 300) expect(packed.analysis.length).toBeLessThan(json.length / 4);
    }
  });

  it("keeps what the text does not give back: words that are not their span's slice, sentences not the text stage's", () => {
    const json = docJson(QUOTED, "2024-12-07");
    const parsed = JSON.parse(json);
    expect(parsed.quotes.length).toBeGreaterThan(0);
    parsed.quotes[0].text = "كلمات أخرى";
    parsed.sentences[0].end -= 1;
    const changed = JSON.stringify(parsed);
    const packed = packDoc(parsed);
    expect(parsed.quotes[0].text).toBe("كلمات أخرى");
    expect(Array.isArray(parsed.sentences)).toBe(true);
    expect(unpackDoc(QUOTED, packed.paragraphs, packed.analysis, eventsOf(json))).toBe(changed);
    expect(storedSpan(QUOTED, { start: 0, end: 4, text: "قصفت" }, "x").text).toBeNull();
    expect(storedSpan(QUOTED, { start: 0, end: 4, text: "أخرى" }, "x").text).toBe("أخرى");
  });

  it("indexes for search the words the text stage's tokens give (so a snippet can be rebuilt from the text)", () => {
    for (const a of ARTICLES) {
      const doc = analyze(a.text, a.published);
      const norms = doc.tokens.filter((t) => t.kind === "word" || t.kind === "number" || t.kind === "latin").map((t) => t.norm);
      expect(searchTextOf(doc.text, doc.paragraphs)).toBe(norms.join(" "));
    }
  });
});

describe("migration 4 (compact store)", () => {
  it("converts an SQLite store of the older format: it answers as one written now", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "marsad-v3-")), "old.db");
    copyFileSync(FIXTURE, path);
    const migrated = SqliteStore.open(path);
    onTestFinished(() => migrated.close());
    expect(migrated.db.pragma("user_version", { simple: true })).toBe(4);
    expect((migrated.db.prepare("SELECT name FROM pragma_table_info('articles')").pluck().all() as string[]).includes("doc")).toBe(false);
    await expectSameAsFixture(migrated);
    const x = await everything(migrated, { hits: true });
    expect(x.hits.flat().length).toBeGreaterThan(6);
    expect(x.hits.flat().some((h: { kind: string }) => h.kind === "quote")).toBe(true);
    // its search finds what a store written now finds from the same input (the words, not the analysis)
    const fresh = tempSqlite();
    onTestFinished(() => fresh.close());
    for (const batch of fixtureBatches()) await fresh.write(batch);
    expect(hitKeys(x.hits)).toEqual(hitKeys((await everything(fresh, { hits: true })).hits));
    // a reader of an older store is told to upgrade it
    const old = join(mkdtempSync(join(tmpdir(), "marsad-v3-")), "old.db");
    copyFileSync(FIXTURE, old);
    expect(() => SqliteStore.open(old, { readonly: true })).toThrow(/older Marsad/);
  }, 60_000);

  it.skipIf(BACKENDS[1].skip)("converts a PostgreSQL store of the older format from the same rows", async () => {
    const db = await createTestDatabase();
    // a database at version 3 holding the fixture's rows (its search vectors from the fixture's search table)
    const pool = (await import("../../src/store/postgres/connect.js")).createPool(db.url, 2);
    onTestFinished(async () => {
      await pool.end();
      await db.drop();
    });
    await migrate(pool, MIGRATIONS.slice(0, 3));
    await copyV3(pool);
    expect(await migrate(pool)).toEqual([4]);
    const migrated = await PostgresStore.open(db.url);
    onTestFinished(() => migrated.close());
    await expectSameAsFixture(migrated);
  }, 60_000);
});

/**
 * The migrated store holds what the fixture held: every article's document string byte for byte (its
 * quotes, claims and events included). (Compared with the fixture itself, not with a
 * store analysed now, so that an improvement of the analysis does not read as a broken migration.)
 */
async function expectSameAsFixture(migrated: import("../../src/store/store.js").Store): Promise<void> {
  const old = new Database(FIXTURE, { readonly: true });
  try {
    const docs = old.prepare("SELECT id, doc FROM articles ORDER BY id").all() as Array<{ id: number; doc: string }>;
    expect(docs.length).toBeGreaterThan(6);
    for (const r of docs) expect((await migrated.article(r.id))?.doc).toBe(r.doc);
  } finally {
    old.close();
  }
}

/** Search hits as (kind, article, words), order aside. */
const hitKeys = (hits: unknown[]): string[] => (hits.flat() as Array<{ kind: string; article_id?: number; text?: string }>).map((h) => `${h.kind}:${h.article_id ?? ""}:${h.text ?? ""}`).sort();

/** The v3 fixture's rows into a PostgreSQL database at version 3, as its writer of that time stored them. */
async function copyV3(pool: import("pg").Pool): Promise<void> {
  const old = new Database(FIXTURE, { readonly: true });
  try {
    const vectors = new Map((old.prepare("SELECT kind || ':' || CAST(article_id AS INTEGER) || ':' || ref AS k, text FROM search").all() as Array<{ k: string; text: string }>).map((r) => [r.k, r.text]));
    const copy = async (table: string, rows: Array<Record<string, unknown>>, search?: (r: Record<string, unknown>) => string) => {
      if (!rows.length) return;
      const cols = Object.keys(rows[0]);
      for (const r of rows) {
        const values = cols.map((c) => r[c]);
        const extra = search ? ", search" : "";
        const params = cols.map((_, k) => `$${k + 1}`).join(", ") + (search ? `, to_tsvector('simple', $${cols.length + 1})` : "");
        await pool.query(`INSERT INTO ${table} (${cols.join(", ")}${extra}) VALUES (${params})`, search ? [...values, search(r)] : values);
      }
    };
    const all = (t: string) => old.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all() as Array<Record<string, unknown>>;
    await copy("articles", all("articles"), (r) => vectors.get(`article:${r.id}:${r.id}`) ?? "");
    await copy("stories", all("stories"));
    for (const t of ["story_origins", "story_outlets", "signature_bands"]) await copy(t, old.prepare(`SELECT * FROM ${t}`).all() as Array<Record<string, unknown>>);
    await copy("events", all("events"));
    await copy("quotes", all("quotes"), (r) => vectors.get(`quote:${r.article_id}:${r.local_id}`) ?? "");
    await copy("claims", all("claims"), (r) => vectors.get(`claim:${r.article_id}:${r.local_id}`) ?? "");
    for (const t of ["articles", "stories", "events", "quotes", "claims"]) await pool.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) FROM ${t}))`);
  } finally {
    old.close();
  }
}
