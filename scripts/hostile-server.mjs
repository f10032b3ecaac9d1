/* global fetch, performance */
// The server under hostile clients (issue 18). `marsad serve` runs as a process of its own on the
// loopback; meanwhile 8 hostile connections ask for N distinct read-only URLs (the answer cache must
// stay bounded) and send hostile POSTs of crafted articles (analysis must stay off the event loop),
// while one ordinary client asks for the first page of events every 20 ms. Prints the ordinary
// client's latency (p50/p99/max), the hostile requests' statuses and the server's memory before and
// after. Usage, after `npm run build`:
//   node scripts/hostile-server.mjs [--db marsad.db|postgres://…] [--urls 10000] [--posts 4]
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scriptOptions } from "./options.mjs";

const values = scriptOptions(import.meta.url, "node scripts/hostile-server.mjs [--db STORE] [--urls 10000] [--posts 4]", { db: { type: "string" }, urls: { type: "string", default: "10000" }, posts: { type: "string", default: "4" } });
const marsad = new URL("../bin/marsad", import.meta.url).pathname;
let db = values.db;
if (!db) {
  // an empty store: created by an ingest of nothing, so the server has a database to read
  db = join(mkdtempSync(join(tmpdir(), "marsad-load-")), "m.db");
  const empty = join(tmpdir(), `marsad-empty-${process.pid}.txt`);
  (await import("node:fs")).writeFileSync(empty, "قال الجيش إن قواته سيطرت على قرية قرب حمص أمس.\n");
  await run([marsad, "ingest", empty, "--db", db, "--quiet"]);
}
const port = 20000 + (process.pid % 20000);
const server = spawn(process.execPath, [marsad, "serve", "--db", db, "--port", String(port), "--tiles", "none"], { stdio: ["ignore", "ignore", "pipe"] });
await new Promise((ok, fail) => {
  server.stderr.on("data", (d) => String(d).includes("serving") && ok());
  server.on("exit", (code) => fail(new Error(`marsad serve exited with ${code}`)));
});
const base = `http://127.0.0.1:${port}`;
const rssMB = () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))[1]) / 1024);
await fetch(`${base}/api/events?limit=50`).then((r) => r.arrayBuffer());
const rss0 = rssMB();

const hostile = "نقلا عن مصدر محلي قال إن «الجيش قصف حمص» ".repeat(3000);
const posts = Array.from({ length: Number(values.posts) }, () => fetch(`${base}/api/analyze`, { method: "POST", headers: { "content-type": "text/plain" }, body: hostile }).then((r) => r.status));
const n = Number(values.urls);
let k = 0;
let failed = 0;
const flood = async () => {
  while (k < n) {
    const i = k++;
    const r = await fetch(`${base}/api/events?limit=${(i % 200) + 1}&offset=${i}`);
    if (!r.ok) failed++;
    await r.arrayBuffer();
  }
};
const lat = [];
let flooding = true;
const ordinary = async () => {
  while (flooding) {
    const t0 = performance.now();
    await fetch(`${base}/api/events?limit=50`).then((r) => r.arrayBuffer());
    lat.push(performance.now() - t0);
    await new Promise((ok) => setTimeout(ok, 20));
  }
};
const t0 = Date.now();
const watcher = ordinary();
await Promise.all(Array.from({ length: 8 }, flood));
const statuses = await Promise.all(posts);
flooding = false;
await watcher;
lat.sort((a, b) => a - b);
const q = (p) => Math.round(lat[Math.min(lat.length - 1, Math.floor(lat.length * p))] * 10) / 10;
console.log(JSON.stringify({ urls: n, failed, seconds: (Date.now() - t0) / 1000, ordinaryRequests: lat.length, p50: q(0.5), p99: q(0.99), max: q(1), serverRssMB: { before: rss0, after: rssMB() }, postStatuses: statuses }));
server.kill("SIGTERM");

function run(argv) {
  return new Promise((ok, fail) => spawn(process.execPath, argv, { stdio: "inherit" }).on("exit", (code) => (code === 0 ? ok() : fail(new Error(`${argv.join(" ")} exited with ${code}`)))));
}
