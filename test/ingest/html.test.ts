import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { resources } from "../helpers/resources.js";

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/${name}/input.html`, import.meta.url));

describe("HTML pages", () => {
  it("extracts the article, its metadata and its structure from a UTF-8 page", () => {
    const doc = ingest(fixture("html-utf8"), { name: "page.html" }, resources().ingest);
    expect(doc.meta).toMatchObject({
      format: "html",
      encoding: "utf-8",
      title: "تفجير يستهدف سوقاً شعبياً في بغداد",
      published: "2015-07-28",
      author: "سلمى يوسف",
      site: "موقع الأخبار",
    });
    expect(doc.meta.dateline).toMatchObject({ place: "بغداد", outlet: "أ ف ب" });
    const kinds = doc.paragraphs.map((p) => p.kind);
    expect(kinds).toEqual(["title", "paragraph", "paragraph", "subheading", "paragraph", "paragraph"]);
    expect(doc.text.slice(doc.paragraphs[3].start, doc.paragraphs[3].end)).toBe("تبني الهجوم");
  });

  it("drops navigation, share buttons, related links, cookie notices and footers", () => {
    const doc = ingest(fixture("html-utf8"), {}, resources().ingest);
    for (const debris of ["الرئيسية", "رياضة", "شارك", "تويتر", "اقرأ أيضا", "نقطة تفتيش", "ملفات تعريف الارتباط", "جميع الحقوق محفوظة", "Exit mobile version"]) {
      expect(doc.text).not.toContain(debris);
    }
  });

  it("keeps a <br> as a line break, so the two sentences stay apart", () => {
    const doc = ingest(fixture("html-utf8"), {}, resources().ingest);
    expect(doc.text).toContain("ساعة الذروة.\nوأضاف");
  });

  it("decodes a windows-1256 page from its meta charset", () => {
    const doc = ingest(fixture("html-1256"), {}, resources().ingest);
    expect(doc.meta.encoding).toBe("windows-1256");
    expect(doc.meta.title).toBe("الأمطار تغلق طرقاً في جنوب المملكة");
    expect(doc.meta.dateline).toMatchObject({ place: "أبها", outlet: "واس" });
    expect(doc.text).toContain("أعلنت إدارة الدفاع المدني في منطقة عسير");
    expect(doc.text).not.toMatch(/طباعة|أرسل لصديق|محليات|جميع الحقوق/);
    expect(doc.paragraphs.map((p) => p.kind)).toEqual(["title", "paragraph", "paragraph", "subheading", "paragraph"]);
  });

  it("falls back to the page's paragraphs when no article stands out", () => {
    const html = "<html><body><p>سطر قصير عن خبر محلي.</p></body></html>";
    const doc = ingest(html, {}, resources().ingest);
    expect(doc.text).toContain("سطر قصير عن خبر محلي.");
  });

  it("refuses a page with no text at all", () => {
    expect(() => ingest("<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>", {}, resources().ingest)).toThrow(/no article text found in the page/);
  });
});
