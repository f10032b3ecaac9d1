import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { interaction, writeExport, ACLED_COLUMNS } from "../../src/store/export.js";
import { exportContext } from "../helpers/export.js";
import { signature, similarity } from "../../src/store/minhash.js";
import type { Store } from "../../src/store/store.js";
import { BACKENDS } from "../helpers/backends.js";
import { store } from "../helpers/store.js";

const TAKEOVER = [
  "سيطرت فصائل المعارضة المسلحة على مدينة حماة صباح السبت بعد معارك عنيفة مع القوات الحكومية التي انسحبت نحو الجنوب، وقال سكان إن الهدوء عاد إلى الأحياء.",
  "وأضاف السكان أن عشرات العائلات بدأت العودة إلى منازلها في الأحياء الشرقية بعد أيام من القصف المتواصل، فيما فتحت بعض المحال التجارية أبوابها للمرة الأولى منذ أسبوع.",
  "وكانت المعارك قد اندلعت قبل ثلاثة أيام عند المدخل الشمالي للمدينة، حيث تقدمت الفصائل من عدة محاور وسيطرت على التلال المحيطة بها، في حين شهدت الطرق المؤدية إلى المدينة حركة نزوح واسعة.",
  "ولم يصدر أي تعليق رسمي من الحكومة حتى الآن على التطورات الأخيرة، بينما دعت منظمات إنسانية إلى فتح ممرات آمنة لإيصال المساعدات إلى السكان المحاصرين في الريف الغربي.",
].join("\n");
const OTHER_TAKEOVER = "أعلنت الفصائل المسلحة أنها سيطرت على مدينة حماة بالكامل، بعد يومين من المعارك في محيطها، وسط فرار آلاف المدنيين من الأحياء الشمالية للمدينة.";

describe.each(BACKENDS)("the store ($name)", ({ open, skip }) => {
  if (skip) return void it.skip(skip);

  it("keeps an article once: the same content again adds nothing", async () => {
    const db = await open();
    expect((await store(db, TAKEOVER)).inserted).toBe(1);
    expect(await store(db, TAKEOVER)).toMatchObject({ inserted: 0, skipped: 1 });
  });

  it("links a syndicated copy to its original and does not count it as a second report", async () => {
    const db = await open();
    await store(db, TAKEOVER, { published: "2024-12-07", source: "outlet-a" });
    // the same agency story, one word changed and its last paragraph cut
    const copy = TAKEOVER.replace("صباح السبت", "صباح يوم السبت").split("\n").slice(0, 3).join("\n");
    expect((await store(db, copy, { published: "2024-12-07", source: "outlet-b" })).duplicates).toBe(1);
    const [s] = await db.stories({ type: ["seize_control"] });
    expect([s.reports, s.corroboration]).toEqual([2, 1]);
  });

  it("merges reports of one happening from different articles into a story, with every outlet", async () => {
    const db = await open();
    await store(db, TAKEOVER, { published: "2024-12-07", source: "outlet-a" });
    await store(db, OTHER_TAKEOVER, { published: "2024-12-08", source: "outlet-b" });
    const s = await db.stories({ type: ["seize_control"] });
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ place: "حماة", reports: 2, corroboration: 2 });
    expect(new Set(s[0].events.map((e) => e.source))).toEqual(new Set(["outlet-a", "outlet-b"]));
  });

  it("counts corroboration by outlets, not by articles", async () => {
    const db = await open();
    await store(db, TAKEOVER, { published: "2024-12-07", source: "outlet-a" });
    await store(db, OTHER_TAKEOVER, { published: "2024-12-08", source: "outlet-a" });
    const [s] = await db.stories({ type: ["seize_control"] });
    expect([s.reports, s.corroboration]).toEqual([2, 1]);
  });

  it("keeps conflicting reports side by side in one story", async () => {
    const db = await open();
    await store(db, TAKEOVER, { published: "2024-12-07" });
    await store(db, "ونفى الجيش السوري أن تكون الفصائل المسلحة قد سيطرت على مدينة حماة، مؤكدا أن قواته ما زالت تقاتل في أحيائها الشمالية.", { published: "2024-12-07" });
    const [s] = await db.stories({ type: ["seize_control"] });
    expect(s.events.map((e) => e.modality).sort()).toEqual(["asserted", "denied"]);
  });

  it("tells takeovers of different places, or far apart in time, apart", async () => {
    const db = await open();
    await store(db, TAKEOVER, { published: "2024-12-07" });
    await store(db, "سيطرت الفصائل المسلحة على مدينة حلب بعد معارك استمرت أياما مع القوات الحكومية في الأحياء الغربية.", { published: "2024-12-07" });
    await store(db, "سيطرت الفصائل المسلحة على مدينة حماة مرة أخرى بعد معارك جديدة استمرت أسبوعا في محيط المدينة.", { published: "2025-03-01" });
    expect(await db.stories({ type: ["seize_control"] })).toHaveLength(3);
  });
});

