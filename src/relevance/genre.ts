/**
 * Whether an article is news or opinion, from its address: sites keep their columns in sections of
 * their own (data/relevance/opinion-sections.tsv). A column names events to argue from them; it does not
 * report them, so its events are background (topic.ts `eventScope`).
 */
import type { Genre, Meta } from "../document.js";
import { dataPath } from "../data-dir.js";
import { readTsv } from "../util/tsv.js";

export interface OpinionSection {
  /** The outlet code ("aawsat"), or "*" for any outlet. */
  outlet: string;
  url: RegExp;
}

export function loadOpinionSections(file = dataPath("relevance", "opinion-sections.tsv")): OpinionSection[] {
  return readTsv(file, ["outlet", "url", "note"] as const).map((r) => {
    try {
      return { outlet: r.outlet, url: new RegExp(r.url, "i") };
    } catch {
      throw new Error(`${file}: "${r.url}" is not a valid regular expression; fix that row`);
    }
  });
}

/** "opinion" when the article's address lies in an opinion section of its outlet (or of any site), else "news"; null without an address. */
export function genreOf(meta: Pick<Meta, "url" | "source">, sections: readonly OpinionSection[]): Genre | null {
  if (!meta.url) return null;
  return sections.some((s) => (s.outlet === "*" || s.outlet === meta.source) && s.url.test(meta.url!)) ? "opinion" : "news";
}
