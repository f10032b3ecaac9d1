/**
 * The event list in memory: every story's listed fields, newest first, read once from the store, so
 * that a page of /api/events, its total and the timeline's counts are one pass over an array instead
 * of two queries — what lets the server answer hundreds of clients asking distinct filters at once.
 * It gives exactly what the store's SQL gives (reads.ts eventFilters; a test holds the two together)
 * and is read again when the store changes: the server checks a cheap change mark (the newest event,
 * article and story ids) at most once a second, so writers in other processes (`marsad ingest`,
 * PostgreSQL workers) are seen too. A store with more stories than MAX_STORIES is left to SQL.
 */
import type { EventListQuery, EventListing, StoryRow } from "../store/reads.js";
import type { Store } from "../store/store.js";

/** Stories at most to hold in memory (about 300 bytes each). */
export const MAX_STORIES = 500_000;
/** How often, at most, the store's change mark is read. */
const CHECK_MS = 1000;

interface Entry {
  row: StoryRow;
  current: boolean;
  /** coalesce(date_last, date_first): what `since` is compared with. */
  last: string | null;
  outlets: string[];
  /** The story as the API writes it (see json()), once asked for. */
  json?: string;
}

export class EventIndex {
  /** The entries of each type, in list order. */
  private readonly byType = new Map<string, Entry[]>();

  private constructor(private readonly entries: Entry[]) {
    for (const e of entries) {
      const l = this.byType.get(e.row.type);
      if (l) l.push(e);
      else this.byType.set(e.row.type, [e]);
    }
  }

  static async load(store: Store): Promise<EventIndex | null> {
    const { stories, outlets } = await store.storyIndexRows();
    if (stories.length > MAX_STORIES) return null;
    const byStory = new Map<number, string[]>();
    for (const o of outlets) {
      const l = byStory.get(o.story_id);
      if (l) l.push(o.outlet);
      else byStory.set(o.story_id, [o.outlet]);
    }
    return new EventIndex(
      stories.map(({ current, ...row }) => ({ row: { ...row, reports: Number(row.reports), corroboration: Number(row.corroboration) }, current: current === 1, last: row.date_last ?? row.date_first, outlets: byStory.get(row.id) ?? [] })),
    );
  }

  get size(): number {
    return this.entries.length;
  }

  /** The test of a query, as eventFilters writes it in SQL. */
  private test(q: EventListQuery): (e: Entry) => boolean {
    const checks: Array<(e: Entry) => boolean> = [];
    if (q.all !== "true") checks.push((e) => e.current);
    if (q.type?.length) {
      const t = new Set(q.type);
      checks.push((e) => t.has(e.row.type));
    }
    // a NULL date compares as unknown in SQL: the story is left out
    if (q.since) checks.push((e) => e.last !== null && e.last >= q.since!);
    if (q.until) checks.push((e) => e.row.date_first !== null && e.row.date_first <= q.until!);
    if (q.placeMatch) checks.push(among(q.placeMatch, (e) => e.row.place_ref, (e) => e.row.place_name));
    else if (q.place) checks.push((e) => e.row.place_name === q.place || e.row.place_ref === q.place);
    if (q.actorMatch) checks.push(among(q.actorMatch, (e) => e.row.actor_ref, (e) => e.row.actor_name));
    else if (q.actor) {
      // SQL's LIKE: case-insensitive for ASCII letters only (both backends here: SQLite's LIKE, and the text is Arabic)
      const a = q.actor.toLowerCase();
      checks.push((e) => e.row.actor_name !== null && e.row.actor_name.toLowerCase().includes(a));
    }
    if (q.country?.length) {
      const c = new Set(q.country);
      checks.push((e) => e.row.country !== null && c.has(e.row.country));
    }
    if (q.admin1) checks.push((e) => e.row.admin1 === q.admin1);
    if (q.minFatalities !== undefined) checks.push((e) => e.row.fatalities !== null && e.row.fatalities >= q.minFatalities!);
    if (q.outlet) checks.push((e) => e.outlets.includes(q.outlet!));
    if (q.bbox) {
      const [x0, y0, x1, y1] = q.bbox;
      checks.push((e) => e.row.lon !== null && e.row.lat !== null && e.row.lon >= x0 && e.row.lon <= x1 && e.row.lat >= y0 && e.row.lat <= y1);
    }
    // a plain loop: this runs for every story of every request, and a closure per call is garbage
    return (e) => {
      for (let k = 0; k < checks.length; k++) if (!checks[k](e)) return false;
      return true;
    };
  }

