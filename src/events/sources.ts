/**
 * According to whom: every event names who reports it. The claims and quotes it sits in come first
 * (their source, with its descriptor — "مصادر محلية" — and the channel it spoke through — "لوكالة
 * الأنباء الألمانية"); otherwise the outlet that publishes the article: the outlet given with the input
 * (a corpus's source code, a feed's title), the page's site or domain, or the dateline's agency, named
 * through data/events/outlets.tsv where it is listed.
 */
import type { Claim, EventSource, MarsadDocument } from "../document.js";
import { dataPath } from "../data-dir.js";
import { normalize } from "../text/normalize.js";
import { readTsv } from "../util/tsv.js";

export interface Outlet {
  code: string;
  mediaId: string | null;
  nameAr: string;
  nameEn: string;
  /** ACLED's source_scale of the outlet ("National", "Regional" …), or "" when not judged. */
  scale: string;
}

export interface OutletTable {
  /** By code, by normalised Arabic name and by web domain. */
  byKey: Map<string, Outlet>;
}

export function loadOutlets(): OutletTable {
  const byKey = new Map<string, Outlet>();
  for (const r of readTsv(dataPath("events", "outlets.tsv"), ["code", "media_id", "name_ar", "name_en", "domains", "scale"] as const)) {
    const o: Outlet = { code: r.code, mediaId: r.media_id || null, nameAr: r.name_ar, nameEn: r.name_en, scale: r.scale };
    byKey.set(r.code.toLowerCase(), o);
    byKey.set(normalize(r.name_ar), o);
    for (const d of r.domains.split("|")) if (d.trim()) byKey.set(d.trim().toLowerCase(), o);
  }
  return { byKey };
}

/** The web domain of a URL without "www.", or null. */
function domainOf(url: string | null): string | null {
  if (!url) return null;
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(url);
  return m ? m[1].toLowerCase().replace(/^www\./, "") : null;
}

function lookup(table: OutletTable, key: string | null | undefined): Outlet | null {
  if (!key) return null;
  const k = key.trim();
  return table.byKey.get(k.toLowerCase()) ?? table.byKey.get(normalize(k)) ?? null;
}

/** The outlet publishing the article, as an event source; null when nothing names it. */
export function articleOutlet(doc: MarsadDocument, table: OutletTable): EventSource | null {
  const m = doc.meta;
  const domain = domainOf(m.url);
  const listed = lookup(table, m.source) ?? lookup(table, domain) ?? lookup(table, m.site) ?? lookup(table, m.dateline?.outlet);
  if (listed) return { kind: "outlet", id: listed.code, name: listed.nameAr, name_en: listed.nameEn, descriptor: null, via: null };
  const name = m.source ?? m.site ?? m.dateline?.outlet ?? domain;
  return name ? { kind: "outlet", id: null, name, name_en: null, descriptor: null, via: null } : null;
}

/** The claim's source as an event source: the speaker, what kind of source it is, the channel. */
export function claimSource(c: Claim): EventSource {
  return { kind: "claim", id: c.id, name: c.source.name, name_en: null, descriptor: c.source.descriptor, via: c.via };
}

/** The sources of one event: its claims (each once), else the article's outlet. */
export function eventSources(claims: Array<Claim | null>, outlet: EventSource | null): EventSource[] {
  const out = new Map<string, EventSource>();
  for (const c of claims) if (c && !out.has(c.id)) out.set(c.id, claimSource(c));
  if (!out.size && outlet) return [outlet];
  return [...out.values()];
}
