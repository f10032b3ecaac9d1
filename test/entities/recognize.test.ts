import { describe, expect, it } from "vitest";
import { analyze, entitiesOf, entity } from "../helpers/analyze.js";

describe("listed names", () => {
  it("finds actors and places through attached prepositions, without them in the name", () => {
    expect(entitiesOf("انسحب مقاتلو حزب الله من القصير باتجاه لبنان، ودارت معارك عنيفة بحمص.")).toEqual([
      ["ORG", "حزب الله"],
      ["LOC", "القصير"],
      ["LOC", "لبنان"],
      ["LOC", "حمص"],
    ]);
  });

  it("prefers the longest name", () => {
    expect(entitiesOf("قالت قوات سوريا الديمقراطية إنها صدت الهجوم.")).toEqual([["ORG", "قوات سوريا الديمقراطية"]]);
  });

  it("matches a name through the article and an attached preposition: للمرصد، بالمرصد", () => {
    const doc = analyze("وقال المرصد السوري لحقوق الإنسان إن القصف تواصل. ونقلت وكالة رويترز عن المرصد السوري تأكيده ذلك.");
    const e = entity(doc, "المرصد السوري لحقوق الإنسان");
    expect(e?.type).toBe("ORG");
    expect(e?.mentions.length).toBe(2);
  });

  it("does not read an ordinary word as a place: بالكامل، المدينة", () => {
    expect(entitiesOf("سيطرت القوات على البلدة بالكامل وعادت الحياة إلى المدينة.")).toEqual([]);
  });

  it("does not read مسقط رأسه as Muscat", () => {
    expect(entitiesOf("عاد الشاعر إلى مسقط رأسه بعد غياب طويل.")).toEqual([]);
  });
});

describe("names found from context", () => {
  it("reads a facility from its head: مطار، سجن", () => {
    const doc = analyze("هبطت الطائرة في مطار الريحانة الزراعي ثم نقل السجناء إلى سجن الوادي المركزي.");
    expect(doc.entities.map((e) => [e.type, e.name, e.source])).toEqual([
      ["FAC", "مطار الريحانة الزراعي", "context"],
      ["FAC", "سجن الوادي المركزي", "context"],
    ]);
  });

  it("reads a new place from its head, without the head in the name: قرية X", () => {
    expect(entitiesOf("قصفت الطائرات قرية الزيتونة فجر اليوم.")).toEqual([["LOC", "الزيتونة"]]);
  });

  it("reads an organisation from its head", () => {
    expect(entitiesOf("أعلنت وزارة الزراعة والري خطة جديدة، وقالت هيئة الطيران المدني إن الرحلات مستمرة.")).toEqual([
      ["ORG", "وزارة الزراعة"],
      ["ORG", "هيئة الطيران المدني"],
    ]);
  });

  it("does not take a head followed by an ordinary adjective for a name", () => {
    expect(entitiesOf("وقعت شركة جديدة عقدا لتوسعة الطريق.")).toEqual([]);
  });

  it("reads a numbered military unit: الفرقة 88", () => {
    expect(entitiesOf("انسحبت الفرقة 88 من مواقعها قرب المدينة.")).toEqual([["ORG", "الفرقة 88"]]);
  });

  it("reads the army of a nationality: الجيش التركي", () => {
    expect(entitiesOf("قصف الجيش التركي مواقع قرب الحدود.")).toContainEqual(["ORG", "الجيش التركي"]);
  });

  it("reads a person after a rank, with the rank as role", () => {
    const doc = analyze("وقال العقيد سامر الخطيب إن الهجوم فشل.");
    expect(doc.entities.map((e) => [e.type, e.name, e.role])).toEqual([["PER", "سامر الخطيب", "العقيد"]]);
  });

  it("reads a person from a given name and a family name", () => {
    expect(entitiesOf("وأوضح محمد الزهراني أن العمل مستمر، وأكد خالد بن سعد ذلك.")).toEqual([
      ["PER", "محمد الزهراني"],
      ["PER", "خالد بن سعد"],
    ]);
  });

  it("reads a kunya", () => {
    expect(entitiesOf("ظهر أبو عمر الشامي في تسجيل مصور.")).toEqual([["PER", "أبو عمر الشامي"]]);
  });

  it("takes a role that stands before the name with words between", () => {
    const doc = analyze("وأضاف مدير المستشفى سامي العلوان أن الوضع صعب.");
    const e = doc.entities.find((x) => x.type === "PER");
    expect([e?.name, e?.role]).toEqual(["سامي العلوان", "مدير المستشفى"]);
  });

  it("does not read على (on) as the name علي", () => {
    expect(entitiesOf("سيطرت القوات على مواقع جديدة.")).toEqual([]);
  });

  it("does not read an ordinary noun that is also a given name as a person", () => {
    expect(entitiesOf("هنأ الملك المواطنين بمناسبة عيد الفطر السعيد.")).toEqual([]);
  });
});

describe("coreference", () => {
  it("adds a bare family name to the person named in full before", () => {
    const doc = analyze("قال سامر الخطيب إن المعركة انتهت. وأضاف الخطيب أن القوات انسحبت.");
    expect(doc.entities.filter((e) => e.type === "PER").map((e) => [e.name, e.mentions.length])).toEqual([["سامر الخطيب", 2]]);
  });

  it("gives every mention exact offsets", () => {
    const doc = analyze("وصل وفد من بيروت إلى بغداد، ثم غادر الوفد بغداد.");
    for (const e of doc.entities) for (const m of e.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
    expect(entity(doc, "بغداد")?.mentions.map((m) => m.text)).toEqual(["بغداد", "بغداد"]);
  });

  it("maps actor categories to ACLED interaction codes", () => {
    const doc = analyze("قصف الجيش السوري مواقع هيئة تحرير الشام.");
    expect(doc.entities.map((e) => [e.name, e.category, e.inter])).toEqual([
      ["الجيش السوري", "state_forces", 1],
      ["هيئة تحرير الشام", "rebel_group", 2],
    ]);
  });
});

// Sentences written for this test.
describe("a one-word actor that is an ordinary word beside certain words (data/lexicon/not-names.tsv)", () => {
  it("reads 'القاعدة' beside a base's words as the base, not al-Qaeda", () => {
    expect(entitiesOf("واقتحم المسلحون القاعدة الجوية فجرا.").filter(([type]) => type === "ORG")).toEqual([]);
    expect(entitiesOf("وأعلن تنظيم القاعدة مسؤوليته عن الهجوم.").filter(([type]) => type === "ORG")).toEqual([["ORG", "تنظيم القاعدة"]]);
  });
});

describe("two listed actors side by side", () => {
  it("a force phrase ends where another listed actor begins without لـ", () => {
    expect(entitiesOf("وطردت قوات البيشمركة تنظيم داعش من سنجار.").filter(([t]) => t === "ORG")).toEqual([["ORG", "قوات البيشمركة"], ["ORG", "تنظيم داعش"]]);
  });
});
