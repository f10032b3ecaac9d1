import { describe, expect, it } from "vitest";
import { toJson } from "../../src/output.js";
import { checkDocument } from "../../src/schema.js";
import { analyze } from "../helpers/analyze.js";

// written for this test: Houthis took a town near Taiz, a named man spoke, aircraft struck Aden
const TEXT = "سيطر الحوثيون على مدينة تعز بعد اشتباكات عنيفة، وقال سالم الكبسي إن الطيران قصف مدينة عدن أمس.";

describe("English names in the document", () => {
  const doc = analyze(TEXT, "2015-07-20");
  const json = toJson(doc, false) as { entities: Array<Record<string, unknown>>; places: Array<Record<string, unknown>>; events: Array<Record<string, Record<string, unknown> | null>> };

  it("gives every entity, place and event party an English name with its source, and the schema requires them", () => {
    expect(checkDocument(toJson(doc))).toEqual([]);
    const named = [...json.entities, ...json.places, ...json.events.flatMap((v) => [v.actor, v.target, v.place].filter((x) => x !== null))];
    expect(named.length).toBeGreaterThan(5);
    for (const x of named) {
      expect(x.name_en, String(x.name)).toMatch(/^[^\u0600-\u06ff]+$/);
      expect(["list", "glossary", "romanized"]).toContain(x.name_en_source);
    }
    // a document without them is not marsad.document/1
    const bare = toJson(doc) as { places: Array<Record<string, unknown>> };
    delete bare.places[0].name_en;
    expect(checkDocument(bare).join("\n")).toMatch(/places\.0\.name_en/);
  });

  it("takes listed names from the gazetteer and actor records, through the entity's place or record", () => {
    const taiz = json.entities.find((e) => e.name === "تعز")!;
    expect(taiz).toMatchObject({ name_en: "Taiz", name_en_source: "list" });
    expect(json.places.find((p) => p.name === "عدن")).toMatchObject({ name_en: "Aden", name_en_source: "list" });
    const seize = json.events.find((v) => v.type as unknown === "seize_control")!;
    expect(seize.actor).toMatchObject({ name_en: "Houthis (Ansar Allah)", name_en_source: "list" });
    expect(seize.place).toMatchObject({ name_en: "Taiz", name_en_source: "list" });
  });

  it("romanises a name no list holds, and glosses an actor made of common words", () => {
    expect(json.entities.find((e) => e.name === "سالم الكبسي")).toMatchObject({ name_en: "Salam al-Kabasi", name_en_source: "romanized" });
    const strike = json.events.find((v) => v.type as unknown === "airstrike")!;
    expect(strike.actor).toMatchObject({ name_en: "Aircraft", name_en_source: "glossary" });
  });

  it("codes protests at CAMEO's dissent level and leaves displacement without a code", () => {
    expect(analyze("تظاهر مئات الطلاب في مدينة عدن أمس.", "2015-07-20").events[0]?.cameo).toBe("140");
    expect(analyze("نزحت عشرات العائلات من مدينة تعز أمس.", "2015-07-20").events[0]?.cameo).toBeNull();
  });
});
