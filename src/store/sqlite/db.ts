/** Opening the store: an SQLite database in WAL mode, migrated to the current schema. */
import Database from "better-sqlite3";
import { existsSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { EXIT, MarsadError } from "../../errors.js";
import { MIGRATIONS } from "./schema.js";
import { registerSearchText } from "./search.js";

export type Db = Database.Database;

export const DEFAULT_DB = "marsad.db";

export interface OpenOptions {
  /** Refuse to create the file: for commands that only read. */
  mustExist?: boolean;
  readonly?: boolean;
}

export function openStore(path: string, opts: OpenOptions = {}): Db {
  if (opts.mustExist && !existsSync(path)) throw new MarsadError(`no Marsad database at ${path}; create one with \`marsad ingest …\` or name it with --db PATH`, EXIT.notFound);
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new MarsadError(`cannot create the database ${path}: the folder ${dir} does not exist`, EXIT.notFound);
  let db: Db;
  try {
    db = new Database(path, { readonly: !!opts.readonly, fileMustExist: !!opts.mustExist });
  } catch (e) {
    throw new MarsadError(`cannot open the database ${path}: ${(e as Error).message}`, EXIT.badInput);
  }
  try {
    if (!opts.readonly) {
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
    }
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    registerSearchText(db);
    if (!opts.readonly) migrate(db);
    else if ((db.pragma("user_version", { simple: true }) as number) < MIGRATIONS.length) throw new Error("the database is from an older Marsad; open it once with a writing command (marsad ingest) to upgrade it");
  } catch (e) {
    db.close();
    throw new MarsadError(`${path} is not a Marsad database (${(e as Error).message}); give another path with --db`, EXIT.badInput);
  }
  return db;
}

/** The migration that made the store compact: a store converted by it is vacuumed, to give back the space. */
const COMPACTING = 4;

function migrate(db: Db): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  const hadArticles = version > 0 && version < COMPACTING && (db.prepare("SELECT EXISTS (SELECT 1 FROM articles)").pluck().get() as number) === 1;
  for (let v = version; v < MIGRATIONS.length; v++) {
    const step = MIGRATIONS[v];
    db.transaction(() => {
      if (typeof step === "string") db.exec(step);
      else step(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  if (hadArticles) db.exec("VACUUM");
}
