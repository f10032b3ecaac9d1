/**
 * What `marsad ingest` reads: files (text or HTML), folders (recursively), JSON Lines corpora (plain
 * or .gz: one article per line with id, title, content, url, source and a date), RSS/Atom feeds (files
 * or URLs; each item's page is fetched unless the feed carries the article), and web pages by URL.
 * Items come one at a time, so a corpus of any size streams; a bad item is reported and skipped.
 */
import { createReadStream, readdirSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { extname, join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { ArticleInput } from "../batch/record.js";
import { decode } from "./decode.js";
import { parseFeed, looksLikeFeed, type Feed } from "./feed.js";
import type { Fetcher } from "./fetch.js";
import { plausible } from "./dates.js";
import { DEFAULT_MAX_BYTES } from "./limits.js";

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

/** Why a path cannot be read as an input, in words, from its stat error code. */
export function statProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return "no such file or folder";
  if (code === "ELOOP") return "a symbolic link that loops; fix or remove the link";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return `unreadable (${code ?? (e as Error).message})`;
}

/** What a path that is neither a file nor a folder is, for the message that refuses it. */
export const specialKind = (st: Stats): string => (st.isFIFO() ? "a named pipe (FIFO)" : st.isSocket() ? "a socket" : st.isCharacterDevice() || st.isBlockDevice() ? "a device" : "not a regular file");

/**
 * The files under a folder, sorted, hidden ones left out, with the entries that cannot be read (a
 * looping link, a pipe, no permission) and why. Iterative, and each folder is entered once by its
 * real path, so a link back to a parent cannot make the walk endless.
 */
export function walkAll(dir: string): { files: string[]; problems: Array<{ path: string; error: string }> } {
  const files: string[] = [], problems: Array<{ path: string; error: string }> = [];
  const seen = new Set<string>();
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    let real: string, names: string[];
    try {
      real = realpathSync(d);
      names = readdirSync(d).sort();
    } catch (e) {
      problems.push({ path: d, error: statProblem(e) });
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    const sub: string[] = [];
    for (const name of names) {
      if (name.startsWith(".")) continue;
      const p = join(d, name);
      let st: Stats;
      try {
        st = statSync(p);
      } catch (e) {
        problems.push({ path: p, error: statProblem(e) });
        continue;
      }
      const wanted = ARTICLE_EXT.has(extname(name).toLowerCase()) || FEED_EXT.has(extname(name).toLowerCase()) || JSONL.test(name);
      if (st.isDirectory()) sub.push(p);
      else if (st.isFile() && wanted) files.push(p);
      else if (wanted) problems.push({ path: p, error: `${specialKind(st)}, not a file; skipped` });
    }
    // folders after the files of their parent, in name order
    for (let k = sub.length - 1; k >= 0; k--) stack.push(sub[k]);
  }
  return { files, problems };
}

/** The files under a folder (see walkAll), without the problems. */
export const walk = (dir: string): string[] => walkAll(dir).files;

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
    const files = st.isDirectory() ? walk(p) : st.isFile() ? [p] : [];
    for (const f of files) {
      if (JSONL.test(f)) {
        try {
          for await (const l of lines(f)) n += l.trim() ? 1 : 0;
        } catch {
          // a damaged corpus: the count is a guess, the run reports the damage
        }
      } else if (FEED_EXT.has(extname(f).toLowerCase())) return null;
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

/**
 * The articles of a JSON Lines corpus. A bad line is reported and skipped; a file that ends early or
 * is damaged (a truncated .gz) keeps every line read before the damage, which is reported once.
 */
async function* corpus(file: string, maxBytes: number): AsyncGenerator<SourceItem> {
  let n = 0;
  const it = lines(file)[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = await it.next();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === "Z_BUF_ERROR" || code === "Z_DATA_ERROR" || /unexpected end/i.test((e as Error).message) ? "the compressed file is truncated or damaged" : `reading stopped (${code ?? (e as Error).message})`;
      yield { error: `${why} after line ${n}; the ${n} lines before it were read`, origin: file };
      return;
    }
    if (next.done) return;
    const line = next.value;
    n++;
    if (!line.trim()) continue;
    const origin = `${file} line ${n}`;
    if (line.length > maxBytes * 2) {
      yield { error: `the line is over the ${(maxBytes / 1048576).toFixed(1)} MB limit of one article; raise it with --max-size <MB>`, origin };
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      yield { error: "not a JSON object (invalid JSON)", origin };
      continue;
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
      yield { error: `not a JSON object (${parsed === null ? "null" : Array.isArray(parsed) ? "an array" : typeof parsed})`, origin };
      continue;
    }
    const o = parsed as Record<string, unknown>;
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

/** Every article of every input, in order; a bad input or item is yielded as an error, never thrown. */
export async function* readSources(paths: string[], fetcher: Fetcher | null, maxBytes = DEFAULT_MAX_BYTES): AsyncGenerator<SourceItem> {
  for (const p of paths) {
    if (isUrl(p)) {
      if (!fetcher) yield { error: "fetching is off", origin: p };
      else yield* url(p, fetcher);
      continue;
    }
    let st: Stats;
    try {
      st = statSync(p);
    } catch (e) {
      yield { error: statProblem(e), origin: p };
      continue;
    }
    let files = [p];
    if (st.isDirectory()) {
      const w = walkAll(p);
      for (const x of w.problems) yield { error: x.error, origin: x.path };
      files = w.files;
    } else if (!st.isFile()) {
      // reading a pipe or a device would wait for ever, or never end
      yield { error: `${specialKind(st)}, not a file; give files or folders`, origin: p };
      continue;
    }
    for (const f of files) {
      if (JSONL.test(f)) {
        yield* corpus(f, maxBytes);
        continue;
      }
      let size: number;
      try {
        size = statSync(f).size;
      } catch (e) {
        yield { error: statProblem(e), origin: f };
        continue;
      }
      if (size > maxBytes) {
        yield { error: `${(size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(1)} MB limit of one article; raise it with --max-size <MB>`, origin: f };
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
