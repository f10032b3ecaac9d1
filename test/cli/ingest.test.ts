/** End-to-end: `marsad ingest` on files, folders, corpora, a local web server, and an interrupted run. */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, built, marsad } from "../helpers/cli.js";

const FIX = new URL("../fixtures/ingest/", import.meta.url).pathname;
const tmp = (): string => mkdtempSync(join(tmpdir(), "marsad-ingest-"));
const count = (db: string, sql: string): number => {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare(sql).pluck().get() as number) ?? 0;
  } finally {
    d.close();
  }
};

describe.runIf(built)("marsad ingest", () => {
  it("reads folders and JSON Lines corpora (plain and gzip), reports bad items and goes on", () => {
    const db = join(tmp(), "m.db");
    const r = marsad(["ingest", join(FIX, "folder"), join(FIX, "corpus.jsonl"), "--db", db, "--workers", "1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/stored 4 new articles/);
    expect(r.stderr).toMatch(/skipped .*corpus\.jsonl line 2: not a JSON object/);
    expect(r.stderr).toMatch(/skipped .*corpus\.jsonl line 3: no content field/);
    expect(count(db, "SELECT count(*) FROM articles")).toBe(4);
    expect(count(db, "SELECT count(*) FROM events")).toBeGreaterThan(3);
    // the same corpus compressed holds the same articles: nothing is added
    const again = marsad(["ingest", join(FIX, "corpus.jsonl.gz"), join(FIX, "folder"), "--db", db, "--workers", "1"]);
    expect(again.stdout).toMatch(/stored 0 new articles/);
    expect(again.stdout).toMatch(/4 already stored/);
    expect(count(db, "SELECT count(*) FROM articles")).toBe(4);
  });

  it("keeps the corpus's source, URL and date", () => {
    const db = join(tmp(), "m.db");
    marsad(["ingest", join(FIX, "corpus.jsonl"), "--db", db, "--workers", "0"]);
    const d = new Database(db, { readonly: true });
    const a = d.prepare("SELECT source, url, published, title FROM articles WHERE doc_id = 'c1'").get();
    d.close();
    expect(a).toEqual({ source: "example", url: "https://example.org/c1", published: "2015-08-03", title: "تظاهرة في البصرة" });
  });

  it("answers control, search and export from what it stored", () => {
    const db = join(tmp(), "m.db");
    marsad(["ingest", join(FIX, "folder"), join(FIX, "corpus.jsonl"), "--db", db, "--workers", "0"]);
    expect(marsad(["search", "البصره", "--db", db]).stdout).toMatch(/تظاهرة في البصرة/);
    expect(marsad(["control", "--db", db, "--place", "كفرنبل"]).stdout).toMatch(/كفرنبل/);
    const csv = marsad(["export", "--format", "acled-csv", "--db", db, "--type", "protest"]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split("\n")[1]).toMatch(/Protests,Peaceful protest/);
    expect(marsad(["export", "--format", "acled", "--db", db, "--type", "protest"]).stdout).toBe(csv.stdout);
    const gdelt = marsad(["export", "--format", "gdelt", "--db", db, "--type", "protest"]);
    expect(gdelt.stdout.split("\n")[0].split("\t")).toHaveLength(61);
    const geo = JSON.parse(marsad(["export", "--format", "geojson", "--db", db]).stdout);
    expect(geo.type).toBe("FeatureCollection");
  });

  it.each([
    [["search", "x", "--db", "/nonexistent/m.db"], 3, /no Marsad database at/],
    [["export", "--since", "last week", "--db", "/tmp/x.db"], 2, /--since must be a date/],
    [["export", "--type", "picnic"], 2, /unknown event type picnic/],
    [["ingest", join(FIX, "folder"), "--db", "/nonexistent/dir/m.db"], 3, /folder .* does not exist/],
    [["ingest", "/nonexistent/dir/file.txt", "--db", "/nonexistent/dir/m.db"], 3, /nothing to ingest: .*no such file or folder/],
  ] as const)("refuses %j with a one-line message", (args, code, message) => {
    const r = marsad([...args]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });
});

/** A feed and its pages on 127.0.0.1, with ETags, a flaky page and request logging. */
function feedServer(): Promise<{ server: Server; base: string; log: string[] }> {
  const log: string[] = [];
  const page = (title: string, body: string) => `<html><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p></article></body></html>`;
  let flaky = 0;
  const server = createServer((req, res) => {
    log.push(`${req.method} ${req.url} ${req.headers["if-none-match"] ?? ""}`);
    if (req.url === "/feed.xml") {
      if (req.headers["if-none-match"] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag: '"v1"' });
      return void res.end(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار المثال</title>
        <item><title>قصف على حلب</title><link>http://${req.headers.host}/a1</link><pubDate>Sat, 07 Dec 2024 10:00:00 GMT</pubDate></item>
        <item><title>اعتقالات في بغداد</title><link>http://${req.headers.host}/flaky</link><pubDate>Sat, 07 Dec 2024 11:00:00 GMT</pubDate></item>
        <item><title>صفحة مفقودة</title><link>http://${req.headers.host}/missing</link></item>
      </channel></rss>`);
    }
    if (req.url === "/a1") return void res.writeHead(200, { "content-type": "text/html" }).end(page("قصف على حلب", "سقطت قذائف صاروخية على أحياء في مدينة حلب صباح السبت، وأفاد سكان بأن القصف استمر ساعات وأدى إلى أضرار كبيرة في المباني السكنية."));
    if (req.url === "/flaky") {
      if (flaky++ === 0) return void res.writeHead(503).end();
      return void res.writeHead(200, { "content-type": "text/html" }).end(page("اعتقالات في بغداد", "اعتقلت قوات الأمن العراقية عشرة أشخاص في العاصمة بغداد صباح السبت بتهمة التخطيط لهجمات، وفق ما أعلنت الشرطة."));
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, log })));
}

describe.runIf(built)("marsad ingest from the web (a local server, no internet)", () => {
  let srv: Awaited<ReturnType<typeof feedServer>>;
  beforeAll(async () => {
    srv = await feedServer();
  });
  afterAll(() => srv.server.close());

  it("reads a feed, fetches its pages (retrying a failing one), reports a missing one, and asks again conditionally", async () => {
    const db = join(tmp(), "m.db");
    const run = (): Promise<{ code: number; stdout: string; stderr: string }> =>
      new Promise((resolve) => {
        const p = spawn(process.execPath, [BIN, "ingest", `${srv.base}/feed.xml`, "--db", db, "--workers", "0", "--host-delay", "50", "--retries", "2"]);
        let stdout = "", stderr = "";
        p.stdout.on("data", (d) => (stdout += d));
        p.stderr.on("data", (d) => (stderr += d));
        p.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
      });
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/stored 2 new articles/);
    expect(first.stderr).toMatch(/skipped .*item 3 .*HTTP 404/);
    expect(srv.log.filter((l) => l.startsWith("GET /flaky"))).toHaveLength(2);
    expect(count(db, "SELECT count(*) FROM articles WHERE source = 'أخبار المثال'")).toBe(2);
    const second = await run();
    expect(second.stdout).toMatch(/stored 0 new articles/);
    expect(srv.log[srv.log.length - 1]).toBe('GET /feed.xml "v1"');
  });
});

describe.runIf(built)("an ingest killed mid-way", () => {
  it("leaves whole batches only, and a second run completes it without duplicates", async () => {
    const dir = tmp();
    const corpus = join(dir, "corpus.jsonl");
    const places = ["حلب", "حماة", "حمص", "إدلب", "درعا", "الرقة", "دير الزور", "اللاذقية"];
    const lines: string[] = [];
    for (let k = 0; k < 1200; k++) {
      const place = places[k % places.length];
      lines.push(JSON.stringify({ id: `k${k}`, title: `تقرير رقم ${k} عن ${place}`, content: `قتل ${k % 50 + 1} أشخاص في قصف على مدينة ${place} صباح السبت، بحسب مصادر محلية أفادت أيضا بأن ${k} عائلة نزحت من الأحياء الشرقية خلال الأيام الماضية.`, date_extracted: "2024-12-07 10:00:00" }));
    }
    writeFileSync(corpus, lines.join("\n") + "\n");
    const db = join(dir, "m.db");
    const child = spawn(process.execPath, [BIN, "ingest", corpus, "--db", db, "--workers", "1", "--batch", "40", "--quiet"], { stdio: "ignore" });
    // wait until some batches are stored, then kill the process outright
    for (let t = 0; t < 600; t++) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        if (count(db, "SELECT count(*) FROM articles") >= 80) break;
      } catch {
        // the database may not exist yet
      }
    }
    child.kill("SIGKILL");
    await new Promise((r) => child.on("close", r));
    const partial = count(db, "SELECT count(*) FROM articles");
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(1200);
    // whole batches only: every stored article has all its event rows, none is half written
    const d = new Database(db, { readonly: true });
    // (the packed analysis lists its events' ids: src/store/compact.ts)
    const torn = (d.prepare("SELECT a.analysis, (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n FROM articles a").all() as Array<{ analysis: Buffer; n: number }>).filter((a) => JSON.parse(inflateRawSync(a.analysis).toString()).events.length !== a.n);
    d.close();
    expect(torn).toEqual([]);
    const r = marsad(["ingest", corpus, "--db", db, "--workers", "1", "--quiet"]);
    expect(r.stdout).toMatch(new RegExp(`${partial} already stored`));
    expect(count(db, "SELECT count(*) FROM articles")).toBe(1200);
    expect(count(db, "SELECT count(*) FROM (SELECT hash FROM articles GROUP BY hash HAVING count(*) > 1)")).toBe(0);
    expect(count(db, "SELECT count(DISTINCT article_id) FROM events")).toBeLessThanOrEqual(1200);
  }, 120_000);
});
