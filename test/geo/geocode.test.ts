import { describe, expect, it } from "vitest";
import { analyze, placeOf } from "../helpers/analyze.js";

const near = (p: { lat: number | null; lon: number | null } | undefined, lat: number, lon: number, km = 30): boolean =>
  !!p && p.lat !== null && p.lon !== null && Math.hypot((p.lat - lat) * 111, (p.lon - lon) * 111 * Math.cos((lat * Math.PI) / 180)) <= km;

describe("geocoding", () => {
  it("puts a known city on the map with its admin1 and country", () => {
    const p = placeOf(analyze("وصلت التعزيزات إلى حلب."), "حلب");
    expect(p).toMatchObject({ country: "SY", method: "gazetteer" });
    expect(near(p, 36.2, 37.15)).toBe(true);
    expect(p?.admin1).toBeTruthy();
  });

  it("chooses among places of one name by the country the article names", () => {
    const lebanon = placeOf(analyze("شهدت طرابلس في شمال لبنان اشتباكات بين مسلحين."), "طرابلس");
    expect(lebanon?.country).toBe("LB");
    const libya = placeOf(analyze("شهدت العاصمة الليبية طرابلس اشتباكات، وقال مسؤولون في ليبيا إن الهدوء عاد."), "طرابلس");
    expect(libya?.country).toBe("LY");
  });

  it("falls back to the most populous place, with lower confidence, when nothing tells", () => {
    const p = placeOf(analyze("عاد الهدوء إلى طرابلس."), "طرابلس");
    expect(p?.country).toBe("LY");
    expect(p!.confidence).toBeLessThan(0.9);
  });

  it("puts a listed facility on its own point", () => {
    const p = placeOf(analyze("غادر القادة مطار الشعيرات في حمص."), "مطار الشعيرات");
    expect(p).toMatchObject({ kind: "facility", method: "gazetteer" });
    expect(near(p, 34.49, 36.91, 10)).toBe(true);
  });

  it("puts an unlisted facility on the point of the place it is named after", () => {
    const p = placeOf(analyze("أفرج عن سجناء من سجن دير الزور العسكري."), "سجن دير الزور العسكري");
    expect(p).toMatchObject({ kind: "facility", method: "inner" });
    expect(near(p, 35.33, 40.14, 30)).toBe(true);
  });

  it("reads محافظة X as the administrative unit", () => {
    const p = placeOf(analyze("سيطرت القوات على محافظة دير الزور."), "دير الزور");
    expect(p?.kind).toBe("admin1");
  });

  it("keeps a place it cannot locate, with lat and lon null", () => {
    const p = placeOf(analyze("قصفت الطائرات قرية الزيتونة."), "الزيتونة");
    expect(p).toMatchObject({ lat: null, lon: null, method: "unresolved" });
  });

  it("places a listed neighbourhood in the city the article is about", () => {
    const p = placeOf(analyze("اندلعت اشتباكات في حي الخالدية بمدينة حلب."), "حي الخالدية");
    expect(near(p, 36.22, 37.13, 15)).toBe(true);
  });
});

describe("a city and the province named after it, in different units", () => {
  it("the bare name is the city, whichever of the two the list holds first", () => {
    expect(placeOf(analyze("قتل خمسة أشخاص في انفجار في صنعاء أمس."), "صنعاء")?.ref).toBe("ye.sanaa");
    expect(placeOf(analyze("وصل الوفد إلى محافظة صنعاء أمس."), "محافظة صنعاء")?.ref).toBe("ye.a1.sanaa");
  });
});
