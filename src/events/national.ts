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
