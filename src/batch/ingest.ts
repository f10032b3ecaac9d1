/**
 * An ingest run: every input streams through the analysis workers into the store, in batched
 * transactions. Articles already stored (by content hash) are skipped before analysis; bad items are
 * reported with their reason and skipped; the run goes on.
 */
import { AnalysisPool } from "./pool.js";
import { contentHash, type ArticleRecord } from "./record.js";
import { readSources } from "../ingest/sources.js";
import type { Fetcher } from "../ingest/fetch.js";
import type { Store } from "../store/store.js";
import type { WorkReply } from "./worker.js";

export interface IngestRunOptions {
  paths: string[];
  store: Store;
  workers?: number;
  /** Articles per transaction. */
  batchSize?: number;
  fetcher: Fetcher | null;
  importedGazetteer?: string | null;
  /** Size limit of one article, in bytes. */
  maxBytes?: number;
  /** Time budget of one article, in milliseconds. */
  timeoutMs?: number;
  onProgress?: (p: IngestProgress) => void;
  onError?: (origin: string, message: string) => void;
}

export interface IngestProgress {
  read: number;
  done: number;
  inserted: number;
  known: number;
  failed: number;
  elapsed: number;
}

export interface IngestSummary extends IngestProgress {
  duplicates: number;
  events: number;
  articlesPerSecond: number;
  peakMemoryMB: number;
}

const DEFAULT_BATCH = 250;
const FLUSH_MS = 1000;
/** Batches waiting for the store before reading pauses: a server store can be slower than the analysis. */
const MAX_QUEUED_WRITES = 2;

export async function runIngest(opts: IngestRunOptions): Promise<IngestSummary> {
  const started = Date.now();
  const known = await opts.store.knownHashes();
  const pool = new AnalysisPool({ workers: opts.workers, importedGazetteer: opts.importedGazetteer, maxBytes: opts.maxBytes, timeoutMs: opts.timeoutMs });
  const batchSize = opts.batchSize ?? DEFAULT_BATCH;
  const s: IngestSummary = { read: 0, done: 0, inserted: 0, known: 0, failed: 0, elapsed: 0, duplicates: 0, events: 0, articlesPerSecond: 0, peakMemoryMB: 0 };
  let batch: ArticleRecord[] = [];
  let lastFlush = Date.now();
  const inflight = new Set<Promise<void>>();
  const progress = (): void => opts.onProgress?.({ read: s.read, done: s.done, inserted: s.inserted, known: s.known, failed: s.failed, elapsed: (Date.now() - started) / 1000 });
  // writes run one after another, in the order their batches filled
  let writing: Promise<void> = Promise.resolve();
  let queuedWrites = 0;
  const flush = (): Promise<void> => {
    if (!batch.length) return writing;
    const records = batch;
    batch = [];
    lastFlush = Date.now();
    queuedWrites++;
    writing = writing.then(async () => {
      try {
        const r = await opts.store.write(records);
        s.inserted += r.inserted;
        s.known += r.skipped;
        s.duplicates += r.duplicates;
        s.events += r.events;
      } finally {
        queuedWrites--;
      }
    });
    return writing;
  };
  const settle = (origin: string) => (reply: WorkReply): void => {
    s.done++;
    if (reply.ok) {
      if (reply.record) batch.push(reply.record);
    } else {
      s.failed++;
      opts.onError?.(origin, reply.error);
    }
    if (batch.length >= batchSize || Date.now() - lastFlush > FLUSH_MS) void flush().catch(() => {});
    progress();
  };
  try {
    for await (const item of readSources(opts.paths, opts.fetcher, opts.maxBytes)) {
      s.read++;
      if ("error" in item) {
        s.failed++;
        s.done++;
        opts.onError?.(item.origin, item.error);
        progress();
        continue;
      }
      const hash = contentHash(item.input);
      if (known.has(hash)) {
        s.known++;
        s.done++;
        progress();
        continue;
      }
      known.add(hash);
      if (queuedWrites >= MAX_QUEUED_WRITES) await writing;
      while (pool.capacity === 0 && inflight.size) await Promise.race(inflight);
      const p: Promise<void> = pool.analyze(item.input, hash).then(settle(item.input.origin)).finally(() => inflight.delete(p));
      inflight.add(p);
    }
  } finally {
    // whatever happens, the articles analysed so far are stored
    await Promise.allSettled(inflight);
    try {
      await flush();
    } finally {
      await pool.close();
    }
  }
  // stories as the canonical order gives them, whatever order the analysis threads finished in (and an
  // interrupted run's are put right by the next run that stores anything): ../store/remerge.ts
  if (s.inserted > 0) await opts.store.remerge();
  s.elapsed = (Date.now() - started) / 1000;
  s.articlesPerSecond = s.done / Math.max(s.elapsed, 0.001);
  s.peakMemoryMB = Math.round(process.resourceUsage().maxRSS / 1024);
  return s;
}
