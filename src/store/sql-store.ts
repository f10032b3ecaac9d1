/**
 * The reads every backend shares: written once over the backend's `Sql` reader (sql.ts). A backend
 * adds its writes, its search and its way of opening and closing.
 */
import { controlTimeline, stories, type ControlOptions, type EventFilters, type PlaceControl, type SearchHit, type StoryRecord } from "./queries.js";
import * as reads from "./reads.js";
import * as bench from "./reads-workbench.js";
import type { Sql } from "./sql.js";
import type { FetchState, SearchOptions, Store, WriteResult } from "./store.js";
import type { ArticleRecord } from "../batch/record.js";

export abstract class SqlStore implements Store {
  abstract readonly kind: Store["kind"];
  abstract readonly location: string;
  protected abstract readonly sql: Sql;

  abstract knownHashes(): Promise<Set<string>>;
  abstract write(records: ArticleRecord[]): Promise<WriteResult>;
  abstract search(query: string, opts?: SearchOptions): Promise<SearchHit[]>;
  abstract saveFetchState(url: string, etag: string | null, lastModified: string | null): Promise<void>;
  abstract close(): Promise<void>;

  stories(filters: EventFilters = {}, limit?: number, offset?: number): Promise<StoryRecord[]> {
    return stories(this.sql, filters, limit, offset);
  }
  controlTimeline(opts: ControlOptions = {}): Promise<PlaceControl[]> {
    return controlTimeline(this.sql, opts);
  }
  listEvents(q: reads.EventListQuery): Promise<reads.EventListing> {
    return reads.listEvents(this.sql, q);
  }
  storyDetail(id: number): Promise<reads.StoryDetail | null> {
    return reads.storyDetail(this.sql, id);
  }
  countsPerDay(q: reads.EventListQuery): Promise<Array<{ date: string; n: number }>> {
    return reads.countsPerDay(this.sql, q);
  }
  places(q: { q?: string; limit: number }): Promise<reads.PlaceRow[]> {
    return reads.places(this.sql, q);
  }
  articles(limit: number, offset: number): Promise<reads.ArticleListing> {
    return reads.articles(this.sql, limit, offset);
  }
  article(id: number): Promise<reads.ArticleRow | null> {
    return reads.article(this.sql, id);
  }
  publishedRange(): Promise<{ min: string | null; max: string | null }> {
    return bench.publishedRange(this.sql);
  }
  countries(q: reads.EventListQuery): Promise<bench.CountryRow[]> {
    return bench.countries(this.sql, q);
  }
  admin1s(q: { country?: string; q?: string; limit: number }): Promise<Array<{ country: string | null; admin1: string; events: number }>> {
    return bench.admin1s(this.sql, q);
  }
  outlets(): Promise<Array<{ outlet: string; events: number }>> {
    return bench.outlets(this.sql);
  }
  actorNames(): Promise<bench.ActorNameRow[]> {
    return bench.actorNames(this.sql);
  }
  exportStories(q: reads.EventListQuery, limit: number): Promise<StoryRecord[]> {
    return bench.exportStories(this.sql, q, limit);
  }
  saidIn(articleIds: number[]): Promise<bench.SaidRow[]> {
    return bench.saidIn(this.sql, articleIds);
  }
  saidBy(names: string[], limit: number): Promise<bench.SaidRow[]> {
    return bench.saidBy(this.sql, names, limit);
  }
  quotedBy(names: string[]): Promise<Array<{ outlet: string; n: number }>> {
    return bench.quotedBy(this.sql, names);
  }
  groupCounts(q: reads.EventListQuery, by: "type" | "place" | "actor", limit: number): Promise<bench.GroupRow[]> {
    return bench.groupCounts(this.sql, q, by, limit);
  }
  storyIndexRows(): ReturnType<Store["storyIndexRows"]> {
    return bench.storyIndexRows(this.sql);
  }
  changeMark(): Promise<string> {
    return bench.changeMark(this.sql);
  }
  articlePlaces(articleIds: number[]): Promise<Array<{ article_id: number; ref: string | null; name: string }>> {
    return bench.articlePlaces(this.sql, articleIds);
  }
  fetchState(url: string): Promise<FetchState | undefined> {
    return this.sql.get<FetchState>("SELECT etag, last_modified FROM fetch_state WHERE url = ?", [url]);
  }
}
