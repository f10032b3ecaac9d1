/**
 * One stored story as an ACLED row: the 31 columns of ACLED's exports, in their order, with ACLED's
 * vocabulary (docs/acled.md lists each column's allowed values and where they come from). Names and
 * notes are in English; the Arabic stays in the other exports.
 */
import type { ExportContext } from "./export.js";
import type { StoryRecord } from "./queries.js";

export const ACLED_COLUMNS = [
  "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
  "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
  "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
  "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
] as const;

export type AcledRow = Record<(typeof ACLED_COLUMNS)[number], string | number | null>;

export interface AcledOptions {
  /** inter1, inter2 and interaction as ACLED's numeric codes instead of its text labels. */
  numericInters: boolean;
}

/** ACLED's actor types by inter code (its current exports write these labels). */
export const INTER_LABELS: Record<number, string> = {
  1: "State forces", 2: "Rebel group", 3: "Political militia", 4: "Identity militia", 5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces",
};

/** ACLED time precision: 1 the day is known, 2 within a week (or only the report's day), 3 the month or a longer span. */
const TIME_PRECISION: Record<string, number> = { day: 1, published: 2, week: 2, approximate: 2, month: 3, year: 3 };

/** ACLED's source scales, in the order a combination names them ("National-Regional"). */
const SCALE_ORDER = ["Local", "Subnational", "National", "Regional", "International", "New media", "Other"];

/**
 * ACLED's numeric interaction code: the two inter codes, the smaller first (13, not 31); one actor
 * alone gives its code times ten (10 state forces acting alone); none known, empty.
 */
export function interaction(inter1: number | null, inter2: number | null): number | null {
  if (inter1 === null && inter2 === null) return null;
  if (inter1 === null || inter2 === null) return (inter1 ?? inter2)! * 10;
  return Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2);
}

export const interLabel = (inter: number | null): string | null => (inter === null ? null : INTER_LABELS[inter] ?? null);

/** ACLED's text interaction: "State forces-Civilians", "Protesters only". */
export function interactionLabel(inter1: number | null, inter2: number | null): string | null {
  const code = interaction(inter1, inter2);
  if (code === null) return null;
  const a = Math.floor(code / 10), b = code % 10;
  return b === 0 ? `${INTER_LABELS[a]} only` : `${INTER_LABELS[a]}-${INTER_LABELS[b]}`;
}

type Target = { name?: string; inter?: number | null; category?: string | null } | null | undefined;
type EventJson = { acled?: Record<string, string>; target?: Target; associates?: Array<{ name: string }>; sources?: Array<{ kind: string; name: string; name_en: string | null }> };

/** The actor ACLED names when the text names none: an unidentified group of the event's country. */
function unnamedActor(type: string, country: string | null): { name: string; inter: number } {
  const where = country ? ` (${country})` : "";
  if (type === "protest") return { name: `Protesters${where}`, inter: 6 };
  if (type === "displacement" || type === "agreement" || type === "release_detainees") return { name: `Unidentified actors${where}`, inter: 3 };
  return { name: `Unidentified Armed Group${where}`, inter: 3 };
}

