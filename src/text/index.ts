/**
 * The text stage: tokens (with normalised form and clitic segmentation) and sentences for every
 * paragraph of the document. Public face of src/text.
 */
import type { MarsadDocument, Token } from "../document.js";
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

export interface TextResources {
  segmenter: CliticSegmenter;
}

/** Turns raw tokens into document tokens, in place: normalised form, clitic segmentation, key. */
export function enrichTokens(text: string, raw: RawToken[], segmenter: CliticSegmenter, out: Token[]): void {
  for (const r of raw) {
    const t = r as Token;
    if (r.kind === "word") {
      const a = segmenter.analyzeWord(text.slice(r.start, r.end));
      t.norm = a.norm;
      t.pro = a.pro;
      t.stem = a.stem;
      t.enc = a.enc;
      t.key = a.key;
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
    doc.paragraphs.forEach((p, pi) => {
      const raw = tokenize(text, p.start, p.end);
      const base = doc.tokens.length;
      enrichTokens(text, raw, segmenter, doc.tokens);
      for (const [a, b] of splitSentences(text, raw)) {
        doc.sentences.push({ start: raw[a].start, end: raw[b - 1].end, paragraph: pi, tokenStart: base + a, tokenEnd: base + b });
      }
    });
  },
};
