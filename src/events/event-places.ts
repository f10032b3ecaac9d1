/**
 * Places named around an event that are not where it happened: where it came from ("انطلاقا من عدن",
 * "القادمة من تعز"), where it went ("انسحبت باتجاه تعز", "فروا نحو الحدود"), and where someone comes
 * from ("ابن مدينة X", "من أهالي X"). The words are data (data/events/place-markers.tsv).
 */
import type { Token } from "../document.js";
import { dataPath } from "../data-dir.js";
import { normalize } from "../text/normalize.js";
import { readTsv } from "../util/tsv.js";
import type { EventType } from "./lexicon.js";

export type PlaceRole = "origin" | "destination" | "hometown";

export function loadPlaceMarkers(): Map<string, PlaceRole> {
  const out = new Map<string, PlaceRole>();
  for (const r of readTsv(dataPath("events", "place-markers.tsv"), ["word_ar", "role", "note"] as const)) out.set(normalize(r.word_ar), r.role as PlaceRole);
  return out;
}

/** Events that move: a place they go to is not theirs. */
const MOVING = new Set<EventType>(["withdraw", "displacement", "release_detainees"]);

const bare = (t: Token | undefined): string => (t && t.kind === "word" ? t.stem : "");
const roleOf = (markers: Map<string, PlaceRole>, t: Token | undefined): PlaceRole | undefined => {
  const s = bare(t);
  return s ? (markers.get(s) ?? markers.get(s.replace(/^ال/, "")) ?? (t!.pro.endsWith("ال") ? markers.get("ال" + s) : undefined)) : undefined;
};

/**
 * Whether the place whose words start at token `b` (its head word, "مدينة", already skipped by the
 * caller when `b` is the name) is an origin, a destination of a moving event, or a hometown.
 */
export function offEventPlace(tokens: Token[], b: number, type: EventType, markers: Map<string, PlaceRole>): boolean {
  const p1 = tokens[b - 1];
  if (!p1 || p1.kind !== "word") return false;
  if (p1.stem === "من") {
    const r = roleOf(markers, tokens[b - 2]);
    return r === "origin" || r === "hometown";
  }
  const r = roleOf(markers, p1);
  if (r === "hometown" && p1.stem.startsWith("اب")) return true;
  return r === "destination" && MOVING.has(type);
}
