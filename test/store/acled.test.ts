import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { ACLED_COLUMNS, writeExport } from "../../src/store/export.js";
import { exportContext } from "../helpers/export.js";
import { store, tempSqlite } from "../helpers/store.js";

// ACLED's allowed values (docs/acled.md gives their source): every cell of the export must be one of them.
const EVENT_TYPES: Record<string, string[]> = {
  Battles: ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
  "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
  "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
  Protests: ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
  Riots: ["Violent demonstration", "Mob violence"],
  "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"],
};
const DISORDER = ["Political violence", "Demonstrations", "Strategic developments", "Political violence; Demonstrations"];
const INTERS = ["State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters", "Civilians", "External/Other forces"];
const SCALES = ["Local", "Subnational", "National", "Regional", "International", "New media", "Other"];
const REGIONS = ["Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa", "South Asia", "Southeast Asia", "East Asia", "Middle East", "Europe", "Caucasus and Central Asia", "Central America", "South America", "Caribbean", "North America", "Oceania", "Antarctica"];

const ARTICLES = [
  "قتل خمسة أشخاص في غارات التحالف على مدينة صعدة مساء الجمعة.",
  "هاجم مسلحون مجهولون دورية للشرطة في مدينة العريش صباح الأحد.",
  "تظاهر مئات الطلاب أمام مبنى المحافظة في مدينة تعز يوم الخميس احتجاجا على انقطاع الكهرباء.",
  "اعتقلت قوات الأمن ثلاثة مطلوبين في مدينة الموصل فجر السبت.",
  "انفجرت سيارة مفخخة قرب سوق شعبي في مدينة بعقوبة ظهر الاثنين ما أدى إلى مقتل سبعة مدنيين.",
];

describe("the ACLED CSV", () => {
  let rows: Array<Record<string, string>> = [];
  beforeAll(async () => {
    const db = tempSqlite();
    for (const [k, text] of ARTICLES.entries()) await store(db, text, { published: `2024-12-0${k + 3}`, source: k % 2 ? "aawsat" : "okaz" });
    let out = "";
    writeExport("acled-csv", await db.stories({ happened: true }), (c) => (out += c), exportContext());
    rows = parse(out, { columns: true }) as Array<Record<string, string>>;
  });

  it("reads back with a CSV parser, every row with ACLED's 31 columns", () => {
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const r of rows) expect(Object.keys(r)).toEqual([...ACLED_COLUMNS]);
  });

  it("holds only values from ACLED's sets", () => {
    for (const r of rows) {
      expect(r.event_id_cnty).toMatch(/^[A-Z]{3}\d+$/);
      expect(r.event_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.year).toBe(r.event_date.slice(0, 4));
      expect(["1", "2", "3"]).toContain(r.time_precision);
      expect(DISORDER).toContain(r.disorder_type);
      expect(EVENT_TYPES[r.event_type]).toContain(r.sub_event_type);
      expect(INTERS).toContain(r.inter1);
      if (r.inter2) expect(INTERS).toContain(r.inter2);
      const [a, b] = r.interaction.split("-");
      expect(r.interaction === `${r.inter1} only` || (INTERS.includes(a) && INTERS.includes(b))).toBe(true);
      expect(["", "Civilian targeting"]).toContain(r.civilian_targeting);
      expect(Number.isInteger(Number(r.iso))).toBe(true);
      expect(REGIONS).toContain(r.region);
      expect(["1", "2", "3"]).toContain(r.geo_precision);
      for (const s of r.source_scale.split("-")) expect(SCALES).toContain(s);
      expect(Number.isInteger(Number(r.fatalities))).toBe(true);
      expect(Number(r.timestamp)).toBeGreaterThan(1_600_000_000);
    }
  });

  it("writes names, places and notes in English", () => {
    for (const r of rows) {
      for (const c of ["actor1", "actor2", "assoc_actor_1", "country", "admin1", "admin2", "location", "source", "notes"]) expect(r[c], c).not.toMatch(/[\u0600-\u06ff]/);
      expect(r.notes).toMatch(/^On \d+ (November|December) 2024, .+\. Source: (Okaz|Asharq Al-Awsat)\.$/);
    }
    const baqubah = rows.find((r) => r.event_type === "Explosions/Remote violence" && r.country === "Iraq")!;
    expect(baqubah).toMatchObject({ fatalities: "7", civilian_targeting: "Civilian targeting", source_scale: "National" });
  });

  it("names an unidentified actor as ACLED does, and codes a protest's protesters", () => {
    const protest = rows.find((r) => r.event_type === "Protests")!;
    expect(protest.inter1).toBe("Protesters");
    expect(protest.interaction).toBe("Protesters only");
  });
});
