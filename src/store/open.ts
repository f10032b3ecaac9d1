/**
 * Which store a command uses: `--db`, else the MARSAD_DB environment variable, else marsad.db here.
 * A postgres:// (or postgresql://) URL opens PostgreSQL; anything else is an SQLite file.
 */
import { resolve } from "node:path";
import { SqliteStore } from "./sqlite/store.js";
import type { Store } from "./store.js";

export const DEFAULT_DB = "marsad.db";

export interface StoreOptions {
  /** Refuse to create the store: for commands that only read. */
  mustExist?: boolean;
  readonly?: boolean;
}

export const isPostgresUrl = (spec: string): boolean => /^postgres(ql)?:\/\//i.test(spec);

/** The store named by --db (or MARSAD_DB, or the default). */
export function storeSpec(db: string | undefined): string {
  return db || process.env.MARSAD_DB || DEFAULT_DB;
}

/** Where the store is, for messages: the file's full path, or the URL without its password. */
export function describeStore(spec: string): string {
  if (!isPostgresUrl(spec)) return resolve(spec);
  try {
    const u = new URL(spec);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "the PostgreSQL URL given";
  }
}

export async function openStoreAt(spec: string, opts: StoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(spec)) {
    // the driver loads only when a server database is asked for
    const { PostgresStore } = await import("./postgres/store.js");
    return PostgresStore.open(spec);
  }
  return SqliteStore.open(resolve(spec), opts);
}
