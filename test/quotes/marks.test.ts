/** Quotation marks on unseen news: unclosed marks, quotes in quotes, قائلا/مضيفا, paragraphs. */
import { describe, expect, it } from "vitest";
import { analyze } from "../helpers/analyze.js";

const quotes = (text: string) => analyze(text).quotes.map((q) => [q.speaker.name, q.text]);

describe("quotation marks", () => {
  it("ends an unclosed quotation at the end of its paragraph", () => {
    expect(quotes("أخبار المدينة اليوم\n\nوقال سامر الخطيب: «سنبقى في المدينة حتى النهاية ولن نغادرها.\n\nوفي سياق آخر، انقطعت الكهرباء عن الحي.")).toEqual([["سامر الخطيب", "سنبقى في المدينة حتى النهاية ولن نغادرها"]]);
  });

  it("keeps a quotation inside a quotation in the outer one", () => {
    expect(quotes("وقال سامر الخطيب: «قال لنا الضابط \"ارحلوا الآن\" ثم بدأ القصف على الحي».")).toEqual([["سامر الخطيب", "قال لنا الضابط \"ارحلوا الآن\" ثم بدأ القصف على الحي"]]);
  });

  it("reads قائلا: and stops unmarked speech at مضيفا:", () => {
    expect(quotes("وعلق خالد المحمد على القرار قائلا: القرار ظالم ولن نقبله، مضيفا: سنلجأ إلى القضاء.")).toEqual([
      ["خالد المحمد", "القرار ظالم ولن نقبله"],
      ["خالد المحمد", "سنلجأ إلى القضاء"],
    ]);
  });

  it("does not take an outlet in marks after لـ for a quotation", () => {
    const doc = analyze("وقال النائب رعد الخالدي في تصريح لـ«الشرق الأوسط» إن «الوضع في المحافظة خطير جدا».");
    expect(doc.quotes.map((q) => q.text)).toEqual(["الوضع في المحافظة خطير جدا"]);
    expect(doc.quotes[0].via).toBe("في تصريح لـ«الشرق الأوسط»");
  });

  it("gives the next paragraph's quotation to the same speaker", () => {
    expect(quotes("أخبار المدينة اليوم\n\nوقال سامر الخطيب: «وصلنا إلى أطراف المدينة».\n\n«وسنواصل التقدم حتى نحرر آخر قرية في الريف».")).toEqual([
      ["سامر الخطيب", "وصلنا إلى أطراف المدينة"],
      ["سامر الخطيب", "وسنواصل التقدم حتى نحرر آخر قرية في الريف"],
    ]);
  });
});

describe("cost", () => {
  it("stays linear with many cues in one paragraph", () => {
    const unit = "وقال سامر الخطيب: «الوضع هادئ». وأضاف: «لا جديد»، مضيفا: نعم. ";
    const small = unit.repeat(50);
    const big = unit.repeat(800);
    analyze(small);
    const t0 = performance.now();
    analyze(small);
    const t1 = performance.now();
    analyze(big);
    const t2 = performance.now();
    // sixteen times the text: linear is ~16 times as long, quadratic ~256; the bound leaves room for a busy machine
    expect(t2 - t1).toBeLessThan(Math.max(80 * (t1 - t0), 1500));
  });
});

describe("hostile runs of marks and cues stay linear", () => {
  it("ends unmarked speech after a colon at the next verb of saying with a colon", () => {
    expect(quotes("قال سامر الخطيب: الحي هادئ منذ الصباح قال خالد المحمد: الطريق مفتوح أمام السيارات.")).toEqual([
      ["سامر الخطيب", "الحي هادئ منذ الصباح"],
      ["خالد المحمد", "الطريق مفتوح أمام السيارات"],
    ]);
  });

  it("puts no word inside more than a few nested quotations", async () => {
    const { quotedSpans } = await import("../../src/quotes/marks.js");
    const doc = analyze(`${"« ".repeat(40)}كلمة ${"» ".repeat(40)}`);
    const spans = quotedSpans(doc.text, doc.tokens, 0, doc.tokens.length);
    const word = doc.tokens.findIndex((t) => t.kind === "word");
    const around = spans.filter((q) => q.open < word && q.close > word).length;
    expect(around).toBeGreaterThan(0);
    expect(around).toBeLessThanOrEqual(6);
  });
});
