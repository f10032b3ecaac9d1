/**
 * `npm run fuzz`: the long fuzz run. Seeded (FUZZ_SEED, default 1), FUZZ_N inputs (default 2000) up
 * to FUZZ_MAX bytes (default 65536), corpus articles spliced in when ../shared is there. Prints a
 * summary — crashes, invalid outputs, bloated outputs, slow inputs, the worst time per KB, and how
 * time grows as each generator's input doubles — and keeps a minimal reproducer of each crash and
 * invalid output in test/fixtures/fuzz/ (replayed by `npm test`).
 *
 *     FUZZ_N=100000 FUZZ_SEED=7 npm run fuzz
 *
 * FUZZ_SCALE=0 skips the doubling measure; FUZZ_GENERATORS=quote-marks,deep-nesting measures only those.
 */
import { expect, it } from "vitest";
import { createAnalyzer } from "../../src/analyze.js";
import { resources } from "../helpers/resources.js";
import { corpusArticles } from "./corpus.js";
import { fuzz, scaling } from "./harness.js";
import { GENERATORS } from "./generators.js";
import { save, shrink } from "./reproducers.js";

const N = Number(process.env.FUZZ_N ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 1);
const MAX = Number(process.env.FUZZ_MAX ?? 65536);
const ONLY = process.env.FUZZ_GENERATORS?.split(",");
const SCALED = ONLY ? GENERATORS.filter((g) => ONLY.includes(g.name)) : GENERATORS;

it(`fuzz: ${N} inputs, seed ${SEED}, up to ${MAX} bytes`, async () => {
  const analyzer = createAnalyzer(resources());
  const corpus = await corpusArticles();
  let last = Date.now();
  const report = fuzz(analyzer, {
    seed: SEED, n: N, maxSize: MAX, corpus,
    onProgress: (k) => {
      if (Date.now() - last > 10_000) {
        last = Date.now();
        process.stderr.write(`fuzz: ${k}/${N}\n`);
      }
    },
  });
  const count = (kind: string) => report.findings.filter((f) => f.kind === kind).length;
  const summary = {
    inputs: report.inputs, ok: report.ok, refused: report.refused, crashes: count("crash"), invalid: count("invalid"), bloated: count("bloated"), slow: count("slow"),
    worstMsPerKb: { ...report.worstMsPerKb, msPerKb: Math.round(report.worstMsPerKb.msPerKb * 100) / 100 }, corpusArticles: corpus.length, seconds: Math.round(report.elapsedMs / 1000),
  };
  console.log(JSON.stringify(summary));
  const kept = new Set<string>();
  for (const f of report.findings) {
    console.log(`${f.kind} ${f.generator} seed ${f.seed} (${f.size} bytes): ${f.detail.slice(0, 300)}`);
    const key = `${f.kind}:${f.generator}:${f.detail.slice(0, 40)}`;
    if (f.kind !== "slow" && !kept.has(key)) {
      kept.add(key);
      console.log(`  kept in ${save(shrink(analyzer, f))}`);
    }
  }
  if (process.env.FUZZ_SCALE !== "0") {
    for (const r of scaling(analyzer, 16_384, 262_144, SCALED)) console.log(`scaling ${r.generator}: ${r.sizes.map((s, k) => `${s / 1024} KB ${r.ms[k]} ms`).join(", ")}; worst ×${r.worstRatio} per doubling, time ∝ size^${r.exponent ?? "–"}`);
  }
  expect(report.findings.filter((f) => f.kind !== "slow")).toEqual([]);
}, 24 * 3600 * 1000);
