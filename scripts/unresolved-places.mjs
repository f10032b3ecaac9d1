#!/usr/bin/env node
// The places the analyser cannot locate, by frequency, over a sample of the corpus: what the gazetteer
// should learn next. Counts every place with lat null (and separately those an event stands on), with
// its kind and one sentence of context when --context is given (for reading, never for committing).
//
//   npm run build && node scripts/unresolved-places.mjs --limit 4000 --top 80
//   node scripts/unresolved-places.mjs --offset 4000 --limit 2000 --events-only
//   node scripts/unresolved-places.mjs --db /tmp/corpus.db --top 200   (the places a store holds, no re-analysis;
//     syndicated copies skipped; adds the stored happened events and stories without coordinates)
import { readFileSync, existsSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { scriptOptions } from "./options.mjs";

const opt = scriptOptions(import.meta.url, "node scripts/unresolved-places.mjs [--limit 4000] [--offset 0] [--top 60] [--events-only] [--context] [--json] [--corpus FILE | --db STORE]", {
  db: { type: "string" },
  corpus: { type: "string", default: fileURLToPath(new URL("../../shared/corpus/saudinewsnet-2015.jsonl.gz", import.meta.url)) },
  limit: { type: "string", default: "4000" },
  offset: { type: "string", default: "0" },
  top: { type: "string", default: "60" },
  "events-only": { type: "boolean", default: false },
  context: { type: "boolean", default: false },
  json: { type: "boolean", default: false },
});

if (opt.db && !existsSync(opt.db)) {
  console.error(`unresolved-places: no store at ${opt.db}; build one with \`marsad ingest CORPUS --db ${opt.db}\``);
  process.exit(3);
}
if (!opt.db && !existsSync(opt.corpus)) {
  console.error(`unresolved-places: corpus not found at ${opt.corpus}; pass --corpus PATH to a JSON Lines file (.gz allowed)`);
  process.exit(3);
}
const dist = new URL("../dist/analyze.js", import.meta.url);
if (!opt.db && !existsSync(fileURLToPath(dist))) {
  console.error("unresolved-places: the analyser is not built; run `npm run build` first");
  process.exit(1);
}

/** The documents to count: analysed from the corpus, or read back from a store (originals only). */
async function* documents() {
  if (opt.db) {
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(opt.db, { readonly: true, fileMustExist: true });
    const { storedDocs } = await import("./stored-docs.mjs");
    for (const { doc } of storedDocs(db)) yield doc;
    db.close();
    return;
  }
  const { createAnalyzer } = await import(dist.href);
  const raw = readFileSync(opt.corpus);
  const lines = (opt.corpus.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8").split("\n").filter(Boolean);
  const offset = Number(opt.offset);
  const analyzer = createAnalyzer();
  for (const l of lines.slice(offset, offset + Number(opt.limit))) {
    const a = JSON.parse(l);
    if (!a.content?.trim()) continue;
    try {
      yield analyzer.analyze(a.content, { title: a.title, id: a.id, published: a.date_extracted?.slice(0, 10) });
    } catch {
      continue;
    }
  }
}

const counts = new Map(); // name → { n, events, kinds, example }
let articles = 0, places = 0, unresolved = 0, eventPlaces = 0, eventUnresolved = 0, events = 0, eventsNoPoint = 0;
const t0 = Date.now();
for await (const doc of documents()) {
  articles++;
  const onEvent = new Set();
  for (const e of doc.events) {
    if (!e.happened || e.background) continue;
    events++;
    if (e.place?.lat == null) eventsNoPoint++;
    if (e.place?.place) onEvent.add(e.place.place);
  }
  for (const p of doc.places) {
    places++;
    const used = onEvent.has(p.id);
    if (used) eventPlaces++;
    if (p.lat !== null) continue;
    unresolved++;
    if (used) eventUnresolved++;
    if (opt["events-only"] && !used) continue;
    const c = counts.get(p.name) ?? { n: 0, events: 0, kinds: new Set(), example: null };
    c.n++;
    if (used) c.events++;
    c.kinds.add(p.kind);
    if (opt.context && !c.example) {
      const ent = doc.entities.find((x) => x.id === p.entity);
      const s = ent?.mentions.find((m) => m.sentence >= 0);
      if (s && doc.sentences?.[s.sentence]) c.example = doc.text.slice(doc.sentences[s.sentence].start, doc.sentences[s.sentence].end).slice(0, 220);
    }
    counts.set(p.name, c);
  }
}
const secs = (Date.now() - t0) / 1000;
const rows = [...counts].sort((x, y) => y[1].events - x[1].events || y[1].n - x[1].n).slice(0, Number(opt.top));
const summary = {
  articles, seconds: Number(secs.toFixed(1)), places, unresolved, unresolved_share: Number((unresolved / Math.max(1, places)).toFixed(4)),
  event_places: eventPlaces, event_places_unresolved: eventUnresolved, happened_events: events, happened_events_without_point: eventsNoPoint,
  events_without_point_share: Number((eventsNoPoint / Math.max(1, events)).toFixed(4)), distinct_unresolved: counts.size,
};
if (opt.db) {
  // what the map leaves off: stored current happenings and stories without a point
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(opt.db, { readonly: true });
  const one = (sql) => db.prepare(sql).get();
  Object.assign(summary, {
    stored_events: one("SELECT count(*) AS n, sum(lat IS NULL) AS none FROM events WHERE happened = 1 AND background = 0"),
    stored_stories: one("SELECT count(*) AS n, sum(lat IS NULL) AS none FROM stories"),
  });
  db.close();
}
if (opt.json) {
  console.log(JSON.stringify({ summary, rows: rows.map(([name, c]) => ({ name, n: c.n, events: c.events, kinds: [...c.kinds] })) }));
} else {
  for (const [name, c] of rows) console.log(`${String(c.n).padStart(4)} ${String(c.events).padStart(3)}  ${name}  [${[...c.kinds].join(",")}]${c.example ? `\n        ${c.example}` : ""}`);
  console.log(JSON.stringify(summary));
}
