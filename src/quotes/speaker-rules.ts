/**
 * The language knowledge of speaker resolution (data/lexicon/speaker-rules.tsv): continuation verbs,
 * the prepositions that open an addressee, detached subject pronouns, the nouns of an issued statement. Loaded once, normalised.
 */
import { dataPath } from "../data-dir.js";
import { normalize } from "../text/normalize.js";
import { readTsv } from "../util/tsv.js";

export interface SpeakerRules {
  /** Lemmas that continue the previous speaker's words ("أضاف", "تابع"). */
  continuations: Set<string>;
  /** Prepositions opening the one spoken to ("ل", "الي"). */
  addressee: Set<string>;
  /** Detached subject pronouns ("هو", "هي"). */
  pronouns: Set<string>;
  /** Nouns of an issued text ("بيان", "تصريح"): "بيان لـX" speaks for X. */
  statements: Set<string>;
  /** Adjectives of a source descriptor without an adjective's ending ("كبير", "رفيع", "مطلع"). */
  adjectives: Set<string>;
  /** Head nouns of an organisation's body in the construct state ("قيادة الشرطة", "المكتب الإعلامي ل…"). */
  bodies: Set<string>;
}

const COLUMNS = ["word_ar", "rule", "note"] as const;
const RULES = new Set(["continuation", "addressee", "pronoun", "statement", "adjective", "body"]);

export function loadSpeakerRules(file = dataPath("lexicon", "speaker-rules.tsv")): SpeakerRules {
  const out: SpeakerRules = { continuations: new Set(), addressee: new Set(), pronouns: new Set(), statements: new Set(), adjectives: new Set(), bodies: new Set() };
  for (const r of readTsv(file, COLUMNS)) {
    if (!RULES.has(r.rule)) throw new Error(`${file}:${r._line}: unknown rule "${r.rule}" (use continuation, addressee, pronoun, statement, adjective or body)`);
    const w = normalize(r.word_ar);
    if (r.rule === "continuation") out.continuations.add(w);
    else if (r.rule === "addressee") out.addressee.add(w);
    else if (r.rule === "statement") out.statements.add(w);
    else if (r.rule === "adjective") out.adjectives.add(w);
    else if (r.rule === "body") out.bodies.add(w);
    else out.pronouns.add(w);
  }
  return out;
}
