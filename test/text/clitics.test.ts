import { describe, expect, it } from "vitest";
import { CliticSegmenter } from "../../src/text/clitics.js";
import type { WordLexicon } from "../../src/text/lexicon.js";
import { normalize } from "../../src/text/normalize.js";

/** A small lexicon written for these tests, so the rules are tested apart from the data files. */
function lexicon(words: string[]): WordLexicon {
  const set = new Set(words.map(normalize));
  return { words: set, has: (w) => set.has(w) };
}

const LEX = lexicon(["حمص", "فصائل", "بشار", "لبنان", "فرانس", "كانون", "وزير", "سيطرة", "أحياء", "قيادة", "جيش", "مستشفى", "أعلنت", "بيت", "تالي", "يعلن", "مدينة", "لحظات", "كتب", "سلاح", "نطارد"]);
const seg = new CliticSegmenter(LEX);
const show = (w: string): string => {
  const s = seg.segment(normalize(w));
  return [s.pro, s.stem, s.enc].filter(Boolean).join(" | ");
};

describe("clitic segmentation", () => {
  it.each([
    ["بحمص", "ب | حمص"],
    ["والفصائل", "و+ال | فصائل"],
    ["وبالجيش", "و+ب+ال | جيش"],
    ["فللسيطرة", "ف+ل+ال | سيطره"],
    ["للسيطرة", "ل+ال | سيطره"],
    ["وسيعلن", "و+س | يعلن"],
    ["كالمدينة", "ك+ال | مدينه"],
    ["وبالتالي", "و+ب+ال | تالي"],
  ])("splits proclitics: %s → %s", (w, expected) => {
    expect(show(w)).toBe(expected);
  });

  it.each(["بشار", "لبنان", "فرانس", "كانون", "وزير", "حمص"])("keeps the known word %s whole", (w) => {
    expect(show(w)).toBe(normalize(w));
  });

  it.each([
    ["أحيائها", "احياء | ها"],
    ["قيادته", "قياده | ه"],
    ["بيتهم", "بيت | هم"],
    ["مستشفاه", "مستشفي | ه"],
    ["وكتبنا", "و | كتب | نا"],
  ])("splits pronoun enclitics when the stem is known: %s → %s", (w, expected) => {
    expect(show(w)).toBe(expected);
  });

  it("splits the article before an unknown stem", () => {
    expect(show("والكوماندوز")).toBe("و+ال | كوماندوز");
  });

  it("takes no pronoun suffix off a word that begins with the article", () => {
    // "الأم" (the mother) and "الإعلام" (the media) are known words, but "الأمني", "الإعلامي" are ال + an adjective
    const known = new CliticSegmenter(lexicon(["الأم", "الإعلام", "إلى"]));
    const cut = (w: string): string => Object.values(known.segment(normalize(w))).filter(Boolean).join(" | ");
    expect(cut("الأمني")).toBe("ال | امني");
    expect(cut("الإعلامي")).toBe("ال | اعلامي");
    // a short word spelled with ال keeps its suffix: "إليهم" is إلى + هم
    expect(cut("إليهم")).toBe("الي | هم");
  });

  it("splits a conjunction و before an unknown stem of three letters or more", () => {
    expect(show("وتقدمت")).toBe("و | تقدمت");
  });

  it("leaves an unknown word whole rather than guess a preposition or a pronoun", () => {
    expect(show("بريطانيا")).toBe("بريطانيا");
    expect(show("كريم")).toBe("كريم");
    expect(show("مبارك")).toBe("مبارك");
  });

  it("never splits a pronoun after the article", () => {
    expect(show("الكتبه")).toBe("ال | كتبه");
  });

  it("needs a future س before a present-tense verb only", () => {
    expect(show("سحمص")).toBe("سحمص");
  });
});
