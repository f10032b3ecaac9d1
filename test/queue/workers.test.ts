/**
 * The queue end to end, on a real PostgreSQL: articles enqueued once (again: nothing added), then a
 * worker killed with SIGKILL in the middle of a batch, and two more workers that finish the queue.
 * No article is lost, none is stored twice, the killed worker's batch was handed to another, and what
 * is stored matches a plain SQLite ingest of the same articles.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, built, marsad } from "../helpers/cli.js";
import { createTestDatabase, REQUIRED, UNREACHABLE } from "../helpers/postgres.js";

/** Articles of our own words: an event each, at different places and dates. */
function sample(n: number): string {
  const places = ["حماة", "حلب", "إدلب", "صعدة", "تعز", "مأرب", "الموصل", "البصرة", "درعا", "الرقة"];
  const kinds = [
    (p: string) => `شنت طائرات حربية غارات على مواقع في مدينة ${p} مساء أمس، وقال مسعفون إن عددا من المسلحين قتلوا.`,
    (p: string) => `تظاهر مئات الأشخاص في مدينة ${p} يوم أمس احتجاجا على ارتفاع الأسعار وانقطاع المياه.`,
    (p: string) => `اعتقلت قوات الأمن خمسة أشخاص في مدينة ${p} بتهمة التخطيط لهجمات، وفق بيان للشرطة.`,
  ];
  const lines: string[] = [];
  for (let k = 0; k < n; k++) {
    const day = String(1 + (k % 28)).padStart(2, "0");
    const place = places[k % places.length];
    lines.push(JSON.stringify({ id: `s${k}`, title: `خبر ${k}`, content: `${kinds[k % kinds.length](place)} وأضاف المصدر أن الوضع في ${place} بقي متوترا حتى صباح اليوم (${k}).`, source: k % 2 ? "okaz" : "aawsat", date_extracted: `2015-0${1 + (k % 9)}-${day} 10:00:00` }));
  }
  return lines.join("\n") + "\n";
}

function worker(url: string, extra: string[] = []): { p: ChildProcess; out: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>; firstBatch: Promise<void> } {
  const p = spawn(process.execPath, [BIN, "worker", "--db", url, "--workers", "1", "--job-timeout", "3", ...extra], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "", stderr = "";
  let onBatch!: () => void;
  const firstBatch = new Promise<void>((r) => (onBatch = r));
  p.stdout!.on("data", (d) => (stdout += d));
  p.stderr!.on("data", (d) => {
    stderr += d;
    if (/batch of/.test(stderr)) onBatch();
  });
  const out = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((r) => p.on("close", (code, signal) => r({ code, signal, stdout, stderr })));
  return { p, out, firstBatch };
}

describe.runIf(built && (!UNREACHABLE || REQUIRED))("workers on the queue", () => {
  const drops: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const d of drops) await d();
  });

  it("two workers and one killed mid-run store every article once", async () => {
    const N = 40;
    const db = await createTestDatabase();
    drops.push(db.drop);
    const dir = mkdtempSync(join(tmpdir(), "marsad-queue-"));
    const file = join(dir, "sample.jsonl");
    writeFileSync(file, sample(N));

    expect(marsad(["ingest", file, "--db", db.url, "--enqueue", "--batch", "2", "--job-timeout", "3"]).stdout).toMatch(/queued 40 articles in 20 batches/);
    expect(marsad(["ingest", file, "--db", db.url, "--enqueue", "--batch", "2"]).stdout).toMatch(/queued 0 articles in 0 batches; 40 already stored or queued/);

    // the first worker alone: when it has stored a batch it holds the next one; it dies with it
    const victim = worker(db.url);
    await victim.firstBatch;
    victim.p.kill("SIGKILL");
    expect((await victim.out).signal).toBe("SIGKILL");
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const held = Number((await client.query("SELECT count(*) AS n FROM pgboss.job WHERE state = 'active'")).rows[0].n);
      expect(held).toBeGreaterThan(0);

      const [a, b] = [worker(db.url, ["--exit-when-idle"]), worker(db.url, ["--exit-when-idle"])];
      const [ra, rb] = await Promise.all([a.out, b.out]);
      expect([ra.code, rb.code]).toEqual([0, 0]);
      // both took part
      expect(ra.stderr).toMatch(/batch of/);
      expect(rb.stderr).toMatch(/batch of/);

      const count = async (sql: string) => Number((await client.query(sql)).rows[0].n);
      expect(await count("SELECT count(*) AS n FROM articles")).toBe(N);
      expect(await count("SELECT count(DISTINCT hash) AS n FROM articles")).toBe(N);
      // the killed worker's batch came back and was done by another
      expect(await count("SELECT count(*) AS n FROM (SELECT retry_count FROM pgboss.job UNION ALL SELECT retry_count FROM pgboss.archive) j WHERE retry_count > 0")).toBeGreaterThan(0);
      expect(await count("SELECT count(*) AS n FROM pgboss.job WHERE state <> 'completed'")).toBe(0);

      // the same events as one plain SQLite ingest, article by article: none lost, none twice
      const lite = join(dir, "m.db");
      expect(marsad(["ingest", file, "--db", lite, "--workers", "0"]).code).toBe(0);
      const perArticle = "SELECT a.hash, count(e.id) AS n FROM articles a LEFT JOIN events e ON e.article_id = a.id GROUP BY a.hash ORDER BY a.hash";
      const sq = new Database(lite, { readonly: true });
      const want = Object.fromEntries((sq.prepare(perArticle).all() as Array<{ hash: string; n: number }>).map((r) => [r.hash, Number(r.n)]));
      // and the same stories, ids included, whichever worker wrote which batch when (the re-merge pass)
      const storyRows = "SELECT id, type, place_name, actor_name, date_first, date_last, reports, corroboration, fatalities FROM stories ORDER BY id";
      const members = "SELECT e.story_id, a.hash, e.local_id FROM events e JOIN articles a ON a.id = e.article_id ORDER BY e.story_id, a.hash, e.local_id";
      const originals = "SELECT a.hash, o.hash AS original FROM articles a JOIN articles o ON o.id = a.duplicate_of ORDER BY a.hash";
      const wantStories = [sq.prepare(storyRows).all(), sq.prepare(members).all(), sq.prepare(originals).all()];
      sq.close();
      const got = Object.fromEntries((await client.query(perArticle)).rows.map((r) => [r.hash, Number(r.n)]));
      expect(Object.values(want).reduce((x, y) => x + y, 0)).toBeGreaterThan(N / 2);
      expect(got).toEqual(want);
      expect(wantStories[0].length).toBeGreaterThan(3);
      expect([(await client.query(storyRows)).rows, (await client.query(members)).rows, (await client.query(originals)).rows]).toEqual(wantStories);

      expect(marsad(["status", "--db", db.url]).stdout).toMatch(/0 batches waiting .*0 running.*\n.*\nstore: 40 articles/);
    } finally {
      await client.end();
    }
  }, 180_000);

  it("refuses an SQLite store for the queue, in one line", () => {
    const r = marsad(["worker", "--db", "some.db"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^marsad: error: marsad worker needs a PostgreSQL store/);
  });
});
