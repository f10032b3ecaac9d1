/**
 * Issue 14, the API's contract: real requests against a store of the fixture articles (and three
 * written here), on both backends, each answer validated against the OpenAPI document the server
 * generates from its zod schemas — every operation exercised. And what the analyst's questions need:
 * names found however they are spelt, strict dates, "according to whom", exports of the filter.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnalyzer } from "../../src/analyze.js";
import { robustRange } from "../../src/server/api.js";
import { buildServer } from "../../src/server/app.js";
import { arabicKey, latinKey, NameCatalog } from "../../src/server/names.js";
import { BACKENDS } from "../helpers/backends.js";
import { filledStore } from "../helpers/corpus.js";
import { resources } from "../helpers/resources.js";
import { record } from "../helpers/store.js";

/** Written for these tests: an airstrike on Sanaa told by anonymous sources (two outlets), a city taken, shelling by the Houthis, a clash at Ramadi. */
const MORE = [
  { text: "قالت مصادر محلية إن طائرات التحالف شنت غارات جوية على مواقع للحوثيين في مدينة صنعاء فجر الأحد، ما أدى إلى مقتل 12 مسلحا.", published: "2015-07-20", source: "aawsat" },
  { text: "قالت مصادر عسكرية إن طائرات التحالف قصفت مواقع الحوثيين في مدينة صنعاء فجر الأحد وقتلت 12 مسلحا.", published: "2015-07-20", source: "okaz" },
  { text: "سيطرت قوات الجيش اليمني على مدينة عدن بعد معارك عنيفة مع ميليشيا الحوثي يوم الجمعة.", published: "2015-07-18", source: "alriyadh" },
  { text: "قصفت ميليشيا الحوثي أحياء مدينة تعز بقذائف الهاون يوم الخميس، ما أدى إلى مقتل ثلاثة مدنيين.", published: "2015-07-17", source: "alyaum" },
  { text: "اشتبكت قوات الأمن العراقية مع مسلحي تنظيم داعش في مدينة الرمادي يوم الاثنين. وقال قائد عمليات الأنبار إن القوات تقدمت نحو وسط مدينة الرمادي.", published: "2015-07-21", source: "okaz" },
];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(BACKENDS)("the OpenAPI contract, served from $name", ({ create, skip }) => {
  if (skip) return void it.skip(skip);
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  let doc: Json;
  let ajv: InstanceType<typeof Ajv2020>;
  /** Operations ("get /api/events/{id}") whose 200 answer a test validated. */
  const covered = new Set<string>();

  beforeAll(async () => {
    const made = await create();
    dispose = made.dispose;
    const store = await filledStore(made.store);
    for (const a of MORE) await store.write([record(a.text, { published: a.published, source: a.source })]);
    app = await buildServer({ store, analyzer: createAnalyzer(resources()), tiles: null, webRoot: "/nonexistent", token: "s3cret" });
    doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema(doc, "openapi");
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  const pointer = (...parts: string[]) => parts.map((p) => encodeURIComponent(p.replace(/~/g, "~0").replace(/\//g, "~1"))).join("/");

  /** Sends a request; checks the status and validates the JSON answer against the document's schema for that operation and status. */
  async function call(method: "GET" | "POST", template: string, url: string, status = 200, extra: { payload?: unknown; headers?: Record<string, string> } = {}) {
    const r = await app.inject({ method, url, ...extra } as never);
    expect(r.statusCode, `${method} ${url}: ${r.body.slice(0, 300)}`).toBe(status);
    const op = doc.paths[template]?.[method.toLowerCase()];
    expect(op, `${method} ${template} is in the document`).toBeTruthy();
    const response = op.responses[String(status)];
    expect(response, `${method} ${template} declares ${status}`).toBeTruthy();
    const json = response.content["application/json"];
    if (json) {
      const validate = ajv.getSchema(`openapi#/${pointer("paths", template, method.toLowerCase(), "responses", String(status), "content", "application/json", "schema")}`)!;
      const body = r.json();
      expect(validate(body), `${method} ${url}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      if (status === 200) covered.add(`${method.toLowerCase()} ${template}`);
      return { body, headers: r.headers };
    }
    expect(Object.keys(response.content)).toContain(String(r.headers["content-type"]).split(";")[0]);
    if (status === 200) covered.add(`${method.toLowerCase()} ${template}`);
    return { body: r.body as unknown as Json, headers: r.headers };
  }

  it("declares an operationId and the answer schemas of every operation", () => {
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths as Json)) {
      for (const [method, op] of Object.entries(ops as Json)) {
        expect(op.operationId, `${method} ${path}`).toMatch(/^[a-zA-Z][a-zA-Z0-9]*$/);
        expect(ids.has(op.operationId)).toBe(false);
        ids.add(op.operationId);
        expect(op.responses["200"]?.content, `${method} ${path} describes its answer`).toBeTruthy();
        for (const [status, r] of Object.entries(op.responses as Json)) expect(Object.keys((r as Json).content ?? {}).length, `${method} ${path} ${status}`).toBeGreaterThan(0);
      }
    }
    expect(ids.size).toBeGreaterThanOrEqual(20);
  });

  it("answers every operation as the document says", async () => {
    const list = await call("GET", "/api/events", "/api/events?limit=3");
    expect(list.body.next_offset).toBe(3);
    await call("GET", "/api/events", "/api/events?fields=map&limit=5");
    await call("GET", "/api/events", "/api/events?all=true&country=YE,SY&limit=50&offset=1");
    const every = await call("GET", "/api/events", "/api/events?all=true&limit=1000");
    for (const e of every.body.items) await call("GET", "/api/events/{id}", `/api/events/${e.id}`);
    await call("GET", "/api/events/{id}", "/api/events/999999", 404);
    await call("GET", "/api/events", "/api/events?from=2015-13-01", 400);
    await call("GET", "/api/extent", "/api/extent");
    await call("GET", "/api/counts", "/api/counts?type=airstrike");
    await call("GET", "/api/countries", "/api/countries");
    await call("GET", "/api/admin1", "/api/admin1?country=YE");
    await call("GET", "/api/outlets", "/api/outlets");
    const actors = await call("GET", "/api/actors", "/api/actors?limit=200");
    for (const a of actors.body.items.slice(0, 8)) await call("GET", "/api/actors/{id}", `/api/actors/${encodeURIComponent(a.id)}`);
    await call("GET", "/api/actors/{id}", "/api/actors/nobody.at.all", 404);
    const places = await call("GET", "/api/places", "/api/places");
    for (const p of places.body.items.slice(0, 8)) await call("GET", "/api/places/{id}", `/api/places/${encodeURIComponent(p.ref ?? p.name)}`);
    await call("GET", "/api/quotes", `/api/quotes?place=${encodeURIComponent("الرمادي")}`);
    await call("GET", "/api/quotes", `/api/quotes?actor=ye.houthis`);
    await call("GET", "/api/quotes", "/api/quotes", 400);
    await call("GET", "/api/control", "/api/control?at=2024-12-06");
    await call("GET", "/api/control", "/api/control?country=YE");
    const arts = await call("GET", "/api/articles", "/api/articles?limit=3");
    await call("GET", "/api/articles/{id}", `/api/articles/${arts.body.items[0].id}`);
    await call("GET", "/api/search", `/api/search?q=${encodeURIComponent("التحالف")}&group=speaker`);
    await call("GET", "/api/search", `/api/search?q=${encodeURIComponent("التحالف")}&group=place`);
    await call("GET", "/api/config", "/api/config");
    await call("GET", "/api/openapi.json", "/api/openapi.json");
    for (const format of ["csv", "geojson", "jsonl"]) await call("GET", "/api/export", `/api/export?format=${format}&type=airstrike`);
    await call("POST", "/api/analyze", "/api/analyze", 200, { payload: { text: "قصف الجيش مدينة حمص صباح السبت.", published: "2024-12-07" } });
    await call("POST", "/api/ingest", "/api/ingest", 401, { payload: { text: "قصف الجيش مدينة حمص صباح السبت." } });
    await call("POST", "/api/ingest", "/api/ingest", 200, { payload: { text: "قصفت القوات مدينة حلب مساء الأحد.", published: "2024-12-08" }, headers: { authorization: "Bearer s3cret" } });
    const operations = Object.entries(doc.paths as Json).flatMap(([path, ops]) => Object.keys(ops as Json).map((m) => `${m} ${path}`));
    expect(operations.filter((o) => !covered.has(o))).toEqual([]);
  }, 120_000);

  const get = async (url: string) => {
    const r = await app.inject({ method: "GET", url });
    return { status: r.statusCode, body: r.json() };
  };

  it.each([["2015-13-01"], ["2015-02-30"], ["2015-7-1"], ["20150701"]])("refuses the date %s with one line", async (d) => {
    for (const p of ["from", "to"]) {
      const r = await get(`/api/events?${p}=${d}`);
      expect(r.status).toBe(400);
      expect(r.body.error).toMatch(new RegExp(`^bad request: ${p}: must be a`));
      expect(r.body.error).not.toMatch(/\n/);
    }
  });

  it.each([["الحوثى"], ["الحوثيين"], ["حوثي"], ["Houthi"], ["houthis"]])("finds the Houthis as %s, in suggestions and in the filter", async (q) => {
    const s = await get(`/api/actors?q=${encodeURIComponent(q)}`);
    expect(s.body.items.map((a: Json) => a.id)).toContain("ye.houthis");
  });

  it("filters by a place named in Arabic or English, by type, fatalities, outlet and dates", async () => {
    const url = (place: string, least = 10) => `/api/events?place=${encodeURIComponent(place)}&type=airstrike&min_fatalities=${least}&from=2015-07-01&to=2015-07-31`;
    const [ar, bare, en] = [await get(url("صنعاء")), await get(url("صنعا")), await get(url("Sanaa"))];
    expect(ar.body.total).toBeGreaterThan(0);
    expect(bare.body).toEqual(ar.body);
    expect(en.body).toEqual(ar.body);
    expect(ar.body.items.every((e: Json) => e.place === "صنعاء" && e.fatalities >= 10 && e.date >= "2015-07-01")).toBe(true);
    expect((await get(`${url("صنعاء")}&outlet=okaz`)).body.total).toBe(ar.body.total);
    expect((await get(`${url("صنعاء")}&outlet=nobody`)).body.total).toBe(0);
    expect((await get(url("صنعاء", 100))).body.total).toBe(0);
    expect((await get(`/api/events?place=${encodeURIComponent("عد")}`)).body.total).toBe(0);
  });

  it("says according to whom: each report's outlet, sentence and claim with its source; reported by N outlets", async () => {
    const [strike] = (await get(`/api/events?place=Sanaa&type=airstrike`)).body.items;
    const d = (await get(`/api/events/${strike.id}`)).body;
    expect(d.corroboration).toBe(2);
    expect(d.corroboration_label).toBe("reported by 2 outlets");
    expect(d.outlets.map((o: Json) => o.outlet).sort()).toEqual(["aawsat", "okaz"]);
    const claim = d.reports.flatMap((r: Json) => r.sources).find((s: Json) => s.kind === "claim");
    expect(claim.name).toMatch(/مصادر/);
    expect(claim.text).toMatch(/صنعاء/);
    expect(claim.stance).toBe("asserted");
    expect(JSON.stringify(d)).not.toMatch(/confirmed|مؤكد/);
  });

  it("gives the actor page and the place page", async () => {
    const actor = (await get("/api/actors/ye.houthis")).body;
    expect(actor.names.length).toBeGreaterThan(0);
    const place = (await get(`/api/places/${encodeURIComponent("Aden")}`)).body;
    expect(place.control.some((c: Json) => c.change === "seize_control")).toBe(true);
    const ramadi = (await get(`/api/quotes?place=Ramadi`)).body;
    expect(ramadi.speakers[0].speaker).toMatch(/قائد/);
  });

  it("exports what the filters show", async () => {
    const csv = await app.inject({ method: "GET", url: "/api/export?format=csv&place=Sanaa&type=airstrike" });
    const lines = csv.body.trim().split("\n");
    expect(lines[0]).toMatch(/^event_id_cnty,event_date,year/);
    expect(lines).toHaveLength(2);
    expect(csv.headers["content-disposition"]).toMatch(/marsad-events\.csv/);
    const geo = JSON.parse((await app.inject({ method: "GET", url: "/api/export?format=geojson&country=YE" })).body);
    expect(geo.features.length).toBeGreaterThan(1);
    expect(geo.features.every((f: Json) => f.properties.country === "Yemen")).toBe(true);
    const jsonl = (await app.inject({ method: "GET", url: "/api/export?format=jsonl&limit=2" })).body.trim().split("\n");
    expect(jsonl).toHaveLength(2);
    expect((await get("/api/export?format=xls")).status).toBe(400);
  });
});

describe("the data's real period", () => {
  it("sets outliers aside", () => {
    const days = [{ date: "1906-05-01", n: 1 }, ...Array.from({ length: 30 }, (_, k) => ({ date: `2015-07-${String(k + 1).padStart(2, "0")}`, n: 10 })), { date: "2024-01-01", n: 1 }];
    expect(robustRange(days)).toEqual({ min: "2015-07-01", max: "2015-07-30" });
    expect(robustRange([])).toEqual({ min: null, max: null });
  });
});

describe("names as typed", () => {
  const catalog = new NameCatalog(
    [
      { name: "الحوثيين", ref: "ye.houthis", events: 5, en: "Houthis (Ansar Allah)" },
      { name: "عدنان", ref: null, events: 1, en: "Adnan" },
      { name: "عدن", ref: "ye.aden", events: 3, en: "Aden" },
    ],
    true,
  );
  it.each([
    ["عدن", ["ye.aden"], []],
    ["Aden", ["ye.aden"], []],
    ["عدنان", [], ["عدنان"]],
    ["الحوثيين", ["ye.houthis"], []],
  ])("a place query %s matches whole words", (q, refs, names) => expect(catalog.match(q)).toEqual({ refs, names }));
  it.each([
    ["إِدْلِب", "ادلب"],
    ["صنعاء", "صنعا"],
    ["الحوثيـــين", "الحوثيين"],
  ])("%s folds to %s", (a, b) => expect(arabicKey(a)).toBe(b));
  it("folds Latin accents and marks", () => expect(latinKey("al-Ḥūthī’s")).toBe("al huthis"));
});
