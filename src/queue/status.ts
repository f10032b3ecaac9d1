/**
 * `marsad status`: the queue (batches waiting, running, done, failed, and articles stored per minute
 * lately) and the store. Counts come from pg-boss's tables (jobs done move to its archive after a
 * while, so both are read).
 */
import type { Pool } from "pg";
import { BOSS_SCHEMA, QUEUE } from "./jobs.js";

export interface QueueStatus {
  jobs: { waiting: number; retrying: number; active: number; completed: number; failed: number };
  /** Articles in the batches that wait, retry or run. */
  articlesQueued: number;
  /** Articles of the batches completed in the last five minutes, per minute. */
  ratePerMinute: number;
  /** The last failures' messages. */
  failures: string[];
  store: { articles: number; events: number; stories: number };
}

const RATE_WINDOW_MINUTES = 5;

/** Whether pg-boss has ever run on this database. */
async function hasBoss(pool: Pool): Promise<boolean> {
  return (await pool.query<{ t: string | null }>("SELECT to_regclass($1) AS t", [`${BOSS_SCHEMA}.job`])).rows[0].t !== null;
}

/** Batches that wait, wait for a retry or run, anywhere. */
export async function pendingJobs(pool: Pool): Promise<number> {
  if (!(await hasBoss(pool))) return 0;
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`, [QUEUE]);
  return Number(rows[0].n);
}

export async function queueStatus(pool: Pool): Promise<QueueStatus> {
  const count = async (sql: string): Promise<number> => Number((await pool.query<{ n: string }>(sql)).rows[0].n);
  const status: QueueStatus = {
    jobs: { waiting: 0, retrying: 0, active: 0, completed: 0, failed: 0 },
    articlesQueued: 0,
    ratePerMinute: 0,
    failures: [],
    store: { articles: await count("SELECT count(*) AS n FROM articles"), events: await count("SELECT count(*) AS n FROM events"), stories: await count("SELECT count(*) AS n FROM stories") },
  };
  if (!(await hasBoss(pool))) return status;
  const jobs = `(SELECT state, data, output, completed_on FROM ${BOSS_SCHEMA}.job WHERE name = $1 UNION ALL SELECT state, data, output, completed_on FROM ${BOSS_SCHEMA}.archive WHERE name = $1) j`;
  const { rows } = await pool.query<{ state: string; n: string; articles: string }>(`SELECT state, count(*) AS n, sum(jsonb_array_length(data->'articles')) AS articles FROM ${jobs} GROUP BY state`, [QUEUE]);
  const key: Record<string, keyof QueueStatus["jobs"]> = { created: "waiting", retry: "retrying", active: "active", completed: "completed", failed: "failed" };
  for (const r of rows) {
    if (key[r.state]) status.jobs[key[r.state]] += Number(r.n);
    if (["created", "retry", "active"].includes(r.state)) status.articlesQueued += Number(r.articles ?? 0);
  }
  const recent = await pool.query<{ n: string }>(`SELECT coalesce(sum(jsonb_array_length(data->'articles')), 0) AS n FROM ${jobs} WHERE state = 'completed' AND completed_on > now() - interval '${RATE_WINDOW_MINUTES} minutes'`, [QUEUE]);
  status.ratePerMinute = Math.round(Number(recent.rows[0].n) / RATE_WINDOW_MINUTES);
  const failed = await pool.query<{ error: string | null }>(`SELECT output->>'error' AS error FROM ${jobs} WHERE state = 'failed' ORDER BY completed_on DESC NULLS LAST LIMIT 5`, [QUEUE]);
  status.failures = failed.rows.map((r) => r.error ?? "(no message)");
  return status;
}
