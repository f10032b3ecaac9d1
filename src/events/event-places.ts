/**
 * Places named around an event that are not where it happened: where it came from ("انطلاقا من عدن",
 * "القادمة من تعز"), where it went ("انسحبت باتجاه تعز", "فروا نحو الحدود"), and where someone comes
 * from ("ابن مدينة X", "من أهالي X"). The words are data (data/events/place-markers.tsv). And a place
 * named before a trigger of taking ground whose object is no place ("الذي استولى على مساحات واسعة").
 * And a governorate that gives way to the place of the sentence it holds (narrowToContained).
 */
import type { Place, Token } from "../document.js";
import type { WorkEntity } from "../entities/coref.js";
import { dataPath } from "../data-dir.js";
import { normalize } from "../text/normalize.js";
import { readList, readTsv } from "../util/tsv.js";
import type { MentionRef } from "../entities/mentions.js";
import type { EventType, Trigger } from "./lexicon.js";

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
  // "قذائف من داخل اليمن", "صواريخ من جهة الحدود": a side word between من and the place
  if (SIDE_WORDS.has(tokens[b - 1]?.stem ?? "") && tokens[b - 2]?.stem === "من" && !tokens[b - 2].pro) b--;
  const p1 = tokens[b - 1];
  if (!p1 || p1.kind !== "word") return false;
  if (p1.stem === "من") {
    // past one adjective of the word before: "مقذوف عسكري من اليمن"
    const p2 = tokens[b - 2];
    const r = roleOf(markers, p2) ?? (p2?.kind === "word" && !p2.enc && /(ي|يه)$/.test(p2.stem) ? roleOf(markers, tokens[b - 3]) : undefined);
    return r === "origin" || r === "hometown";
  }
  const r = roleOf(markers, p1);
  if (r === "hometown" && p1.stem.startsWith("اب")) return true;
  return r === "destination" && MOVING.has(type);
}

/** Words between من and a place that still say where from ("من داخل X", "من جهة X"). */
const SIDE_WORDS = new Set(["داخل", "جهه", "ناحيه", "عمق", "خارج"]);

/** Plain nouns of ground or a site ("مواقع", "مقر"), data/events/ground-objects.txt. */
export function loadGroundObjects(): Set<string> {
  return new Set(readList(dataPath("events", "ground-objects.txt")).map(normalize));
}

/** Types that take or leave ground: their object is the place. */
const GROUND = new Set<EventType>(["seize_control", "advance", "withdraw"]);

export interface ObjectWords {
  covers: Array<MentionRef | undefined>;
  /** Head words of names ("مدينة", "مطار"). */
  heads: ReadonlyMap<string, unknown>;
  ground: ReadonlySet<string>;
  functionWords: ReadonlySet<string>;
}

/**
 * "التنظيم الذي استولى على مساحات واسعة", "الاستيلاء على 17 صاروخا": ground taken or left whose object
 * is no place (a number, a plain noun) is not about the place named before the trigger.
 */
export function objectNotPlace(tokens: Token[], tr: { end: number; trigger: Trigger }, w: ObjectWords): boolean {
  if (!GROUND.has(tr.trigger.type)) return false;
  let k = tr.end;
  const prep = tokens[k];
  if (prep?.kind === "word" && tr.trigger.placePreps.has(prep.stem)) {
    if (prep.enc) return false; // "عليها": the place named before
    k++;
  } else if (!tr.trigger.placePreps.has("obj")) return false;
  const t = tokens[k];
  if (!t) return false;
  if (t.kind === "number") return true;
  return t.kind === "word" && !t.enc && !w.covers[k] && !w.heads.has(t.stem) && !w.ground.has(t.stem) && !w.functionWords.has(t.stem);
}

const UNITS = new Set(["admin1", "admin2"]);

/**
 * A governorate or district chosen as an event's place gives way to the first place of the sentence that
 * it holds ("دخلت إلى زنجبار عاصمة محافظة أبين … بعد فرار المتمردين": Zinjibar, not Abyan; "السيطرة على
 * منطقتي الوهط وصبر، عقب اشتباكات … بمحافظة لحج": al-Waht): the unit there only says where that place lies.
 * `placesInSentence` gives the sentence's places in reading order, origins and destinations left out (read
 * only when a unit was chosen).
 */
export function narrowToContained(chosen: WorkEntity[], placesInSentence: () => readonly WorkEntity[], placeOf: (e: WorkEntity) => Place | undefined): WorkEntity[] {
  let inSentence: readonly WorkEntity[] | null = null;
  return chosen.map((c) => {
    const unit = placeOf(c);
    if (!unit || !UNITS.has(unit.kind)) return c;
    inSentence ??= placesInSentence();
    const held = inSentence.find((q) => {
      const p = q === c ? undefined : placeOf(q);
      return !!p && !UNITS.has(p.kind) && p.kind !== "country" && p.country === unit.country && (unit.kind === "admin1" ? p.admin1 === unit.name : p.admin2 === unit.name);
    });
    return held && !chosen.includes(held) ? held : c;
  });
}
