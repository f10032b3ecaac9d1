import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { resources } from "../helpers/resources.js";

const read = (text: string) => {
  const doc = ingest(text, {}, resources().ingest);
  return { doc, parts: doc.paragraphs.map((p) => [p.kind, doc.text.slice(p.start, p.end)]) };
};

describe("plain-text articles", () => {
  it("takes a first line followed by a blank line as the title", () => {
    const { doc, parts } = read("وزير الصحة يزور المستشفى الجديد\n\nزار وزير الصحة صباح اليوم المستشفى الجديد في المدينة.\n");
    expect(doc.meta.title).toBe("وزير الصحة يزور المستشفى الجديد");
    expect(parts).toEqual([
      ["title", "وزير الصحة يزور المستشفى الجديد"],
      ["paragraph", "زار وزير الصحة صباح اليوم المستشفى الجديد في المدينة."],
    ]);
  });

  it("has no title when the first line runs straight into the text", () => {
    const { doc } = read("زار الوزير المستشفى.\nوالتقى بالأطباء والممرضين.");
    expect(doc.meta.title).toBeNull();
    expect(doc.paragraphs.map((p) => p.kind)).toEqual(["paragraph", "paragraph"]);
  });

  it("marks short lines without final punctuation between paragraphs as subheadings", () => {
    const { parts } = read(
      "العنوان الرئيسي للخبر\n\nالفقرة الأولى من الخبر تتحدث عن الوضع الميداني في المنطقة.\n\nتطورات ميدانية\n\nالفقرة الثانية تتحدث عن المعارك التي دارت ليلا قرب البلدة.\n\nمواقف دولية\n\nالفقرة الثالثة تنقل ردود الفعل على ما جرى.\n",
    );
    expect(parts.map((p) => p[0])).toEqual(["title", "paragraph", "subheading", "paragraph", "subheading", "paragraph"]);
    expect(parts[2][1]).toBe("تطورات ميدانية");
  });

  it("does not take a short line that ends a sentence, or opens a quotation, for a subheading", () => {
    const { parts } = read("العنوان\n\nفقرة أولى طويلة بما يكفي لتكون فقرة في هذا الخبر.\n\nوقال المتحدث:\n\n«سنواصل العمل حتى النهاية مهما كلف الأمر من جهد».\n");
    expect(parts.map((p) => p[0])).toEqual(["title", "paragraph", "paragraph", "paragraph"]);
  });

  it("sets a dateline line apart in meta.dateline and not as a paragraph", () => {
    const { doc, parts } = read("عنوان الخبر\n\nنص الخبر الأول وفيه تفاصيل كثيرة عن الحادث.\n\nالرياض – العربية.نت\n");
    expect(doc.meta.dateline).toMatchObject({ text: "الرياض – العربية.نت", place: "الرياض", outlet: "العربية.نت" });
    expect(doc.text.slice(doc.meta.dateline!.start, doc.meta.dateline!.end)).toBe("الرياض – العربية.نت");
    expect(parts.map((p) => p[1])).not.toContain("الرياض – العربية.نت");
  });

  it.each([
    ["(أ ف ب)", null, "أ ف ب"],
    ["بيروت - رويترز", "بيروت", "رويترز"],
    ["المصدر: صحيفة الحياة", null, "صحيفة الحياة"],
    ["عمّان (بترا)", "عمّان", "بترا"],
  ])("reads the dateline line %s", (line, place, outlet) => {
    const { doc } = read(`عنوان\n\nنص الخبر وفيه ما يكفي من الكلمات ليكون فقرة.\n${line}\n`);
    expect(doc.meta.dateline).toMatchObject({ place, outlet });
    expect(doc.paragraphs).toHaveLength(2);
  });

  it("cuts a dateline that opens the first paragraph out of the paragraph", () => {
    const { doc, parts } = read("القاهرة - رويترز: قال مسؤولون إن الطريق أعيد فتحه.\nوأضافوا أن العمل مستمر.");
    expect(doc.meta.dateline).toMatchObject({ place: "القاهرة", outlet: "رويترز", text: "القاهرة - رويترز:" });
    expect(parts[0][1]).toBe("قال مسؤولون إن الطريق أعيد فتحه.");
  });

  it("cuts an agency in brackets that closes a paragraph", () => {
    const { doc, parts } = read("عنوان\n\nوصل الوفد إلى العاصمة مساء أمس لبدء المحادثات (أ ف ب)\n");
    expect(doc.meta.dateline).toMatchObject({ place: null, outlet: "أ ف ب" });
    expect(parts[1][1]).toBe("وصل الوفد إلى العاصمة مساء أمس لبدء المحادثات");
  });

  it("does not take an ordinary short line for a dateline", () => {
    const { doc } = read("عنوان\n\nفقرة أولى من الخبر فيها كلام كثير.\n\nحلب - حماة\n\nفقرة أخيرة من الخبر فيها كلام كثير.\n");
    expect(doc.meta.dateline).toBeNull();
  });

  it("drops scraper debris and link lines", () => {
    const { doc } = read("عنوان\n\nنص الخبر هنا. رابط الخبر بصحيفة المثال: عنوان الخبر هنا\nشارك\nاقرأ أيضا: خبر آخر لا علاقة له\nExit mobile version\n");
    expect(doc.text).not.toMatch(/Exit mobile version|رابط الخبر|اقرأ أيضا|شارك/);
    expect(doc.text).toContain("نص الخبر هنا.");
  });

  it("normalises Windows line ends without losing words", () => {
    const { parts } = read("عنوان الخبر\r\n\r\nالفقرة الأولى.\r\nالفقرة الثانية.\r\n");
    expect(parts).toEqual([
      ["title", "عنوان الخبر"],
      ["paragraph", "الفقرة الأولى."],
      ["paragraph", "الفقرة الثانية."],
    ]);
  });

  it("warns, but analyses, text that is not Arabic", () => {
    const { doc } = read("This is an English news story about the weather in London today.");
    expect(doc.meta.warnings[0]).toMatch(/not Arabic \(0% of its letters are Arabic\)/);
    expect(doc.paragraphs).toHaveLength(1);
  });

  it.each([
    ["", /input is empty/],
    ["   \n\n  ", /only white space/],
    ["Exit mobile version\n", /no article text/],
    ['<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', /RSS or Atom feed/],
  ])("refuses %j with a message", (input, message) => {
    expect(() => ingest(input, {}, resources().ingest)).toThrow(message);
  });

  it("refuses input over the size limit, naming the flag that raises it", () => {
    expect(() => ingest("ا".repeat(100), { maxBytes: 50 }, resources().ingest)).toThrow(/over the 0.0 MB limit; raise it with --max-size/);
  });

  it("refuses a malformed --published date", () => {
    expect(() => ingest("نص", { published: "7/12/2024" }, resources().ingest)).toThrow(/--published must be a real date as YYYY-MM-DD/);
    expect(() => ingest("نص", { published: "2024-02-30" }, resources().ingest)).toThrow(/YYYY-MM-DD/);
  });
});
