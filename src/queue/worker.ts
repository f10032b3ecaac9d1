/**
 * `marsad worker`: takes batches of articles from the queue, analyses them on this machine's cores
 * and stores them — any number of workers, on any machine that reaches the database. The effect is
 * exactly once: articles are keyed by content hash and written idempotently, so a batch done twice
 * (its first worker killed after writing, before saying so) adds nothing the second time; a killed
 * worker's batch expires and pg-boss hands it to another. While one batch is written the next is
 * analysed, so the cores do not wait on the database.
 */
import type PgBoss from "pg-boss";
import type { AnalysisPool } from "../batch/pool.js";
import type { ArticleRecord } from "../batch/record.js";
import type { PostgresStore } from "../store/postgres/store.js";
import { fromJobArticle, QUEUE, type JobData } from "./jobs.js";
import { pendingJobs } from "./status.js";

export interface WorkerOptions {
  store: PostgresStore;
  boss: PgBoss;
  analysis: AnalysisPool;
  /** Jobs taken at once. */
  jobsAtOnce: number;
  /** Stop when no job waits or runs anywhere; otherwise run until `stop` resolves. */
  exitWhenIdle: boolean;
  stop?: Promise<void>;
  /** How often an idle worker asks for work. */
  pollMs?: number;
  onBatch?: (b: BatchDone) => void;
  onError?: (origin: string, message: string) => void;
}

export interface BatchDone {
  job: string;
  articles: number;
  inserted: number;
  known: number;
  failed: number;
  events: number;
}

export interface WorkerSummary {
  jobs: number;
  articles: number;
  inserted: number;
  known: number;
  failed: number;
  events: number;
  elapsed: number;
}

const POLL_MS = 1000;

export async function runWorker(o: WorkerOptions): Promise<WorkerSummary> {
  const started = Date.now();
  const s: WorkerSummary = { jobs: 0, articles: 0, inserted: 0, known: 0, failed: 0, events: 0, elapsed: 0 };
  let stopping = false;
  void o.stop?.then(() => (stopping = true));
  let writing: Promise<void> = Promise.resolve();
  let wrote = false;

  const store = async (job: PgBoss.Job<JobData>, records: ArticleRecord[], failed: number): Promise<void> => {
    try {
      const w = await o.store.write(records);
      wrote = true;
      await o.boss.complete(QUEUE, job.id, { inserted: w.inserted, known: w.skipped, failed, events: w.events });
      const done = { job: job.id, articles: job.data.articles.length, inserted: w.inserted, known: w.skipped, failed, events: w.events };
      s.jobs++;
      s.articles += done.articles;
      s.inserted += done.inserted;
      s.known += done.known;
      s.failed += failed;
      s.events += done.events;
      o.onBatch?.(done);
    } catch (e) {
      // the batch goes back to the queue (pg-boss retries it, then leaves it failed for `marsad status`)
      o.onError?.(`job ${job.id}`, (e as Error).message);
      await o.boss.fail(QUEUE, job.id, { error: (e as Error).message }).catch(() => {});
    }
  };

  while (!stopping) {
    const jobs = await o.boss.fetch<JobData>(QUEUE, { batchSize: o.jobsAtOnce });
    if (!jobs.length) {
      await writing;
      // the queue ran dry: stories as the canonical order gives them, whichever worker wrote what when
      // (../store/remerge.ts); the last worker to write is the last to run it, under the write lock
      if (wrote) {
        await o.store.remerge();
        wrote = false;
      }
      if (o.exitWhenIdle && (await pendingJobs(o.store.pool)) === 0) break;
      await Promise.race([new Promise((r) => setTimeout(r, o.pollMs ?? POLL_MS)), o.stop]);
      continue;
    }
    for (const job of jobs) {
      const items = job.data.articles.map(fromJobArticle);
      const replies = await Promise.all(items.map(({ input, hash }) => o.analysis.analyze(input, hash)));
      const records: ArticleRecord[] = [];
      let failed = 0;
      replies.forEach((r, k) => {
        if (r.ok) {
          if (r.record) records.push(r.record);
        } else {
          failed++;
          o.onError?.(items[k].input.origin, r.error);
        }
      });
      await writing;
      writing = store(job, records, failed);
    }
  }
  await writing;
  s.elapsed = (Date.now() - started) / 1000;
  return s;
}
