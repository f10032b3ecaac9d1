/**
 * Block structure shared by plain-text and HTML input: which blocks are datelines, and which short
 * lines between paragraphs are subheadings.
 */
import type { Block } from "./blocks.js";
import { matchDatelineLine, matchDatelinePrefix, matchDatelineSuffix } from "./dateline.js";
import type { IngestResources } from "./resources.js";

/** A subheading is at most this many words … */
const SUBHEADING_MAX_WORDS = 12;
/** … and this many characters, and does not end like a sentence. */
const SUBHEADING_MAX_CHARS = 90;
const SENTENCE_END = /[.!?؟:؛…،,»”"')\]]$/u;
/** Datelines are looked for in this many lines at each end of the article. */
const DATELINE_LINES = 3;

const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

export function isSubheadingLike(line: string): boolean {
  const t = line.trim();
  return t.length <= SUBHEADING_MAX_CHARS && wordCount(t) <= SUBHEADING_MAX_WORDS && !SENTENCE_END.test(t) && /\p{L}/u.test(t);
}

/** Finds datelines in the first and last lines: whole lines become dateline blocks, prefixes and suffixes are marked. */
export function markDatelines(blocks: Block[], res: IngestResources): void {
  const body = blocks.map((b, k) => k).filter((k) => blocks[k].kind === "paragraph");
  const ends = new Set([...body.slice(0, DATELINE_LINES), ...body.slice(-DATELINE_LINES)]);
  for (const k of ends) {
    const b = blocks[k];
    const whole = matchDatelineLine(b.text, res);
    if (whole) {
      b.kind = "dateline";
      b.parts = whole;
      continue;
    }
    const at = k === body[0] ? (matchDatelinePrefix(b.text, res) ?? matchDatelineSuffix(b.text, res)) : matchDatelineSuffix(b.text, res);
    if (at && at.end - at.start < b.text.length) b.dateline = at;
  }
}

/** Short lines without final punctuation that stand between paragraphs are subheadings. */
export function markSubheadings(blocks: Block[]): void {
  const isPara = (b: Block | undefined): boolean => !!b && b.kind === "paragraph";
  // the block after each one, datelines skipped, found in one pass from the end (not a scan per block)
  const nextOf: Array<Block | undefined> = new Array(blocks.length);
  let after: Block | undefined;
  for (let k = blocks.length - 1; k >= 0; k--) {
    nextOf[k] = after;
    if (blocks[k].kind !== "dateline") after = blocks[k];
  }
  let seenParagraph = false;
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.kind !== "paragraph") continue;
    const next = nextOf[k];
    if (seenParagraph && isSubheadingLike(b.text) && isPara(next) && !isSubheadingLike(next!.text)) b.kind = "subheading";
    else seenParagraph = true;
  }
}
