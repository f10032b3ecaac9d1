/**
 * The stored form of an analysed article: its text once (a column of its own), and the analysis
 * without what can be rebuilt from that text, deflated. On reading, `unpackDoc` gives back the
 * document's JSON byte for byte as it was (`toJson(doc, false)`), so the article view answers as
 * before. What is left out, and how it comes back:
 * - `text`: the article's text column;
 * - `paragraphs`: a short column of their own ("start,end,kind;…"), so that search can rebuild an
 *   article's words without unpacking its analysis;
 * - `sentences`: rebuilt by the text stage's tokeniser and splitter from the text and paragraphs
 *   (kept when, for any reason, the rebuilt ones differ);
 * - the words of every span that carries them (entity mentions, quotes, claims, the dateline):
 *   `text.slice(start, end)`, kept only where they are not exactly that slice;
 * - `events`: their local ids; each event is stored once, in its own row (events.json).
 * JSON keys keep their places (a left-out value is a placeholder, 0), so the rebuilt JSON is the same
 * text. Deflate then takes the repeated key names: the analysis shrinks about tenfold.
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { Paragraph, Sentence } from "../document.js";
import { normalize } from "../text/normalize.js";
import { paragraphSentences } from "../text/index.js";
import { tokenize } from "../text/tokenize.js";

/** What stands for a value left out: the fields it stands for are strings or arrays, never numbers. */
const LEFT_OUT = 0;

type Json = Record<string, unknown>;

/** The sentences the text stage gives for this text and these paragraphs. */
export function rebuildSentences(text: string, paragraphs: readonly Paragraph[]): Sentence[] {
  const out: Sentence[] = [];
  let base = 0;
  paragraphs.forEach((p, pi) => {
    const raw = tokenize(text, p.start, p.end);
    paragraphSentences(text, raw, pi, base, out);
    base += raw.length;
  });
  return out;
}

/**
 * What the search index holds for an article's text: the normalised words, numbers and Latin words of
 * its paragraphs, as the text stage's tokens give them (norm), joined by spaces. Rebuilt from the text
 * when a search shows a snippet, so the index keeps no copy of it.
 */
export function searchTextOf(text: string, paragraphs: readonly Paragraph[]): string {
  const words: string[] = [];
  for (const p of paragraphs) {
    for (const t of tokenize(text, p.start, p.end)) if (t.kind === "word" || t.kind === "number" || t.kind === "latin") words.push(text.slice(t.start, t.end));
  }
  // normalize() folds each character on its own (and keeps spaces), so one call over the joined words
  // gives the tokens' norms joined — in a fraction of the time of a call per word
  return normalize(words.join(" "));
}

const isSpan = (o: Json): boolean => typeof o.start === "number" && typeof o.end === "number";

/** Walks every object under `v`, calling `f` on those that are spans. */
function eachSpan(v: unknown, f: (o: Json) => void): void {
  if (Array.isArray(v)) for (const x of v) eachSpan(x, f);
  else if (v && typeof v === "object") {
    const o = v as Json;
    if (isSpan(o)) f(o);
    for (const k in o) if (o[k] && typeof o[k] === "object") eachSpan(o[k], f);
  }
}

/** Top-level layers whose spans carry their words (the events are stored apart; sentences carry none). */
const WORDED = ["meta", "entities", "quotes", "claims", "places"] as const;

/** Paragraphs as "start,end,kind;…" — or null when that would not give them back exactly. */
export function encodeParagraphs(ps: readonly Paragraph[]): string | null {
  const s = ps.map((p) => `${p.start},${p.end},${p.kind}`).join(";");
  return JSON.stringify(decodeParagraphs(s)) === JSON.stringify(ps) ? s : null;
}

export function decodeParagraphs(s: string): Paragraph[] {
  if (!s) return [];
  return s.split(";").map((p) => {
    const [start, end, kind] = p.split(",");
    return { start: Number(start), end: Number(end), kind: kind as Paragraph["kind"] };
  });
}

export interface PackedDoc {
  /** Deflated JSON. */
  analysis: Buffer;
  /** encodeParagraphs's; null when the paragraphs stay in the analysis. */
  paragraphs: string | null;
}

/**
 * The stored analysis of a document's JSON (`toJson(doc, false)`, as parsed from its string): deflated
 * JSON without the text, paragraphs, the rebuildable sentences, span words and events. Mutates `json`.
 */
export function packDoc(json: Json): PackedDoc {
  const text = json.text as string;
  const paragraphs = json.paragraphs as Paragraph[];
  const encoded = encodeParagraphs(paragraphs);
  if (encoded !== null) json.paragraphs = LEFT_OUT;
  if (JSON.stringify(rebuildSentences(text, paragraphs)) === JSON.stringify(json.sentences)) json.sentences = LEFT_OUT;
  for (const layer of WORDED) {
    eachSpan(json[layer], (o) => {
      if (typeof o.text === "string" && o.text === text.slice(o.start as number, o.end as number)) o.text = LEFT_OUT;
    });
  }
  json.text = LEFT_OUT;
  json.events = ((json.events as Json[]) ?? []).map((e) => e.id);
  return { analysis: deflateRawSync(Buffer.from(JSON.stringify(json))), paragraphs: encoded };
}

/**
 * The document's JSON string from its stored parts: the text, the paragraphs column, the packed
 * analysis, and its events' JSON by local id. The same string as was packed.
 */
export function unpackDoc(text: string, paragraphs: string | null, analysis: Uint8Array, events: ReadonlyMap<string, string>): string {
  const json = JSON.parse(inflateRawSync(analysis).toString("utf8")) as Json;
  json.text = text;
  if (json.paragraphs === LEFT_OUT) json.paragraphs = decodeParagraphs(paragraphs ?? "");
  if (json.sentences === LEFT_OUT) json.sentences = rebuildSentences(text, json.paragraphs as Paragraph[]);
  for (const layer of WORDED) {
    eachSpan(json[layer], (o) => {
      if (o.text === LEFT_OUT) o.text = text.slice(o.start as number, o.end as number);
    });
  }
  json.events = (json.events as string[]).map((id) => {
    const e = events.get(id);
    if (e === undefined) throw new Error(`the stored article has no event ${id}`);
    return JSON.parse(e) as unknown;
  });
  return JSON.stringify(json);
}

/** An article's paragraphs from its stored parts (for rebuilding its search text). */
export function storedParagraphs(paragraphs: string | null, analysis: Uint8Array): Paragraph[] {
  return paragraphs !== null ? decodeParagraphs(paragraphs) : (JSON.parse(inflateRawSync(analysis).toString("utf8")) as { paragraphs: Paragraph[] }).paragraphs;
}
