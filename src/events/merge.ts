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

export function mergeEvents(raw: RawEvent[]): RawEvent[][] {
  const groups: RawEvent[][] = [];
  for (const e of raw) {
    const g = groups.find((x) => x[0].type === e.type && x[0].place === e.place && happened(x[0]) === happened(e) && x.every((y) => compatibleActors(y.actor, e.actor)) && sameDay(x, e));
    if (g) g.push(e);
    else groups.push([e]);
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
  const times = (a: NonNullable<RawEvent["actor"]>): number => actors.filter((b) => b.name === a.name).length;
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
