/**
 * Matching keys: the form under which a token is looked up in the name lists. A key is the token's
 * stem, with "ال" in front when the word carried the article — so "بالرياض", "والرياض" and "الرياض"
 * share the key "الرياض", while the given name "رياض" keeps the key "رياض". Names in the data files
 * are turned into key sequences by the same tokeniser and segmenter, so both sides always agree.
 */
import type { Token } from "../document.js";
import { normalize } from "./normalize.js";
import { tokenize } from "./tokenize.js";

/** Whether the proclitics hold the article: "ال", "و+ال", "ب+ال", "ل+ال" … */
export const hasArticle = (pro: string): boolean => pro === "ال" || pro.endsWith("+ال");

export function tokenKey(t: Pick<Token, "pro" | "stem" | "kind" | "key">): string {
  if (t.key !== undefined) return t.key;
  if (t.kind !== "word") return t.stem;
  return hasArticle(t.pro) ? "ال" + t.stem : t.stem;
}

/** Punctuation that may sit inside a name without a space: "العربية.نت", "العربية/الحدث", "أ.ف.ب". */
export const NAME_INNER_PUNCT = new Set([".", "/", "-", "'"]);

/**
 * The key sequence of a name as written in a data file: its words normalised, unsegmented — a name's
 * words are names ("وان", "لبنان") or written as the text writes them ("لحقوق"). A text token matches
 * a name word by its normalised form or by its segmented key ("بالرياض" → "الرياض"); see `tokenKeys`.
 */
export function nameKeys(name: string): string[] {
  const keys: string[] = [];
  for (const t of tokenize(name)) if (t.kind !== "punct") keys.push(normalize(name.slice(t.start, t.end)));
  return keys;
}
