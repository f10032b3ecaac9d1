/**
 * What the exports and the API need for English beside the store: English names and notes over the
 * gazetteer (with imported places) and the actor records, and the outlets' English names and scales.
 * Loading takes about a second (the gazetteer), so the server does it on first use.
 */
import { ActorIndex } from "../entities/actors.js";
import { loadOutlets } from "../events/sources.js";
import { Gazetteer } from "../geo/gazetteer.js";
import { importedGazetteerDir } from "../home.js";
import type { ExportContext } from "../store/export.js";
import { loadEnglish } from "./index.js";

export function loadExportContext(): ExportContext {
  return { english: loadEnglish(Gazetteer.load(new Set(), importedGazetteerDir()), ActorIndex.load()), outlets: loadOutlets() };
}
