/**
 * A hash table keyed by a span of a string, looked up without cutting the span out: the text stage
 * asks for every word of every article, and hashing a fresh slice in a Map costs several times more
 * than hashing the characters where they stand. Open addressing; when `limit` entries are held the
 * table starts again empty (a cache, not a store). It starts small and doubles as it fills, so that a
 * process reading one article does not pay for the slots a corpus run needs.
 */
/** Slots a table starts with. */
const INITIAL_SLOTS = 1 << 12;

export class SpanTable<V> {
  private hashes!: Int32Array;
  private keys!: Array<string | null>;
  private values!: Array<V | null>;
  private mask = 0;
  private count = 0;
  private readonly maxSlots: number;

  /** `bits`: at most 2^bits slots; `limit`: entries held before the table is emptied (at most half the slots). */
  constructor(bits: number, private readonly limit: number) {
    this.maxSlots = 1 << bits;
    this.limit = Math.min(limit, this.maxSlots >> 1);
    this.allocate(Math.min(this.maxSlots, INITIAL_SLOTS));
  }

  private allocate(slots: number): void {
    this.hashes = new Int32Array(slots);
    this.keys = new Array<string | null>(slots).fill(null);
    this.values = new Array<V | null>(slots).fill(null);
    this.mask = slots - 1;
    this.count = 0;
  }

  /** Twice the slots, with every entry moved to its place in the larger table. */
  private grow(): void {
    const { hashes, keys, values } = this;
    this.allocate(hashes.length * 2);
    for (let i = 0; i < hashes.length; i++) {
      if (hashes[i] === 0) continue;
      let slot = hashes[i] & this.mask;
      while (this.hashes[slot] !== 0) slot = (slot + 1) & this.mask;
      this.hashes[slot] = hashes[i];
      this.keys[slot] = keys[i];
      this.values[slot] = values[i];
      this.count++;
    }
  }

  /** The value stored for text[start, end), or the result of `make(key)` stored under it. */
  get(text: string, start: number, end: number, make: (key: string) => V): V {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h = h === 0 ? 1 : h | 0;
    const len = end - start;
    let slot = h & this.mask;
    for (;;) {
      const x = this.hashes[slot];
      if (x === 0) break;
      if (x === h) {
        const k = this.keys[slot]!;
        if (k.length === len) {
          let same = true;
          for (let i = 0; i < len; i++) {
            if (k.charCodeAt(i) !== text.charCodeAt(start + i)) {
              same = false;
              break;
            }
          }
          if (same) return this.values[slot]!;
        }
      }
      slot = (slot + 1) & this.mask;
    }
    const key = text.slice(start, end);
    const v = make(key);
    if (this.count >= this.limit) {
      this.clear();
      slot = h & this.mask;
    } else if (this.count >= this.hashes.length >> 1) {
      this.grow();
      slot = h & this.mask;
      while (this.hashes[slot] !== 0) slot = (slot + 1) & this.mask;
    }
    this.hashes[slot] = h;
    this.keys[slot] = key;
    this.values[slot] = v;
    this.count++;
    return v;
  }

  clear(): void {
    this.hashes.fill(0);
    this.keys.fill(null);
    this.values.fill(null);
    this.count = 0;
  }
}
