/**
 * Averaged perceptron over BIO labels, decoded greedily left to right: each token's label is chosen
 * from its features plus the two labels before it, and an I- label only continues its own type.
 * `WeightTable` is the compact run-time form (open addressing over feature hashes, weights in a
 * Float32Array); `Trainer` learns the weights (scripts/train-ner.mjs).
 */
import { mix } from "./features.js";

export const LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"] as const;
export type Label = (typeof LABELS)[number];
export const L = LABELS.length;

const PREV = 0x2f1a7c31;
const PREV2 = 0x5b3d09e7;
const PREV_WORD = 0x1c6e4d95;

/** Whether label b may follow label a: I-X only after B-X or I-X. */
export const allowed = (a: number, b: number): boolean => b === 0 || b % 2 === 1 || (a !== 0 && Math.ceil(a / 2) === Math.ceil(b / 2));

/** The features of the tag history at one token. */
export function historyFeatures(prev: number, prev2: number, first: number, out: Int32Array): void {
  out[0] = mix(PREV, prev + 1);
  out[1] = mix(PREV2, (prev2 + 1) * 16 + prev + 1);
  out[2] = mix(PREV_WORD + prev, first);
}

export interface Scorer {
  /** Adds each label's weight for feature f to scores. */
  add(f: number, scores: Float64Array): void;
}

/**
 * The best allowed label of one token from its static features `f` and the two labels before it;
 * `scores` and `hist` are scratch (hist keeps the token's history features for the caller).
 */
function bestLabel(model: Scorer, f: Int32Array, prev: number, prev2: number, scores: Float64Array, hist: Int32Array): number {
  scores.fill(0);
  for (let k = 0; k < f.length; k++) model.add(f[k], scores);
  historyFeatures(prev, prev2, f[0], hist);
  for (let k = 0; k < 3; k++) model.add(hist[k], scores);
  let best = 0;
  for (let y = 1; y < L; y++) if (scores[y] > scores[best] && allowed(Math.max(prev, 0), y)) best = y;
  return best;
}

/** Greedy decoding of one sentence's static features; returns label indices. */
export function decode(model: Scorer, feats: readonly Int32Array[]): Uint8Array {
  const n = feats.length;
  const labels = new Uint8Array(n);
  const scores = new Float64Array(L);
  const hist = new Int32Array(3);
  let prev = -1;
  let prev2 = -1;
  for (let i = 0; i < n; i++) {
    const best = bestLabel(model, feats[i], prev, prev2, scores, hist);
    labels[i] = best;
    prev2 = prev;
    prev = best;
  }
  return labels;
}

/** The run-time weights: feature hash → L weights, by open addressing. */
export class WeightTable implements Scorer {
  private readonly keys: Int32Array;
  private readonly weights: Float32Array;
  private readonly mask: number;

  constructor(features: Int32Array, weights: ArrayLike<number>, scale: number) {
    let size = 1024;
    while (size < features.length * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size);
    this.weights = new Float32Array(size * L);
    for (let n = 0; n < features.length; n++) {
      let slot = features[n] & this.mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = features[n];
      for (let y = 0; y < L; y++) this.weights[slot * L + y] = weights[n * L + y] * scale;
    }
  }

  add(f: number, scores: Float64Array): void {
    const { keys, mask } = this;
    let slot = f & mask;
    for (;;) {
      const k = keys[slot];
      if (k === f) break;
      if (k === 0) return;
      slot = (slot + 1) & mask;
    }
    const w = this.weights;
    const base = slot * L;
    for (let y = 0; y < L; y++) scores[y] += w[base + y];
  }
}

/** Training-time weights with the running sums that averaging needs. */
export class Trainer implements Scorer {
  private readonly index = new Map<number, number>();
  private w: Float64Array<ArrayBuffer> = new Float64Array(1 << 16);
  private u: Float64Array<ArrayBuffer> = new Float64Array(1 << 16);
  private c = 1;

  add(f: number, scores: Float64Array): void {
    const r = this.index.get(f);
    if (r === undefined) return;
    for (let y = 0; y < L; y++) scores[y] += this.w[r + y];
  }

  private row(f: number): number {
    let r = this.index.get(f);
    if (r === undefined) {
      r = this.index.size * L;
      this.index.set(f, r);
      if (r + L > this.w.length) {
        const grow = (a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
          const b = new Float64Array(a.length * 2);
          b.set(a);
          return b;
        };
        this.w = grow(this.w);
        this.u = grow(this.u);
      }
    }
    return r;
  }

  private update(f: number, y: number, delta: number): void {
    const r = this.row(f) + y;
    this.w[r] += delta;
    this.u[r] += this.c * delta;
  }

  /** One pass over a sentence: decodes with the current weights and corrects each wrong label. */
  learn(feats: readonly Int32Array[], gold: Uint8Array): void {
    const scores = new Float64Array(L);
    const hist = new Int32Array(3);
    let prev = -1;
    let prev2 = -1;
    for (let i = 0; i < feats.length; i++) {
      const f = feats[i];
      const best = bestLabel(this, f, prev, prev2, scores, hist); // leaves the history features in hist
      const g = gold[i];
      if (best !== g) {
        for (let k = 0; k < f.length; k++) {
          this.update(f[k], g, 1);
          this.update(f[k], best, -1);
        }
        for (let k = 0; k < 3; k++) {
          this.update(hist[k], g, 1);
          this.update(hist[k], best, -1);
        }
      }
      this.c++;
      prev2 = prev;
      // learn from its own history, as decoding will see it
      prev = best;
    }
  }

  /**
   * The averaged weights of the features whose largest absolute weight reaches `minWeight`, quantised
   * to 16 bits: what the model file stores.
   */
  export(minWeight: number): { features: Int32Array; weights: Int16Array; scale: number } {
    const kept: Array<[number, number]> = [];
    let maxAbs = 0;
    const avg = new Float64Array(L);
    for (const [f, r] of this.index) {
      let m = 0;
      for (let y = 0; y < L; y++) m = Math.max(m, Math.abs(this.w[r + y] - this.u[r + y] / this.c));
      if (m >= minWeight) {
        kept.push([f, r]);
        maxAbs = Math.max(maxAbs, m);
      }
    }
    kept.sort((a, b) => a[0] - b[0]);
    const scale = maxAbs / 32767 || 1;
    const features = new Int32Array(kept.length);
    const weights = new Int16Array(kept.length * L);
    kept.forEach(([f, r], n) => {
      features[n] = f;
      for (let y = 0; y < L; y++) avg[y] = this.w[r + y] - this.u[r + y] / this.c;
      for (let y = 0; y < L; y++) weights[n * L + y] = Math.round(avg[y] / scale);
    });
    return { features, weights, scale };
  }

  get featureCount(): number {
    return this.index.size;
  }
}
