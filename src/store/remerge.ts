/**
 * Stories and near-duplicates that do not depend on the order articles arrived in. The writers merge
 * as articles come (first fit: a report joins the first story it fits, a copy's original is the
 * first similar article stored), so the same input in another order — threads or workers finishing
 * in another order, a file shuffled — could give other stories. The re-merge pass takes everything
 * stored and does the same merging again in one canonical order, which depends on the articles only:
 * articles by (published, content hash), events by (the story's date, their article in that order,
 * their place in the article). Stories are numbered in the order they open, so their ids are the same
 * too. The ingest runs it when it has written, a worker when the queue runs dry (under the write lock),
 * so the stories any run ends with are those of this order, whatever order it read.
 *
 * The computation is here, on plain rows; each backend reads the rows and writes the result.
 */
import type { EventRow } from "../batch/record.js";
import { BANDS, bands, HASHES, NEAR_DUPLICATE_SIMILARITY } from "./minhash.js";
import { addReport, matchStory, shift, storyDate, STORY_WINDOW_DAYS, type StoryState } from "./stories.js";

/** Candidates read per band, as the writers read them. */
const CANDIDATES_PER_BAND = 50;

export interface RemergeArticle {
  id: number;
  hash: string;
  published: string | null;
  signature: string;
  source: string | null;
  ingested_at: string;
}

/** An event's row as stored (the columns story merging reads). */
export interface RemergeEvent {
  id: number;
  article_id: number;
  type: string;
  actor_name: string | null;
  actor_ref: string | null;
  actor_inter: number | null;
  place_name: string | null;
  place_ref: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  country_name: string | null;
  admin1: string | null;
  admin2: string | null;
  date: string | null;
  fatalities: number | null;
}

export const REMERGE_EVENT_COLUMNS = ["id", "article_id", "type", "actor_name", "actor_ref", "actor_inter", "place_name", "place_ref", "lat", "lon", "country", "country_name", "admin1", "admin2", "date", "fatalities"] as const;

/** A story as the stories table holds it, with the articles it stands on. */
export interface MergedStory extends StoryState {
  origins: Set<number>;
}

export const STORY_COLUMNS = ["id", "type", "place_name", "place_ref", "lat", "lon", "country", "country_name", "admin1", "admin2", "actor_name", "actor_ref", "actor_inter", "date_first", "date_last", "first_seen", "reports", "corroboration", "fatalities"] as const;

