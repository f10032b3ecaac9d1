/** A small store filled with the articles written for the tests (test/fixtures). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Store } from "../../src/store/store.js";
import { record, tempSqlite } from "./store.js";

const FIX = new URL("../fixtures/", import.meta.url).pathname;

export const ARTICLES: Array<{ text: string; published: string; source: string }> = [
  { text: readFileSync(join(FIX, "ingest/folder/a1.txt"), "utf8"), published: "2024-12-03", source: "مصدر أ" },
  { text: readFileSync(join(FIX, "text-article/input.txt"), "utf8"), published: "2024-12-05", source: "مصدر ب" },
  { text: "سيطرت الفصائل المسلحة على مدينة حماة صباح الخميس بعد معارك عنيفة مع القوات الحكومية التي انسحبت نحو الجنوب.", published: "2024-12-05", source: "مصدر ج" },
  { text: "شنت طائرات التحالف غارات عنيفة على مواقع في مدينة صعدة مساء الجمعة، ما أسفر عن مقتل سبعة مسلحين.", published: "2024-12-06", source: "مصدر د" },
  { text: "تظاهر مئات الأشخاص في مدينة البصرة يوم السبت احتجاجا على انقطاع الكهرباء.", published: "2024-12-07", source: "مصدر هـ" },
  ...readFileSync(join(FIX, "ingest/corpus.jsonl"), "utf8").split("\n").flatMap((l) => {
    try {
      const o = JSON.parse(l);
      return o.content ? [{ text: o.content, published: o.date_extracted.slice(0, 10), source: o.source }] : [];
    } catch {
      return [];
    }
  }),
];

/** Writes the test articles, one at a time (as an ingest of one article per batch would), into `s` (default: a new SQLite store). */
export async function filledStore<S extends Store>(s: S = tempSqlite() as unknown as S): Promise<S> {
  for (const a of ARTICLES) await s.write([record(a.text, { published: a.published, source: a.source })]);
  return s;
}

export const fixtureFiles = (): string[] => readdirSync(FIX);
