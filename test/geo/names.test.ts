import { describe, expect, it } from "vitest";
import type { Token } from "../../src/document.js";
import type { WorkEntity } from "../../src/entities/coref.js";
import { listedBeforeTail } from "../../src/geo/tails.js";
import { normalize } from "../../src/text/normalize.js";
import { analyze, placeOf } from "../helpers/analyze.js";
import { resources } from "../helpers/resources.js";

// How a place's written name reaches its gazetteer record: describing adjectives after a listed name
// (src/geo/tails.ts), a head naming the listed place's own kind, and ordinary words after a place head
// that name no place (src/geo/not-places.ts).
describe("describing tails", () => {
  it.each([
    // [sentence, place as written, gazetteer id]
    ["استعاد المقاتلون قرى جبل صبر المطل على المدينة القديمة في تعز.", "جبل صبر المطل", "ye.r.jabal-sabir"],
    ["احتجز مسلحون رهائن في فندق بمدينة سيفاري الاستراتيجية في وسط مالي.", "سيفاري", "ml.sevare"],
  ])("%s → %s", (sentence, name, ref) => {
    const p = placeOf(analyze(sentence), name);
    expect(p?.ref).toBe(ref);
    expect(p?.lat).not.toBeNull();
  });

  it("does not read a kept head as a place named by that word ('معسكر' is also Mascara in Algeria)", () => {
    const p = placeOf(analyze("أغارت الطائرات على معسكر الصقر في مديرية الحوطة."), "معسكر الصقر");
    expect(p?.country).toBe("YE");
    expect(p?.ref).toBeNull();
  });

  it("takes a listed mountain without its own point to the district the list gives it", () => {
    const p = placeOf(analyze("تمركز المقاتلون على جبل منيف المطل على قاعدة العند."), "جبل منيف");
    expect(p).toMatchObject({ ref: "ye.r.jabal-munif", country: "YE", geo_precision: 2, method: "container" });
  });
});

describe("a head that names the listed place itself", () => {
  it("gives a listed quarter after 'حي' its own point and precision 1", () => {
    const p = placeOf(analyze("سقطت قذائف على حي عصيفرة شمال مدينة تعز."), "حي عصيفرة");
    expect(p).toMatchObject({ ref: "ye.n.usayfirah", geo_precision: 1, method: "gazetteer" });
  });

  it("still gives a facility named after a city that city's point, with precision 2", () => {
    const p = placeOf(analyze("وصلت طائرة مساعدات إلى مطار المنصورة الجديد في مصر."), "مطار المنصورة");
    expect(p).toMatchObject({ ref: null, method: "inner", geo_precision: 2, country: "EG" });
  });
});

describe("ordinary words after a place head", () => {
  it.each([
    ["دعت أنقرة إلى إقامة منطقة آمنة شمال سوريا.", "آمنة"],
    ["يطالب الجيش بمنطقة عازلة على الحدود.", "عازلة"],
    ["تقع البلدة في منطقة لها أهمية كبيرة للطرفين.", "لها"],
    ["يسعى الموظفون إلى قضاء حوائجهم قبل العيد.", "حوائجهم"],
  ])("%s → no place '%s'", (sentence, word) => {
    const doc = analyze(sentence);
    expect(doc.places.some((p) => p.name.startsWith(word))).toBe(false);
  });

  it("keeps a listed place that begins with such a word", () => {
    const doc = analyze("قصفت الطائرات منطقة الخالدية في الأنبار.");
    expect(doc.places.some((p) => p.name.includes("الخالدية") && p.lat !== null)).toBe(true);
  });
});

describe("a name the tagger found without the list", () => {
  // the tagger marks names by their context, not by the list; the geo stage looks the whole name up itself
  const entityOver = (tokens: readonly Token[], word: string): WorkEntity => {
    const i = tokens.findIndex((t) => t.norm.endsWith(normalize(word)));
    return { id: "e1", type: "LOC", name: word, spans: [[i, i + 1]], mentions: [] } as unknown as WorkEntity;
  };

  it("finds a listed quarter written with a conjunction", () => {
    const doc = analyze("تعرضت أحياء الشعار والصاخور لقصف عنيف.");
    const found = listedBeforeTail(entityOver(doc.tokens, "الصاخور"), doc.tokens, resources().gazetteer);
    expect(found.map((c) => c.place.id)).toContain("sy.n.sakhour");
  });

  it("finds nothing for a word no list holds", () => {
    const doc = analyze("تعرضت أحياء الشعار والمحطة لقصف عنيف.");
    expect(listedBeforeTail(entityOver(doc.tokens, "المحطة"), doc.tokens, resources().gazetteer)).toEqual([]);
  });
});

describe("bodies named after their seat", () => {
  it.each([
    ["أعلنت مديرية أمن القاهرة القبض على ثلاثة متهمين.", "أمن"],
    ["قالت مديرية الدفاع المدني إن الحريق أخمد.", "الدفاع"],
  ])("%s → no place '%s …'", (sentence, word) => {
    expect(analyze(sentence).places.some((p) => p.name.startsWith(word))).toBe(false);
  });
});

describe("a town the text calls foreign", () => {
  it("is not put in the province of the article's main city", () => {
    const doc = analyze("وصل فريق التعاون إلى الرياض أمس. ويخوض الفريق مباراة ودية في مدينة هورست الهولندية غدا.");
    const p = doc.places.find((x) => x.name.startsWith("هورست"));
    expect(p).toMatchObject({ lat: null, method: "unresolved" });
  });

  it("still puts an unlisted village of the same country in that province", () => {
    const doc = analyze("شهدت محافظة لحج اشتباكات عنيفة أمس في الحوطة. وقال سكان إن المسلحين انسحبوا من قرية الشقعة اليمنية.");
    const p = doc.places.find((x) => x.name.includes("الشقعة"));
    expect(p?.country).toBe("YE");
    expect(p?.lat).not.toBeNull();
  });
});
