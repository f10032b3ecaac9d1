/**
 * A pool of analysis workers (worker_threads), one per core by default. Articles go to the worker
 * with the fewest in flight; replies come back as they finish. With zero workers the analysis runs in
 * this thread (small inputs, tests).
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { createAnalyzer, loadResources, type Analyzer, type Resources } from "../analyze.js";
import { toRecord, type ArticleInput } from "./record.js";
import type { WorkReply, WorkRequest } from "./worker.js";

export interface PoolOptions {
  workers?: number;
  importedGazetteer?: string | null;
}

/** Articles in flight per worker: enough to keep it busy while its last reply travels back. */
const IN_FLIGHT_PER_WORKER = 4;

export class AnalysisPool {
  private readonly workers: Array<{ w: Worker; busy: number }> = [];
  private readonly pending = new Map<number, (r: WorkReply) => void>();
  private seq = 0;
  private local?: { analyzer: Analyzer; resources: Resources };
  readonly size: number;

  constructor(opts: PoolOptions = {}) {
    this.size = opts.workers ?? Math.max(1, availableParallelism());
    const script = new URL("./worker.js", import.meta.url);
    if (this.size > 0 && !existsSync(fileURLToPath(script))) throw new Error("the analysis worker is not built; run `npm run build`");
    for (let k = 0; k < this.size; k++) {
      const w = new Worker(script, { workerData: { importedGazetteer: opts.importedGazetteer } });
      const slot = { w, busy: 0 };
      w.on("message", (r: WorkReply) => {
        slot.busy--;
        const done = this.pending.get(r.seq);
        this.pending.delete(r.seq);
        done?.(r);
      });
      w.on("error", (e) => {
        for (const [seq, done] of this.pending) done({ seq, ok: false, error: `analysis worker failed: ${e.message}` });
        this.pending.clear();
      });
      this.workers.push(slot);
    }
    if (this.size === 0) {
      const resources = loadResources({ importedGazetteer: opts.importedGazetteer });
      this.local = { analyzer: createAnalyzer(resources), resources };
    }
  }

  /** How many more articles can be sent now without queueing behind busy workers. */
  get capacity(): number {
    if (this.size === 0) return 1;
    return this.workers.reduce((n, s) => n + Math.max(0, IN_FLIGHT_PER_WORKER - s.busy), 0);
  }

  analyze(input: ArticleInput, hash: string): Promise<WorkReply> {
    const seq = ++this.seq;
    if (this.local) {
      try {
        const doc = this.local.analyzer.analyze(input.content, { name: input.name, id: input.id, title: input.title, source: input.source, url: input.url, published: input.published, format: input.format });
        return Promise.resolve({ seq, ok: true, record: toRecord(doc, input, hash, this.local.resources.gazetteer) });
      } catch (e) {
        return Promise.resolve({ seq, ok: false, error: (e as Error).message });
      }
    }
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy++;
    return new Promise((resolve) => {
      this.pending.set(seq, resolve);
      slot.w.postMessage({ seq, input, hash } satisfies WorkRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((s) => s.w.terminate()));
  }
}
