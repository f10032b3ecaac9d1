/**
 * Word sense: trigger words in another sense are no events (each sentence below is modelled on a real
 * corpus sentence, rewritten), and violent triggers need conflict context in their sentence.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../helpers/analyze.js";

const types = (text: string) => analyze(text, "2015-08-01").events.map((e) => e.type);

describe("other senses of trigger words", () => {
  it.each([
    ["dawn", "وصلت قوات الأمن إلى قرية الحصن فجر اليوم."],
    ["dawn prayer", "أدى المصلون صلاة الفجر في مسجد بمدينة حلب رغم القصف."],
    ["aviation", "أعلنت شركة طيران الخليج إلغاء رحلاتها إلى مطار صنعاء بسبب الأوضاع."],
    ["suspension", "قررت الهيئة إيقاف رحلات الطيران إلى مدينة بنغازي مؤقتا."],
    ["countering", "دعا الملتقى إلى مواجهة التطرف في مدينة بريدة عبر الإعلام."],
    ["submit", "تقدم المحامي بطلب إلى المحكمة في مدينة الموصل."],
    ["editor", "قال رئيس التحرير في مدينة عدن إن الصحيفة ستصدر غدا."],
    ["firefighting", "تمكنت فرق الدفاع المدني من السيطرة على الحريق في مدينة جدة."],
    ["market", "تراجع أسعار النفط في أسواق دبي بنسبة ثلاثة في المئة."],
    ["highly explosive", "ضبطت الشرطة في مدينة الدمام مواد شديدة الانفجار داخل مستودع للمسلحين."],
    ["minefields", "قالت الأمم المتحدة إن حقول الألغام حول مدينة تعز تعيق عودة السكان."],
    ["anti-aircraft", "دمرت المقاومة مدفعا مضادا للطيران تابعا للمسلحين في مدينة قعطبة."],
    ["security aviation", "نقل طيران الأمن جثمان الجندي من مدينة جازان إلى مسقط رأسه."],
    ["festival", "تشهد مدينة أبها تظاهرة ثقافية كبيرة بمناسبة العيد."],
    ["metaphor", "حذر الناشطون من أن السجن في مدينة الخليل يعيش حالة من الانفجار بسبب التضييق."],
    ["ranking", "احتلت المدينة المركز الأول في قائمة المدن الأكثر أمانا في الخليج بعد مكافحة الإرهاب."],
    ["families", "التقى المعتقلون المفرج عنهم أسرهم في مدينة جدة بعد سنوات من الاعتقال."],
    ["a flight leaving", "غادرت طائرة تقل جرحى مطار عدن الدولي صباح أمس متجهة إلى الرياض."],
  ])("%s: %s", (_sense, text) => {
    expect(types(text)).toEqual([]);
  });
});

describe("conflict context", () => {
  it.each([
    ["a traveller leaving a city", "غادر الوزير مدينة شرم الشيخ بعد انتهاء القمة."],
    ["an attack in words", "شن الكاتب هجوما على خصومه في مدينة القاهرة."],
  ])("no event for %s", (_what, text) => {
    expect(types(text)).toEqual([]);
  });

  it.each([
    ["a force", "انسحبت القوات من مدينة الرمادي.", "withdraw"],
    ["a weapon", "تعرضت مدينة جازان لهجوم بقذائف أطلقت من داخل الحدود.", "armed_clash"],
    ["a place at war", "اندلعت مواجهات في مدينة تعز.", "armed_clash"],
    ["a suspect, for an arrest", "ألقت الشرطة القبض على مطلوب في مدينة الدمام.", "arrest"],
  ])("an event with %s", (_what, text, type) => {
    expect(types(text)).toContain(type);
  });
});

describe("the weapon decides the type", () => {
  it.each([
    ["قصفت طائرات التحالف مواقع الحوثيين في مدينة صعدة.", "airstrike"],
    ["قصفت مروحيات الجيش مواقع التنظيم في مدينة الرمادي.", "airstrike"],
    ["قصفت مدفعية الجيش مواقع التنظيم في مدينة الرمادي.", "shelling"],
    ["وشن الجيش عملية عسكرية جوية على مواقع التنظيم في مدينة الرمادي.", "airstrike"],
    ["وبدأ التحالف حملة جوية على مواقع الحوثيين في محافظة صعدة.", "airstrike"],
  ])("%s → %s", (text, type) => {
    expect(types(text)).toEqual([type]);
  });

  it("an airliner is no conflict context", () => {
    expect(types("غادر الوزير مدينة جدة على متن طائرة خاصة.")).toEqual([]);
  });
});

describe("leaving is a withdrawal only for an armed actor of its own", () => {
  it("commanders of the army leaving an air base withdraw", () => {
    expect(types("وقال المصدر إن قادة بالجيش غادروا مطار الشعيرات العسكري في حمص مع اقتراب الفصائل.")).toContain("withdraw");
  });
});

describe("a suicide bomber is conflict context", () => {
  it("فجر انتحاري نفسه in a country at peace", () => {
    expect(types("فجر انتحاري نفسه في مسجد بمدينة أبها أمس.")).toContain("explosion");
  });
});

describe("a stopping is an arrest only when it acts on people", () => {
  it.each([["أوقفت الخطوط الجوية اليمنية رحلاتها من وإلى مطار صنعاء أمس."], ["قررت إدارة الجامعة في مدينة المكلا إيقاف الدراسة بسبب الأوضاع."], ["أعلنت إدارة المهرجان في مدينة ينبع إيقاف عدد من الفعاليات تضامنا مع الجنود."]])("things: %s", (text) => {
    expect(types(text)).not.toContain("arrest");
  });
  it.each([["أوقفت قوة من الجيش في بلدة تعنايل قرب زحلة 23 شخصا."], ["أوقفت الشرطة المتهم في مدينة زحلة أمس."], ["أوقفت الشرطة في مدينة زحلة ثلاثة مطلوبين."]])("people: %s", (text) => {
    expect(types(text)).toContain("arrest");
  });
});

// Sentences written for this test.
describe("أسر before the dead or the wounded is families, not a capture", () => {
  it("makes no abduction of solidarity with the martyrs' families", () => {
    expect(types("ونظم الأهالي وقفة في مدينة أبها تضامنا مع أسر شهداء الواجب.")).not.toContain("abduction");
    expect(types("وأسر مسلحون جنديين في بلدة عرسال.")).toContain("abduction");
  });
});
