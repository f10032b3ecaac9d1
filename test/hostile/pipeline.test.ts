/**
 * Issue 18, the pipeline under hostile input: every input gives a valid marsad.document/1 or a
 * one-line refusal a user can act on (a MarsadError that is not an internal error) — never a crash,
 * never an impossible date or number, never output that grows faster than the input.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../../src/analyze.js";
import { EXIT, isMarsadError } from "../../src/errors.js";
import { toJson } from "../../src/output.js";
import { checkDocument } from "../../src/schema.js";
import { resources } from "../helpers/resources.js";

const analyzer = createAnalyzer(resources());
type Opts = Parameters<typeof analyzer.analyze>[1];

/** The document's JSON, after checking it against the schema; throws on a crash. */
function run(input: string | Buffer, opts: Opts = {}) {
  const doc = analyzer.analyze(input, opts);
  const json = toJson(doc);
  expect(checkDocument(JSON.parse(JSON.stringify(json)))).toEqual([]);
  return doc;
}

const SENTENCE = "قال الجيش إن قواته سيطرت على قرية قرب حمص أمس بعد اشتباكات مع مسلحين.";
const page = (head: string, body = `<article><h1>عنوان الخبر</h1><p>${SENTENCE}</p><p>${SENTENCE}</p></article>`) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe("inputs that crashed the pipeline", () => {
  it.each([
    ["plain text named .html", SENTENCE, { name: "article.html" }],
    ["plain text with --format html", `${SENTENCE}\n${SENTENCE}`, { format: "html" as const }],
    ["a lone < in plain text read as HTML", `${SENTENCE} 3 < 5`, { format: "html" as const }],
    ["3,000 nested divs", `<html><body>${"<div>".repeat(3000)}${SENTENCE}${"</div>".repeat(3000)}</body></html>`, { name: "deep.html" }],
    ["3,000 nested spans", `<html><body><p>${"<span>".repeat(3000)}${SENTENCE}${"</span>".repeat(3000)}</p></body></html>`, { name: "deep.html" }],
    ["3,000 unclosed blockquotes", `<html><body>${"<blockquote>".repeat(3000)}${SENTENCE}`, { name: "deep.html" }],
  ])("%s: a document, with its text", (_, input, opts) => {
    const doc = run(input, opts);
    expect(doc.text).toContain("سيطرت على قرية");
  });

  it("a page nested too deep for the DOM is read as text, with a warning", () => {
    const doc = run(`<html><body>${"<div>".repeat(500)}<p>${SENTENCE}</p>${"</div>".repeat(500)}</body></html>`, { name: "deep.html" });
    expect(doc.meta.warnings.join(" ")).toMatch(/nests elements over \d+ deep/);
  });

  it("a page of bare tags is read as text, with a warning, and an ordinary page is not", () => {
    const bare = run(`<html><body>${"<p>".repeat(3000)}${SENTENCE}</body></html>`, { name: "bare.html" });
    expect(bare.meta.warnings.join(" ")).toMatch(/packs \d+ elements into \d+ KB/);
    expect(bare.text).toContain("سيطرت على قرية");
    const ordinary = run(page("", `<article>${`<p>${SENTENCE}</p>`.repeat(1200)}</article>`), { name: "long.html" });
    expect(ordinary.meta.warnings.join(" ")).not.toMatch(/packs/);
  });

  it.each([
    ["a number as headline", { "@type": "NewsArticle", headline: 42, datePublished: "2024-12-07" }],
    ["an object as publisher name", { "@type": "NewsArticle", headline: "x", publisher: { name: { a: 1 } } }],
    ["a number as publisher", { "@type": "NewsArticle", headline: "x", publisher: 7 }],
    ["an object author without a name", { "@type": "NewsArticle", headline: "x", author: { "@type": "Person", url: "u" } }],
    ["an author list of numbers", { "@type": "NewsArticle", headline: "x", author: [1, 2] }],
    ["a @graph that is not a list", { "@graph": 5, headline: "x" }],
  ])("JSON-LD with %s: typed metadata, never a crash or [object Object]", (_, data) => {
    const doc = run(page(ld(data)), { name: "p.html" });
    for (const v of [doc.meta.title, doc.meta.author, doc.meta.site]) {
      expect(v === null || typeof v === "string").toBe(true);
      expect(String(v)).not.toContain("[object");
    }
  });
});

