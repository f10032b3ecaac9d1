/**
 * The basemap's place names, derived at build time from Marsad's own gazetteer (data/gazetteer, written
 * by the project: docs in data/README.md) into one small file the app loads after its first paint. Each
 * label carries a rank that says from which zoom it shows: countries first, then capitals and large
 * cities, then towns and villages. Only the countries the gazetteer covers in detail (one file each) are
 * labelled down to their towns; capitals and large cities elsewhere (world-cities.tsv) come too.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** [Arabic name, English name, lat, lon, rank]. */
export type Label = [string, string, number, number, number];

/** Population from which a city ranks 1 (with capitals) and 2; other cities rank 3, towns 4, villages 5. */
const BIG = 1_000_000;
const LARGE = 300_000;

export function rank(kind: string, feature: string, population: number): number | null {
  if (kind === "country") return 0;
  if (kind !== "city" && kind !== "town" && kind !== "village") return null;
  if (feature === "capital" || population >= BIG) return 1;
  if (population >= LARGE) return 2;
  return kind === "city" ? 3 : kind === "town" ? 4 : 5;
}

/** Every label of the gazetteer in `dir`, most important first. */
export function gazetteerLabels(dir: string): Label[] {
  const files = readdirSync(dir).filter((f) => f.endsWith(".tsv"));
  const detailed = new Set(files.filter((f) => /^[a-z]{2}\.tsv$/.test(f)).map((f) => f.slice(0, 2).toUpperCase()));
  const out: Label[] = [];
  for (const file of files) {
    const lines = readFileSync(join(dir, file), "utf8").split("\n");
    const head = lines[0].split("\t");
    const col = (name: string) => head.indexOf(name);
    const [kindC, featC, arC, enC, ccC, latC, lonC, popC] = ["kind", "feature", "name_ar", "name_en", "country", "lat", "lon", "population"].map(col);
    for (const line of lines.slice(1)) {
      if (!line || line.startsWith("#")) continue;
      const f = line.split("\t");
      const lat = Number(f[latC]), lon = Number(f[lonC]);
      if (!f[latC] || !f[lonC] || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
      const r = rank(f[kindC], f[featC], Number(f[popC]) || 0);
      if (r === null) continue;
      // countries outside the covered region are left to the outlines
      if (r === 0 && !detailed.has(f[ccC])) continue;
      out.push([f[arC], f[enC], Math.round(lat * 1000) / 1000, Math.round(lon * 1000) / 1000, r]);
    }
  }
  return out.sort((a, b) => a[4] - b[4]);
}
