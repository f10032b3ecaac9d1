/**
 * Connecting to PostgreSQL: a pool of connections from a postgres:// URL, and the driver's failures
 * turned into one line that names the problem and the way out (no stack trace for a wrong port).
 */
import pg from "pg";
import { EXIT, MarsadError } from "../../errors.js";

/** Connections per process: an ingest writes through one at a time; a server reads through a few. */
export const POOL_SIZE = 8;
const CONNECT_TIMEOUT_MS = 10_000;

export interface Target {
  host: string;
  port: string;
  database: string;
  user: string;
  /** The URL without its password, for messages. */
  shown: string;
}

export function parseUrl(url: string): Target {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new MarsadError(`--db: the PostgreSQL URL cannot be read; write it as postgres://user@host:5432/name`, EXIT.usage);
  }
  const database = decodeURIComponent(u.pathname.replace(/^\//, ""));
  if (!database) throw new MarsadError(`--db: the PostgreSQL URL names no database; write it as postgres://user@host:5432/name`, EXIT.usage);
  if (u.password) u.password = "***";
  return { host: u.hostname || "localhost", port: u.port || "5432", database, user: decodeURIComponent(u.username) || process.env.PGUSER || process.env.USER || "postgres", shown: u.toString() };
}

/** The driver's error as a MarsadError a user can act on; other errors pass through. */
export function explain(e: unknown, t: Target): unknown {
  const err = e as Error & { code?: string };
  const at = `${t.host}:${t.port}`;
  switch (err.code) {
    case "ECONNREFUSED":
      return new MarsadError(`cannot reach PostgreSQL at ${at}: connection refused; start the server, or correct the host and port in --db or MARSAD_DB`, EXIT.unavailable);
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new MarsadError(`cannot reach PostgreSQL: no host named ${t.host}; correct the host in --db or MARSAD_DB`, EXIT.unavailable);
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return new MarsadError(`cannot reach PostgreSQL at ${at}: no answer; check the address and the network`, EXIT.unavailable);
    case "3D000":
      return new MarsadError(`there is no database "${t.database}" at ${at}; create it (createdb -h ${t.host} -p ${t.port} -U ${t.user} ${t.database}) or name another in --db`, EXIT.notFound);
    case "28P01":
    case "28000":
      return new MarsadError(`PostgreSQL at ${at} refused user "${t.user}" (${err.message}); correct the user or password in --db, or the server's pg_hba.conf`, EXIT.unavailable);
    case "42501":
      return new MarsadError(`user "${t.user}" may not create Marsad's tables in "${t.database}" (${err.message}); grant it CREATE, or run the first ingest as the database's owner`, EXIT.unavailable);
  }
  if (/timeout/i.test(err.message ?? "")) return new MarsadError(`cannot reach PostgreSQL at ${at}: no answer within ${CONNECT_TIMEOUT_MS / 1000} s; check the address and the network`, EXIT.unavailable);
  return e;
}

export function createPool(url: string, max = POOL_SIZE): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // a connection dropped while idle (a server restart) is replaced on next use; it must not crash the process
  pool.on("error", () => {});
  return pool;
}
