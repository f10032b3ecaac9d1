/**
 * A trigger noun that carries its actor's nationality as an adjective: "القصف الإسرائيلي على بيت
 * حانون", "الغارات الروسية على ريف إدلب", "غارات أمريكية", "العملية العسكرية التركية". The actor is
 * that country's forces: the phrase from the trigger to the adjective, as the article words it.
 * Returns the token span of that phrase.
 */
import type { Token } from "../document.js";
import { hasArticle } from "../text/keys.js";
import type { EventType } from "./lexicon.js";

/** Types whose nationality adjective tells who acted; a protest's or an agreement's tells who took part. */
const FORCEFUL = new Set<EventType>(["airstrike", "shelling", "armed_clash", "attack_civilians", "seize_control", "advance", "withdraw", "arrest", "abduction"]);
/** Adjectives between the noun and the nationality ("العملية العسكرية التركية") this many at most. */
const MAX_ADJECTIVES = 1;

export type Gentilics = ReadonlyMap<string, { country: string; kind: string }>;

/** An adjective: agrees with the noun's article, no clitic beyond it, a nisba ending. */
const adjective = (t: Token | undefined, def: boolean): t is Token => !!t && t.kind === "word" && !t.enc && hasArticle(t.pro) === def && (t.pro === "" || t.pro === "ال") && /(ي|يه|يين|يون|يات)$/.test(t.stem);

export function nationalForce(tokens: Token[], at: number, end: number, to: number, type: EventType, gentilics: Gentilics, isEntity: (k: number) => boolean): { start: number; end: number } | null {
  if (!FORCEFUL.has(type) || end - at !== 1) return null;
  const def = hasArticle(tokens[at].pro);
  for (let k = end; k < Math.min(to, end + MAX_ADJECTIVES + 1); k++) {
    const t = tokens[k];
    if (!adjective(t, def) || isEntity(k)) return null;
    if (gentilics.get(t.stem)?.kind === "national") return { start: at, end: k + 1 };
  }
  return null;
}

/** Words between a force and its nationality that name its make ("طائرات أف 16 التركية"): this many at most. */
const MAX_MAKE = 3;

/**
 * A force named by its kind with its nationality in its phrase or after its make or model ("طائرات أف 16
 * التركية", "مقاتلات سوخوي الروسية"): the end of the phrase through the adjective, or null. The phrase is
 * tokens [start, end); `isFunction` tells the words that end a phrase ("في", "على").
 */
export function nationalTail(tokens: Token[], start: number, end: number, to: number, gentilics: Gentilics, isFunction: (stem: string) => boolean): number | null {
  const national = (t: Token): boolean => t.kind === "word" && t.pro === "ال" && !t.enc && gentilics.get(t.stem)?.kind === "national";
  for (let k = start + 1; k < end; k++) if (national(tokens[k])) return end;
  for (let k = end; k < Math.min(to, end + MAX_MAKE + 1); k++) {
    const t = tokens[k];
    if (t.kind === "number") continue;
    if (t.kind !== "word" || t.enc || isFunction(t.stem)) return null;
    if (national(t)) return k > end ? k + 1 : null;
    if (t.pro) return null;
  }
  return null;
}
