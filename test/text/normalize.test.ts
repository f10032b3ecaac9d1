import { describe, expect, it } from "vitest";
import { normalize } from "../../src/text/normalize.js";

describe("normalize", () => {
  const cases: Array<[string, string, string]> = [
    ["diacritics are removed", "إِدْلِبُ", "ادلب"],
    ["shadda and tanween are removed", "مُحَمَّدٌ", "محمد"],
    ["tatweel is removed", "الســـلام", "السلام"],
    ["alef with hamza above", "أحمد", "احمد"],
    ["alef with hamza below", "إسرائيل", "اسرائيل"],
    ["alef with madda", "آلاف", "الاف"],
    ["alef wasla", "ٱلله", "الله"],
    ["alef maqsura becomes ya", "مستشفى", "مستشفي"],
    ["ta marbuta becomes ha", "حماة", "حماه"],
    ["Arabic-Indic digits", "٣٥٠٠", "3500"],
    ["Persian digits", "۱۲۳", "123"],
    ["Arabic decimal separator", "٢٫٥", "2.5"],
    ["guillemets", "«حمص»", '"حمص"'],
    ["curly quotes", "“نعيش”", '"نعيش"'],
    ["low double quote", "„قال", '"قال'],
    ["Latin is lower-cased", "Reuters", "reuters"],
    ["presentation forms fold to base letters", "ﻟﺒﻨﺎﻥ", "لبنان"],
    ["Persian keheh and yeh", "کیلو", "كيلو"],
    ["zero-width and directional marks are removed", "حمص\u200f", "حمص"],
  ];
  it.each(cases)("%s", (_what, input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it("returns the same string object when nothing changes", () => {
    const s = "سوريا";
    expect(normalize(s)).toBe(s);
  });

  it("never changes the length of text it does not touch", () => {
    expect(normalize("abc 123")).toBe("abc 123");
  });
});
