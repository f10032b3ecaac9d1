/**
 * The people an event counts: killed, wounded, captured, freed and displaced, each tied to the word that
 * says what happened to them (data/lexicon/casualty-words.tsv, single words and phrases such as "أودى
 * بحياة"), with its qualifier ("أكثر من", "نحو", "عشرات"). The number stands right before a noun of the
 * casualties ("11 قتيلا", "عشرات الجرحى") or right after a verb or verbal noun ("مقتل 25", "أودى بحياة
 * 32 شخصا", "إصابة خمسة"). Years, dates and ages are never counts ("عام 2014", "(15 عاما)", "7 يوليو").
 */
import type { Token } from "../document.js";
import { scanLexicon } from "../entities/recognize.js";
import type { CasualtyWord, EventLexicon } from "./lexicon.js";
import { countAt, dualCount, type Count } from "./numbers.js";

export type TallyKind = Exclude<CasualtyWord["kind"], "count_noun">;

export interface Tally extends Count {
  kind: TallyKind;
}

export interface CountContext {
  text: string;
  tokens: Token[];
  keys: string[];
  lex: EventLexicon;
}

/** Words after a number that make it an age or a span of time, not people. */
const AGE_OR_SPAN = new Set(["عاما", "عام", "سنه", "سنوات", "سنين", "اعوام", "عمر", "شهرا", "شهر", "اشهر", "يوما", "يوم", "ايام", "ساعه", "ساعات", "دقيقه", "دقائق", "كيلومتر", "كيلومترا", "كم", "متر", "مترا", "بالمئه", "بالمائه"]);
/** Words before a number that make it a year or an age ("عام 2014", "عمره 15"). */
const BEFORE_YEAR = new Set(["عام", "سنه", "العام", "السنه", "عمر", "العمر", "بعمر", "رقم"]);

/**
 * Whether a count is people: not a year (19xx/20xx with nothing counted after it), not a day of a month,
 * not an age or a length of time, not a percentage.
 */
export function plausible(ctx: CountContext, c: Count): boolean {
  const { tokens } = ctx;
  const last = tokens[c.end - 1];
  const next = tokens[c.end];
  const prev = tokens[c.start - 1];
  const counted = !!next && next.kind === "word" && !!ctx.lex.casualties.get(next.stem);
  if (last.kind === "number" && /^(19|20)\d\d$/.test(last.norm) && !counted) return false;
  if (next && next.kind === "word" && (AGE_OR_SPAN.has(next.norm) || AGE_OR_SPAN.has(next.stem) || ctx.lex.time.get(next.stem)?.kind === "month")) return false;
  if (next && next.kind === "symbol" && /[%٪]/.test(ctx.text[next.start])) return false;
  if (next && next.kind === "punct" && /[/\-.]/.test(ctx.text[next.start]) && tokens[c.end + 1]?.kind === "number") return false;
  if (prev && prev.kind === "word" && (BEFORE_YEAR.has(prev.stem) || BEFORE_YEAR.has(prev.norm) || ctx.lex.time.get(prev.stem)?.kind === "month")) return false;
  return true;
}

/** A plausible count starting at token i, or a dual noun there ("جنديين"). */
function countHere(ctx: CountContext, i: number, to: number): Count | null {
  const c = countAt(ctx.tokens, i, to, ctx.lex);
  if (c) return plausible(ctx, c) ? c : null;
  const dual = dualCount(ctx.tokens[i], ctx.lex);
  return dual ? { value: dual, qualifier: "exact", start: i, end: i + 1 } : null;
}

/** A plausible count ending right before token k ("11 قتيلا", "أكثر من 40 معتقلا"). */
function countEndingAt(ctx: CountContext, k: number, from: number): Count | null {
  for (let j = k - 1; j >= Math.max(from, k - 4); j--) {
    const c = countAt(ctx.tokens, j, k, ctx.lex);
    if (c && c.end === k) return plausible(ctx, c) ? c : null;
  }
  return null;
}

/** Words that may stand between a verb of casualties and its number ("قتل فيها 5", "قتل منهم 3"). */
const BETWEEN = /^(فيه|فيها|فيهم|منهم|منهن|منها|بينهم)$/;

/** Every tally of tokens [from, to), in text order. */
export function talliesIn(ctx: CountContext, from: number, to: number): Tally[] {
  const { tokens, lex } = ctx;
  const hits = scanLexicon(ctx, from, to, lex.casualtyPhrases, (t) => lex.casualties.get(t.stem) ?? lex.casualties.get(t.norm), (at, end, w) => ({ at, end, w }));
  const out: Tally[] = [];
  for (let h = 0; h < hits.length; h++) {
    const { at, end, w } = hits[h];
    if (w.kind === "count_noun") continue;
    // a dual casualty noun is its own count ("قتيلين")
    const dual = end === at + 1 && /(ان|ين)$/.test(tokens[at].stem) && w.number === "pl" ? dualCount(tokens[at], lex) : null;
    let c = countEndingAt(ctx, at, from);
    if (!c && w.number === "pl" && at > from && tokens[at].pro.includes("ال")) {
      // "عشرات القتلى": a vague quantity in construct before the noun
      const v = countAt(tokens, at - 1, at, lex);
      if (v && v.end === at) c = v;
    }
    if (!c && !dual) {
      let j = end;
      // "مقتل وإصابة 20 شخصا": the number after the second word counts both
      if (hits[h + 1]?.at === j && tokens[j].pro.startsWith("و")) j = hits[h + 1].end;
      if (j < to && tokens[j].kind === "word" && BETWEEN.test(tokens[j].norm)) j++;
      if (j < to) c = countHere(ctx, j, to);
    }
    if (!c && dual) c = { value: dual, qualifier: "exact", start: at, end: at + 1 };
    if (c) out.push({ ...c, kind: w.kind });
  }
  return out;
}

/** The first tally of a kind. */
export const tallyOf = (tallies: Tally[], kind: TallyKind): Tally | null => tallies.find((t) => t.kind === kind) ?? null;

/** Event types whose count is the people named after the trigger ("اعتقال 12 شخصا", "إعدام 19 مسلحا"). */
const COUNTED = new Set(["release_detainees", "arrest", "abduction", "displacement", "attack_civilians"]);
const COUNT_REACH = 5;

/** The people an arrest, release, abduction, displacement or execution acts on: a number after its trigger, or just before. */
export function countAfterTrigger(ctx: CountContext, type: string, at: number, triggerEnd: number, from: number, to: number): Count | null {
  if (!COUNTED.has(type)) return null;
  for (let k = triggerEnd; k < Math.min(to, triggerEnd + COUNT_REACH); k++) {
    if (ctx.tokens[k].kind === "punct" && ctx.text[ctx.tokens[k].start] !== "،") break;
    const c = countHere(ctx, k, to);
    if (c) return c;
  }
  for (let k = at - 1; k >= Math.max(from, at - 3); k--) {
    const c = countAt(ctx.tokens, k, at, ctx.lex);
    if (c && plausible(ctx, c)) return c;
  }
  return null;
}
