/**
 * The event list in memory gives what the store's SQL gives, filter for filter, on both backends;
 * and it notices a write made past the server (another process ingesting).
 */
import { describe, expect, it } from "vitest";
import { EventIndex, LiveIndex } from "../../src/server/event-index.js";
import type { EventListQuery } from "../../src/store/reads.js";
import { BACKENDS } from "../helpers/backends.js";
import { filledStore } from "../helpers/corpus.js";
import { record } from "../helpers/store.js";

const QUERIES: EventListQuery[] = [
  {},
  { all: "true" },
  { limit: 3, offset: 2 },
  { fields: "map", limit: 4, offset: 1 },
  { fields: "map", all: "true", limit: 1000 },
  { type: ["airstrike", "seize_control"], all: "true" },
  { since: "2024-12-05", until: "2024-12-06" },
  { until: "2024-12-04", all: "true" },
  { country: ["SY", "YE"] },
  { country: ["IQ"], all: "true" },
  { admin1: "حماة", all: "true" },
  { place: "حماة" },
  { placeMatch: { refs: ["ye.saada"], names: ["البصرة"] }, all: "true" },
  { actorMatch: { refs: [], names: ["الفصائل المسلحة"] } },
  { actorMatch: { refs: [], names: [] } },
  { actor: "التحالف" },
  { minFatalities: 1, all: "true" },
  { outlet: "مصدر د", all: "true" },
  { bbox: [35, 30, 50, 40], all: "true" },
  { bbox: [43, 15, 45, 18], type: ["airstrike"], since: "2024-12-01", limit: 1 },
];

describe.each(BACKENDS)("the event list in memory, over $name", ({ open, skip }) => {
  if (skip) return void it.skip(skip);

  it("gives the store's pages, totals and counts per day for every filter", async () => {
    const store = await filledStore(await open());
    const index = (await EventIndex.load(store))!;
    expect(index.size).toBeGreaterThan(5);
    for (const q of QUERIES) {
      const sql = await store.listEvents(q);
      const mem = index.list(q);
      expect(JSON.parse(JSON.stringify(mem)), JSON.stringify(q)).toEqual(JSON.parse(JSON.stringify(sql)));
      expect(index.countsPerDay(q), JSON.stringify(q)).toEqual(await store.countsPerDay(q));
    }
    // the filters are not all empty-handed: a test of nothing proves nothing
    expect(QUERIES.filter((q) => index.list(q).total > 0).length).toBeGreaterThan(12);
  }, 60_000);

  it("reads the store again when something else wrote to it", async () => {
    const store = await filledStore(await open());
    let changes = 0;
    const live = new LiveIndex(store, () => changes++, 0);
    const before = (await live.get())!.list({ all: "true" }).total;
    await store.write([record("قصفت القوات الحكومية مدينة إدلب مساء الأحد بالمدفعية الثقيلة.", { published: "2024-12-09", source: "مصدر ك" })]);
    const after = (await live.get())!.list({ all: "true" }).total;
    expect(after).toBe(before + 1);
    expect(changes).toBe(1);
  }, 60_000);
});
