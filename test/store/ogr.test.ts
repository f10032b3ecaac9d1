import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { dataPath } from "../../src/data-dir.js";
import { writeExport } from "../../src/store/export.js";
import { exportContext } from "../helpers/export.js";
import { store, tempSqlite } from "../helpers/store.js";

// GDAL is a system package, not an npm one: the conversions are checked where it is installed
const ogr = spawnSync("ogr2ogr", ["--version"], { encoding: "utf8" }).status === 0;
const skipped = ogr ? "" : " (skipped: GDAL's ogr2ogr is not installed; apt-get install gdal-bin)";
if (!ogr) console.warn(`GIS conversion tests${skipped}`);

type Props = Record<string, string | number | null>;
type Fc = { features: Array<{ id?: number; properties: Props; geometry: { coordinates: number[] } }> };

/** Runs ogr2ogr; GDAL prints its warnings on standard error, which must stay empty. */
function ogr2ogr(args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync("ogr2ogr", args, { encoding: "utf8" });
  return { status: r.status, stderr: r.stderr };
}
const readBack = (file: string): Fc => JSON.parse(spawnSync("ogr2ogr", ["-f", "GeoJSON", "/vsistdout/", file], { encoding: "utf8", maxBuffer: 64 << 20 }).stdout) as Fc;

describe.skipIf(!ogr)(`GeoJSON to GeoPackage and Shapefile with GDAL${skipped}`, () => {
  let fc = { features: [] } as unknown as Fc;
  const dir = mkdtempSync(join(tmpdir(), "marsad-ogr-"));
  const geojson = join(dir, "events.geojson");
  beforeAll(async () => {
    const db = tempSqlite();
    // written for the tests: an air strike, a takeover with a toll and several parties, a protest
    await store(db, "قتل خمسة أشخاص في غارات التحالف على مدينة صعدة مساء الجمعة.", { published: "2024-12-06", source: "aawsat" });
    await store(db, "سيطر الحوثيون على مدينة عمران يوم الثلاثاء بعد معارك مع قوات الجيش اليمني أسفرت عن مقتل عشرين شخصا.", { published: "2024-12-04", source: "okaz" });
    await store(db, "تظاهر مئات الطلاب أمام مبنى المحافظة في مدينة تعز يوم الخميس احتجاجا على انقطاع الكهرباء.", { published: "2024-12-06" });
    let out = "";
    writeExport("geojson", await db.stories({ happened: true }), (c) => (out += c), exportContext());
    await db.close();
    fc = JSON.parse(out) as Fc;
    // a note longer than a Shapefile cell (254 bytes), as long stories with many sources have
    fc.features[0].properties.notes = `${fc.features[0].properties.notes} ${"More reports named further places and parties. ".repeat(12)}`.trim();
    writeFileSync(geojson, JSON.stringify(fc));
  });

  it("converts to a GeoPackage without a warning, every feature and field kept", () => {
    const gpkg = join(dir, "events.gpkg");
    expect(ogr2ogr(["-f", "GPKG", gpkg, geojson])).toEqual({ status: 0, stderr: "" });
    const back = readBack(gpkg);
    expect(back.features).toHaveLength(fc.features.length);
    fc.features.forEach((f, k) => {
      const p = back.features[k].properties;
      for (const [name, v] of Object.entries(f.properties)) {
        // dates come back as GDAL writes them; the instant is the same
        if (name === "first_seen") expect(Date.parse(String(p[name]))).toBe(Date.parse(String(v)));
        else expect(p[name], name).toEqual(v);
      }
      expect(back.features[k].geometry.coordinates).toEqual(f.geometry.coordinates);
    });
  });

  it("converts to a Shapefile with data/gis/shapefile.sql without a warning: short names, the note split, nothing else lost", () => {
    const shp = join(dir, "events.shp");
    const sql = dataPath("gis", "shapefile.sql");
    expect(ogr2ogr(["-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", "-oo", "DATE_AS_STRING=YES", "-dialect", "OGRSQL", "-sql", `@${sql}`, shp, geojson])).toEqual({ status: 0, stderr: "" });
    const back = readBack(shp);
    expect(back.features).toHaveLength(fc.features.length);
    const renamed = new Map([...readFileSync(sql, "utf8").matchAll(/(?<!\()\b(\w+) AS (\w+)/g)].map((m) => [m[1], m[2]]));
    expect(renamed.get("sub_event_type")).toBe("sub_event");
    const left = new Set(["notes", "sentence_ar", "urls"]);
    fc.features.forEach((f, k) => {
      const p = back.features[k].properties;
      for (const name of Object.keys(p)) expect(name.length, name).toBeLessThanOrEqual(10);
      for (const [name, v] of Object.entries(f.properties)) if (!left.has(name)) expect(p[renamed.get(name) ?? name], name).toEqual(v);
      expect(`${p.notes}${p.notes_2 ?? ""}${p.notes_3 ?? ""}`).toBe(f.properties.notes);
    });
    expect(back.features[0].properties.notes_3).toBeTruthy();
  });
});
