/** Data the ingest stage reads: debris patterns and the outlet names that mark datelines. */
import { dataPath } from "../data-dir.js";
import { normalize } from "../text/normalize.js";
import { readTsv, readTsvDir, multi } from "../util/tsv.js";

export interface IngestResources {
  /** Whole lines or blocks to drop. */
  debrisLines: RegExp[];
  /** Patterns after which a paragraph is cut, joined into one expression (one scan per paragraph). */
  debrisTail: RegExp | null;
  /** Normalised names of news outlets and agencies ("رويترز", "ا ف ب", "العربيه.نت"). */
  outlets: Set<string>;
  /** Normalised labels that introduce a story's source ("المصدر"). */
  sourceLabels: Set<string>;
}

const MEDIA_COLUMNS = ["id", "type", "category", "subtype", "name_ar", "aliases_ar", "name_en", "country", "affiliation", "role_ar"] as const;

export function loadIngestResources(): IngestResources {
  const debris = readTsv(dataPath("ingest", "debris.tsv"), ["scope", "pattern", "note"] as const);
  const compile = (r: (typeof debris)[number]): RegExp => {
    try {
      return new RegExp(r.pattern, "iu");
    } catch (e) {
      throw new Error(`${r._file}:${r._line}: bad pattern: ${(e as Error).message}`);
    }
  };
  const outlets = new Set<string>();
  const sourceLabels = new Set<string>();
  for (const r of readTsv(dataPath("ingest", "bylines.tsv"), ["kind", "text"] as const)) {
    (r.kind === "source-label" ? sourceLabels : outlets).add(outletKey(r.text));
  }
  for (const r of readTsvDir(dataPath("actors"), MEDIA_COLUMNS)) {
    if (r.category !== "media") continue;
    [r.name_ar, r.name_en, ...multi(r.aliases_ar)].filter(Boolean).forEach((n) => outlets.add(outletKey(n)));
  }
  return {
    debrisLines: debris.filter((r) => r.scope === "line").map(compile),
    debrisTail: joinPatterns(debris.filter((r) => r.scope === "tail").map(compile)),
    outlets,
    sourceLabels,
  };
}

const joinPatterns = (res: RegExp[]): RegExp | null => (res.length ? new RegExp(res.map((r) => `(?:${r.source})`).join("|"), "iu") : null);

/** The key an outlet name is looked up by: normalised, lower case, spaces squeezed, dots kept. */
export const outletKey = (s: string): string => normalize(s).replace(/\s+/g, " ").replace(/[()]/g, "").trim();
