/**
 * Not places: a place head followed by an ordinary word ("منطقة آمنة", "منطقة لها تاريخ", "قضاء حوائجهم")
 * is read by the recogniser as a place it does not know; the geo stage gives such an entity no place record,
 * so it neither crowds the place list nor stands unlocated on the map. The words: data/lexicon/not-places.txt.
 */
import type { Token } from "../document.js";
import type { WorkEntity } from "../entities/coref.js";

/** Whether every mention of `e` begins with a word of `words` (normalised) and no list holds it. */
export function notPlace(e: WorkEntity, tokens: readonly Token[], words: ReadonlySet<string>): boolean {
  if (!words.size || e.places?.length || e.inner?.length || !e.spans.length || !tokens.length) return false;
  return e.spans.every(([start]) => {
    const t = tokens[start];
    return !!t && t.kind === "word" && (words.has(t.norm) || words.has(t.stem));
  });
}
