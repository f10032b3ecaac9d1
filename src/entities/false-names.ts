/**
 * Listed place names that are really a common word split at a clitic: "كبيرا" read as ك + بيرا
 * (Beira), "سيولا" as س + يولا, "بحجة" (on the pretext) as ب + حجة (Hajjah). Such a hit stands only
 * where the context asks for a place: a place head right before ("مدينة", "بلدة") or a locative word
 * ("في", "قرب", "شمال" …).
 */
import type { Token } from "../document.js";
import { hasArticle } from "../text/keys.js";
import type { EntityLexicons } from "./lexicons.js";
import type { Mention } from "./recognize.js";

/** Locative words that ask for a place after them, by stem. */
const LOCATIVES = new Set(["في", "الي", "من", "قرب", "داخل", "عند", "نحو", "باتجاه", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "اطراف", "ضواحي", "مشارف", "محيط"]);

/** Whether the written word, clitics and all, is a common word: the word itself, or with its accusative ا dropped. */
function wholeWordIsCommon(t: Token, lex: EntityLexicons): boolean {
  const w = t.norm;
  return lex.common.has(w) || (w.endsWith("ا") && lex.common.has(w.slice(0, -1))) || lex.functionWords.has(w);
}

/** Whether token i is a one-word place found by splitting a clitic off a common word. */
export function isCliticSplitCommonWord(t: Token, lex: EntityLexicons): boolean {
  if (t.kind !== "word" || !t.pro || t.pro === "ال") return false;
  // a clitic other than the article was split off: the whole word, or the stem, is vocabulary
  return wholeWordIsCommon(t, lex) || (!hasArticle(t.pro) && lex.common.has(t.stem));
}

/** Whether the word before token i asks for a place: a place head or a locative word. */
export function placeDemanded(tokens: Token[], i: number, from: number, lex: EntityLexicons): boolean {
  if (i <= from) return false;
  const p = tokens[i - 1];
  if (p.kind !== "word") return false;
  const head = lex.heads.get(p.norm) ?? lex.heads.get(p.stem);
  return (!!head && head.type !== "ORG") || LOCATIVES.has(p.stem);
}

/** Whether a list mention is a false place name of that kind (see the module comment). */
export function isFalsePlace(m: Mention, tokens: Token[], from: number, lex: EntityLexicons): boolean {
  if (m.rule !== "gazetteer" || m.tokenEnd - m.tokenStart !== 1) return false;
  const t = tokens[m.tokenStart];
  return isCliticSplitCommonWord(t, lex) && !placeDemanded(tokens, m.tokenStart, from, lex);
}
