/** The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json. */
import { EVENT_TYPES } from "../events/index.js";

const str = (description: string, extra: Record<string, unknown> = {}) => ({ type: "string", description, ...extra });
const q = (name: string, schema: Record<string, unknown>, description: string) => ({ name, in: "query", required: false, schema, description });
const date = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" };
const error = { description: "a bad request: the message says which parameter and why", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
const filters = [
  q("type", { type: "string" }, `comma-separated event types: ${EVENT_TYPES.join(", ")}`),
  q("actor", { type: "string" }, "the actor's name holds this"),
  q("place", { type: "string" }, "the place's name or gazetteer id"),
  q("since", date, "events on or after this date"),
  q("until", date, "events on or before this date"),
  q("bbox", { type: "string" }, "minLon,minLat,maxLon,maxLat"),
  q("all", { enum: ["true", "false"], default: "false" }, '"true": also stories with no happened, current report (background history, planned, denied …)'),
];
const json = (ref: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } });

export function openApi(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: { title: "Marsad API", version: "1", description: "Sourced, geocoded events read from Arabic news. Read-only unless the server was started with a token." },
    paths: {
      "/api/events": {
        get: {
          summary: "Events (one per happening, merged across reports), newest first",
          parameters: [...filters, q("limit", { type: "integer", minimum: 0, maximum: 20000, default: 100 }, "page size"), q("offset", { type: "integer", minimum: 0, default: 0 }, "page start"), q("fields", { enum: ["full", "map"], default: "full" }, '"map": rows of [id, type, lat, lon] only, for drawing markers')],
          responses: { 200: { description: "a page of events", content: json("EventPage") }, 400: error },
        },
      },
      "/api/events/{id}": {
        get: {
          summary: "One event with each report: article, outlet, sentence and what to highlight in it",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          responses: { 200: { description: "the event", content: json("EventDetail") }, 400: error, 404: error },
        },
      },
      "/api/counts": { get: { summary: "Events per day, for the timeline", parameters: filters, responses: { 200: { description: "counts", content: json("Counts") }, 400: error } } },
      "/api/places": { get: { summary: "Places with events, most first", parameters: [q("q", { type: "string" }, "name contains"), q("limit", { type: "integer" }, "at most")], responses: { 200: { description: "places" }, 400: error } } },
      "/api/control": { get: { summary: "Who holds each place over time (and at a date)", parameters: [q("at", date, "the date"), q("place", { type: "string" }, "one place")], responses: { 200: { description: "control timelines" }, 400: error } } },
      "/api/articles": { get: { summary: "Stored articles, newest first", parameters: [q("limit", { type: "integer" }, "page size"), q("offset", { type: "integer" }, "page start")], responses: { 200: { description: "articles" }, 400: error } } },
      "/api/articles/{id}": { get: { summary: "One article with its analysis (marsad.document/1, without token columns)", parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }], responses: { 200: { description: "the article" }, 404: error } } },
      "/api/search": { get: { summary: "Full-text search over articles, quotes and claims (diacritics and letter variants folded)", parameters: [{ name: "q", in: "query", required: true, schema: { type: "string" } }, q("kind", { enum: ["article", "quote", "claim"] }, "one kind"), q("limit", { type: "integer" }, "at most")], responses: { 200: { description: "hits" }, 400: error } } },
      "/api/analyze": {
        post: {
          summary: "Analyse a pasted article without storing it",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/AnalyzeRequest" } }, "text/plain": { schema: { type: "string" } } } },
          responses: { 200: { description: "the document (marsad.document/1)" }, 400: error, 413: error, 422: error },
        },
      },
      "/api/ingest": {
        post: {
          summary: "Analyse and store an article (needs the server's token)",
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/AnalyzeRequest" } } } },
          responses: { 200: { description: "stored" }, 401: error, 403: error, 422: error },
        },
      },
      "/api/config": { get: { summary: "Settings the web app reads (tile URL, whether ingest is open)", responses: { 200: { description: "settings" } } } },
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Error: { type: "object", properties: { error: str("what was wrong and how to fix it") }, required: ["error"] },
        Event: {
          type: "object",
          properties: {
            id: { type: "integer" }, type: { enum: [...EVENT_TYPES] }, place: str("place as written"), lat: { type: ["number", "null"] }, lon: { type: ["number", "null"] },
            country: str("ISO 3166-1 alpha-2"), admin1: str("first-level unit"), actor: str("actor as written"), date: date, date_last: date,
            place_en: str("the place's English name (listed or romanised: docs/english.md)"), actor_en: str("the actor's English name (listed, glossed or romanised)"),
            reports: { type: "integer" }, corroboration: { type: "integer", description: "distinct outlets reporting it (an article of no known outlet counts as one), syndicated copies not counted" }, fatalities: { type: ["integer", "null"] },
          },
        },
        EventPage: { type: "object", properties: { total: { type: "integer" }, limit: { type: "integer" }, offset: { type: "integer" }, items: { type: "array", items: { $ref: "#/components/schemas/Event" } } } },
        EventDetail: { allOf: [{ $ref: "#/components/schemas/Event" }, { type: "object", properties: { reports: { type: "array", items: { type: "object" } } } }] },
        Counts: { type: "object", properties: { days: { type: "array", items: { type: "object", properties: { date, n: { type: "integer" } } } } } },
        AnalyzeRequest: { type: "object", properties: { text: str("the article, text or HTML"), published: date, format: { enum: ["auto", "text", "html"] } }, required: ["text"] },
      },
    },
  };
}
