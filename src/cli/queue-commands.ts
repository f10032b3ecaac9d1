/**
 * `marsad worker` and `marsad status`: the processes that analyse and store what `marsad ingest
 * --enqueue` queued, on any machine that reaches the PostgreSQL database, and a look at their progress.
 */
import { Command } from "commander";
import { availableParallelism } from "node:os";
import { AnalysisPool, DEFAULT_ARTICLE_TIMEOUT_MS } from "../batch/pool.js";
import { EXIT, MarsadError } from "../errors.js";
import { importedGazetteerDir } from "../home.js";
import { DEFAULT_QUEUE_SETTINGS, startBoss } from "../queue/jobs.js";
import { queueStatus } from "../queue/status.js";
import { runWorker } from "../queue/worker.js";
import { describeStore, isPostgresUrl, openStoreAt, storeSpec } from "../store/open.js";
import type { PostgresStore } from "../store/postgres/store.js";
import { intBetween, warn } from "./common.js";

/** The queue lives in PostgreSQL: a command that needs it refuses an SQLite file at once. */
export async function openQueueStore(db: string | undefined, what: string): Promise<{ spec: string; store: PostgresStore }> {
  const spec = storeSpec(db);
  if (!isPostgresUrl(spec)) throw new MarsadError(`${what} needs a PostgreSQL store, the queue's home (--db postgres://user@host:5432/name or MARSAD_DB); ${describeStore(spec)} is an SQLite file, which \`marsad ingest\` fills directly`, EXIT.usage);
  return { spec, store: (await openStoreAt(spec)) as PostgresStore };
}

export function workerCommand(): Command {
  return new Command("worker")
    .description("analyse and store the articles queued with `marsad ingest --enqueue` (run as many as you like, on any machine that reaches the database)")
    .option("--db <url>", "the PostgreSQL database of the queue and the store (default: $MARSAD_DB)")
    .option("--exit-when-idle", "stop when no batch waits or runs anywhere (otherwise run until interrupted)")
    .option("--batch <n>", "batches taken from the queue at once", intBetween(1, 100), 1)
    .option("--workers <n>", "analysis threads, 0 to 64 (default: one per core)", intBetween(0, 64), availableParallelism())
    .option("--job-timeout <seconds>", "how often to look for batches whose worker died (they come back after their timeout, set by --enqueue)", intBetween(2, 86_400), DEFAULT_QUEUE_SETTINGS.jobTimeoutSeconds)
    .option("--quiet", "no line per batch")
    .addHelpText("after", "\nExamples:\n  marsad worker --db postgres://marsad@db.example:5432/marsad\n  MARSAD_DB=postgres://marsad@db.example/marsad marsad worker --exit-when-idle")
    .action(async (opts: { db?: string; exitWhenIdle?: boolean; batch: number; workers: number; jobTimeout: number; quiet?: boolean }) => {
      const { spec, store } = await openQueueStore(opts.db, "marsad worker");
      const boss = await startBoss(spec, { ...DEFAULT_QUEUE_SETTINGS, jobTimeoutSeconds: opts.jobTimeout });
      const analysis = new AnalysisPool({ workers: opts.workers, importedGazetteer: importedGazetteerDir(), timeoutMs: DEFAULT_ARTICLE_TIMEOUT_MS });
      // Ctrl-C or SIGTERM: the batch in hand is finished and stored, then the worker stops
      let signalled!: () => void;
      const stop = new Promise<void>((r) => (signalled = r));
      const onSignal = (): void => signalled();
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
      try {
        const s = await runWorker({
          store, boss, analysis, jobsAtOnce: opts.batch, exitWhenIdle: !!opts.exitWhenIdle, stop,
          onBatch: (b) => opts.quiet || process.stderr.write(`marsad: batch of ${b.articles}: ${b.inserted} stored, ${b.known} already stored, ${b.failed} failed, ${b.events} events\n`),
          onError: (origin, message) => warn(`skipped ${origin}: ${message}`),
        });
        process.stdout.write(`worked ${s.elapsed.toFixed(1)} s: ${s.jobs} batches, ${s.articles} articles (${(s.articles / Math.max(s.elapsed, 0.001)).toFixed(0)} articles/s); stored ${s.inserted}, ${s.events} events; ${s.known} already stored; ${s.failed} failed\n`);
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        await analysis.close();
        await boss.stop({ graceful: false, wait: true }).catch(() => {});
        await store.close();
      }
    });
}

export function statusCommand(): Command {
  return new Command("status")
    .description("the ingest queue and the store: batches waiting, running, done and failed, articles stored per minute")
    .option("--db <url>", "the PostgreSQL database of the queue (default: $MARSAD_DB)")
    .option("--json", "print JSON instead of text")
    .action(async (opts: { db?: string; json?: boolean }) => {
      const { store } = await openQueueStore(opts.db, "marsad status");
      try {
        const s = await queueStatus(store.pool);
        if (opts.json) return void process.stdout.write(JSON.stringify(s, null, 2) + "\n");
        const j = s.jobs;
        process.stdout.write(
          `queue: ${j.waiting + j.retrying} batches waiting (${j.retrying} to retry), ${j.active} running, ${s.articlesQueued} articles in them; ${j.completed} done, ${j.failed} failed\n` +
            `rate: ${s.ratePerMinute} articles/min over the last 5 minutes\n` +
            `store: ${s.store.articles} articles, ${s.store.events} events, ${s.store.stories} stories\n` +
            s.failures.map((f) => `failed: ${f}\n`).join(""),
        );
      } finally {
        await store.close();
      }
    });
}
