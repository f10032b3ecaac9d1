/**
 * Golden fixtures: every folder in test/fixtures holds an input written for Marsad's tests and the
 * expected summary of its analysis. After a deliberate change, regenerate them with
 * `npm run fixtures:update` and review `git diff test/fixtures` before committing.
 */
import { readdirSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/analyze.js";
import { summarize } from "./helpers/summary.js";
import { resources } from "./helpers/resources.js";

const root = new URL("./fixtures/", import.meta.url).pathname;
const update = !!process.env.UPDATE_FIXTURES;
const cases = readdirSync(root).filter((d) => existsSync(join(root, d, update ? "" : "expected.json")) && readdirSync(join(root, d)).some((f) => f.startsWith("input.")));

describe("golden fixtures", () => {
  const analyzer = createAnalyzer(resources());
  it.each(cases)("%s", (name) => {
    const input = readdirSync(join(root, name)).find((f) => f.startsWith("input."))!;
    const doc = analyzer.analyze(readFileSync(join(root, name, input)), { name: input });
    const file = join(root, name, "expected.json");
    if (update) writeFileSync(file, JSON.stringify(summarize(doc), null, 2) + "\n");
    expect(summarize(doc)).toEqual(JSON.parse(readFileSync(file, "utf8")));
  });

  it("has fixtures to check", () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });
});
