import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnalyzer } from "../../src/analyze.js";
import { buildServer } from "../../src/server/app.js";
import { BACKENDS } from "../helpers/backends.js";
import { filledStore } from "../helpers/corpus.js";
import { resources } from "../helpers/resources.js";

describe.each(BACKENDS)("served from $name", ({ create, skip }) => {
  if (skip) return void it.skip(skip);
  let app: FastifyInstance;
  let open: FastifyInstance;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const made = await create();
    dispose = made.dispose;
    const store = await filledStore(made.store);
    const analyzer = createAnalyzer(resources());
    app = await buildServer({ store, analyzer, tiles: null, webRoot: "/nonexistent" });
    open = await buildServer({ store, analyzer, tiles: null, token: "s3cret", webRoot: "/nonexistent" });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await open?.close();
    await dispose?.();
  });

  const get = async (url: string) => {
    const r = await app.inject({ method: "GET", url });
    return { status: r.statusCode, body: r.json(), headers: r.headers };
  };

  describe("the HTTP API", () => {
    it("lists events, newest first, with paging", async () => {
      const r = await get("/api/events?limit=2");
      expect(r.status).toBe(200);
      expect(r.body.items).toHaveLength(2);
      expect(r.body.total).toBeGreaterThan(3);
      expect(r.body.items[0].date >= r.body.items[1].date).toBe(true);
    });

    it.each([
      ["type", "/api/events?type=airstrike", (e: { type: string }) => e.type === "airstrike"],
      ["date range", "/api/events?since=2024-12-06&until=2024-12-07", (e: { date: string }) => e.date >= "2024-12-06" && e.date <= "2024-12-07"],
      ["bounding box", "/api/events?bbox=43,15,45,18", (e: { lon: number; lat: number }) => e.lon >= 43 && e.lon <= 45 && e.lat >= 15 && e.lat <= 18],
      ["place", "/api/events?place=" + encodeURIComponent("حماة"), (e: { place: string }) => e.place === "حماة"],
      ["actor", "/api/events?actor=" + encodeURIComponent("التحالف"), (e: { actor: string }) => e.actor.includes("التحالف")],
    ])("filters by %s", async (_what, url, test) => {
      const r = await get(url);
      expect(r.status).toBe(200);
      expect(r.body.items.length).toBeGreaterThan(0);
      expect(r.body.items.every(test)).toBe(true);
    });

    it("gives one event with its reports, sentences and what to highlight", async () => {
      const list = await get("/api/events?type=airstrike");
      const r = await get(`/api/events/${list.body.items[0].id}`);
      expect(r.status).toBe(200);
      const [rep] = r.body.reports;
      expect(rep.sentence).toContain("غارات");
      const [a, b] = rep.highlights.trigger;
      expect(rep.sentence.slice(a, b)).toMatch(/غارات/);
      expect(rep.article.source).toBe("مصدر د");
    });

    it("answers 404 for an unknown event or article, and for an unknown path", async () => {
      expect((await get("/api/events/999999")).status).toBe(404);
      expect((await get("/api/articles/999999")).status).toBe(404);
      expect((await get("/api/nothing")).body.error).toMatch(/openapi/);
    });

    it.each([
      ["/api/events?since=yesterday", /since: must be a date as YYYY-MM-DD/],
      ["/api/events?type=picnic", /type: must be event types among/],
      ["/api/events?bbox=1,2,3", /bbox: must be minLon,minLat,maxLon,maxLat/],
      ["/api/events?limit=-4", /limit/],
      ["/api/events?colour=red", /colour/],
      ["/api/events/abc", /id/],
      ["/api/search", /q/],
    ])("refuses %s with a 400 that says why", async (url, message) => {
      const r = await get(url);
      expect(r.status).toBe(400);
      expect(r.body.error).toMatch(message);
    });

    it("serves counts per day, places, control, articles and search", async () => {
      expect((await get("/api/counts")).body.days.length).toBeGreaterThan(2);
      expect((await get("/api/places")).body.items.some((p: { name: string }) => p.name === "صعدة")).toBe(true);
      expect((await get("/api/control?at=2024-12-06")).body.places.some((p: { place: string; holderAt: string }) => p.place === "حماة" && p.holderAt === "الفصائل المسلحة")).toBe(true);
      const arts = (await get("/api/articles")).body;
      const one = await get(`/api/articles/${arts.items[0].id}`);
      expect(one.body.analysis.schema).toBe("marsad.document/1");
      expect(one.body.analysis.tokens).toBeUndefined();
      expect((await get("/api/search?q=" + encodeURIComponent("البصره"))).body.items.length).toBeGreaterThan(0);
    });

    it("describes itself in OpenAPI", async () => {
      const r = await get("/api/openapi.json");
      expect(r.body.openapi).toMatch(/^3\./);
      expect(Object.keys(r.body.paths)).toEqual(expect.arrayContaining(["/api/events", "/api/events/{id}", "/api/places", "/api/control", "/api/articles/{id}", "/api/search", "/api/counts", "/api/analyze"]));
    });

    it("sends a Content-Security-Policy with every answer", async () => {
      const r = await get("/api/events");
      expect(r.headers["content-security-policy"]).toMatch(/default-src 'self'.*script-src 'self'/);
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
    });

    it("analyses a pasted article without storing it", async () => {
      const before = (await get("/api/articles")).body.total;
      const r = await app.inject({ method: "POST", url: "/api/analyze", headers: { "content-type": "text/plain; charset=utf-8" }, payload: "سيطرت الفصائل على مدينة حمص مساء السبت." });
      expect(r.statusCode).toBe(200);
      expect(r.json().events[0]).toMatchObject({ type: "seize_control" });
      const j = await app.inject({ method: "POST", url: "/api/analyze", payload: { text: "سيطرت الفصائل على مدينة حمص مساء السبت.", published: "2024-12-07" } });
      expect(j.json().events[0].date).toBe("2024-12-07");
      expect((await get("/api/articles")).body.total).toBe(before);
    });

    it("refuses an empty or oversized paste with a clear message", async () => {
      const empty = await app.inject({ method: "POST", url: "/api/analyze", payload: { text: "" } });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error).toMatch(/text is empty/);
      const big = await app.inject({ method: "POST", url: "/api/analyze", headers: { "content-type": "text/plain" }, payload: "ا".repeat(3 * 1024 * 1024) });
      expect(big.statusCode).toBe(413);
      expect(big.json().error).toMatch(/too large/);
    });

    it("is read-only without a token, and takes an article with it", async () => {
      const text = "اعتقلت الشرطة خمسة أشخاص في مدينة الموصل مساء الأحد بتهمة التخطيط لهجمات.";
      expect((await app.inject({ method: "POST", url: "/api/ingest", payload: { text } })).statusCode).toBe(403);
      expect((await open.inject({ method: "POST", url: "/api/ingest", payload: { text } })).statusCode).toBe(401);
      const ok = await open.inject({ method: "POST", url: "/api/ingest", headers: { authorization: "Bearer s3cret" }, payload: { text, published: "2024-12-08" } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ stored: true });
    });
  });
});
