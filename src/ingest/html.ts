/**
 * HTML pages: the main article is found by Mozilla Readability (over linkedom's DOM), then cut into
 * blocks — headings become subheadings, paragraphs, list items and quotations become paragraphs.
 * Title, publication date, author and site come from the page's meta tags and JSON-LD when present.
 * Navigation, share and related-link blocks, cookie notices and scraper debris are dropped.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { Block, Extracted } from "./blocks.js";
import { isDebris, cutDebrisTail } from "./debris.js";
import { markDatelines, markSubheadings } from "./structure.js";
import type { IngestResources } from "./resources.js";

/** Readability's minimum article length; Arabic news items are often short, so lower than its 500. */
const CHAR_THRESHOLD = 120;
/** A block whose text is mostly link text is navigation or a related-links list. */
const MAX_LINK_DENSITY = 0.6;
const BLOCK_TAGS = new Set(["P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "DD", "DT", "TD", "FIGCAPTION"]);
const HEADING = /^H[1-6]$/;
const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "NAV", "FOOTER", "ASIDE", "FORM", "BUTTON", "SVG", "FIGURE", "IFRAME"]);

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

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  author?: unknown;
  publisher?: { name?: string };
  "@graph"?: unknown[];
}

function jsonLd(doc: Document): JsonLdArticle | null {
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const data: unknown = JSON.parse(s.textContent ?? "");
      const items = (Array.isArray(data) ? data : [data]).flatMap((d) => (d && typeof d === "object" && "@graph" in d ? ((d as JsonLdArticle)["@graph"] ?? []) : [d]));
      const art = items.find((d) => d && typeof d === "object" && ("datePublished" in d || "headline" in d)) as JsonLdArticle | undefined;
      if (art) return art;
    } catch {
      // a broken JSON-LD block is common and harmless: the meta tags still count
    }
  }
  return null;
}

function authorName(a: unknown): string | null {
  if (!a) return null;
  if (typeof a === "string") return a;
  if (Array.isArray(a)) return a.map(authorName).filter(Boolean).join("، ") || null;
  if (typeof a === "object" && "name" in a) return String((a as { name: unknown }).name);
  return null;
}

/** YYYY-MM-DD from an ISO-like date, or null. */
export function isoDate(s: string | null | undefined): string | null {
  const m = s ? /(\d{4})-(\d{2})-(\d{2})/.exec(s) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function linkDensity(el: El): number {
  const total = (el.textContent ?? "").trim().length;
  if (!total) return 0;
  let links = 0;
  for (const a of Array.from(el.querySelectorAll("a"))) links += (a.textContent ?? "").trim().length;
  return links / total;
}

/** Walks the article's DOM and collects its blocks in reading order. */
function collectBlocks(root: El, out: Block[], res: IngestResources): void {
  for (const el of Array.from(root.children)) {
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
    collectBlocks(el, out, res);
  }
}

function hasBlockChild(el: El): boolean {
  for (const c of Array.from(el.children)) {
    const t = c.tagName.toUpperCase();
    if (BLOCK_TAGS.has(t) || t === "DIV" || t === "SECTION" || t === "ARTICLE" || t === "UL" || t === "OL" || t === "TABLE") return true;
  }
  return false;
}

export function parseHtml(html: string, url: string | null, res: IngestResources): Extracted {
  // <br> separates lines inside a paragraph; linkedom's textContent would glue them.
  const withBreaks = html.replace(/<br\s*\/?>/gi, "\n");
  const { document } = parseHTML(withBreaks);
  const ld = jsonLd(document);
  const metaTitle = meta(document, "og:title", "twitter:title") ?? ld?.headline ?? null;
  const published = isoDate(meta(document, "article:published_time", "og:published_time", "datePublished", "date", "pubdate", "publishdate", "DC.date.issued", "parsely-pub-date")) ?? isoDate(ld?.datePublished) ?? isoDate(document.querySelector("time[datetime]")?.getAttribute("datetime"));
  const author = meta(document, "author", "article:author", "byl") ?? authorName(ld?.author);
  const site = meta(document, "og:site_name", "application-name") ?? ld?.publisher?.name ?? null;
  const pageUrl = url ?? meta(document, "og:url") ?? document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null;

  const article = new Readability(document as unknown as Document, { charThreshold: CHAR_THRESHOLD, keepClasses: false }).parse();
  const blocks: Block[] = [];
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    collectBlocks(content.body as unknown as El, blocks, res);
  }
  if (!blocks.length) {
    // Readability found no article: fall back to every paragraph of the page.
    const { document: page } = parseHTML(withBreaks);
    for (const p of Array.from(page.querySelectorAll("p"))) {
      const text = squeeze(p.textContent ?? "");
      if (text && !isDebris(text, res)) blocks.push({ kind: "paragraph", text: cutDebrisTail(text, res) });
    }
  }
  const title = squeeze(article?.title || metaTitle || document.querySelector("h1")?.textContent || document.title || "") || null;
  // The heading that repeats the title is the title, not a subheading.
  const body = blocks.filter((b, k) => !(k === 0 && b.kind === "subheading" && title && b.text === title));
  markDatelines(body, res);
  markSubheadings(body);
  const all: Block[] = title ? [{ kind: "title", text: title }, ...body] : body;
  return { blocks: all, title, published: isoDate(article?.publishedTime) ?? published, author: author ?? (article?.byline || null), site: site ?? (article?.siteName || null), url: pageUrl };
}
