/** Offsets inside a token: where its stem starts once its proclitics are set aside. */
import type { Token } from "../document.js";
import { isDropped } from "./normalize.js";

/** The index after `n` letters from `start` (diacritics and tatweel are not letters). */
export function skipLetters(text: string, start: number, end: number, n: number): number {
  let i = start;
  let seen = 0;
  while (i < end && seen < n) {
    if (!isDropped(text.charCodeAt(i))) seen++;
    i++;
  }
  while (i < end && isDropped(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Where a name starts inside its first token: after attached conjunctions and prepositions, keeping
 * the article ("بالجيش" → "الجيش"). With "لل" (ل + the article, whose alef is elided) the whole "لل" is
 * set aside and `addArticle` says that "ال" must be put back in front for display.
 */
export function nameStartInToken(text: string, t: Token): { start: number; addArticle: boolean } {
  if (!t.pro) return { start: t.start, addArticle: false };
  const parts = t.pro.split("+");
  const article = parts[parts.length - 1] === "ال";
  const before = article ? parts.slice(0, -1) : parts;
  if (article && before[before.length - 1] === "ل") {
    // "للمرصد", "وللجيش": skip the preposition and the lam of the elided article
    return { start: skipLetters(text, t.start, t.end, before.join("").length + 1), addArticle: true };
  }
  return { start: skipLetters(text, t.start, t.end, before.join("").length), addArticle: false };
}
