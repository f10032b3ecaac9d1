/**
 * A cache of one per-word fact, keyed by Token.word, the segmenter's id of a written form. It is
 * direct-mapped (a slot per id modulo its size, a newer word simply replacing an older one), so a
 * lookup is an array read instead of hashing a string; tokens without an id (punctuation, numbers,
 * tokens read back from JSON) use a bounded map keyed by kind and normalised form. The fact is
 * computed by the one function the cache is made with, so it must depend on the token's word only.
 */
import type { Token } from "../document.js";

export class WordCache<V> {
  private readonly ids: Int32Array;
  private readonly values: Array<V | undefined>;
  private readonly mask: number;
  private readonly byString = new Map<string, V>();

  /** `bits`: the cache holds 2^bits words. */
  constructor(
    private readonly make: (t: Token) => V,
    bits = 16,
  ) {
    this.ids = new Int32Array(1 << bits);
    this.values = new Array<V | undefined>(1 << bits);
    this.mask = (1 << bits) - 1;
  }

  get(t: Token): V {
    const id = t.word;
    if (id === undefined) return this.byForm(t);
    const slot = id & this.mask;
    if (this.ids[slot] === id) return this.values[slot] as V;
    const v = this.make(t);
    this.ids[slot] = id;
    this.values[slot] = v;
    return v;
  }

  private byForm(t: Token): V {
    const k = `${t.kind}\u0000${t.norm}`;
    let v = this.byString.get(k);
    if (v === undefined) {
      v = this.make(t);
      if (this.byString.size >= this.ids.length) this.byString.clear();
      this.byString.set(k, v);
    }
    return v;
  }
}
