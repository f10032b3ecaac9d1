/**
 * The API's contract: zod schemas for every request (query, path, body) and every answer. The same
 * schemas validate requests, shape answers (an answer is parsed through its schema before it is sent,
 * so a field the document does not promise never goes out) and write the OpenAPI document
 * (openapi.ts, through z.toJSONSchema). Answer schemas are registered under a component name.
 */
import { z } from "zod";
import { EVENT_TYPES } from "../events/index.js";
import { plausible as isPlausibleDate } from "../ingest/dates.js";

/** Named answer schemas: components/schemas of the OpenAPI document. */
export const components = z.registry<{ id: string; description?: string }>();
const named = <T extends z.ZodType>(id: string, schema: T, description?: string): T => {
  components.add(schema, { id, ...(description ? { description } : {}) });
  return schema;
};

// ── request pieces ────────────────────────────────────────────────────────────────────────────────

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date, strictly YYYY-MM-DD: 2015-13-01 and 2015-02-30 are refused. */
export const date = z.string().regex(DATE, "must be a date as YYYY-MM-DD").refine(isPlausibleDate, "must be a real date (YYYY-MM-DD) between 1800 and 2200");
const list = (what: string, max = 50) =>
  z.string().max(2000).transform((s) => s.split(",").map((t) => t.trim()).filter(Boolean)).refine((l) => l.length > 0 && l.length <= max, `must be ${what}, comma-separated`);
const types = z
  .string()
  .transform((s) => s.split(",").map((t) => t.trim()).filter(Boolean))
  .refine((l) => l.every((t) => (EVENT_TYPES as readonly string[]).includes(t)), `must be event types among ${EVENT_TYPES.join(", ")}`);
const bbox = z
  .string()
  .transform((s) => s.split(",").map(Number))
  .refine((b) => b.length === 4 && b.every(Number.isFinite) && b[0] <= b[2] && b[1] <= b[3], "must be minLon,minLat,maxLon,maxLat");
const int = (max: number, def: number) => z.coerce.number().int().min(0).max(max).default(def);
const text = (max = 200) => z.string().min(1).max(max);
const bool = z.enum(["true", "false"]);

/** The filters every event view shares: the list, the map, the timeline and the exports. */
export const EventFilterShape = {
  from: date.optional().describe("events on or after this day (YYYY-MM-DD)"),
  to: date.optional().describe("events on or before this day (YYYY-MM-DD)"),
  since: date.optional().describe("the same as from (older name)"),
  until: date.optional().describe("the same as to (older name)"),
  type: types.optional().describe(`comma-separated event types: ${EVENT_TYPES.join(", ")}`),
  country: list("ISO 3166-1 alpha-2 codes").optional().describe("comma-separated country codes (ISO 3166-1 alpha-2), e.g. YE,SY"),
  admin1: text().optional().describe("governorate (first-level unit), as /api/admin1 names it"),
  place: text().optional().describe("a place's name as written or its gazetteer id"),
  actor: text().optional().describe("an actor: its record id (/api/actors), or a name in Arabic (hamza, alef, ya, ta marbuta, tatweel and diacritics folded) or English"),
  min_fatalities: z.coerce.number().int().min(0).max(1_000_000).optional().describe("at least this many killed"),
  outlet: text().optional().describe("reported by this outlet (as /api/outlets names it)"),
  bbox: bbox.optional().describe("minLon,minLat,maxLon,maxLat: the map's view"),
  all: bool.default("false").describe('"true": also events with no current happened report (background history, planned, denied …)'),
};

export const EventQuery = z
  .object({
    ...EventFilterShape,
    limit: int(20_000, 100).describe("page size"),
    offset: int(10_000_000, 0).describe("page start (the answer's next_offset gives the next page)"),
    fields: z.enum(["full", "map"]).default("full").describe('"map": rows of [id, type, lat, lon] only, for drawing markers'),
  })
  .strict();
export const FilterQuery = z.object(EventFilterShape).strict();
export const ExportQuery = z
  .object({ ...EventFilterShape, format: z.enum(["csv", "geojson", "jsonl"]).describe("csv: ACLED's columns; geojson: points with ACLED's properties; jsonl: one story a line"), limit: int(100_000, 100_000).describe("at most this many events") })
  .strict();
