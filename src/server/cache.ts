/**
 * A least-recently-used cache of answers, bounded in entries and in total size (a Map keeps insertion
 * order: the oldest entry is first). Any client can ask for endless distinct URLs; the cache keeps at
 * most `maxEntries` answers and `maxChars` characters of them, and never one answer over `maxEntryChars`.
 */
export interface CacheLimits {
  maxEntries: number;
  /** Total size of the cached strings, in characters. */
  maxChars: number;
  /** An answer larger than this is served but not kept. */
  maxEntryChars: number;
}

export const DEFAULT_CACHE_LIMITS: CacheLimits = { maxEntries: 1000, maxChars: 32 * 1024 * 1024, maxEntryChars: 2 * 1024 * 1024 };

export class LruCache {
  private readonly map = new Map<string, string>();
  private chars = 0;
  private readonly limits: CacheLimits;

  constructor(limits: Partial<CacheLimits> = {}) {
    this.limits = { ...DEFAULT_CACHE_LIMITS, ...limits };
  }

  get size(): number {
    return this.map.size;
  }

  get totalChars(): number {
    return this.chars;
  }

  get(key: string): string | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: string): void {
    this.delete(key);
    if (value.length + key.length > this.limits.maxEntryChars) return;
    this.map.set(key, value);
    this.chars += value.length + key.length;
    while (this.map.size > this.limits.maxEntries || this.chars > this.limits.maxChars) this.delete(this.map.keys().next().value as string);
  }

  private delete(key: string): void {
    const old = this.map.get(key);
    if (old === undefined) return;
    this.map.delete(key);
    this.chars -= old.length + key.length;
  }

  clear(): void {
    this.map.clear();
    this.chars = 0;
  }
}
