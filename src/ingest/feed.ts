/** RSS 2.0 and Atom feeds: the feed's title and its items (title, link, date, and content when the feed carries it). */
import { lazyRequire } from "../util/lazy-require.js";
import { EXIT, MarsadError } from "../errors.js";
import { dateOfTime, isoDate } from "./dates.js";

export interface FeedItem {
  title: string | null;
  link: string | null;
  published: string | null;
  /** HTML or text of the item, when the feed carries the article (content:encoded, Atom content). */
  content: string | null;
  /** A short summary (description, Atom summary): used only when the page cannot be fetched. */
  summary: string | null;
  id: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

const xmlParser = lazyRequire<typeof import("fast-xml-parser")>("fast-xml-parser");
let parser: import("fast-xml-parser").XMLParser | undefined;
const newParser = () => new (xmlParser().XMLParser)({ ignoreAttributes: false, attributeNamePrefix: "@_", textNodeName: "#text", cdataPropName: false, processEntities: true, htmlEntities: true });

const text = (v: unknown): string | null => {
  if (v === undefined || v === null) return null;
  if (typeof v === "string" || typeof v === "number") return String(v).trim() || null;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === "object" && "#text" in (v as object)) return text((v as { "#text": unknown })["#text"]);
  return null;
};
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function atomLink(v: unknown): string | null {
  for (const l of list(v as Array<{ "@_href"?: string; "@_rel"?: string }>)) {
    if (typeof l === "string") return l;
    if (l && (!l["@_rel"] || l["@_rel"] === "alternate")) return l["@_href"] ?? null;
  }
  return null;
}

/** "Sat, 07 Dec 2024 18:30:00 +0300" → "2024-12-07"; null when unreadable. */
function rfcDate(s: string | null): string | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? isoDate(s) : dateOfTime(t);
}

export const looksLikeFeed = (s: string): boolean => /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]/i.test(s.slice(0, 2048));

export function parseFeed(xml: string, where: string): Feed {
  let data: Record<string, unknown>;
  try {
    data = (parser ??= newParser()).parse(xml) as Record<string, unknown>;
  } catch (e) {
    throw new MarsadError(`${where} is not a readable feed (${(e as Error).message.split("\n")[0]}); check that it is RSS 2.0 or Atom`, EXIT.badInput);
  }
  const rss = data.rss as { channel?: Record<string, unknown> } | undefined;
  if (rss?.channel) {
    const ch = rss.channel;
    return {
      title: text(ch.title),
      items: list(ch.item as Array<Record<string, unknown>>).map((it) => ({
        title: text(it.title),
        link: text(it.link),
        published: rfcDate(text(it.pubDate)) ?? isoDate(text(it["dc:date"])),
        content: text(it["content:encoded"]),
        summary: text(it.description),
        id: text(it.guid) ?? text(it.link),
      })),
    };
  }
  const atom = data.feed as Record<string, unknown> | undefined;
  if (atom) {
    return {
      title: text(atom.title),
      items: list(atom.entry as Array<Record<string, unknown>>).map((en) => ({
        title: text(en.title),
        link: atomLink(en.link),
        published: isoDate(text(en.published) ?? text(en.updated)),
        content: text(en.content),
        summary: text(en.summary),
        id: text(en.id),
      })),
    };
  }
  throw new MarsadError(`${where} is XML but not an RSS 2.0 or Atom feed; give a feed, an article or a folder`, EXIT.badInput);
}