  /** The stories a query has to look at, in list order: one type's own, or all. */
  private scope(q: EventListQuery): Entry[] {
    return q.type?.length === 1 ? (this.byType.get(q.type[0]) ?? []) : this.entries;
  }

  /** A page of the list and its total, newest first (as listEvents). */
  list(q: EventListQuery): EventListing {
    const test = this.test(q);
    const limit = q.limit ?? 100, offset = q.offset ?? 0;
    const map = q.fields === "map";
    let total = 0, skipped = 0;
    const rows: StoryRow[] = [];
    for (const e of this.scope(q)) {
      if (!test(e)) continue;
      total++;
      if (map && e.row.lat === null) continue;
      if (skipped < offset) {
        skipped++;
        continue;
      }
      if (rows.length < limit) rows.push(e.row);
    }
    if (map) return { total, map: rows.map((r) => [r.id, r.type, r.lat as number, r.lon as number]) };
    return { total, rows };
  }

  /**
   * A page of the list as the API's JSON items, each written once by `write` and kept: a page is then
   * a join of strings, not a hundred objects built and serialised anew.
   */
  listJson(q: EventListQuery, write: (row: StoryRow) => string): { total: number; items: string } {
    const test = this.test(q);
    const limit = q.limit ?? 100, offset = q.offset ?? 0;
    let total = 0, skipped = 0;
    const parts: string[] = [];
    for (const e of this.scope(q)) {
      if (!test(e)) continue;
      total++;
      if (skipped < offset) {
        skipped++;
        continue;
      }
      if (parts.length < limit) parts.push((e.json ??= write(e.row)));
    }
    return { total, items: `[${parts.join(",")}]` };
  }

  /** Events per day of a query, in date order (as countsPerDay). */
  countsPerDay(q: EventListQuery): Array<{ date: string; n: number }> {
    const test = this.test(q);
    const counts = new Map<string, number>();
    for (const e of this.scope(q)) if (e.row.date_first !== null && test(e)) counts.set(e.row.date_first, (counts.get(e.row.date_first) ?? 0) + 1);
    return [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([date, n]) => ({ date, n }));
  }
}

function among(m: { refs: string[]; names: string[] }, ref: (e: Entry) => string | null, name: (e: Entry) => string | null): (e: Entry) => boolean {
  const refs = new Set(m.refs), names = new Set(m.names);
  return (e) => {
    const r = ref(e), n = name(e);
    return (r !== null && refs.has(r)) || (n !== null && names.has(n));
  };
}

/**
 * The index of a store, kept fresh: read on first use, and again after the store's change mark moved
 * (checked at most once a second) or after `changed()`. Calls `onChange` when it finds the store changed.
 */
export class LiveIndex {
  private index: Promise<EventIndex | null> | undefined;
  private mark: string | undefined;
  private checked = 0;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly onChange: () => void,
    private readonly checkMs = CHECK_MS,
  ) {}

  changed(): void {
    this.index = undefined;
    this.mark = undefined;
  }

  /** The index, or null when the store is too large to hold. */
  async get(): Promise<EventIndex | null> {
    if (Date.now() - this.checked >= this.checkMs) await (this.checking ??= this.check().finally(() => (this.checking = undefined)));
    return (this.index ??= EventIndex.load(this.store));
  }

  private async check(): Promise<void> {
    this.checked = Date.now();
    const mark = await this.store.changeMark();
    if (this.mark !== undefined && mark !== this.mark) {
      this.index = undefined;
      this.onChange();
    }
    this.mark = mark;
  }
}
