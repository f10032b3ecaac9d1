/**
 * What every group of routes shares: the store, English names (loaded on first use), the catalogs of
 * stored actor and place names (read on first use, dropped when the store changes), and the step
 * from a request's filters to the store's query.
 */
import type { z } from "zod";
import type { ExportContext } from "../store/export.js";
import type { EventListQuery, StoryRow } from "../store/reads.js";
import type { Store } from "../store/store.js";
import { EventSummary, type EventFilterShape } from "./contract.js";
import { LiveIndex } from "./event-index.js";
import { NameCatalog } from "./names.js";

export interface EnglishOf {
  actor(ref: string | null, name: string | null): string | null;
  place(ref: string | null, name: string | null): string | null;
}

type Filters = { [K in keyof typeof EventFilterShape]?: z.infer<(typeof EventFilterShape)[K]> };

export class ApiContext {
  private context: ExportContext | undefined;
  private actorCatalog: Promise<NameCatalog> | undefined;
  private placeCatalog: Promise<NameCatalog> | undefined;
  readonly en: EnglishOf;
  /** The event list in memory (event-index.ts); it notices writes from other processes. */
  readonly index: LiveIndex;
  private readonly listeners: Array<() => void> = [];

  constructor(
    readonly store: Store,
    private readonly loadEnglish: () => ExportContext,
  ) {
    this.index = new LiveIndex(store, () => this.forget());
    this.en = {
      actor: (ref, name) => (name ? this.english().english.names.actor(ref, name)?.name ?? null : null),
      place: (ref, name) => (name ? this.english().english.names.place(ref, name)?.name ?? null : null),
    };
  }

  english(): ExportContext {
    return (this.context ??= this.loadEnglish());
  }

  /** The store changed (through this server): everything read from it is read again on next use. */
  changed(): void {
    this.index.changed();
    this.forget();
  }

  /** Called when the store is found changed (the answer cache empties itself). */
  onChange(f: () => void): void {
    this.listeners.push(f);
  }

  private forget(): void {
    this.actorCatalog = this.placeCatalog = undefined;
    for (const f of this.listeners) f();
  }

  /** Makes sure what is held (the index, the catalogs, the answer cache) is of the store as it is now. */
  async fresh(): Promise<void> {
    await this.index.get();
  }

  /** A page of events: from the index in memory, or from the store when it is too large to hold. */
  async listEvents(q: EventListQuery) {
    const idx = await this.index.get();
    return idx ? idx.list(q) : this.store.listEvents(q);
  }

  /** A page of events as JSON: from the index, each event written once through the Event schema; null when the store is too large to hold. */
  async listEventsJson(q: EventListQuery): Promise<{ total: number; items: string } | null> {
    const idx = await this.index.get();
    return idx ? idx.listJson(q, (row) => JSON.stringify(EventSummary.parse(this.event(row)))) : null;
  }

  async countsPerDay(q: EventListQuery) {
    const idx = await this.index.get();
    return idx ? idx.countsPerDay(q) : this.store.countsPerDay(q);
  }

  actors(): Promise<NameCatalog> {
    return (this.actorCatalog ??= this.store.actorNames().then((rows) => new NameCatalog(rows.map((r) => ({ ...r, en: this.en.actor(r.ref, r.name) })), false)));
  }

  places(): Promise<NameCatalog> {
    return (this.placeCatalog ??= this.store
      .groupCounts({ all: "true" }, "place", 1_000_000)
      .then((rows) => new NameCatalog(rows.map((r) => ({ name: r.name, ref: r.ref, events: r.n, en: this.en.place(r.ref, r.name) })), true)));
  }

  /** A request's filters as the store's query: names resolved through the catalogs. */
  async query(f: Filters): Promise<EventListQuery> {
    return {
      type: f.type,
      since: f.from ?? f.since,
      until: f.to ?? f.until,
      country: f.country?.map((c) => c.toUpperCase()),
      admin1: f.admin1,
      minFatalities: f.min_fatalities,
      outlet: f.outlet,
      bbox: f.bbox,
      all: f.all,
      ...(f.actor ? { actorMatch: (await this.actors()).match(f.actor) } : {}),
      ...(f.place ? { placeMatch: (await this.places()).match(f.place) } : {}),
    };
  }

  /** A story row as the API's Event. */
  event(r: StoryRow) {
    return {
      id: r.id, type: r.type, place: r.place_name, place_en: this.en.place(r.place_ref, r.place_name), place_id: r.place_ref, lat: r.lat, lon: r.lon, country: r.country, admin1: r.admin1,
      actor: r.actor_name, actor_en: this.en.actor(r.actor_ref, r.actor_name), actor_id: r.actor_ref,
      date: r.date_first, date_last: r.date_last, reports: Number(r.reports), corroboration: Number(r.corroboration), fatalities: r.fatalities,
    };
  }
}
