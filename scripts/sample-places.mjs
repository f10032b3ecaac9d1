#!/usr/bin/env node
// A seeded random sample of the located places a store holds (one per draw, originals only), for judging
// by hand whether each point is right: the place's name, kind, gazetteer record, point, geo_precision and
// method, with the sentence that names it. The sample holds article text, so it is written outside the
// repository; keep the verdicts out of it too.
//
//   node scripts/sample-places.mjs --db /tmp/corpus.db --n 30 --seed 17 --out /tmp/places.jsonl
import { existsSync, writeFileSync } from "node:fs";
import { scriptOptions } from "./options.mjs";
import Database from "better-sqlite3";
const { mulberry32, shuffle } = await import(new URL("../dist/util/random.js", import.meta.url).href);

const opt = scriptOptions(import.meta.url, "node scripts/sample-places.mjs --db STORE --out FILE [--n 30] [--seed 17] [--events-only]", {
  db: { type: "string" }, n: { type: "string", default: "30" }, seed: { type: "string", default: "17" }, out: { type: "string" }, "events-only": { type: "boolean", default: false },
});
if (!opt.db || !existsSync(opt.db)) {
  console.error(`sample-places: give the store with --db FILE (${opt.db ?? "none given"} not found)`);
  process.exit(3);
}
if (!opt.out) {
  console.error("sample-places: say where to write the sample with --out FILE (outside the repository)");
  process.exit(2);
}
const db = new Database(opt.db, { readonly: true });
// every located place, as (article, place id); with --events-only, those a current happening stands on
const all = [];
const { storedDoc, storedDocs } = await import("./stored-docs.mjs");
for (const r of storedDocs(db)) {
  const doc = r.doc;
  const used = new Set(doc.events.filter((e) => e.happened && !e.background).map((e) => e.place?.place));
  for (const p of doc.places) if (p.lat !== null && (!opt["events-only"] || used.has(p.id))) all.push([r.id, p.id]);
}
const picked = shuffle(all, mulberry32(Number(opt.seed))).slice(0, Number(opt.n));
const lines = picked.map(([article, pid]) => {
  const doc = storedDoc(db, article);
  const p = doc.places.find((x) => x.id === pid);
  const ent = doc.entities.find((x) => x.id === p.entity);
  const m = ent?.mentions.find((x) => x.sentence >= 0);
  const s = m ? doc.sentences[m.sentence] : null;
  return JSON.stringify({ article, place: p, sentence: s ? doc.text.slice(s.start, s.end) : null });
});
writeFileSync(opt.out, lines.join("\n") + "\n");
console.error(`sample-places: ${lines.length} of ${all.length} located places (seed ${opt.seed}) → ${opt.out}`);
