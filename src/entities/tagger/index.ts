/**
 * The name tagger: an averaged perceptron over Marsad's own tokens that finds people, organisations
 * and places no list holds, from the word, its stem and affixes, its neighbours, and what the lists
 * and rules say around it. Trained on ANERcorp by scripts/train-ner.mjs (data/ner/README.md).
 *
 *   const tagger = NameTagger.load(lists);                 // null when data/ner/tagger.bin is absent
 *   tagger?.tag(text, tokens, keys, s.tokenStart, s.tokenEnd, ruleMentions)  // → [{ tokenStart, tokenEnd, type }]
 */
import type { Token } from "../../document.js";
import type { Mention } from "../recognize.js";
import { FeatureExtractor, mix, MAQSURA, OFFSETS, RULE, RULE_PREV, type FeatureLists } from "./features.js";
import { loadWeights } from "./model-io.js";
import { allowed, historyFeatures, L, type Scorer } from "./perceptron.js";

export { FeatureExtractor, FEATURE_VERSION, type FeatureLists } from "./features.js";
export { decode, LABELS, Trainer, WeightTable } from "./perceptron.js";
export { decodeModel, encodeModel, loadWeights } from "./model-io.js";

export type TaggedType = "PER" | "ORG" | "LOC";

/** A name the tagger found: tokens [tokenStart, tokenEnd). */
export interface TaggedSpan {
  tokenStart: number;
  tokenEnd: number;
  type: TaggedType;
}

const TYPES: readonly TaggedType[] = ["PER", "ORG", "LOC"];

/** The spans of a BIO label sequence whose first label is at token `from`. */
export function spansOf(labels: ArrayLike<number>, from: number): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  let open: TaggedSpan | null = null;
  for (let i = 0; i <= labels.length; i++) {
    const y = i < labels.length ? labels[i] : 0;
    const type = y === 0 ? -1 : Math.ceil(y / 2) - 1;
    const begins = y % 2 === 1;
    if (open && (y === 0 || begins || TYPES[type] !== open.type)) {
      open.tokenEnd = from + i;
      out.push(open);
      open = null;
    }
    if (y !== 0 && !open) open = { tokenStart: from + i, tokenEnd: from + i + 1, type: TYPES[type] };
  }
  return out;
}

/** Distinct words whose summed weights are kept (each L × 13 floats, about 360 bytes). */
const SCORE_CACHE_LIMIT = 60_000;
/** Rows of WordScores.sums: the word's own features, then one per neighbour offset, then one per previous label (-1 … L-1). */
const OWN = 0;
const NEIGHBOUR_ROW = 1;
const PREV_ROW = 1 + OFFSETS.length;
const ROWS = PREV_ROW + L + 1;

/** A word's summed weights, by row (above). */
interface WordScores {
  sums: Float32Array;
}

/**
 * Decoding is the perceptron's (perceptron.ts `decode` over FeatureExtractor.sentence) made cheap:
 * the static features of a word (its own, and those it gives its neighbours) are summed into label
 * scores once per distinct word, so a token costs a few vector additions and six weight lookups.
 */
export class NameTagger {
  private readonly features: FeatureExtractor;
  private readonly scores = new Map<string, WordScores>();
  private readonly boundary: Float64Array[];
  /** Weights of the tag history without the word: previous two labels (-1 … L-1 each). */
  private readonly history: Float64Array;
  /** Weights of "no rule label here" at the token and before it. */
  private readonly noRule: Float64Array;
  private base = new Float64Array(256 * L);

  constructor(
    lists: FeatureLists,
    private readonly model: Scorer,
  ) {
    this.features = new FeatureExtractor(lists);
    this.boundary = OFFSETS.map((_, d) => {
      const v = new Float64Array(L);
      model.add(FeatureExtractor.boundary(d), v);
      return v;
    });
    // the word-free history features, for every (prev2, prev): historyFeatures' first two
    this.history = new Float64Array((L + 1) * (L + 1) * L);
    const hist = new Int32Array(3);
    for (let p2 = -1; p2 < L; p2++) for (let p = -1; p < L; p++) {
      historyFeatures(p, p2, 0, hist);
      const v = this.history.subarray(((p2 + 1) * (L + 1) + p + 1) * L, ((p2 + 1) * (L + 1) + p + 2) * L);
      model.add(hist[0], v);
      model.add(hist[1], v);
    }
    this.noRule = new Float64Array(L);
    model.add(mix(RULE, 0), this.noRule);
    model.add(mix(RULE_PREV, 0), this.noRule);
  }

