#!/usr/bin/env node
// A seeded random sample of corpus articles, for hand labelling (topic, "reports a conflict event").
// The sample is written outside the repository: it holds the corpus's text, which is never committed.
//
//   node scripts/sample-articles.mjs --n 200 --seed 7 --out /tmp/sample.jsonl
//
// Same corpus, n and seed → the same articles, in the same order.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { scriptOptions } from "./options.mjs";
const { mulberry32, shuffle } = await import(new URL("../dist/util/random.js", import.meta.url).href);

const opt = scriptOptions(import.meta.url, "node scripts/sample-articles.mjs --out FILE [--n 200] [--seed 7] [--corpus FILE]", {
  corpus: { type: "string", default: fileURLToPath(new URL("../../shared/corpus/saudinewsnet-2015.jsonl.gz", import.meta.url)) },
  n: { type: "string", default: "200" },
  seed: { type: "string", default: "7" },
  out: { type: "string" },
});
if (!existsSync(opt.corpus)) {
  console.error(`sample-articles: corpus not found at ${opt.corpus}; pass --corpus PATH`);
  process.exit(3);
}
if (!opt.out) {
  console.error("sample-articles: say where to write the sample with --out FILE (outside the repository)");
  process.exit(2);
}
const raw = readFileSync(opt.corpus);
const lines = (opt.corpus.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8").split("\n").filter(Boolean);
const picked = shuffle(lines.map((_, k) => k), mulberry32(Number(opt.seed))).slice(0, Number(opt.n));
writeFileSync(opt.out, picked.map((k) => lines[k]).join("\n") + "\n");
console.error(`sample-articles: ${picked.length} articles (seed ${opt.seed}) → ${opt.out}`);