/** The row for a story; `null` gives a row of empty cells (its keys are the header). */
export function acledFields(s: StoryRecord | null, ctx: ExportContext, opts: AcledOptions): AcledRow {
  const row = Object.fromEntries(ACLED_COLUMNS.map((c) => [c, null])) as AcledRow;
  if (!s) return row;
  const { english } = ctx;
  const names = english.names;
  const first = s.events[0];
  const json = (first?.event ?? {}) as EventJson;
  const acled = json.acled ?? {};
  const iso2 = s.country ?? names.placeCountry(s.placeRef);
  const codes = english.country(iso2);
  const country = names.country(iso2) ?? s.countryName;
  const date = s.dateFirst ?? first?.published ?? null;

  const named = names.actor(s.actorRef, s.actor);
  const fallback = named ? null : unnamedActor(s.type, country);
  // a named actor of no armed or state category: protesters in a protest, else ACLED's catch-all "External/Other forces"
  const inter1 = named ? s.actorInter ?? (s.type === "protest" ? 6 : 8) : fallback!.inter;
  const hit = s.events.map((e) => (e.event as EventJson).target).find((t) => t?.name) ?? null;
  const target = hit?.name ? names.actor(null, hit.name) : null;
  const inter2 = typeof hit?.inter === "number" ? hit.inter : null;
  const assoc = [...new Set(s.events.flatMap((e) => ((e.event as EventJson).associates ?? []).map((a) => names.actor(null, a.name)?.name ?? a.name)))];

  const place = names.place(s.placeRef, s.place);
  const admin1 = names.admin("admin1", s.placeRef, iso2, s.admin1);
  const admin2 = names.admin("admin2", s.placeRef, iso2, s.admin2);
  const location = (place ? names.withoutAdminWord(place.name) : null) ?? admin2?.name ?? admin1?.name ?? country;
  const where = location && admin1 && admin1.name !== location ? `${location} (${admin1.name})` : location;

  const outlets = [...new Set(s.events.map((e) => e.source).filter((x): x is string => !!x))].map((code) => ctx.outlets.byKey.get(code.toLowerCase()));
  const outletNames = [...new Set(s.events.map((e) => e.source).filter((x): x is string => !!x).map((code) => ctx.outlets.byKey.get(code.toLowerCase())?.nameEn || names.romanizer.romanize(code)))];
  const cited = [...new Set(s.events.flatMap((e) => ((e.event as EventJson).sources ?? []).filter((x) => x.kind === "outlet" && x.name_en).map((x) => x.name_en!)))].filter((n) => !outletNames.includes(n));
  const noteSources = cited.length ? cited.map((c) => `${c} via ${outletNames.join(", ")}`) : outletNames;
  const scales = [...new Set(outlets.map((o) => o?.scale || "Other"))].sort((a, b) => SCALE_ORDER.indexOf(a) - SCALE_ORDER.indexOf(b)).slice(0, 2);

  const actorName = named?.name ?? fallback!.name;
  Object.assign(row, {
    event_id_cnty: `${codes?.iso3 ?? "XXX"}${s.id}`,
    event_date: date,
    year: date ? Number(date.slice(0, 4)) : null,
    time_precision: s.dateFirst ? TIME_PRECISION[first?.datePrecision ?? "published"] ?? 2 : 2,
    disorder_type: acled.disorder_type ?? null,
    event_type: acled.event_type ?? null,
    sub_event_type: acled.sub_event_type ?? null,
    actor1: actorName,
    assoc_actor_1: assoc.join("; ") || null,
    inter1: opts.numericInters ? inter1 : interLabel(inter1),
    actor2: target?.name ?? null,
    assoc_actor_2: null,
    inter2: opts.numericInters ? inter2 ?? 0 : interLabel(inter2),
    interaction: opts.numericInters ? interaction(inter1, inter2) : interactionLabel(inter1, inter2),
    civilian_targeting: s.type === "attack_civilians" || inter2 === 7 ? "Civilian targeting" : null,
    iso: codes?.isoNumeric ?? null,
    region: codes?.acledRegion ?? null,
    country,
    admin1: admin1?.name ?? null,
    admin2: admin2?.name ?? null,
    admin3: null,
    location,
    latitude: s.lat,
    longitude: s.lon,
    geo_precision: s.lat === null ? null : s.events.find((e) => e.geoPrecision !== null)?.geoPrecision ?? 1,
    source: [...cited, ...outletNames].join("; ") || null,
    source_scale: scales.join("-") || "Other",
    notes: english.note({ type: s.type, date, datePrecision: s.dateFirst ? first?.datePrecision ?? null : "published", actor: named ? actorName : null, target: target?.name ?? null, place: where, fatalities: s.fatalities, sources: noteSources }),
    fatalities: s.fatalities ?? 0,
    tags: s.type === "protest" ? "crowd size=no report" : null,
    timestamp: Number.isFinite(Date.parse(s.firstSeen)) ? Math.floor(Date.parse(s.firstSeen) / 1000) : null,
  });
  return row;
}
