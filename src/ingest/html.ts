/**
 * HTML pages: the main article is found by Mozilla Readability (over linkedom's DOM), then cut into
 * blocks — headings become subheadings, paragraphs, list items and quotations become paragraphs.
 * Title, publication date, author and site come from the page's meta tags and JSON-LD when present.
 * Navigation, share and related-link blocks, cookie notices and scraper debris are dropped.
 */
import { lazyRequire } from "../util/lazy-require.js";
import type { Block, Extracted } from "./blocks.js";
import { isDebris, cutDebrisTail } from "./debris.js";
import { markDatelines, markSubheadings } from "./structure.js";
import { htmlToText, nestingDepth } from "./html-text.js";
import { parsePlainText } from "./plaintext.js";
import { isoDate } from "./dates.js";
import type { IngestResources } from "./resources.js";

/** Readability's minimum article length; Arabic news items are often short, so lower than its 500. */
const CHAR_THRESHOLD = 120;
/** A block whose text is mostly link text is navigation or a related-links list. */
const MAX_LINK_DENSITY = 0.6;
const BLOCK_TAGS = new Set(["P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "DD", "DT", "TD", "FIGCAPTION"]);
const HEADING = /^H[1-6]$/;
/**
 * Deepest element nesting the DOM path accepts. Real article pages stay under about 60; Readability's
 * scoring slows with depth (about 1.3 ms a level on this project's machines: 100 levels in a kilobyte
 * take 130 ms) and the DOM library recurses over it, so a deeper page is read as text (with a warning).
 */
export const MAX_DEPTH = 100;
/**
 * Readability costs about the same per element whatever the element holds, and tries up to four times
 * on a page with little text: a page of bare tags (under about 20 bytes an element, where real pages
 * run to 50 and more) would take it far longer per kilobyte than news does, so past a thousand elements
 * such a page is read as text.
 */
const MIN_BYTES_PER_ELEMENT = 20;
const DENSE_FROM = 1000;
const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "NAV", "FOOTER", "ASIDE", "FORM", "BUTTON", "SVG", "FIGURE", "IFRAME"]);

const readability = lazyRequire<typeof import("@mozilla/readability")>("@mozilla/readability");
const linkedom = lazyRequire<typeof import("linkedom")>("linkedom");

type El = { tagName: string; textContent: string | null; children: ArrayLike<El>; childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>; querySelectorAll(s: string): ArrayLike<El>; getAttribute(n: string): string | null };

const squeeze = (s: string): string => s.replace(/[ \t\u00a0\r]+/g, " ").replace(/ *\n */g, "\n").replace(/\n{2,}/g, "\n").trim();

function meta(doc: Document, ...names: string[]): string | null {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const v = el?.getAttribute("content")?.trim();
    if (v) return v;
  }
  return null;
}

/** A JSON-LD article's fields, read as what they claim to be: a page may put a number or an object anywhere. */
interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  author: string | null;
  publisher: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
/** A non-empty string, or null (numbers, objects and arrays are not names or titles). */
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);

function jsonLd(doc: Document): JsonLdArticle | null {
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(s.textContent ?? "");
    } catch {
      continue; // a broken JSON-LD block is common and harmless: the meta tags still count
    }
    const items = (Array.isArray(data) ? data : [data]).flatMap((d) => (isObject(d) && Array.isArray(d["@graph"]) ? d["@graph"] : [d]));
    const art = items.find((d): d is Record<string, unknown> => isObject(d) && ("datePublished" in d || "headline" in d));
    if (art) {
      return {
        headline: str(art.headline),
        datePublished: str(art.datePublished),
        author: authorName(art.author),
        publisher: isObject(art.publisher) ? str(art.publisher.name) : str(art.publisher),
      };
    }
  }
  return null;
}

/** An author's name from a string, {name}, or a list of them (one level: JSON-LD does not nest authors deeper). */
function authorName(a: unknown): string | null {
  const one = (v: unknown): string | null => str(v) ?? (isObject(v) ? str(v.name) : null);
  if (Array.isArray(a)) return a.slice(0, 20).map(one).filter(Boolean).join("، ") || null;
  return one(a);
}

export { isoDate };

function linkDensity(el: El): number {
  const total = (el.textContent ?? "").trim().length;
  if (!total) return 0;
  let links = 0;
  for (const a of Array.from(el.querySelectorAll("a"))) links += (a.textContent ?? "").trim().length;
  return links / total;
}

/**
 * Walks the article's DOM and collects its blocks in reading order. Iterative (an explicit stack, not
 * recursion): a page's nesting must not decide whether the walk overflows the call stack.
 */
