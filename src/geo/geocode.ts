/**
 * Geocoding: each place or facility entity gets one gazetteer place, chosen by context. Evidence, in
 * the weights below: the countries the article names (or holds unambiguous places of), closeness to
 * the article's other unambiguous places, what the head word says ("محافظة X" is an administrative
 * unit, "مدينة X" a settlement, "مطار X" a facility), and population. A facility no list holds takes
 * the point of the place it is named after ("سجن X المركزي" → X); a neighbourhood no list holds takes
 * the point of the article's main city. Anything else stays unresolved, with lat/lon null.
 */
import type { Place } from "../document.js";
import type { WorkEntity } from "../entities/coref.js";
import { normalize } from "../text/normalize.js";
import { km, type GazPlace, type Gazetteer, type PlaceName } from "./gazetteer.js";

/** Weights of the evidence (see the module comment). */
const W = {
  countryNamed: 4,
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
/** Confidence reported for each way of resolving. */
const CONFIDENCE = { single: 0.9, evidence: 0.8, population: 0.5, inner: 0.6, parent: 0.35 };

const HEAD_KINDS: Record<string, string[]> = {
  admin: ["admin1", "admin2"],
  settlement: ["city", "town", "village"],
  neighbourhood: ["neighbourhood"],
  district: ["neighbourhood", "region", "town", "village", "admin2"],
  countryside: ["admin1", "admin2", "city", "region"],
  natural: ["region"],
};

/** A place the article names without ambiguity, and the entity naming it (which it cannot support). */
interface Anchor {
  entity: WorkEntity;
  place: GazPlace;
}

interface Choice {
  place: GazPlace;
  confidence: number;
  method: Place["method"];
}

/** Candidates this close together are one place for the purpose of context (city and its unit). */
const ANCHOR_SPREAD_KM = 100;
/** Kinds too broad to locate a neighbourhood named after them. */
const BROAD_KINDS = new Set(["country", "admin1", "city"]);
/** A neighbourhood candidate must lie this close to another place of the article (its city). */
const NEIGHBOURHOOD_KM = 60;

const hasPoint = (p: GazPlace): p is GazPlace & { lat: number; lon: number } => p.lat !== null && p.lon !== null;

export function geocode(entities: WorkEntity[], gazetteer: Gazetteer): Place[] {
  const located = entities.filter((e) => e.type === "LOC" || e.type === "FAC");
  // Evidence from the unambiguous: countries named, and points of single-candidate places.
  const countries = new Map<string, number>();
  const anchors: Anchor[] = [];
  for (const e of located) {
    // unambiguous: one candidate, or candidates that all lie together (a city and the unit named after it)
    const c = uniq(e.places ?? []).filter((x) => x.place.kind !== "neighbourhood");
    if (!c.length || !c.every((x) => x.place.country === c[0].place.country && hasPoint(x.place) && hasPoint(c[0].place) && km(x.place as { lat: number; lon: number }, c[0].place as { lat: number; lon: number }) <= ANCHOR_SPREAD_KM)) continue;
    const p = c[0].place;
    countries.set(p.country, (countries.get(p.country) ?? 0) + e.mentions.length);
    if (hasPoint(p) && p.kind !== "country") anchors.push({ entity: e, place: p });
  }
  const choices = new Map<WorkEntity, Choice | null>();
  for (const e of located) choices.set(e, choose(e, countries, anchors));
  // The article's main city: the most mentioned resolved settlement, for neighbourhoods no list holds.
  const focus = located
    .map((e) => ({ e, c: choices.get(e) }))
    .filter((x) => x.c && ["city", "town", "admin2"].includes(x.c.place.kind) && x.c.place.lat !== null)
    .sort((a, b) => b.e.mentions.length - a.e.mentions.length)[0]?.c?.place;

  const places: Place[] = [];
  const byRef = new Map<string, Place>();
  for (const e of located) {
    let c = choices.get(e) ?? null;
    if (!c && e.head?.kind === "neighbourhood" && focus) c = { place: focus, confidence: CONFIDENCE.parent, method: "parent" };
    const ref = c && c.method !== "inner" && c.method !== "parent" ? c.place.id : null;
    if (ref && byRef.has(ref)) {
      e.place = byRef.get(ref)!.id;
      continue;
    }
    const p = c?.place;
    const place: Place = {
      id: `p${places.length + 1}`,
      name: e.name,
      entity: e.id,
      kind: ref ? p!.kind : e.type === "FAC" ? "facility" : (e.head?.kind === "countryside" ? "region" : (e.head?.kind ?? "unknown")),
      feature: ref ? p!.feature || null : e.type === "FAC" ? (e.head?.kind ?? null) : null,
      ref,
      lat: p?.lat ?? null,
      lon: p?.lon ?? null,
      admin1: p ? (adminName(gazetteer, p, "admin1") ?? null) : null,
      admin2: p ? (adminName(gazetteer, p, "admin2") ?? null) : null,
      country: p?.country || null,
      confidence: c ? c.confidence : 0,
      method: c ? c.method : "unresolved",
    };
    e.place = place.id;
    if (ref) byRef.set(ref, place);
    places.push(place);
  }
  return places;
}

function adminName(g: Gazetteer, p: GazPlace, level: "admin1" | "admin2"): string | undefined {
  if (p.kind === level) return p.name;
  return g.parent(p, level)?.name;
}

function uniq(c: readonly PlaceName[]): PlaceName[] {
  const seen = new Set<string>();
  return c.filter((x) => (seen.has(x.place.id) ? false : (seen.add(x.place.id), true)));
}

function choose(e: WorkEntity, countries: Map<string, number>, allAnchors: Anchor[]): Choice | null {
  const anchors = allAnchors.filter((a) => a.entity !== e).map((a) => a.place);
  const cands = nearbyNeighbourhoods(uniq(e.places ?? []), anchors);
  if (!cands.length) {
    // A facility or region named after a place takes that place's point (not a neighbourhood:
    // "حي باب طبرق" is in Derna, not in Tobruk).
    const inner = nearbyNeighbourhoods(uniq(e.inner ?? []), anchors).filter((c) => e.head?.kind !== "neighbourhood" || !BROAD_KINDS.has(c.place.kind));
    if (!inner.length) return null;
    const best = rank(inner, e, countries, anchors)[0];
    return best ? { place: best.place, confidence: CONFIDENCE.inner, method: "inner" } : null;
  }
  if (cands.length === 1) return { place: cands[0].place, confidence: CONFIDENCE.single, method: "gazetteer" };
  const ranked = rank(cands, e, countries, anchors);
  const [a, b] = ranked;
  const byEvidence = a.evidence > 0 && (!b || a.score - b.score >= 1);
  return { place: a.place, confidence: byEvidence ? CONFIDENCE.evidence : CONFIDENCE.population, method: "gazetteer" };
}

/** Neighbourhood names recur from city to city ("الخالدية"): only those near the article's places count. */
function nearbyNeighbourhoods(cands: PlaceName[], anchors: GazPlace[]): PlaceName[] {
  if (cands.length === 1) return cands;
  return cands.filter((c) => c.place.kind !== "neighbourhood" || nearAnchor(c.place, anchors));
}

function nearAnchor(p: GazPlace, anchors: GazPlace[]): boolean {
  return hasPoint(p) && anchors.some((a) => a.id !== p.id && km(a as { lat: number; lon: number }, p) <= NEIGHBOURHOOD_KM);
}

function rank(cands: PlaceName[], e: WorkEntity, countries: Map<string, number>, anchors: GazPlace[]): Array<{ place: GazPlace; score: number; evidence: number }> {
  const headKinds = e.head && e.head.type !== "ORG" ? (e.type === "FAC" ? ["facility"] : HEAD_KINDS[e.head.kind]) : undefined;
  return cands
    .map(({ place, stripped, prefix }) => {
      let evidence = 0;
      // "محافظة X" names the unit whose official name is "محافظة X" (admin1 in Syria, admin2 in Saudi Arabia)
      if (stripped && prefix && e.headText) evidence += normalize(e.headText) === prefix ? W.samePrefix : -W.samePrefix;
      if (countries.has(place.country)) evidence += W.countryNamed;
      if (hasPoint(place)) {
        const d = Math.min(Infinity, ...anchors.filter((a) => a.id !== place.id).map((a) => km(a as { lat: number; lon: number }, place)));
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