export interface Remerged {
  /** Each article's original (null: it is one). */
  duplicateOf: Map<number, number | null>;
  /** Stories, ids 1… in opening order. */
  stories: MergedStory[];
  /** Each event's story id. */
  storyOf: Map<number, number>;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function remerge(articles: RemergeArticle[], events: RemergeEvent[]): Remerged {
  // articles in canonical order; rank = place in it
  const ordered = [...articles].sort((a, b) => cmp(a.published ?? "", b.published ?? "") || cmp(a.hash, b.hash));
  const rank = new Map(ordered.map((a, k) => [a.id, k]));
  const byId = new Map(articles.map((a) => [a.id, a]));

  // near-duplicates: each article's original is the first similar article before it, as the writer does
  // (signatures compared as numbers: the same count as similarity() of minhash.ts, without cutting strings)
  const duplicateOf = new Map<number, number | null>();
  const bandLists = new Map<string, Array<{ id: number; sig: Uint32Array }>>();
  for (const a of ordered) {
    const bs = bands(a.signature);
    const sig = signatureValues(a.signature);
    const seen = new Set<number>();
    let original: number | null = null;
    for (let band = 0; band < BANDS && original === null; band++) {
      const list = bandLists.get(`${band}:${bs[band]}`) ?? [];
      for (let k = 0; k < list.length && k < CANDIDATES_PER_BAND; k++) {
        const c = list[k];
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        if (sameValues(sig, c.sig) / HASHES >= NEAR_DUPLICATE_SIMILARITY) {
          original = duplicateOf.get(c.id) ?? c.id;
          break;
        }
      }
    }
    duplicateOf.set(a.id, original);
    bs.forEach((value, band) => {
      const key = `${band}:${value}`;
      const list = bandLists.get(key);
      if (list) list.push({ id: a.id, sig });
      else bandLists.set(key, [{ id: a.id, sig }]);
    });
  }

  // events in canonical order: the story's date, the article's rank, the event's place in its article (ids rise within one)
  const dated = events.map((e) => ({ e, date: storyDate(toEventRow(e), byId.get(e.article_id)?.published ?? null) }));
  dated.sort((x, y) => cmp(x.date ?? "", y.date ?? "") || rank.get(x.e.article_id)! - rank.get(y.e.article_id)! || x.e.id - y.e.id);

  const stories: MergedStory[] = [];
  const byType = new Map<string, MergedStory[]>();
  const storyOf = new Map<number, number>();
  for (const { e, date } of dated) {
    const row = toEventRow(e);
    const article = byId.get(e.article_id)!;
    let story: MergedStory | undefined;
    if (date && e.place_name) {
      // the first story that fits in (date_first, id) order among those of the window, as the writers
      // read them — found in one pass, testing a story only when it would come before the best so far
      const lo = shift(date, -STORY_WINDOW_DAYS), hi = shift(date, STORY_WINDOW_DAYS);
      for (const s of byType.get(e.type) ?? []) {
        if (s.date_first === null || s.date_last === null || s.date_first > hi || s.date_last < lo) continue;
        if (story && (cmp(s.date_first, story.date_first!) || s.id - story.id) > 0) continue;
        if (matchStory(row, [s])) story = s;
      }
    }
    if (!story) {
      story = {
        id: stories.length + 1, type: e.type, place_name: e.place_name, place_ref: e.place_ref, lat: e.lat, lon: e.lon, country: e.country, country_name: e.country_name, admin1: e.admin1, admin2: e.admin2,
        actor_name: e.actor_name, actor_ref: e.actor_ref, actor_inter: e.actor_inter, date_first: date, date_last: date, first_seen: article.ingested_at, reports: 0, corroboration: 0, fatalities: e.fatalities,
        origins: new Set(), outlets: new Set(),
      };
      stories.push(story);
      const list = byType.get(e.type);
      if (list) list.push(story);
      else byType.set(e.type, [story]);
    }
    const origin = duplicateOf.get(article.id) ?? article.id;
    story.origins.add(origin);
    addReport(story, row, date, { articleId: article.id, origin, outlet: article.source });
    // first read: the earliest ingest of its reports
    if (article.ingested_at < story.first_seen) story.first_seen = article.ingested_at;
    storyOf.set(e.id, story.id);
  }
  return { duplicateOf, stories, storyOf };
}

/** A signature's 32 values (8 hex digits each). */
function signatureValues(sig: string): Uint32Array {
  const out = new Uint32Array(HASHES);
  for (let k = 0; k < HASHES; k++) out[k] = parseInt(sig.slice(k * 8, k * 8 + 8), 16);
  return out;
}

const sameValues = (a: Uint32Array, b: Uint32Array): number => {
  let n = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) n++;
  return n;
};

/** The fields of a stored event that story matching reads, as the writer's event row names them. */
function toEventRow(e: RemergeEvent): EventRow {
  return {
    localId: "", type: e.type, actorName: e.actor_name, actorRef: e.actor_ref, actorCategory: null, actorInter: e.actor_inter, placeName: e.place_name, placeRef: e.place_ref, lat: e.lat, lon: e.lon,
    country: e.country, countryName: e.country_name, admin1: e.admin1, admin2: e.admin2, geoPrecision: null, date: e.date, datePrecision: null, fatalities: e.fatalities, count: null,
    modality: "", happened: false, background: false, sentence: null, json: "",
  };
}
