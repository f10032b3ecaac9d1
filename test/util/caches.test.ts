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

  it("starts again empty when full, and still answers right", () => {
    const table = new SpanTable<string>(3, 100); // 8 slots: at most 4 entries
    const make = (k: string): string => k + "!";
    const words = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
    for (let round = 0; round < 3; round++) for (const w of words) expect(table.get(w, 0, 1, make)).toBe(w + "!");
  });
});
