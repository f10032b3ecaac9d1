/** `marsad ingest <paths|URLs|feeds…>`: analyse and store many articles, in parallel, with progress. */
import { Command, Option } from "commander";
import { availableParallelism } from "node:os";
import { runIngest, type IngestSummary } from "../batch/ingest.js";
import { Fetcher } from "../ingest/fetch.js";
import { countItems, isUrl, statProblem } from "../ingest/sources.js";
import { importedGazetteerDir } from "../home.js";
import { openStoreAt, storeSpec } from "../store/open.js";
import { DB_HELP, intBetween, parseMegabytes, parsePositiveInt, parsePositiveSeconds, warn } from "./common.js";
import { statSync } from "node:fs";
import { DEFAULT_ARTICLE_TIMEOUT_MS } from "../batch/pool.js";
import { EXIT, MarsadError } from "../errors.js";
import { DEFAULT_MAX_BYTES } from "../ingest/limits.js";
import { progressReporter } from "./progress.js";
import { enqueue } from "../queue/enqueue.js";
import { DEFAULT_QUEUE_SETTINGS, startBoss } from "../queue/jobs.js";
import { openQueueStore } from "./queue-commands.js";

/** --enqueue: the articles go on the queue, in batches, for the workers. */
async function enqueueInputs(inputs: string[], opts: IngestOptions): Promise<void> {
  if (opts.watch) throw new MarsadError("--enqueue and --watch do not go together; enqueue the feeds from a scheduled job instead", EXIT.usage);
  const { spec, store } = await openQueueStore(opts.db, "--enqueue");
  const boss = await startBoss(spec, { ...DEFAULT_QUEUE_SETTINGS, jobTimeoutSeconds: opts.jobTimeout });
  try {
    const fetcher = new Fetcher({ store, hostDelayMs: opts.hostDelay, timeoutMs: opts.timeout, retries: opts.retries });
    const started = Date.now();
    const s = await enqueue({ paths: inputs, store, boss, settings: { ...DEFAULT_QUEUE_SETTINGS, jobTimeoutSeconds: opts.jobTimeout }, batchSize: opts.batch, fetcher, maxBytes: opts.maxSize, onError: (origin, message) => warn(`skipped ${origin}: ${message}`) });
    process.stdout.write(`read ${s.read} items in ${((Date.now() - started) / 1000).toFixed(1)} s
queued ${s.queued} articles in ${s.jobs} batches; ${s.known} already stored or queued; ${s.failed} failed
`);
  } finally {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await store.close();
  }
}

interface IngestOptions {
  db?: string;
  workers: number;
  batch: number;
  watch?: number;
  hostDelay: number;
  timeout: number;
  retries: number;
  maxSize: number;
  timeLimit: number;
  quiet?: boolean;
  enqueue?: boolean;
  jobTimeout: number;
}

/** Every input a user names must exist: when none does, nothing is created and the command says so. */
function checkInputs(inputs: string[]): void {
  const missing: string[] = [];
  for (const p of inputs) {
    if (isUrl(p)) continue;
    try {
      statSync(p);
    } catch (e) {
      missing.push(`${p} (${statProblem(e)})`);
    }
  }
  if (missing.length === inputs.length) throw new MarsadError(`nothing to ingest: ${missing.join(", ")}; check the paths`, EXIT.notFound);
  for (const m of missing) warn(`skipped ${m}`);
}

function summary(s: IngestSummary): string {
  return (
    `read ${s.read} items in ${s.elapsed.toFixed(1)} s (${s.articlesPerSecond.toFixed(0)} articles/s, peak memory ${s.peakMemoryMB} MB)\n` +
    `stored ${s.inserted} new articles (${s.duplicates} syndicated copies linked to their originals), ${s.events} events; ` +
    `${s.known} already stored; ${s.failed} failed\n`
  );
}

