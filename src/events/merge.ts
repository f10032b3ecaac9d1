/**
 * One happening, one event: mentions in an article with the same type, the same place and a
 * compatible actor (the same entity, names sharing a word, or one of them unknown) are merged,
 * keeping every supporting sentence. The merged event keeps the most precise date, the first count,
 * the largest toll, and every source.
 */
import type { RawEvent } from "./extract.js";
import { happenedWith } from "./factuality.js";

const PRECISION_RANK: Record<string, number> = { day: 5, week: 4, month: 3, year: 2, approximate: 1 };
const words = (s: string): Set<string> => new Set(s.replace(/^و/, "").split(/\s+/).map((w) => w.replace(/^(ال|وال|بال|لل)/, "")).filter((w) => w.length > 2));

export function compatibleActors(a: RawEvent["actor"], b: RawEvent["actor"]): boolean {
  if (!a || !b) return true;
  if (a.entity && b.entity) return a.entity === b.entity;
  const wa = words(a.name);
  return [...words(b.name)].some((w) => wa.has(w));
}

/**
 * Linear-time cap: a group grown to this size is closed, and at most this many groups per type, place
 * and realisation stay open, so that a long list of like mentions costs linear time, not quadratic.
 * No news article comes near either.
 */
const MAX_GROUP = 64;

export function mergeEvents(raw: RawEvent[]): RawEvent[][] {
  const groups: RawEvent[][] = [];
  // candidates by type, place and realisation (only those can merge), in order of creation
  const open = new Map<string, Map<unknown, RawEvent[][]>>();
  for (const e of raw) {
    const key = `${e.type}|${happened(e)}`;
    const byPlace = open.get(key) ?? open.set(key, new Map()).get(key)!;
    const candidates = byPlace.get(e.place) ?? byPlace.set(e.place, []).get(e.place)!;
    const g = candidates.find((x) => x.every((y) => compatibleActors(y.actor, e.actor)) && sameDay(x, e));
    if (g) {
      g.push(e);
      if (g.length >= MAX_GROUP) candidates.splice(candidates.indexOf(g), 1);
    } else {
      groups.push([e]);
      candidates.push(groups[groups.length - 1]);
      if (candidates.length > MAX_GROUP) candidates.shift(); // the oldest of many like groups stops taking mentions
    }
  }
  return groups;
}

const happened = (e: RawEvent): boolean => happenedWith(e.modality);

/** Two explicit days that differ are two happenings ("سيطرت على عدن اليوم" and "… في 17 يوليو"). */
function sameDay(group: RawEvent[], e: RawEvent): boolean {
  if (e.date?.precision !== "day" || !e.date.date) return true;
  return group.every((x) => x.date?.precision !== "day" || !x.date.date || x.date.date === e.date!.date);
}

/** The best value of each field across a group's mentions. */
export function bestOf(group: RawEvent[]) {
  // the actor named most often, the fullest on a tie ("القوات الحكومية" rather than "القوات")
  const actors = group.map((e) => e.actor).filter((a): a is NonNullable<RawEvent["actor"]> => !!a);
  const counted = new Map<string, number>();
  for (const a of actors) counted.set(a.name, (counted.get(a.name) ?? 0) + 1);
  const times = (a: NonNullable<RawEvent["actor"]>): number => counted.get(a.name)!;
  const actor = [...actors].sort((a, b) => times(b) - times(a) || b.name.length - a.name.length)[0] ?? null;
  const date = group.map((e) => e.date).filter((d) => d && d.date).sort((a, b) => (PRECISION_RANK[b!.precision] ?? 0) - (PRECISION_RANK[a!.precision] ?? 0))[0] ?? null;
  const decided = group.find((e) => e.modality === "asserted") ?? group[0];
  const { modality, modalityCue } = decided;
  const count = group.find((e) => e.count)?.count ?? null;
  const target = group.find((e) => e.target)?.target ?? null;
  const associates = [...new Map(group.flatMap((e) => e.associates).map((a) => [a.name, a])).values()];
  return { actor, target, associates, date, count, modality, modalityCue, fatalities: largest(group.map((e) => e.fatalities)), wounded: largest(group.map((e) => e.wounded)), tollShared: group.some((e) => e.tollShared), background: group.every((e) => e.background) };
}

/** The largest of the tallies given ("ارتفعت الحصيلة إلى 32 قتيلا" after "مقتل 30"). */
function largest<T extends { value: number }>(xs: Array<T | null>): T | null {
  let best: T | null = null;
  for (const x of xs) if (x && (!best || x.value > best.value)) best = x;
  return best;
}
