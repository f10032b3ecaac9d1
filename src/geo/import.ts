/**
 * Importing GeoNames dumps into the user's gazetteer ($MARSAD_HOME/gazetteer), never into data/.
 * Reads a cities or country file (cities15000.txt, SY.txt, allCountries.txt; plain or .gz), keeps the
 * places that have an Arabic name (from the file's alternate names, or from alternateNamesV2.txt when
 * given), maps GeoNames feature codes to Marsad's kinds, skips places the built-in gazetteer already
 * holds, and writes one TSV in Marsad's gazetteer format — to a temporary file renamed into place, so
 * an interrupted import leaves nothing half-written.
 */
import { createReadStream, existsSync, mkdirSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { EXIT, MarsadError } from "../errors.js";
import { normalize } from "../text/normalize.js";
import { GAZETTEER_COLUMNS, km, type GazPlace, type Gazetteer, type PlaceKind } from "./gazetteer.js";

export interface ImportOptions {
  /** alternateNamesV2.txt (or alternateNames.txt), for Arabic names the main file lacks. */
  alternateNames?: string;
  /** Keep only these countries (ISO alpha-2). */
  countries?: string[];
  /** Skip populated places below this population. */
  minPopulation?: number;
  /** Folder to write to ($MARSAD_HOME/gazetteer). */
  outDir: string;
  /** Called about once a second with the number of lines read. */
  progress?: (lines: number) => void;
}

export interface ImportReport {
  file: string;
  lines: number;
  imported: number;
  withoutArabic: number;
  alreadyBuiltIn: number;
  filtered: number;
  malformed: number;
  byKind: Record<string, number>;
}

const ARABIC = /[\u0600-\u06FF]/;
/** A built-in place of the same name this close is the same place. */
const SAME_PLACE_KM = 15;

/** GeoNames feature class and code → Marsad kind and facility feature. */
export function kindOf(fclass: string, fcode: string, population: number): { kind: PlaceKind; feature: string } | null {
  if (fclass === "P") {
    if (fcode === "PPLX") return { kind: "neighbourhood", feature: "" };
    if (fcode === "PPLC") return { kind: "city", feature: "capital" };
    if (population >= 100_000) return { kind: "city", feature: "" };
    return { kind: population >= 5_000 || fcode.startsWith("PPLA") ? "town" : "village", feature: "" };
  }
  if (fclass === "A") {
    if (fcode === "ADM1") return { kind: "admin1", feature: "" };
    if (fcode === "ADM2") return { kind: "admin2", feature: "" };
    if (fcode.startsWith("PCL")) return { kind: "country", feature: "" };
    return null;
  }
  if (fclass === "S") {
    const feature = FACILITY_CODES[fcode];
    return feature ? { kind: "facility", feature } : null;
  }
  if (fclass === "T" || fclass === "H" || fclass === "L") return { kind: "region", feature: fclass === "H" ? "sea" : fclass === "T" ? "mountains" : "area" };
  return null;
}

const FACILITY_CODES: Record<string, string> = {
  AIRP: "airport", AIRB: "airbase", AIRF: "airport", PRN: "prison", PSTB: "border_crossing", PRT: "port", BDG: "bridge",
  DAM: "dam", OILF: "oil_field", OILR: "refinery", PS: "power_plant", HSP: "hospital", UNIV: "university", CMP: "camp",
  CMPRF: "camp", MSQE: "mosque", INSM: "military_base", MILB: "military_base", CSTL: "landmark", PAL: "landmark",
};

function lines(file: string): AsyncIterable<string> {
  const stream = createReadStream(file);
  return createInterface({ input: file.endsWith(".gz") ? stream.pipe(createGunzip()) : stream, crlfDelay: Infinity });
}

function checkReadable(file: string, what: string): void {
  if (!existsSync(file)) throw new MarsadError(`no such file: ${file}; download the GeoNames ${what} from https://download.geonames.org/export/dump/ and unzip it`, EXIT.notFound);
  if (statSync(file).isDirectory()) throw new MarsadError(`${file} is a directory; give the GeoNames ${what} file itself`, EXIT.notFound);
}

/** Arabic names by geonameid from alternateNamesV2.txt, for the ids wanted only. */
async function arabicAlternates(file: string, wanted: Set<string>): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for await (const line of lines(file)) {
    const c = line.split("\t");
    if (c.length < 4 || c[2] !== "ar" || !wanted.has(c[1])) continue;
    if (c[7] === "1") continue; // historic names
    const list = out.get(c[1]) ?? [];
    // the preferred name first
    if (c[4] === "1") list.unshift(c[3]);
    else list.push(c[3]);
    out.set(c[1], list);
  }
  return out;
}

interface Row {
  id: string;
  names: string[];
  nameEn: string;
  lat: number;
  lon: number;
  kind: PlaceKind;
  feature: string;
  country: string;
  population: number;
}

