#!/usr/bin/env node
// Benchmark: Marsad's analyser over the SaudiNewsNet corpus (../shared/corpus/saudinewsnet-2015.jsonl.gz),
// against a bare pass that only splits the same texts on white space, in one run.
// Reading, decompressing and JSON parsing happen before the clock starts, for both passes.
//
//   npm run bench                      # every article, 3 runs, median reported
//   npm run bench -- --limit 5000 --runs 5 --stages text
//
// Prints articles/s and MB/s (UTF-8 bytes of title + content) per pass, and the ratio to the bare pass.
import { readFileSync, existsSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { scriptOptions } from "./options.mjs";

const opt = scriptOptions(import.meta.url, "npm run bench -- [--limit N] [--runs 3] [--stages all|text] [--corpus FILE]", {
  corpus: { type: "string", default: fileURLToPath(new URL("../../shared/corpus/saudinewsnet-2015.jsonl.gz", import.meta.url)) },
  limit: { type: "string" },
  runs: { type: "string", default: "3" },
  stages: { type: "string", default: "all" },
});

if (!existsSync(opt.corpus)) {
  console.error(`bench: corpus not found at ${opt.corpus}; pass --corpus PATH to a JSON Lines file (.gz allowed)`);
  process.exit(3);
}
const dist = new URL("../dist/analyze.js", import.meta.url);
if (!existsSync(fileURLToPath(dist))) {
  console.error("bench: the analyser is not built; run `npm run build` first");
  process.exit(1);
}
const { createAnalyzer, STAGES } = await import(dist.href);
const { Pipeline } = await import(new URL("../dist/pipeline.js", import.meta.url).href);
const { ingest } = await import(new URL("../dist/ingest/index.js", import.meta.url).href);

const raw = readFileSync(opt.corpus);
const lines = (opt.corpus.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8").split("\n").filter(Boolean);
let articles = lines.map((l) => JSON.parse(l)).filter((a) => a.content?.trim());
if (opt.limit) articles = articles.slice(0, Number(opt.limit));
const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.content) + Buffer.byteLength(a.title ?? ""), 0);
const runs = Math.max(1, Number(opt.runs));
console.log(`corpus: ${articles.length} articles, ${(bytes / 1048576).toFixed(1)} MB; ${runs} runs per pass, median reported; node ${process.version}`);

const analyzer = createAnalyzer();
const res = analyzer.resources;

function bare() {
  let n = 0;
  for (const a of articles) {
    n += (a.title ?? "").split(/\s+/).length;
    n += a.content.split(/\s+/).length;
  }
  return n;
}

function pass(stages) {
  const pipeline = Pipeline.build(stages, res);
  return () => {
    let n = 0, failed = 0;
    for (const a of articles) {
      try {
        const doc = pipeline.run(ingest(a.content, { title: a.title, id: a.id, published: a.date_extracted?.slice(0, 10) }, res.ingest));
        n += doc.tokens.length;
      } catch {
        failed++;
      }
    }
    return n + failed * 0;
  };
}

function time(fn) {
  const times = [];
  let out;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    out = fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], all: times, out };
}

const report = (name, t, base) => {
  const aps = articles.length / t.median;
  const mbs = bytes / 1048576 / t.median;
  const ratio = base ? `  ${(t.median / base.median).toFixed(2)}× the bare pass` : "";
  console.log(`${name.padEnd(28)} ${t.median.toFixed(3)} s  ${aps.toFixed(0).padStart(7)} articles/s  ${mbs.toFixed(2).padStart(6)} MB/s${ratio}   (runs: ${t.all.map((x) => x.toFixed(3)).join(", ")})`);
};

pass(STAGES)(); // warm up the JIT and the segmentation cache once, outside the clock
const base = time(bare);
report("bare whitespace split", base);
const textOnly = STAGES.filter((s) => s.name === "text");
report("text layer (ingest + text)", time(pass(textOnly)), base);
if (opt.stages === "all" && STAGES.length > textOnly.length) {
  for (let k = 2; k <= STAGES.length; k++) {
    report(`up to ${STAGES[k - 1].name}`, time(pass(STAGES.slice(0, k))), base);
  }
}
