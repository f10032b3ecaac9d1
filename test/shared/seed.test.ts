/** The seed article (../shared/seed/homs-2024-12-07.txt) read end to end through the command line. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { built, marsad, type Run } from "../helpers/cli.js";
import { SHARED } from "../helpers/shared.js";

const SEED = join(SHARED, "seed", "homs-2024-12-07.txt");

interface Doc {
  schema: string;
  text: string;
  meta: { title: string; dateline: unknown };
  paragraphs: Array<{ kind: string; start: number; end: number }>;
  sentences: Array<{ start: number; end: number }>;
  tokens: { norm: string[]; pro: string[]; stem: string[] };
}

describe.runIf(existsSync(SEED) && built)("the seed article, end to end", () => {
  // beforeAll, not the describe body: a skipped block still runs its body to collect the tests.
  let run: Run;
  let doc: Doc;
  beforeAll(() => {
    run = marsad(["analyze", SEED, "--published", "2024-12-07"]);
    doc = JSON.parse(run.stdout) as Doc;
  });
  const kinds = (k: string): string[] => doc.paragraphs.filter((p) => p.kind === k).map((p) => doc.text.slice(p.start, p.end));

  it("exits 0 with a document", () => {
    expect(run.code).toBe(0);
    expect(doc.schema).toBe("marsad.document/1");
  });

  it("has its title", () => {
    expect(doc.meta.title).toBe("أحمد الشرع: لن نطارد من ترك السلاح في حمص");
    expect(kinds("title")).toEqual([doc.meta.title]);
  });

  it("has its five subheadings", () => {
    expect(kinds("subheading")).toEqual(["توغل وتمشيط الأحياء", "انسحاب باتفاق", "قادة بالجيش والأمن غادروا مطار الشعيرات", "انسحاب من القصير", "حلب وحماة"]);
  });

  it("sets the dateline apart", () => {
    expect(doc.meta.dateline).toMatchObject({ text: "دبي – العربية.نت", place: "دبي", outlet: "العربية.نت" });
    expect(kinds("paragraph")).not.toContain("دبي – العربية.نت");
  });

  it("has no scraper debris anywhere", () => {
    expect(run.stdout).not.toContain("Exit mobile version");
  });

  it("keeps the quotation sentences whole and segments clitics", () => {
    const sentences = doc.sentences.map((s) => doc.text.slice(s.start, s.end));
    expect(sentences).toContain("حيث قال: “نعيش في اللحظات الأخيرة للسيطرة على حمص”.");
    const t = doc.tokens;
    const at = (w: string): number => t.norm.indexOf(w);
    expect([t.pro[at("والفصائل")], t.stem[at("والفصائل")]]).toEqual(["و+ال", "فصائل"]);
    expect(t.stem[at("بشار")]).toBe("بشار");
    expect(t.stem[at("لبنان")]).toBe("لبنان");
  });
});
