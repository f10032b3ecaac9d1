/**
 * Near-duplicate detection by MinHash over word 3-shingles: the share of matching signature values
 * estimates the Jaccard similarity of two texts' shingles. Syndicated copies of one agency story (a
 * word changed, a paragraph cut, a dateline added) keep most of their shingles; two articles on the
 * same subject share few. Signatures are split into bands for candidate lookup (locality-sensitive
 * hashing): two texts with a Jaccard of 0.7 share a band with probability 0.89, of 0.8 with 0.98.
 */
import { createHash } from "node:crypto";

export const HASHES = 32;
export const BANDS = 8;
const ROWS = HASHES / BANDS;
/** Texts whose estimated Jaccard similarity reaches this are copies of one another. */
export const NEAR_DUPLICATE_SIMILARITY = 0.6;
const SHINGLE = 3;

/** Seeds of the hash family, fixed so signatures are comparable across runs. */
const SEEDS = Array.from({ length: HASHES }, (_, k) => (Math.imul(k + 1, 0x9e3779b1) ^ 0x7f4a7c15) >>> 0);

function wordHash(s: string): number {
  let a = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) a = Math.imul(a ^ s.charCodeAt(i), 0x01000193);
  return a >>> 0;
}

function mix(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The signature of a text's words: 32 values as 256 hex digits. */
export function signature(words: string[]): string {
  if (words.length < SHINGLE) return createHash("sha256").update(words.join(" ")).digest("hex").repeat(4).slice(0, HASHES * 8);
  const wh = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wh[i] = wordHash(words[i]);
  const min = new Uint32Array(HASHES).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const sh = (Math.imul(wh[i], 31) ^ Math.imul(wh[i + 1], 17) ^ wh[i + 2]) >>> 0;
    for (let k = 0; k < HASHES; k++) {
      const v = mix(sh, SEEDS[k]);
      if (v < min[k]) min[k] = v;
    }
  }
  let out = "";
  for (let k = 0; k < HASHES; k++) out += min[k].toString(16).padStart(8, "0");
  return out;
}

/** One integer per band, for candidate lookup. */
export function bands(sig: string): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) out.push(wordHash(sig.slice(b * ROWS * 8, (b + 1) * ROWS * 8)) | 0);
  return out;
}

/** Estimated Jaccard similarity of the texts behind two signatures. */
export function similarity(a: string, b: string): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a.slice(k * 8, k * 8 + 8) === b.slice(k * 8, k * 8 + 8)) same++;
  return same / HASHES;
}
