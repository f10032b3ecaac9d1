/**
 * The store's schema, as numbered migrations (the database's user_version says which have run).
 * Articles are keyed by content hash; each keeps its text once and its analysis packed (migration 4,
 * ../compact.ts); events, quotes and claims have rows of their own for queries and exports; stories
 * gather the events of many articles that report one happening; FTS5 indexes normalised text for search,
 * keeping no copy of it. A migration once released is never edited: a change is a new one at the end.
 */
import type { Db } from "./db.js";
import { compactStore } from "./compact-migration.js";

/** SQL, or a step that needs the analysis code (it runs in the migration's transaction). */
export type Migration = string | ((db: Db) => void);

export const MIGRATIONS: Migration[] = [
  `
  CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,          -- SHA-1 of the normalised title and text: one article once
    doc_id TEXT NOT NULL,
    url TEXT,
    source TEXT,                        -- outlet (corpus source, feed title, dateline, site)
    title TEXT,
    published TEXT,                     -- YYYY-MM-DD
    ingested_at TEXT NOT NULL,
    signature TEXT NOT NULL,            -- MinHash signature of word 3-shingles (minhash.ts)
    duplicate_of INTEGER REFERENCES articles(id),  -- a syndicated copy of this article
    doc TEXT NOT NULL                   -- the marsad.document/1 JSON, without token columns
  );
  CREATE INDEX articles_published ON articles(published);
  CREATE TABLE signature_bands (band INTEGER NOT NULL, value INTEGER NOT NULL, article_id INTEGER NOT NULL);
  CREATE INDEX signature_bands_lookup ON signature_bands(band, value);

  CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    place_name TEXT, place_ref TEXT, lat REAL, lon REAL, country TEXT, country_name TEXT, admin1 TEXT, admin2 TEXT,
    actor_name TEXT, actor_ref TEXT, actor_inter INTEGER,
    date_first TEXT, date_last TEXT,
    first_seen TEXT NOT NULL,           -- when Marsad first read a report of it
    reports INTEGER NOT NULL DEFAULT 0, -- events (mentions in articles) that report it
    corroboration INTEGER NOT NULL DEFAULT 0,  -- distinct outlets (migration 2), syndicated copies not counted
    fatalities INTEGER
  );
  CREATE INDEX stories_type_date ON stories(type, date_first);
  CREATE INDEX stories_place ON stories(place_ref);
  CREATE TABLE story_origins (story_id INTEGER NOT NULL, origin INTEGER NOT NULL, PRIMARY KEY (story_id, origin)) WITHOUT ROWID;

  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    story_id INTEGER REFERENCES stories(id),
    local_id TEXT NOT NULL,             -- the event's id within its document (v1 …)
    type TEXT NOT NULL,
    actor_name TEXT, actor_ref TEXT, actor_category TEXT, actor_inter INTEGER,
    place_name TEXT, place_ref TEXT, lat REAL, lon REAL, country TEXT, country_name TEXT, admin1 TEXT, admin2 TEXT, geo_precision INTEGER,
    date TEXT, date_precision TEXT,
    fatalities INTEGER, count INTEGER,
    modality TEXT NOT NULL, happened INTEGER NOT NULL, background INTEGER NOT NULL,
    sentence TEXT,                      -- the first supporting sentence
    json TEXT NOT NULL                  -- the event as in the document
  );
  CREATE INDEX events_type_date ON events(type, date);
  CREATE INDEX events_date ON events(date);
  CREATE INDEX events_story ON events(story_id);
  CREATE INDEX events_article ON events(article_id);
  CREATE INDEX events_place ON events(place_ref);

  CREATE TABLE quotes (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, local_id TEXT NOT NULL, speaker TEXT, text TEXT NOT NULL);
  CREATE TABLE claims (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, local_id TEXT NOT NULL, source TEXT, stance TEXT, text TEXT NOT NULL);
  CREATE INDEX quotes_article ON quotes(article_id);
  CREATE INDEX claims_article ON claims(article_id);

  -- Search over normalised text (diacritics, hamza, alef/ya/ta-marbuta folded by Marsad before indexing).
  CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, ref UNINDEXED, article_id UNINDEXED, text, tokenize = 'unicode61');

  CREATE TABLE fetch_state (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, fetched_at TEXT);
  `,
  `
  -- Corroboration counts outlets, not articles: the distinct outlets (or, where none is known, the
  -- articles) that report a story; a syndicated copy adds none.
  CREATE TABLE story_outlets (story_id INTEGER NOT NULL, outlet TEXT NOT NULL, PRIMARY KEY (story_id, outlet)) WITHOUT ROWID;
  `,
  `
  -- The event list walks stories newest first and asks of each whether a current report holds it: both
  -- from indexes, not a sort and a table lookup per story (19 ms → 1 ms a page on the whole corpus, which
  -- kept the server's one thread busy under a flood of distinct pages).
  CREATE INDEX stories_date_id ON stories(date_first DESC, id DESC);
  CREATE INDEX events_story_current ON events(story_id, happened, background);
  `,
  compactStore,
];
