/**
 * The store, whatever holds it: an embedded SQLite file (the default, nothing to install) or a
 * PostgreSQL database (several ingest workers and readers at once). Commands, the ingest and the
 * HTTP API talk to this interface only; both backends give the same articles, events, stories and
 * exports from the same input. Every method is async, since a server database answers over a socket.
 */
import type { ArticleRecord } from "../batch/record.js";
import type { ArticleListing, ArticleRow, EventListQuery, EventListing, PlaceRow, StoryDetail, StoryRow } from "./reads.js";
import type { ControlOptions, EventFilters, PlaceControl, SearchHit, StoryRecord } from "./queries.js";
import type { ActorNameRow, CountryRow, GroupRow, SaidRow } from "./reads-workbench.js";

export type { ArticleListing, ArticleRow, EventListQuery, EventListing, PlaceRow, StoryDetail, StoryRow } from "./reads.js";
export type { ControlOptions, EventFilters, PlaceControl, SearchHit, StoryRecord } from "./queries.js";
export type { ActorNameRow, CountryRow, GroupRow, SaidRow } from "./reads-workbench.js";

export interface WriteResult {
  inserted: number;
  skipped: number;
  duplicates: number;
  events: number;
}

export interface SearchOptions {
  limit?: number;
  kind?: string;
}

export interface FetchState {
  etag: string | null;
  last_modified: string | null;
}

export interface Store {
  readonly kind: "sqlite" | "postgres";
  /** Where it is, for messages: a file path, or the database URL without its password. */
  readonly location: string;

  /** Hashes already stored: an ingest skips them before analysing anything. */
  knownHashes(): Promise<Set<string>>;
  /**
   * Stores analysed articles in one transaction: an article already stored (same content hash) is
   * skipped, a near-duplicate is linked to its original, each event joins its story or opens one.
   */
  write(records: ArticleRecord[]): Promise<WriteResult>;

  search(query: string, opts?: SearchOptions): Promise<SearchHit[]>;
  stories(filters?: EventFilters, limit?: number, offset?: number): Promise<StoryRecord[]>;
  controlTimeline(opts?: ControlOptions): Promise<PlaceControl[]>;
  /** The API's event (story) list: a page of rows and the total. */
  listEvents(q: EventListQuery): Promise<EventListing>;
  /** One story with every report behind it; null when there is none of that id. */
  storyDetail(id: number): Promise<StoryDetail | null>;
  countsPerDay(q: EventListQuery): Promise<Array<{ date: string; n: number }>>;
  places(q: { q?: string; limit: number }): Promise<PlaceRow[]>;
  articles(limit: number, offset: number): Promise<ArticleListing>;
  article(id: number): Promise<ArticleRow | null>;

  // The analyst's workbench (reads-workbench.ts): each takes the event list's filters where it filters.
  /** The earliest and latest article. */
  publishedRange(): Promise<{ min: string | null; max: string | null }>;
  countries(q: EventListQuery): Promise<CountryRow[]>;
  admin1s(q: { country?: string; q?: string; limit: number }): Promise<Array<{ country: string | null; admin1: string; events: number }>>;
  outlets(): Promise<Array<{ outlet: string; events: number }>>;
  /** Every actor name stories are stored under, with its record id and story count. */
  actorNames(): Promise<ActorNameRow[]>;
  /** The stories of a filter, newest first, with every report: what the exports write. */
  exportStories(q: EventListQuery, limit: number): Promise<StoryRecord[]>;
  /** The claims and quotes of these articles. */
  saidIn(articleIds: number[]): Promise<SaidRow[]>;
  /** The words these speakers said (quotes and claims), newest first. */
  saidBy(names: string[], limit: number): Promise<SaidRow[]>;
  /** Outlets carrying the words of these speakers, most first. */
  quotedBy(names: string[]): Promise<Array<{ outlet: string; n: number }>>;
  /** Story counts of a filter by type, place or actor, most first. */
  groupCounts(q: EventListQuery, by: "type" | "place" | "actor", limit: number): Promise<GroupRow[]>;
  /** Every story as the event list shows it, with whether a current report holds it, and the outlets of each: for an index in memory. */
  storyIndexRows(): Promise<{ stories: Array<StoryRow & { current: number }>; outlets: Array<{ story_id: number; outlet: string }> }>;
  /** Changes whenever anything is written to the store. */
  changeMark(): Promise<string>;
  /** The places the events of these articles happened at. */
  articlePlaces(articleIds: number[]): Promise<Array<{ article_id: number; ref: string | null; name: string }>>;

  /** Validators of a URL fetched before, for a conditional GET. */
  fetchState(url: string): Promise<FetchState | undefined>;
  saveFetchState(url: string, etag: string | null, lastModified: string | null): Promise<void>;

  close(): Promise<void>;
}
