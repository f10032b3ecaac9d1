/**
 * The gazetteer: places with their Arabic names and variants, kind, parents, coordinates and
 * population. Built-in data lives in data/gazetteer/*.tsv (format: data/README.md); places imported
 * from GeoNames (`marsad gazetteer import`) live in $MARSAD_HOME/gazetteer and are loaded after it.
 * Names are indexed by their matching keys (src/text/keys.ts) for longest-match lookup over tokens.
 */
import { existsSync } from "node:fs";
import { dataPath } from "../data-dir.js";
import { nameKeys } from "../text/keys.js";
import { normalize } from "../text/normalize.js";
import { KeyTrie } from "../util/trie.js";
import { multi, readList, readTsv, readTsvDir } from "../util/tsv.js";

export const GAZETTEER_COLUMNS = ["id", "kind", "feature", "name_ar", "variants_ar", "name_en", "country", "admin1", "admin2", "lat", "lon", "population"] as const;

export type PlaceKind = "country" | "admin1" | "admin2" | "city" | "town" | "village" | "neighbourhood" | "region" | "facility";

export interface GazPlace {
  id: string;
  kind: PlaceKind;
  feature: string;
  name: string;
  names: string[];
  nameEn: string;
  country: string;
  admin1: string;
  admin2: string;
  lat: number | null;
  lon: number | null;
  population: number;
  source: "builtin" | "imported";
}

/** One way a place can be named: the place and whether the name lost an administrative prefix. */
export interface PlaceName {
  place: GazPlace;
  /** True when indexed without its prefix ("محافظة الطائف" found as "الطائف"). */
  stripped: boolean;
  /** The prefix removed, normalised ("محافظه"), when stripped. */
  prefix?: string;
}

const num = (s: string): number | null => (s === "" ? null : Number.isFinite(Number(s)) ? Number(s) : null);

export class Gazetteer {
  readonly byId = new Map<string, GazPlace>();
  readonly names = new KeyTrie<PlaceName>();
  /** Words that tie a place to the place holding it ("في", "بمدينة", "شمال"), normalised: src/geo/containers.ts. */
  readonly links = new Set<string>();
  /** Ordinary words that, after a place head, name no place ("آمنة", "لها"), normalised: src/geo/not-places.ts. */
  readonly notPlaces = new Set<string>();
  /** Nationality adjectives, masculine, normalised ("هولندي") → their country code: whose town "X الهولندية" is. */
  readonly nationalities = new Map<string, string>();

  /** Loads the built-in gazetteer and any imported ones. `adminPrefixes` are keys such as "محافظه". */
  static load(adminPrefixes: ReadonlySet<string>, importedDir?: string): Gazetteer {
    const g = new Gazetteer();
    g.addRows(readTsvDir(dataPath("gazetteer"), GAZETTEER_COLUMNS), "builtin", adminPrefixes);
    if (importedDir && existsSync(importedDir)) g.addRows(readTsvDir(importedDir, GAZETTEER_COLUMNS), "imported", adminPrefixes);
    for (const w of readList(dataPath("lexicon", "place-links.txt"))) {
      const n = normalize(w);
      g.links.add(n);
      if (n.startsWith("ال") && n.length > 3) g.links.add(n.slice(2));
    }
    for (const w of readList(dataPath("lexicon", "not-places.txt"))) g.notPlaces.add(normalize(w));
    for (const r of readTsv(dataPath("lexicon", "gentilics.tsv"), ["adjective_ar", "country", "kind"] as const)) if (r.kind === "national") g.nationalities.set(normalize(r.adjective_ar), r.country);
    return g;
  }

  get size(): number {
    return this.byId.size;
  }

  addRows(rows: ReadonlyArray<Record<(typeof GAZETTEER_COLUMNS)[number], string>>, source: GazPlace["source"], adminPrefixes: ReadonlySet<string>): void {
    for (const r of rows) {
      // An imported place never replaces a built-in one of the same id.
      if (this.byId.has(r.id) && source === "imported") continue;
      const names = [r.name_ar, ...multi(r.variants_ar)].filter(Boolean);
      const place: GazPlace = {
        id: r.id,
        kind: r.kind as PlaceKind,
        feature: r.feature,
        name: r.name_ar,
        names,
        nameEn: r.name_en,
        country: r.country,
        admin1: r.admin1,
        admin2: r.admin2,
        lat: num(r.lat),
        lon: num(r.lon),
        population: num(r.population) ?? 0,
        source,
      };
      this.byId.set(place.id, place);
      for (const n of names) {
        const keys = nameKeys(n);
        this.names.add(keys, { place, stripped: false });
        if (keys.length > 1 && adminPrefixes.has(keys[0])) this.names.add(keys.slice(1), { place, stripped: true, prefix: keys[0] });
      }
    }
  }

  /** The admin1 (or country) a place belongs to, for reporting. */
  parent(place: GazPlace, level: "admin1" | "admin2" | "country"): GazPlace | undefined {
    if (level === "country") return this.byId.get(place.country.toLowerCase());
    const id = place[level];
    return id ? this.byId.get(id) : undefined;
  }
}

/** Great-circle distance in kilometres. */
export function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}
