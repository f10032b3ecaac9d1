/**
 * Datelines and bylines: "دبي – العربية.نت", "القاهرة - رويترز", "(أ ف ب)", "المصدر: …", either as a
 * line of their own or at the start or end of a paragraph. They become `meta.dateline` and are not
 * left as paragraphs.
 */
import { outletKey, type IngestResources } from "./resources.js";

export interface DatelineParts {
  place: string | null;
  outlet: string | null;
}

/** How far into a line the dateline reaches (a match at a paragraph's start or end). */
export interface DatelineAt extends DatelineParts {
  /** Offsets of the dateline within the string examined. */
  start: number;
  end: number;
}

const MAX_PLACE_WORDS = 3;
const MAX_OUTLET_WORDS = 5;
/** No dateline is longer than this many characters. */
const MAX_LINE_CHARS = 90;
const DASH = "[-–—]";
const PLACE = "([\\u0621-\\u064A\\u0640\\u064B-\\u065F]+(?: [\\u0621-\\u064A\\u0640\\u064B-\\u065F]+){0,2})";
const OUTLET = "([^\\n:：()]{2,60}?)";

const WHOLE_PLACE_OUTLET = new RegExp(`^${PLACE}\\s*(?:${DASH}|/|:)\\s*\\(?${OUTLET}\\)?\\s*[:.]?$`, "u");
const WHOLE_PLACE_PAREN = new RegExp(`^${PLACE}\\s*\\(${OUTLET}\\)\\s*[:.]?$`, "u");
const WHOLE_OUTLET = new RegExp(`^\\(?${OUTLET}\\)?\\s*[.:]?$`, "u");
const LABELLED = /^([^:：]{2,20})\s*[:：]\s*(.{2,80})$/u;
/** The start of a paragraph dateline: a place followed by a dash or an opening bracket, or a bracket alone. */
const PREFIX_LEAD = new RegExp(`^(?:${PLACE}\\s*(?:${DASH}\\s*\\(?|\\()|\\()\\s*`, "u");
/** What may follow the outlet before the story starts: a closing bracket, a colon or a dash. */
const PREFIX_TAIL = new RegExp(`^\\)?\\s*(?:[:：]|${DASH})?\\s*`, "u");
const SUFFIX_OUTLET = new RegExp(`\\s*\\(${OUTLET}\\)\\s*\\.?$`, "u");

const words = (s: string): number => s.trim().split(/\s+/).filter(Boolean).length;

/** An outlet as datelines write it: a known outlet or agency, or a "… نت" site name. */
export function isOutlet(s: string, res: IngestResources): boolean {
  const k = outletKey(s);
  if (!k || words(k) > MAX_OUTLET_WORDS) return false;
  if (res.outlets.has(k)) return true;
  if (/(^|[ .])نت$/.test(k)) return true; // "العربية.نت", "الجزيرة نت"
  const first = k.split(" ")[0];
  return ["وكاله", "صحيفه", "جريده", "موقع", "قناه"].includes(first) && words(k) <= 4;
}

const clean = (s: string): string => s.trim().replace(/^\(|\)$/g, "").trim();

/** A line that is nothing but a dateline or byline. */
export function matchDatelineLine(line: string, res: IngestResources): DatelineParts | null {
  const t = line.trim();
  if (!t || t.length > MAX_LINE_CHARS || words(t) > MAX_PLACE_WORDS + MAX_OUTLET_WORDS + 1) return null;
  let m = LABELLED.exec(t);
  if (m && res.sourceLabels.has(outletKey(m[1]))) return { place: null, outlet: clean(m[2]) };
  m = WHOLE_PLACE_OUTLET.exec(t) ?? WHOLE_PLACE_PAREN.exec(t);
  if (m && words(m[1]) <= MAX_PLACE_WORDS && isOutlet(m[2], res)) return { place: m[1].trim(), outlet: clean(m[2]) };
  m = WHOLE_OUTLET.exec(t);
  if (m && isOutlet(m[1], res)) return { place: null, outlet: clean(m[1]) };
  return null;
}

/** A dateline that opens a paragraph ("القاهرة - رويترز: …", "بيروت (أ ف ب) - …", "(واس) - …"). */
export function matchDatelinePrefix(paragraph: string, res: IngestResources): DatelineAt | null {
  const lead = PREFIX_LEAD.exec(paragraph);
  if (!lead || (lead[1] && words(lead[1]) > MAX_PLACE_WORDS)) return null;
  // Try the longest run of words after the dash or bracket that names an outlet.
  const from = lead[0].length;
  const ends: number[] = [];
  const wordRe = /\S+/g;
  wordRe.lastIndex = from;
  for (let m = wordRe.exec(paragraph); m && ends.length < MAX_OUTLET_WORDS; m = wordRe.exec(paragraph)) ends.push(m.index + m[0].length);
  for (let k = ends.length - 1; k >= 0; k--) {
    const raw = paragraph.slice(from, ends[k]);
    const name = raw.replace(/[):：\-–—]+$/u, "");
    if (!name || !isOutlet(name, res)) continue;
    const tail = PREFIX_TAIL.exec(paragraph.slice(from + name.length));
    const end = from + name.length + (tail ? tail[0].length : 0);
    if (end >= paragraph.length) return null;
    return { place: lead[1]?.trim() || null, outlet: clean(name), start: 0, end };
  }
  return null;
}

/** An outlet in brackets that closes a paragraph ("… (أ ف ب)"). */
export function matchDatelineSuffix(paragraph: string, res: IngestResources): DatelineAt | null {
  if (!/\)\s*\.?\s*$/.test(paragraph.slice(-4))) return null; // cheap test before the regex
  const from = Math.max(0, paragraph.length - MAX_LINE_CHARS);
  const m = SUFFIX_OUTLET.exec(paragraph.slice(from));
  if (m && isOutlet(m[1], res)) return { place: null, outlet: clean(m[1]), start: from + m.index, end: paragraph.length };
  return null;
}
