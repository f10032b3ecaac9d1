/**
 * Listed names the recogniser did not tie to the list: a name the tagger found ("الصاخور") is looked up
 * whole. Describing tails: a place name that no list holds whole, made of a listed name and definite adjectives
 * after it ("جبل صبر المطل", "شرناخ الحدودي", "سيفاري الاستراتيجية"), is the listed place. The recogniser
 * keeps the adjectives in the name (they may belong to it, as in "المنطقة الشرقية"); here only the
 * gazetteer's answer is wanted, so the longest listed beginning wins and the adjectives are left aside.
 */
import type { Token } from "../document.js";
import type { WorkEntity } from "../entities/coref.js";
import { tokenKey } from "../text/keys.js";
import { nameKeys } from "../text/keys.js";
import type { Gazetteer, PlaceName } from "./gazetteer.js";
import { headKindsOf } from "./score.js";

/** A tail word: a bare definite word ("المطل"), not one joined by و/ب/ل ("والعباسي" starts another name). */
const isTailWord = (t: Token): boolean => t.kind === "word" && t.pro === "ال";

/**
 * The listed places a name with a describing tail stands for, or none. The beginning must reach past a
 * head the name keeps ("معسكر الصقر" is no place called معسكر), and the place must be of a kind the head
 * allows (a facility for "مطار X").
 */
export function listedBeforeTail(e: WorkEntity, tokens: readonly Token[], g: Gazetteer): PlaceName[] {
  const headWords = e.head?.keep && e.headText ? nameKeys(e.headText).length : 0;
  const kinds = headKindsOf(e);
  for (const [start, end] of e.spans) {
    // the longest beginning first: "جبل صبر" before "جبل"
    // the whole name first (a name the tagger found and no list walk reached: "والصاخور"), then without its tail
    for (let cut = end; cut > start + headWords && (cut === end || isTailWord(tokens[cut])); cut--) {
      const words = tokens.slice(start, cut);
      if (words.some((t) => t.kind !== "word")) continue;
      const byKey = g.names.get(words.map((t) => tokenKey(t)));
      const found = (byKey.length ? byKey : g.names.get(words.map((t) => t.norm))).filter((c) => !kinds || kinds.includes(c.place.kind));
      if (found.length) return found;
    }
  }
  return [];
}

/**
 * The country a describing tail names ("هورست الهولندية", "مدينة برنو التشيكية"), by a nationality adjective
 * among the words after the name; null when none does. Such a town is not in the article's main province.
 */
export function tailCountry(e: WorkEntity, tokens: readonly Token[], g: Gazetteer): string | null {
  for (const [start, end] of e.spans) {
    for (let k = end - 1; k > start && isTailWord(tokens[k]); k--) {
      const stem = tokens[k].stem;
      // feminine "هولنديه" and masculine "هولندي" both name the Netherlands
      const cc = g.nationalities.get(stem) ?? (stem.endsWith("يه") ? g.nationalities.get(stem.slice(0, -1)) : undefined);
      if (cc) return cc;
    }
  }
  return null;
}
