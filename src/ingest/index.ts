/**
 * Ingest: from the bytes of one article (a text file or a saved web page, in any of the encodings
 * Arabic news comes in) to a document skeleton — cleaned text, paragraphs and metadata — that the
 * analysis stages then extend. Public face of src/ingest.
 */
import { createHash } from "node:crypto";
import { SCHEMA, type InputFormat, type MarsadDocument } from "../document.js";
import { EXIT, MarsadError } from "../errors.js";
import { assemble, type Extracted } from "./blocks.js";
import { decode, type Decoded } from "./decode.js";
import { parseHtml } from "./html.js";
import { parsePlainText } from "./plaintext.js";
import type { IngestResources } from "./resources.js";

export { loadIngestResources, type IngestResources } from "./resources.js";
export { decode } from "./decode.js";
export { isValidDate, plausible as isPlausibleDate } from "./dates.js";
import { plausible } from "./dates.js";

export { DEFAULT_MAX_BYTES } from "./limits.js";
import { DEFAULT_MAX_BYTES } from "./limits.js";
/** Below this share of Arabic letters the text is "not Arabic": analysed, with a warning. */
const MIN_ARABIC_RATIO = 0.5;

export interface IngestOptions {
  id?: string;
  url?: string;
  /** YYYY-MM-DD */
  published?: string;
  format?: InputFormat | "auto";
  /** Encoding label that overrides detection ("windows-1256"). */
  encoding?: string;
  maxBytes?: number;
  /** File name, used to guess the format from its extension and to name the document. */
  name?: string;
  /** Title given with the input (a corpus record), used when the text has none. */
  title?: string;
  /** The outlet given with the input (a corpus record's source code, a feed's title). */
  source?: string;
}

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)[\s>/]/i;
const FEED_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]/i;

export function detectFormat(text: string, name?: string): InputFormat {
  if (name && /\.(x?html?|php|aspx?)$/i.test(name)) return "html";
  if (name && /\.(txt|text|md)$/i.test(name)) return "text";
  return HTML_START.test(text.slice(0, 2048)) ? "html" : "text";
}


const formatMb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Share of letters in the text that are Arabic (0 when it has no letters). */
export function arabicRatio(text: string): number {
  let arabic = 0, letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3) || (c >= 0xfb50 && c <= 0xfefc)) {
      arabic++;
      letters++;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x52f) || (c >= 0x4e00 && c <= 0x9fff)) letters++;
  }
  return letters ? arabic / letters : 0;
}

/** Turns the bytes of one article into a document with text, paragraphs and metadata. */
export function ingest(input: Buffer | string, opts: IngestOptions, res: IngestResources): MarsadDocument {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = typeof input === "string" ? Buffer.byteLength(input) : input.length;
  if (size > maxBytes) throw new MarsadError(`input is ${formatMb(size)}, over the ${formatMb(maxBytes)} limit; raise it with --max-size <MB>`, EXIT.tooLarge);
  if (size === 0) throw new MarsadError("input is empty; give the text or HTML of an article", EXIT.badInput);
  if (opts.published !== undefined && !plausible(opts.published)) throw new MarsadError(`--published must be a real date as YYYY-MM-DD between 1800 and 2200, got "${String(opts.published).slice(0, 40)}"`, EXIT.usage);
  const decoded: Decoded = typeof input === "string" ? { text: input, encoding: "utf-8" } : decode(input, opts.encoding);
  const { text: raw, encoding } = decoded;
  if (!raw.trim()) throw new MarsadError("input is empty (only white space); give the text or HTML of an article", EXIT.badInput);
  if (FEED_START.test(raw.slice(0, 2048))) throw new MarsadError("input is an RSS or Atom feed, not an article; read feeds with `marsad ingest FEED`", EXIT.badInput);
  const format = opts.format && opts.format !== "auto" ? opts.format : detectFormat(raw, opts.name);
  const extracted: Extracted = format === "html" ? parseHtml(raw, opts.url ?? null, res) : parsePlainText(raw, res);
  if (!extracted.title && opts.title?.trim()) {
    extracted.title = opts.title.trim();
    extracted.blocks.unshift({ kind: "title", text: extracted.title });
  }
  const { text, paragraphs, dateline } = assemble(extracted.blocks);
  if (!paragraphs.length) throw new MarsadError(format === "html" ? "no article text found in the page; save the article's own page, not an index or a login page" : "input holds no article text (only debris or datelines)", EXIT.badInput);
  const ratio = arabicRatio(text);
  const warnings: string[] = [...(decoded.warnings ?? []), ...(extracted.warnings ?? [])];
  if (ratio < MIN_ARABIC_RATIO) warnings.push(`text is not Arabic (${Math.round(ratio * 100)}% of its letters are Arabic); analysed anyway, expect little`);
  const id = opts.id ?? (opts.name ? opts.name.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "") : `doc-${createHash("sha1").update(text).digest("hex").slice(0, 12)}`);
  return {
    schema: SCHEMA,
    meta: {
      id,
      title: extracted.title,
      url: opts.url ?? extracted.url,
      published: opts.published ?? extracted.published,
      author: extracted.author,
      site: extracted.site,
      source: opts.source ?? null,
      dateline,
      format,
      encoding,
      arabicRatio: Math.round(ratio * 1000) / 1000,
      warnings,
    },
    text,
    paragraphs,
    sentences: [],
    tokens: [],
    entities: [],
    quotes: [],
    claims: [],
    places: [],
    events: [],
  };
}
