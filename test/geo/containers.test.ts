import { describe, expect, it } from "vitest";
import { analyze, placeOf } from "../helpers/analyze.js";

const near = (p: { lat: number | null; lon: number | null } | undefined, lat: number, lon: number, km = 30): boolean =>
  !!p && p.lat !== null && p.lon !== null && Math.hypot((p.lat - lat) * 111, (p.lon - lon) * 111 * Math.cos((lat * Math.PI) / 180)) <= km;

// Places the gazetteer has no point for, placed at the point of the place holding them (src/geo/containers.ts).
describe("containers", () => {
  it.each([
    // [sentence, place, lat, lon of the container, geo_precision]
    ["انفجرت عبوة ناسفة أمام مستشفى البريهي في تعز صباح الأحد.", "مستشفى البريهي", 13.58, 44.02, 2],
    ["اعتقلت الشرطة طلابا من جامعة الفرقان بمدينة الموصل.", "جامعة الفرقان", 36.34, 43.13, 2],
    ["سقطت قذيفة على حي الورود شمال حلب.", "حي الورود", 36.2, 37.15, 2],
    ["قصفت الطائرات معسكر الصقر في مديرية الحوطة.", "معسكر الصقر", 13.05, 44.88, 2],
  ])("%s → %s at its container", (sentence, name, lat, lon, precision) => {
    const p = placeOf(analyze(sentence), name);
    expect(p).toMatchObject({ method: "container", geo_precision: precision });
    expect(near(p, lat, lon)).toBe(true);
  });

  it("puts an unlisted quarter of the article's main city in that city", () => {
    const doc = analyze("شهدت عدن اشتباكات عنيفة أمس. وقال سكان إن المسلحين تحصنوا في حي القطيع وأغلقوا الطرق.");
    const p = placeOf(doc, "حي القطيع");
    expect(p).toMatchObject({ method: "parent", geo_precision: 2 });
    expect(near(p, 12.79, 45.02)).toBe(true);
  });

  it("keeps the point of a listed place itself, with precision 1", () => {
    expect(placeOf(analyze("وصلت التعزيزات إلى حلب."), "حلب")).toMatchObject({ method: "gazetteer", geo_precision: 1 });
  });

  it("gives a province precision 3", () => {
    expect(placeOf(analyze("سيطرت القوات على محافظة دير الزور."), "دير الزور")?.geo_precision).toBe(3);
  });

  it("does not tie a place to a country: too wide to mark a facility", () => {
    const p = placeOf(analyze("زار الوفد مستشفى البريهي في اليمن."), "مستشفى البريهي");
    expect(p).toMatchObject({ lat: null, method: "unresolved", geo_precision: null });
  });
});

// Regions and provinces carry the point of their capital, not a desert centroid.
describe("regions", () => {
  it.each([
    ["أعلنت إمارة منطقة الرياض عن حملة جديدة.", "منطقة الرياض", 24.71, 46.68],
    ["هطلت أمطار غزيرة على المنطقة الشرقية أمس.", "المنطقة الشرقية", 26.42, 50.09],
    ["أعلنت إمارة منطقة جازان إغلاق المدارس.", "منطقة جازان", 16.89, 42.55],
    ["أعلنت إمارة منطقة نجران إغلاق المدارس.", "منطقة نجران", 17.49, 44.13],
  ])("%s → %s at its capital, precision 3", (sentence, name, lat, lon) => {
    const p = placeOf(analyze(sentence), name);
    expect(p?.kind).toBe("admin1");
    expect(p?.geo_precision).toBe(3);
    expect(near(p, lat, lon, 10)).toBe(true);
  });
});
