/**
 * Sentence splitting over the tokens of one paragraph. A sentence ends at . ! ? ؟ ؛ ; … or a line
 * break — but not inside a quotation (« » “ ” " ‹ › „), not after an abbreviation ("د." "م." "Dr."),
 * and not at the dot of a number. Closing quotes and brackets that follow the end mark stay with the
 * sentence. A quotation left open to the end of the paragraph is ignored (the text is split as if it
 * had no marks), so one stray mark cannot swallow a paragraph.
 */
import { dataPath } from "../data-dir.js";
import { readList } from "../util/tsv.js";
import type { RawToken } from "./tokenize.js";

const TERMINATORS = new Set([".", "!", "?", "؟", "؛", ";", "…"]);
/** Quotation marks: each family closes only with its own kind; the straight mark toggles. */
const QUOTE_FAMILY: Record<string, string> = { "«": "g", "»": "g", "‹": "s", "›": "s", "“": "c", "”": "c", "„": "c", '"': "q" };
const OPENING_ONLY = new Set(["«", "‹", "„"]);
const CLOSERS = new Set(["»", "›", "”", '"', ")", "]", "}", "’"]);

let abbreviations: Set<string> | undefined;
const abbrevs = (): Set<string> => (abbreviations ??= new Set(readList(dataPath("text", "abbreviations.txt")).map((a) => a.toLowerCase())));

/** Token index ranges [start, end) of the sentences in `tokens` (the tokens of one paragraph). */
export function splitSentences(text: string, tokens: RawToken[], quoteAware = true): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const stack: string[] = [];
  let first = 0;
  const close = (endExclusive: number): void => {
    if (endExclusive > first) out.push([first, endExclusive]);
    first = endExclusive;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // A line break between two tokens ends the sentence (quotations do not span lines).
    if (i > first && hasNewline(text, tokens[i - 1].end, t.start)) {
      stack.length = 0;
      close(i);
    }
    if (t.kind !== "punct") continue;
    const s = text.slice(t.start, t.end);
    const fam = QUOTE_FAMILY[s[0]];
    if (fam && quoteAware) {
      const top = stack[stack.length - 1];
      if (top === fam && !OPENING_ONLY.has(s[0])) {
        stack.pop();
        // «… انتهى.» followed by a new clause: the quotation's own end mark ends the sentence.
        const prev = tokens[i - 1];
        const next = tokens[i + 1];
        if (!stack.length && prev?.kind === "punct" && TERMINATORS.has(text[prev.start]) && next && next.kind !== "punct") close(i + 1);
      } else stack.push(fam);
      continue;
    }
    if (!TERMINATORS.has(s[0]) || stack.length) continue;
    if (s === "." && isAbbreviation(text, tokens, i)) continue;
    let end = i + 1;
    while (end < tokens.length && tokens[end].kind === "punct" && CLOSERS.has(text[tokens[end].start]) && tokens[end].start === tokens[end - 1].end) end++;
    close(end);
    i = end - 1;
  }
  if (stack.length && quoteAware) return splitSentences(text, tokens, false);
  close(tokens.length);
  return out;
}

function isAbbreviation(text: string, tokens: RawToken[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev || prev.end !== tokens[i].start) return false;
  const w = text.slice(prev.start, prev.end);
  // "2015 م." / "1436 هـ." end a sentence as often as not: treat the year marker as an ordinary word.
  const beforePrev = tokens[i - 2];
  if ((w === "م" || w === "هـ" || w === "ه") && beforePrev?.kind === "number") return false;
  if (!abbrevs().has(w.toLowerCase())) return false;
  return !isSentenceEnd(tokens, i);
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** After the dot: nothing more in the paragraph means the sentence ends. */
const isSentenceEnd = (tokens: RawToken[], i: number): boolean => i + 1 >= tokens.length;
