/**
 * The HTTP API over the store: events (stories), one event with its reports and sentences, places,
 * control at a date, articles with their analysis, search, counts for the timeline, and the analysis
 * of a pasted article. Requests are validated; a bad one gets a 400 with what was wrong. GET answers
 * are cached by URL (the store only changes through POST /api/ingest, which clears the cache).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AnalysisPool } from "../batch/pool.js";
import { contentHash } from "../batch/record.js";
import type { WorkReply } from "../batch/worker.js";
import { EVENT_TYPES } from "../events/index.js";
import { plausible as isPlausibleDate } from "../ingest/dates.js";
import type { MarsadDocument } from "../document.js";
import { loadExportContext } from "../english/context.js";
import { englishStage } from "../english/stage.js";
import { acledFields } from "../store/acled.js";
import type { ExportContext } from "../store/export.js";
import type { StoryRow } from "../store/reads.js";
import type { Store } from "../store/store.js";
import { LruCache, type CacheLimits } from "./cache.js";
import { openApi } from "./openapi.js";

export interface ApiOptions {
  store: Store;
  /** Runs the analyses of POST /api/analyze and /api/ingest: worker threads, off the event loop. */
  analysis: AnalysisPool;
  /** Bearer token that allows POST /api/ingest; without one the API is read-only. */
  token?: string;
  /** Map tile URL template for the web app, or null for outlines only. */
  tiles: string | null;
  cacheLimits?: Partial<CacheLimits>;
  /** English names and notes (loaded on first use; default: the gazetteer with imported places and the actor records). */
  english?: () => ExportContext;
}

/**
 * Analyses waiting or running at once; a request beyond is answered 503 at once (with Retry-After)
 * instead of queueing without bound.
 */
const MAX_PENDING_ANALYSES = 8;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD").refine(isPlausibleDate, "must be a real date between 1800 and 2200");
const types = z
  .string()
  .transform((s) => s.split(",").map((t) => t.trim()).filter(Boolean))
  .refine((l) => l.every((t) => (EVENT_TYPES as readonly string[]).includes(t)), `must be event types among ${EVENT_TYPES.join(", ")}`);
const bbox = z
  .string()
  .transform((s) => s.split(",").map(Number))
  .refine((b) => b.length === 4 && b.every(Number.isFinite) && b[0] <= b[2] && b[1] <= b[3], "must be minLon,minLat,maxLon,maxLat");
const int = (max: number, def: number) => z.coerce.number().int().min(0).max(max).default(def);

export const EventQuery = z.object({
  type: types.optional(),
  actor: z.string().min(1).max(200).optional(),
  place: z.string().min(1).max(200).optional(),
  since: date.optional(),
  until: date.optional(),
  bbox: bbox.optional(),
  /** "true": also stories with no current happened report (background history, planned, denied …). */
  all: z.enum(["true", "false"]).default("false"),
  limit: int(20_000, 100),
  offset: int(10_000_000, 0),
  /** "map": only [id, type, lat, lon] per event, for drawing many markers quickly. */
  fields: z.enum(["full", "map"]).default("full"),
}).strict();
const CountQuery = EventQuery.omit({ limit: true, offset: true, fields: true });
const SearchQuery = z.object({ q: z.string().min(1).max(500), kind: z.enum(["article", "quote", "claim"]).optional(), limit: int(200, 20) }).strict();
const ControlQuery = z.object({ at: date.optional(), place: z.string().min(1).max(200).optional() }).strict();
const PlaceQuery = z.object({ q: z.string().max(200).optional(), limit: int(5000, 500) }).strict();
const ArticleQuery = z.object({ limit: int(500, 50), offset: int(10_000_000, 0) }).strict();
const Id = z.object({ id: z.coerce.number().int().min(1) }).strict();
const AnalyzeBody = z.object({ text: z.string().min(1, "text is empty"), published: date.optional(), format: z.enum(["auto", "text", "html"]).default("auto") }).strict();

