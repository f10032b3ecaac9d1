/**
 * A pool of analysis workers (worker_threads), one per core by default. Articles go to the worker
 * with the fewest in flight; replies come back as they finish. With zero workers the analysis runs in
 * this thread (small inputs, tests).
 *
 * Each article has a time budget: a worker still busy with one after it is stopped and replaced, the
 * article is reported as failed ("took over N s"), and the other articles it held are sent again —
 * one hostile article costs its budget, never the run. A worker that dies (out of memory) is replaced
 * the same way; the articles it held are reported failed with the reason.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { createAnalyzer, loadResources, type Analyzer, type Resources } from "../analyze.js";
import { EXIT, isMarsadError } from "../errors.js";
import { toJson } from "../output.js";
import { toRecord, type ArticleInput } from "./record.js";
import type { WorkReply, WorkRequest } from "./worker.js";

export interface PoolOptions {
  workers?: number;
  importedGazetteer?: string | null;
  /** Size limit of one article, in bytes. */
  maxBytes?: number;
  /** Time budget of one article, in milliseconds (workers only); default 60 s. */
  timeoutMs?: number;
  /** With zero workers: the analyser to run in this thread (else one is loaded). */
  local?: Analyzer;
}

/** Articles in flight per worker: enough to keep it busy while its last reply travels back. */
const IN_FLIGHT_PER_WORKER = 4;
export const DEFAULT_ARTICLE_TIMEOUT_MS = 60_000;

interface Job {
  req: WorkRequest;
  resolve: (r: WorkReply) => void;
  /** When the worker started on it (its turn comes after the jobs before it). */
  timer?: NodeJS.Timeout;
}

interface Slot {
  w: Worker;
  jobs: Map<number, Job>;
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private seq = 0;
  private closed = false;
  private local?: { analyzer: Analyzer; resources: Resources };
  private readonly script = new URL("./worker.js", import.meta.url);
  readonly size: number;
  private readonly timeoutMs: number;

  constructor(private readonly opts: PoolOptions = {}) {
    this.size = opts.workers ?? Math.max(1, availableParallelism());
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_ARTICLE_TIMEOUT_MS;
    if (this.size > 0 && !existsSync(fileURLToPath(this.script))) throw new Error("the analysis worker is not built; run `npm run build`");
    for (let k = 0; k < this.size; k++) this.slots.push(this.spawn({ w: undefined as unknown as Worker, jobs: new Map() }));
    if (this.size === 0) {
      const analyzer = opts.local ?? createAnalyzer(loadResources({ importedGazetteer: opts.importedGazetteer }));
      this.local = { analyzer, resources: analyzer.resources };
    }
  }

  /** Starts (or restarts) the slot's worker. */
  private spawn(slot: Slot): Slot {
    const w = new Worker(this.script, { workerData: { importedGazetteer: this.opts.importedGazetteer, maxBytes: this.opts.maxBytes } });
    slot.w = w;
    w.on("message", (r: WorkReply) => {
      if (slot.w !== w) return;
      this.finish(slot, r.seq, r);
      this.armHead(slot);
    });
    const died = (why: string): void => {
      if (slot.w !== w || this.closed) return;
      for (const [seq] of slot.jobs) this.finish(slot, seq, { seq, ok: false, error: `the analysis worker stopped (${why}); run ingest again to retry this article` });
      this.spawn(slot);
    };
    w.on("error", (e) => died(e.message));
    w.on("exit", (code) => died(`exit code ${code}`));
    return slot;
  }

  private finish(slot: Slot, seq: number, reply: WorkReply): void {
    const job = slot.jobs.get(seq);
    if (!job) return;
    clearTimeout(job.timer);
    slot.jobs.delete(seq);
    job.resolve(reply);
  }

  /** The budget runs for the job the worker is on: the oldest it holds (a worker takes them in order). */
  private armHead(slot: Slot): void {
    const head = slot.jobs.values().next().value as Job | undefined;
    if (!head || head.timer) return;
    head.timer = setTimeout(() => this.overrun(slot, head), this.timeoutMs);
    head.timer.unref?.();
  }

  private overrun(slot: Slot, job: Job): void {
    const rest = [...slot.jobs.values()].filter((j) => j !== job);
    const old = slot.w;
    slot.w = undefined as unknown as Worker; // replies and exit of the old worker are ignored from now
    void old.terminate();
    slot.jobs.clear();
    job.resolve({ seq: job.req.seq, ok: false, error: `analysis took over ${Math.round(this.timeoutMs / 1000)} s; skipped` });
    this.spawn(slot);
    for (const j of rest) {
      j.timer = undefined;
      slot.jobs.set(j.req.seq, j);
      slot.w.postMessage(j.req);
    }
    this.armHead(slot);
  }

  /** How many more articles can be sent now without queueing behind busy workers. */
  get capacity(): number {
    if (this.size === 0) return 1;
    return this.slots.reduce((n, s) => n + Math.max(0, IN_FLIGHT_PER_WORKER - s.jobs.size), 0);
  }

  /** Articles sent and not yet answered. */
  get pending(): number {
    return this.slots.reduce((n, s) => n + s.jobs.size, 0);
  }

  /** Analyses one article into its store record (or, with `json`, its document's JSON). */
  analyze(input: ArticleInput, hash: string, json?: WorkRequest["json"]): Promise<WorkReply> {
    const seq = ++this.seq;
    const opts = { name: input.name, id: input.id, title: input.title, source: input.source, url: input.url, published: input.published, format: input.format, maxBytes: this.opts.maxBytes };
    if (this.local) {
      try {
        const doc = this.local.analyzer.analyze(input.content, opts);
        return Promise.resolve(json ? { seq, ok: true, json: JSON.stringify(toJson(doc, json.tokens)) } : { seq, ok: true, record: toRecord(doc, input, hash, this.local.resources.gazetteer) });
      } catch (e) {
        return Promise.resolve({ seq, ok: false, error: (e as Error).message, refused: isMarsadError(e) && e.exitCode !== EXIT.internal });
      }
    }
    const slot = this.slots.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    return new Promise((resolve) => {
      const req = { seq, input, hash, json } satisfies WorkRequest;
      slot.jobs.set(seq, { req, resolve });
      slot.w.postMessage(req);
      this.armHead(slot);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.slots) for (const j of s.jobs.values()) clearTimeout(j.timer);
    await Promise.all(this.slots.map((s) => s.w?.terminate()));
  }
}