describe("dates and numbers", () => {
  it.each([["2024-02-30"], ["2023-02-29"], ["2024-13-01"], ["0000-00-00"], ["+010000-01-01"], ["أمس"]])("an impossible page date (%s) is dropped, never copied to meta.published", (d) => {
    const doc = run(page(`<meta property="article:published_time" content="${d}">`), { name: "p.html" });
    expect(doc.meta.published).toBeNull();
  });

  it("a real page date is kept", () => {
    expect(run(page(`<meta property="article:published_time" content="2024-02-29T10:00:00Z">`), { name: "p.html" }).meta.published).toBe("2024-02-29");
  });

  it.each([["2200-12-31"], ["1800-01-01"]])("relative dates near the ends of the accepted years (published %s) give real dates or none", (published) => {
    const doc = run("غدا وأمس: قصف الجيش قرية قرب حمص أمس. وفي الغد يقصف الجيش حلب. وقعت اشتباكات في حمص الأسبوع الماضي.", { published });
    for (const e of doc.events) expect(e.date === null || /^\d{4}-\d{2}-\d{2}$/.test(e.date)).toBe(true);
  });

  it("a count over 2^53 is no count", () => {
    const doc = run(`اعتقلت الشرطة ${"9".repeat(30)} شخصا في حمص أمس.`, { published: "2024-12-07" });
    for (const e of doc.events) expect(e.count === null || Number.isSafeInteger(e.count)).toBe(true);
  });
});

describe("bounded output", () => {
  it("a chain of attribution phrases gives output linear in the input", () => {
    const input = "نقلا عن مصدر محلي ".repeat(3000) + ".";
    const doc = run(input);
    expect(JSON.stringify(toJson(doc)).length).toBeLessThan(100_000 + 80 * Buffer.byteLength(input));
  });

  it("a sentence over the token cap is cut, with a warning", () => {
    const doc = run(Array.from({ length: 900 }, () => "قصف").join(" "));
    expect(doc.meta.warnings.join(" ")).toMatch(/sentence runs over \d+ tokens/);
    expect(doc.sentences.length).toBeGreaterThanOrEqual(3);
  });
});

describe("refusals are MarsadErrors a user can act on", () => {
  it.each([
    ["empty", ""],
    ["white space", "  \n\t "],
    ["a PDF", Buffer.from("%PDF-1.4 xxxxx")],
    ["NUL bytes", Buffer.from([0x61, 0, 0x62, 0x63])],
    ["a feed", '<?xml version="1.0"?><rss><channel></channel></rss>'],
  ])("%s", (_, input) => {
    let err: unknown;
    try {
      analyzer.analyze(input);
    } catch (e) {
      err = e;
    }
    expect(isMarsadError(err)).toBe(true);
    expect((err as { exitCode: number }).exitCode).not.toBe(EXIT.internal);
    expect((err as Error).message).not.toContain("\n");
  });

  it.each([["2024-02-30"], ["9999-12-31"], ["0001-01-01"], ["2024-1-1"]])("--published %s is a usage error", (published) => {
    expect(() => analyzer.analyze(SENTENCE, { published })).toThrow(/--published must be a real date/);
  });

  it("--encoding __proto__ is a usage error, not a crash", () => {
    expect(() => analyzer.analyze(Buffer.from(SENTENCE), { encoding: "__proto__" })).toThrow(/unknown encoding/);
    expect(() => analyzer.analyze(Buffer.from(SENTENCE), { encoding: "constructor" })).toThrow(/unknown encoding/);
  });
});

describe("encodings", () => {
  it("UTF-8 with one bad byte stays UTF-8, with the byte replaced and a warning", () => {
    const bytes = Buffer.from(`${SENTENCE}\n\n${SENTENCE}`, "utf8");
    bytes[10] = 0xff;
    const doc = run(bytes);
    expect(doc.meta.encoding).toBe("utf-8");
    expect(doc.text).toContain("سيطرت على قرية");
    expect(doc.meta.warnings.join(" ")).toMatch(/UTF-8 with \d invalid byte/);
  });
});

describe("the schema check", () => {
  const root = new URL("../fixtures/", import.meta.url).pathname;
  const cases = readdirSync(root).filter((d) => readdirSync(join(root, d)).some((f) => f.startsWith("input.")));
  it.each(cases)("fixture %s is valid marsad.document/1", (name) => {
    const input = readdirSync(join(root, name)).find((f) => f.startsWith("input."))!;
    run(readFileSync(join(root, name, input)), { name: input, published: "2024-12-07" });
  });

  it("catches what the shapes cannot: a dangling id, a span out of range, an impossible date", () => {
    const json = JSON.parse(JSON.stringify(toJson(run(SENTENCE, { published: "2024-12-07" }))));
    json.claims.push({ id: "c99", start: 0, end: 99999, text: "x", source: { name: "x", entity: "e404", type: "anonymous", role: null, kind: "anonymous", descriptor: "x" }, verb: null, via: null, stance: "asserted", sentence: 0, quote: "q404" });
    json.meta.published = "2024-02-30";
    const problems = checkDocument(json).join("\n");
    expect(problems).toMatch(/published/);
    json.meta.published = null;
    const again = checkDocument(json).join("\n");
    expect(again).toMatch(/outside the text/);
    expect(again).toMatch(/entity e404 does not exist/);
    expect(again).toMatch(/quote q404 does not exist/);
  });
});
