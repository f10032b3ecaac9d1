/**
 * The HTTP API over the store. Every operation is declared once (routes.ts) with the zod schemas of
 * its request and answers (contract.ts); the OpenAPI document is written from those declarations.
 * Groups of routes: events and what filters them (here), the actor, place and quote pages and search
 * (api-pages.ts), exports (api-export.ts), analysis and ingest (api-analyze.ts). GET answers are cached
 * by URL (the store only changes through POST /api/ingest, which clears the cache).
 */
import type { FastifyInstance } from "fastify";
import type { AnalysisPool } from "../batch/pool.js";
import { EVENT_TYPES } from "../events/index.js";
import { loadExportContext } from "../english/context.js";
import { acledFields } from "../store/acled.js";
import type { ExportContext } from "../store/export.js";
import type { Store } from "../store/store.js";
import { registerAnalysis } from "./api-analyze.js";
import { registerExport } from "./api-export.js";
import { registerPages } from "./api-pages.js";
import { LruCache, type CacheLimits } from "./cache.js";
import { ApiContext } from "./context.js";
import * as C from "./contract.js";
import { openApi } from "./openapi.js";
import { Routes, Shaped } from "./routes.js";

export { EventQuery } from "./contract.js";

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

/** The share of events set aside at each end when telling the data's real period (history dated 1906 …). */
const OUTLIER_SHARE = 0.005;

/** Where the words of `needle` stand in `hay` (first occurrence), for highlighting; null when absent. */
function locate(hay: string, needle: string | null | undefined): [number, number] | null {
  if (!needle) return null;
  const at = hay.indexOf(needle);
  return at < 0 ? null : [at, at + needle.length];
}

/** The days at which `share` of the events lie before (and after): the period without its outliers. */
export function robustRange(days: Array<{ date: string; n: number }>, share = OUTLIER_SHARE): { min: string | null; max: string | null } {
  const total = days.reduce((t, d) => t + d.n, 0);
  if (!total) return { min: null, max: null };
  const cut = Math.floor(total * share);
  let seen = 0, min: string | null = null, max: string | null = null;
  for (const d of days) if ((seen += d.n) > cut) {
    min = d.date;
    break;
  }
  seen = 0;
  for (let k = days.length - 1; k >= 0; k--) if ((seen += days[k].n) > cut) {
    max = days[k].date;
    break;
  }
  return { min, max };
}

