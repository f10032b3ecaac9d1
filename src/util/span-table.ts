/**
 * A hash table keyed by a span of a string, looked up without cutting the span out: the text stage
 * asks for every word of every article, and hashing a fresh slice in a Map costs several times more
 * than hashing the characters where they stand. Open addressing; when `limit` entries are held the
 * table starts again empty (a cache, not a store).
 */
export class SpanTable<V> {
  private readonly hashes: Int32Array;
  private readonly keys: Array<string | null>;
  private readonly values: Array<V | null>;
  private readonly mask: number;
  private count = 0;

  /** `bits`: 2^bits slots; `limit`: entries held before the table is emptied (at most half the slots). */
  constructor(bits: number, private readonly limit: number) {
    this.hashes = new Int32Array(1 << bits);
    this.keys = new Array<string | null>(1 << bits).fill(null);
    this.values = new Array<V | null>(1 << bits).fill(null);
    this.mask = (1 << bits) - 1;
    this.limit = Math.min(limit, 1 << (bits - 1));
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
