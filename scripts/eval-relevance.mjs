#!/usr/bin/env node
// Measures the relevance step against hand labels of corpus articles: topic accuracy and a confusion
// table, and precision/recall of "the article reports a conflict event" (Marsad: at least one happened,
// non-background event). Labels are a TSV (id, topic, has_event, event_types, note) kept outside the
// repository with the sample it labels (scripts/sample-articles.mjs).
//
//   node scripts/eval-relevance.mjs --labels /tmp/labels.tsv [--labels more.tsv] [--corpus PATH] [--verbose]
import { readFileSync, existsSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { scriptOptions } from "./options.mjs";

const opt = scriptOptions(import.meta.url, "node scripts/eval-relevance.mjs --labels FILE [--labels FILE …] [--corpus FILE] [--verbose]", {
  corpus: { type: "string", default: fileURLToPath(new URL("../../shared/corpus/saudinewsnet-2015.jsonl.gz", import.meta.url)) },
  labels: { type: "string", multiple: true },
  verbose: { type: "boolean", default: false },
});
if (!opt.labels?.length) {
  console.error("eval-relevance: give at least one --labels FILE (TSV: id, topic, has_event, event_types, note)");
  process.exit(2);
}
for (const f of [opt.corpus, ...opt.labels]) {
  if (!existsSync(f)) {
    console.error(`eval-relevance: ${f} not found`);
    process.exit(3);
  }
}
const { createAnalyzer } = await import(new URL("../dist/analyze.js", import.meta.url).href);
const labels = new Map();
for (const f of opt.labels) {
  for (const line of readFileSync(f, "utf8").split("\n").slice(1)) {
    const [id, topic, has] = line.split("\t");
    if (id) labels.set(id, { topic, has: has === "yes" });
  }
}
const raw = readFileSync(opt.corpus);
const articles = (opt.corpus.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)).filter((a) => labels.has(a.id));
const analyzer = createAnalyzer();
const confusion = new Map();
let tp = 0, fp = 0, fn = 0, tn = 0, right = 0;
for (const a of articles) {
  const gold = labels.get(a.id);
  const doc = analyzer.analyze([a.title, a.content].filter(Boolean).join("\n\n"), { id: a.id, published: a.date_extracted?.slice(0, 10) || undefined });
  const topic = doc.meta.topic?.label ?? "none";
  const events = doc.events.filter((e) => e.happened && !e.background);
  const has = events.length > 0;
  if (topic === gold.topic) right++;
  const key = `${gold.topic} → ${topic}`;
  confusion.set(key, (confusion.get(key) ?? 0) + 1);
  if (has && gold.has) tp++;
  else if (has) fp++;
  else if (gold.has) fn++;
  else tn++;
  if (opt.verbose && has !== gold.has) console.log(`${has ? "extra" : "missed"}\t${a.id}\t${gold.topic}→${topic}\t${events.map((e) => `${e.type}@${e.place?.name ?? "?"}`).join(", ")}`);
}
const p = tp / (tp + fp || 1), r = tp / (tp + fn || 1);
console.log([...confusion.entries()].sort().map(([k, n]) => `  ${k}: ${n}`).join("\n"));
console.log(`articles ${articles.length}; topic accuracy ${(right / articles.length).toFixed(3)}`);
console.log(`has conflict events: P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)} (tp ${tp} fp ${fp} fn ${fn} tn ${tn})`);