export const ExtentQuery = z.object({ ...EventFilterShape }).omit({ from: true, to: true, since: true, until: true }).strict();
export const SuggestQuery = z.object({ q: z.string().max(200).optional().describe("name contains (normalised Arabic or English)"), limit: int(200, 20).describe("at most") }).strict();
export const CountryQuery = z.object({ all: bool.default("false").describe('"true": count every event, not only happened ones') }).strict();
export const Admin1Query = z.object({ country: text(2).optional().describe("one country (ISO 3166-1 alpha-2)"), q: z.string().max(200).optional().describe("name contains"), limit: int(1000, 200) }).strict();
export const SearchQuery = z
  .object({
    q: text(500).describe("all these words (diacritics and letter variants folded)"),
    kind: z.enum(["article", "quote", "claim"]).optional().describe("one kind of hit"),
    group: z.enum(["speaker", "place"]).optional().describe("group the hits by who said it or by the places their article reports"),
    limit: int(500, 20).describe("at most this many hits"),
  })
  .strict();
export const QuotesQuery = z
  .object({ place: text().optional().describe("quotes and claims about this place (name or gazetteer id)"), actor: text().optional().describe("quotes and claims about this actor (record id or name)"), limit: int(100, 20).describe("speakers at most") })
  .strict()
  .refine((q) => q.place || q.actor, "give place or actor");
export const ControlQuery = z.object({ at: date.optional().describe("the holder on this day"), place: text().optional().describe("one place"), country: text(2).optional().describe("places in this country (ISO 3166-1 alpha-2)") }).strict();
export const PlaceQuery = z.object({ q: z.string().max(200).optional().describe("name contains"), limit: int(5000, 500).describe("at most") }).strict();
export const ArticleQuery = z.object({ limit: int(500, 50).describe("page size"), offset: int(10_000_000, 0).describe("page start") }).strict();
export const Id = z.object({ id: z.coerce.number().int().min(1).describe("the id") }).strict();
export const Key = z.object({ id: text(300).describe("a record id (ye.houthis, a gazetteer id) or the name as written") }).strict();
export const AnalyzeBody = z.object({ text: z.string().min(1, "text is empty"), published: date.optional(), format: z.enum(["auto", "text", "html"]).default("auto") }).strict();

// ── answers ───────────────────────────────────────────────────────────────────────────────────────

const day = z.string().regex(DATE);
const str = z.string().nullable();
const num = z.number().nullable();
const count = z.number().int().min(0);

export const ErrorAnswer = named("Error", z.object({ error: z.string().describe("what was wrong and how to fix it") }));

export const EventSummary = named(
  "Event",
  z.object({
    id: z.number().int(),
    type: z.string(),
    place: str.describe("the place as written"),
    place_en: str.describe("the place's English name (listed or romanised: docs/english.md)"),
    place_id: str.describe("the place's gazetteer id, when it has one (for /api/places/{id})"),
    lat: num,
    lon: num,
    country: str.describe("ISO 3166-1 alpha-2"),
    admin1: str.describe("first-level unit (governorate)"),
    actor: str.describe("the actor as written"),
    actor_en: str.describe("the actor's English name (listed, glossed or romanised)"),
    actor_id: str.describe("the actor's record id, when listed (for /api/actors/{id})"),
    date: str.describe("first day reported (YYYY-MM-DD)"),
    date_last: str.describe("last day reported"),
    reports: count.describe("reports (mentions in articles) behind it"),
    corroboration: count.describe('distinct outlets reporting it (syndicated copies not counted): show as "reported by N outlets", never as confirmed'),
    fatalities: z.number().int().nullable(),
  }),
  "one happening, merged across the reports of many articles",
);

