/**
 * Homonyms: scoring the gazetteer places one name may stand for, by the article's focus. Evidence, in
 * the weights below: the countries the article names or holds unambiguous places of (the most
 * mentioned one — the story's country — counts extra, so a place in it beats a distant namesake), the
 * governorates (admin1) it names, closeness to its unambiguous places, what the head word says
 * ("محافظة X" is an administrative unit, "مدينة X" a settlement, "مطار X" a facility), and the
 * feature's class and population as a prior. A dateline place is one of the article's places like any
 * other, so it votes through the same evidence.
 */
import type { WorkEntity } from "../entities/coref.js";
import { normalize } from "../text/normalize.js";
import { km, type GazPlace, type PlaceName } from "./gazetteer.js";

/** Weights of the evidence (see the module comment). */
const W = {
  countryNamed: 4,
  /** The country most of the article's unambiguous places lie in. */
  storyCountry: 1.5,
  admin1Named: 1.5,
  near100: 2.5,
  near300: 1,
  headMatch: 3,
  samePrefix: 2,
  headMismatch: -2,
  strippedWithoutHead: -3,
  populationPerDecade: 0.6,
  // A city outranks the unit named after it ("بنغازي", "درعا") unless a head asks for the unit.
  kindPrior: { country: 2, city: 1.5, admin1: 1, admin2: 0.6, town: 0.4, region: 0.4, facility: 0.3, village: 0, neighbourhood: -0.5 } as Record<string, number>,
};

const HEAD_KINDS: Record<string, string[]> = {
  admin: ["admin1", "admin2"],
  settlement: ["city", "town", "village"],
  neighbourhood: ["neighbourhood"],
  district: ["neighbourhood", "region", "town", "village", "admin2"],
  countryside: ["admin1", "admin2", "city", "region"],
  natural: ["region"],
};

/** Candidates this close together are one place for the purpose of context (city and its unit). */
const ANCHOR_SPREAD_KM = 100;
/** A neighbourhood candidate must lie this close to another place of the article (its city). */
const NEIGHBOURHOOD_KM = 60;

export type Located = GazPlace & { lat: number; lon: number };
export const hasPoint = (p: GazPlace): p is Located => p.lat !== null && p.lon !== null;

/** A place the article names without ambiguity, and the entity naming it (which it cannot support). */
export interface Anchor {
  entity: WorkEntity;
  place: Located;
}

/** What the article is about, geographically: built once per article from its unambiguous places. */
export interface Focus {
  /** Country code → mentions of unambiguous places in it. */
  countries: Map<string, number>;
  /** The most mentioned country, if any. */
  story: string | null;
  /** Ids of the admin1 units the unambiguous places are or lie in. */
  admin1: Set<string>;
  anchors: Anchor[];
}

export interface Scored {
  place: GazPlace;
  score: number;
  evidence: number;
}

export function uniq(c: readonly PlaceName[]): PlaceName[] {
  const seen = new Set<string>();
  return c.filter((x) => (seen.has(x.place.id) ? false : (seen.add(x.place.id), true)));
}

/**
 * The focus of an article: its unambiguous places (one candidate, or candidates that all lie together).
 * Neighbourhood namesakes do not make a place ambiguous ("الخالدية" the town and a quarter of Homs),
 * unless they lie in a country the article names by other places ("منطقة الرقة" in a Kuwaiti story).
 */
export function buildFocus(located: readonly WorkEntity[], placesOf: (e: WorkEntity) => readonly PlaceName[] = (e) => e.places ?? []): Focus {
  const countries = new Map<string, number>();
  const admin1 = new Set<string>();
  const anchors: Anchor[] = [];
  // the units of every candidate lying together: a city and the province named after it may sit in
  // different units (صنعاء the city in أمانة العاصمة, the governorate its own), and the first candidate
  // listed must not tip the choice between them
  const add = (e: WorkEntity, first: GazPlace, together: readonly PlaceName[]): void => {
    if (first.country) countries.set(first.country, (countries.get(first.country) ?? 0) + e.mentions.length);
    for (const { place } of together) {
      const unit = place.kind === "admin1" ? place.id : place.admin1;
      if (unit) admin1.add(unit);
    }
    if (hasPoint(first) && first.kind !== "country") anchors.push({ entity: e, place: first });
  };
  const withNamesakes: Array<[WorkEntity, GazPlace, PlaceName[], PlaceName[]]> = [];
  for (const e of located) {
    // a place named inside another's name counts too ("جبال أبين", "مطار صنعاء")
    const own = placesOf(e);
    const named = own.length ? own : (e.inner ?? []);
    const all = named.length > 1 ? uniq(named) : named;
    const c = all.filter((x) => x.place.kind !== "neighbourhood");
    if (!c.length) continue;
    const first = c[0].place;
    if (!c.every((x) => together(x.place, first))) continue;
    const namesakes = all.filter((x) => x.place.kind === "neighbourhood" && !together(x.place, first));
    if (namesakes.length) withNamesakes.push([e, first, namesakes, c]);
    else add(e, first, c);
  }
  const seen = new Set(countries.keys());
  for (const [e, first, namesakes, c] of withNamesakes) if (!namesakes.some((x) => seen.has(x.place.country))) add(e, first, c);
  let story: string | null = null;
  let best = 0;
  for (const [cc, n] of countries) if (n > best) [story, best] = [cc, n];
  return { countries, story, admin1, anchors };
}

