/** News or opinion, from the article's address (src/relevance/genre.ts, data/relevance/opinion-sections.tsv). */
import { describe, expect, it } from "vitest";
import { genreOf, loadOpinionSections } from "../../src/relevance/index.js";
import { analyze } from "../helpers/analyze.js";

// A paragraph written for this test.
const TEXT = "عنوان\n\nقتل خمسة أشخاص في انفجار سيارة مفخخة في بغداد أمس.";

describe("opinion columns", () => {
  const sections = loadOpinionSections();

  it.each([
    ["a column of an outlet's own section", { url: "http://aawsat.com/home/article/411146/كاتب-ما/عنوان-المقال", source: "aawsat" }, "opinion"],
    ["a news story of the same outlet", { url: "http://aawsat.com/home/article/410826/عنوان-الخبر", source: "aawsat" }, "news"],
    ["an opinion section on any site", { url: "https://example.org/opinion/2015/08/piece", source: null }, "opinion"],
    ["another outlet's path that only looks alike", { url: "http://www.alwatan.com.sa/Politics/News_Detail.aspx", source: "alwatan" }, "news"],
    ["no address at all", { url: null, source: null }, null],
  ])("%s", (_what, meta, genre) => {
    expect(genreOf(meta, sections)).toBe(genre);
  });

  it("the events a column names are background, those a news story reports are not", () => {
    const column = analyze(TEXT, "2015-08-01", { url: "https://example.org/opinion/piece-1" });
    const story = analyze(TEXT, "2015-08-01", { url: "https://example.org/news/story-1" });
    expect(column.meta.genre).toBe("opinion");
    expect(story.meta.genre).toBe("news");
    expect(story.events.map((e) => [e.type, e.background])).toEqual([["explosion", false]]);
    expect(column.events.map((e) => [e.type, e.background])).toEqual([["explosion", true]]);
  });
});
