/**
 * Geocoding: each place or facility entity gets one gazetteer place, chosen by the article's focus
 * (homonyms: ./score.ts). A facility no list holds takes the point of the place it is named after
 * ("سجن X المركزي" → X); a place the gazetteer lists without coordinates, or a place no list holds
 * but the text ties to a known one ("حي X في Y"), takes the point of its container (./containers.ts);
 * a neighbourhood or facility no list holds takes the point of the article's main city, a headed village
 * or district the point of that city's province. Anything else stays
 * unresolved, with lat/lon null. Every located place says how precise its point is (geo_precision).
 * A listed name with describing adjectives after it ("جبل صبر المطل") is the listed place (./tails.ts);
 * an ordinary word after a place head ("منطقة آمنة") is no place at all (./not-places.ts).
 */
import type { Place, Token } from "../document.js";
import type { WorkEntity } from "../entities/coref.js";
import { containedPrecision, gazetteerContainer, precisionOf, textContainer, type GeoPrecision } from "./containers.js";
import type { GazPlace, Gazetteer, PlaceName } from "./gazetteer.js";
import { notPlace } from "./not-places.js";
import { anchorsFor, buildFocus, hasPoint, plausibleCandidates, rank, uniq, type Focus } from "./score.js";
import { listedBeforeTail, tailCountry } from "./tails.js";

/** Confidence reported for each way of resolving. */
const CONFIDENCE = { single: 0.9, evidence: 0.8, population: 0.5, inner: 0.6, container: 0.45, parent: 0.35, province: 0.25 };

interface Choice {
  /** The listed place the entity is, when it is one. */
  listed: GazPlace | null;
  /** The place whose point it takes: itself, the place it is named after, or a container. */
  at: GazPlace;
  confidence: number;
  method: Place["method"];
  precision: GeoPrecision;
}

/** Kinds too broad to locate a neighbourhood named after them. */
const BROAD_KINDS = new Set(["country", "admin1", "city"]);
/** Kinds a text container may have: a country says too little to put a facility on the map. */
const CONTAINER_KINDS = new Set(["admin1", "admin2", "city", "town", "village", "neighbourhood", "region"]);
/** Heads of places that an unknown name leaves somewhere in the province ("قرية X", "منطقة X", "ريف X"). */
const PROVINCE_HEADS = new Set(["settlement", "district", "countryside"]);
/** Kinds of the article's main city, for neighbourhoods and facilities no list holds. */
const FOCUS_KINDS = new Set(["city", "town", "admin2"]);
/** Heads that name a place of the listed kind inside them: "حي عصيفرة" is the quarter عصيفرة itself, "جبل X" the mountain X. */
const SAME_KIND: Record<string, string> = { neighbourhood: "neighbourhood", natural: "region" };