describe.each(BACKENDS)("the control timeline ($name)", ({ open, skip }) => {
  if (skip) return void it.skip(skip);

  it("follows who holds a place, with the reports behind each change", async () => {
    const db = await open();
    await store(db, "سيطرت القوات الحكومية على بلدة مورك في ريف حماة بعد معارك مع فصائل المعارضة.", { published: "2024-01-10", source: "a" });
    await store(db, "انسحبت القوات الحكومية من بلدة مورك تحت ضغط هجوم واسع شنته الفصائل.", { published: "2024-06-02", source: "b" });
    await store(db, "سيطرت هيئة تحرير الشام على بلدة مورك بالكامل بعد انسحاب القوات الحكومية منها.", { published: "2024-06-05", source: "c" });
    const [p] = await db.controlTimeline({ place: "مورك" });
    expect(p.changes.map((c) => [c.change, c.holder])).toEqual([
      ["seize_control", "القوات الحكومية"],
      ["withdraw", null],
      ["seize_control", "هيئة تحرير الشام"],
    ]);
    expect((await db.controlTimeline({ place: "مورك", at: "2024-03-01" }))[0].holderAt).toBe("القوات الحكومية");
    expect((await db.controlTimeline({ place: "مورك", at: "2024-07-01" }))[0].holderAt).toBe("هيئة تحرير الشام");
    expect(p.changes[2].reports[0]).toMatchObject({ source: "c", published: "2024-06-05" });
  });
});

describe.each(BACKENDS)("search ($name)", ({ open, skip }) => {
  if (skip) return void it.skip(skip);

  it("finds words whatever their diacritics, hamza and ta-marbuta", async () => {
    const db = await open();
    await store(db, TAKEOVER, { published: "2024-12-07" });
    await store(db, "وقال سامر الخطيب: «لن نترك مدينة إدلب مهما حصل».", { published: "2024-12-07" });
    expect((await db.search("حماه")).map((h) => h.kind)).toContain("article");
    expect((await db.search("حَمَاةَ")).length).toBeGreaterThan(0);
    expect(await db.search("ادلب", { kind: "quote" })).toMatchObject([{ kind: "quote", who: "سامر الخطيب", text: "لن نترك مدينة إدلب مهما حصل" }]);
    expect(await db.search("لندن")).toEqual([]);
  });
});

