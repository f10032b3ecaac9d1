import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { dataPath } from "../../src/data-dir.js";
import { writeExport } from "../../src/store/export.js";
import { GDELT_COLUMNS, quadClass } from "../../src/store/gdelt.js";
import { readTsv } from "../../src/util/tsv.js";
import { exportContext } from "../helpers/export.js";
import { store, tempSqlite } from "../helpers/store.js";

// written for this test: an air strike, a protest, an arrest, people fleeing (which CAMEO has no code for), a takeover
const ARTICLES = [
  "قتل خمسة أشخاص في غارات التحالف على مدينة صعدة مساء الجمعة.",
  "تظاهر مئات الطلاب أمام مبنى المحافظة في مدينة تعز يوم الخميس احتجاجا على انقطاع الكهرباء.",
  "اعتقلت قوات الأمن ثلاثة مطلوبين في مدينة الموصل فجر السبت.",
  "نزحت عشرات العائلات من مدينة تعز يوم الأحد.",
  "سيطر الحوثيون على مدينة عمران يوم الثلاثاء.",
];

describe("the GDELT-style export", () => {
  let out = "";
  let r: ReturnType<typeof writeExport>;
  let rows: Array<Record<string, string>> = [];
  let cells: string[][] = [];
  beforeAll(async () => {
    const db = tempSqlite();
    for (const [k, text] of ARTICLES.entries()) await store(db, text, { published: `2024-12-0${k + 3}`, source: "aawsat" });
    r = writeExport("gdelt", await db.stories({ happened: true }), (c) => (out += c), exportContext());
    await db.close();
    rows = out.replace(/\n$/, "").split("\n").map((l) => Object.fromEntries(l.split("\t").map((v, k) => [GDELT_COLUMNS[k], v])) as Record<string, string>);
    cells = out.replace(/\n$/, "").split("\n").map((l) => l.split("\t"));
  });

  it("writes GDELT 2.0's 61 columns per line, without a header, and leaves out what CAMEO cannot code", () => {
    expect(GDELT_COLUMNS).toHaveLength(61);
    expect(rows.length).toBe(4);
    for (const c of cells) expect(c).toHaveLength(61);
    expect(r.withoutCode).toBe(1);
    expect(out).not.toMatch(/GLOBALEVENTID/);
  });

  it("gives CAMEO codes at their three levels, with GDELT's quad class and the code's Goldstein value", () => {
    const listed = new Map(readTsv(dataPath("events", "cameo-codes.tsv"), ["code", "goldstein", "name_en"] as const).map((x) => [x.code, Number(x.goldstein)]));
    for (const row of rows) {
      expect(row.EventCode).toMatch(/^\d{3,4}$/);
      expect(row.EventCode.startsWith(row.EventBaseCode) && row.EventBaseCode.startsWith(row.EventRootCode)).toBe(true);
      expect(row.EventRootCode).toMatch(/^(0[1-9]|1\d|20)$/);
      expect(listed.has(row.EventBaseCode) && listed.has(row.EventRootCode)).toBe(true);
      expect(Number(row.GoldsteinScale)).toBe(listed.get(row.EventCode));
      expect(row.QuadClass).toBe(String(quadClass(row.EventRootCode)));
    }
    const byCode = Object.fromEntries(rows.map((x) => [x.EventCode, x]));
    expect(Object.keys(byCode).sort()).toEqual(["140", "173", "192", "195"]);
    expect(byCode["195"]).toMatchObject({ EventRootCode: "19", QuadClass: "4", GoldsteinScale: "-10.0" });
    expect(byCode["140"]).toMatchObject({ EventBaseCode: "140", EventRootCode: "14", QuadClass: "3" });
  });

  it("fills dates, place, counts and source in GDELT's forms, in English", () => {
    for (const row of rows) {
      // the days the texts name, before their publication
      expect(row.SQLDATE).toMatch(/^2024(11[23]\d|120\d)$/);
      expect(row.MonthYear).toBe(row.SQLDATE.slice(0, 6));
      expect(row.Year).toBe("2024");
      expect(Number(row.FractionDate)).toBeGreaterThan(2024.89);
      expect(Number(row.FractionDate)).toBeLessThan(2025);
      expect(row.DATEADDED).toMatch(/^\d{14}$/);
      expect(row.ActionGeo_Type).toBe("4");
      expect(Number(row.ActionGeo_Lat)).toBeGreaterThan(10);
      expect(Number(row.NumMentions)).toBeGreaterThanOrEqual(1);
      expect(row.AvgTone).toBe("");
      for (const v of Object.values(row)) expect(v).not.toMatch(/[\u0600-\u06ff]/);
    }
    const arrest = rows.find((x) => x.EventCode === "173")!;
    expect(arrest.ActionGeo_FullName).toMatch(/^Mosul, .*Iraq$/);
    expect(arrest.ActionGeo_CountryCode).toBe("IQ");
    // a listed actor: its country's ISO alpha-3 and its CAMEO type
    expect(rows.find((x) => x.EventCode === "192")).toMatchObject({ Actor1Code: "YEMREB", Actor1CountryCode: "YEM", Actor1Type1Code: "REB", Actor1Name: "Houthis (Ansar Allah)" });
  });

  it("lists a CAMEO code with its Goldstein value for every coded event type", () => {
    const codes = readTsv(dataPath("events", "types.tsv"), ["type", "disorder_type", "acled_event_type", "acled_sub_event_type", "cameo", "violent", "label_en", "label_ar"] as const).map((t) => t.cameo).filter(Boolean);
    const listed = readFileSync(dataPath("events", "cameo-codes.tsv"), "utf8");
    for (const c of codes) expect(listed).toMatch(new RegExp(`^${c}\\t-?\\d+\\.\\d\\t`, "m"));
  });
});
