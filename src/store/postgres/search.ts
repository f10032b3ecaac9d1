/**
 * Search in PostgreSQL: full-text search over the tsvector kept on each article, quote and claim row
 * (lexemes of the text Marsad normalised: diacritics, hamza, alef/ya/ta-marbuta folded), with the
 * 'simple' configuration — no stemming, so that a word matches as the SQLite index matches it. All
 * the query's words must be there (as in SQLite); hits are ranked by ts_rank. An article hit shows
 * the start of the article: there is no second copy of the text to cut a snippet from.
 */
import type { Pool } from "pg";
import { searchable } from "../../batch/record.js";
import type { SearchHit } from "../queries.js";
import type { SearchOptions } from "../store.js";

/** Characters of an article's text shown with a hit. */
const ARTICLE_START = 160;

export async function search(pool: Pool, query: string, opts: SearchOptions = {}): Promise<SearchHit[]> {
  const words = searchable(query).split(" ").filter(Boolean);
  if (!words.length) return [];
  const kinds = opts.kind ? [opts.kind] : ["article", "quote", "claim"];
  const parts: string[] = [];
  if (kinds.includes("article")) parts.push("SELECT 'article' AS kind, a.id AS article_id, NULL::integer AS s, NULL::integer AS e, NULL::text AS text, NULL::text AS who, ts_rank(a.search, q.q) AS rank FROM articles a, q WHERE a.search @@ q.q");
  if (kinds.includes("quote")) parts.push("SELECT 'quote' AS kind, x.article_id, x.span_start AS s, x.span_end AS e, x.text, x.speaker AS who, ts_rank(x.search, q.q) AS rank FROM quotes x, q WHERE x.search @@ q.q");
  if (kinds.includes("claim")) parts.push("SELECT 'claim' AS kind, x.article_id, x.span_start AS s, x.span_end AS e, x.text, x.source AS who, ts_rank(x.search, q.q) AS rank FROM claims x, q WHERE x.search @@ q.q");
  if (!parts.length) return [];
  // each word a lexeme of its own, all required: the words are quoted, so no word is read as an operator
  const tsquery = words.map((w) => `'${w.replace(/['\\]/g, "")}'`).join(" & ");
  const { rows } = await pool.query<{ kind: SearchHit["kind"]; article_id: number; s: number | null; e: number | null; text: string | null; who: string | null; title: string | null; url: string | null; published: string | null; start: string | null; atext: string | null }>(
    `WITH q AS (SELECT to_tsquery('simple', $1) AS q),
          hits AS (SELECT * FROM (${parts.join(" UNION ALL ")}) u ORDER BY rank DESC, article_id LIMIT $2)
     SELECT h.kind, h.article_id, h.s, h.e, h.text, h.who, a.title, a.url, a.published,
            CASE WHEN h.kind = 'article' THEN left(a.text, ${ARTICLE_START}) END AS start,
            CASE WHEN h.kind != 'article' AND h.text IS NULL THEN a.text END AS atext
     FROM hits h JOIN articles a ON a.id = h.article_id ORDER BY h.rank DESC, h.article_id`,
    [tsquery, opts.limit ?? 20],
  );
  // a quote's or claim's words are its offsets into the text (JavaScript's, so sliced here), or the words it keeps
  const spanWords = (r: (typeof rows)[number]): string => r.text ?? (r.atext ?? "").slice(r.s ?? 0, r.e ?? 0);
  return rows.map((r) => ({ kind: r.kind, article: r.article_id, title: r.title, url: r.url, published: r.published, text: r.kind === "article" ? (r.start ?? "") : spanWords(r), who: r.who }));
}
