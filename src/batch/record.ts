/**
 * What the store keeps of an analysed article: its document (without token columns) and the rows of
 * its events, quotes and claims, with the normalised text that search indexes. Built in the analysis
 * workers, so the main thread only writes.
 */
import { createHash } from "node:crypto";
import type { Event, MarsadDocument } from "../document.js";
import type { Gazetteer } from "../geo/gazetteer.js";
import { toJson } from "../output.js";
import { normalize } from "../text/normalize.js";
import { packDoc, searchTextOf } from "../store/compact.js";
import { signature } from "../store/minhash.js";

export interface ArticleInput {
  /** Text or bytes of the article. */
  content: string | Buffer;
  /** File name or URL, for the format and the document id. */
  name?: string;
  id?: string;
  title?: string;
  url?: string;
  published?: string;
  /** Outlet: corpus source, feed title, site. */
  source?: string;
  format?: "auto" | "text" | "html";
  /** Where the item came from, for messages ("corpus.jsonl.gz line 12"). */
  origin: string;
}

export interface EventRow {
  localId: string;
  type: string;
  actorName: string | null;
  actorRef: string | null;
  actorCategory: string | null;
  actorInter: number | null;
  placeName: string | null;
  placeRef: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  countryName: string | null;
  admin1: string | null;
  admin2: string | null;
  geoPrecision: number | null;
  date: string | null;
  datePrecision: string | null;
  fatalities: number | null;
  count: number | null;
  modality: string;
  happened: boolean;
  background: boolean;
  sentence: string | null;
  json: string;
}

export interface ArticleRecord {
  hash: string;
  docId: string;
  url: string | null;
  source: string | null;
  title: string | null;
  published: string | null;
  /** MinHash signature, for near-duplicates. */
  signature: string;
  /** Normalised text, for search (the title is put before it). */
  searchText: string;
  /** The article's text: stored once; the analysis, quotes and claims point into it. */
  text: string;
  /** The analysis, packed, and the paragraphs beside it (../store/compact.ts). */
  analysis: Uint8Array;
  paragraphs: string | null;
  events: EventRow[];
  quotes: Array<{ localId: string; speaker: string } & StoredSpan>;
  claims: Array<{ localId: string; source: string; stance: string } & StoredSpan>;
}

/** A quote's or claim's words by offsets into the text; `text` only where they are not that slice. */
export interface StoredSpan {
  start: number;
  end: number;
  text: string | null;
  /** Normalised speaker (or source) and words, for search. */
  searchText: string;
}

/** The content hash that keys an article: its bytes, or its text with white space squeezed. */
export function contentHash(input: Pick<ArticleInput, "content" | "title">): string {
  const h = createHash("sha1");
  if (typeof input.content === "string") h.update(`${input.title ?? ""}\n${input.content}`.replace(/\s+/g, " ").trim());
  else h.update(input.content);
  return h.digest("hex");
}

/** Text for the search index: normalised, punctuation as spaces. */
export const searchable = (s: string): string => normalize(s).replace(/[^\p{L}\p{N}]+/gu, " ").trim();

export function toRecord(doc: MarsadDocument, input: ArticleInput, hash: string, gazetteer: Gazetteer): ArticleRecord {
  // the JSON as a string and back, so the packed analysis is what the stored JSON was (no undefined fields)
  const json = JSON.parse(JSON.stringify(toJson(doc, false))) as Record<string, unknown>;
  // the words of the text, normalised: the tokens already hold them
  const words: string[] = [];
  for (const t of doc.tokens) if (t.kind === "word" || t.kind === "number" || t.kind === "latin") words.push(t.norm);
  const entityRef = new Map(doc.entities.map((e) => [e.id, e.ref]));
  const events: EventRow[] = doc.events.map((e: Event) => {
    const place = e.place?.place ? doc.places.find((p) => p.id === e.place!.place) : undefined;
    const country = place?.country ?? null;
    const first = e.mentions[0];
    return {
      localId: e.id,
      type: e.type,
      actorName: e.actor?.name ?? null,
      actorRef: e.actor?.entity ? (entityRef.get(e.actor.entity) ?? null) : null,
      actorCategory: e.actor?.category ?? null,
      actorInter: e.actor?.inter ?? null,
      placeName: e.place?.name ?? null,
      placeRef: place?.ref ?? null,
      lat: e.place?.lat ?? null,
      lon: e.place?.lon ?? null,
      country,
      countryName: country ? (gazetteer.byId.get(country.toLowerCase())?.nameEn ?? country) : null,
      admin1: place?.admin1 ?? null,
      admin2: place?.admin2 ?? null,
      geoPrecision: place?.geo_precision ?? null,
      date: e.date,
      datePrecision: e.date_precision,
      fatalities: e.fatalities,
      count: e.count,
      modality: e.modality,
      happened: e.happened,
      background: e.background,
      sentence: first ? doc.text.slice(first.sentenceStart, first.sentenceEnd) : null,
      json: JSON.stringify(e),
    };
  });
  return {
    hash,
    docId: doc.meta.id,
    url: doc.meta.url,
    source: input.source ?? doc.meta.dateline?.outlet ?? doc.meta.site ?? null,
    title: doc.meta.title,
    published: doc.meta.published,
    signature: signature(words),
    // the words as the store rebuilds them for a snippet (the same as the tokens' norms)
    searchText: searchTextOf(doc.text, doc.paragraphs),
    text: doc.text,
    ...packDoc(json),
    events,
    quotes: doc.quotes.map((q) => ({ localId: q.id, speaker: q.speaker.name, ...storedSpan(doc.text, q, q.speaker.name) })),
    claims: doc.claims.map((c) => ({ localId: c.id, source: c.source.name, stance: c.stance, ...storedSpan(doc.text, c, c.source.name) })),
  };
}

export function storedSpan(text: string, s: { start: number; end: number; text: string }, who: string): StoredSpan {
  return { start: s.start, end: s.end, text: s.text === text.slice(s.start, s.end) ? null : s.text, searchText: searchable(`${who} ${s.text}`) };
}
