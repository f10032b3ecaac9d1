/**
 * Containers: where a place goes when the gazetteer has no point of its own for it. Two sources:
 *  - the gazetteer's own parents: a listed district, village or facility without coordinates takes the
 *    point of its admin2, else its admin1;
 *  - the text: a facility, quarter or village no list holds, followed closely by a known place
 *    ("حي X في Y", "مستشفى X بمدينة Y", "معسكر X شمال Y"), takes the point of that place.
 * Either way the place says how precise it is, with ACLED's geo_precision (see `precisionOf`).
 */
import type { Token } from "../document.js";
import type { WorkEntity } from "../entities/coref.js";
import type { GazPlace, Gazetteer } from "./gazetteer.js";
import { hasPoint, type Located } from "./score.js";

/** At most this many linking words between a place and its container ("في مدينة", "شمال"). */
const MAX_LINK_TOKENS = 3;

/** Kinds whose point stands for the place itself (ACLED precision 1). */
const POINT_KINDS = new Set(["city", "town", "village", "neighbourhood", "facility", "settlement"]);
/** Kinds that hold a place only at the scale of a province or a country (precision 3). */
const WIDE_KINDS = new Set(["admin1", "country"]);

/** ACLED geo_precision: 1 the place itself; 2 a place near or within a known town or district; 3 only the province or country. */
export type GeoPrecision = 1 | 2 | 3;

/** Precision of a place located at its own gazetteer point. */
export function precisionOf(kind: string): GeoPrecision {
  if (POINT_KINDS.has(kind)) return 1;
  return WIDE_KINDS.has(kind) ? 3 : 2;
}

/** Precision of a place located at the point of a place holding it (or of the place it is named after). */
export function containedPrecision(container: GazPlace): GeoPrecision {
  return WIDE_KINDS.has(container.kind) ? 3 : 2;
}

/** The nearest listed unit holding `p` that has a point: its admin2, else its admin1. */
export function gazetteerContainer(p: GazPlace, g: Gazetteer): Located | null {
  for (const level of ["admin2", "admin1"] as const) {
    const unit = p[level] ? g.byId.get(p[level]) : undefined;
    if (unit && hasPoint(unit)) return unit;
  }
  return null;
}

/**
 * The located entity that follows one of `e`'s mentions within a few linking words, in the same
 * sentence; `startsAt` maps a token index to the located entity whose mention starts there.
 */
export function textContainer<T>(e: WorkEntity, tokens: readonly Token[], links: ReadonlySet<string>, startsAt: ReadonlyMap<number, T>): T | null {
  for (const [, end] of e.spans) {
    for (let k = end, gap = 0; k < tokens.length && gap <= MAX_LINK_TOKENS; k++, gap++) {
      const hit = startsAt.get(k);
      if (hit !== undefined) {
        // a bare juxtaposition counts only with a linking proclitic on the place ("بعدن")
        if (gap > 0 || tokens[k].pro.split("+").includes("ب")) return hit;
      }
      const t = tokens[k];
      if (t.kind !== "word" || !(links.has(t.stem) || links.has(t.norm))) break;
    }
  }
  return null;
}
