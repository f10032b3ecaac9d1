/**
 * The word lexicon that clitic segmentation is checked against: every word Marsad's data files know
 * without clitics — common vocabulary (data/lexicon/stems.txt), function words, given names, title
 * words, and the words of every place and actor name. Names written with the article contribute
 * their stem ("الرقة" → "رقه"), so that "بالرقة" segments as ب + ال + رقه.
 */
import { join } from "node:path";
import { dataPath } from "../data-dir.js";
import { readList, readTsvDir, readTsv, multi } from "../util/tsv.js";
import { normalize } from "./normalize.js";
import { existsSync } from "node:fs";

export interface WordLexicon {
  /** Normalised words known whole (vocabulary, function words, names of people, places and actors). */
  readonly words: ReadonlySet<string>;
  has(normWord: string): boolean;
  /** Common vocabulary only (stems.txt and function-words.txt): words that are not names. */
  readonly common?: ReadonlySet<string>;
  /** Function words only. */
  readonly functionWords?: ReadonlySet<string>;
}

const ARTICLE = "ال";

/** Proclitic sequences of two letters or more, and the conjunctions, as they begin a written word. */
const LONG_PROCLITICS = ["وبال", "وكال", "ولل", "فبال", "فكال", "فلل", "وال", "فال", "بال", "كال", "لل", "وب", "ول", "وك", "وس", "فب", "فل", "فك", "فس"];
const CONJUNCTIONS = ["و", "ف"];

/**
 * Adds each word of a name: with the article removed when the word carries one. A name word that reads
 * as clitics plus a known word is not added whole — "للقوات" (ل + ال + قوات) in an actor's alias, or
 * the town "وان" (و + أن) — so text keeps segmenting it; a single ب/ل/ك before a name ("لبنان",
 * "بشار") does not count, since names win there.
 */
export function addNameWords(set: Set<string>, name: string, known: ReadonlySet<string> = set, functionWords?: ReadonlySet<string>, nameWords?: ReadonlySet<string>): void {
  addWordsOfName(set, nameWordsOf(name), known, functionWords, nameWords);
}

function addWordsOfName(set: Set<string>, nameWords: readonly string[], known: ReadonlySet<string>, functionWords?: ReadonlySet<string>, allNameWords?: ReadonlySet<string>): void {
  for (const w of nameWords) {
    if (w.startsWith(ARTICLE) && w.length > 4) {
      set.add(w.slice(2));
      continue;
    }
    const long = LONG_PROCLITICS.find((p) => w.startsWith(p) && w.length - p.length >= 2);
    if (long && known.has(w.slice(long.length))) continue;
    if (CONJUNCTIONS.includes(w[0]) && functionWords?.has(w.slice(1))) continue;
    // "بحمص" in an alias is ب + the name حمص
    if (SINGLE_PROCLITICS.includes(w[0]) && w.length > 3 && allNameWords?.has(w.slice(1))) continue;
    set.add(w);
  }
}

const SINGLE_PROCLITICS = ["ب", "ل", "ك", "و", "ف"];
const nameWordsOf = (name: string): string[] => normalize(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

export interface LexiconSources {
  /** Extra names (e.g. an imported gazetteer's) to count as known words. */
  extraNames?: Iterable<string>;
}

export function loadWordLexicon(sources: LexiconSources = {}): WordLexicon {
  const words = new Set<string>();
  const functionWords = new Set<string>();
  for (const file of ["stems.txt", "function-words.txt"]) {
    for (const w of readList(dataPath("lexicon", file))) {
      const parts = normalize(w).split(/\s+/).filter(Boolean);
      for (const part of parts) words.add(part);
      // a phrase's words ("مصادر محلية") are known words, but not function words one by one
      if (file === "function-words.txt" && parts.length === 1) functionWords.add(parts[0]);
    }
  }
  const common = new Set(words);
  for (const n of readList(dataPath("lexicon", "given-names.txt"))) addNameWords(words, n);
  const titles = dataPath("lexicon", "person-titles.tsv");
  if (existsSync(titles)) for (const r of readTsv(titles, ["title_ar", "kind", "role_en"] as const)) addNameWords(words, r.title_ar);
  // Place and actor names are checked against the vocabulary and names known so far (see addNameWords).
  const base = new Set(words);
  const names: string[] = [...(sources.extraNames ?? [])];
  for (const r of readTsvDir(dataPath("gazetteer"), GAZ_NAME_COLUMNS)) names.push(r.name_ar, ...multi(r.variants_ar));
  for (const r of readTsvDir(join(dataPath("actors")), ACTOR_NAME_COLUMNS)) names.push(r.name_ar, ...multi(r.aliases_ar));
  const wordsOfNames = names.map(nameWordsOf);
  const nameWords = new Set(wordsOfNames.flat());
  for (const ws of wordsOfNames) addWordsOfName(words, ws, base, functionWords, nameWords);
  return { words, has: (w) => words.has(w), common, functionWords };
}

// Column lists are repeated from the gazetteer and actor loaders on purpose: the lexicon reads only
// the names and must not depend on the later stages' modules.
const GAZ_NAME_COLUMNS = ["id", "kind", "feature", "name_ar", "variants_ar", "name_en", "country", "admin1", "admin2", "lat", "lon", "population"] as const;
const ACTOR_NAME_COLUMNS = ["id", "type", "category", "subtype", "name_ar", "aliases_ar", "name_en", "country", "affiliation", "role_ar"] as const;
