/**
 * A PostgreSQL server for the tests, when one is reachable: MARSAD_TEST_PG names it (default the
 * local one, postgres://postgres@127.0.0.1:5432/postgres). Each test gets a database of its own,
 * marsad_test_<random>, dropped after it. Where no server answers, the Postgres tests skip with the
 * reason; with MARSAD_REQUIRE_PG=1 (CI) they fail instead, so a broken server cannot pass unseen.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export const ADMIN_URL = process.env.MARSAD_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const REQUIRED = process.env.MARSAD_REQUIRE_PG === "1";

async function probe(): Promise<string | null> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (e) {
    return `no PostgreSQL at ${ADMIN_URL.replace(/:[^:@/]*@/, ":***@")} (${(e as Error).message || (e as { code?: string }).code}); set MARSAD_TEST_PG to run these tests`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Why PostgreSQL is not there; null when it is. */
export const UNREACHABLE = await probe();
if (UNREACHABLE && !REQUIRED) console.warn(`PostgreSQL tests skipped: ${UNREACHABLE}`);

async function admin<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A new empty database; returns its URL. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (UNREACHABLE) throw new Error(`PostgreSQL is required here (MARSAD_REQUIRE_PG=1) but ${UNREACHABLE}`);
  const name = `marsad_test_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))) };
}
