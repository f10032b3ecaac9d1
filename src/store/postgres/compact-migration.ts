/**
 * Migration 4 in PostgreSQL: the compact store (as ../sqlite/compact-migration.ts says). Articles keep
 * their text once and their analysis packed (../compact.ts); quotes and claims keep offsets, not words.
 * The search vectors stay as they are: lexemes of the normalised text, not a copy of it. An existing
 * database is converted a chunk of articles at a time, inside the migration's transaction.
 */
import type { PoolClient } from "pg";
import { packDoc } from "../compact.js";

const CHUNK = 500;

interface Span {
  id: string;
  start: number;
  end: number;
  text: string;
}

export async function compactStore(client: PoolClient): Promise<void> {
  await client.query(`
    ALTER TABLE articles ADD COLUMN text text NOT NULL DEFAULT '', ADD COLUMN paragraphs text, ADD COLUMN analysis bytea NOT NULL DEFAULT '';
    ALTER TABLE quotes ADD COLUMN span_start integer NOT NULL DEFAULT 0, ADD COLUMN span_end integer NOT NULL DEFAULT 0, ALTER COLUMN text DROP NOT NULL;
    ALTER TABLE claims ADD COLUMN span_start integer NOT NULL DEFAULT 0, ADD COLUMN span_end integer NOT NULL DEFAULT 0, ALTER COLUMN text DROP NOT NULL;
  `);
  for (let after = 0; ; ) {
    const { rows } = await client.query<{ id: number; doc: string }>("SELECT id, doc FROM articles WHERE id > $1 ORDER BY id LIMIT $2", [after, CHUNK]);
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    const articles: Array<{ id: number; text: string; paragraphs: string | null; analysis: string }> = [];
    const spans: Array<{ kind: string; article_id: number; local_id: string; s: number; e: number; same: boolean }> = [];
    for (const { id, doc } of rows) {
      const json = JSON.parse(doc) as { text: string; quotes: Span[]; claims: Span[] };
      const text = json.text;
      for (const kind of ["quote", "claim"] as const) {
        // the words stored in a row are the document's (the writer copied them): kept only where they are not the slice
        for (const s of kind === "quote" ? json.quotes : json.claims) spans.push({ kind, article_id: id, local_id: s.id, s: s.start, e: s.end, same: s.text === text.slice(s.start, s.end) });
      }
      const packed = packDoc(json as unknown as Record<string, unknown>);
      articles.push({ id, text, paragraphs: packed.paragraphs, analysis: packed.analysis.toString("base64") });
    }
    await client.query("UPDATE articles a SET text = x.text, paragraphs = x.paragraphs, analysis = decode(x.analysis, 'base64') FROM json_to_recordset($1) AS x(id integer, text text, paragraphs text, analysis text) WHERE a.id = x.id", [JSON.stringify(articles)]);
    for (const kind of ["quote", "claim"]) {
      const list = spans.filter((s) => s.kind === kind);
      if (!list.length) continue;
      await client.query(
        `UPDATE ${kind === "quote" ? "quotes" : "claims"} t SET span_start = x.s, span_end = x.e, text = CASE WHEN x.same THEN NULL ELSE t.text END
         FROM json_to_recordset($1) AS x(article_id integer, local_id text, s integer, e integer, same boolean) WHERE t.article_id = x.article_id AND t.local_id = x.local_id`,
        [JSON.stringify(list)],
      );
    }
  }
  await client.query("ALTER TABLE articles DROP COLUMN doc");
}
