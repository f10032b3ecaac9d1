/**
 * Writing analysed articles to the store, a batch per transaction: an interrupted run leaves whole
 * batches only, and an article already stored (same content hash) is skipped. Each new article is
 * checked for a near-duplicate (a syndicated copy), and each event joins the story of the
 * same happening reported elsewhere, or opens one (see stories.ts). Near-duplicates: minhash.ts.
 */
import type { ArticleRecord } from "../../batch/record.js";
import type { Db } from "./db.js";
import { BANDS, bands, NEAR_DUPLICATE_SIMILARITY, similarity } from "../minhash.js";
import type { WriteResult } from "../store.js";
import { StoryIndex } from "./stories.js";

export class StoreWriter {
  private readonly insertArticle;
  private readonly insertBand;
  private readonly candidates;
  private readonly markDuplicate;
  private readonly insertEvent;
  private readonly insertQuote;
  private readonly insertClaim;
  private readonly insertSearchRow;
  private readonly insertSearch;
  private readonly stories: StoryIndex;

  constructor(private readonly db: Db) {
    this.insertArticle = db.prepare(
      "INSERT OR IGNORE INTO articles (hash, doc_id, url, source, title, published, ingested_at, signature, text, paragraphs, analysis) VALUES (@hash, @docId, @url, @source, @title, @published, @now, @signature, @text, @paragraphs, @analysis)",
    );
    this.insertBand = db.prepare("INSERT INTO signature_bands (band, value, article_id) VALUES (?, ?, ?)");
    this.candidates = db.prepare("SELECT a.id, a.signature, a.duplicate_of FROM signature_bands b JOIN articles a ON a.id = b.article_id WHERE b.band = ? AND b.value = ? AND a.id != ? LIMIT 50");
    this.markDuplicate = db.prepare("UPDATE articles SET duplicate_of = ? WHERE id = ?");
    this.insertEvent = db.prepare(`INSERT INTO events (article_id, story_id, local_id, type, actor_name, actor_ref, actor_category, actor_inter, place_name, place_ref, lat, lon, country, country_name, admin1, admin2, geo_precision, date, date_precision, fatalities, count, modality, happened, background, sentence, json)
      VALUES (@articleId, @storyId, @localId, @type, @actorName, @actorRef, @actorCategory, @actorInter, @placeName, @placeRef, @lat, @lon, @country, @countryName, @admin1, @admin2, @geoPrecision, @date, @datePrecision, @fatalities, @count, @modality, @happened, @background, @sentence, @json)`);
    this.insertQuote = db.prepare("INSERT INTO quotes (article_id, local_id, speaker, span_start, span_end, text) VALUES (?, ?, ?, ?, ?, ?)");
    this.insertClaim = db.prepare("INSERT INTO claims (article_id, local_id, source, stance, span_start, span_end, text) VALUES (?, ?, ?, ?, ?, ?, ?)");
    this.insertSearchRow = db.prepare("INSERT INTO search_rows (kind, ref, article_id) VALUES (?, ?, ?)");
    this.insertSearch = db.prepare("INSERT INTO search (rowid, text) VALUES (?, ?)");
    this.stories = new StoryIndex(db);
  }

  /** Hashes already stored: an ingest skips them before analysing anything. */
  knownHashes(): Set<string> {
    return new Set((this.db.prepare("SELECT hash FROM articles").pluck().all() as string[]));
  }

  write(records: ArticleRecord[]): WriteResult {
    const result: WriteResult = { inserted: 0, skipped: 0, duplicates: 0, events: 0 };
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const r of records) {
        const info = this.insertArticle.run({ ...r, analysis: Buffer.from(r.analysis.buffer, r.analysis.byteOffset, r.analysis.byteLength), now });
        if (!info.changes) {
          result.skipped++;
          continue;
        }
        const id = Number(info.lastInsertRowid);
        result.inserted++;
        const original = this.nearDuplicateOf(id, r.signature);
        if (original !== null) {
          this.markDuplicate.run(original, id);
          result.duplicates++;
        }
        bands(r.signature).forEach((value, band) => this.insertBand.run(band, value, id));
        for (const e of r.events) {
          const storyId = this.stories.assign(e, { articleId: id, origin: original ?? id, outlet: r.source, firstSeen: now, published: r.published });
          this.insertEvent.run({ ...e, articleId: id, storyId, happened: e.happened ? 1 : 0, background: e.background ? 1 : 0 });
          result.events++;
        }
        this.index("article", String(id), id, `${r.title ? r.title + " " : ""}${r.searchText}`);
        for (const q of r.quotes) {
          this.insertQuote.run(id, q.localId, q.speaker, q.start, q.end, q.text);
          this.index("quote", q.localId, id, q.searchText);
        }
        for (const c of r.claims) {
          this.insertClaim.run(id, c.localId, c.source, c.stance, c.start, c.end, c.text);
          this.index("claim", c.localId, id, c.searchText);
        }
      }
    })();
    return result;
  }

  /** A search row and its words in the index (which keeps no copy of them: see search.ts). */
  private index(kind: string, ref: string, articleId: number, words: string): void {
    const row = Number(this.insertSearchRow.run(kind, ref, articleId).lastInsertRowid);
    this.insertSearch.run(row, words);
  }

  /** The original of a near-duplicate: an earlier article sharing a band and most shingles. */
  private nearDuplicateOf(id: number, sig: string): number | null {
    const seen = new Set<number>();
    const bs = bands(sig);
    for (let band = 0; band < BANDS; band++) {
      for (const c of this.candidates.all(band, bs[band], id) as Array<{ id: number; signature: string; duplicate_of: number | null }>) {
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        if (similarity(sig, c.signature) >= NEAR_DUPLICATE_SIMILARITY) return c.duplicate_of ?? c.id;
      }
    }
    return null;
  }
}
