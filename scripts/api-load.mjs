// The event list under many clients (docs/scale.md): `marsad serve` on a store, and autocannon with
// 200 connections asking GET /api/events with a type and a month's date range. With --distinct the
// limit varies too, so that most answers miss the server's answer cache (1000 entries) and come from
// the database. Prints requests/s and latency percentiles (p95 from every response). After `npm run build`:
//   node scripts/api-load.mjs --db marsad.db|postgres://… [--connections 200] [--seconds 15] [--distinct]
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { scriptOptions } from "./options.mjs";

const o = scriptOptions(import.meta.url, "node scripts/api-load.mjs --db STORE [--connections 200] [--seconds 15] [--distinct] [--port 8791]", {
  db: { type: "string" }, connections: { type: "string", default: "200" }, seconds: { type: "string", default: "15" }, distinct: { type: "boolean", default: false }, port: { type: "string", default: "8791" },
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
const path = () => {
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
console.log(JSON.stringify({ store: o.db.replace(/:[^:@/]*@/, ":***@"), connections: Number(o.connections), seconds: Number(o.seconds), distinct: o.distinct, requests: times.length, perSecond: Math.round(r.requests.average), statuses, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: q(1) }));
