/**
 * English notes in ACLED's style, written from an event's structured fields — never a translation of
 * its sentence: "On 20 July 2015, Saudi-led coalition carried out an air strike on positions in Bayt
 * Marran (Saada). 5 fatalities reported. Source: Reuters via Asharq Al-Awsat." The sentence templates
 * per event type are data (data/english/notes.tsv).
 */
import { dataPath } from "../data-dir.js";
import { readTsv } from "../util/tsv.js";

export interface NoteFields {
  type: string;
  /** YYYY-MM-DD (or a shorter prefix) and how precise it is: "day", "month", "year" … */
  date: string | null;
  datePrecision: string | null;
  actor: string | null;
  target: string | null;
  /** The place as it should read: "Bayt Marran (Saada)". */
  place: string | null;
  fatalities: number | null;
  /** Who reported it, in English: "Reuters via Asharq Al-Awsat". */
  sources: string[];
}

interface Template {
  withActor: string;
  withoutActor: string;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function loadNoteTemplates(): Map<string, Template> {
  const out = new Map<string, Template>();
  for (const r of readTsv(dataPath("english", "notes.tsv"), ["type", "with_actor", "without_actor"] as const)) out.set(r.type, { withActor: r.with_actor, withoutActor: r.without_actor });
  return out;
}

/** "On 20 July 2015", "In July 2015", "In 2015", or "" without a date. */
export function englishDate(date: string | null, precision: string | null): string {
  if (!date) return "";
  const [y, m, d] = date.split("-").map(Number);
  if (!y) return "";
  if (precision === "year" || !m) return `In ${y}`;
  if (precision === "month" || !d) return `In ${MONTHS[m - 1]} ${y}`;
  return `${precision === "day" ? "On" : "On or about"} ${d} ${MONTHS[m - 1]} ${y}`;
}

/** The note of one event; a type without a template gets a plain description. */
export function englishNote(f: NoteFields, templates: ReadonlyMap<string, Template>): string {
  const t = templates.get(f.type);
  const place = f.place ?? "an unknown location";
  let body: string;
  if (t) {
    body = (f.actor ? t.withActor : t.withoutActor)
      .replace(/\{target(?:\|([^}]*))?\}/g, (_, fallback: string | undefined) => f.target ?? fallback ?? "")
      .replace("{actor}", f.actor ?? "")
      .replace("{place}", place);
  } else body = `A ${f.type.replace(/_/g, " ")} event took place in ${place}.`;
  const when = englishDate(f.date, f.datePrecision);
  const sentence = when ? `${when}, ${body.replace(/^([A-Z])(?=[a-z])/, (c) => (startsWithName(body) ? c : c.toLowerCase()))}` : body;
  const parts = [sentence];
  if (f.fatalities !== null && f.fatalities > 0) parts.push(`${f.fatalities} ${f.fatalities === 1 ? "fatality" : "fatalities"} reported.`);
  if (f.sources.length) parts.push(`Source: ${f.sources.join("; ")}.`);
  return parts.join(" ");
}

/** Whether a note starts with a name (kept capitalised after "On 20 July 2015, "), not a common word. */
const startsWithName = (body: string): boolean => !/^(An?|The|Armed|Shelling|People|Civilians|Detainees)\b/.test(body);
