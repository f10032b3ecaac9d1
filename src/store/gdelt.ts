/**
 * A GDELT-style export: one tab-separated line per story in the 61 columns of GDELT 2.0's event table,
 * in its order and without a header, as GDELT's own files are (docs/exports.md says what each column
 * holds and which stay empty because Marsad has no equivalent). CAMEO codes come from the event types
 * (data/events/types.tsv), their Goldstein values from data/events/cameo-codes.tsv, actor types from
 * data/events/cameo-actor-types.tsv. A story whose type has no CAMEO code (displacement) is left out.
 */
import { dataPath } from "../data-dir.js";
import { readTsv } from "../util/tsv.js";
import { acledFields } from "./acled.js";
import type { ExportContext } from "./export.js";
import type { StoryRecord } from "./queries.js";

const ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"];
const GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"];

export const GDELT_COLUMNS = [
  "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
  ...ACTOR.map((c) => `Actor1${c}`), ...ACTOR.map((c) => `Actor2${c}`),
  "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
  ...GEO.map((c) => `Actor1Geo_${c}`), ...GEO.map((c) => `Actor2Geo_${c}`), ...GEO.map((c) => `ActionGeo_${c}`),
  "DATEADDED", "SOURCEURL",
] as const;

type Cell = string | number | null;
type Row = Partial<Record<(typeof GDELT_COLUMNS)[number], Cell>>;

interface CameoTables {
  goldstein: Map<string, number>;
  /** By "category/subtype" or "category". */
  actorTypes: Map<string, string>;
}

let tables: CameoTables | undefined;
function cameoTables(): CameoTables {
  if (tables) return tables;
  const goldstein = new Map<string, number>();
  for (const r of readTsv(dataPath("events", "cameo-codes.tsv"), ["code", "goldstein", "name_en"] as const)) goldstein.set(r.code, Number(r.goldstein));
  const actorTypes = new Map<string, string>();
  for (const r of readTsv(dataPath("events", "cameo-actor-types.tsv"), ["category", "cameo_type"] as const)) actorTypes.set(r.category, r.cameo_type);
  return (tables = { goldstein, actorTypes });
}

/** GDELT's QuadClass by CAMEO root: 1 verbal cooperation (01–05), 2 material cooperation (06–09), 3 verbal conflict (10–14), 4 material conflict (15–20). */
export function quadClass(root: string): number {
  const n = Number(root);
  return n <= 5 ? 1 : n <= 9 ? 2 : n <= 14 ? 3 : 4;
}

/** "2015.5589": the year and the share of it gone by at the start of the day. */
function fractionDate(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  const y = Number(date.slice(0, 4));
  const start = Date.UTC(y, 0, 1), days = (Date.UTC(y + 1, 0, 1) - start) / 86_400_000;
  return (y + (t - start) / 86_400_000 / days).toFixed(4);
}

/** A TSV cell: tabs and line breaks would split the row. */
const tsvCell = (v: Cell | undefined): string => (v === null || v === undefined ? "" : String(v).replace(/[\t\r\n]+/g, " "));

type EventJson = { actor?: { category?: string | null } | null; target?: { name?: string; category?: string | null } | null; mentions?: Array<{ sentence: number }> };

/** The GDELT row of a story, or null when its type has no CAMEO code or it has no date. */
export function gdeltRow(s: StoryRecord, ctx: ExportContext): Row | null {
  const first = s.events[0]?.event as (EventJson & { cameo?: string | null }) | undefined;
  const code = first?.cameo ?? null;
  const acled = acledFields(s, ctx, { numericInters: true });
  const date = typeof acled.event_date === "string" ? acled.event_date : null;
  if (!code || !date) return null;
  const { goldstein, actorTypes } = cameoTables();
  const names = ctx.english.names;
  const actorType = (category: string | null | undefined, subtype?: string): string | null => (category ? actorTypes.get(`${category}/${subtype}`) ?? actorTypes.get(category) ?? null : null);

  const record = names.actorRecord(s.actorRef);
  const actor1 = s.actor ? names.actor(s.actorRef, s.actor)?.name ?? null : null;
  const country1 = record ? ctx.english.country(record.country)?.iso3 ?? null : null;
  const type1 = actor1 ? actorType(record?.category ?? first?.actor?.category, record?.subtype) : null;
  const hit = s.events.map((e) => (e.event as EventJson).target).find((t) => t?.name) ?? null;
  const type2 = hit ? actorType(hit.category) : null;

  const where = [acled.location, acled.admin1, acled.country].filter((x, k, all): x is string => typeof x === "string" && all.indexOf(x) === k);
  // GDELT's geographic types: 1 a country, 5 a province ("world state"), 4 a town or smaller place ("world city");
  // ACLED's geo_precision 3 is a point known only to its province
  const geoType = acled.latitude === null ? null : acled.location === acled.country ? 1 : acled.geo_precision === 3 ? 5 : 4;
  const seen = Date.parse(s.firstSeen);
  const root = code.slice(0, 2);
  return {
    GLOBALEVENTID: s.id,
    SQLDATE: date.replace(/-/g, ""),
    MonthYear: date.slice(0, 7).replace("-", ""),
    Year: date.slice(0, 4),
    FractionDate: fractionDate(date),
    Actor1Code: actor1 ? `${country1 ?? ""}${type1 ?? ""}` || null : null,
    Actor1Name: actor1,
    Actor1CountryCode: actor1 ? country1 : null,
    Actor1Type1Code: type1,
    Actor2Code: type2,
    Actor2Name: acled.actor2,
    Actor2Type1Code: type2,
    // a report that tells it in the article's first two sentences (title and lead)
    IsRootEvent: s.events.some((e) => ((e.event as EventJson).mentions?.[0]?.sentence ?? 99) <= 1) ? 1 : 0,
    EventCode: code,
    EventBaseCode: code.slice(0, 3),
    EventRootCode: root,
    QuadClass: quadClass(root),
    GoldsteinScale: goldstein.get(code)?.toFixed(1) ?? null,
    NumMentions: s.events.length,
    NumSources: new Set(s.events.map((e) => e.source).filter(Boolean)).size || null,
    NumArticles: s.corroboration,
    ActionGeo_Type: geoType,
    ActionGeo_FullName: geoType === null ? null : where.join(", "),
    ActionGeo_CountryCode: geoType === null ? null : s.country,
    ActionGeo_Lat: s.lat,
    ActionGeo_Long: s.lon,
    ActionGeo_FeatureID: geoType === null ? null : s.placeRef,
    DATEADDED: Number.isFinite(seen) ? new Date(seen).toISOString().replace(/\D/g, "").slice(0, 14) : null,
    SOURCEURL: s.events.find((e) => e.url)?.url ?? null,
  };
}

/** Writes the stories as GDELT lines; returns how many were written and how many had no CAMEO code or date. */
export function writeGdelt(items: StoryRecord[], write: (chunk: string) => void, ctx: ExportContext): { written: number; withoutPlace: number; withoutCode: number } {
  let written = 0, withoutCode = 0;
  for (const s of items) {
    const row = gdeltRow(s, ctx);
    if (!row) {
      withoutCode++;
      continue;
    }
    write(GDELT_COLUMNS.map((c) => tsvCell(row[c])).join("\t") + "\n");
    written++;
  }
  return { written, withoutPlace: 0, withoutCode };
}
