/**
 * Issue 18, hostile clients: a bounded answer cache, a Host check on the loopback, security headers
 * on every answer (errors too), small request bodies, real dates only, and analyses that run in a
 * worker thread so one slow POST does not hold up other clients.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnalyzer } from "../../src/analyze.js";
import { buildServer, hostName } from "../../src/server/app.js";
import { LruCache } from "../../src/server/cache.js";
import { csvCell } from "../../src/store/export.js";
import { filledStore } from "../helpers/corpus.js";
import { resources } from "../helpers/resources.js";
import { built } from "../helpers/cli.js";

let app: FastifyInstance;
beforeAll(async () => {
  const store = await filledStore();
  app = await buildServer({ store, analyzer: createAnalyzer(resources()), tiles: null, webRoot: "/nonexistent", cacheLimits: { maxEntries: 50, maxChars: 200_000 } });
});
afterAll(async () => app.close());

describe("the answer cache", () => {
  it("keeps at most its entries and its size, dropping the least recently used", () => {
    const c = new LruCache({ maxEntries: 3, maxChars: 100, maxEntryChars: 40 });
    for (const k of ["a", "b", "c", "d"]) c.set(k, "x".repeat(10));
    expect(c.size).toBe(3);
    expect(c.get("a")).toBeUndefined();
    c.set("big", "x".repeat(50));
    expect(c.get("big")).toBeUndefined(); // over the entry limit: served, not kept
    c.set("e", "y".repeat(39));
    c.set("f", "y".repeat(39));
    expect(c.totalChars).toBeLessThanOrEqual(100);
  });

  it("stays bounded under thousands of distinct URLs", async () => {
    for (let k = 0; k < 2000; k++) expect((await app.inject({ method: "GET", url: `/api/events?limit=${k % 500}&offset=${k}` })).statusCode).toBe(200);
    const mem = process.memoryUsage().heapUsed;
    for (let k = 2000; k < 3000; k++) await app.inject({ method: "GET", url: `/api/events?limit=${k % 500}&offset=${k}` });
    expect(process.memoryUsage().heapUsed - mem).toBeLessThan(64 * 1024 * 1024);
  });
});

describe("the Host check", () => {
  it.each([["localhost:8750"], ["127.0.0.1"], ["[::1]:80"]])("answers to %s", async (host) => {
    expect((await app.inject({ method: "GET", url: "/api/config", headers: { host } })).statusCode).toBe(200);
  });
  it.each([["evil.example"], ["evil.example:8750"], ["127.0.0.1.evil.example"]])("refuses %s (DNS rebinding), with the security headers", async (host) => {
    const r = await app.inject({ method: "GET", url: "/api/config", headers: { host } });
    expect(r.statusCode).toBe(421);
    expect(r.headers["content-security-policy"]).toBeTruthy();
  });
  it.each([["localhost:8750", "localhost"], ["[::1]:80", "[::1]"], ["Example.ORG", "example.org"], [undefined, ""]])("reads the name of %s", (h, name) => expect(hostName(h)).toBe(name));
});

describe("every answer carries the security headers", () => {
  it.each([
    ["a 404", { method: "GET" as const, url: "/api/nothing" }],
    ["a 400", { method: "GET" as const, url: "/api/events?since=nope" }],
    ["a bad URL", { method: "GET" as const, url: "/api/events/%E0%A4%A" }],
    ["broken JSON", { method: "POST" as const, url: "/api/analyze", payload: "{oops", headers: { "content-type": "application/json" } }],
    ["an unsupported type", { method: "POST" as const, url: "/api/analyze", payload: "x", headers: { "content-type": "application/x-foo" } }],
    ["a body over the limit", { method: "POST" as const, url: "/api/analyze", payload: "ن".repeat(600 * 1024), headers: { "content-type": "text/plain" } }],
  ])("%s", async (_, req) => {
    const r = await app.inject(req);
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.headers["content-security-policy"]).toMatch(/default-src 'self'/);
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["x-frame-options"]).toBe("DENY");
  });

  it("a body over the limit is named in KB", async () => {
    const r = await app.inject({ method: "POST", url: "/api/analyze", payload: "ن".repeat(600 * 1024), headers: { "content-type": "text/plain" } });
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toMatch(/at most 512 KB/);
  });
});

describe("dates", () => {
  it.each([["2024-02-30"], ["2023-02-29"], ["9999-99-99"]])("an impossible date (%s) is a 400", async (d) => {
    expect((await app.inject({ method: "GET", url: `/api/events?since=${d}` })).statusCode).toBe(400);
    expect((await app.inject({ method: "POST", url: "/api/analyze", payload: { text: "قصف الجيش حمص.", published: d } })).statusCode).toBe(400);
  });
});

describe("CSV cells", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"\"http://x\"\")"],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["بيروت", "بيروت"],
  ])("%s is written so that no spreadsheet runs it", (v, out) => {
    const cell = csvCell(v);
    expect(cell === out || cell === `"${out}"`).toBe(true);
  });
  it("numbers stay numbers", () => expect(csvCell(-35.5)).toBe("-35.5"));
});

describe.runIf(built)("analysis off the event loop", () => {
  it("a hostile POST does not hold up other clients", async () => {
    const { AnalysisPool } = (await import(new URL("../../dist/batch/pool.js", import.meta.url).href)) as typeof import("../../src/batch/pool.js");
    const store = await filledStore();
    const pool = new AnalysisPool({ workers: 1, timeoutMs: 20_000 });
    const server = await buildServer({ store, pool, tiles: null, webRoot: "/nonexistent" });
    try {
      // warm the worker (it loads its data once) and the server's English names (loaded on the first read, about a second)
      expect((await server.inject({ method: "POST", url: "/api/analyze", payload: { text: "قصف الجيش حمص أمس." } })).statusCode).toBe(200);
      expect((await server.inject({ method: "GET", url: "/api/events?limit=1" })).statusCode).toBe(200);
      const slow = server.inject({ method: "POST", url: "/api/analyze", payload: { text: "قال الجيش إن قواته قصفت حمص. ".repeat(9000) } });
      const times: number[] = [];
      for (let k = 0; k < 20; k++) {
        const t0 = performance.now();
        expect((await server.inject({ method: "GET", url: `/api/events?limit=${k + 1}` })).statusCode).toBe(200);
        times.push(performance.now() - t0);
      }
      expect((await slow).statusCode).toBe(200);
      expect(Math.max(...times)).toBeLessThan(500);
    } finally {
      await server.close();
    }
  });
});
