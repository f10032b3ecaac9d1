// Documents read back from an SQLite store for the scripts: the store keeps the text, the paragraphs and
// a packed analysis (src/store/compact.ts), so each document is rebuilt with the analyser's own unpacker.
const { unpackDoc } = await import(new URL("../dist/store/compact.js", import.meta.url).href);

/** The document of stored article `id` (an object), or null. */
export function storedDoc(db, id) {
  const row = db.prepare("SELECT text, paragraphs, analysis FROM articles WHERE id = ?").get(id);
  if (!row) return null;
  const events = db.prepare("SELECT local_id, json FROM events WHERE article_id = ?").all(id);
  return JSON.parse(unpackDoc(row.text, row.paragraphs, row.analysis, new Map(events.map((e) => [e.local_id, e.json]))));
}

/** Every original (not a syndicated copy) stored article's id and document, in id order. */
export function* storedDocs(db) {
  for (const { id } of db.prepare("SELECT id FROM articles WHERE duplicate_of IS NULL ORDER BY id").all()) yield { id, doc: storedDoc(db, id) };
}
