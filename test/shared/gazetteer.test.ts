/** The built-in gazetteer against GeoNames (../shared/geo/cities15000.txt), and the importer on the real file. */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { km } from "../../src/geo/gazetteer.js";
import { importGeonames } from "../../src/geo/import.js";
import { normalize } from "../../src/text/normalize.js";
import { resources } from "../helpers/resources.js";
import { SHARED } from "../helpers/shared.js";

const CITIES = join(SHARED, "geo", "cities15000.txt");

describe.runIf(existsSync(CITIES))("the gazetteer and GeoNames cities15000", () => {
  it("puts built-in towns and cities within 25 km of GeoNames wherever both name a place", () => {
    const byName = new Map<string, Array<{ lat: number; lon: number; cc: string }>>();
    for (const line of readFileSync(CITIES, "utf8").split("\n")) {
      const c = line.split("\t");
      if (c.length < 9) continue;
      for (const n of c[3].split(",")) if (/[\u0600-\u06FF]/.test(n)) byName.set(normalize(n), [...(byName.get(normalize(n)) ?? []), { lat: +c[4], lon: +c[5], cc: c[8] }]);
    }
    let compared = 0;
    const far: string[] = [];
    for (const p of resources().gazetteer.byId.values()) {
      if (p.source !== "builtin" || !["city", "town"].includes(p.kind) || p.lat === null || p.lon === null) continue;
      const cands = p.names.flatMap((n) => byName.get(normalize(n)) ?? []).filter((g) => g.cc === p.country);
      if (!cands.length) continue;
      compared++;
      const d = Math.min(...cands.map((g) => km(g, p as { lat: number; lon: number })));
      if (d > 25) far.push(`${p.id} ${p.name} ${d.toFixed(0)} km`);
    }
    expect(compared).toBeGreaterThan(300);
    expect(far).toEqual([]);
  });

  it("imports the real cities15000 file", async () => {
    const report = await importGeonames(CITIES, resources().gazetteer, { outDir: mkdtempSync(join(tmpdir(), "marsad-gn-")) });
    expect(report.lines).toBeGreaterThan(20000);
    expect(report.imported).toBeGreaterThan(300);
    expect(report.malformed).toBe(0);
  });
});
