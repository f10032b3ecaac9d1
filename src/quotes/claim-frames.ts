/**
 * Claims without أن (data/lexicon/claim-frames.tsv): the verbs whose claim may be a noun phrase, with
 * the preposition that opens it ("أعلنت الشرطة إحباط …", "أشار إلى سعي …", "أفاد بمقتل …").
 */
import { dataPath } from "../data-dir.js";
import { normalize } from "../text/normalize.js";
import { readTsv } from "../util/tsv.js";

/** Lemma → the prepositions that may open its noun-phrase claim ("" for a direct object). */
export type ClaimFrames = Map<string, Set<string>>;

const COLUMNS = ["lemma", "prep", "note"] as const;

export function loadClaimFrames(file = dataPath("lexicon", "claim-frames.tsv")): ClaimFrames {
  const frames: ClaimFrames = new Map();
  for (const r of readTsv(file, COLUMNS)) {
    const lemma = normalize(r.lemma);
    const preps = frames.get(lemma) ?? new Set<string>();
    preps.add(normalize(r.prep));
    frames.set(lemma, preps);
  }
  return frames;
}
