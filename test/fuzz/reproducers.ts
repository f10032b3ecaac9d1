/**
 * Minimal reproducers: a finding is shrunk (halved while it still fails the same way) and kept in
 * test/fixtures/fuzz/<kind>-<generator>-<seed>/ as input.bin plus case.json, which the fuzz test
 * replays on every `npm test`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { Analyzer } from "../../src/analyze.js";
import { runOne, type Finding } from "./harness.js";

export const REPRO_DIR = new URL("../fixtures/fuzz/", import.meta.url).pathname;

export interface Reproducer {
  dir: string;
  input: Buffer;
  name?: string;
  format?: "auto" | "text" | "html";
  published?: string;
  finding: string;
}

/** Halves the input while the same kind of finding remains (a few rounds: reproducers stay small). */
export function shrink(analyzer: Analyzer, f: Finding): Finding {
  let best = f;
  for (let round = 0; round < 12; round++) {
    const buf = typeof best.input === "string" ? Buffer.from(best.input) : best.input;
    if (buf.length < 64) break;
    let next: Finding | null = null;
    for (const part of [buf.subarray(0, buf.length >> 1), buf.subarray(buf.length >> 1)]) {
      const r = runOne(analyzer, { generator: f.generator, input: Buffer.from(part), name: f.name, format: f.format as "auto" | "text" | "html" | undefined, published: f.published }, f.seed);
      if (typeof r === "object" && r.kind === f.kind) {
        next = r;
        break;
      }
    }
    if (!next) break;
    best = next;
  }
  return best;
}

export function save(f: Finding): string {
  const dir = join(REPRO_DIR, `${f.kind}-${f.generator}-${f.seed}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "input.bin"), typeof f.input === "string" ? Buffer.from(f.input) : f.input);
  writeFileSync(join(dir, "case.json"), JSON.stringify({ kind: f.kind, generator: f.generator, seed: f.seed, name: f.name, format: f.format, published: f.published, finding: f.detail.slice(0, 500) }, null, 2) + "\n");
  return dir;
}

export function savedReproducers(): Reproducer[] {
  if (!existsSync(REPRO_DIR)) return [];
  return readdirSync(REPRO_DIR).filter((d) => existsSync(join(REPRO_DIR, d, "case.json"))).map((d) => {
    const c = JSON.parse(readFileSync(join(REPRO_DIR, d, "case.json"), "utf8")) as Omit<Reproducer, "dir" | "input">;
    return { ...c, dir: d, input: readFileSync(join(REPRO_DIR, d, "input.bin")) };
  });
}
