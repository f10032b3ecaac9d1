/**
 * English names for what Marsad stores: a place or actor in a list has its English name there
 * (gazetteer and actor records); an actor name made only of common words is translated from the
 * glossary; any other name is romanised. Every answer says which of the three it is.
 */
import type { Gazetteer, GazPlace } from "../geo/gazetteer.js";
import type { ActorIndex } from "../entities/actors.js";
import { nameKeys } from "../text/keys.js";
import { normalize } from "../text/normalize.js";
import type { EnglishLexicon } from "./lexicon.js";
import { Romanizer } from "./romanize.js";

export type EnglishSource = "list" | "glossary" | "romanized";

export interface EnglishName {
  name: string;
  source: EnglishSource;
}

/** Generic English words after an administrative name ("Sanaa Governorate"); ACLED's admin columns leave them out. */
const ADMIN_SUFFIX = /\s+(Governorate|Province|Region|District|Municipality|Emirate|Wilayat|Muhafazah|Department|Prefecture)(?=$|\s*\()/i;

/** Names remembered at most; past it the memory starts again (a long-running server sees new names forever). */
const CACHE_LIMIT = 50_000;

export class EnglishNames {
  readonly romanizer: Romanizer;
  /** Answers by kind, record id and Arabic: the same few thousand names recur across a corpus, and romanising is the costly part. */
  private readonly cache = new Map<string, EnglishName | null>();
  /** Listed administrative areas by country and normalised Arabic name, for admin names stored without their id. */
  private readonly admins = new Map<string, GazPlace>();
  /** Countries by normalised Arabic name: a country named as an actor ("تركيا", "الولايات المتحدة"). */
  private readonly countries = new Map<string, GazPlace>();

  constructor(
    private readonly lex: EnglishLexicon,
    private readonly gazetteer: Gazetteer,
    private readonly actors: ActorIndex,
  ) {
    this.romanizer = new Romanizer(lex.letters, lex.names);
    for (const p of gazetteer.byId.values()) {
      if (p.kind === "country" && p.nameEn) for (const n of [p.name, ...p.names]) if (!this.countries.has(normalize(n))) this.countries.set(normalize(n), p);
      if (p.kind !== "admin1" && p.kind !== "admin2") continue;
      for (const n of [p.name, ...p.names]) {
        const k = `${p.kind}|${p.country}|${normalize(n)}`;
        if (!this.admins.has(k)) this.admins.set(k, p);
      }
    }
  }

  /** A place by its gazetteer id, else its Arabic name romanised. */
  place(ref: string | null, arabic: string | null): EnglishName | null {
    // presentation forms (ﺍﻟﻘﻮﺓ, from old encoders) are the same letters: NFKC gives the plain ones
    return this.remembered(`p\u0001${ref ?? ""}\u0001${arabic ?? ""}`, () => this.findPlace(ref, arabic?.normalize("NFKC") ?? null));
  }

  private remembered(key: string, find: () => EnglishName | null): EnglishName | null {
    let v = this.cache.get(key);
    if (v !== undefined) return v;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, (v = find()));
    return v;
  }

  private findPlace(ref: string | null, arabic: string | null): EnglishName | null {
    const p = ref ? this.gazetteer.byId.get(ref) : undefined;
    if (p?.nameEn) return { name: p.nameEn, source: "list" };
    return arabic ? { name: this.romanizer.romanize(arabic), source: "romanized" } : null;
  }

  /**
   * An administrative area of a stored place: through the place's gazetteer record when it has one,
   * else by its Arabic name within the country; without the generic word ("Governorate").
   */
  admin(level: "admin1" | "admin2", placeRef: string | null, country: string | null, arabic: string | null): EnglishName | null {
    const p = placeRef ? this.gazetteer.byId.get(placeRef) : undefined;
    const id = p ? (p.kind === level ? p.id : p[level]) : "";
    const area = (id ? this.gazetteer.byId.get(id) : undefined) ?? (arabic && country ? this.admins.get(`${level}|${country}|${normalize(arabic)}`) : undefined);
    if (area?.nameEn) return { name: this.withoutAdminWord(area.nameEn), source: "list" };
    return arabic ? { name: this.romanizer.romanize(arabic), source: "romanized" } : null;
  }

  /** An English area name without its generic word: "Sanaa Governorate" → "Sanaa", as ACLED's columns write them. */
  withoutAdminWord(name: string): string {
    return name.replace(ADMIN_SUFFIX, "").trim();
  }

  /** The country (ISO 3166-1 alpha-2) of a listed place, for a place stored without one. */
  placeCountry(ref: string | null): string | null {
    return (ref && this.gazetteer.byId.get(ref)?.country) || null;
  }

  /** A country's English name by ISO code. */
  country(iso2: string | null): string | null {
    if (!iso2) return null;
    return this.gazetteer.byId.get(iso2.toLowerCase())?.nameEn || null;
  }

  /** An actor's record (its country and subtype), for exports that code more than its name. */
  actorRecord(ref: string | null): { country: string; category: string; subtype: string } | null {
    return (ref && this.actors.byId.get(ref)) || null;
  }

  /** An actor by its record id, else translated when every word is a known term, else romanised. */
  actor(ref: string | null, arabic: string | null): EnglishName | null {
    return this.remembered(`a\u0001${ref ?? ""}\u0001${arabic ?? ""}`, () => this.findActor(ref, arabic?.normalize("NFKC") ?? null));
  }

  private findActor(ref: string | null, arabic: string | null): EnglishName | null {
    const a = ref ? this.actors.byId.get(ref) : undefined;
    if (a?.nameEn) return { name: a.nameEn, source: "list" };
    if (!arabic) return null;
    // a name stored without its record (a target, a holder) that is exactly one listed actor's name or alias
    const listed = ref ? [] : this.actors.names.get(nameKeys(arabic));
    if (listed.length === 1 && listed[0].nameEn) return { name: listed[0].nameEn, source: "list" };
    const country = this.countries.get(normalize(arabic));
    if (country) return { name: country.nameEn, source: "list" };
    const glossed = this.gloss(arabic);
    if (glossed) return { name: glossed, source: "glossary" };
    return { name: this.romanizer.romanize(arabic), source: "romanized" };
  }

  /**
   * A phrase of glossary words in English order: Arabic puts the head first and its modifiers after
   * ("قوات النظام السوري"), English the other way round ("Syrian regime forces").
   */
  private gloss(arabic: string): string | null {
    const whole = this.lex.terms.get(normalize(arabic));
    if (whole) return capitaliseFirst(whole);
    const words = arabic.split(/\s+/).filter(Boolean);
    const out: string[] = [];
    for (const w of words) {
      const n = normalize(w);
      const en = this.lex.terms.get(n) ?? (n.startsWith("ال") ? this.lex.terms.get(n.slice(2)) : undefined);
      if (!en) return null;
      out.push(en.replace(/^the /, ""));
    }
    return capitaliseFirst(out.reverse().join(" "));
  }
}

const capitaliseFirst = (s: string): string => s.replace(/^./, (c) => c.toUpperCase());
