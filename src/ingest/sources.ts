/**
 * What `marsad ingest` reads: files (text or HTML), folders (recursively), JSON Lines corpora (plain
 * or .gz: one article per line with id, title, content, url, source and a date), RSS/Atom feeds (files
 * or URLs; each item's page is fetched unless the feed carries the article), and web pages by URL.
 * Items come one at a time, so a corpus of any size streams; a bad item is reported and skipped.
 */
import { createReadStream, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { ArticleInput } from "../batch/record.js";
import { decode } from "./decode.js";
import { parseFeed, looksLikeFeed, type Feed } from "./feed.js";
import type { Fetcher } from "./fetch.js";
import { plausible } from "./dates.js";

export type SourceItem = { input: ArticleInput } | { error: string; origin: string };

const ARTICLE_EXT = new Set([".txt", ".text", ".html", ".htm", ".xhtml", ".md"]);
const FEED_EXT = new Set([".xml", ".rss", ".atom"]);
const JSONL = /\.(jsonl|ndjson)(\.gz)?$/i;
/** Fields a corpus line may give its date in, in order of preference. */
const DATE_FIELDS = ["published", "date_published", "date", "pubDate", "date_extracted"];

export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

function lines(file: string): AsyncIterable<string> {
  const stream = createReadStream(file);
  return createInterface({ input: file.endsWith(".gz") ? stream.pipe(createGunzip()) : stream, crlfDelay: Infinity });
}

/** The files under a folder, sorted, hidden ones left out. */
export function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith(".")) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...walk(p));
    else if (st.isFile() && (ARTICLE_EXT.has(extname(name).toLowerCase()) || FEED_EXT.has(extname(name).toLowerCase()) || JSONL.test(name))) out.push(p);
  }
  return out;
}

/** How many articles the local inputs hold (lines of corpora, files), for the progress bar; null if unknown. */
export async function countItems(paths: string[]): Promise<number | null> {
  let n = 0;
  for (const p of paths) {
    if (isUrl(p)) return null;
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    const files = st.isDirectory() ? walk(p) : [p];
    for (const f of files) {
      if (JSONL.test(f)) for await (const l of lines(f)) n += l.trim() ? 1 : 0;
      else if (FEED_EXT.has(extname(f).toLowerCase())) return null;
      else n++;
    }
  }
  return n;
}

function corpusDate(o: Record<string, unknown>): string | undefined {
  for (const f of DATE_FIELDS) {
    const v = o[f];
    if (typeof v === "string" && plausible(v.slice(0, 10))) return v.slice(0, 10);
  }
  return undefined;
}

async function* corpus(file: string): AsyncGenerator<SourceItem> {
  let n = 0;
  for await (const line of lines(file)) {
    n++;
    if (!line.trim()) continue;
    const origin = `${file} line ${n}`;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line) as Record<string, unknown>;
    } catch {
      yield { error: "not a JSON object", origin };
      continue;
    }
    const content = o.content ?? o.text ?? o.body;
    if (typeof content !== "string" || !content.trim()) {
      yield { error: "no content field", origin };
      continue;
    }
    const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v : undefined);
    yield { input: { content, title: str(o.title), url: str(o.url), id: str(o.id), source: str(o.source), published: corpusDate(o), format: "auto", origin } };
  }
}

async function* feedItems(feed: Feed, where: string, fetcher: Fetcher | null): AsyncGenerator<SourceItem> {
  for (const [k, it] of feed.items.entries()) {
    const origin = `${where} item ${k + 1}${it.title ? ` (${it.title.slice(0, 40)})` : ""}`;
    const base = { title: it.title ?? undefined, url: it.link ?? undefined, published: it.published ?? undefined, source: feed.title ?? undefined, origin };
    // the feed carries the article: no need to fetch the page
    if (it.content && it.content.replace(/<[^>]+>/g, "").length > 400) {
      yield { input: { ...base, content: it.content, format: "html", name: it.link ?? undefined } };
      continue;
    }
    if (it.link && isUrl(it.link) && fetcher) {
      try {
        const page = await fetcher.get(it.link);
        yield { input: { ...base, content: page.body, format: "html", name: page.url } };
      } catch (e) {
        if (it.summary) yield { input: { ...base, content: it.summary, format: "html" } };
        else yield { error: (e as Error).message, origin };
      }
      continue;
    }
    const text = it.content ?? it.summary;
    if (text) yield { input: { ...base, content: text, format: "html" } };
    else yield { error: "the item has neither content nor a link to fetch", origin };
  }
}

async function* url(u: string, fetcher: Fetcher): AsyncGenerator<SourceItem> {
  let page;
  try {
    page = await fetcher.get(u, { conditional: true });
  } catch (e) {
    yield { error: (e as Error).message, origin: u };
    return;
  }
  if (page.notModified) return; // an unchanged feed or page: nothing new
  const text = decodeSafely(page.body);
  if (/xml|rss|atom/i.test(page.contentType) || (text && looksLikeFeed(text))) {
    try {
      yield* feedItems(parseFeed(text ?? "", u), u, fetcher);
    } catch (e) {
      yield { error: (e as Error).message, origin: u };
    }
    return;
  }
  yield { input: { content: page.body, name: page.url, url: page.url, format: "html", origin: u } };
}

function decodeSafely(body: Buffer): string | null {
  try {
    return decode(body).text;
  } catch {
    return null;
  }
}

/** Every article of every input, in order. */
export async function* readSources(paths: string[], fetcher: Fetcher | null): AsyncGenerator<SourceItem> {
  for (const p of paths) {
    if (isUrl(p)) {
      if (!fetcher) yield { error: "fetching is off", origin: p };
      else yield* url(p, fetcher);
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      yield { error: "no such file or folder", origin: p };
      continue;
    }
    for (const f of st.isDirectory() ? walk(p) : [p]) {
      if (JSONL.test(f)) {
        yield* corpus(f);
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = readFileSync(f);
      } catch (e) {
        yield { error: `unreadable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, origin: f };
        continue;
      }
      const head = decodeSafely(bytes.subarray(0, 4096));
      if (FEED_EXT.has(extname(f).toLowerCase()) || (head && looksLikeFeed(head))) {
        try {
          yield* feedItems(parseFeed(decodeSafely(bytes) ?? "", f), f, fetcher);
        } catch (e) {
          yield { error: (e as Error).message, origin: f };
        }
        continue;
      }
      yield { input: { content: bytes, name: f, format: "auto", origin: f } };
    }
  }
}
