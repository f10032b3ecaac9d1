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
import { EDGE, FeatureExtractor, pairs, PAIRS, mix, MAQSURA, OFFSETS, RULE, RULE_PREV, type FeatureLists } from "./features.js";
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

/** Slots of the per-word score cache (a power of two): 2^17 words at 140 bytes each, about 18 MB. */
const SLOTS = 1 << 17;
/** Floats per cached word: the label scores of its own features, then one row per neighbour offset. */
const WIDTH = (1 + OFFSETS.length) * L;
/** Ids the tagger gives tokens without a segmenter word id (punctuation, numbers, tokens read back from JSON). */
const STRING_IDS_LIMIT = 50_000;

/**
 * Decoding is the perceptron's (perceptron.ts `decode` over FeatureExtractor.sentence) made cheap:
 * the static features of a word (its own, and those it gives its neighbours) are summed into label
 * scores once per distinct word, so a token costs a few vector additions and a handful of weight
 * lookups. The sums live in a direct-mapped cache indexed by the word's id (Token.word), so a token
 * finds them without hashing a string; a slot taken by another word is simply recomputed.
 */
export class NameTagger {
  private readonly features: FeatureExtractor;
  /** The word id each slot holds (0: empty), its summed scores, and its first feature (for the history feature). */
  private readonly slotId = new Int32Array(SLOTS);
  private readonly slab = new Float32Array(SLOTS * WIDTH);
  private readonly first = new Int32Array(SLOTS);
  /** The word identity (WordFeatures.id) each slot holds, for the pair features. */
  private readonly wordId = new Int32Array(SLOTS);
  /** Ids for tokens without Token.word, counting down from -1 so they never meet the segmenter's. */
  private readonly stringIds = new Map<string, number>();
  private nextStringId = -1;
  private readonly boundary: Float64Array[];
  /** Weights of the tag history without the word: previous two labels (-1 … L-1 each). */
  private readonly history: Float64Array;
  /** Weights of "no rule label here" at the token and before it. */
  private readonly noRule: Float64Array;
  private base = new Float64Array(256 * L);
  /** Each token's first feature, for the history feature, and its word identity, for the pairs. */
  private firsts = new Int32Array(256);
  private ids = new Int32Array(256);
  private readonly pairFeatures = new Int32Array(PAIRS);
  private readonly acc = new Float64Array(L);
  private readonly hist = new Int32Array(3);

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

  /** The id under which a token's word is cached. */
  private idOf(t: Token): number {
    if (t.word !== undefined) return t.word;
    const k = FeatureExtractor.wordKey(t);
    let id = this.stringIds.get(k);
    if (id === undefined) {
      if (this.stringIds.size >= STRING_IDS_LIMIT) this.stringIds.clear();
      id = this.nextStringId--;
      if (this.nextStringId < -0x3fffffff) this.nextStringId = -1;
      this.stringIds.set(k, id);
    }
    return id;
  }

  /** The cache slot holding the summed scores of a token's word, filled on a miss. */
  private slotOf(t: Token, key: string): number {
    const id = this.idOf(t);
    const slot = id & (SLOTS - 1);
    if (this.slotId[slot] === id) return slot;
    const w = this.features.word(t, key);
    const acc = this.acc;
    const at = slot * WIDTH;
    acc.fill(0);
    for (let k = 0; k < w.own.length; k++) this.model.add(w.own[k], acc);
    this.slab.set(acc, at);
    for (let d = 0; d < OFFSETS.length; d++) {
      acc.fill(0);
      for (const f of FeatureExtractor.neighbour(w, d)) this.model.add(f, acc);
      this.slab.set(acc, at + (1 + d) * L);
    }
    this.first[slot] = w.own[0];
    this.wordId[slot] = w.id;
    this.slotId[slot] = id;
    return slot;
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
    if (this.firsts.length < n) {
      this.firsts = new Int32Array(n * 2);
      this.ids = new Int32Array(n * 2);
    }
    const { base, firsts, ids, slab, acc } = this;
    base.fill(0, 0, n * L);
    const ruleLabel = rules.length ? FeatureExtractor.ruleLabels(rules, from, to) : null;
    for (let i = 0; i < n; i++) {
      const t = tokens[from + i];
      // read the slot at once: a later word of the sentence may take it over
      const slot = this.slotOf(t, keys[from + i]);
      firsts[i] = this.first[slot];
      ids[i] = this.wordId[slot];
      const own = slot * WIDTH;
      const at0 = i * L;
      for (let y = 0; y < L; y++) base[at0 + y] += slab[own + y];
      // this word as the neighbour at OFFSETS[d] of token i - OFFSETS[d]; missing neighbours at the ends
      for (let d = 0; d < OFFSETS.length; d++) {
        const at = i - OFFSETS[d];
        const row = own + (1 + d) * L;
        if (at >= 0 && at < n) for (let y = 0; y < L; y++) base[at * L + y] += slab[row + y];
        const j = i + OFFSETS[d];
        if (j < 0 || j >= n) for (let y = 0; y < L; y++) base[at0 + y] += this.boundary[d][y];
      }
      const rule = ruleLabel ? ruleLabel[i] : 0;
      const before = ruleLabel && i > 0 ? ruleLabel[i - 1] : 0;
      if (rule === 0 && before === 0) {
        for (let y = 0; y < L; y++) base[at0 + y] += this.noRule[y];
      } else {
        acc.fill(0);
        this.model.add(mix(RULE, rule), acc);
        this.model.add(mix(RULE_PREV, before), acc);
        for (let y = 0; y < L; y++) base[at0 + y] += acc[y];
      }
      if (t.kind === "word" && text.charCodeAt(t.end - 1) === 0x649) {
        acc.fill(0);
        this.model.add(MAQSURA, acc);
        for (let y = 0; y < L; y++) base[at0 + y] += acc[y];
      }
    }
    for (let i = 0; i < n; i++) {
      acc.fill(0);
      pairs(i > 0 ? ids[i - 1] : EDGE, ids[i], i + 1 < n ? ids[i + 1] : EDGE, this.pairFeatures, 0);
      for (const f of this.pairFeatures) this.model.add(f, acc);
      for (let y = 0; y < L; y++) base[i * L + y] += acc[y];
    }
    const labels = new Uint8Array(n);
    const hist = this.hist;
    let prev = -1;
    let prev2 = -1;
    for (let i = 0; i < n; i++) {
      const h = ((prev2 + 1) * (L + 1) + prev + 1) * L;
      // the history feature that pairs the previous label with this word
      acc.fill(0);
      historyFeatures(prev, -1, firsts[i], hist);
      this.model.add(hist[2], acc);
      let best = 0;
      let bestScore = -Infinity;
      for (let y = 0; y < L; y++) {
        const score = base[i * L + y] + this.history[h + y] + acc[y];
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


