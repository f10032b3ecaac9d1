/** End-to-end: the `marsad analyze` command as a user runs it (needs `npm run build`, which `npm test` does first). */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { built, marsad } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "marsad-cli-"));
const file = (name: string, content: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const ARTICLE = "قصف مدفعي على أطراف البلدة\n\nتعرضت أطراف البلدة لقصف مدفعي عنيف صباح اليوم، بحسب ما أفاد سكان.\n";

describe.runIf(built)("marsad analyze", () => {
  it("prints one JSON document with every layer, and nothing else on stdout", () => {
    const r = marsad(["analyze", file("a.txt", ARTICLE), "--published", "2024-12-07", "--url", "https://example.com/a", "--id", "a1"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.schema).toBe("marsad.document/1");
    expect(doc.meta).toMatchObject({ id: "a1", url: "https://example.com/a", published: "2024-12-07", title: "قصف مدفعي على أطراف البلدة" });
    for (const k of ["paragraphs", "sentences", "entities", "quotes", "claims", "places", "events"]) expect(Array.isArray(doc[k])).toBe(true);
    expect(doc.tokens.start.length).toBe(doc.tokens.norm.length);
    const i = doc.tokens.norm.indexOf("مدفعي");
    expect(doc.text.slice(doc.tokens.start[i], doc.tokens.end[i])).toBe("مدفعي");
  });

  it("reads standard input with -", () => {
    const r = marsad(["analyze", "-"], ARTICLE);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).meta.title).toBe("قصف مدفعي على أطراف البلدة");
  });

  it("names the document after its file by default", () => {
    const r = marsad(["analyze", file("homs-report.txt", ARTICLE)]);
    expect(JSON.parse(r.stdout).meta.id).toBe("homs-report");
  });

  it.each([
    ["a missing path", () => [join(dir, "nope.txt")], 3, /no such file: .*nope\.txt; check the path/],
    ["a directory", () => [dir], 3, /is a directory; analyze reads one article file/],
    ["an empty file", () => [file("empty.txt", "")], 4, /input is empty/],
    ["binary data", () => [file("x.pdf", Buffer.from("%PDF-1.4\n\x00\x01\x02"))], 4, /binary data \(a PDF file\)/],
    ["a file over the size limit", () => [file("big.txt", "ا".repeat(300_000)), "--max-size", "0.5"], 5, /over the 0.5 MB limit; raise it with --max-size/],
    ["a bad date", () => [file("d.txt", ARTICLE), "--published", "yesterday"], 2, /--published must be a real date as YYYY-MM-DD/],
    ["an unknown option", () => [file("o.txt", ARTICLE), "--frobnicate"], 2, /unknown option '--frobnicate'/],
    ["a bad size", () => [file("s.txt", ARTICLE), "--max-size", "lots"], 2, /give a positive number of megabytes/],
  ] as const)("refuses %s with one line and exit code %i", (_what, args, code, message) => {
    const r = marsad(["analyze", ...args()]);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^marsad: error: /);
  });

  it("analyses text that is not Arabic, with a warning on stderr and exit 0", () => {
    const r = marsad(["analyze", file("en.txt", "A short English note about the weather.")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/marsad: warning: text is not Arabic/);
    expect(JSON.parse(r.stdout).meta.warnings).toHaveLength(1);
  });

  it("documents its options and the exit codes in --help", () => {
    const r = marsad(["analyze", "--help"]);
    expect(r.code).toBe(0);
    for (const s of ["--published", "--url", "--id", "--max-size", "--encoding", "--format", "Exit codes:", "5  input too large"]) expect(r.stdout).toContain(s);
  });

  it("lists its commands in the top-level help", () => {
    const r = marsad(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("analyze");
  });

  it("accepts a legacy-encoded page and reports the encoding", () => {
    const r = marsad(["analyze", new URL("../fixtures/html-1256/input.html", import.meta.url).pathname]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).meta.encoding).toBe("windows-1256");
  });
});

