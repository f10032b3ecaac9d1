/* global fetch, performance */
// The server under hostile clients, on the loopback only (issue 18): N distinct read-only URLs (heap
// stays bounded) while hostile POSTs of crafted articles run, and the latency of an ordinary client
// meanwhile (p50/p99). Usage, after `npm run build`:
//   node scripts/hostile-server.mjs [--db marsad.db|postgres://…] [--urls 10000] [--posts 4]
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scriptOptions } from "./options.mjs";
import { AnalysisPool } from "../dist/batch/pool.js";
import { buildServer } from "../dist/server/app.js";
import { openStoreAt } from "../dist/store/open.js";

const values = scriptOptions(import.meta.url, "node scripts/hostile-server.mjs [--db STORE] [--urls 10000] [--posts 4]", { db: { type: "string" }, urls: { type: "string", default: "10000" }, posts: { type: "string", default: "4" } });
const store = await openStoreAt(values.db ?? join(mkdtempSync(join(tmpdir(), "marsad-load-")), "m.db"), values.db ? { mustExist: true, readonly: true } : {});
const pool = new AnalysisPool({ workers: 1, timeoutMs: 15_000 });
const app = await buildServer({ store, pool, tiles: null, webRoot: "/nonexistent" });
await app.listen({ port: 0, host: "127.0.0.1" });
const base = `http://127.0.0.1:${app.server.address().port}`;
const hostile = "نقلا عن مصدر محلي قال إن «الجيش قصف حمص» ".repeat(3000);
const posts = Array.from({ length: Number(values.posts) }, () => fetch(`${base}/api/analyze`, { method: "POST", headers: { "content-type": "text/plain" }, body: hostile }).then((r) => r.status));
const heap0 = process.memoryUsage().heapUsed;
const lat = [];
const n = Number(values.urls);
let k = 0;
const worker = async () => {
  while (k < n) {
    const i = k++;
    const t0 = performance.now();
    const r = await fetch(`${base}/api/events?limit=${(i % 200) + 1}&offset=${i}`);
    await r.arrayBuffer();
    lat.push(performance.now() - t0);
  }
};
const t0 = Date.now();
await Promise.all(Array.from({ length: 8 }, worker));
const statuses = await Promise.all(posts);
lat.sort((a, b) => a - b);
const q = (p) => Math.round(lat[Math.min(lat.length - 1, Math.floor(lat.length * p))] * 10) / 10;
console.log(JSON.stringify({ urls: n, seconds: (Date.now() - t0) / 1000, p50: q(0.5), p99: q(0.99), max: q(1), heapGrowthMB: Math.round((process.memoryUsage().heapUsed - heap0) / 1048576), postStatuses: statuses }));
await app.close();
await store.close();
