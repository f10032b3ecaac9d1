/**
 * The pages of the workbench: an actor (its events over time, places, who carries its words, whom its
 * words name, who speaks about it), a place (its events, who acts there, who took or left it), the
 * quotes and claims about a place or actor ranked by speaker, and full-text search grouped by speaker
 * or by place. Actors and places are found by id or by name, as the event filters find them.
 */
import type { SearchHit } from "../store/store.js";
import type { ApiContext } from "./context.js";
import * as C from "./contract.js";
import { namedIn, type Suggestion } from "./names.js";
import type { Routes } from "./routes.js";

/** Rows in each list of a page. */
const TOP = 20;
/** Own words read to find whom an actor names; hits read to rank speakers. */
const WORDS_READ = 500;

export function registerPages(routes: Routes, ctx: ApiContext): void {
  const { store } = ctx;
  const find = async (kind: "actors" | "places", id: string): Promise<Suggestion | null> => {
    const catalog = kind === "actors" ? await ctx.actors() : await ctx.places();
    return catalog.byId(id) ?? catalog.suggest(id, 1)[0] ?? null;
  };
  const matchOf = (s: Suggestion) => (s.listed ? { refs: [s.id], names: [] } : { refs: [], names: [s.id] });
  const outletName = (code: string): string | null => ctx.english().outlets.byKey.get(code.toLowerCase())?.nameEn ?? null;

  /** Quotes and claims whose words hold `name`, grouped by speaker, most first. */
  const aboutName = async (name: string, limit: number, except = new Set<string>()) => {
    const hits: SearchHit[] = [...(await store.search(name, { kind: "quote", limit: WORDS_READ })), ...(await store.search(name, { kind: "claim", limit: WORDS_READ }))];
    const groups = new Map<string, SearchHit[]>();
    for (const h of hits) {
      if (!h.who || except.has(h.who)) continue;
      if (!groups.has(h.who)) groups.set(h.who, []);
      groups.get(h.who)!.push(h);
    }
    const speakers = [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, limit);
    return { total: hits.length, speakers };
  };

  routes.add(
    { method: "GET", path: "/api/actors/{id}", operationId: "getActor", summary: "An actor (record id or name): its events over time, types, places, the outlets that carry its words, whom its words name, who speaks about it, its latest events", params: C.Key, responses: { 200: C.ActorPage, 400: C.ErrorAnswer, 404: C.ErrorAnswer } },
    async ({ params, reply }) => {
      const actor = await find("actors", params.id);
      if (!actor) return void reply.code(404).send({ error: `no actor "${params.id.slice(0, 80)}"; find one with /api/actors?q=` });
      const q = { all: "false" as const, actorMatch: matchOf(actor) };
      const [byDay, types, places, recent, carriers, words] = await Promise.all([
        ctx.countsPerDay(q), store.groupCounts(q, "type", 50), store.groupCounts(q, "place", TOP), ctx.listEvents({ ...q, limit: TOP }),
        store.quotedBy(actor.names), store.saidBy(actor.names, WORDS_READ),
      ]);
      const about = await aboutName(actor.name, TOP, new Set(actor.names));
      return {
        id: actor.id, name: actor.name, name_en: actor.name_en, listed: actor.listed, names: actor.names,
        events: byDay.reduce((t, d) => t + d.n, 0), by_day: byDay,
        types: types.map((t) => ({ type: t.key, n: t.n })),
        places: places.map((p) => ({ id: p.key, name: p.name, name_en: ctx.en.place(p.ref, p.name), lat: p.lat, lon: p.lon, country: p.country, events: p.n })),
        quoted_by: carriers.slice(0, TOP).map((c) => ({ name: c.outlet, name_en: outletName(c.outlet), n: c.n })),
        quotes_whom: namedIn(await ctx.actors(), words.map((w) => w.text), new Set([actor.id]), TOP),
        quoted_about: about.speakers.map(([who, hits]) => ({ name: who, name_en: ctx.en.actor(null, who), n: hits.length })),
        recent: "rows" in recent ? recent.rows.map((r) => ctx.event(r)) : [],
      };
    },
  );

  routes.add(
    { method: "GET", path: "/api/places/{id}", operationId: "getPlace", summary: "A place (gazetteer id or name, Arabic or English): its events over time, types, actors, changes of control, latest events", params: C.Key, responses: { 200: C.PlacePage, 400: C.ErrorAnswer, 404: C.ErrorAnswer } },
    async ({ params, reply }) => {
      const place = await find("places", params.id);
      if (!place) return void reply.code(404).send({ error: `no place "${params.id.slice(0, 80)}"; find one with /api/places?q=` });
      const q = { all: "false" as const, placeMatch: matchOf(place) };
      const [byDay, types, actors, recent, where, control] = await Promise.all([
        ctx.countsPerDay(q), store.groupCounts(q, "type", 50), store.groupCounts(q, "actor", TOP), ctx.listEvents({ ...q, limit: TOP }),
        store.groupCounts({ all: "true", placeMatch: matchOf(place) }, "place", 1), store.controlTimeline({ place: place.name }),
      ]);
      const rows = "rows" in recent ? recent.rows : [];
      const at = where[0];
      const changes = control.filter((c) => (place.listed ? c.placeRef === place.id : c.place === place.name) || control.length === 1).flatMap((c) => c.changes);
      return {
        id: place.id, name: place.name, name_en: place.name_en, lat: at?.lat ?? null, lon: at?.lon ?? null, country: at?.country ?? null, admin1: rows[0]?.admin1 ?? null,
        events: byDay.reduce((t, d) => t + d.n, 0), by_day: byDay,
        types: types.map((t) => ({ type: t.key, n: t.n })),
        actors: actors.map((a) => ({ id: a.key, name: a.name, name_en: ctx.en.actor(a.ref, a.name), n: a.n })),
        control: changes.map((c) => ({ date: c.date, holder: c.holder, holder_en: ctx.en.actor(null, c.holder), change: c.change, actor: c.actor, reports: c.reports.length })),
        recent: rows.map((r) => ctx.event(r)),
      };
    },
  );

  routes.add(
    { method: "GET", path: "/api/quotes", operationId: "listQuotes", summary: "Quotes and claims whose words name a place or an actor (Arabic or English, as the filters find them), grouped by speaker, most quoted first", query: C.QuotesQuery, responses: { 200: C.QuotesAnswer, 400: C.ErrorAnswer } },
    async ({ query }) => {
      const names: string[] = [];
      const except = new Set<string>();
      if (query.place) names.push((await find("places", query.place))?.name ?? query.place);
      if (query.actor) {
        const a = await find("actors", query.actor);
        names.push(a?.name ?? query.actor);
        for (const n of a?.names ?? []) except.add(n);
      }
      const { total, speakers } = await aboutName(names.join(" "), query.limit, except);
      return {
        total,
        speakers: speakers.map(([who, hits]) => ({
          speaker: who, speaker_en: ctx.en.actor(null, who), n: hits.length,
          items: hits.slice(0, 5).map((h) => ({ kind: h.kind as "quote" | "claim", article: h.article, title: h.title, url: h.url, outlet: null, published: h.published, text: h.text, who: h.who })),
        })),
      };
    },
  );

  routes.add(
    { method: "GET", path: "/api/search", operationId: "search", summary: "Full-text search over articles, quotes and claims (diacritics and letter variants folded); group=speaker or group=place gathers the hits", query: C.SearchQuery, responses: { 200: C.SearchAnswer, 400: C.ErrorAnswer } },
    async ({ query: q }) => {
      const items = await store.search(q.q, { kind: q.kind, limit: q.limit });
      if (!q.group) return { items };
      const groups = new Map<string, { key: string; name: string; name_en: string | null; items: SearchHit[] }>();
      const put = (key: string, name: string, en: string | null, h: SearchHit) => {
        if (!groups.has(key)) groups.set(key, { key, name, name_en: en, items: [] });
        groups.get(key)!.items.push(h);
      };
      if (q.group === "speaker") for (const h of items) if (h.who) put(h.who, h.who, ctx.en.actor(null, h.who), h);
      if (q.group === "place") {
        const places = await store.articlePlaces(items.map((h) => h.article));
        for (const h of items) for (const p of places.filter((p) => p.article_id === h.article)) put(p.ref ?? p.name, p.name, ctx.en.place(p.ref, p.name), h);
      }
      return { items, groups: [...groups.values()].map((g) => ({ ...g, n: g.items.length })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key)) };
    },
  );
}
