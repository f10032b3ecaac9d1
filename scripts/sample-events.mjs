#!/usr/bin/env node
// A seeded random sample of stored events, for judging by hand: is each a real event of its kind that
// its article reports as having happened, and are its type, place, actor, date and source right?
// By default it draws from what the map and the exports show (happened, not background); --all draws
// from every stored event. The sample holds article text, so it is written outside the repository.
//
//   node scripts/sample-events.mjs --db /tmp/corpus.db --n 150 --seed 11 --out /tmp/events.jsonl
import { existsSync, writeFileSync } from "node:fs";
import { scriptOptions } from "./options.mjs";
import Database from "better-sqlite3";
const { mulberry32, shuffle } = await import(new URL("../dist/util/random.js", import.meta.url).href);

const opt = scriptOptions(import.meta.url, "node scripts/sample-events.mjs --db STORE --out FILE [--n 150] [--seed 11] [--all]", {
  db: { type: "string" }, n: { type: "string", default: "150" }, seed: { type: "string", default: "11" }, out: { type: "string" }, all: { type: "boolean", default: false },
});
if (!opt.db || !existsSync(opt.db)) {
  console.error(`sample-events: give the store with --db FILE (${opt.db ?? "none given"} not found)`);
  process.exit(3);
}
if (!opt.out) {
  console.error("sample-events: say where to write the sample with --out FILE (outside the repository)");
  process.exit(2);
}
const db = new Database(opt.db, { readonly: true });
const ids = db.prepare(`SELECT id FROM events ${opt.all ? "" : "WHERE happened = 1 AND background = 0"} ORDER BY id`).pluck().all();
const picked = shuffle(ids, mulberry32(Number(opt.seed))).slice(0, Number(opt.n));
const get = db.prepare("SELECT e.*, a.title, a.source, a.published, a.text AS article_text FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?");
const lines = picked.map((id) => {
  const r = get.get(id);
  const ev = JSON.parse(r.json);
  return JSON.stringify({
    event: id, article: r.article_id, outlet: r.source, published: r.published, title: r.title,
    type: r.type, place: r.place_name, country: r.country, actor: r.actor_name, target: ev.target?.name ?? null, date: r.date, date_precision: r.date_precision,
    modality: r.modality, fatalities: r.fatalities, sources: ev.sources ?? [], sentence: r.sentence, text: r.article_text,
  });
});
writeFileSync(opt.out, lines.join("\n") + "\n");
console.error(`sample-events: ${lines.length} of ${ids.length} events (seed ${opt.seed}) → ${opt.out}`);