export function registerApi(app: FastifyInstance, opts: ApiOptions): Routes {
  const { store } = opts;
  const ctx = new ApiContext(store, opts.english ?? loadExportContext);
  const cache = new LruCache(opts.cacheLimits);
  ctx.onChange(() => cache.clear());
  const routes = new Routes(app, cache, () => ctx.fresh());
  const errors = { 400: C.ErrorAnswer };

  routes.add({ method: "GET", path: "/api/openapi.json", operationId: "getOpenApi", summary: "This document", responses: { 200: C.OpenApiAnswer }, cache: false }, async () => openApi(routes.operations));
  routes.add({ method: "GET", path: "/api/config", operationId: "getConfig", summary: "Settings the web app reads (tile URL, whether ingest is open, the event types)", responses: { 200: C.ConfigAnswer } }, async () => ({
    tiles: opts.tiles, ingest: !!opts.token, types: [...EVENT_TYPES],
  }));

  routes.add(
    { method: "GET", path: "/api/events", operationId: "listEvents", summary: "Events (one per happening, merged across reports), newest first, filtered and paged; fields=map gives compact rows for the map", query: C.EventQuery, responses: { 200: C.EventList, ...errors } },
    async ({ query: q }) => {
      const query = { ...(await ctx.query(q)), limit: q.limit, offset: q.offset, fields: q.fields };
      const next = (total: number) => (q.offset + q.limit < total && q.limit > 0 ? q.offset + q.limit : null);
      if (q.fields === "full") {
        // from memory: each event written once through the Event schema, the page's frame through EventPage
        const fast = await ctx.listEventsJson(query);
        if (fast) {
          const frame = JSON.stringify(C.EventPage.parse({ total: fast.total, limit: q.limit, offset: q.offset, next_offset: next(fast.total), items: [] }));
          return new Shaped(`${frame.slice(0, -3)}${fast.items}}`);
        }
      }
      const r = await ctx.listEvents(query);
      const page = { total: r.total, limit: q.limit, offset: q.offset, next_offset: next(r.total) };
      if ("map" in r) return { ...page, fields: ["id", "type", "lat", "lon"], rows: r.map };
      return { ...page, items: r.rows.map((row) => ctx.event(row)) };
    },
  );

  routes.add(
    { method: "GET", path: "/api/events/{id}", operationId: "getEvent", summary: "One event with each report: outlet, date, sentence (with what to highlight) and the claims or quotes it rests on", params: C.Id, responses: { 200: C.EventDetail, ...errors, 404: C.ErrorAnswer } },
    async ({ params, reply }) => {
      const detail = await store.storyDetail(params.id);
      if (!detail) return void reply.code(404).send({ error: `no event ${params.id}` });
      const record = (await store.stories({ id: params.id }))[0];
      const said = await store.saidIn(detail.reports.map((r) => Number(r.article_id)));
      const saidOf = new Map(said.map((s) => [`${s.kind}\u0001${s.article_id}\u0001${s.local_id}`, s]));
      const outlets = new Map<string, number>();
      const reports = detail.reports.map((r) => {
        const ev = JSON.parse(String(r.json)) as {
          mentions: Array<{ start: number; end: number; sentenceStart: number }>;
          sources: Array<{ kind: "claim" | "quote" | "outlet"; id: string | null; name: string; name_en: string | null; descriptor: string | null; via: string | null }>;
          fatalities: number | null;
          count: number | null;
          background?: boolean;
        };
        const sentence = String(r.sentence ?? "");
        const m = ev.mentions[0];
        const outlet = (r.source as string | null) ?? null;
        if (outlet) outlets.set(outlet, (outlets.get(outlet) ?? 0) + 1);
        return {
          event: Number(r.id),
          article: { id: Number(r.article_id), title: r.title as string | null, url: r.url as string | null, source: outlet, published: r.published as string | null },
          outlet,
          date: r.date as string | null, date_precision: r.date_precision as string | null, modality: String(r.modality), happened: Number(r.happened) === 1, background: !!ev.background,
          actor: r.actor_name as string | null, place: r.place_name as string | null,
          actor_en: ctx.en.actor(r.actor_ref as string | null, r.actor_name as string | null), place_en: ctx.en.place(r.place_ref as string | null, r.place_name as string | null),
          fatalities: ev.fatalities, count: ev.count, sentence,
          highlights: { trigger: m ? ([m.start - m.sentenceStart, m.end - m.sentenceStart] as [number, number]) : null, actor: locate(sentence, r.actor_name as string | null), place: locate(sentence, r.place_name as string | null) },
          sources: (ev.sources ?? []).map((s) => {
            const words = s.kind === "outlet" || !s.id ? undefined : saidOf.get(`${s.kind}\u0001${r.article_id}\u0001${s.id}`);
            return { kind: s.kind, name: s.name, name_en: s.name_en ?? null, descriptor: s.descriptor ?? null, via: s.via ?? null, text: words?.text ?? null, stance: words?.stance ?? null };
          }),
        };
      });
      const event = ctx.event(detail.story);
      return {
        ...event,
        note_en: record ? acledFields(record, ctx.english(), { numericInters: false }).notes : null,
        outlets: [...outlets].map(([outlet, n]) => ({ outlet, reports: n })).sort((a, b) => b.reports - a.reports),
        corroboration_label: `reported by ${event.corroboration} outlet${event.corroboration === 1 ? "" : "s"}`,
        reports,
      };
    },
  );

  routes.add(
    { method: "GET", path: "/api/extent", operationId: "getExtent", summary: "The period the data covers: full and robust (outliers set aside) first and last days, the articles' period, and events per day for the timeline", query: C.ExtentQuery, responses: { 200: C.Extent, ...errors } },
    async ({ query }) => {
      const days = await ctx.countsPerDay(await ctx.query(query));
      const published = await store.publishedRange();
      const robust = robustRange(days);
      return {
        events: days.reduce((t, d) => t + d.n, 0), min: days[0]?.date ?? null, max: days[days.length - 1]?.date ?? null,
        robust_min: robust.min, robust_max: robust.max, published_min: published.min, published_max: published.max, days,
      };
    },
  );

  routes.add(
    { method: "GET", path: "/api/counts", operationId: "countEventsPerDay", summary: "Events per day, with the event list's filters (for the timeline)", query: C.FilterQuery, responses: { 200: C.Counts, ...errors } },
    async ({ query }) => ({ days: await ctx.countsPerDay(await ctx.query(query)) }),
  );

  routes.add(
    { method: "GET", path: "/api/countries", operationId: "listCountries", summary: "Countries with events, most first", query: C.CountryQuery, responses: { 200: C.Countries, ...errors } },
    async ({ query }) => {
      return { items: await store.countries({ all: query.all }) };
    },
  );

  routes.add(
    { method: "GET", path: "/api/admin1", operationId: "listAdmin1", summary: "Governorates (first-level units) with events, most first", query: C.Admin1Query, responses: { 200: C.Admin1s, ...errors } },
    async ({ query }) => ({ items: await store.admin1s({ country: query.country?.toUpperCase(), q: query.q, limit: query.limit }) }),
  );

  routes.add(
    { method: "GET", path: "/api/outlets", operationId: "listOutlets", summary: "Outlets with the events they report, most first", responses: { 200: C.Outlets } },
    async () => {
      const table = ctx.english().outlets.byKey;
      return { items: (await store.outlets()).map((o) => ({ ...o, name: table.get(o.outlet.toLowerCase())?.nameAr ?? null, name_en: table.get(o.outlet.toLowerCase())?.nameEn ?? null })) };
    },
  );

  routes.add(
    { method: "GET", path: "/api/actors", operationId: "suggestActors", summary: "Actors whose name holds q (normalised Arabic or English), most events first: suggestions for the actor filter", query: C.SuggestQuery, responses: { 200: C.ActorSuggestions, ...errors } },
    async ({ query }) => ({ items: (await ctx.actors()).suggest(query.q?.trim() || undefined, query.limit) }),
  );

  routes.add(
    { method: "GET", path: "/api/places", operationId: "listPlaces", summary: "Places with events, most first (q: name contains)", query: C.PlaceQuery, responses: { 200: C.PlacesAnswer, ...errors } },
    async ({ query }) => ({ items: await store.places(query) }),
  );

  routes.add(
    { method: "GET", path: "/api/control", operationId: "getControl", summary: "Who holds each place over time (and at a date)", query: C.ControlQuery, responses: { 200: C.ControlAnswer, ...errors } },
    async ({ query: q }) => {
      const places = (await store.controlTimeline({ at: q.at, place: q.place })).filter((p) => !q.country || p.country === q.country.toUpperCase());
      return {
        places: places.map((p) => ({
          ...p, place_en: ctx.en.place(p.placeRef, p.place),
          ...(p.holderAt !== undefined ? { holderAt_en: ctx.en.actor(null, p.holderAt) } : {}),
          changes: p.changes.map((c) => ({ ...c, holder_en: ctx.en.actor(null, c.holder) })),
        })),
      };
    },
  );

  registerPages(routes, ctx);
  registerExport(routes, ctx);
  registerAnalysis(routes, { ...opts, ctx, cache });
  return routes;
}