export const EventPage = named(
  "EventPage",
  z.object({ total: count, limit: count, offset: count, next_offset: z.number().int().nullable().describe("offset of the next page; null on the last"), items: z.array(EventSummary) }),
);
export const EventMap = named(
  "EventMap",
  z.object({ total: count, limit: count, offset: count, next_offset: z.number().int().nullable(), fields: z.array(z.string()), rows: z.array(z.tuple([z.number().int(), z.string(), z.number(), z.number()])) }),
  "the compact answer of fields=map",
);
export const EventList = named("EventList", z.union([EventPage, EventMap]), "a page of events, or with fields=map their compact rows");

const ReportSource = z.object({
  kind: z.enum(["claim", "quote", "outlet"]).describe("what the report rests on: a claim or quote in the article, or the outlet's own narration"),
  name: z.string().describe("who: the claim's source, the quote's speaker, or the outlet"),
  name_en: str,
  descriptor: str.describe("an anonymous source's kind (مصدر أمني)"),
  via: str.describe("the channel the words went through (لوكالة الأنباء الألمانية)"),
  text: str.describe("the claim's or quote's words"),
  stance: str.describe("a claim's stance: asserted, denied, unconfirmed, demanded, warned"),
});

export const Report = z.object({
  event: z.number().int(),
  article: z.object({ id: z.number().int(), title: str, url: str, source: str.describe("its outlet"), published: str }),
  outlet: str.describe("the outlet that published the report"),
  date: str,
  date_precision: str,
  modality: z.string(),
  happened: z.boolean(),
  background: z.boolean(),
  actor: str,
  actor_en: str,
  place: str,
  place_en: str,
  fatalities: z.number().nullable(),
  count: z.number().nullable(),
  sentence: z.string(),
  highlights: z.object({ trigger: z.tuple([z.number(), z.number()]).nullable(), actor: z.tuple([z.number(), z.number()]).nullable(), place: z.tuple([z.number(), z.number()]).nullable() }).describe("offsets in the sentence"),
  sources: z.array(ReportSource).describe("according to whom"),
});

export const EventDetail = named(
  "EventDetail",
  EventSummary.extend({
    note_en: str.describe("the English note, as in the ACLED export"),
    outlets: z.array(z.object({ outlet: z.string(), reports: count })).describe("the distinct outlets behind the corroboration count"),
    corroboration_label: z.string().describe('"reported by N outlets"'),
    reports: z.array(Report),
  }),
  "one event with every report, its outlet, sentence and sources",
);

export const Counts = named("Counts", z.object({ days: z.array(z.object({ date: day, n: count })) }));
export const Extent = named(
  "Extent",
  z.object({
    events: count,
    min: str.describe("the earliest event day"),
    max: str.describe("the latest event day"),
    robust_min: str.describe("the earliest day once the outliers (the first 0.5 % of events: history dated 1906 …) are set aside"),
    robust_max: str.describe("the latest day once the last 0.5 % are set aside"),
    published_min: str.describe("the earliest article"),
    published_max: str.describe("the latest article"),
    days: z.array(z.object({ date: day, n: count })).describe("events per day, for the timeline"),
  }),
  "the period the data covers",
);

export const Countries = named("Countries", z.object({ items: z.array(z.object({ country: z.string().describe("ISO 3166-1 alpha-2"), name: str.describe("the country's English name"), events: count })) }));
export const Admin1s = named("Admin1s", z.object({ items: z.array(z.object({ country: str, admin1: z.string(), events: count })) }));
export const Outlets = named("Outlets", z.object({ items: z.array(z.object({ outlet: z.string().describe("the outlet's code, for the outlet filter"), name: str.describe("its Arabic name, when listed"), name_en: str, events: count })) }));

export const ActorSuggestion = z.object({ id: z.string().describe("record id when listed, else the name as written"), name: z.string(), name_en: str, listed: z.boolean(), events: count });
export const ActorSuggestions = named("ActorSuggestions", z.object({ items: z.array(ActorSuggestion) }));

const Named = z.object({ name: z.string(), name_en: str, n: count });
const PlaceCount = z.object({ id: z.string(), name: z.string(), name_en: str, lat: num, lon: num, country: str, events: count });
const Said = z.object({ kind: z.enum(["quote", "claim"]), article: z.number().int(), title: str, url: str, outlet: str, published: str, text: z.string(), who: str });

