import { describe, expect, it } from "vitest";
import { analyze } from "../helpers/analyze.js";

const quotes = (text: string) => analyze(text).quotes.map((q) => [q.speaker.name, q.text]);
const claims = (text: string) => analyze(text).claims.map((c) => [c.source.name, c.text, c.stance]);

describe("direct quotes", () => {
  it.each([
    ["guillemets", "وقال سامر الخطيب: «سنواصل القتال حتى النهاية».", "سنواصل القتال حتى النهاية"],
    ["curly marks", "وقال سامر الخطيب: “سنواصل القتال حتى النهاية”.", "سنواصل القتال حتى النهاية"],
    ["straight marks", 'وقال سامر الخطيب: "سنواصل القتال حتى النهاية".', "سنواصل القتال حتى النهاية"],
    ["a low opening mark", "وقال سامر الخطيب: „سنواصل القتال حتى النهاية“.", "سنواصل القتال حتى النهاية"],
    ["no marks after a colon", "وقال سامر الخطيب: سنواصل القتال حتى النهاية.", "سنواصل القتال حتى النهاية"],
    ["marks without a colon", "وقال سامر الخطيب «سنواصل القتال حتى النهاية».", "سنواصل القتال حتى النهاية"],
  ])("reads a quote in %s", (_what, text, words) => {
    expect(quotes(text)).toEqual([["سامر الخطيب", words]]);
  });

  it("keeps a quote that runs over several sentences whole", () => {
    expect(quotes("وقال سامر الخطيب: «وصلنا إلى المدينة. لن نغادرها قبل أن يعود الأهالي».")).toEqual([["سامر الخطيب", "وصلنا إلى المدينة. لن نغادرها قبل أن يعود الأهالي"]]);
  });

  it("gives a continuation with no subject (وأضاف، وتابع) to the same speaker", () => {
    const q = analyze("وقال العقيد سامر الخطيب: «الوضع تحت السيطرة». وأضاف: «سنفتح الطريق غدا». وتابع: «لا خوف على المدنيين».").quotes;
    expect(q.map((x) => [x.speaker.name, x.continued])).toEqual([
      ["سامر الخطيب", false],
      ["سامر الخطيب", true],
      ["سامر الخطيب", true],
    ]);
  });

  it("gives حيث قال to the person the sentence before introduced", () => {
    const doc = analyze("ظهر قائد الفصيل حسان العمري في مقطع مصور على تطبيق تليغرام. حيث قال: «اقتربنا من دخول المدينة».");
    expect(doc.quotes.map((q) => [q.speaker.name, q.text])).toEqual([["حسان العمري", "اقتربنا من دخول المدينة"]]);
  });

  it("takes the person after a title as speaker, with the title as role, and the channel", () => {
    const [q] = analyze("وقال مدير المستشفى سامي العلوان لرويترز: «استقبلنا عشرات الجرحى».").quotes;
    expect(q.speaker).toMatchObject({ name: "سامي العلوان", type: "person", role: "مدير المستشفى" });
    expect(q.via).toBe("لرويترز");
    expect(q.verb).toBe("وقال");
  });

  it("reads a verb in any person, gender and tense", () => {
    expect(quotes("وقالت الوزيرة هدى الصالح: «نعمل على حل الأزمة».")).toEqual([["هدى الصالح", "نعمل على حل الأزمة"]]);
    expect(quotes("ويقول سامر الخطيب: «الوضع صعب جدا في القرى».")).toEqual([["سامر الخطيب", "الوضع صعب جدا في القرى"]]);
  });

  it("tells two speakers in one paragraph apart", () => {
    expect(quotes("وقال سامر الخطيب: «الهجوم فشل تماما». في المقابل قال خالد المحمد: «الهجوم حقق أهدافه كاملة».")).toEqual([
      ["سامر الخطيب", "الهجوم فشل تماما"],
      ["خالد المحمد", "الهجوم حقق أهدافه كاملة"],
    ]);
  });

  it("gives a quote to a speaker named only in the previous paragraph", () => {
    const doc = analyze("وقال سامر الخطيب إن القوات تقدمت نحو البلدة.\n\nوأضاف: «لن نتوقف حتى نحرر آخر قرية».");
    expect(doc.quotes.map((q) => [q.speaker.name, q.text])).toEqual([["سامر الخطيب", "لن نتوقف حتى نحرر آخر قرية"]]);
  });

  it("does not take a name or a term in marks for a quote", () => {
    expect(quotes("وقاتلت «جبهة النصرة» إلى جانب فصيل يعرف باسم «الصاعقة» قرب المدينة.")).toEqual([]);
  });

  it("reads the headline form Name: words as a quote, once", () => {
    const doc = analyze("سامر الخطيب: لن ننسحب من المدينة\n\nوقال سامر الخطيب في مؤتمر صحفي: «لن ننسحب من المدينة».");
    expect(doc.quotes.map((q) => [q.speaker.name, q.text])).toEqual([["سامر الخطيب", "لن ننسحب من المدينة"]]);
  });

  it("does not read a place headline as a quote", () => {
    expect(analyze("سوريا: قتلى في قصف على ريف إدلب\n\nقتل خمسة مدنيين في قصف مدفعي.").quotes).toEqual([]);
  });

  it("gives every quote exact offsets", () => {
    const doc = analyze("وقال سامر الخطيب: «سنواصل القتال حتى النهاية».");
    for (const q of doc.quotes) expect(doc.text.slice(q.start, q.end)).toBe(q.text);
  });
});

