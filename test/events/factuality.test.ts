/** Factuality: events that did not happen are kept with their modality; states and habits give none. */
import { describe, expect, it } from "vitest";
import { analyze } from "../helpers/analyze.js";

const first = (text: string) => {
  const e = analyze(text, "2015-08-01").events[0];
  return e ? { modality: e.modality, happened: e.happened, cue: e.modality_cue?.kind ?? null } : null;
};

describe("modality", () => {
  it.each([
    ["لم تسيطر القوات على مدينة تعز.", "negated", "negation"],
    ["نفى الجيش أن تكون طائراته قد قصفت مدينة صعدة.", "denied", "denial"],
    ["تعتزم القوات اقتحام مدينة الرمادي خلال أيام.", "planned", "plan"],
    ["من المتوقع هجوم القوات على مدينة تكريت.", "planned", "expectation"],
    ["يستعد الجيش لشن غارات على مواقع التنظيم في مدينة الرقة.", "planned", "preparation"],
    ["دعا المجلس إلى قصف مواقع التنظيم في مدينة الرقة.", "planned", "call"],
    ["هدد الحوثيون بقصف مدينة نجران بالصواريخ.", "threatened", "threat"],
    ["إذا سيطر التنظيم على مدينة الحسكة فإن الوضع سيتغير.", "hypothetical", "condition"],
    ["هل تقصف الطائرات مدينة الرقة مرة أخرى؟", "hypothetical", "question"],
    ["سمحت أنقرة للطائرات العسكرية بشن غارات على مواقع التنظيم في مدينة الرقة.", "hypothetical", "permission"],
    ["حاولت الميليشيات اقتحام مدينة مأرب.", "hypothetical", "attempt"],
    ["ستسيطر القوات على مدينة سرت قريبا.", "planned", "future"],
    ["لا تريد أنقرة للقوات الكردية أن تتقدم نحو مدينة جرابلس.", "planned", "aim"],
    ["أبدت امتناع الحكومة عن دخول المراقبين إلى مدينة حلب.", "negated", "negation"],
    // prevented or foiled: nothing happened
    ["قال الوزير إن أجهزة الأمن ساعدت على منع وقوع تفجيرات في مدينة جدة.", "negated", "negation"],
    ["وتمكنت قوات الأمن من إحباط هجوم انتحاري على مسجد في مدينة الدمام.", "negated", "negation"],
    // a noun in the complement of a subjunctive verb names what may be
    ["ويتوقع محللون أن يؤدي الخلاف بين الحلفاء إلى حسم معركة مدينة تعز.", "planned", "subjunctive"],
    // a noun in the complement of a future verb, or with a future time after it
    ["وأكد القائد أن مقاتلي المقاومة الشعبية سيخوضون معركة تحرير مدينة زنجبار.", "planned", "future"],
    ["وأبدى الأهالي أملهم في تحرير مدينة الفلوجة في القريب العاجل.", "planned", "future"],
    ["وتنتظر الفصائل معركة السيطرة على مدينة إدلب خلال الأيام القليلة المقبلة.", "planned", "future"],
    // refusing, drawing near to or being about to: not done
    ["رفض سكان القرى النزوح من مدينة حجة رغم القصف.", "negated", "negation"],
    ["وتحدث القائد عن اقتراب قواته من تحرير مدينة جعار.", "planned", "expectation"],
    ["باتت القوات على وشك السيطرة على مدينة الرمادي.", "planned", "expectation"],
  ])("%s → %s (%s)", (text, modality, cue) => {
    expect(first(text)).toEqual({ modality, happened: false, cue });
  });

  it.each([
    ["سيطرت القوات على مدينة تعز أمس."],
    // a future verb before a definite noun does not make the happening it names a future one
    ["وقال القائد إنه سيرد على الهجوم الذي شنه المسلحون على مدينة العريش أمس."],
    ["لا تزال الاشتباكات مستمرة في مدينة تعز بين المقاومة والميليشيات."],
    ["قتل ثلاثة أشخاص في محاولة اغتيال مسؤول في مدينة عدن."],
    // لـ after a word that takes it as a complement: the event happened
    ["تعرضت نقطة للجيش في مدينة العريش أمس لهجوم شنه مسلحون."],
    ["أعرب الوزير عن استنكاره للتفجير الذي استهدف مسجدا في مدينة القطيف أمس."],
    ["اضطرت الميليشيات للانسحاب من مدينة الحوطة بعد معارك مع المقاومة."],
    // a clause of time tells what did happen, whatever governs the sentence
    ["قالت الولاية إنها لن تسمح بأي تجمع بعد أن قتل انتحاري عشرة أشخاص في بلدة سروج."],
    // "أن" before a noun is a claim's complement, not a subjunctive
    ["وأكدت مصادر أن تنظيم داعش سيطر على بلدة القريتين أمس."],
  ])("%s → happened", (text) => {
    expect(first(text)).toMatchObject({ happened: true });
  });
});

