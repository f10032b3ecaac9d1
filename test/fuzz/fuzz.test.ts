/**
 * The short fuzz run of `npm test` (a few seconds): seeded hostile inputs through the whole analysis,
 * none may crash or give an invalid or bloated document; and every reproducer the long run
 * (`npm run fuzz`) kept in test/fixtures/fuzz/ now gives a valid document or a refusal.
 */
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../../src/analyze.js";
import { resources } from "../helpers/resources.js";
import { GENERATORS, rng } from "./generators.js";
import { fuzz, growthExponent, runOne } from "./harness.js";
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

  it("reads the growth of time from sizes: 1 for linear, 2 for quadratic, none below 3 points", () => {
    const sizes = [16, 32, 64, 128, 256];
    expect(growthExponent(sizes, sizes.map((s) => s * 3))).toBeCloseTo(1, 2);
    expect(growthExponent(sizes, sizes.map((s) => s * s))).toBeCloseTo(2, 2);
    expect(growthExponent(sizes, [1, 2, 30, 60, 120])).toBeCloseTo(1, 2);
    expect(growthExponent(sizes, [1, 2, 3, 4, 40])).toBeNull();
  });

  it("a run of colon cues and stray marks grows linearly from 16 to 64 KB and stays under 1 s per 100 KB", () => {
    const g = GENERATORS.find((x) => x.name === "quote-marks")!;
    const cpu = (n: number): number => {
      const c = g.make(rng(3), n);
      analyzer.analyze(c.input, {});
      const t: number[] = [];
      for (let k = 0; k < 3; k++) {
        const c0 = process.cpuUsage();
        analyzer.analyze(c.input, {});
        const u = process.cpuUsage(c0);
        t.push((u.user + u.system) / 1000);
      }
      return t.sort((a, b) => a - b)[1];
    };
    const small = cpu(16_384), large = cpu(65_536);
    // four times the input: linear time gives about 4, a quadratic stage about 16 (it was 14 before
    // colon speech stopped at the next cue and nested marks were capped)
    expect(large / Math.max(small, 10)).toBeLessThan(8);
    expect(large).toBeLessThan(640);
  });

  const kept = savedReproducers();
  it.runIf(kept.length > 0).each(kept.map((k) => [k.dir, k]))("reproducer %s", (_, k) => {
    const r = runOne(analyzer, { generator: k.dir, input: k.input, name: k.name, format: k.format, published: k.published }, 0);
    expect(typeof r === "string" || r.kind === "slow" ? "fine" : `${r.kind}: ${r.detail}`).toBe("fine");
  });
});