describe("claims", () => {
  it("reads a claim after a reporting verb and أن, with its source", () => {
    expect(claims("وذكر المرصد السوري لحقوق الإنسان أن القوات انسحبت من البلدة.")).toEqual([["المرصد السوري لحقوق الإنسان", "القوات انسحبت من البلدة", "asserted"]]);
  });

  it.each([
    ["أفادت مصادر محلية أن الطريق أغلق.", "مصادر محلية"],
    ["صرح مصدر بالجيش السوري أن القافلة وصلت.", "مصدر بالجيش السوري"],
    ["كشف ضابط كبير لرويترز أن القادة غادروا المطار.", "ضابط كبير"],
    ["وقال مسؤولون محليون إن المعارك توقفت.", "مسؤولون محليون"],
  ])("names an anonymous source by its descriptor: %s", (text, source) => {
    const [c] = analyze(text).claims;
    expect(c.source).toMatchObject({ name: source, kind: "anonymous" });
  });

  it("keeps the channel of a claim", () => {
    const [c] = analyze("كشف ضابط كبير لرويترز أن القادة غادروا المطار.").claims;
    expect(c.via).toBe("لرويترز");
  });

  it("marks a denial", () => {
    expect(claims("ونفى الجيش التركي أن تكون طائراته قصفت القرية.")[0][2]).toBe("denied");
  });

  it("marks an unconfirmed claim", () => {
    expect(claims("وزعم التنظيم أن مقاتليه أسقطوا طائرة.")[0][2]).toBe("unconfirmed");
  });

  it("reads بحسب and وفقا لـ attributions", () => {
    expect(claims("قتل سبعة مدنيين في القصف، بحسب المرصد السوري لحقوق الإنسان.")).toEqual([["المرصد السوري لحقوق الإنسان", "قتل سبعة مدنيين في القصف", "asserted"]]);
    expect(claims("ووفقا لمصادر طبية، نقل الجرحى إلى المستشفى.")).toEqual([["مصادر طبية", "نقل الجرحى إلى المستشفى", "asserted"]]);
  });

  it("reads نقلا عن with the source it names", () => {
    expect(claims("انسحبت القوات من القرية نقلا عن مصادر عسكرية.")[0].slice(0, 2)).toEqual(["مصادر عسكرية", "انسحبت القوات من القرية"]);
  });

  it("reads قال إن «…» as both a quote and a claim, linked", () => {
    const doc = analyze("وقال سامر الخطيب إن «القوات لن تنسحب من المدينة».");
    expect(doc.quotes.map((q) => q.text)).toEqual(["القوات لن تنسحب من المدينة"]);
    expect(doc.claims.map((c) => [c.source.name, c.quote])).toEqual([["سامر الخطيب", doc.quotes[0].id]]);
  });

  it("reads a quote inside a claim", () => {
    const doc = analyze("وأكد مدير المرصد رامي عبد الرحمن أن الفصائل دخلت المدينة «بعد انسحاب القوات من آخر مواقعها فيها».");
    expect(doc.claims[0].source.name).toBe("رامي عبد الرحمن");
    expect(doc.quotes.map((q) => [q.speaker.name, q.text])).toEqual([["رامي عبد الرحمن", "بعد انسحاب القوات من آخر مواقعها فيها"]]);
  });

  it("gives a subjectless claim to the latest speaker", () => {
    const doc = analyze("كشف ضابط كبير أن القادة غادروا المطار. وأكد أن الفصائل دخلت الأحياء.");
    expect(doc.claims.map((c) => c.source.name)).toEqual(["ضابط كبير", "ضابط كبير"]);
  });

  it("reads a participle (مضيفا أن) as the same speaker going on", () => {
    const doc = analyze("وقال سامر الخطيب إن الطريق مفتوح، مضيفا أن القوافل ستصل غدا.");
    expect(doc.claims.map((c) => [c.source.name, c.text])).toEqual([
      ["سامر الخطيب", "الطريق مفتوح"],
      ["سامر الخطيب", "القوافل ستصل غدا"],
    ]);
  });
});
