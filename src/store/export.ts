/**
 * Exports of the stored events, one row per story (a happening, with every report behind it):
 * JSON Lines; GeoJSON (RFC 7946: a FeatureCollection of Points in longitude, latitude order; stories
 * without coordinates are left out and counted); and a CSV with ACLED's column names (docs/exports.md).
 */
import type { StoryRecord } from "./queries.js";

export type ExportFormat = "jsonl" | "geojson" | "acled-csv";

export const ACLED_COLUMNS = [
  "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
  "actor2", "assoc_actor_2", "inter2", "interaction", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
  "geo_precision", "source", "source_scale", "notes", "fatalities",
] as const;

/** ACLED time precision: 1 the day is known, 2 the week, 3 the month or only a longer span. */
const TIME_PRECISION: Record<string, number> = { day: 1, published: 2, week: 2, approximate: 2, month: 3, year: 3 };

function storyJson(s: StoryRecord): Record<string, unknown> {
  const first = s.events[0]?.event as { acled?: Record<string, string>; cameo?: string } | undefined;
  return {
    story: s.id, type: s.type, acled: first?.acled ?? null, cameo: first?.cameo ?? null,
    actor: s.actor, inter: s.actorInter,
    place: s.place, place_ref: s.placeRef, lat: s.lat, lon: s.lon, country: s.country, country_name: s.countryName, admin1: s.admin1, admin2: s.admin2,
    date_first: s.dateFirst, date_last: s.dateLast, first_seen: s.firstSeen, reports: s.reports, corroboration: s.corroboration, fatalities: s.fatalities,
    sources: [...new Set(s.events.map((e) => e.source).filter(Boolean))],
    reports_detail: s.events.map((e) => ({ article: e.article, url: e.url, source: e.source, title: e.title, published: e.published, date: e.date, modality: e.modality, actor: e.actor, sentence: e.sentence })),
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

/**
 * ACLED's interaction code: the two inter codes, the smaller first (13, not 31); one actor alone gives
 * its code times ten (10 state forces acting alone); none known, empty.
 */
export function interaction(inter1: number | null, inter2: number | null): number | null {
  if (inter1 === null && inter2 === null) return null;
  if (inter1 === null || inter2 === null) return (inter1 ?? inter2)! * 10;
  return Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2);
}

function acledRow(s: StoryRecord): Array<string | number | null> {
  const first = s.events[0];
  const acled = (first?.event as { acled?: Record<string, string> } | undefined)?.acled ?? {};
  const precision = TIME_PRECISION[first?.datePrecision ?? "published"] ?? 2;
  const date = s.dateFirst ?? first?.published ?? null;
  // actor2: the party hit, from the first report that names one; its inter code from the event
  const hit = s.events.map((e) => (e.event as { target?: { name?: string; inter?: number | null } | null }).target).find((t) => t?.name) ?? null;
  const target = hit?.name ?? null;
  const inter2 = typeof hit?.inter === "number" ? hit.inter : null;
  const assoc = [...new Set(s.events.flatMap((e) => ((e.event as { associates?: Array<{ name: string }> }).associates ?? []).map((a) => a.name)))].join("; ") || null;
  const inter1 = s.actorInter;
  const sources = [...new Set(s.events.map((e) => e.source).filter(Boolean))].join("; ");
  return [
    date, date ? date.slice(0, 4) : null, precision, acled.disorder_type ?? null, acled.event_type ?? null, acled.sub_event_type ?? null,
    s.actor, assoc, inter1, target, null, inter2, interaction(inter1, inter2),
    s.countryName, s.admin1, s.admin2, null, s.place, s.lat, s.lon,
    geoPrecision(s), sources, "Other", first?.sentence ?? null, s.fatalities ?? 0,
  ];
}

/**
 * ACLED geo_precision of a story's point: the stored one of the report the story's point came from
 * (1 the place itself, 2 a place within or near a known town or district, 3 only the province).
 */
function geoPrecision(s: StoryRecord): number | null {
  if (s.lat === null) return null;
  return s.events.find((e) => e.geoPrecision !== null)?.geoPrecision ?? 1;
}

/** Writes the export to `write`; returns how many stories were written and how many left out. */
export function writeExport(format: ExportFormat, items: StoryRecord[], write: (chunk: string) => void): { written: number; withoutPlace: number } {
  let written = 0, withoutPlace = 0;
  if (format === "jsonl") {
    for (const s of items) write(JSON.stringify(storyJson(s)) + "\n");
    return { written: items.length, withoutPlace };
  }
  if (format === "acled-csv") {
    write(ACLED_COLUMNS.join(",") + "\n");
    for (const s of items) write(acledRow(s).map(csvCell).join(",") + "\n");
    return { written: items.length, withoutPlace };
  }
  write('{"type":"FeatureCollection","features":[');
  for (const s of items) {
    if (s.lat === null || s.lon === null) {
      withoutPlace++;
      continue;
    }
    const { lat, lon, ...props } = storyJson(s);
    write((written ? ",\n" : "\n") + JSON.stringify({ type: "Feature", geometry: { type: "Point", coordinates: [lon, lat] }, properties: props }));
    written++;
  }
  write("\n]}\n");
  return { written, withoutPlace };
}
