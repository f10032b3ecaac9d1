/**
 * Counts in event sentences: digits in any script ("3500", "٣٥٠٠", "3,500"), number words ("تسعة",
 * "خمسة وعشرون", "مئتين"), duals ("جنديين" → 2), vague quantities ("عشرات", "مئات", "آلاف"), and
 * qualifiers ("أكثر من", "نحو", "ما لا يقل عن").
 */
import type { Token } from "../document.js";
import type { EventLexicon } from "./lexicon.js";

export interface Count {
  /** The number, or the lower bound of a vague quantity ("عشرات" → 10, "مئات" → 100). */
  value: number;
  /** exact, more_than, less_than, about, at_least, or the vague kind (tens, hundreds, thousands, few). */
  qualifier: string;
  /** Token range of the whole expression. */
  start: number;
  end: number;
}

const VAGUE_LOWER_BOUND: Record<string, number> = { tens: 10, hundreds: 100, thousands: 1000, millions: 1_000_000, few: 3 };
const QUALIFIER_KINDS = new Set(["more_than", "less_than", "about", "at_least"]);
/** The dual ending of a counted noun: "جنديين", "جنديان", "مدنيين"? (no: that is a plural) — only nouns listed as count nouns. */
const DUAL = /(ان|ين)$/;

export function digitsValue(norm: string): number | null {
  const clean = norm.replace(/[,٬]/g, "");
  const n = Number(clean);
  // beyond 2^53 a number is no count anyone reported, and JSON readers lose its digits
  return Number.isFinite(n) && n <= Number.MAX_SAFE_INTEGER ? n : null;
}

/** A count starting at token i (after an optional qualifier), or null. */
export function countAt(tokens: Token[], i: number, to: number, lex: EventLexicon): Count | null {
  let j = i;
  let qualifier = "exact";
  // qualifiers: "أكثر من", "نحو", "ما لا يقل عن"
  for (let k = j; k < Math.min(to, j + 4); k++) {
    let node = lex.numberPhrases.start(tokens[j].norm) ?? lex.numberPhrases.start(tokens[j].stem);
    let m = j + 1;
    let hit: { kind: string; end: number } | null = null;
    while (node && m <= to) {
      if (node.values.length) hit = { kind: node.values[0].kind, end: m };
      if (m >= to) break;
      node = node.next(tokens[m].norm) ?? node.next(tokens[m].stem);
      m++;
    }
    const single = lex.numbers.get(tokens[j].stem) ?? lex.numbers.get(tokens[j].norm);
    if (hit && QUALIFIER_KINDS.has(hit.kind)) {
      qualifier = hit.kind;
      j = hit.end;
    } else if (single && QUALIFIER_KINDS.has(single.kind)) {
      qualifier = single.kind;
      j++;
    }
    break;
  }
  if (j >= to) return null;
  const t = tokens[j];
  if (t.kind === "number") {
    const v = digitsValue(t.norm);
    return v === null ? null : { value: v, qualifier, start: i, end: j + 1 };
  }
  if (t.kind !== "word") return null;
  const w = lex.numbers.get(t.stem) ?? lex.numbers.get(t.norm);
  if (!w) return null;
  if (w.value === null) {
    const lower = VAGUE_LOWER_BOUND[w.kind];
    return lower ? { value: lower, qualifier: w.kind, start: i, end: j + 1 } : null;
  }
  // "خمسة وعشرون": units and tens joined by و
  let value = w.value;
  let end = j + 1;
  const next = tokens[end];
  if (next && next.kind === "word" && next.pro === "و") {
    const tens = lex.numbers.get(next.stem);
    if (tens?.value && tens.value >= 20 && tens.value < 100 && value < 10) {
      value += tens.value;
      end++;
    }
  }
  // "ثلاثة آلاف", "خمس مئة"
  const scale = tokens[end];
  if (scale && scale.kind === "word") {
    const s = lex.numbers.get(scale.stem);
    if (s?.value && (s.value === 100 || s.value === 1000 || s.value === 1_000_000) && value < 100) {
      value *= s.value;
      end++;
    } else if (s && s.value === null && s.kind === "thousands" && value < 100) {
      value *= 1000;
      end++;
    }
  }
  return { value, qualifier, start: i, end };
}

/** A counted noun in the dual ("جنديين", "مدنيان"): two of them. */
export function dualCount(t: Token, lex: EventLexicon): number | null {
  if (t.kind !== "word" || !DUAL.test(t.stem)) return null;
  const base = t.stem.replace(DUAL, "");
  const w = lex.casualties.get(base) ?? lex.casualties.get(base + "ه");
  return w && (w.kind === "count_noun" || w.kind === "killed" || w.kind === "wounded" || w.kind === "captured") && w.number !== "pl" ? 2 : null;
}
