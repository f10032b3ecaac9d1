/**
 * The server backend: a PostgreSQL database reached through a pool of connections, shared by any
 * number of ingest workers and API servers. The schema is brought up to date on open (migrate.ts);
 * writes take turns on an advisory lock (writer.ts); reads are the shared ones (../reads.ts).
 */
import { createHash } from "node:crypto";
import type { Pool } from "pg";
import type { ArticleRecord } from "../../batch/record.js";
import type { SearchHit } from "../queries.js";
import { numbered, type Sql, type SqlValue } from "../sql.js";
import { SqlStore } from "../sql-store.js";
import type { RemergeResult, SearchOptions, WriteResult } from "../store.js";
import { remergePostgres } from "./remerge.js";
import { createPool, explain, parseUrl } from "./connect.js";
import { migrate } from "./migrate.js";
import { search } from "./search.js";
import { writeBatch } from "./writer.js";

export class PostgresStore extends SqlStore {
  readonly kind = "postgres" as const;
  protected readonly sql: Sql;

  private constructor(
    readonly pool: Pool,
    readonly location: string,
  ) {
    super();
    // reads are named statements, prepared once per connection: the API asks the same few queries
    // (one per combination of filters) again and again, and planning each anew cost more than running it
    const names = new Map<string, { name: string; text: string }>();
    const statement = (sql: string): { name: string; text: string } => {
      let st = names.get(sql);
      if (!st) names.set(sql, (st = { name: `marsad-read-${createHash("sha1").update(sql).digest("hex").slice(0, 16)}`, text: numbered(sql) }));
      return st;
    };
    this.sql = {
      all: async <T>(sql: string, args: SqlValue[] = []) => (await pool.query({ ...statement(sql), values: args })).rows as T[],
      get: async <T>(sql: string, args: SqlValue[] = []) => (await pool.query({ ...statement(sql), values: args })).rows[0] as T | undefined,
    };
  }

  /** Connects, migrates, and fails with one line a user can act on when the database cannot be used. */
  static async open(url: string, opts: { poolSize?: number } = {}): Promise<PostgresStore> {
    const target = parseUrl(url);
    const pool = createPool(url, opts.poolSize);
    try {
      await migrate(pool);
    } catch (e) {
      await pool.end().catch(() => {});
      throw explain(e, target);
    }
    return new PostgresStore(pool, target.shown);
  }

  async knownHashes(): Promise<Set<string>> {
    return new Set((await this.pool.query<{ hash: string }>("SELECT hash FROM articles")).rows.map((r) => r.hash));
  }

  async write(records: ArticleRecord[]): Promise<WriteResult> {
    const client = await this.pool.connect();
    try {
      return await writeBatch(client, records);
    } finally {
      client.release();
    }
  }

  async remerge(): Promise<RemergeResult> {
    const client = await this.pool.connect();
    try {
      return await remergePostgres(client);
    } finally {
      client.release();
    }
  }

  search(query: string, opts: SearchOptions = {}): Promise<SearchHit[]> {
    return search(this.pool, query, opts);
  }

  async saveFetchState(url: string, etag: string | null, lastModified: string | null): Promise<void> {
    await this.pool.query("INSERT INTO fetch_state (url, etag, last_modified, fetched_at) VALUES ($1, $2, $3, $4) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at", [url, etag, lastModified, new Date().toISOString()]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