describe("states and habits give no event", () => {
  it.each([
    ["بلغ عدد المدنيين في المناطق الخاضعة لسيطرة التنظيم في مدينة الرقة مئات الآلاف."],
    ["تقع مدينة الحزم تحت سيطرة الحوثيين منذ أشهر."],
    ["وحدات الحماية التي تسيطر على مدينة القامشلي لا تثق بالحكومة."],
    ["قصفت المدفعية أحياء مدينة درعا الخاضعين لسيطرة المعارضة."],
    ["قال قائد الجبهة إن الوضع في مطار عدن تحت السيطرة."],
  ])("%s", (text) => {
    expect(analyze(text, "2015-08-01").events.filter((e) => e.type === "seize_control")).toEqual([]);
  });

  it.each([
    ["displacement", "بدأت عودة النازحين إلى مدينة الرمادي بعد انتهاء المعارك فيها."],
    ["abduction", "طالبت أهالي المختطفين في مدينة تعز بالإفراج عن أبنائهم من سجون المسلحين."],
  ])("a participle names the people: %s", (type, text) => {
    expect(analyze(text, "2015-08-01").events.filter((e) => e.type === type)).toEqual([]);
  });
});

describe("a verbal noun after لـ is an aim", () => {
  it.each([["زحفت قوات المقاومة نحو مدينة الضالع لتحريرها من المسلحين."], ["تحشد الفصائل مقاتليها في ريف حماة للسيطرة على مدينة محردة."]])("%s", (text) => {
    const seize = analyze(text, "2015-08-01").events.filter((e) => e.type === "seize_control");
    expect(seize.map((e) => [e.modality, e.happened, e.modality_cue?.kind])).toEqual([["planned", false, "purpose"]]);
  });
});

describe("an aim is shared by the nouns joined to it", () => {
  it("لـ + verbal noun, و + verbal noun", () => {
    const events = analyze("تقدمت قوات الجيش في محافظة لحج لاستعادة مدينة الحوطة وبسط السيطرة عليها.", "2015-08-01").events;
    const seize = events.filter((e) => e.type === "seize_control");
    expect(seize.length).toBeGreaterThan(0);
    expect(seize.every((e) => !e.happened && e.modality === "planned")).toBe(true);
  });
});

describe("a one-off happening named by its place, without a date, is one told before", () => {
  it("marks it background, unless its sentence announces it or the headline tells it", () => {
    const told = analyze("عنوان\n\nوزار الوزير المدينة بعد أسبوعين من تحرير عدن من الميليشيات.", "2015-08-04").events;
    expect(told.map((e) => [e.place?.name, e.background])).toEqual([["عدن", true]]);
    const news = analyze("عنوان\n\nوأعلنت الحكومة تحرير عدن من الميليشيات.", "2015-08-04").events;
    expect(news.map((e) => [e.place?.name, e.background])).toEqual([["عدن", false]]);
  });

  it("marks background a happening told as earlier ('وكانت … تمكنت'), unless its sentence dates it", () => {
    const told = analyze("عنوان\n\nوكانت المقاومة الشعبية تمكنت من تحرير قاعدة العند الجوية بمحافظة لحج.", "2015-08-04").events;
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((e) => e.background)).toBe(true);
    const dated = analyze("عنوان\n\nوكانت المقاومة الشعبية قد سيطرت أمس على قاعدة العند الجوية بمحافظة لحج.", "2015-08-04").events;
    expect(dated.map((e) => [e.date, e.background])).toEqual([["2015-08-03", false]]);
  });
});

