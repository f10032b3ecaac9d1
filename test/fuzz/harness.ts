/**
 * The fuzz harness: runs generated inputs through the whole analysis in-process and sorts each
 * outcome into ok (a valid marsad.document/1), refused (a MarsadError a user can act on), crash
 * (anything else thrown, or an internal error), invalid (a document the schema check rejects), or
 * slow (over the time budget per size). Also measures how time grows as an input doubles.
 */
import type { Analyzer } from "../../src/analyze.js";
import { EXIT, isMarsadError } from "../../src/errors.js";
import { toJson } from "../../src/output.js";
import { checkDocument } from "../../src/schema.js";
import { GENERATORS, rng, splice, type Generator, type Rng } from "./generators.js";

/** The goal: no input over 1 s per 100 KB (10 ms per KB), with a floor for tiny inputs. */
export const MS_PER_KB = 10;
const FLOOR_MS = 250;
/** Output may not grow faster than the input: at most this many JSON bytes per input byte (plus a base). */
const MAX_OUTPUT_RATIO = 80;

export interface Finding {
  kind: "crash" | "invalid" | "slow" | "bloated";
  generator: string;
  seed: number;
  size: number;
  detail: string;
  input: string | Buffer;
  name?: string;
  format?: string;
  published?: string;
}

export interface FuzzReport {
  inputs: number;
  ok: number;
  refused: number;
  findings: Finding[];
  worstMsPerKb: { generator: string; msPerKb: number; size: number };
  elapsedMs: number;
}

export interface FuzzOptions {
  seed: number;
  n: number;
  /** Largest input, in bytes; sizes are drawn log-uniformly up to it. */
  maxSize: number;
  /** Corpus articles to splice, when ../shared is there. */
  corpus?: string[];
  onProgress?: (done: number) => void;
}

type Case = ReturnType<Generator["make"]> & { generator: string };

function draw(r: Rng, opts: FuzzOptions): { c: Case; size: number } {
  const size = Math.round(Math.exp(r() * Math.log(opts.maxSize)));
  if (opts.corpus?.length && r() < 0.3) {
    const art = opts.corpus[Math.floor(r() * opts.corpus.length)];
    return { c: { generator: "corpus-splice", input: splice(r, art) }, size };
  }
  const g = GENERATORS[Math.floor(r() * GENERATORS.length)];
  return { c: { generator: g.name, ...g.make(r, size) }, size };
}

/** Runs one input; returns the finding it gives, or "ok"/"refused". */
export function runOne(analyzer: Analyzer, c: Case, seed: number): Finding | "ok" | "refused" {
  const bytes = typeof c.input === "string" ? Buffer.byteLength(c.input) : c.input.length;
  const base = { generator: c.generator, seed, size: bytes, input: c.input, name: c.name, format: c.format, published: c.published };
  // CPU time, not wall time: the machine may be shared, and a busy neighbour is no slowness of ours
  const c0 = process.cpuUsage();
  let json: Record<string, unknown>;
  try {
    const doc = analyzer.analyze(c.input, { name: c.name, format: c.format, published: c.published });
    json = toJson(doc);
  } catch (e) {
    if (isMarsadError(e) && e.exitCode !== EXIT.internal) return "refused";
    return { ...base, kind: "crash", detail: (e as Error).stack?.split("\n").slice(0, 3).join(" | ") ?? String(e) };
  }
  const used = process.cpuUsage(c0);
  const ms = (used.user + used.system) / 1000;
  let out: string;
  try {
    out = JSON.stringify(json);
  } catch (e) {
    return { ...base, kind: "bloated", detail: `output cannot be written: ${(e as Error).message}` };
  }
  if (out.length > 100_000 + MAX_OUTPUT_RATIO * bytes) return { ...base, kind: "bloated", detail: `${out.length} bytes of JSON from ${bytes} bytes of input` };
  const problems = checkDocument(JSON.parse(out));
  if (problems.length) return { ...base, kind: "invalid", detail: problems.slice(0, 3).join("; ") };
  if (ms > Math.max(FLOOR_MS, (bytes / 1024) * MS_PER_KB)) return { ...base, kind: "slow", detail: `${ms.toFixed(0)} ms for ${(bytes / 1024).toFixed(1)} KB` };
  return "ok";
}

