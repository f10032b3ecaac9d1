/**
 * Search in SQLite: FTS5 over normalised text (diacritics, hamza, alef/ya/ta-marbuta folded before
 * indexing). The index keeps no copy of the texts (external content, migration 4): when a hit's
 * snippet needs its text, search_source rebuilds it from the stored article with marsad_search_text.
 */
import { searchable } from "../../batch/record.js";
import { searchTextOf, storedParagraphs } from "../compact.js";
import type { SearchHit } from "../queries.js";
import type { SearchOptions } from "../store.js";
import type { Db } from "./db.js";

/**
 * The normalised text indexed for a search row, as the writer indexed it: an article's title and
 * words, or a quote's speaker (a claim's source) and words. Registered on every connection.
 */
export function registerSearchText(db: Db): void {
  db.function("marsad_search_text", { deterministic: true }, (kind, title, text, paragraphs, analysis, who, start, end, words) => {
    if (kind === "article") {
      const body = searchTextOf(String(text), storedParagraphs(paragraphs as string | null, analysis as Buffer));
      return `${title ? `${String(title)} ` : ""}${body}`;
    }
    return searchable(`${String(who)} ${words === null ? String(text).slice(Number(start), Number(end)) : String(words)}`);
  });
}

/** A quote's or claim's words: its offsets into the text, or the words it keeps. */
const words = (text: string, start: unknown, end: unknown, kept: unknown): string => (kept === null ? text.slice(Number(start), Number(end)) : String(kept));

export function search(db: Db, query: string, opts: SearchOptions = {}): SearchHit[] {
  const ws = searchable(query).split(" ").filter(Boolean);
  if (!ws.length) return [];
  const match = ws.map((w) => `"${w.replace(/"/g, "")}"`).join(" ");
  const rows = db
    .prepare(
      `SELECT r.kind, r.article_id, a.title, a.url, a.published,
              CASE WHEN r.kind = 'article' THEN snippet(search, 0, '[', ']', ' … ', 16) END AS snip,
              CASE WHEN r.kind != 'article' THEN a.text END AS atext,
              coalesce(q.speaker, c.source) AS who, coalesce(q.span_start, c.span_start) AS s, coalesce(q.span_end, c.span_end) AS e, coalesce(q.text, c.text) AS kept
       FROM search JOIN search_rows r ON r.id = search.rowid JOIN articles a ON a.id = r.article_id
       LEFT JOIN quotes q ON r.kind = 'quote' AND q.article_id = r.article_id AND q.local_id = r.ref
       LEFT JOIN claims c ON r.kind = 'claim' AND c.article_id = r.article_id AND c.local_id = r.ref
       WHERE search MATCH ? ${opts.kind ? "AND r.kind = ?" : ""} ORDER BY search.rank LIMIT ?`,
    )
    .all(...[match, ...(opts.kind ? [opts.kind] : []), opts.limit ?? 20]) as Array<Record<string, string | number | null>>;
  return rows.map((r) => ({
    kind: r.kind as SearchHit["kind"],
    article: Number(r.article_id),
    title: r.title as string | null,
    url: r.url as string | null,
    published: r.published as string | null,
    text: r.kind === "article" ? String(r.snip) : words(String(r.atext), r.s, r.e, r.kept),
    who: r.kind === "article" ? null : (r.who as string | null),
  }));
}
