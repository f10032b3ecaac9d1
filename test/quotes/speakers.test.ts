/**
 * Speaker resolution (src/quotes/speakers.ts): each rule with sentences written for the test, including
 * the failures seen on unseen news (an outlet taken as speaker, a title taken for the name, a
 * continuation given to an organisation named in between, an agency cited for the article).
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../helpers/analyze.js";

const claims = (text: string) => analyze(text).claims.map((c) => [c.source.name, c.text]);
const quotes = (text: string) => analyze(text).quotes.map((q) => [q.speaker.name, q.text]);

describe("the one spoken to is never the speaker", () => {
  it.each([
    ["an agency attached with ل", "وقال مسؤول كبير في الوزارة لرويترز إن المحادثات توقفت.", "مسؤول كبير في الوزارة", "لرويترز"],
    ["an agency after an anonymous source", "وقال مصدر عسكري لفرانس برس إن الجيش صد الهجوم.", "مصدر عسكري", "لفرانس برس"],
  ])("%s", (_what, text, source, via) => {
    const [c] = analyze(text).claims;
    expect([c.source.name, c.via]).toEqual([source, via]);
  });

  it("keeps a quotation away from the agency named before it", () => {
    const q = quotes("وقال خالد العمر لوكالة فرانس برس في مقابلة «لن نتراجع عن مطالبنا».");
    expect(q.map(([s]) => s)).not.toContain("فرانس برس");
    expect(q.map(([s]) => s)).not.toContain("وكالة فرانس برس");
  });
});

describe("title and name in apposition: the name speaks, the title is its role", () => {
  it("reads a name no list holds after a long title", () => {
    const [c] = analyze("وقال عضو الأمانة العامة لقوى 14 آذار الياس الزغبي لرويترز إن الحكومة عاجزة عن حل الأزمة.").claims;
    expect(c.source.name).toBe("الياس الزغبي");
    expect(c.source.role).toBe("عضو الأمانة العامة لقوى 14 آذار");
    expect(c.via).toBe("لرويترز");
  });

  it.each([
    ["one construct word", "وقال منسق البرنامج هانس مولر إن القوافل وصلت إلى المدينة.", "هانس مولر", "منسق البرنامج"],
    ["two construct words", "وقال نائب مدير الإغاثة بيتر لاندو إن المخازن فرغت.", "بيتر لاندو", "نائب مدير الإغاثة"],
  ])("reads a title in the construct state (%s) and the foreign name after it", (_what, text, source, role) => {
    const [c] = analyze(text).claims;
    expect([c.source.name, c.source.role]).toEqual([source, role]);
  });

  it("takes no ordinary words after a title for a name", () => {
    expect(claims("وقال مدير المستشفى الطبيب المناوب إن الجرحى كثيرون.").map(([s]) => s)).not.toContain("الطبيب المناوب");
  });

  it("gives a second, subjectless verb of the sentence to the speaker the first one named without words", () => {
    const q = quotes("عنوان\n\nقال مسؤول بالمنظمة إن الوضع صعب.\n\nوقال المتحدث باسم الهيئة، كارل برون، قد قال خلال مؤتمر صحفي في جنيف إن \"الطرق مقطوعة\".");
    expect(q).toEqual([["كارل برون", "الطرق مقطوعة"]]);
  });

  it("reads a name set off by commas from its title", () => {
    expect(claims("وقال المتحدث باسم الوزارة، خالد العمر، إن المفاوضات ستستأنف الأسبوع المقبل.")).toEqual([["خالد العمر", "المفاوضات ستستأنف الأسبوع المقبل"]]);
  });
});

describe("continuations chain to the last speaker", () => {
  it("across sentences and paragraphs, past an organisation named in between", () => {
    const doc = analyze("أخبار المدينة اليوم\n\nوقال سامر الخطيب إن قوات الجيش السوري انسحبت من البلدة.\n\nوأكد أن الأهالي بدأوا العودة.\n\nوأضاف أن منظمة الصليب الأحمر أرسلت قافلة مساعدات. وتابع: «الطريق آمن الآن».");
    expect(doc.claims.map((c) => c.source.name)).toEqual(["سامر الخطيب", "سامر الخطيب", "سامر الخطيب"]);
    expect(doc.quotes.map((q) => [q.speaker.name, q.continued])).toEqual([["سامر الخطيب", true]]);
  });

  it("gives a participle the subject of its own sentence, whatever the main verb", () => {
    expect(claims("من جهته، أبدى المدرب سامي العلوان رضاه عن أداء الفريق، مشيرا إلى أن اللاعبين جاهزون للمباراة.")).toEqual([["سامي العلوان", "اللاعبين جاهزون للمباراة"]]);
  });

  it("never takes a name inside the words said for the subject of a continuation", () => {
    const doc = analyze("أخبار اليوم\n\nوقال سامر الخطيب «الوضع هادئ في المدينة».\n\nوأضاف «داعش تشكل الخطر الأكبر على البلاد».");
    expect(doc.quotes.map((q) => q.speaker.name)).toEqual(["سامر الخطيب", "سامر الخطيب"]);
  });

  it("still reads a name in marks as the subject", () => {
    expect(claims("وأفاد «المرصد السوري لحقوق الإنسان» بأن الاشتباكات استمرت حتى الصباح.").map(([s]) => s)).toEqual(["المرصد السوري لحقوق الإنسان"]);
  });

  it("makes a speaker named without readable words the latest one", () => {
    const doc = analyze("أخبار اليوم\n\nقالت مصادر محلية إن القصف توقف.\n\nودعا سامر الخطيب في بيانه الأطراف كافة للتهدئة. وقال «لا بديل عن الحوار».");
    expect(doc.quotes.map((q) => q.speaker.name)).toEqual(["سامر الخطيب"]);
  });

  it("lets a new speaker interrupt the chain", () => {
    const doc = analyze("وقال سامر الخطيب إن الهجوم فشل. في المقابل قال خالد المحمد إن الهجوم نجح. وأضاف أن قواته تقدمت.");
    expect(doc.claims.map((c) => c.source.name)).toEqual(["سامر الخطيب", "خالد المحمد", "خالد المحمد"]);
  });
});

describe("statements speak for the body that issued them", () => {
  it("names the issuing body, and a later bare البيان is the same body", () => {
    const doc = analyze("وقال بيان لوزارة الداخلية إن قوات الأمن اعتقلت عشرة مطلوبين. وأوضح البيان أن العملية استمرت ست ساعات.");
    expect(doc.claims.map((c) => c.source.name)).toEqual(["وزارة الداخلية", "وزارة الداخلية"]);
  });

  it("names a body by its head noun before the organisation", () => {
    expect(claims("أعلنت قيادة الشرطة الاتحادية إحباط محاولة تسلل شرق المدينة.")).toEqual([["قيادة الشرطة الاتحادية", "إحباط محاولة تسلل شرق المدينة"]]);
  });
});

describe("anonymous speakers keep their descriptor", () => {
  it.each([
    ["a military source", "وقال مصدر عسكري إن الطائرات قصفت مواقع المسلحين.", "مصدر عسكري"],
    ["eyewitnesses", "وقال شهود عيان إن الانفجار هز وسط المدينة.", "شهود عيان"],
    ["a source before the verb", "غير أن المراقبين يؤكدون أن الغارات طالت المدنيين.", "المراقبين"],
    ["a descriptor before من أن", "وحذر مصدر رسمي في المحافظة من أن الوضع قد ينفجر.", "مصدر رسمي في المحافظة"],
  ])("%s", (_what, text, source) => {
    expect(analyze(text).claims.map((c) => c.source.name)).toEqual([source]);
  });

  it("a later bare المصدر is the same source", () => {
    const doc = analyze("وقال مصدر أمني إن المسلحين فروا من القرية. وأضاف المصدر أن القوات طاردتهم.");
    expect(doc.claims.map((c) => c.source.name)).toEqual(["مصدر أمني", "مصدر أمني"]);
  });
});

describe("a speaker after the quotation", () => {
  it("finds the speaker named after «…»، قال", () => {
    expect(quotes("«سنعيد بناء كل ما تهدم»، قال سامر الخطيب.")).toEqual([["سامر الخطيب", "سنعيد بناء كل ما تهدم"]]);
  });
});
