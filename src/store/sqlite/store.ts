/**
 * The embedded backend: one SQLite file (db.ts), written by one process at a time. Its calls are
 * synchronous underneath (better-sqlite3 is fastest so); the async face is the Store interface's.
 */
import type { Statement } from "better-sqlite3";
import type { ArticleRecord } from "../../batch/record.js";
import type { SearchHit } from "../queries.js";
import type { Sql, SqlValue } from "../sql.js";
import { SqlStore } from "../sql-store.js";
import type { RemergeResult, SearchOptions, WriteResult } from "../store.js";
import { remergeSqlite } from "./remerge.js";
import { openStore, type Db, type OpenOptions } from "./db.js";
import { search } from "./search.js";
import { StoreWriter } from "./writer.js";

export class SqliteStore extends SqlStore {
  readonly kind = "sqlite" as const;
  protected readonly sql: Sql;
  private writer: StoreWriter | null = null;
  private readonly statements = new Map<string, Statement<SqlValue[]>>();

  constructor(
    readonly db: Db,
    readonly location: string,
  ) {
    super();
    // statements are prepared once per text: the API asks the same few queries again and again
    const prepared = (sql: string): Statement<SqlValue[]> => {
      let st = this.statements.get(sql);
      if (!st) this.statements.set(sql, (st = db.prepare<SqlValue[]>(sql)));
      return st;
    };
    this.sql = {
      all: async <T>(sql: string, args: SqlValue[] = []) => prepared(sql).all(...args) as T[],
      get: async <T>(sql: string, args: SqlValue[] = []) => prepared(sql).get(...args) as T | undefined,
    };
  }

  static open(path: string, opts: OpenOptions = {}): SqliteStore {
    return new SqliteStore(openStore(path, opts), path);
  }

  /** The writer prepares its statements on first use, so a read-only store never does. */
  private get storeWriter(): StoreWriter {
    return (this.writer ??= new StoreWriter(this.db));
  }

  async knownHashes(): Promise<Set<string>> {
    return this.storeWriter.knownHashes();
  }

  async write(records: ArticleRecord[]): Promise<WriteResult> {
    return this.storeWriter.write(records);
  }

  async remerge(): Promise<RemergeResult> {
    return remergeSqlite(this.db);
  }

  async search(query: string, opts: SearchOptions = {}): Promise<SearchHit[]> {
    return search(this.db, query, opts);
  }

  async saveFetchState(url: string, etag: string | null, lastModified: string | null): Promise<void> {
    this.db.prepare("INSERT INTO fetch_state (url, etag, last_modified, fetched_at) VALUES (?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at").run(url, etag, lastModified, new Date().toISOString());
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