export async function importGeonames(file: string, builtin: Gazetteer, opts: ImportOptions): Promise<ImportReport> {
  checkReadable(file, "cities or country file");
  if (opts.alternateNames) checkReadable(opts.alternateNames, "alternate names (alternateNamesV2.txt)");
  const report: ImportReport = { file, lines: 0, imported: 0, withoutArabic: 0, alreadyBuiltIn: 0, filtered: 0, malformed: 0, byKind: {} };
  const rows: Row[] = [];
  const countries = opts.countries?.length ? new Set(opts.countries.map((c) => c.toUpperCase())) : null;
  let last = Date.now();
  for await (const line of lines(file)) {
    report.lines++;
    if (opts.progress && Date.now() - last > 1000) {
      opts.progress(report.lines);
      last = Date.now();
    }
    if (!line.trim() || line.startsWith("#")) continue;
    const c = line.split("\t");
    const lat = Number(c[4]), lon = Number(c[5]);
    if (c.length < 15 || !/^\d+$/.test(c[0]) || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      report.malformed++;
      if (report.lines <= 5 && report.malformed === report.lines) {
        throw new MarsadError(`${file} is not a GeoNames dump (line ${report.lines} has ${c.length} tab-separated fields, expected 19); give cities15000.txt, a country file such as SY.txt, or allCountries.txt`, EXIT.badInput);
      }
      continue;
    }
    const population = Number(c[14]) || 0;
    const k = kindOf(c[6], c[7], population);
    if (!k || (countries && !countries.has(c[8])) || (opts.minPopulation && c[6] === "P" && population < opts.minPopulation)) {
      report.filtered++;
      continue;
    }
    const names = c[3].split(",").filter((n) => ARABIC.test(n));
    rows.push({ id: c[0], names, nameEn: c[1], lat, lon, kind: k.kind, feature: k.feature, country: c[8], population });
  }
  if (report.lines === 0) throw new MarsadError(`${file} is empty; give a GeoNames cities or country file`, EXIT.badInput);
  if (opts.alternateNames) {
    const alt = await arabicAlternates(opts.alternateNames, new Set(rows.map((r) => r.id)));
    for (const r of rows) for (const n of alt.get(r.id) ?? []) if (!r.names.includes(n)) r.names.push(n);
  }
  const index = builtInNames(builtin);
  const admin1s = [...builtin.byId.values()].filter((p) => p.kind === "admin1" && p.lat !== null);
  const out: string[] = [GAZETTEER_COLUMNS.join("\t"), `# Imported from GeoNames (${basename(file)}) by marsad gazetteer import on ${new Date().toISOString().slice(0, 10)}; CC BY 4.0, geonames.org`];
  for (const r of rows) {
    if (!r.names.length) {
      report.withoutArabic++;
      continue;
    }
    if (isBuiltIn(r, index)) {
      report.alreadyBuiltIn++;
      continue;
    }
    const [name, ...variants] = [...new Set(r.names.map((n) => n.trim()).filter(Boolean))];
    const admin1 = r.kind === "country" || r.kind === "admin1" ? "" : (nearestAdmin1(r, admin1s)?.id ?? "");
    out.push([`gn.${r.id}`, r.kind, r.feature, clean(name), variants.map(clean).join("|"), clean(r.nameEn), r.country, admin1, "", r.lat.toFixed(4), r.lon.toFixed(4), r.population ? String(r.population) : ""].join("\t"));
    report.imported++;
    report.byKind[r.kind] = (report.byKind[r.kind] ?? 0) + 1;
  }
  mkdirSync(opts.outDir, { recursive: true });
  const target = join(opts.outDir, `geonames-${basename(file).replace(/\.(txt|tsv)(\.gz)?$/i, "")}.tsv`);
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, out.join("\n") + "\n");
    renameSync(tmp, target);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw new MarsadError(`cannot write ${target}: ${(e as Error).message}; check that $MARSAD_HOME is writable`, EXIT.notFound);
  }
  return report;
}

const clean = (s: string): string => s.replace(/[\t\n|]/g, " ").trim();

/** Built-in places by normalised name, to tell which imported rows they already hold. */
function builtInNames(g: Gazetteer): Map<string, GazPlace[]> {
  const index = new Map<string, GazPlace[]>();
  for (const p of g.byId.values()) {
    if (p.source !== "builtin" || p.lat === null || p.lon === null) continue;
    for (const n of p.names) {
      const k = normalize(n);
      index.set(k, [...(index.get(k) ?? []), p]);
    }
  }
  return index;
}

function isBuiltIn(r: Row, index: Map<string, GazPlace[]>): boolean {
  return r.names.some((n) => (index.get(normalize(n)) ?? []).some((p) => p.country === r.country && km(p as { lat: number; lon: number }, r) <= SAME_PLACE_KM));
}

/** The first-level unit a place lies in, approximated by the nearest built-in admin1 point of its country. */
function nearestAdmin1(r: Row, admin1s: GazPlace[]): GazPlace | undefined {
  let best: GazPlace | undefined;
  let bestKm = Infinity;
  for (const a of admin1s) {
    if (a.country !== r.country) continue;
    const d = km(a as { lat: number; lon: number }, r);
    if (d < bestKm) {
      best = a;
      bestKm = d;
    }
  }
  return best;
}