/** A readable one-line message from a zod error: "since: must be a date as YYYY-MM-DD". */
function problem(e: z.ZodError): string {
  return e.issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`).join("; ");
}

function parse<T extends z.ZodTypeAny>(schema: T, value: unknown, reply: FastifyReply): z.infer<T> | undefined {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  void reply.code(400).send({ error: `bad request: ${problem(r.error)}` });
  return undefined;
}

/** English names as the exports give them (docs/english.md): listed, glossed or romanised. */
interface EnglishOf {
  actor(ref: string | null, name: string | null): string | null;
  place(ref: string | null, name: string | null): string | null;
}

const story = (r: StoryRow, en: EnglishOf) => ({
  id: r.id, type: r.type, place: r.place_name, place_en: en.place(r.place_ref, r.place_name), lat: r.lat, lon: r.lon, country: r.country, admin1: r.admin1,
  actor: r.actor_name, actor_en: en.actor(r.actor_ref, r.actor_name),
  date: r.date_first, date_last: r.date_last, reports: r.reports, corroboration: r.corroboration, fatalities: r.fatalities,
});

/** Where the words of `needle` stand in `hay` (first occurrence), for highlighting; null when absent. */
function locate(hay: string, needle: string | null | undefined): [number, number] | null {
  if (!needle) return null;
  const at = hay.indexOf(needle);
  return at < 0 ? null : [at, at + needle.length];
}

export function registerApi(app: FastifyInstance, opts: ApiOptions): void {
  const { store } = opts;
  let context: ExportContext | undefined;
  const english = (): ExportContext => (context ??= (opts.english ?? loadExportContext)());
  const en: EnglishOf = {
    actor: (ref, name) => (name ? english().english.names.actor(ref, name)?.name ?? null : null),
    place: (ref, name) => (name ? english().english.names.place(ref, name)?.name ?? null : null),
  };
  const cache = new LruCache(opts.cacheLimits);
  const cached = (handler: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>) => async (req: FastifyRequest, reply: FastifyReply) => {
    const hit = cache.get(req.url);
    if (hit !== undefined) return reply.type("application/json; charset=utf-8").send(hit);
    const body = await handler(req, reply);
    if (reply.sent || body === undefined) return;
    const json = JSON.stringify(body);
    if (reply.statusCode === 200) cache.set(req.url, json);
    return reply.type("application/json; charset=utf-8").send(json);
  };

  app.get("/api/openapi.json", async () => openApi());
  app.get("/api/config", async () => ({ tiles: opts.tiles, ingest: !!opts.token, types: EVENT_TYPES }));

  app.get(
    "/api/events",
    cached(async (req, reply) => {
      const q = parse(EventQuery, req.query, reply);
      if (!q) return;
      const r = await store.listEvents(q);
      if ("map" in r) return { total: r.total, limit: q.limit, offset: q.offset, fields: ["id", "type", "lat", "lon"], rows: r.map };
      return { total: r.total, limit: q.limit, offset: q.offset, items: r.rows.map((row) => story(row, en)) };
    }),
  );

  app.get(
    "/api/events/:id",
    cached(async (req, reply) => {
      const p = parse(Id, req.params, reply);
      if (!p) return;
      const detail = await store.storyDetail(p.id);
      if (!detail) return void reply.code(404).send({ error: `no event ${p.id}` });
      const record = (await store.stories({ id: p.id }))[0];
      return {
        ...story(detail.story, en),
        note_en: record ? acledFields(record, english(), { numericInters: false }).notes : null,
        reports: detail.reports.map((r) => {
          const ev = JSON.parse(String(r.json)) as { mentions: Array<{ start: number; end: number; trigger: string; sentenceStart: number }>; sources: unknown[]; fatalities: number | null; count: number | null };
          const sentence = String(r.sentence ?? "");
          const m = ev.mentions[0];
          const trigger: [number, number] | null = m ? [m.start - m.sentenceStart, m.end - m.sentenceStart] : null;
          return {
            event: r.id, article: { id: r.article_id, title: r.title, url: r.url, source: r.source, published: r.published },
            modality: r.modality, happened: Number(r.happened) === 1, date: r.date, date_precision: r.date_precision, actor: r.actor_name, place: r.place_name,
            actor_en: en.actor(r.actor_ref as string | null, r.actor_name as string | null), place_en: en.place(r.place_ref as string | null, r.place_name as string | null),
            fatalities: ev.fatalities, count: ev.count, sources: ev.sources, sentence,
            highlights: { trigger, actor: locate(sentence, r.actor_name as string | null), place: locate(sentence, r.place_name as string | null) },
          };
        }),
      };
    }),
  );

  app.get(
    "/api/counts",
    cached(async (req, reply) => {
      const q = parse(CountQuery, req.query, reply);
      if (!q) return;
      return { days: await store.countsPerDay(q) };
    }),
  );

  app.get(
    "/api/places",
    cached(async (req, reply) => {
      const q = parse(PlaceQuery, req.query, reply);
      if (!q) return;
      return { items: await store.places(q) };
    }),
  );

  app.get(
    "/api/control",
    cached(async (req, reply) => {
      const q = parse(ControlQuery, req.query, reply);
      if (!q) return;
      const places = await store.controlTimeline({ at: q.at, place: q.place });
      return {
        places: places.map((p) => ({
          ...p, place_en: en.place(p.placeRef, p.place),
          ...(p.holderAt !== undefined ? { holderAt_en: en.actor(null, p.holderAt) } : {}),
          changes: p.changes.map((c) => ({ ...c, holder_en: en.actor(null, c.holder) })),
        })),
      };
    }),
  );

  app.get(
    "/api/articles",
    cached(async (req, reply) => {
      const q = parse(ArticleQuery, req.query, reply);
      if (!q) return;
      return await store.articles(q.limit, q.offset);
    }),
  );

  app.get(
    "/api/articles/:id",
    cached(async (req, reply) => {
      const p = parse(Id, req.params, reply);
      if (!p) return;
      const a = await store.article(p.id);
      if (!a) return void reply.code(404).send({ error: `no article ${p.id}` });
      const { doc, ...meta } = a;
      const analysis = JSON.parse(doc) as MarsadDocument;
      // a document stored before English names were part of the analysis gets them now
      const named = [...(analysis.entities ?? []), ...(analysis.places ?? []), ...(analysis.events ?? []).flatMap((v) => (v.actor ? [v.actor] : []))];
      if (named.some((x) => x.name_en === undefined)) englishStage.run(analysis, { englishNames: english().english.names });
      return { ...meta, analysis };
    }),
  );

  app.get(
    "/api/search",
    cached(async (req, reply) => {
      const q = parse(SearchQuery, req.query, reply);
      if (!q) return;
      return { items: await store.search(q.q, { kind: q.kind, limit: q.limit }) };
    }),
  );

  /** Text of a POST: a JSON body {text, published?, format?}, or the raw text. */
  const analyzeInput = (req: FastifyRequest, reply: FastifyReply): z.infer<typeof AnalyzeBody> | undefined =>
    typeof req.body === "string" ? parse(AnalyzeBody, { text: req.body }, reply) : parse(AnalyzeBody, req.body, reply);

  /** Runs one analysis in the pool; answers 503 when too many wait, 422 when the input is refused. */
  const analyse = async (reply: FastifyReply, body: z.infer<typeof AnalyzeBody>, json?: { tokens: boolean }): Promise<WorkReply | undefined> => {
    if (opts.analysis.pending >= MAX_PENDING_ANALYSES) {
      void reply.code(503).header("retry-after", "5").send({ error: "the server is busy analysing other articles; try again in a few seconds" });
      return undefined;
    }
    const input = { content: body.text, origin: "api", published: body.published, format: body.format };
    const r = await opts.analysis.analyze(input, contentHash(input), json);
    if (r.ok) return r;
    void reply.code(r.refused ? 422 : 500).send({ error: r.refused ? r.error : `the analysis failed: ${r.error}` });
    return undefined;
  };

  app.post("/api/analyze", async (req, reply) => {
    const body = analyzeInput(req, reply);
    if (!body) return;
    const r = await analyse(reply, body, { tokens: !!(req.query as { tokens?: string }).tokens });
    if (!r || !r.ok || reply.sent) return;
    return reply.type("application/json; charset=utf-8").send(r.json);
  });

  app.post("/api/ingest", async (req, reply) => {
    if (!opts.token) return reply.code(403).send({ error: "this server is read-only; start it with --token to allow ingest" });
    if (req.headers.authorization !== `Bearer ${opts.token}`) return reply.code(401).send({ error: "missing or wrong token: send Authorization: Bearer <token>" });
    const body = analyzeInput(req, reply);
    if (!body) return;
    const a = await analyse(reply, body);
    if (!a || !a.ok || !a.record || reply.sent) return;
    const r = await store.write([a.record]);
    cache.clear();
    return { stored: r.inserted === 1, events: r.events, duplicate: r.duplicates === 1 };
  });
}
