/**
 * According to whom: every event names who reports it. The claims and quotes it sits in come first
 * (their source, with its descriptor — "مصادر محلية" — and the channel it spoke through — "لوكالة
 * الأنباء الألمانية"); then a claim that opens its paragraph's report ("أفاد المرصد بأن …. وقتل خمسة
 * في الغارة": the second sentence goes on with what the observatory reported); otherwise the outlet that
 * publishes the article: the outlet given with the input (a corpus's source code, a feed's title), the
 * page's site or domain, or the dateline's agency, named through data/events/outlets.tsv where it is listed.
 */
import type { Claim, EventSource, MarsadDocument, Quote } from "../document.js";
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

/** The quote's speaker as an event source. */
export function quoteSource(q: Quote): EventSource {
  return { kind: "quote", id: q.id, name: q.speaker.name, name_en: null, descriptor: q.speaker.type === "anonymous" ? q.speaker.name : null, via: q.via };
}

/** What one mention of an event rests on besides the claim around its trigger. */
export interface Mention {
  trigger: { start: number; end: number };
  sentence: number;
  paragraph: number;
  claim: Claim | null;
}

/** How many sentences back in its paragraph a claim still reports an event told without a source. */
const CARRY_SENTENCES = 2;

/**
 * Where an event's words come from: the claim or the quotation around its trigger, and the claims that
 * open a paragraph's report. Built once per document, for extraction and for the sources of its events.
 */
export class ReportIndex {
  private readonly quotes: Quote[];
  private readonly claimsBySentence = new Map<number, Claim[]>();

  constructor(private readonly doc: MarsadDocument) {
    this.quotes = doc.quotes.filter((q) => q.speaker.name);
    for (const c of doc.claims) {
      const list = this.claimsBySentence.get(c.sentence);
      if (list) list.push(c);
      else this.claimsBySentence.set(c.sentence, [c]);
    }
  }

  /** The claim of sentence `sentence` that holds the text [start, end) (a claim lies in its sentence). */
  claimAround(sentence: number, start: number, end: number): Claim | null {
    return this.claimsBySentence.get(sentence)?.find((c) => c.start <= start && end <= c.end) ?? null;
  }

  /** The quotation holding the trigger, when its speaker is known. */
  quoteAround(start: number, end: number): Quote | null {
    return this.quotes.find((q) => q.start <= start && end <= q.end) ?? null;
  }

  /**
   * The claim an unsourced sentence goes on with: the last one in the sentences just before it in its
   * paragraph, when that claim itself reports a happening (an opinion or a call says nothing of the next
   * sentence's killing). `reporting`: the claims some event of the article sits in.
   */
  carriedClaim(sentence: number, paragraph: number, reporting: ReadonlySet<string>): Claim | null {
    if (this.claimsBySentence.has(sentence)) return null;
    for (let s = sentence - 1; s >= Math.max(0, sentence - CARRY_SENTENCES); s--) {
      if (this.doc.sentences[s]?.paragraph !== paragraph) return null;
      const claims = this.claimsBySentence.get(s);
      if (!claims?.length) continue;
      const last = claims.reduce((a, b) => (b.end > a.end ? b : a));
      return reporting.has(last.id) ? last : null;
    }
    return null;
  }

  /**
   * The sources of one event: its claims and quotes (each once), else a carried claim, else the
   * article's outlet. `reporting`: the claims some event of the article sits in.
   */
  sources(mentions: readonly Mention[], outlet: EventSource | null, reporting: ReadonlySet<string>): EventSource[] {
    const out = new Map<string, EventSource>();
    for (const m of mentions) {
      if (m.claim && !out.has(m.claim.id)) out.set(m.claim.id, claimSource(m.claim));
      const q = m.claim ? null : this.quoteAround(m.trigger.start, m.trigger.end);
      if (q && !out.has(q.id)) out.set(q.id, quoteSource(q));
    }
    if (!out.size) {
      for (const m of mentions) {
        const c = this.carriedClaim(m.sentence, m.paragraph, reporting);
        if (c && !out.has(c.id)) out.set(c.id, claimSource(c));
      }
    }
    if (!out.size && outlet) return [outlet];
    return [...out.values()];
  }
}
