/**
 * The ingest queue: pg-boss (a job queue proven on PostgreSQL, in its own schema of the same
 * database). A job is a batch of articles to analyse and store, as they were read; a worker takes
 * it, and pg-boss hands it to another worker when the first dies (its job expires) or fails.
 */
import PgBoss from "pg-boss";
import type { ArticleInput } from "../batch/record.js";

export const QUEUE = "marsad-ingest";
/** pg-boss's tables live in this schema, beside Marsad's. */
export const BOSS_SCHEMA = "pgboss";

export interface QueueSettings {
  /** A batch not done within this long (its worker killed, its machine gone) is handed to another. */
  jobTimeoutSeconds: number;
  /** Tries of a batch that keeps failing before it is left failed (shown by `marsad status`). */
  retryLimit: number;
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = { jobTimeoutSeconds: 600, retryLimit: 5 };

/** One article of a job, as JSON: bytes travel as base64. */
export interface JobArticle extends Omit<ArticleInput, "content"> {
  content: string;
  base64?: true;
  hash: string;
}

export interface JobData {
  articles: JobArticle[];
}

export const toJobArticle = (input: ArticleInput, hash: string): JobArticle =>
  typeof input.content === "string" ? { ...input, content: input.content, hash } : { ...input, content: input.content.toString("base64"), base64: true, hash };

export function fromJobArticle(a: JobArticle): { input: ArticleInput; hash: string } {
  const { hash, base64, content, ...rest } = a;
  return { input: { ...rest, content: base64 ? Buffer.from(content, "base64") : content }, hash };
}

/**
 * Starts pg-boss on the database (creating its schema on first use) and the queue. Expired jobs
 * are looked for often enough that a killed worker's batch comes back within about its timeout.
 */
export async function startBoss(url: string, settings: QueueSettings = DEFAULT_QUEUE_SETTINGS): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: BOSS_SCHEMA,
    max: 2,
    supervise: true,
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(settings.jobTimeoutSeconds / 2))),
    monitorStateIntervalSeconds: 3600,
  });
  // pg-boss reports background trouble (a dropped connection) as events; the next call surfaces it
  boss.on("error", () => {});
  await boss.start();
  // the queue's defaults; each job carries its own timeout and tries (enqueue.ts)
  if (!(await boss.getQueue(QUEUE))) {
    await boss.createQueue(QUEUE, { name: QUEUE, policy: "standard", expireInSeconds: settings.jobTimeoutSeconds, retryLimit: settings.retryLimit, retryDelay: 1 }).catch(async (e) => {
      // another process created it at the same moment
      if (!(await boss.getQueue(QUEUE))) throw e;
    });
  }
  return boss;
}