const together = (p: GazPlace, q: GazPlace): boolean => p.country === q.country && hasPoint(p) && hasPoint(q) && km(p, q) <= ANCHOR_SPREAD_KM;

/** The anchors that may support `e` (not its own mentions). */
export function anchorsFor(e: WorkEntity, focus: Focus): Located[] {
  return focus.anchors.filter((a) => a.entity !== e).map((a) => a.place);
}

/**
 * Neighbourhood names recur from city to city ("الخالدية"): only those near the article's places
 * count (a lone one: in a country the article names, if it names any) — or, when no other candidate lies in a country the article names, the one that does (an
 * area of a small country such as Kuwait, named with the country but without its city).
 */
export function plausibleCandidates(cands: PlaceName[], anchors: Located[], focus: Focus): PlaceName[] {
  // a lone quarter of that name still has to lie in a country the article is about, if it is about any
  if (cands.length === 1) return cands[0].place.kind !== "neighbourhood" || !focus.countries.size || focus.countries.has(cands[0].place.country) || nearAnchor(cands[0].place, anchors) ? cands : [];
  const kept = cands.filter((c) => c.place.kind !== "neighbourhood" || nearAnchor(c.place, anchors));
  if (kept.some((c) => focus.countries.has(c.place.country))) return kept;
  const named = cands.filter((c) => c.place.kind === "neighbourhood" && focus.countries.has(c.place.country) && !kept.includes(c));
  return named.length === 1 ? [...kept, named[0]] : kept;
}

function nearAnchor(p: GazPlace, anchors: Located[]): boolean {
  return hasPoint(p) && anchors.some((a) => a.id !== p.id && km(a, p) <= NEIGHBOURHOOD_KM);
}

/** The kinds of place the entity's head word allows ("محافظة X" an admin unit, "مطار X" a facility), if it says. */
export function headKindsOf(e: WorkEntity): readonly string[] | undefined {
  return e.head && e.head.type !== "ORG" ? (e.type === "FAC" ? ["facility"] : HEAD_KINDS[e.head.kind]) : undefined;
}

/** Candidates for entity `e`, best first. */
export function rank(cands: PlaceName[], e: WorkEntity, focus: Focus, anchors: Located[]): Scored[] {
  const headKinds = headKindsOf(e);
  const headKey = e.headText ? normalize(e.headText) : undefined;
  return cands
    .map(({ place, stripped, prefix }) => {
      let evidence = 0;
      // "محافظة X" names the unit whose official name is "محافظة X" (admin1 in Syria, admin2 in Saudi Arabia)
      if (stripped && prefix && headKey) evidence += headKey === prefix ? W.samePrefix : -W.samePrefix;
      if (focus.countries.has(place.country)) evidence += W.countryNamed;
      if (focus.story && place.country === focus.story) evidence += W.storyCountry;
      if (focus.admin1.has(place.kind === "admin1" ? place.id : place.admin1)) evidence += W.admin1Named;
      if (hasPoint(place)) {
        let d = Infinity;
        for (const a of anchors) if (a.id !== place.id) d = Math.min(d, km(a, place));
        if (d <= 100) evidence += W.near100;
        else if (d <= 300) evidence += W.near300;
      }
      if (headKinds) evidence += headKinds.includes(place.kind) ? W.headMatch : W.headMismatch;
      else if (stripped) evidence += W.strippedWithoutHead;
      const score = evidence + Math.log10(place.population + 10) * W.populationPerDecade + (W.kindPrior[place.kind] ?? 0);
      return { place, score, evidence };
    })
    .sort((x, y) => y.score - x.score);
}
