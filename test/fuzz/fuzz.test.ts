/**
 * The short fuzz run of `npm test` (a few seconds): seeded hostile inputs through the whole analysis,
 * none may crash or give an invalid or bloated document; and every reproducer the long run
 * (`npm run fuzz`) kept in test/fixtures/fuzz/ now gives a valid document or a refusal.
 */
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../../src/analyze.js";
import { resources } from "../helpers/resources.js";
import { GENERATORS, rng } from "./generators.js";
import { fuzz, runOne } from "./harness.js";
import { savedReproducers } from "./reproducers.js";

const analyzer = createAnalyzer(resources());

describe("fuzz", () => {
  it("seeded hostile inputs: no crash, no invalid or bloated output", () => {
    const report = fuzz(analyzer, { seed: 18, n: 80, maxSize: 6000 });
    expect(report.findings.filter((f) => f.kind !== "slow").map((f) => `${f.kind} ${f.generator} seed ${f.seed}: ${f.detail}`)).toEqual([]);
    expect(report.ok).toBeGreaterThan(40);
  });

  it.each(GENERATORS.map((g) => [g.name]))("generator %s yields a valid document or a refusal at 4 KB", (name) => {
    const g = GENERATORS.find((x) => x.name === name)!;
    const c = g.make(rng(1), 4096);
    const r = runOne(analyzer, { generator: name, ...c }, 1);
    expect(typeof r === "string" || r.kind === "slow" ? "fine" : `${r.kind}: ${r.detail}`).toBe("fine");
  });

  const kept = savedReproducers();
  it.runIf(kept.length > 0).each(kept.map((k) => [k.dir, k]))("reproducer %s", (_, k) => {
    const r = runOne(analyzer, { generator: k.dir, input: k.input, name: k.name, format: k.format, published: k.published }, 0);
    expect(typeof r === "string" || r.kind === "slow" ? "fine" : `${r.kind}: ${r.detail}`).toBe("fine");
  });
});
