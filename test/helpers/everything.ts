/** Everything a reader can get from a store, to compare two stores (backends, or a migrated one and a new one). */
import { writeExport, type ExportFormat } from "../../src/store/export.js";
import type { Store } from "../../src/store/store.js";
import { exportContext } from "./export.js";

/** Words searched for; the fixtures hold each (a place, a quote's words, a claim's). */
const WORDS = ["البصره", "حماه", "حمص", "القصف", "الكهرباء", "المسلحين"];

/**
 * Everything a reader can get from a store, without the moment each row was written. With `hits`,
 * every search hit in full (the backends show an article hit differently: a snippet, the start).
 */
export async function everything(s: Store, opts: { hits?: boolean } = {}) {
  const stories = (await s.stories({}, 1_000_000, 0)).map(({ firstSeen: _f, ...rest }) => rest);
  const exports: Record<string, string> = {};
  for (const format of ["jsonl", "geojson", "acled-csv"] as ExportFormat[]) {
    let out = "";
    writeExport(format, await s.stories({ happened: true }), (c) => (out += c), exportContext());
    // first_seen and timestamp are when the story was stored
    exports[format] = out.replace(/"first_seen":"[^"]*"/g, "").replace(/"timestamp":\d+/g, "").replace(/,\d{10}\n/g, "\n");
  }
  const articles = await s.articles(1000, 0);
  const docs = await Promise.all(articles.items.map((a) => s.article(a.id)));
  const result = {
    articles,
    docs,
    stories,
    exports,
    events: await s.listEvents({ all: "true", limit: 1000 }),
    map: await s.listEvents({ fields: "map", limit: 1000 }),
    counts: await s.countsPerDay({}),
    places: await s.places({ limit: 1000 }),
    control: await s.controlTimeline(),
    detail: await s.storyDetail(stories[0].id),
    searchKinds: (await s.search("البصره")).map((h) => [h.kind, h.article]),
    hits: opts.hits ? await Promise.all(WORDS.map((w) => s.search(w))) : null,
  };
  return JSON.parse(JSON.stringify(result, (k, v) => (k === "first_seen" ? undefined : v)));
}