export function fuzz(analyzer: Analyzer, opts: FuzzOptions): FuzzReport {
  const started = performance.now();
  const report: FuzzReport = { inputs: 0, ok: 0, refused: 0, findings: [], worstMsPerKb: { generator: "", msPerKb: 0, size: 0 }, elapsedMs: 0 };
  for (let k = 0; k < opts.n; k++) {
    const seed = opts.seed * 1_000_003 + k;
    const r = rng(seed);
    const { c } = draw(r, opts);
    const c0 = process.cpuUsage();
    const res = runOne(analyzer, c, seed);
    const used = process.cpuUsage(c0);
    const ms = (used.user + used.system) / 1000;
    const bytes = typeof c.input === "string" ? Buffer.byteLength(c.input) : c.input.length;
    if (bytes >= 10_240 && ms / (bytes / 1024) > report.worstMsPerKb.msPerKb) report.worstMsPerKb = { generator: c.generator, msPerKb: ms / (bytes / 1024), size: bytes };
    report.inputs++;
    if (res === "ok") report.ok++;
    else if (res === "refused") report.refused++;
    else report.findings.push(res);
    opts.onProgress?.(k + 1);
  }
  report.elapsedMs = performance.now() - started;
  return report;
}

/**
 * How time grows as each generator's input doubles: the ratio of the time at 2n to the time at n,
 * for n from `from` to `to` bytes (median of three runs). Linear stages stay near 2; a quadratic one
 * approaches 4.
 */
export function scaling(analyzer: Analyzer, from: number, to: number, generators: readonly Generator[] = GENERATORS): Array<{ generator: string; sizes: number[]; ms: number[]; worstRatio: number; exponent: number | null }> {
  const out = [];
  for (const g of generators) {
    const sizes: number[] = [], ms: number[] = [];
    for (let n = from; n <= to; n *= 2) {
      const c = g.make(rng(7), n);
      const times: number[] = [];
      for (let k = 0; k < 3; k++) {
        const c0 = process.cpuUsage();
        try {
          analyzer.analyze(c.input, { name: c.name, format: c.format, published: c.published });
        } catch {
          // refusals are timed too
        }
        const used = process.cpuUsage(c0);
        times.push((used.user + used.system) / 1000);
      }
      sizes.push(n);
      ms.push(times.sort((a, b) => a - b)[1]);
    }
    let worstRatio = 0;
    // ratios below a few milliseconds are noise
    for (let k = 1; k < ms.length; k++) if (ms[k] > 20) worstRatio = Math.max(worstRatio, ms[k] / Math.max(ms[k - 1], 1));
    out.push({ generator: g.name, sizes, ms: ms.map((x) => Math.round(x)), worstRatio: Math.round(worstRatio * 100) / 100, exponent: growthExponent(sizes, ms) });
  }
  return out;
}

/**
 * The slope of log time over log size (least squares over the points above 20 ms): 1 for linear time,
 * 2 for quadratic. Steadier than one doubling's ratio on a busy machine. Null with fewer than 3 points.
 */
export function growthExponent(sizes: number[], ms: number[]): number | null {
  const pts = sizes.map((s, k) => [Math.log(s), Math.log(ms[k])] as const).filter((_, k) => ms[k] > 20);
  if (pts.length < 3) return null;
  const mx = pts.reduce((a, p) => a + p[0], 0) / pts.length, my = pts.reduce((a, p) => a + p[1], 0) / pts.length;
  const num = pts.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0), den = pts.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
  return Math.round((num / den) * 100) / 100;
}
