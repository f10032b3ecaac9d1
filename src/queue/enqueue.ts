/**
 * `marsad ingest --enqueue`: reads the inputs as an ingest does, and puts their articles on the
 * queue in batches, for `marsad worker` processes to analyse and store. Articles are keyed by content
 * hash: one already stored or already queued is left out, so enqueueing the same input again adds
 * nothing. The hashes and their job are written in one transaction: a job is never lost between them.
 */
import type PgBoss from "pg-boss";
import { contentHash } from "../batch/record.js";
import type { Fetcher } from "../ingest/fetch.js";
import { readSources } from "../ingest/sources.js";
import type { PostgresStore } from "../store/postgres/store.js";
import { QUEUE, toJobArticle, type JobArticle, type JobData, type QueueSettings } from "./jobs.js";

export interface EnqueueOptions {
  paths: string[];
  store: PostgresStore;
  boss: PgBoss;
  settings: QueueSettings;
  /** Articles per job. */
  batchSize: number;
  fetcher: Fetcher | null;
  maxBytes?: number;
  onError?: (origin: string, message: string) => void;
}

export interface EnqueueSummary {
  read: number;
  queued: number;
  jobs: number;
  /** Already stored or already on the queue. */
  known: number;
  failed: number;
}

export async function enqueue(opts: EnqueueOptions): Promise<EnqueueSummary> {
  const s: EnqueueSummary = { read: 0, queued: 0, jobs: 0, known: 0, failed: 0 };
  const stored = await opts.store.knownHashes();
  const seen = new Set<string>();
  let batch: JobArticle[] = [];
  const flush = async (): Promise<void> => {
    if (!batch.length) return;
    const articles = batch;
    batch = [];
    const client = await opts.store.pool.connect();
    try {
      await client.query("BEGIN");
      // only the hashes no earlier run queued go into the job
      const fresh = new Set((await client.query<{ hash: string }>("INSERT INTO queued_articles (hash) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING RETURNING hash", [articles.map((a) => a.hash)])).rows.map((r) => r.hash));
      const data: JobData = { articles: articles.filter((a) => fresh.has(a.hash)) };
      if (data.articles.length) {
        await opts.boss.insert([{ name: QUEUE, data, expireInSeconds: opts.settings.jobTimeoutSeconds, retryLimit: opts.settings.retryLimit, retryDelay: 1 }], { db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) } });
        s.jobs++;
      }
      await client.query("COMMIT");
      s.queued += data.articles.length;
      s.known += articles.length - data.articles.length;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  };
  for await (const item of readSources(opts.paths, opts.fetcher, opts.maxBytes)) {
    s.read++;
    if ("error" in item) {
      s.failed++;
      opts.onError?.(item.origin, item.error);
      continue;
    }
    const hash = contentHash(item.input);
    if (stored.has(hash) || seen.has(hash)) {
      s.known++;
      continue;
    }
    seen.add(hash);
    batch.push(toJobArticle(item.input, hash));
    if (batch.length >= opts.batchSize) await flush();
  }
  await flush();
  return s;
}