export const ActorPage = named(
  "ActorPage",
  z.object({
    id: z.string(),
    name: z.string(),
    name_en: str,
    listed: z.boolean(),
    names: z.array(z.string()).describe("the names it is stored under"),
    events: count,
    by_day: z.array(z.object({ date: day, n: count })).describe("its events over time"),
    types: z.array(z.object({ type: z.string(), n: count })),
    places: z.array(PlaceCount).describe("where its events happened, most first"),
    quoted_by: z.array(Named).describe("the outlets that carry its quotes and claims, most first"),
    quotes_whom: z.array(Named).describe("whom it quotes or names in its own quotes and claims: actors named there, most first"),
    quoted_about: z.array(Named).describe("who speaks about it: the speakers of quotes and claims naming it, most first"),
    recent: z.array(EventSummary),
  }),
  "an actor: its events over time, places, who quotes it and whom it quotes",
);

const ControlChange = z.object({ date: str, holder: str, holder_en: str, change: z.enum(["seize_control", "withdraw"]), actor: str, reports: z.array(z.object({ article: z.number().int(), title: str, url: str, source: str, published: str, sentence: str, event: z.number().int(), modality: z.string() })) });
const ControlPlace = z.object({ place: z.string(), placeRef: str, place_en: str, lat: num, lon: num, country: str, holderAt: str.optional(), holderAt_en: str.optional(), changes: z.array(ControlChange) });

export const PlacePage = named(
  "PlacePage",
  z.object({
    id: z.string(),
    name: z.string(),
    name_en: str,
    lat: num,
    lon: num,
    country: str,
    admin1: str,
    events: count,
    by_day: z.array(z.object({ date: day, n: count })),
    types: z.array(z.object({ type: z.string(), n: count })),
    actors: z.array(Named.extend({ id: z.string() })).describe("who acts there, most first"),
    control: z.array(z.object({ date: str, holder: str, holder_en: str, change: z.enum(["seize_control", "withdraw"]), actor: str, reports: count })).describe("who took or left it, in order"),
    recent: z.array(EventSummary),
  }),
  "a place: its events and the changes of control",
);

export const QuotesAnswer = named(
  "Quotes",
  z.object({ total: count, speakers: z.array(z.object({ speaker: z.string(), speaker_en: str, n: count, items: z.array(Said) })) }),
  "quotes and claims about a place or actor, grouped by speaker, most quoted first",
);

const Hit = z.object({ kind: z.enum(["article", "quote", "claim"]), article: z.number().int(), title: str, url: str, published: str, text: z.string(), who: str });
export const SearchAnswer = named(
  "Search",
  z.object({
    items: z.array(Hit),
    groups: z.array(z.object({ key: z.string(), name: z.string(), name_en: str, n: count, items: z.array(Hit) })).optional().describe("with group=: the hits by speaker, or by the places their article reports"),
  }),
);

export const ControlAnswer = named("Control", z.object({ places: z.array(ControlPlace) }));
export const PlacesAnswer = named("Places", z.object({ items: z.array(z.object({ name: z.string(), ref: str, lat: num, lon: num, country: str, admin1: str, events: count })) }));
export const ArticlesAnswer = named("Articles", z.object({ total: count, items: z.array(z.object({ id: z.number().int(), title: str, url: str, source: str, published: str, duplicate_of: z.number().int().nullable() })) }));
export const ArticleAnswer = named(
  "Article",
  z.object({ id: z.number().int(), title: str, url: str, source: str, published: str, duplicate_of: z.number().int().nullable(), analysis: z.record(z.string(), z.unknown()).describe("the marsad.document/1 analysis, without token columns") }),
);
export const ConfigAnswer = named("Config", z.object({ tiles: str, ingest: z.boolean(), types: z.array(z.string()) }));
export const AnalysisAnswer = named("Analysis", z.record(z.string(), z.unknown()).describe("the marsad.document/1 analysis"));
export const IngestAnswer = named("Ingested", z.object({ stored: z.boolean(), events: count, duplicate: z.boolean() }));
export const OpenApiAnswer = named("OpenApi", z.record(z.string(), z.unknown()).describe("this document"));
