/**
 * One happening, one event: mentions in an article with the same type, the same place and a
 * compatible actor (the same entity, names sharing a word, or one of them unknown) are merged,
 * keeping every supporting sentence. The merged event keeps the most precise date, the first count,
 * the largest toll, and every source.
 */
import type { RawEvent } from "./extract.js";

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
    const g = groups.find((x) => x[0].type === e.type && x[0].place === e.place && x[0].modality === e.modality && x.every((y) => compatibleActors(y.actor, e.actor)));
    if (g) g.push(e);
    else groups.push([e]);
  }
  return groups;
}

/** The best value of each field across a group's mentions. */
export function bestOf(group: RawEvent[]) {
  const actor = group.find((e) => e.actor?.entity)?.actor ?? group.find((e) => e.actor)?.actor ?? null;
  const date = group.map((e) => e.date).filter((d) => d && d.date).sort((a, b) => (PRECISION_RANK[b!.precision] ?? 0) - (PRECISION_RANK[a!.precision] ?? 0))[0] ?? null;
  const count = group.find((e) => e.count)?.count ?? null;
  const tolls = group.map((e) => e.fatalities).filter((n): n is number => n !== null);
  return { actor, date, count, fatalities: tolls.length ? Math.max(...tolls) : null, background: group.every((e) => e.background) };
}
