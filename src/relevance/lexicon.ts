/**
 * The topic vocabulary (data/relevance/topic-words.tsv): words and short phrases that lean an article
 * towards conflict, politics, economy, sport, culture or society, each with a weight.
 */
import { dataPath } from "../data-dir.js";
import { nameKeys } from "../text/keys.js";
import { KeyTrie } from "../util/trie.js";
import { readTsv } from "../util/tsv.js";
import { WordCache } from "../util/word-cache.js";

export const TOPICS = ["conflict", "politics", "economy", "sport", "culture", "society"] as const;
export type ScoredTopic = (typeof TOPICS)[number];

export interface TopicWord {
  /** The word as the data file writes it (for the evidence list). */
  form: string;
  topic: ScoredTopic;
  weight: number;
}

export interface TopicLexicon {
  words: Map<string, TopicWord>;
  /** `words` looked up once per distinct word (by stem, then the stem without a leading article). */
  wordOf: WordCache<TopicWord | null>;
  phrases: KeyTrie<TopicWord>;
}

export function loadTopicLexicon(file = dataPath("relevance", "topic-words.tsv")): TopicLexicon {
  const words = new Map<string, TopicWord>();
  const phrases = new KeyTrie<TopicWord>();
  for (const r of readTsv(file, ["word_ar", "topic", "weight", "note"] as const)) {
    if (!(TOPICS as readonly string[]).includes(r.topic)) throw new Error(`${r._file}:${r._line}: unknown topic "${r.topic}" (one of ${TOPICS.join(", ")})`);
    const weight = Number(r.weight);
    if (!(weight > 0 && weight <= 3)) throw new Error(`${r._file}:${r._line}: weight must be 1, 2 or 3, found "${r.weight}"`);
    const w: TopicWord = { form: r.word_ar, topic: r.topic as ScoredTopic, weight };
    const keys = nameKeys(r.word_ar);
    if (keys.length > 1) phrases.add(keys, w);
    else if (keys.length === 1) {
      // a bare form and its article form share a row: "الدوري" is looked up as "دوري" too
      const k = keys[0].startsWith("ال") && keys[0].length > 4 ? keys[0].slice(2) : keys[0];
      if (words.has(k) && words.get(k)!.topic !== w.topic) throw new Error(`${r._file}:${r._line}: "${r.word_ar}" is already listed under ${words.get(k)!.topic}`);
      words.set(k, w);
    }
  }
  // by stem, then the stem without a leading article
  const wordOf = new WordCache<TopicWord | null>((t) => words.get(t.stem) ?? (t.stem.startsWith("ال") && t.stem.length > 4 ? words.get(t.stem.slice(2)) : undefined) ?? null);
  return { words, wordOf, phrases };
}
