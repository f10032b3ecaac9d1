import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importGeonames, kindOf } from "../../src/geo/import.js";
import { built, marsad } from "../helpers/cli.js";
import { resources } from "../helpers/resources.js";

const FIXTURE = new URL("../fixtures/geonames/mini-cities.txt", import.meta.url).pathname;
const ALTERNATES = new URL("../fixtures/geonames/mini-alternate-names.txt", import.meta.url).pathname;

describe("GeoNames import", () => {
  it("maps feature codes to kinds", () => {
    expect(kindOf("P", "PPLC", 10)).toEqual({ kind: "city", feature: "capital" });
    expect(kindOf("P", "PPL", 200_000)).toEqual({ kind: "city", feature: "" });
    expect(kindOf("P", "PPL", 20_000)).toEqual({ kind: "town", feature: "" });
    expect(kindOf("P", "PPL", 200)).toEqual({ kind: "village", feature: "" });
    expect(kindOf("P", "PPLX", 0)).toEqual({ kind: "neighbourhood", feature: "" });
    expect(kindOf("A", "ADM1", 0)).toEqual({ kind: "admin1", feature: "" });
    expect(kindOf("S", "AIRP", 0)).toEqual({ kind: "facility", feature: "airport" });
    expect(kindOf("S", "HTL", 0)).toBeNull();
  });

  it("imports the places with Arabic names, skips those already built in, and writes Marsad's format", async () => {
    const out = mkdtempSync(join(tmpdir(), "marsad-gn-"));
    const report = await importGeonames(FIXTURE, resources().gazetteer, { outDir: out });
    expect(report).toMatchObject({ lines: 6, imported: 4, withoutArabic: 1, alreadyBuiltIn: 1 });
    const [file] = readdirSync(out);
    expect(file).toBe("geonames-mini-cities.tsv");
    const rows = readFileSync(join(out, file), "utf8").split("\n").filter((l) => l && !l.startsWith("#")).slice(1).map((l) => l.split("\t"));
    expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ["gn.9000001", "town", "وادي النخلة"],
      ["gn.9000004", "facility", "مطار قصر النخيل"],
      ["gn.9000005", "city", "مدينة الاختبار الكبرى"],
      ["gn.9000006", "region", "بحيرة الاختبار"],
    ]);
    // the nearest built-in first-level unit of the same country stands in for the admin1 code
    expect(rows[0][7]).toMatch(/^sy\.a1\./);
  });

  it("takes Arabic names from alternateNamesV2, leaving out historic ones", async () => {
    const out = mkdtempSync(join(tmpdir(), "marsad-gn-"));
    const report = await importGeonames(FIXTURE, resources().gazetteer, { outDir: out, alternateNames: ALTERNATES });
    expect(report.imported).toBe(5);
    const text = readFileSync(join(out, "geonames-mini-cities.tsv"), "utf8");
    expect(text).toContain("تل الزيتون");
    expect(text).not.toContain("وادي النخل القديم");
  });

  it("filters by country and population", async () => {
    const out = mkdtempSync(join(tmpdir(), "marsad-gn-"));
    const report = await importGeonames(FIXTURE, resources().gazetteer, { outDir: out, countries: ["IQ"], minPopulation: 5000 });
    expect(report.imported).toBe(2);
  });

  it("refuses a file that is not a GeoNames dump", async () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-gn-"));
    const bad = join(dir, "notes.txt");
    writeFileSync(bad, "hello\nworld\n");
    await expect(importGeonames(bad, resources().gazetteer, { outDir: dir })).rejects.toThrow(/is not a GeoNames dump/);
    await expect(importGeonames(join(dir, "missing.txt"), resources().gazetteer, { outDir: dir })).rejects.toThrow(/no such file.*download the GeoNames/);
  });
});

describe.runIf(built)("marsad gazetteer import, end to end", () => {
  it("imports into $MARSAD_HOME and the next analysis finds the new place", () => {
    const home = mkdtempSync(join(tmpdir(), "marsad-home-"));
    const r = marsad(["gazetteer", "import", FIXTURE], undefined, { MARSAD_HOME: home });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/imported 4 places/);
    const doc = JSON.parse(marsad(["analyze", "-"], "وصلت قافلة إلى وادي النخلة صباح اليوم.", { MARSAD_HOME: home }).stdout);
    expect(doc.places.find((p: { name: string }) => p.name === "وادي النخلة")).toMatchObject({ ref: "gn.9000001", lat: 34.1, lon: 36.2 });
    const info = marsad(["gazetteer", "info"], undefined, { MARSAD_HOME: home });
    expect(info.stdout).toMatch(/imported places: 4/);
  });

  it("refuses a missing file with exit code 3", () => {
    const r = marsad(["gazetteer", "import", "/nonexistent/cities.txt"], undefined, { MARSAD_HOME: mkdtempSync(join(tmpdir(), "marsad-home-")) });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^marsad: error: no such file/);
  });
});
