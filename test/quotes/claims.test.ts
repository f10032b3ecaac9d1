/** Claims beyond "قال إن": noun-phrase claims, prepositional attribution at either end, نقل عن, denials. */
import { describe, expect, it } from "vitest";
import { analyze } from "../helpers/analyze.js";

const claims = (text: string) => analyze(text).claims.map((c) => [c.source.name, c.text, c.stance]);

describe("claims without أن", () => {
  it.each([
    ["a verbal noun after أعلن", "وأعلن الجيش السوري استعادة السيطرة على التلة.", ["الجيش السوري", "استعادة السيطرة على التلة", "asserted"]],
    ["a denial with its stance", "ونفى مصدر أمني وجود أي اتفاق مع المسلحين.", ["مصدر أمني", "وجود أي اتفاق مع المسلحين", "denied"]],
    ["أفاد بـ", "وأفاد المرصد بمقتل خمسة مدنيين في القصف.", ["المرصد", "بمقتل خمسة مدنيين في القصف", "asserted"]],
  ])("%s", (_what, text, expected) => {
    expect(claims(text)).toEqual([expected]);
  });

  it("reads a participle with إلى and a verbal noun after the main claim", () => {
    const doc = analyze("وقال مصدر أمني إن الجيش تقدم، مشيرا إلى سعي الحكومة لفرض الأمن.");
    expect(doc.claims.map((c) => [c.source.name, c.text])).toEqual([
      ["مصدر أمني", "الجيش تقدم"],
      ["مصدر أمني", "سعي الحكومة لفرض الأمن"],
    ]);
  });

  it("does not read a time word or a particle as a claim", () => {
    expect(claims("وأعلن الجيش أمس في مؤتمر صحفي.")).toEqual([]);
  });
});

describe("attribution phrases at either end of the sentence", () => {
  it.each([
    ["at the head", "وبحسب المرصد السوري لحقوق الإنسان، قتل عشرة مقاتلين في المعارك.", "قتل عشرة مقاتلين في المعارك"],
    ["at the end", "قتل عشرة مقاتلين في المعارك، بحسب المرصد السوري لحقوق الإنسان.", "قتل عشرة مقاتلين في المعارك"],
  ])("%s", (_what, text, words) => {
    expect(claims(text)).toEqual([["المرصد السوري لحقوق الإنسان", words, "asserted"]]);
  });

  it("gives نقلت X عن Y to Y, through X", () => {
    const [c] = analyze("ونقلت وكالة رويترز عن مصدر عسكري أن الطائرات قصفت المطار.").claims;
    expect(c.source.name).toBe("مصدر عسكري");
    expect(c.via).toContain("رويترز");
  });
});

describe("a claim points to a quote that exists and overlaps it", () => {
  it("after a headline repeats a body quote", () => {
    const doc = analyze("سامر الخطيب: لن نترك المدينة\n\nوقال سامر الخطيب إن «لن نترك المدينة» مهما حصل. وقال أيضا إن «لن نترك المدينة».");
    const ids = new Set(doc.quotes.map((q) => q.id));
    for (const c of doc.claims) {
      if (c.quote === null) continue;
      expect(ids.has(c.quote)).toBe(true);
      const q = doc.quotes.find((x) => x.id === c.quote)!;
      expect(q.start < c.end && q.end > c.start).toBe(true);
    }
    expect(doc.claims.some((c) => c.quote !== null)).toBe(true);
  });
});

describe("a noun after a verb whose subject is unknown", () => {
  it("is not taken for a claim", () => {
    // the subject here is a name no list holds: the noun phrase after the verb is the subject, not a claim
    expect(claims("وأعلن المدعي العام الاتهامات في المحكمة.").map(([, text]) => text)).not.toContain("المدعي العام الاتهامات في المحكمة");
  });
});
