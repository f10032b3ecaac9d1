import { describe, expect, it } from "vitest";
import { englishDate, loadEnglish } from "../../src/english/index.js";
import { resources } from "../helpers/resources.js";

describe("English names", () => {
  const en = loadEnglish(resources().gazetteer, resources().actors);

  it.each([
    ["ميلود الزوي", "Milud al-Zawi"],
    ["محمد بن علي", "Mohammed bin Ali"],
    ["حلب", "Halab"],
    ["درعا", "Dara'a"],
    ["عدن", "Adan"],
    ["Reuters", "Reuters"],
  ])("romanises %s as %s", (ar, want) => {
    expect(en.names.romanizer.romanize(ar)).toBe(want);
  });

  it("says where each English name comes from: a list, the glossary or the romaniser", () => {
    const sanaa = [...resources().gazetteer.byId.values()].find((p) => p.kind === "city" && p.country === "YE" && p.name === "صنعاء")!;
    expect(en.names.place(sanaa.id, "صنعاء")).toEqual({ name: sanaa.nameEn, source: "list" });
    expect(en.names.actor(null, "قوات النظام الليبي")).toEqual({ name: "Libyan regime forces", source: "glossary" });
    // a name stored without its record that is exactly a listed actor's alias is that actor
    expect(en.names.actor(null, "قوات النظام السوري")?.source).toBe("list");
    expect(en.names.actor(null, "فصائل المعارضة المسلحة")).toEqual({ name: "Armed opposition factions", source: "glossary" });
    expect(en.names.actor(null, "مسلحون مجهولون")).toEqual({ name: "Unidentified gunmen", source: "glossary" });
    expect(en.names.actor(null, "كتائب أبو الفضل")?.source).toBe("romanized");
  });

  it("names administrative areas without their generic word, as ACLED's columns do", () => {
    const zinjibar = [...resources().gazetteer.byId.values()].find((p) => p.kind === "city" && p.country === "YE" && p.admin2 && p.admin1)!;
    const a1 = en.names.admin("admin1", zinjibar.id, "YE", null)!;
    expect(a1.source).toBe("list");
    expect(a1.name).not.toMatch(/Governorate|District/);
  });

  it("gives ISO codes and the ACLED region of a country", () => {
    expect(en.country("ye")).toEqual({ iso3: "YEM", isoNumeric: 887, acledRegion: "Middle East" });
    expect(en.country("EG")?.acledRegion).toBe("Northern Africa");
    expect(en.country("ZZ")).toBeNull();
    // every country the gazetteer knows has its codes and region (Indonesia was once missing)
    const countries = [...resources().gazetteer.byId.values()].filter((p) => p.kind === "country");
    expect(countries.length).toBeGreaterThan(200);
    for (const c of countries) expect(en.country(c.country)?.acledRegion, c.country).toBeTruthy();
  });

  it("names a country that acts by its English name, and glosses common actor words", () => {
    expect(en.names.actor(null, "تركيا")).toEqual({ name: "Turkey", source: "list" });
    expect(en.names.actor(null, "مسلحون حوثيون")).toEqual({ name: "Houthi gunmen", source: "glossary" });
    expect(en.names.actor(null, "الشرطة الفرنسية")).toEqual({ name: "French police", source: "glossary" });
    expect(en.names.actor(null, "قوات البيشمركة الكردية")).toEqual({ name: "Kurdish Peshmerga forces", source: "glossary" });
  });

  it("reads Arabic presentation forms (from old encoders) as the letters they are", () => {
    expect(en.names.actor(null, "\ufe8d\ufedf\ufed8\ufeee\ufe93")).toEqual(en.names.actor(null, "القوة"));
    expect(en.names.actor(null, "\ufe8d\ufedf\ufed8\ufeee\ufe93")!.name).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe("English notes", () => {
  const en = loadEnglish(resources().gazetteer, resources().actors);

  it("write an ACLED-style sentence from the fields", () => {
    const note = en.note({ type: "airstrike", date: "2015-07-20", datePrecision: "day", actor: "Arab coalition", target: null, place: "Bayt Marran (Saada)", fatalities: 5, sources: ["Reuters via Asharq Al-Awsat"] });
    expect(note).toBe("On 20 July 2015, Arab coalition carried out an air strike on positions in Bayt Marran (Saada). 5 fatalities reported. Source: Reuters via Asharq Al-Awsat.");
  });

  it("say how precise the date is, and do without an actor", () => {
    expect(englishDate("2015-07", "month")).toBe("In July 2015");
    expect(englishDate("2015-07-20", "published")).toBe("On or about 20 July 2015");
    const note = en.note({ type: "explosion", date: "2015-07-20", datePrecision: "day", actor: null, target: null, place: "Baqubah", fatalities: 1, sources: [] });
    expect(note).toBe("On 20 July 2015, an explosion hit a target in Baqubah. 1 fatality reported.");
  });
});
