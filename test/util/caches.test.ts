import { describe, expect, it } from "vitest";
import type { Token } from "../../src/document.js";
import { SpanTable } from "../../src/util/span-table.js";
import { WordCache } from "../../src/util/word-cache.js";

const word = (norm: string, id?: number): Token => ({ start: 0, end: norm.length, kind: "word", norm, pro: "", stem: norm, enc: "", word: id });

describe("WordCache", () => {
  it("computes a word's value once, under its id", () => {
    let calls = 0;
    const cache = new WordCache<string>((t) => (calls++, t.norm.toUpperCase()), 4);
    expect(cache.get(word("ab", 3))).toBe("AB");
    expect(cache.get(word("ab", 3))).toBe("AB");
    expect(calls).toBe(1);
  });

  it("recomputes when another word has taken the slot, and never answers for the wrong word", () => {
    const cache = new WordCache<string>((t) => t.norm, 4); // 16 slots: ids 3 and 19 share one
    expect(cache.get(word("first", 3))).toBe("first");
    expect(cache.get(word("second", 19))).toBe("second");
    expect(cache.get(word("first", 3))).toBe("first");
  });

  it("grows from its small start and still answers for every word it holds", () => {
    let calls = 0;
    const cache = new WordCache<string>((t) => (calls++, t.norm), 14); // starts below 2^14 slots
    const ids = Array.from({ length: 6000 }, (_, i) => i + 1);
    for (const id of ids) expect(cache.get(word(`w${id}`, id))).toBe(`w${id}`);
    const before = calls;
    // once grown to its largest size, a second pass over 6,000 ids finds them all without recomputing
    for (let round = 0; round < 4; round++) for (const id of ids) expect(cache.get(word(`w${id}`, id))).toBe(`w${id}`);
    const last = calls;
    for (const id of ids) cache.get(word(`w${id}`, id));
    expect(calls).toBe(last);
    expect(before).toBe(6000);
  });

  it("keys tokens without an id (read back from JSON) by their form", () => {
    let calls = 0;
    const cache = new WordCache<number>(() => ++calls, 4);
    expect(cache.get(word("x"))).toBe(1);
    expect(cache.get(word("x"))).toBe(1);
    expect(cache.get(word("y"))).toBe(2);
  });
});

describe("SpanTable", () => {
  it("finds a span of one string stored from a span of another", () => {
    const table = new SpanTable<string>(4, 8);
    let calls = 0;
    const make = (k: string): string => (calls++, `<${k}>`);
    expect(table.get("في حمص اليوم", 3, 6, make)).toBe("<حمص>");
    expect(table.get("حمص", 0, 3, make)).toBe("<حمص>");
    expect(table.get("بحمص", 1, 4, make)).toBe("<حمص>");
    expect(calls).toBe(1);
  });

  it("tells apart spans of different text or length", () => {
    const table = new SpanTable<string>(4, 8);
    const make = (k: string): string => k;
    expect(table.get("abc", 0, 2, make)).toBe("ab");
    expect(table.get("abc", 0, 3, make)).toBe("abc");
    expect(table.get("abd", 0, 3, make)).toBe("abd");
    expect(table.get("xab", 1, 3, make)).toBe("ab");
  });

  it("keeps every entry when it grows past its first size", () => {
    const table = new SpanTable<string>(16, 30_000);
    let calls = 0;
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}`);
    for (const k of keys) table.get(k, 0, k.length, (x) => (calls++, x.toUpperCase()));
    for (const k of keys) expect(table.get(k, 0, k.length, () => "missing")).toBe(k.toUpperCase());
    expect(calls).toBe(20_000);
  });

  it("starts again empty when full, and still answers right", () => {
    const table = new SpanTable<string>(3, 100); // 8 slots: at most 4 entries
    const make = (k: string): string => k + "!";
    const words = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
    for (let round = 0; round < 3; round++) for (const w of words) expect(table.get(w, 0, 1, make)).toBe(w + "!");
  });
});
