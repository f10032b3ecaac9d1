/**
 * A cache of one per-word fact, keyed by Token.word, the segmenter's id of a written form. It is
 * direct-mapped (a slot per id modulo its size, a newer word simply replacing an older one), so a
 * lookup is an array read instead of hashing a string; tokens without an id (punctuation, numbers,
 * tokens read back from JSON) use a bounded map keyed by kind and normalised form. The fact is
 * computed by the one function the cache is made with, so it must depend on the token's word only.
 * It starts small and doubles (empty) after it has taken in twice its size of new words, up to its
 * largest size: a process reading one article does not allocate what a corpus run needs.
 */
import type { Token } from "../document.js";

/** Slots a cache starts with. */
const INITIAL_SLOTS = 1 << 10;

export class WordCache<V> {
  private ids!: Int32Array;
  private values!: Array<V | undefined>;
  private mask = 0;
  /** New words taken in at the present size. */
  private fills = 0;
  private readonly maxSlots: number;
  private readonly byString = new Map<string, V>();

  /** `bits`: the cache holds at most 2^bits words. */
  constructor(
    private readonly make: (t: Token) => V,
    bits = 16,
  ) {
    this.maxSlots = 1 << bits;
    this.allocate(Math.min(this.maxSlots, INITIAL_SLOTS));
  }

  private allocate(slots: number): void {
    this.ids = new Int32Array(slots);
    this.values = new Array<V | undefined>(slots);
    this.mask = slots - 1;
    this.fills = 0;
  }

  get(t: Token): V {
    const id = t.word;
    if (id === undefined) return this.byForm(t);
    const slot = id & this.mask;
    if (this.ids[slot] === id) return this.values[slot] as V;
    const v = this.make(t);
    if (++this.fills > this.ids.length * 2 && this.ids.length < this.maxSlots) this.allocate(this.ids.length * 2);
    this.ids[id & this.mask] = id;
    this.values[id & this.mask] = v;
    return v;
  }

  private byForm(t: Token): V {
    const k = `${t.kind}\u0000${t.norm}`;
    let v = this.byString.get(k);
    if (v === undefined) {
      v = this.make(t);
      if (this.byString.size >= this.maxSlots) this.byString.clear();
      this.byString.set(k, v);
    }
    return v;
  }
}
