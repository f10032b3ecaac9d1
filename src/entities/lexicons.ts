/**
 * The word lists entity recognition reads besides the actors and the gazetteer: given names, person
 * titles, name heads (data/lexicon/entity-heads.tsv), nationality adjectives, and the common
 * vocabulary that tells a name from an ordinary word.
 */
import { existsSync } from "node:fs";
import { dataPath } from "../data-dir.js";
import type { WordLexicon } from "../text/lexicon.js";
import { nameKeys } from "../text/keys.js";
import { normalize } from "../text/normalize.js";
import { KeyTrie } from "../util/trie.js";
import { readList, readTsv } from "../util/tsv.js";

export type { EntityType } from "../document.js";

export interface Head {
  type: "ORG" | "LOC" | "FAC";
  kind: string;
  /** Whether the entity's name keeps the head word. */
  keep: boolean;
  /** Whether a proper name must follow (else any definite noun phrase). */
  needsName: boolean;
  /** Whether only a proper name will do, even for an organisation of several ordinary words ("بعثة"). */
  needsProper: boolean;
  /** Whether the head with the article, before a nationality adjective, makes a name ("الجيش التركي"). */
  gentilic: boolean;
  /** Whether the head itself carries the article in the list ("المرصد"). */
  definite: boolean;
}

export interface Title {
  text: string;
  kind: string;
}

export interface EntityLexicons {
  /** Keys of given names, without the article. */
  givenNames: Set<string>;
  /** Person titles, ranks, honorifics and roles, by key sequence. */
  titles: KeyTrie<Title>;
  /** Name heads by the stem of the head word; multi-word heads ("شبه جزيرة") by their key sequence. */
  heads: Map<string, Head>;
  multiWordHeads: KeyTrie<Head>;
  /** Stems of nationality and origin adjectives in every gender and number ("سوري", "سوريه", "سوريين" …). */
  gentilics: Map<string, { country: string; kind: string }>;
  /** Common vocabulary and function words (not names). */
  common: ReadonlySet<string>;
  functionWords: ReadonlySet<string>;
  /** Keys that are administrative prefixes of gazetteer names ("محافظه", "منطقه" …). */
  adminPrefixes: Set<string>;
  /** Adjectives that describe a name rather than belong to it ("الموالية", "التابعة", "المسلحة"). */
  nameStops: Set<string>;
  /** Arms that follow a unit's number ("الكتيبة 102 مشاة", "الفرقة 11 دبابات"). */
  unitTypes: Set<string>;
  /** Third-person forms of the verbs of saying ("قال", "قالت", "أضاف" …): a name no list holds may follow. */
  speechVerbs: Set<string>;
  /** Place and one-word actor names that are ordinary words next to certain words (data/lexicon/not-names.tsv). */
  notNames: Map<string, { next: Set<string>; prev: Set<string> }>;
  /** Words of a sport sentence (data/lexicon/sport-words.txt), where a city's name may be its club. */
  sportWords: Set<string>;
}

const HEAD_COLUMNS = ["head_ar", "type", "kind", "name", "needs", "definite"] as const;
const TITLE_COLUMNS = ["title_ar", "kind", "role_en"] as const;
const GENTILIC_COLUMNS = ["adjective_ar", "country", "kind"] as const;

/** Feminine and plural endings of a nisba adjective, added to its masculine stem. */
const GENTILIC_ENDINGS = ["", "ه", "ين", "ون", "ات", "يه", "يين", "يون"];

export function loadEntityLexicons(lexicon: WordLexicon): EntityLexicons {
  const givenNames = new Set<string>();
  for (const n of readList(dataPath("lexicon", "given-names.txt"))) {
    const keys = nameKeys(n);
    if (keys.length === 1) givenNames.add(keys[0].replace(/^ال/, ""));
    else givenNames.add(keys.join(" "));
  }
  const titles = new KeyTrie<Title>();
  const titleFile = dataPath("lexicon", "person-titles.tsv");
  if (existsSync(titleFile)) for (const r of readTsv(titleFile, TITLE_COLUMNS)) titles.add(nameKeys(r.title_ar), { text: r.title_ar, kind: r.kind });
  const heads = new Map<string, Head>();
  const multiWordHeads = new KeyTrie<Head>();
  const adminPrefixes = new Set<string>();
  for (const r of readTsv(dataPath("lexicon", "entity-heads.tsv"), HEAD_COLUMNS)) {
    const keys = nameKeys(r.head_ar);
    const head: Head = {
      type: r.type as Head["type"],
      kind: r.kind,
      keep: r.name === "keep",
      needsName: r.needs === "name" || r.needs === "proper",
      needsProper: r.needs === "proper",
      gentilic: r.definite === "gentilic",
      definite: keys[0].startsWith("ال"),
    };
    if (keys.length === 1) heads.set(keys[0], head);
    else multiWordHeads.add(keys, head);
    if (head.type === "LOC" && head.kind === "admin") adminPrefixes.add(keys[0]);
  }
  // Region prefixes used in official names ("منطقة الرياض", "بلدية الدوحة", "إمارة دبي") are admin prefixes too.
  for (const w of ["منطقة", "بلدية", "إمارة", "أمانة", "لواء", "مقاطعة", "شعبية"]) adminPrefixes.add(normalize(w));
  const gentilics = new Map<string, { country: string; kind: string }>();
  const gentilicFile = dataPath("lexicon", "gentilics.tsv");
  if (existsSync(gentilicFile)) {
    for (const r of readTsv(gentilicFile, GENTILIC_COLUMNS)) {
      const base = normalize(r.adjective_ar).replace(/^ال/, "");
      for (const e of GENTILIC_ENDINGS) if (!gentilics.has(base + e)) gentilics.set(base + e, { country: r.country, kind: r.kind });
    }
  }
  const notNames = new Map<string, { next: Set<string>; prev: Set<string> }>();
  for (const r of readTsv(dataPath("lexicon", "not-names.tsv"), ["name", "next", "prev", "note"] as const)) {
    const set = (cell: string): Set<string> => new Set(cell.split("|").map((w) => normalize(w.trim())).filter(Boolean));
    notNames.set(normalize(r.name), { next: set(r.next), prev: set(r.prev) });
  }
  const nameStops = new Set<string>();
  for (const w of readList(dataPath("lexicon", "name-stops.txt"))) {
    const base = normalize(w).replace(/^ال/, "");
    for (const e of GENTILIC_ENDINGS) nameStops.add(base + e);
  }
  const speechVerbs = new Set<string>();
  for (const r of readTsv(dataPath("lexicon", "reporting-verbs.tsv"), ["form_ar", "lemma", "kind", "person", "stance", "frame"] as const)) {
    if (r.kind === "verb" && r.person === "3" && r.frame !== "prep" && !r.form_ar.includes(" ")) speechVerbs.add(normalize(r.form_ar));
  }
  return {
    sportWords: new Set(readList(dataPath("lexicon", "sport-words.txt")).map((w) => normalize(w).replace(/^ال/, ""))),
    unitTypes: new Set(readList(dataPath("lexicon", "unit-types.txt")).map(normalize)),
    speechVerbs,
    nameStops,
    notNames,
    givenNames,
    titles,
    heads,
    multiWordHeads,
    gentilics,
    common: lexicon.common ?? new Set(),
    functionWords: lexicon.functionWords ?? new Set(),
    adminPrefixes,
  };
}
