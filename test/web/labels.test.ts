/** The basemap's labels, derived from Marsad's gazetteer at build time: every covered country, its large cities, ranked. */
import { describe, expect, it } from "vitest";
import { gazetteerLabels, rank } from "../../web/build/labels.js";

const labels = gazetteerLabels(new URL("../../data/gazetteer/", import.meta.url).pathname);
const find = (en: string) => labels.find((l) => l[1] === en);

describe("basemap labels from the gazetteer", () => {
  it("names the covered countries and their cities in Arabic and English, with coordinates", () => {
    expect(find("Yemen")?.[0]).toBe("اليمن");
    expect(find("Yemen")?.[4]).toBe(0);
    const aden = labels.find((l) => l[0] === "عدن" && l[4] > 0);
    expect(aden).toBeDefined();
    expect(aden![2]).toBeCloseTo(12.8, 0);
    expect(aden![3]).toBeCloseTo(45.0, 0);
  });

  it("leaves out countries the gazetteer does not cover in detail, and admin units and facilities", () => {
    expect(find("Andorra")).toBeUndefined();
    expect(labels.some((l) => /Governorate|Airport|Airbase/.test(l[1]))).toBe(false);
  });

  it("puts the most important first", () => {
    const ranks = labels.map((l) => l[4]);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it.each([
    ["country", "", 0, 0],
    ["city", "capital", 10_000, 1],
    ["city", "", 2_000_000, 1],
    ["city", "", 400_000, 2],
    ["city", "", 50_000, 3],
    ["town", "", 0, 4],
    ["village", "", 0, 5],
    ["admin1", "", 9_000_000, null],
    ["facility", "airport", 0, null],
  ])("ranks a %s (%s, %i people) %s", (kind, feature, pop, expected) => {
    expect(rank(kind, feature, pop)).toBe(expected);
  });
});
