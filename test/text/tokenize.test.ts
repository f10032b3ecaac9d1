import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/text/tokenize.js";

const toks = (s: string): Array<[string, string]> => tokenize(s).map((t) => [s.slice(t.start, t.end), t.kind]);

describe("tokenize", () => {
  it("splits Arabic words and punctuation", () => {
    expect(toks("سيطرت الفصائل على حمص.")).toEqual([
      ["سيطرت", "word"],
      ["الفصائل", "word"],
      ["على", "word"],
      ["حمص", "word"],
      [".", "punct"],
    ]);
  });

  it("keeps diacritics and tatweel inside the word", () => {
    expect(toks("قَالَ الـرئيس")).toEqual([
      ["قَالَ", "word"],
      ["الـرئيس", "word"],
    ]);
  });

  it.each([
    ["3500", "number"],
    ["٣٥٠٠", "number"],
    ["۱۲۳", "number"],
    ["3,500", "number"],
    ["2.5", "number"],
    ["١٢٫٥", "number"],
    ["٣٬٥٠٠", "number"],
  ])("reads %s as one number", (s, kind) => {
    expect(toks(s)).toEqual([[s, kind]]);
  });

  it("does not glue a number to the full stop that ends a sentence", () => {
    expect(toks("قتل 25.")).toEqual([
      ["قتل", "word"],
      ["25", "number"],
      [".", "punct"],
    ]);
  });

  it("separates digits from letters attached to them", () => {
    expect(toks("17يوليو")).toEqual([
      ["17", "number"],
      ["يوليو", "word"],
    ]);
  });

  it("reads Latin words, URLs, e-mails, hashtags and mentions", () => {
    expect(toks("AFP https://example.com/a?b=1, info@example.org #حمص_الآن @marsad_news F-16")).toEqual([
      ["AFP", "latin"],
      ["https://example.com/a?b=1", "url"],
      [",", "punct"],
      ["info@example.org", "email"],
      ["#حمص_الآن", "hashtag"],
      ["@marsad_news", "mention"],
      ["F-16", "latin"],
    ]);
  });

  it("treats a run of the same mark as one token and quotes as tokens", () => {
    expect(toks("«ماذا؟؟» ...")).toEqual([
      ["«", "punct"],
      ["ماذا", "word"],
      ["؟؟", "punct"],
      ["»", "punct"],
      ["...", "punct"],
    ]);
  });

  it("gives offsets into the original string, including after characters outside the BMP", () => {
    const s = "خبر 😀 عاجل";
    const t = tokenize(s);
    expect(t.map((x) => s.slice(x.start, x.end))).toEqual(["خبر", "😀", "عاجل"]);
    expect(t[1].kind).toBe("symbol");
  });

  it("tokenises only the range it is given", () => {
    const s = "أولا حمص ثانيا";
    const t = tokenize(s, 5, 8);
    expect(t).toMatchObject([{ start: 5, end: 8, kind: "word" }]);
    expect(t).toHaveLength(1);
  });
});
