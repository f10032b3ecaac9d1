/**
 * Migration 4: the compact store. Before it, each article kept its whole document as JSON (the text,
 * its sentences, the words of every span), quotes and claims kept copies of their words, and the
 * search table kept its own copy of every normalised text beside its index — 6.5 times the text in
 * all. After it: the text once (articles.text), the analysis packed (articles.analysis and .paragraphs, ../compact.ts),
 * quotes and claims by offsets, and an external-content FTS5 index whose content is rebuilt from the
 * text when a snippet needs it (search_source, with the marsad_search_text function of search.ts).
 * An existing store is converted article by article; the search index is rebuilt from the new content.
 */
import { packDoc } from "../compact.js";
import type { Db } from "./db.js";

/** Articles converted per read, to hold a bounded number in memory. */
const CHUNK = 500;

export const SEARCH_SCHEMA = `
  -- one row per indexed text: an article (its title and text), a quote or a claim; the index's rowid
  CREATE TABLE search_rows (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL, article_id INTEGER NOT NULL);
  CREATE INDEX search_rows_article ON search_rows(article_id);
  -- what the index was built from, rebuilt from the stored text (marsad_search_text: ./search.ts)
  CREATE VIEW search_source AS
    SELECT r.id, marsad_search_text(r.kind, a.title, a.text, a.paragraphs, a.analysis, coalesce(q.speaker, c.source), coalesce(q.span_start, c.span_start), coalesce(q.span_end, c.span_end), coalesce(q.text, c.text)) AS text
    FROM search_rows r JOIN articles a ON a.id = r.article_id
    LEFT JOIN quotes q ON r.kind = 'quote' AND q.article_id = r.article_id AND q.local_id = r.ref
    LEFT JOIN claims c ON r.kind = 'claim' AND c.article_id = r.article_id AND c.local_id = r.ref;
  CREATE VIRTUAL TABLE search USING fts5(text, content = 'search_source', content_rowid = 'id', tokenize = 'unicode61');
`;

export function compactStore(db: Db): void {
  db.exec(`
    ALTER TABLE articles ADD COLUMN text TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN paragraphs TEXT;
    ALTER TABLE articles ADD COLUMN analysis BLOB NOT NULL DEFAULT x'';
    -- a quote's or claim's words: text[span_start, span_end) (UTF-16 offsets); text only where they differ
    CREATE TABLE quotes_v4 (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, local_id TEXT NOT NULL, speaker TEXT, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT);
    CREATE TABLE claims_v4 (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, local_id TEXT NOT NULL, source TEXT, stance TEXT, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT);
    CREATE TABLE search_rows_v4 (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL, article_id INTEGER NOT NULL);
    INSERT INTO search_rows_v4 (id, kind, ref, article_id) SELECT rowid, kind, ref, article_id FROM search ORDER BY rowid;
    DROP TABLE search;
  `);
  const ids = db.prepare("SELECT id FROM articles ORDER BY id").pluck().all() as number[];
  const read = db.prepare("SELECT id, doc FROM articles WHERE id >= ? AND id <= ? ORDER BY id");
  const write = db.prepare("UPDATE articles SET text = ?, paragraphs = ?, analysis = ? WHERE id = ?");
  const quotes = db.prepare("SELECT id, local_id, speaker, text FROM quotes WHERE article_id = ? ORDER BY id");
  const claims = db.prepare("SELECT id, local_id, source, stance, text FROM claims WHERE article_id = ? ORDER BY id");
  const addQuote = db.prepare("INSERT INTO quotes_v4 (id, article_id, local_id, speaker, span_start, span_end, text) VALUES (?, ?, ?, ?, ?, ?, ?)");
  const addClaim = db.prepare("INSERT INTO claims_v4 (id, article_id, local_id, source, stance, span_start, span_end, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (let k = 0; k < ids.length; k += CHUNK) {
    const rows = read.all(ids[k], ids[Math.min(k + CHUNK, ids.length) - 1]) as Array<{ id: number; doc: string }>;
    for (const { id, doc } of rows) {
      const json = JSON.parse(doc) as { text: string; quotes: Span[]; claims: Span[] };
      const text = json.text;
      const spans = (list: Span[]) => new Map(list.map((s) => [s.id, s]));
      const [qs, cs] = [spans(json.quotes), spans(json.claims)];
      // the words stored in a row are the document's (the writer copied them); offsets from the document
      const at = (m: Map<string, Span>, localId: string, words: string): [number, number, string | null] => {
        const s = m.get(localId);
        if (!s) return [0, 0, words];
        return [s.start, s.end, words === text.slice(s.start, s.end) ? null : words];
      };
      for (const q of quotes.all(id) as Array<{ id: number; local_id: string; speaker: string | null; text: string }>) addQuote.run(q.id, id, q.local_id, q.speaker, ...at(qs, q.local_id, q.text));
      for (const c of claims.all(id) as Array<{ id: number; local_id: string; source: string | null; stance: string | null; text: string }>) addClaim.run(c.id, id, c.local_id, c.source, c.stance, ...at(cs, c.local_id, c.text));
      const packed = packDoc(json as unknown as Record<string, unknown>);
      write.run(text, packed.paragraphs, packed.analysis, id);
    }
  }
  db.exec(`
    DROP TABLE quotes;
    DROP TABLE claims;
    ALTER TABLE quotes_v4 RENAME TO quotes;
    ALTER TABLE claims_v4 RENAME TO claims;
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE INDEX claims_article ON claims(article_id);
    ALTER TABLE articles DROP COLUMN doc;
    ${SEARCH_SCHEMA.replace("CREATE TABLE search_rows (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL, article_id INTEGER NOT NULL);", "ALTER TABLE search_rows_v4 RENAME TO search_rows;")}
    INSERT INTO search (search) VALUES ('rebuild');
  `);
}

interface Span {
  id: string;
  start: number;
  end: number;
}
