/**
 * The little both backends share for reading: run a query with `?` placeholders and get plain rows.
 * The read queries (queries.ts, reads.ts) are written once, in SQL that SQLite and PostgreSQL both
 * accept (explicit NULLS FIRST/LAST, count(*) read through Number(), no bare columns in GROUP BY).
 */
export type SqlValue = string | number | null;

export interface Sql {
  all<T = Record<string, unknown>>(sql: string, args?: SqlValue[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, args?: SqlValue[]): Promise<T | undefined>;
}

/** `?` placeholders as PostgreSQL's `$1, $2 …` (the queries hold no `?` inside string literals). */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
