/**
 * Exports of the stored events, one row per story (a happening, with every report behind it):
 * JSON Lines; GeoJSON (RFC 7946: a FeatureCollection of Points in longitude, latitude order, flat
 * properties under ACLED's names; stories without coordinates are left out and counted); and ACLED's
 * CSV, all 31 columns in ACLED's order and vocabulary, names and notes in English (docs/acled.md); and
 * GDELT's event table (src/store/gdelt.ts).
 */
import type { English } from "../english/index.js";
import type { OutletTable } from "../events/sources.js";
import type { StoryRecord } from "./queries.js";
import { acledFields, type AcledOptions } from "./acled.js";
import { writeGdelt } from "./gdelt.js";

export { ACLED_COLUMNS, interaction, interLabel, interactionLabel } from "./acled.js";
export type ExportFormat = "jsonl" | "geojson" | "acled-csv" | "gdelt";

/** What the exports need beside the store: English names and notes, and the outlets' English names and scales. */
export interface ExportContext {
  english: English;
  outlets: OutletTable;
}

function storyJson(s: StoryRecord, ctx: ExportContext): Record<string, unknown> {
  const first = s.events[0]?.event as { acled?: Record<string, string>; cameo?: string } | undefined;
  const actorEn = ctx.english.names.actor(s.actorRef, s.actor);
  const placeEn = ctx.english.names.place(s.placeRef, s.place);
  return {
    story: s.id, type: s.type, acled: first?.acled ?? null, cameo: first?.cameo ?? null,
    actor: s.actor, actor_en: actorEn?.name ?? null, actor_en_source: actorEn?.source ?? null, inter: s.actorInter,
    place: s.place, place_en: placeEn?.name ?? null, place_en_source: placeEn?.source ?? null, place_ref: s.placeRef, lat: s.lat, lon: s.lon,
    country: s.country, country_name: s.countryName, admin1: s.admin1, admin2: s.admin2,
    date_first: s.dateFirst, date_last: s.dateLast, first_seen: s.firstSeen, reports: s.reports, corroboration: s.corroboration, fatalities: s.fatalities,
    note_en: acledFields(s, ctx, { numericInters: false }).notes,
    sources: [...new Set(s.events.map((e) => e.source).filter(Boolean))],
    reports_detail: s.events.map((e) => ({ article: e.article, url: e.url, source: e.source, title: e.title, published: e.published, date: e.date, modality: e.modality, actor: e.actor, sentence: e.sentence })),
  };
}

/**
 * GeoJSON properties a GIS keeps: flat scalars only (ACLED's fields, the Arabic names beside the
 * English ones, Marsad's counts), so that GeoPackage and Shapefile conversions lose nothing nested.
 */
function featureProperties(s: StoryRecord, ctx: ExportContext): Record<string, string | number | null> {
  const a = acledFields(s, ctx, { numericInters: false });
  return {
    ...a,
    actor1_ar: s.actor, location_ar: s.place, admin1_ar: s.admin1, admin2_ar: s.admin2,
    marsad_type: s.type, story: s.id, reports: s.reports, outlets: s.corroboration,
    date_last: s.dateLast, first_seen: s.firstSeen,
    sentence_ar: s.events[0]?.sentence ?? null,
    urls: [...new Set(s.events.map((e) => e.url).filter(Boolean))].join(" ") || null,
  };
}

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (= + - @, or a tab or carriage return
 * first) gets a leading apostrophe (OWASP's advice against CSV injection): article text and sources
 * come from the web. Numbers are written as numbers.
 */
export const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Writes the export to `write`; returns how many stories were written and how many left out. */
export function writeExport(format: ExportFormat, items: StoryRecord[], write: (chunk: string) => void, ctx: ExportContext, opts: AcledOptions = { numericInters: false }): { written: number; withoutPlace: number; withoutCode?: number; withoutCountry?: number } {
  if (format === "gdelt") return writeGdelt(items, write, ctx);
  let written = 0, withoutPlace = 0;
  if (format === "jsonl") {
    for (const s of items) write(JSON.stringify(storyJson(s, ctx)) + "\n");
    return { written: items.length, withoutPlace };
  }
  if (format === "acled-csv") {
    let header = false, withoutCountry = 0;
    for (const s of items) {
      // an ACLED row needs its coordinates (and geo_precision 1–3): a story without them is left out
      if (s.lat === null || s.lon === null) {
        withoutPlace++;
        continue;
      }
      const row = acledFields(s, ctx, opts);
      // and a country: a sea or a region across borders ("الخليج") has none
      if (!row.country) {
        withoutCountry++;
        continue;
      }
      if (!header) {
        write(Object.keys(row).join(",") + "\n");
        header = true;
      }
      write(Object.values(row).map(csvCell).join(",") + "\n");
      written++;
    }
    if (!header) write(Object.keys(acledFields(null, ctx, opts)).join(",") + "\n");
    return { written, withoutPlace, withoutCountry };
  }
  // "name" (a foreign member RFC 7946 allows) is the layer name GDAL reads: data/gis/shapefile.sql selects from it
  write('{"type":"FeatureCollection","name":"marsad_events","features":[');
  for (const s of items) {
    if (s.lat === null || s.lon === null) {
      withoutPlace++;
      continue;
    }
    const feature = { type: "Feature", id: s.id, geometry: { type: "Point", coordinates: [s.lon, s.lat] }, properties: featureProperties(s, ctx) };
    write((written ? ",\n" : "\n") + JSON.stringify(feature));
    written++;
  }
  write("\n]}\n");
  return { written, withoutPlace };
}
