/** The timeline's arithmetic: the data's robust period (outliers left out), day bins and zoom windows. */
import { describe, expect, it } from "vitest";
import { binDays, dateOf, dayOf, robustPeriod, zoomWindow } from "../../web/src/period.js";

describe("the data's robust period", () => {
  const days = (spec: Array<[string, number]>) => spec.map(([date, n]) => ({ date, n }));

  it("leaves out a few misdated events far from the rest", () => {
    const bulk = Array.from({ length: 60 }, (_, k) => [dateOf(dayOf("2024-06-01") + k), 5] as [string, number]);
    expect(robustPeriod(days([["1906-05-01", 1], ...bulk, ["2031-01-01", 1]]))).toEqual(["2024-06-01", "2024-07-30"]);
  });

  it("keeps the whole span when there are few events", () => {
    expect(robustPeriod(days([["2024-03-05", 1], ["2024-08-10", 1]]))).toEqual(["2024-03-05", "2024-08-10"]);
  });

  it("needs no sorted input, and gives null for no events", () => {
    expect(robustPeriod(days([["2024-08-10", 3], ["2024-03-05", 2]]))).toEqual(["2024-03-05", "2024-08-10"]);
    expect(robustPeriod([])).toBeNull();
  });
});

describe("day bins and zoom", () => {
  it("counts days into bins named by their first day, within the window", () => {
    const from = dayOf("2024-01-01");
    const bins = binDays([{ date: "2024-01-01", n: 1 }, { date: "2024-01-03", n: 2 }, { date: "2024-01-08", n: 4 }, { date: "2025-01-01", n: 9 }], from, from + 13, 7);
    expect(bins).toEqual([{ start: from, n: 3 }, { start: from + 7, n: 4 }]);
  });

  it("zooms around a day, keeping it at the same place, and never below the narrowest window", () => {
    expect(zoomWindow([0, 100], 0.5, 50)).toEqual([25, 75]);
    expect(zoomWindow([0, 100], 0.5, 0)).toEqual([0, 50]);
    expect(zoomWindow([0, 10], 0.1, 5, 7)).toEqual([2, 9]);
  });
});