describe.each(BACKENDS)("exports ($name)", ({ open, skip }) => {
  if (skip) return void it.skip(skip);

  const fill = async () => {
    const db = await open();
    await store(db, TAKEOVER, { published: "2024-12-07", source: "outlet-a" });
    await store(db, "قتل خمسة أشخاص في غارات التحالف على مدينة صعدة مساء الجمعة.", { published: "2024-12-07", source: "outlet-b" });
    return db;
  };
  const run = async (format: "jsonl" | "geojson" | "acled-csv", given?: Store, filters = {}) => {
    const db = given ?? (await fill());
    let out = "";
    const r = writeExport(format, await db.stories(filters), (c) => (out += c), exportContext());
    return { out, r };
  };

  it("writes GeoJSON per RFC 7946: points in longitude, latitude order", async () => {
    const { out } = await run("geojson");
    const fc = JSON.parse(out);
    expect(fc.type).toBe("FeatureCollection");
    const hama = fc.features.find((f: { properties: { location_ar: string } }) => f.properties.location_ar === "حماة");
    expect(hama.geometry.type).toBe("Point");
    // a feature id, and flat properties only (ACLED's names, English beside Arabic), which GIS formats keep
    expect(typeof hama.id).toBe("number");
    expect(hama.properties).toMatchObject({ event_type: "Battles", location: "Hama", country: "Syria" });
    for (const v of Object.values(hama.properties)) expect(v === null || typeof v !== "object").toBe(true);
    const [lon, lat] = hama.geometry.coordinates;
    expect(lon).toBeGreaterThan(36);
    expect(lat).toBeGreaterThan(34.5);
  });

  const acledRows = (out: string): Array<Record<string, string>> => parse(out, { columns: true }) as Array<Record<string, string>>;

  it("leaves a story without coordinates out of the ACLED CSV and counts it", async () => {
    const db = await open();
    await store(db, "قتل خمسة أشخاص في غارات التحالف على مدينة صعدة مساء الجمعة.", { published: "2024-12-07", source: "outlet-b" });
    // a place no gazetteer holds: the story is stored, but has no point
    await store(db, "سيطرت قوات الجيش على بلدة كفرزيتونة الجديدة بعد معارك مع المسلحين.", { published: "2024-12-07", source: "outlet-a" });
    const all = await db.stories();
    const unplaced = all.filter((s) => s.lat === null).length;
    expect(unplaced).toBeGreaterThan(0);
    const { out, r } = await run("acled-csv", db);
    expect(r).toEqual({ written: all.length - unplaced, withoutPlace: unplaced, withoutCountry: 0 });
    expect(acledRows(out).every((row) => row.latitude !== "" && ["1", "2", "3"].includes(row.geo_precision))).toBe(true);
  });

  it("leaves a story in no country (a sea, a region across borders) out of the ACLED CSV and counts it", async () => {
    const db = await open();
    await store(db, "قتل خمسة أشخاص في غارات التحالف على مدينة صعدة مساء الجمعة.", { published: "2024-12-07", source: "outlet-b" });
    await store(db, "شنت طائرات التحالف غارة جوية على سفينة في الخليج العربي أمس.", { published: "2024-12-07", source: "outlet-a" });
    const { out, r } = await run("acled-csv", db);
    expect(r).toEqual({ written: 1, withoutPlace: 0, withoutCountry: 1 });
    expect(acledRows(out).map((row) => [row.country, row.iso, row.region])).toEqual([["Yemen", "887", "Middle East"]]);
  });

  it("writes ACLED's 31 columns in ACLED's order, one row per happening, in English", async () => {
    const { out } = await run("acled-csv");
    expect(out.split("\n")[0].split(",")).toEqual([...ACLED_COLUMNS]);
    expect(ACLED_COLUMNS).toHaveLength(31);
    const saada = acledRows(out).find((r) => r.event_type === "Explosions/Remote violence")!;
    expect(saada).toMatchObject({ fatalities: "5", country: "Yemen", iso: "887", region: "Middle East", geo_precision: "1", location: "Saada" });
    expect(saada.event_id_cnty).toMatch(/^YEM\d+$/);
    expect(saada.notes).toMatch(/^On \d+ December 2024, .* in Saada\b.*5 fatalities reported\. Source: /);
  });

  it("writes ACLED's geo_precision: 3 for a happening placed only at its province", async () => {
    const db = await open();
    await store(db, "قتل ثلاثة أشخاص في غارات التحالف على محافظة مأرب مساء الجمعة.", { published: "2024-12-07" });
    const [row] = acledRows((await run("acled-csv", db)).out);
    expect(row.geo_precision).toBe("3");
  });

  it("fills actor2 and inter2 from the target, with ACLED's interaction as text or, by option, as a code", async () => {
    const db = await open();
    await store(db, "هاجم مسلحون مجهولون دورية للشرطة في مدينة العريش صباح الأحد.", { published: "2024-12-08", source: "outlet-a" });
    const [row] = acledRows((await run("acled-csv", db)).out);
    expect(row).toMatchObject({ actor2: "Police", inter2: "State forces", interaction: "State forces-Political militia" });
    let numeric = "";
    writeExport("acled-csv", await db.stories(), (c) => (numeric += c), exportContext(), { numericInters: true });
    expect(acledRows(numeric)[0]).toMatchObject({ inter2: "1", interaction: "13" });
  });

  it.each([
    [3, 1, 13],
    [1, 3, 13],
    [2, null, 20],
    [null, 7, 70],
    [1, 1, 11],
    [null, null, null],
  ])("interaction of inter1 %s and inter2 %s is %s", (a, b, want) => {
    expect(interaction(a, b)).toBe(want);
  });

  it("writes JSON Lines and filters by type, place, actor and date", async () => {
    const db = await fill();
    expect((await run("jsonl", db)).out.trim().split("\n")).toHaveLength((await db.stories()).length);
    expect((await db.stories({ type: ["airstrike"] })).map((s) => s.place)).toEqual(["صعدة"]);
    expect((await db.stories({ place: "حماه" })).map((s) => s.type)).toContain("seize_control");
    expect((await db.stories({ actor: "التحالف" })).map((s) => s.type)).toEqual(["airstrike"]);
    expect(await db.stories({ since: "2025-01-01" })).toEqual([]);
  });
});

describe("MinHash near-duplicates", () => {
  it("finds copies with a word changed or a paragraph cut, and not another article on the subject", () => {
    const words = (s: string) => s.split(/\s+/);
    const a = signature(words(TAKEOVER));
    expect(similarity(a, signature(words(TAKEOVER.replace("صباح السبت", "صباح يوم السبت"))))).toBeGreaterThanOrEqual(0.6);
    expect(similarity(a, signature(words(TAKEOVER.split("\n").slice(0, 3).join("\n"))))).toBeGreaterThanOrEqual(0.6);
    expect(similarity(a, signature(words(OTHER_TAKEOVER)))).toBeLessThan(0.2);
  });
});