export function geocode(entities: WorkEntity[], gazetteer: Gazetteer, tokens: readonly Token[] = []): Place[] {
  // an unlisted ordinary word after a place head ("منطقة آمنة", "منطقة لها تاريخ") names no place
  const located = entities.filter((e) => {
    if (e.type !== "LOC" && e.type !== "FAC") return false;
    e.noPlace = notPlace(e, tokens, gazetteer.notPlaces) || undefined;
    return !e.noPlace;
  });
  // a listed name followed by describing adjectives ("جبل صبر المطل") is that listed place
  const named = new Map<WorkEntity, PlaceName[]>();
  for (const e of located) named.set(e, e.places?.length ? e.places : tokens.length ? listedBeforeTail(e, tokens, gazetteer) : []);
  const placesOf = (e: WorkEntity): PlaceName[] => named.get(e) ?? [];
  const focus = buildFocus(located, placesOf);
  const choices = new Map<WorkEntity, Choice | null>();
  for (const e of located) choices.set(e, choose(e, placesOf(e), focus));
  // A listed place without coordinates: the point of the unit holding it.
  for (const [e, c] of choices) {
    if (!c || hasPoint(c.at)) continue;
    const unit = gazetteerContainer(c.at, gazetteer);
    choices.set(e, unit ? { ...c, at: unit, method: "container", confidence: Math.min(c.confidence, CONFIDENCE.container), precision: containedPrecision(unit) } : null);
  }
  // A listed place the text puts inside a located place of the article's own country, when the listed
  // namesake lies in another ("الحماميات بقضاء التاجي" in an Iraqi story, the only listed الحماميات being
  // Syrian): that namesake is not it; the container's point stands for it.
  if (tokens.length && focus.story) {
    const startsAt = containerStarts(choices);
    for (const [e, c] of choices) {
      if (!c?.listed || c.method === "container" || !c.at.country || c.at.country === focus.story) continue;
      const unit = textContainer(e, tokens, gazetteer.links, startsAt);
      if (unit && unit.country === focus.story) choices.set(e, { listed: null, at: unit, confidence: CONFIDENCE.container, method: "container", precision: containedPrecision(unit) });
    }
  }
  // A place no list locates, followed by a located one ("حي X في Y"): the point of that place.
  const open = located.filter((e) => !choices.get(e));
  if (open.length && tokens.length) {
    const startsAt = containerStarts(choices);
    for (const e of open) {
      const unit = textContainer(e, tokens, gazetteer.links, startsAt);
      if (unit) choices.set(e, { listed: null, at: unit, confidence: CONFIDENCE.container, method: "container", precision: containedPrecision(unit) });
    }
  }
  // The article's main city: the most mentioned resolved settlement, for neighbourhoods and facilities no list holds.
  let main: GazPlace | undefined;
  let most = 0;
  for (const e of located) {
    const c = choices.get(e);
    if (c && c.listed === c.at && FOCUS_KINDS.has(c.at.kind) && hasPoint(c.at) && e.mentions.length > most) [main, most] = [c.at, e.mentions.length];
  }

  // a town the text calls foreign ("هورست الهولندية") does not lie in the main city's province
  const foreignTo = (e: WorkEntity, p: GazPlace): boolean => {
    const cc = tokens.length ? tailCountry(e, tokens, gazetteer) : null;
    return cc !== null && cc !== p.country;
  };
  const places: Place[] = [];
  const byRef = new Map<string, Place>();
  for (const e of located) {
    let c = choices.get(e) ?? null;
    if (!c && main && !foreignTo(e, main)) c = parentChoice(e, main, gazetteer);
    const listed = c?.listed ?? null;
    const ref = listed?.id ?? null;
    if (ref && byRef.has(ref)) {
      e.place = byRef.get(ref)!.id;
      continue;
    }
    const p = listed ?? c?.at;
    const pt = c?.at;
    const place: Place = {
      id: `p${places.length + 1}`,
      name: e.name,
      entity: e.id,
      kind: listed ? listed.kind : e.type === "FAC" ? "facility" : (e.head?.kind === "countryside" ? "region" : (e.head?.kind ?? "unknown")),
      feature: listed ? listed.feature || null : e.type === "FAC" ? (e.head?.kind ?? null) : null,
      ref,
      lat: pt?.lat ?? null,
      lon: pt?.lon ?? null,
      geo_precision: pt && pt.lat !== null ? c!.precision : null,
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

/**
 * A place no list holds and the text ties to nothing: a facility or quarter lies in the article's main
 * city (precision 2); a village, district or countryside the text names with its head lies somewhere
 * in the main city's province (its admin1's point, precision 3), as ACLED codes an unknown village.
 */
/** Token index → the located unit whose mention starts there, for the places that can hold others. */
function containerStarts(choices: ReadonlyMap<WorkEntity, Choice | null>): Map<number, GazPlace> {
  const startsAt = new Map<number, GazPlace>();
  for (const [e, c] of choices) {
    const p = c?.at;
    if (!p || !hasPoint(p) || !CONTAINER_KINDS.has(p.kind)) continue;
    for (const [s] of e.spans) startsAt.set(s, p);
  }
  return startsAt;
}

function parentChoice(e: WorkEntity, main: GazPlace, g: Gazetteer): Choice | null {
  if (e.type === "FAC" || e.head?.kind === "neighbourhood") return { listed: null, at: main, confidence: CONFIDENCE.parent, method: "parent", precision: 2 };
  if (!e.head || !PROVINCE_HEADS.has(e.head.kind)) return null;
  const unit = main.kind === "admin1" ? main : g.parent(main, "admin1");
  return unit && hasPoint(unit) ? { listed: null, at: unit, confidence: CONFIDENCE.province, method: "parent", precision: 3 } : null;
}

function adminName(g: Gazetteer, p: GazPlace, level: "admin1" | "admin2"): string | undefined {
  if (p.kind === level) return p.name;
  return g.parent(p, level)?.name;
}

function choose(e: WorkEntity, named: PlaceName[], focus: Focus): Choice | null {
  const anchors = anchorsFor(e, focus);
  const cands = plausibleCandidates(uniq(named), anchors, focus);
  if (!cands.length) {
    // A facility or region named after a place takes that place's point (not a neighbourhood:
    // "حي باب طبرق" is in Derna, not in Tobruk).
    const inner = plausibleCandidates(uniq(e.inner ?? []), anchors, focus).filter((c) => e.head?.kind !== "neighbourhood" || !BROAD_KINDS.has(c.place.kind));
    if (!inner.length) return null;
    const best = rank(inner, e, focus, anchors)[0];
    if (!best) return null;
    // the head names the inner place's own kind: it is that place, at its own precision
    if (e.head && SAME_KIND[e.head.kind] === best.place.kind) return { listed: best.place, at: best.place, confidence: CONFIDENCE.inner, method: "gazetteer", precision: precisionOf(best.place.kind) };
    return { listed: null, at: best.place, confidence: CONFIDENCE.inner, method: "inner", precision: containedPrecision(best.place) };
  }
  if (cands.length === 1) return { listed: cands[0].place, at: cands[0].place, confidence: CONFIDENCE.single, method: "gazetteer", precision: precisionOf(cands[0].place.kind) };
  const [a, b] = rank(cands, e, focus, anchors);
  const byEvidence = a.evidence > 0 && (!b || a.score - b.score >= 1);
  return { listed: a.place, at: a.place, confidence: byEvidence ? CONFIDENCE.evidence : CONFIDENCE.population, method: "gazetteer", precision: precisionOf(a.place.kind) };
}