  private wordScores(t: Token, key: string): WordScores {
    const k = FeatureExtractor.wordKey(t);
    let s = this.scores.get(k);
    if (s) return s;
    const w = this.features.word(t, key);
    const acc = new Float64Array(L);
    const sums = new Float32Array(ROWS * L);
    for (let k2 = 0; k2 < w.own.length; k2++) this.model.add(w.own[k2], acc);
    sums.set(acc, OWN * L);
    for (let d = 0; d < OFFSETS.length; d++) {
      acc.fill(0);
      for (const f of FeatureExtractor.neighbour(w, d)) this.model.add(f, acc);
      sums.set(acc, (NEIGHBOUR_ROW + d) * L);
    }
    // the history feature that pairs the previous label with this word
    const hist = new Int32Array(3);
    for (let p = -1; p < L; p++) {
      acc.fill(0);
      historyFeatures(p, -1, w.own[0], hist);
      this.model.add(hist[2], acc);
      sums.set(acc, (PREV_ROW + p + 1) * L);
    }
    s = { sums };
    if (this.scores.size >= SCORE_CACHE_LIMIT) this.scores.clear();
    this.scores.set(k, s);
    return s;
  }

  /** The tagger with the committed model, or null when there is no model file. */
  static load(lists: FeatureLists, path?: string): NameTagger | null {
    const w = loadWeights(path);
    return w ? new NameTagger(lists, w) : null;
  }

  /** Label indices (into LABELS) of tokens [from, to) of one sentence. */
  labels(text: string, tokens: Token[], keys: string[], from: number, to: number, rules: readonly Mention[]): Uint8Array {
    const n = to - from;
    if (this.base.length < n * L) this.base = new Float64Array(n * L * 2);
    const base = this.base;
    base.fill(0, 0, n * L);
    const words = new Array<Float32Array>(n);
    const ruleLabel = rules.length ? FeatureExtractor.ruleLabels(rules, from, to) : null;
    const row = new Float64Array(L);
    for (let i = 0; i < n; i++) {
      const t = tokens[from + i];
      const sums = (words[i] = this.wordScores(t, keys[from + i]).sums);
      const at0 = i * L;
      for (let y = 0; y < L; y++) base[at0 + y] += sums[OWN * L + y];
      // this word as the neighbour at OFFSETS[d] of token i - OFFSETS[d]; missing neighbours at the ends
      for (let d = 0; d < OFFSETS.length; d++) {
        const at = i - OFFSETS[d];
        if (at >= 0 && at < n) for (let y = 0; y < L; y++) base[at * L + y] += sums[(NEIGHBOUR_ROW + d) * L + y];
        const j = i + OFFSETS[d];
        if (j < 0 || j >= n) for (let y = 0; y < L; y++) base[at0 + y] += this.boundary[d][y];
      }
      const rule = ruleLabel ? ruleLabel[i] : 0;
      const before = ruleLabel && i > 0 ? ruleLabel[i - 1] : 0;
      if (rule === 0 && before === 0) {
        for (let y = 0; y < L; y++) base[at0 + y] += this.noRule[y];
      } else {
        row.fill(0);
        this.model.add(mix(RULE, rule), row);
        this.model.add(mix(RULE_PREV, before), row);
        for (let y = 0; y < L; y++) base[at0 + y] += row[y];
      }
      if (t.kind === "word" && text.charCodeAt(t.end - 1) === 0x649) {
        row.fill(0);
        this.model.add(MAQSURA, row);
        for (let y = 0; y < L; y++) base[at0 + y] += row[y];
      }
    }
    const labels = new Uint8Array(n);
    let prev = -1;
    let prev2 = -1;
    for (let i = 0; i < n; i++) {
      const h = ((prev2 + 1) * (L + 1) + prev + 1) * L;
      const w = (PREV_ROW + prev + 1) * L;
      const sums = words[i];
      let best = 0;
      let bestScore = -Infinity;
      for (let y = 0; y < L; y++) {
        const score = base[i * L + y] + this.history[h + y] + sums[w + y];
        if (score > bestScore && (y === 0 || allowed(Math.max(prev, 0), y))) {
          best = y;
          bestScore = score;
        }
      }
      labels[i] = best;
      prev2 = prev;
      prev = best;
    }
    return labels;
  }

  /** The names in tokens [from, to) of one sentence; `rules` are the recogniser's mentions there. */
  tag(text: string, tokens: Token[], keys: string[], from: number, to: number, rules: readonly Mention[]): TaggedSpan[] {
    if (to <= from) return [];
    return spansOf(this.labels(text, tokens, keys, from, to, rules), from);
  }
}


