/**
 * The part of an analysed document that golden fixtures pin down (test/fixtures/<case>/expected.json):
 * metadata and the text layer's structure. Later layers get their own fixtures as they land.
 */
import type { MarsadDocument } from "../../src/document.js";

export function summarize(doc: MarsadDocument): Record<string, unknown> {
  const { title, dateline, published, author, site, encoding, format, warnings } = doc.meta;
  return {
    meta: { title, dateline: dateline && { text: dateline.text, place: dateline.place, outlet: dateline.outlet }, published, author, site, encoding, format, warnings },
    paragraphs: doc.paragraphs.map((p) => ({ kind: p.kind, text: doc.text.slice(p.start, p.end) })),
    sentences: doc.sentences.map((s) => doc.text.slice(s.start, s.end)),
  };
}
