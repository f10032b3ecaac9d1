/**
 * Quotation marks in a paragraph, paired: « », “ ”, „ “, ‹ ›, and the straight ". Some Arabic texts
 * reverse the curly marks (”…“) or close a guillemet with its twin; a mark of the same family as the
 * open one closes it, and a mark that is only ever an opener («, „, ‹) always opens.
 */
import type { Token } from "../document.js";

export interface QuotedSpan {
  /** Token indices of the opening and closing marks. */
  open: number;
  close: number;
  /** Offsets of the words inside the marks. */
  start: number;
  end: number;
  /** Brackets rather than quotation marks: speech only when a reporting verb introduces it. */
  bracket: boolean;
  /** No closing mark before the paragraph's end: the quotation runs to the end of the paragraph. */
  unclosed?: boolean;
}

const FAMILY: Record<string, string> = { "«": "g", "»": "g", "‹": "s", "›": "s", "“": "c", "”": "c", "„": "c", '"': "q", "(": "p", ")": "p" };
const OPENERS = new Set(["«", "‹", "„", "("]);
const CLOSERS = new Set([")"]);
const MAX_DEPTH = 6;

export const isQuoteMark = (text: string, t: Token): boolean => t.kind === "punct" && FAMILY[text[t.start]] !== undefined && text[t.start] !== "(" && text[t.start] !== ")";

/**
 * Whether the straight mark at token i opens a short inner pair (one to three words, then a mark
 * glued to a word that goes on): returns the index of the inner closing mark, else 0.
 */
function innerPair(text: string, tokens: Token[], i: number, to: number): number {
  for (let k = i + 2; k <= Math.min(to - 2, i + 4); k++) {
    const t = tokens[k];
    if (t.kind === "punct" && text[t.start] === '"') {
      const next = tokens[k + 1];
      return next && next.kind === "word" && tokens.slice(i + 1, k).every((x) => x.kind === "word") ? k : 0;
    }
  }
  return 0;
}

/** Quoted spans in tokens [from, to); brackets are paired too, since speech is sometimes put in them. */
export function quotedSpans(text: string, tokens: Token[], from: number, to: number): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  const stack: Array<{ fam: string; at: number }> = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.kind !== "punct") continue;
    // a run of marks (“«) is read one mark at a time
    for (let k = t.start; k < t.end; k++) {
      const ch = text[k];
      const fam = FAMILY[ch];
      if (!fam) break;
      const top = stack[stack.length - 1];
      // a short name in straight marks inside a long straight quotation: «… لتنظيم "داعش" وسيوفر …»
      if (ch === '"' && top?.fam === "q" && i - top.at >= 4 && innerPair(text, tokens, i, to)) {
        i = innerPair(text, tokens, i, to);
        break;
      }
      if (top && top.fam === fam && !OPENERS.has(ch)) {
        stack.pop();
        const first = tokens[top.at + 1];
        if (top.at + 1 < i && first) out.push({ open: top.at, close: i, start: first.start, end: tokens[i - 1].end, bracket: fam === "p" });
      } else if (!CLOSERS.has(ch)) {
        // quotations nest a level or two in news; past that the oldest open mark is forgotten, so that
        // no word lies inside more than MAX_DEPTH spans (a page of stray marks stays linear)
        if (stack.length >= MAX_DEPTH) stack.shift();
        stack.push({ fam, at: i });
      }
    }
  }
  // an opening mark never closed (or closed by a mark of another family) ends at the paragraph's end:
  // only the outermost, and only a real quotation mark (a lone bracket or straight mark stays unpaired)
  const outer = stack[0];
  if (outer && (outer.fam === "g" || outer.fam === "c")) {
    let end = to;
    while (end > outer.at + 1 && tokens[end - 1].kind === "punct") end--;
    if (end > outer.at + 1) out.push({ open: outer.at, close: to - 1, start: tokens[outer.at + 1].start, end: tokens[end - 1].end, bracket: false, unclosed: true });
  }
  return out.sort((a, b) => a.open - b.open);
}