function collectBlocks(root: El, out: Block[], res: IngestResources): void {
  const stack: El[] = Array.from(root.children).reverse();
  while (stack.length) {
    const el = stack.pop()!;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) continue;
    if (BLOCK_TAGS.has(tag) && !hasBlockChild(el)) {
      const text = squeeze(el.textContent ?? "");
      if (!text || isDebris(text, res) || linkDensity(el) > MAX_LINK_DENSITY) continue;
      const cut = cutDebrisTail(text, res);
      if (cut) out.push({ kind: HEADING.test(tag) ? "subheading" : "paragraph", text: cut });
      continue;
    }
    // a container that holds its own text beside child elements (a <div> used as a paragraph)
    const ownText = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent ?? "").join(" ").trim();
    if (ownText.length > 40 && !hasBlockChild(el)) {
      const text = squeeze(el.textContent ?? "");
      if (!isDebris(text, res) && linkDensity(el) <= MAX_LINK_DENSITY) out.push({ kind: "paragraph", text: cutDebrisTail(text, res) });
      continue;
    }
    const kids = Array.from(el.children);
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
  }
}

function hasBlockChild(el: El): boolean {
  for (const c of Array.from(el.children)) {
    const t = c.tagName.toUpperCase();
    if (BLOCK_TAGS.has(t) || t === "DIV" || t === "SECTION" || t === "ARTICLE" || t === "UL" || t === "OL" || t === "TABLE") return true;
  }
  return false;
}

/** The page as a DOM, or null when the DOM library cannot build a usable one (not HTML, or it throws). */
function dom(html: string): Document | null {
  try {
    const { document } = linkedom().parseHTML(html);
    return document?.documentElement && document.body ? (document as unknown as Document) : null;
  } catch {
    return null;
  }
}

/** The page read without a DOM: its text, line by line, as a plain-text article. */
function fallback(html: string, url: string | null, res: IngestResources, why: string): Extracted {
  const ex = parsePlainText(htmlToText(html), res);
  return { ...ex, url, warnings: [`${why}; its text was read without the page structure`] };
}

export function parseHtml(html: string, url: string | null, res: IngestResources): Extracted {
  // <br> separates lines inside a paragraph; linkedom's textContent would glue them.
  const withBreaks = html.replace(/<br\s*\/?>/gi, "\n");
  if (nestingDepth(withBreaks, MAX_DEPTH + 1) > MAX_DEPTH) return fallback(html, url, res, `the page nests elements over ${MAX_DEPTH} deep`);
  const elements = countElements(withBreaks);
  if (elements > DENSE_FROM && withBreaks.length < elements * MIN_BYTES_PER_ELEMENT) return fallback(html, url, res, `the page packs ${elements} elements into ${Math.round(withBreaks.length / 1024)} KB`);
  const document = dom(withBreaks);
  if (!document) return fallback(html, url, res, "the input is not a usable HTML page");
  try {
    return fromDom(document, withBreaks, url, res);
  } catch {
    // the DOM library or Readability choked on this page: its text still counts
    return fallback(html, url, res, "the page could not be read as HTML");
  }
}

/** Opening tags, counted without a DOM. */
function countElements(html: string): number {
  let n = 0;
  for (let i = html.indexOf("<"); i >= 0; i = html.indexOf("<", i + 1)) if (/[A-Za-z]/.test(html[i + 1] ?? "")) n++;
  return n;
}

function fromDom(document: Document, withBreaks: string, url: string | null, res: IngestResources): Extracted {
  const ld = jsonLd(document);
  const metaTitle = meta(document, "og:title", "twitter:title") ?? ld?.headline ?? null;
  const published = isoDate(meta(document, "article:published_time", "og:published_time", "datePublished", "date", "pubdate", "publishdate", "DC.date.issued", "parsely-pub-date")) ?? isoDate(ld?.datePublished) ?? isoDate(document.querySelector("time[datetime]")?.getAttribute("datetime"));
  const author = meta(document, "author", "article:author", "byl") ?? ld?.author ?? null;
  const site = meta(document, "og:site_name", "application-name") ?? ld?.publisher ?? null;
  const pageUrl = url ?? meta(document, "og:url") ?? document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null;

  const article = new (readability().Readability)(document, { charThreshold: CHAR_THRESHOLD, keepClasses: false }).parse();
  const blocks: Block[] = [];
  if (article?.content) {
    const content = dom(`<!doctype html><html><body>${article.content}</body></html>`);
    if (content) collectBlocks(content.body as unknown as El, blocks, res);
  }
  if (!blocks.length) {
    // Readability found no article: fall back to every paragraph of the page.
    const page = dom(withBreaks);
    for (const p of page ? Array.from(page.querySelectorAll("p")) : []) {
      const text = squeeze(p.textContent ?? "");
      if (text && !isDebris(text, res)) blocks.push({ kind: "paragraph", text: cutDebrisTail(text, res) });
    }
  }
  const title = squeeze(str(article?.title) ?? metaTitle ?? document.querySelector("h1")?.textContent ?? str(document.title) ?? "") || null;
  // The heading that repeats the title is the title, not a subheading.
  const body = blocks.filter((b, k) => !(k === 0 && b.kind === "subheading" && title && b.text === title));
  markDatelines(body, res);
  markSubheadings(body);
  const all: Block[] = title ? [{ kind: "title", text: title }, ...body] : body;
  return { blocks: all, title, published: isoDate(article?.publishedTime) ?? published, author: author ?? str(article?.byline), site: site ?? str(article?.siteName), url: str(pageUrl) };
}
