/**
 * Reporting vocabulary: every inflected form of the reporting verbs, participles and nouns, the
 * attribution phrases (data/lexicon/reporting-verbs.tsv) and the nouns that stand as anonymous or
 * collective sources (data/lexicon/source-nouns.tsv).
 */
import { dataPath } from "../data-dir.js";
import { nameKeys } from "../text/keys.js";
import { normalize } from "../text/normalize.js";
import { KeyTrie } from "../util/trie.js";
import { readTsv } from "../util/tsv.js";

export type Stance = "asserted" | "denied" | "unconfirmed" | "demanded" | "warned";

export interface ReportForm {
  form: string;
  lemma: string;
  kind: "verb" | "participle" | "noun" | "phrase";
  person: string;
  stance: Stance;
  /** What follows: an أن clause, a quotation after a colon, either, or (phrases) the source. */
  frame: "an" | "colon" | "both" | "prep";
  /** For phrases that end in a preposition opening onto the source ("وفقا ل", "نقلا عن"): that preposition. */
  openPrep?: string;
}

export interface SourceNoun {
  noun: string;
  kind: string;
  number: "sg" | "pl";
}

export interface ReportingLexicon {
  /** Single-word forms by normalised spelling. */
  words: Map<string, ReportForm>;
  /** Multi-word phrases by key sequence (the opening preposition left off). */
  phrases: KeyTrie<ReportForm>;
  /** Source nouns by key sequence ("مصدر", "مصادر مطلعة", "شهود عيان"). */
  sourceNouns: KeyTrie<SourceNoun>;
}

const VERB_COLUMNS = ["form_ar", "lemma", "kind", "person", "stance", "frame"] as const;
const NOUN_COLUMNS = ["noun_ar", "kind", "number"] as const;
/** Prepositions that close a phrase and attach to the source: "وفقا لـX", "نقلا عن X". */
const OPENING_PREPOSITIONS = new Set(["ل", "عن", "الي", "مع"]);
/** "في تصريحات لـ…", "عبر حسابه": channels, read after the verb, not attribution phrases. */
const CHANNEL_OPENERS = new Set(["في", "عبر", "خلال"]);

export function loadReportingLexicon(): ReportingLexicon {
  const words = new Map<string, ReportForm>();
  const phrases = new KeyTrie<ReportForm>();
  const rows = readTsv(dataPath("lexicon", "reporting-verbs.tsv"), VERB_COLUMNS).map((r) => ({
    keys: nameKeys(r.form_ar),
    form: { form: r.form_ar, lemma: normalize(r.lemma), kind: r.kind as ReportForm["kind"], person: r.person, stance: r.stance as Stance, frame: r.frame as ReportForm["frame"] },
  }));
  for (const { keys, form } of rows) if (keys.length === 1 && form.kind !== "phrase" && !words.has(keys[0])) words.set(keys[0], form);
  for (const { keys, form } of rows) {
    if (keys.length === 1 && form.kind !== "phrase") continue;
    // Only attribution phrases that name the source after them ("بحسب", "وفقا لـ", "نقلا عن") are cues
    // of their own; "قال لـ", "في بيان" and their kin are read as a verb and its channel.
    if (form.frame !== "prep" || words.has(keys[0]) || CHANNEL_OPENERS.has(keys[0])) continue;
    const last = keys[keys.length - 1];
    if (keys.length > 1 && OPENING_PREPOSITIONS.has(last)) phrases.add(keys.slice(0, -1), { ...form, openPrep: last });
    else phrases.add(keys, form);
  }
  const sourceNouns = new KeyTrie<SourceNoun>();
  for (const r of readTsv(dataPath("lexicon", "source-nouns.tsv"), NOUN_COLUMNS)) {
    sourceNouns.add(nameKeys(r.noun_ar), { noun: r.noun_ar, kind: r.kind, number: r.number === "pl" ? "pl" : "sg" });
  }
  return { words, phrases, sourceNouns };
}
