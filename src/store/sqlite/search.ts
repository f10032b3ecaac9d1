/** Search in SQLite: FTS5 over normalised text (diacritics, hamza, alef/ya/ta-marbuta folded before indexing). */
import { searchable } from "../../batch/record.js";
import type { SearchHit } from "../queries.js";
import type { SearchOptions } from "../store.js";
import type { Db } from "./db.js";

export function search(db: Db, query: string, opts: SearchOptions = {}): SearchHit[] {
  const words = searchable(query).split(" ").filter(Boolean);
  if (!words.length) return [];
  const match = words.map((w) => `"${w.replace(/"/g, "")}"`).join(" ");
  const rows = db
    .prepare(
      `SELECT s.kind, s.ref, s.article_id, a.title, a.url, a.published, snippet(search, 3, '[', ']', ' … ', 16) AS snip,
              q.text AS qtext, q.speaker, c.text AS ctext, c.source AS csource
       FROM search s JOIN articles a ON a.id = s.article_id
       LEFT JOIN quotes q ON s.kind = 'quote' AND q.article_id = s.article_id AND q.local_id = s.ref
       LEFT JOIN claims c ON s.kind = 'claim' AND c.article_id = s.article_id AND c.local_id = s.ref
       WHERE search MATCH ? ${opts.kind ? "AND s.kind = ?" : ""} ORDER BY rank LIMIT ?`,
    )
    .all(...[match, ...(opts.kind ? [opts.kind] : []), opts.limit ?? 20]) as Array<Record<string, string | number | null>>;
  return rows.map((r) => ({
    kind: r.kind as SearchHit["kind"],
    article: Number(r.article_id),
    title: r.title as string | null,
    url: r.url as string | null,
    published: r.published as string | null,
    text: String(r.kind === "quote" ? r.qtext : r.kind === "claim" ? r.ctext : r.snip),
    who: (r.kind === "quote" ? r.speaker : r.kind === "claim" ? r.csource : null) as string | null,
  }));
}
