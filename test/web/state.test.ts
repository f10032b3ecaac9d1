/** The app's address: every view and filter written into the query and read back the same; malformed parts fall back to defaults. */
import { describe, expect, it } from "vitest";
import { initialState, read, write, type AppState } from "../../web/src/state.js";

describe("the web app's state in the address", () => {
  const full: AppState = {
    filters: { from: "2024-07-14", to: "2024-07-20", country: "YE", admin1: "ye.a1.aden", actor: "ye.houthis", place: "عدن", type: ["airstrike", "shelling"], minFatalities: 3, source: "aawsat" },
    view: { kind: "event", id: 42 },
    page: 2,
    follow: false,
    control: true,
    tiles: true,
    map: { lat: 12.8, lon: 45.03, zoom: 11 },
  };

  it.each<[string, AppState]>([
    ["everything set", full],
    ["the defaults", initialState()],
    ["an actor page", { ...initialState(), view: { kind: "actor", id: "ye.houthis" } }],
    ["a place page", { ...initialState(), view: { kind: "place", id: "ye.aden" } }],
    ["a search", { ...initialState(), view: { kind: "search", q: "الرمادي محافظ" } }],
    ["an article", { ...initialState(), view: { kind: "article", id: 7 } }],
  ])("reads back what it writes: %s", (_, s) => {
    expect(read(`?${write(s)}`)).toEqual(s);
  });

  it("writes nothing for the defaults, so that the plain address is the start", () => {
    expect(write(initialState())).toBe("");
  });

  it.each([
    ["?from=2024-13-1&to=yesterday", {}],
    ["?min=-4", {}],
    ["?min=2.5", {}],
    ["?type=", {}],
  ])("leaves malformed filters out: %s", (q, filters) => {
    expect(read(q).filters).toEqual(filters);
  });

  it.each([
    ["?view=event&id=abc", { kind: "list" }],
    ["?view=event", { kind: "list" }],
    ["?view=search", { kind: "list" }],
    ["?view=unknown&id=3", { kind: "list" }],
    ["?view=article&id=5", { kind: "article", id: 5 }],
  ])("reads a view only when it is whole: %s", (q, view) => {
    expect(read(q).view).toEqual(view);
  });

  it("ignores a malformed map position", () => {
    expect(read("?at=1,2").map).toBeUndefined();
    expect(read("?at=a,b,c").map).toBeUndefined();
  });
});
