/**
 * Brings a PostgreSQL database to the current schema on open: the migrations not yet recorded in
 * schema_migrations run in order, each in its own transaction. A session advisory lock makes the
 * workers that start together wait for the first to migrate, instead of racing to create tables.
 */
import type { Pool } from "pg";
import { MIGRATIONS, type Migration } from "./schema.js";

/** Advisory lock keys of Marsad (any constant that other applications are unlikely to use). */
export const LOCKS = { migrate: 0x6d617231, storyMerge: 0x6d617232 } as const;

/** Runs what is missing; returns the versions it applied. */
export async function migrate(pool: Pool, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCKS.migrate]);
    await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
    const done = new Set((await client.query<{ version: number }>("SELECT version FROM schema_migrations")).rows.map((r) => r.version));
    const newer = [...done].filter((v) => v > migrations.length);
    if (newer.length) throw new Error(`the database has schema version ${Math.max(...newer)}, newer than this Marsad knows (${migrations.length}); upgrade Marsad`);
    for (let v = 1; v <= migrations.length; v++) {
      if (done.has(v)) continue;
      await client.query("BEGIN");
      try {
        const step = migrations[v - 1];
        if (typeof step === "string") await client.query(step);
        else await step(client);
        await client.query("INSERT INTO schema_migrations (version) VALUES ($1)", [v]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      }
      applied.push(v);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCKS.migrate]).catch(() => {});
    client.release();
  }
  return applied;
}