export function ingestCommand(): Command {
  return new Command("ingest")
    .description("analyse articles, folders, JSON Lines corpora, web pages and RSS/Atom feeds, and store them")
    .argument("<inputs...>", "files, folders, .jsonl/.jsonl.gz corpora, URLs of pages or feeds")
    .option("--db <path|url>", `the database to write: ${DB_HELP}`)
    .option("--workers <n>", "analysis threads, 0 to 64 (default: one per core)", intBetween(0, 64), availableParallelism())
    .option("--batch <n>", "articles per transaction", intBetween(1, 100_000), 250)
    .option("--watch <seconds>", "keep polling the URLs (feeds) every so many seconds, until interrupted", parsePositiveInt)
    .option("--host-delay <ms>", "pause between two requests to the same host", parsePositiveInt, 1000)
    .option("--timeout <ms>", "give up on a request after this long", parsePositiveInt, 15000)
    .option("--retries <n>", "retries of a failed request (with backoff)", parsePositiveInt, 3)
    .addOption(new Option("--max-size <MB>", "skip articles larger than this many megabytes").argParser(parseMegabytes).default(DEFAULT_MAX_BYTES, `${DEFAULT_MAX_BYTES / 1048576}`))
    .option("--time-limit <seconds>", "skip an article whose analysis takes longer than this", parsePositiveSeconds, DEFAULT_ARTICLE_TIMEOUT_MS / 1000)
    .option("--quiet", "no progress line")
    .option("--enqueue", "put the articles on the queue of a PostgreSQL store (batches of --batch) for `marsad worker` processes, instead of analysing them here")
    .option("--job-timeout <seconds>", "with --enqueue: a batch not done within this long (its worker killed) goes to another worker", intBetween(2, 86_400), DEFAULT_QUEUE_SETTINGS.jobTimeoutSeconds)
    .addHelpText(
      "after",
      `
A JSON Lines corpus has one article per line: {"id", "title", "content", "url", "source", "date_extracted"
or "published" or "date"}. Articles are keyed by content hash: ingesting again adds nothing, and an
interrupted run is completed by running it again. Bad items are reported on standard error and skipped.

Examples:
  marsad ingest ../shared/corpus/saudinewsnet-2015.jsonl.gz
  marsad ingest articles/ page.html --db news.db
  marsad ingest corpus.jsonl.gz --db postgres://marsad@db.example:5432/marsad
  marsad ingest corpus.jsonl.gz --db postgres://marsad@db.example:5432/marsad --enqueue   (then: marsad worker)
  marsad ingest https://example.com/feed.xml --watch 600`,
    )
    .action(async (inputs: string[], opts: IngestOptions) => {
      checkInputs(inputs);
      if (opts.enqueue) return enqueueInputs(inputs, opts);
      const store = await openStoreAt(storeSpec(opts.db));
      const fetcher = new Fetcher({ store, hostDelayMs: opts.hostDelay, timeoutMs: opts.timeout, retries: opts.retries });
      const once = async (paths: string[]): Promise<IngestSummary> => {
        const bar = progressReporter(await countItems(paths), opts.quiet);
        try {
          return await runIngest({
            paths,
            store,
            workers: opts.workers,
            batchSize: opts.batch,
            fetcher,
            importedGazetteer: importedGazetteerDir(),
            maxBytes: opts.maxSize,
            timeoutMs: opts.timeLimit * 1000,
            onProgress: (p) => bar.update(p),
            onError: (origin, message) => {
              bar.end();
              warn(`skipped ${origin}: ${message}`);
            },
          });
        } finally {
          bar.end();
        }
      };
      try {
        process.stdout.write(summary(await once(inputs)));
        if (opts.watch) {
          const urls = inputs.filter(isUrl);
          if (!urls.length) warn("--watch polls URLs only; none were given");
          while (urls.length) {
            await new Promise((r) => setTimeout(r, opts.watch! * 1000));
            process.stdout.write(`${new Date().toISOString()} ${summary(await once(urls))}`);
          }
        }
      } finally {
        await store.close();
      }
    });
}
