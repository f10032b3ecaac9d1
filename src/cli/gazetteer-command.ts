/** `marsad gazetteer import FILE` and `marsad gazetteer info`: the user's imported gazetteers. */
import { readdirSync, existsSync } from "node:fs";
import { Command } from "commander";
import { loadResources } from "../analyze.js";
import { importGeonames } from "../geo/import.js";
import { importedGazetteerDir } from "../home.js";
import { parseCountries, parsePositiveInt } from "./common.js";

export function gazetteerCommand(): Command {
  const cmd = new Command("gazetteer").description("manage the gazetteer: import GeoNames dumps, show what is loaded");
  cmd
    .command("import")
    .description("add the places of a GeoNames dump that have Arabic names to your gazetteer ($MARSAD_HOME/gazetteer, default ~/.marsad)")
    .argument("<file>", "GeoNames cities or country file: cities15000.txt, SY.txt, allCountries.txt (plain or .gz)")
    .option("--alternate-names <file>", "alternateNamesV2.txt, for the Arabic names the main file lacks")
    .option("--country <codes>", "only these countries, comma-separated ISO codes (e.g. SY,IQ,YE)", parseCountries)
    .option("--min-population <n>", "skip populated places smaller than this", parsePositiveInt)
    .addHelpText(
      "after",
      `
The imported places are written to $MARSAD_HOME/gazetteer/geonames-<file>.tsv and used by every later
command. Places the built-in gazetteer already holds are skipped; importing the same file again
replaces its earlier import. GeoNames data is CC BY 4.0 (geonames.org).

Example:
  marsad gazetteer import cities15000.txt
  marsad gazetteer import SY.txt --alternate-names alternateNamesV2.txt`,
    )
    .action(async (file: string, opts: { alternateNames?: string; country?: string[]; minPopulation?: number }) => {
      const builtin = loadResources({ importedGazetteer: null }).gazetteer;
      const report = await importGeonames(file, builtin, {
        alternateNames: opts.alternateNames,
        countries: opts.country,
        minPopulation: opts.minPopulation,
        outDir: importedGazetteerDir(),
        progress: (n) => process.stderr.write(`\r  read ${n.toLocaleString("en")} lines…`),
      });
      process.stderr.write("\r");
      const kinds = Object.entries(report.byKind).map(([k, n]) => `${k} ${n}`).join(", ");
      process.stdout.write(
        `imported ${report.imported} places from ${report.file} (${kinds || "none"})\n` +
          `skipped: ${report.withoutArabic} without an Arabic name, ${report.alreadyBuiltIn} already built in, ${report.filtered} filtered out, ${report.malformed} malformed lines\n` +
          `written to ${importedGazetteerDir()}\n`,
      );
    });
  cmd
    .command("info")
    .description("show how many places the built-in and the imported gazetteers hold")
    .action(() => {
      const g = loadResources().gazetteer;
      let builtin = 0, imported = 0;
      for (const p of g.byId.values()) if (p.source === "builtin") builtin++; else imported++;
      const dir = importedGazetteerDir();
      const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".tsv")) : [];
      process.stdout.write(`built-in places: ${builtin}\nimported places: ${imported} (${dir}: ${files.join(", ") || "none"})\n`);
    });
  return cmd;
}
