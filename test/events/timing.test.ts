/** Time: dates read from the text (with their year, Hijri, ranges, "الماضي"), background and the future. */
import { describe, expect, it } from "vitest";
import { analyze } from "../helpers/analyze.js";

const PUB = "2015-08-10"; // a Monday
const when = (text: string) => {
  const e = analyze(text, PUB).events[0];
  return e && { date: e.date, precision: e.date_precision, source: e.date_source, background: e.background, happened: e.happened, planned: e.planned_date };
};

describe("event dates", () => {
  it.each([
    ["سيطرت القوات على مدينة تعز في سبتمبر الماضي.", "2014-09-01", "month", true],
    ["سيطرت القوات على مدينة تعز في يوليو الماضي.", "2015-07-01", "month", false],
    ["سيطرت القوات على مدينة تعز في أغسطس 2014.", "2014-08-01", "month", true],
    ["سيطرت القوات على مدينة تعز في 3 شوال 1436 هـ.", "2015-07-19", "day", false],
    ["دارت اشتباكات في مدينة تعز بين 10 و15 يوليو.", "2015-07-10", "day", false],
    ["سيطرت القوات على مدينة تعز الشهر الماضي.", "2015-07-01", "month", false],
    ["سيطرت القوات على مدينة تعز العام الماضي.", "2014-01-01", "year", true],
    ["سيطرت القوات على مدينة تعز أمس.", "2015-08-09", "day", false],
    // the weekday written with اليوم says which day, within the week before publication (a Monday)
    ["سيطرت القوات على مدينة تعز اليوم الخميس.", "2015-08-06", "day", false],
    // "صلاة الجمعة" names the prayer: the date written after it dates the blast
    ["قتل عشرون شخصا بتفجير مسجد في مدينة الكويت خلال صلاة الجمعة في 26 يونيو.", "2015-06-26", "day", true],
    ["سيطرت القوات على مدينة تعز في 17 يوليو.", "2015-07-17", "day", false],
    ["سيطرت القوات على مدينة تعز في 20 ديسمبر.", "2014-12-20", "day", true],
    ["سيطرت القوات على مدينة تعز في 2013 بعد معارك.", "2013-01-01", "year", true],
    ["1958 - قوات الجيش تسيطر على مدينة بغداد بعد معارك مع الحرس.", "1958-01-01", "year", true],
  ])("%s → %s (%s)", (text, date, precision, background) => {
    expect(when(text)).toMatchObject({ date, precision, source: "text", background, happened: true });
  });

  it("carries a date into the next paragraph, not further", () => {
    const doc = analyze(
      "عنوان\n\nخرج آلاف المتظاهرين أمس الأحد في مدينة بغداد احتجاجا على انقطاع الكهرباء.\n\nوخرجت تظاهرات مماثلة في مدينة البصرة.\n\nوقال مسؤول إن الحكومة ستدرس المطالب.\n\nوفي سياق آخر، خرجت مظاهرة في مدينة الموصل.",
      PUB,
    );
    const dates = Object.fromEntries(doc.events.map((e) => [e.place?.name, e.date]));
    expect(dates).toMatchObject({ بغداد: "2015-08-09", البصرة: "2015-08-09", الموصل: PUB });
  });

  it("takes the publication date when the text gives none, and says so", () => {
    expect(when("سيطرت القوات على مدينة تعز.")).toMatchObject({ date: PUB, precision: "published", source: "published", background: false });
  });

  it("dates no event after its article: a later date is a plan", () => {
    expect(when("تبدأ القوات اقتحام مدينة تعز في سبتمبر المقبل.")).toMatchObject({ date: null, happened: false, planned: "2015-09-01" });
  });

  it("keeps the Hijri date as written", () => {
    const e = analyze("سيطرت القوات على مدينة تعز في 3 شوال 1436 هـ.", PUB).events[0];
    expect([e.date_hijri, e.date_text]).toEqual(["1436-10-03", "3 شوال 1436 هـ"]);
  });
});

describe("an event named again dates the one told before", () => {
  it("a definite event noun with a date and no place of its own", () => {
    const e = analyze("قتل ثلاثة جنود في هجوم على حاجز في مدينة العريش. ووقع الهجوم أمس.", "2015-08-10").events.find((x) => x.type === "armed_clash");
    expect(e).toMatchObject({ date: "2015-08-09", date_source: "text" });
  });
});

// Sentences written for this test.
describe("a weekday with its date written after it", () => {
  it("takes the written date, not the latest such weekday", () => {
    expect(when("وهاجم مسلحون منزلا في قرية دوما فجر الجمعة 31 يوليو الماضي.")?.date).toBe("2015-07-31");
    expect(when("وهاجم مسلحون منزلا في قرية دوما فجر الجمعة الماضي.")?.date).toBe("2015-08-07");
  });
});

describe("a happening reacted to", () => {
  it("without a date of its own is one told before: background, not news of the day", () => {
    expect(when("وأدانت الحكومة الأردنية التفجير الذي استهدف مسجدا في القديح.")).toMatchObject({ background: true });
    expect(when("وأعرب الوزير عن تعازيه عقب الهجوم على حاجز في العريش.")).toMatchObject({ background: true });
  });

  it("dated in its sentence, or told as news, keeps its day", () => {
    expect(when("وأدانت الحكومة الأردنية التفجير الذي استهدف مسجدا في القديح أمس.")).toMatchObject({ date: "2015-08-09", background: false });
    expect(when("قتل عشرون شخصا في تفجير استهدف مسجدا في القديح.")).toMatchObject({ background: false });
  });
});

describe("a reaction's own words", () => {
  it("a present-tense condemnation and a date before the trigger (the reaction's day) still mark the happening as told before", () => {
    expect(when("وقال البيان إن الحكومة تدين التفجير الذي استهدف مسجدا في القديح.")).toMatchObject({ background: true });
    expect(when("ندد الأمين العام للجامعة نبيل العربي الثلاثاء بالقصف التركي في شمال العراق.")).toMatchObject({ background: true });
  });
});

describe("a weekday after a relative day", () => {
  it.each([
    // a paper dated Saturday 8 August 2015 printing a text written on Thursday
    ["قتل خمسة أشخاص في غارة على مدينة صعدة اليوم الخميس.", "2015-08-06"],
    ["قتل خمسة أشخاص في غارة على مدينة صعدة أمس الجمعة.", "2015-08-07"],
    // a weekday far from the day counted leaves that day
    ["قتل خمسة أشخاص في غارة على مدينة صعدة أمس الأحد.", "2015-08-07"],
  ])("%s → %s", (text, date) => {
    expect(analyze(text, "2015-08-08").events[0].date).toBe(date);
  });
});
