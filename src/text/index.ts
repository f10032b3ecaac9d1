/**
 * The text stage: tokens (with normalised form and clitic segmentation) and sentences for every
 * paragraph of the document. Public face of src/text.
 */
import type { MarsadDocument, Sentence, Token } from "../document.js";
import type { Stage } from "../pipeline.js";
import { CliticSegmenter } from "./clitics.js";
import { normalize } from "./normalize.js";
import { splitSentences } from "./sentences.js";
import { tokenize, type RawToken } from "./tokenize.js";

export { normalize } from "./normalize.js";
export { tokenize, type RawToken } from "./tokenize.js";
export { CliticSegmenter, type Segmentation } from "./clitics.js";
export { loadWordLexicon, type WordLexicon } from "./lexicon.js";
export { splitSentences } from "./sentences.js";

/**
 * The longest sentence, in tokens. News sentences run to about 150 tokens; later stages look across a
 * sentence for each trigger and cue, so an endless "sentence" (a list, a page with no punctuation, a
 * hostile input) would cost them quadratic time. A longer one is cut — after a comma when one is near
 * the limit — and the document says so in meta.warnings.
 */
export const MAX_SENTENCE_TOKENS = 400;

/** Cuts a token range [a, b) into pieces of at most MAX_SENTENCE_TOKENS, preferring to cut after a comma. */
function capSentence(text: string, raw: RawToken[], a: number, b: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  while (b - a > MAX_SENTENCE_TOKENS) {
    let cut = a + MAX_SENTENCE_TOKENS;
    for (let k = cut - 1; k > a + MAX_SENTENCE_TOKENS / 2; k--) {
      if (raw[k].kind === "punct" && "،,".includes(text[raw[k].start])) {
        cut = k + 1;
        break;
      }
    }
    out.push([a, cut]);
    a = cut;
  }
  out.push([a, b]);
  return out;
}

export interface TextResources {
  segmenter: CliticSegmenter;
}

/** Turns raw tokens into document tokens, in place: normalised form, clitic segmentation, key. */
export function enrichTokens(text: string, raw: RawToken[], segmenter: CliticSegmenter, out: Token[]): void {
  for (const r of raw) {
    const t = r as Token;
    if (r.kind === "word") {
      const a = segmenter.analyzeSpan(text, r.start, r.end);
      t.norm = a.norm;
      t.pro = a.pro;
      t.stem = a.stem;
      t.enc = a.enc;
      t.key = a.key;
      t.word = a.id;
    } else {
      const norm = normalize(text.slice(r.start, r.end));
      t.norm = norm;
      t.pro = "";
      t.stem = norm;
      t.enc = "";
      t.key = norm;
    }
    out.push(t);
  }
}

export const textStage: Stage<TextResources> = {
  name: "text",
  requires: ["text", "paragraphs"],
  provides: ["tokens", "sentences"],
  run(doc: MarsadDocument, { segmenter }: TextResources): void {
    const { text } = doc;
    doc.tokens = [];
    doc.sentences = [];
    let cut = false;
    doc.paragraphs.forEach((p, pi) => {
      const raw = tokenize(text, p.start, p.end);
      const base = doc.tokens.length;
      enrichTokens(text, raw, segmenter, doc.tokens);
      if (paragraphSentences(text, raw, pi, base, doc.sentences) && !cut) {
        cut = true;
        doc.meta.warnings.push(`a sentence runs over ${MAX_SENTENCE_TOKENS} tokens; it was cut into pieces of at most ${MAX_SENTENCE_TOKENS}`);
      }
    });
  },
};

/**
 * The sentences of one paragraph (its raw tokens, the paragraph's index, the index of its first token
 * in the document) appended to `out`; true when a sentence was cut at MAX_SENTENCE_TOKENS. The text
 * stage and the store (which rebuilds sentences from the text rather than keep them) share it.
 */
export function paragraphSentences(text: string, raw: RawToken[], paragraph: number, base: number, out: Sentence[]): boolean {
  let cut = false;
  for (const [a0, b0] of splitSentences(text, raw)) {
    const pieces = b0 - a0 > MAX_SENTENCE_TOKENS ? capSentence(text, raw, a0, b0) : [[a0, b0] as [number, number]];
    if (pieces.length > 1) cut = true;
    for (const [a, b] of pieces) out.push({ start: raw[a].start, end: raw[b - 1].end, paragraph, tokenStart: base + a, tokenEnd: base + b });
  }
  return cut;
}
