/**
 * Finding stored actors and places by what a person types: Arabic however it is spelt (hamza, alef
 * forms, ya/alef maqsura, ta marbuta, tatweel and diacritics folded: "الحوثى" finds الحوثيين), or
 * English, matched on the English names the exports give (docs/english.md: "Houthi" finds the Houthis).
 * The catalog is the store's distinct names with their counts, read on first use and dropped when the
 * store changes (POST /api/ingest).
 */
import { searchable } from "../batch/record.js";

export interface CatalogEntry {
  name: string;
  ref: string | null;
  events: number;
  /** The English name (listed, glossed or romanised). */
  en: string | null;
}

export interface Match {
  refs: string[];
  names: string[];
}

/** A group of entries a suggestion stands for: one record (all its stored names), or one unlisted name. */
export interface Suggestion {
  id: string;
  name: string;
  name_en: string | null;
  listed: boolean;
  events: number;
  names: string[];
}

const ARABIC = /[\u0600-\u06ff]/;
/** Queries whose matches are remembered (then forgotten all at once). */
const RECENT = 2000;

/** Arabic matching form: searchable() and no hamza on the line (صنعاء ~ صنعا). */
export const arabicKey = (s: string): string => searchable(s).replace(/ء/g, "");
/** Latin matching form: lower case, no accents or ayn/hamza marks, words apart ("al-Ḥūthī" → "al huthi"). */
export const latinKey = (s: string): string =>
  s.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[ʿʾ'’`]/g, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

interface Keyed extends CatalogEntry {
  ar: string;
  /** Without the article, word by word: "الحوثيين" → "حوثيين". */
  arWords: string[];
  /** Word stems: "ميليشيا الحوثيين" → ["ميليشيا", "حوثي"]. */
  arStems: string[];
  lat: string;
  latWords: string[];
}

const bare = (w: string): string => (w.startsWith("ال") && w.length > 3 ? w.slice(2) : w);

/** Plural and feminine endings set aside, so that الحوثيين, الحوثيون, الحوثية and الحوثي meet on "حوثي". */
const ENDINGS: Array<[RegExp, string]> = [[/يين$|يون$/, "ي"], [/ين$|ون$|ات$|ه$/, ""]];
export const stem = (w: string): string => {
  const b = bare(w);
  for (const [end, by] of ENDINGS) if (end.test(b) && b.length - 2 >= 3) return b.replace(end, by);
  return b;
};

export class NameCatalog {
  private readonly entries: Keyed[];

  /** `wordsOnly`: a query matches whole words (places: "عدن" must not find عدنان); else any part of a name (actors). */
  constructor(
    entries: CatalogEntry[],
    private readonly wordsOnly: boolean,
  ) {
    this.entries = entries.map((e) => {
      const ar = arabicKey(e.name);
      const lat = e.en ? latinKey(e.en) : "";
      return { ...e, ar, arWords: ar.split(" ").map(bare), arStems: ar.split(" ").map(stem), lat, latWords: lat.split(" ") };
    });
  }

  /** The test of one query, its matching forms worked out once. */
  private tester(query: string): (e: Keyed) => boolean {
    const exact = (e: Keyed) => e.ref === query || e.name === query;
    if (ARABIC.test(query)) {
      const q = arabicKey(query);
      if (!q) return exact;
      if (!this.wordsOnly) {
        const b = bare(q), stems = q.split(" ").map(stem);
        return (e) => exact(e) || e.ar.includes(q) || e.ar.includes(b) || stems.every((w) => e.arStems.some((x) => x.startsWith(w)));
      }
      const qw = q.split(" ").map(bare);
      return (e) => exact(e) || e.ar === q || containsRun(e.arWords, qw);
    }
    const q = latinKey(query);
    if (!q) return exact;
    if (!this.wordsOnly) return (e) => exact(e) || e.lat.includes(q);
    const qw = q.split(" ");
    return (e) => exact(e) || (e.lat !== "" && (e.lat === q || containsRun(e.latWords, qw)));
  }

  /** Matches of recent queries: the same few names are asked again and again. */
  private readonly recent = new Map<string, Match>();

  /** The stored names and records a query stands for. */
  match(query: string): Match {
    const known = this.recent.get(query);
    if (known) return known;
    const test = this.tester(query);
    const refs = new Set<string>(), names = new Set<string>();
    for (const e of this.entries) {
      if (!test(e)) continue;
      if (e.ref) refs.add(e.ref);
      else names.add(e.name);
    }
    const m = { refs: [...refs], names: [...names] };
    if (this.recent.size >= RECENT) this.recent.clear();
    this.recent.set(query, m);
    return m;
  }

  /** Suggestions for a query (every entry without one), a record's names gathered, most events first. */
  suggest(query: string | undefined, limit: number): Suggestion[] {
    const groups = new Map<string, Suggestion>();
    const test = query ? this.tester(query) : () => true;
    for (const e of this.entries) {
      if (!test(e)) continue;
      const id = e.ref ?? e.name;
      const g = groups.get(id);
      if (!g) groups.set(id, { id, name: e.name, name_en: e.en, listed: !!e.ref, events: e.events, names: [e.name] });
      else {
        g.events += e.events;
        g.names.push(e.name);
      }
    }
    return [...groups.values()].sort((a, b) => b.events - a.events || a.id.localeCompare(b.id)).slice(0, limit);
  }

  /** The entries of one id: a record id, or a name as stored. */
  byId(id: string): Suggestion | null {
    return this.suggest(undefined, Number.MAX_SAFE_INTEGER).find((s) => s.id === id) ?? null;
  }
}

/** Whether `needle` stands in `hay` as consecutive whole words. */
function containsRun(hay: string[], needle: string[]): boolean {
  if (!needle.length) return false;
  for (let i = 0; i + needle.length <= hay.length; i++) if (needle.every((w, k) => hay[i + k] === w)) return true;
  return false;
}

/** Names shorter than this (in letters) are not looked for inside quotes: too many chance hits. */
const MIN_NAMED = 4;

/**
 * How many of `texts` name each catalog group (by any of its stored names), groups in `except` left
 * out, most first: whom an actor's own words name.
 */
export function namedIn(catalog: NameCatalog, texts: string[], except: Set<string>, limit: number): Array<{ id: string; name: string; name_en: string | null; n: number }> {
  const keyed = texts.map((t) => ` ${arabicKey(t)} `);
  const out: Array<{ id: string; name: string; name_en: string | null; n: number }> = [];
  for (const g of catalog.suggest(undefined, Number.MAX_SAFE_INTEGER)) {
    if (except.has(g.id)) continue;
    const keys = [...new Set(g.names.map(arabicKey))].filter((k) => k.replace(/ /g, "").length >= MIN_NAMED).map((k) => ` ${k} `);
    if (!keys.length) continue;
    const n = keyed.filter((t) => keys.some((k) => t.includes(k))).length;
    if (n) out.push({ id: g.id, name: g.name, name_en: g.name_en, n });
  }
  return out.sort((a, b) => b.n - a.n || a.id.localeCompare(b.id)).slice(0, limit);
}
