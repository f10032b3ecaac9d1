/**
 * The extracted article as blocks (title, subheadings, paragraphs, datelines), and its assembly into
 * the document's text: blocks joined by blank lines, each keeping its own words verbatim.
 */
import type { Dateline, Paragraph, ParagraphKind } from "../document.js";
import type { DatelineAt, DatelineParts } from "./dateline.js";

export type BlockKind = ParagraphKind | "dateline";

export interface Block {
  kind: BlockKind;
  text: string;
  /** A dateline inside this paragraph (at its start or end): kept in the text, left out of the paragraph. */
  dateline?: DatelineAt;
  /** For a dateline block: what it names. */
  parts?: DatelineParts;
}

export interface Extracted {
  blocks: Block[];
  title: string | null;
  published: string | null;
  author: string | null;
  site: string | null;
  url: string | null;
  /** Problems met while reading that did not stop it (end up in meta.warnings). */
  warnings?: string[];
}

export interface Assembled {
  text: string;
  paragraphs: Paragraph[];
  dateline: Dateline | null;
}

const SEPARATOR = "\n\n";

export function assemble(blocks: Block[]): Assembled {
  // the text is built from parts and joined once: indexing a string while appending to it makes V8
  // flatten it again and again (quadratic in the number of blocks)
  const parts: string[] = [];
  let length = 0;
  const paragraphs: Paragraph[] = [];
  let dateline: Dateline | null = null;
  for (const b of blocks) {
    if (parts.length) {
      parts.push(SEPARATOR);
      length += SEPARATOR.length;
    }
    const at = length;
    parts.push(b.text);
    length += b.text.length;
    if (b.kind === "dateline") {
      if (!dateline && b.parts) dateline = { start: at, end: at + b.text.length, text: b.text, ...b.parts };
      continue;
    }
    let start = 0, end = b.text.length;
    if (b.dateline) {
      const d = b.dateline;
      if (!dateline) dateline = { start: at + d.start, end: at + d.end, text: b.text.slice(d.start, d.end).trim(), place: d.place, outlet: d.outlet };
      if (d.start === 0) start = d.end;
      else end = d.start;
    }
    // keep spans tight: no leading or trailing spaces inside a paragraph
    while (start < end && /\s/.test(b.text[start])) start++;
    while (end > start && /\s/.test(b.text[end - 1])) end--;
    if (end > start) paragraphs.push({ start: at + start, end: at + end, kind: b.kind });
  }
  return { text: parts.join(""), paragraphs, dateline };
}
