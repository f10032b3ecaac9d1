/**
 * The analyst's workbench store: articles written for the tests in test/fixtures/workbench (our own words,
 * several outlets), chosen to answer the four questions of the web app's browser test — what happened in a
 * city between two dates and according to whom, which places changed hands in a country in a period, who
 * is quoted most about a place, and airstrikes with casualties in a city.
 */
import { readFileSync } from "node:fs";
import type { Store } from "../../src/store/store.js";
import { record, tempSqlite } from "./store.js";

const FILE = new URL("../fixtures/workbench/articles.jsonl", import.meta.url).pathname;

export interface WorkbenchArticle {
  source: string;
  published: string;
  title: string;
  text: string;
}

export const WORKBENCH: WorkbenchArticle[] = readFileSync(FILE, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as WorkbenchArticle);

export async function workbenchStore<S extends Store>(s: S = tempSqlite() as unknown as S): Promise<S> {
  for (const [k, a] of WORKBENCH.entries()) await s.write([record(a.text, { published: a.published, source: a.source, url: `https://example.org/${a.source}/${k + 1}` })]);
  return s;
}
