/**
 * The English data Marsad reads (data/english/, formats in data/english/README.md): the letter table
 * and name words of the romaniser, the glossary of actor words, and country codes with ACLED regions.
 */
import { dataPath } from "../data-dir.js";
import { normalize } from "../text/normalize.js";
import { readTsv } from "../util/tsv.js";

export interface CountryCodes {
  iso3: string;
  /** ISO 3166-1 numeric, or null (Kosovo has none). */
  isoNumeric: number | null;
  acledRegion: string;
}

export interface EnglishLexicon {
  letters: Map<string, string>;
  /** Name words by normalised form. */
  names: Map<string, string>;
  /** Actor words and phrases by normalised form (article kept: "الجيش" and "جيش" are both listed). */
  terms: Map<string, string>;
  /** By ISO 3166-1 alpha-2, upper case. */
  countries: Map<string, CountryCodes>;
}

export function loadEnglishLexicon(): EnglishLexicon {
  const letters = new Map<string, string>();
  for (const r of readTsv(dataPath("english", "letters.tsv"), ["letter", "latin"] as const)) letters.set(r.letter, r.latin);
  const names = new Map<string, string>();
  const terms = new Map<string, string>();
  for (const r of readTsv(dataPath("english", "words.tsv"), ["ar", "en", "kind"] as const)) {
    if (r.kind !== "name" && r.kind !== "term") throw new Error(`data/english/words.tsv line ${r._line}: kind must be "name" or "term", found "${r.kind}"`);
    (r.kind === "name" ? names : terms).set(normalize(r.ar), r.en);
  }
  const countries = new Map<string, CountryCodes>();
  for (const r of readTsv(dataPath("english", "countries.tsv"), ["iso2", "iso3", "iso_numeric", "acled_region"] as const)) {
    countries.set(r.iso2.toUpperCase(), { iso3: r.iso3, isoNumeric: r.iso_numeric ? Number(r.iso_numeric) : null, acledRegion: r.acled_region });
  }
  return { letters, names, terms, countries };
}
