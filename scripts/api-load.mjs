// The event list under many clients (docs/scale.md): `marsad serve` on a store, and autocannon with
// 200 connections asking GET /api/events with a type and a month's date range. With --distinct the
// limit varies too, so that most answers miss the server's answer cache (1000 entries) and come from
// the database. With --mix the filters vary as the workbench's do (country, actor in Arabic or English,
// place, casualties, map view, pages), each request with its own limit: nearly every URL is new.
// Prints requests/s and latency percentiles (p95 from every response). After `npm run build`:
//   node scripts/api-load.mjs --db marsad.db|postgres://… [--connections 200] [--seconds 15] [--distinct | --mix]
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { scriptOptions } from "./options.mjs";

const o = scriptOptions(import.meta.url, "node scripts/api-load.mjs --db STORE [--connections 200] [--seconds 15] [--distinct | --mix] [--port 8791]", {
  db: { type: "string" }, connections: { type: "string", default: "200" }, seconds: { type: "string", default: "15" }, distinct: { type: "boolean", default: false }, mix: { type: "boolean", default: false }, port: { type: "string", default: "8791" },
});
if (!o.db) {
  console.error("api-load: give the store with --db");
  process.exit(2);
}
const server = spawn(process.execPath, ["bin/marsad", "serve", "--db", o.db, "--port", o.port, "--tiles", "none"], { stdio: ["ignore", "ignore", "pipe"] });
await new Promise((resolve, reject) => {
  server.stderr.on("data", (d) => /serving/.test(String(d)) && resolve());
  server.on("exit", (code) => reject(new Error(`the server stopped (exit ${code})`)));
});
const { EVENT_TYPES: TYPES } = await import("../dist/events/index.js");
// what a server does once, on the first reads (English names, the event index, the name catalogs), before the clock starts
for (const warm of ["/api/events?limit=1", "/api/events?limit=1&actor=x&place=y"]) await globalThis.fetch(`http://127.0.0.1:${o.port}${warm}`).then((r) => r.text());
const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
/** The workbench's filters, one to three at a time, on top of a type or a month. */
const MIX = [
  () => `country=${pick(["YE", "SY", "IQ", "SA", "LY", "EG", "YE,SA", "SY,IQ"])}`,
  () => `actor=${encodeURIComponent(pick(["الحوثى", "الحوثيين", "Houthi", "التحالف", "داعش", "ISIS", "الجيش", "Coalition", "قوات الأمن", "المقاومة"]))}`,
  () => `place=${encodeURIComponent(pick(["صنعاء", "صنعا", "Sanaa", "عدن", "Aden", "الرمادي", "Ramadi", "تعز", "حلب", "Aleppo", "بغداد"]))}`,
  () => `min_fatalities=${pick([1, 2, 5, 10])}`,
  () => {
    const lon = 35 + Math.random() * 15, lat = 12 + Math.random() * 22;
    return `bbox=${lon.toFixed(2)},${lat.toFixed(2)},${(lon + 1 + Math.random() * 8).toFixed(2)},${(lat + 1 + Math.random() * 8).toFixed(2)}`;
  },
  () => `offset=${Math.floor(Math.random() * 400)}`,
];
const mixed = () => {
  const m = String(6 + Math.floor(Math.random() * 3)).padStart(2, "0");
  const parts = [Math.random() < 0.5 ? `type=${pick(TYPES)}` : `from=2015-${m}-01&to=2015-${m}-28`];
  const some = [...MIX].sort(() => Math.random() - 0.5).slice(0, 1 + Math.floor(Math.random() * 3));
  for (const f of some) parts.push(f());
  parts.push(`limit=${1 + Math.floor(Math.random() * 100)}`);
  return `/api/events?${parts.join("&")}`;
};
const path = () => {
  if (o.mix) return mixed();
  const m = 1 + Math.floor(Math.random() * 12);
  const mm = String(m).padStart(2, "0");
  const type = TYPES[Math.floor(Math.random() * TYPES.length)];
  const limit = o.distinct ? 1 + Math.floor(Math.random() * 100) : 100;
  return `/api/events?type=${type}&since=2015-${mm}-01&until=2015-${mm}-28&limit=${limit}`;
};
const times = [];
const statuses = {};
const instance = autocannon({
  url: `http://127.0.0.1:${o.port}`,
  connections: Number(o.connections),
  duration: Number(o.seconds),
  requests: [{ setupRequest: (req) => ({ ...req, path: path() }) }],
});
instance.on("response", (_client, status, _bytes, ms) => {
  times.push(ms);
  statuses[status] = (statuses[status] ?? 0) + 1;
});
const r = await instance;
server.kill("SIGTERM");
times.sort((a, b) => a - b);
const q = (p) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * p))] * 10) / 10;
console.log(JSON.stringify({ store: o.db.replace(/:[^:@/]*@/, ":***@"), connections: Number(o.connections), seconds: Number(o.seconds), distinct: o.distinct, mix: o.mix, requests: times.length, perSecond: Math.round(r.requests.average), statuses, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: q(1) }));
