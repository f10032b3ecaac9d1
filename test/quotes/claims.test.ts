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

// Sentences written for these tests.
describe("claims on unseen news: where the subject goes on, where the source stands, what a statement says", () => {
  const claimsOf = (text: string) => analyze(text).claims.map((c) => [c.source.name, c.text]);

  it("reads a noun-phrase claim after a subject with its place and its short name in marks", () => {
    const [c, ...rest] = analyze("أعلنت بعثة الأمم المتحدة في ليبيا «أونسميل» مقتل 12 مدنيا في القصف.").claims;
    expect(rest).toEqual([]);
    expect([c.source.name.startsWith("بعثة الأمم المتحدة"), c.text]).toEqual([true, "مقتل 12 مدنيا في القصف"]);
    expect(analyze("أعلنت بعثة الأمم المتحدة في ليبيا «أونسميل» مقتل 12 مدنيا في القصف.").quotes).toEqual([]);
  });

  it("a mission's head needs a proper name after it: a team's delegation is no organisation", () => {
    expect(analyze("وصلت بعثة الفريق الكروي إلى المدينة مساء أمس.").entities.filter((e) => e.type === "ORG")).toEqual([]);
  });

  it("keeps the whole sentence as the claim where the attribution stands in its middle", () => {
    const [c] = analyze("وأدى القصف، بحسب المرصد السوري لحقوق الإنسان، إلى مقتل سبعة مدنيين.").claims;
    expect(c.source.name).toBe("المرصد السوري لحقوق الإنسان");
    expect(c.text).toMatch(/^وأدى القصف.*إلى مقتل سبعة مدنيين$/);
  });

  it("takes what comes before an attribution at the end of the sentence", () => {
    expect(claimsOf("وقتل سبعة مدنيين في القصف حسب المرصد السوري لحقوق الإنسان.")).toEqual([["المرصد السوري لحقوق الإنسان", "وقتل سبعة مدنيين في القصف"]]);
  });

  it("a statement named as the subject is the source of what it says", () => {
    expect(claimsOf("وأشار البيان إلى مقتل عشرين عنصرا من قوات الأمن.")).toEqual([["البيان", "مقتل عشرين عنصرا من قوات الأمن"]]);
  });

  it("a family name that is also a given name stands for the person named in full before it", () => {
    const doc = analyze("وقال مدير المرصد رامي عبدالرحمن إن القتال مستمر. وأدى القصف وفق عبدالرحمن، إلى مقتل أربعة مقاتلين.");
    expect(doc.claims.map((c) => c.source.name)).toEqual(["رامي عبدالرحمن", "رامي عبدالرحمن"]);
  });

  it("but not where it opens another full name", () => {
    const doc = analyze("وقال مدير المرصد رامي عبدالرحمن إن القتال مستمر. والتقى عبدالرحمن الراشد بالوزير أمس.");
    expect(doc.entities.filter((e) => e.type === "PER").map((e) => e.name)).toEqual(["رامي عبدالرحمن", "عبدالرحمن الراشد"]);
  });
});

// Sentences written for these tests.
describe("a role that no name follows speaks as itself", () => {
  const claimsOf = (text: string) => analyze(text).claims.map((c) => [c.source.name, c.text]);

  it.each([
    ["وقال وزير الخارجية المصري إن المفاوضات ستستأنف قريبا.", "وزير الخارجية المصري"],
    ["وأكد رئيس الحكومة العراقية أن الانتخابات ستجرى في موعدها.", "رئيس الحكومة العراقية"],
  ])("%s", (text, source) => {
    expect(claimsOf(text).map(([s]) => s)).toEqual([source]);
  });

  it("a name after the role still speaks, the role its role", () => {
    const [c] = analyze("وأكد وزير الداخلية العراقي محمد الغبان أن التحقيق مستمر.").claims;
    expect([c.source.name, c.source.role]).toEqual(["محمد الغبان", "وزير الداخلية العراقي"]);
  });

  it("a one-word title alone is left to the discourse", () => {
    expect(claimsOf("وقال الرئيس إن الوضع صعب.")).toEqual([]);
  });
});

describe("what stands between the subject and أن", () => {
  it("an agency's initials in brackets ('(د. ب. أ)') are passed whole on the way to أن", () => {
    const d = analyze("عنوان الخبر\n\nوقالت مصادر لوكالة الأنباء الألمانية (د. ب. أ) إن الطيران قصف مواقع المسلحين قرب بعقوبة.");
    expect(d.claims.map((c) => [c.source.name, c.text])).toEqual([["مصادر", "الطيران قصف مواقع المسلحين قرب بعقوبة"]]);
  });

  it("a month named twice with a slash ('في تموز/يوليو') does not end the reach of the verb", () => {
    const d = analyze("عنوان الخبر\n\nوأعلنت أنقرة في تموز/يوليو أنها سمحت للطائرات الأمريكية باستخدام قاعدة إنجرليك.");
    expect(d.claims.map((c) => [c.source.name, c.text])).toEqual([["أنقرة", "سمحت للطائرات الأمريكية باستخدام قاعدة إنجرليك"]]);
  });
});
