/**
 * A cache of per-word facts keyed by Token.word, the segmenter's id of a written form. It is
 * direct-mapped (a slot per id modulo its size, a newer word simply replacing an older one), so a
 * lookup is an array read instead of hashing a string; tokens without an id use a bounded string map.
 */
import type { Token } from "../document.js";

export class WordCache<V> {
  private readonly ids: Int32Array;
  private readonly values: Array<V | undefined>;
  private readonly mask: number;
  private readonly byString = new Map<string, V>();

  /** `bits`: the cache holds 2^bits words. */
  constructor(bits = 16) {
    this.ids = new Int32Array(1 << bits);
    this.values = new Array<V | undefined>(1 << bits);
    this.mask = (1 << bits) - 1;
  }

  /** The value for a token's word, computed by `make` (from the token) on a miss. */
  get(t: Token, make: (t: Token) => V, stringKey: (t: Token) => string = (x) => `${x.kind}\u0000${x.norm}`): V {
    const id = t.word;
    if (id === undefined) {
      const k = stringKey(t);
      let v = this.byString.get(k);
      if (v === undefined) {
        v = make(t);
        if (this.byString.size >= this.ids.length) this.byString.clear();
        this.byString.set(k, v);
      }
      return v;
    }
    const slot = id & this.mask;
    if (this.ids[slot] === id) return this.values[slot] as V;
    const v = make(t);
    this.ids[slot] = id;
    this.values[slot] = v;
    return v;
  }
}
