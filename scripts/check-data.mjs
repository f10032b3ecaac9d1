#!/usr/bin/env node
// Validates data/gazetteer and data/actors TSV files: columns, ids, parents, coordinates.
// With ../shared/geo/cities15000.txt beside the repo, also lists built-in places whose coordinates lie
// more than 25 km from every GeoNames place sharing one of their Arabic names (for review only).
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const GAZ_COLS = ["id", "kind", "feature", "name_ar", "variants_ar", "name_en", "country", "admin1", "admin2", "lat", "lon", "population"];
const ACT_COLS = ["id", "type", "category", "subtype", "name_ar", "aliases_ar", "name_en", "country", "affiliation", "role_ar"];
const KINDS = new Set(["country", "admin1", "admin2", "city", "town", "village", "neighbourhood", "region", "facility"]);
const CATS = new Set(["state_forces", "rebel_group", "political_militia", "identity_militia", "external_force", "government", "political_party", "international", "media", "ngo", "civilians", "company", "religious", "other"]);
let errors = 0;
const err = (f, n, m) => { errors++; console.error(`${f}:${n}: ${m}`); };
const norm = (s) => s.normalize("NFKC").replace(/[\u0610-\u061A\u064B-\u065F\u0670\u0640]/g, "").replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627").replace(/\u0649/g, "\u064A").replace(/\u0629/g, "\u0647").trim();

function readTsv(dir, cols) {
  const rows = [];
  if (!existsSync(dir)) return rows;
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".tsv")).sort()) {
    const lines = readFileSync(join(dir, f), "utf8").split("\n");
    let h = 0;
    while (h < lines.length && (!lines[h].trim() || lines[h].startsWith("#"))) h++;
    const header = (lines[h] ?? "").split("\t");
    if (header.join("\t") !== cols.join("\t")) { err(f, 1, `header must be: ${cols.join(" | ")}`); continue; }
    lines.forEach((line, i) => {
      if (i <= h) return;
      if (!line.trim() || line.startsWith("#")) return;
      const cells = line.split("\t");
      if (cells.length !== cols.length) { err(f, i + 1, `${cells.length} fields, expected ${cols.length}`); return; }
      const row = Object.fromEntries(cols.map((c, k) => [c, cells[k].trim()]));
      row._where = `${f}:${i + 1}`;
      rows.push(row);
    });
  }
  return rows;
}

const places = readTsv(join(root, "data/gazetteer"), GAZ_COLS);
const ids = new Map();
for (const p of places) {
  if (ids.has(p.id)) err(p._where, "", `duplicate id ${p.id} (also ${ids.get(p.id)._where})`);
  ids.set(p.id, p);
}
for (const p of places) {
  if (!KINDS.has(p.kind)) err(p._where, "", `unknown kind "${p.kind}"`);
  if (!/[\u0600-\u06FF]/.test(p.name_ar)) err(p._where, "", `name_ar is not Arabic: "${p.name_ar}"`);
  if (p.kind !== "region" && !/^[A-Z]{2}$/.test(p.country)) err(p._where, "", `country must be ISO alpha-2: "${p.country}"`);
  for (const k of ["admin1", "admin2"]) if (p[k] && !ids.has(p[k])) err(p._where, "", `${k} ${p[k]} is not a known id`);
  const lat = Number(p.lat), lon = Number(p.lon);
  if (p.lat !== "" && (!Number.isFinite(lat) || Math.abs(lat) > 90)) err(p._where, "", `bad lat ${p.lat}`);
  if (p.lon !== "" && (!Number.isFinite(lon) || Math.abs(lon) > 180)) err(p._where, "", `bad lon ${p.lon}`);
  if (p.population && !/^\d+$/.test(p.population)) err(p._where, "", `population must be an integer: ${p.population}`);
}
const actors = readTsv(join(root, "data/actors"), ACT_COLS);
const aids = new Map();
for (const a of actors) {
  if (aids.has(a.id)) err(a._where, "", `duplicate id ${a.id}`);
  aids.set(a.id, a);
  if (!["ORG", "PER"].includes(a.type)) err(a._where, "", `type must be ORG or PER: ${a.type}`);
  if (!CATS.has(a.category)) err(a._where, "", `unknown category "${a.category}"`);
}
for (const a of actors) if (a.affiliation && !aids.has(a.affiliation)) err(a._where, "", `affiliation ${a.affiliation} is not a known id`);

const byKind = {};
for (const p of places) byKind[p.kind] = (byKind[p.kind] ?? 0) + 1;
console.log(`gazetteer: ${places.length} places`, byKind);
console.log(`actors: ${actors.length}`);

// Optional review against GeoNames (reference only; nothing from it is written anywhere).
const geonames = join(root, "../shared/geo/cities15000.txt");
if (existsSync(geonames) && process.argv.includes("--geonames")) {
  const byName = new Map();
  for (const line of readFileSync(geonames, "utf8").split("\n")) {
    const c = line.split("\t");
    if (c.length < 9) continue;
    for (const n of c[3].split(",")) if (/[\u0600-\u06FF]/.test(n)) {
      const k = norm(n);
      if (!byName.has(k)) byName.set(k, []);
      byName.get(k).push({ lat: +c[4], lon: +c[5], cc: c[8] });
    }
  }
  const km = (a, b) => { const r = Math.PI / 180, h = Math.sin((b.lat - a.lat) * r / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin((b.lon - a.lon) * r / 2) ** 2; return 12742 * Math.asin(Math.sqrt(h)); };
  let checked = 0, far = 0;
  for (const p of places) {
    if (!["city", "town", "village"].includes(p.kind) || p.lat === "") continue;
    const cands = [p.name_ar, ...p.variants_ar.split("|")].filter(Boolean).flatMap((n) => byName.get(norm(n)) ?? []).filter((g) => g.cc === p.country);
    if (!cands.length) continue;
    checked++;
    const d = Math.min(...cands.map((g) => km(g, { lat: +p.lat, lon: +p.lon })));
    if (d > 25) { far++; console.log(`review ${p._where} ${p.id} ${p.name_ar}: ${d.toFixed(0)} km from the nearest GeoNames place of that name`); }
  }
  console.log(`geonames review: ${checked} places compared, ${far} more than 25 km away`);
}
process.exit(errors ? 1 : 0);
