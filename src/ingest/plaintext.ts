/**
 * Plain-text articles. Each non-empty line is a block. A first line followed by a blank line is the
 * title; a short line without final punctuation between paragraphs is a subheading; datelines and
 * bylines ("دبي – العربية.نت", "(أ ف ب)", "المصدر: …") and scraper debris are recognised and set apart.
 */
import type { Block, Extracted } from "./blocks.js";
import { cutDebrisTail, isDebris } from "./debris.js";
import { markDatelines, markSubheadings } from "./structure.js";
import type { IngestResources } from "./resources.js";

/** A title longer than this is a paragraph that happens to come first. */
const TITLE_MAX_WORDS = 40;

const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

export function parsePlainText(raw: string, res: IngestResources): Extracted {
  const lines = raw.replace(/\r\n?/g, "\n").split("\n");
  const firstContent = lines.findIndex((l) => l.trim() !== "");
  const blocks: Block[] = [];
  let title: string | null = null;
  let i = firstContent < 0 ? lines.length : firstContent;
  // Title: the first line when a blank line follows it.
  if (i < lines.length - 1 && lines[i + 1].trim() === "" && wordCount(lines[i]) <= TITLE_MAX_WORDS && !isDebris(lines[i], res)) {
    title = lines[i].trim();
    blocks.push({ kind: "title", text: title });
    i++;
  }
  for (; i < lines.length; i++) {
    if (isDebris(lines[i], res)) continue;
    const text = cutDebrisTail(lines[i].trim(), res);
    if (text) blocks.push({ kind: "paragraph", text });
  }
  markDatelines(blocks, res);
  markSubheadings(blocks);
  return { blocks, title, published: null, author: null, site: null, url: null };
}

