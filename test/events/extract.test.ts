import { describe, expect, it } from "vitest";
import { analyze } from "../helpers/analyze.js";

const PUB = "2024-12-07"; // a Saturday
const events = (text: string, published = PUB) =>
  analyze(text, published).events.map((e) => ({ type: e.type, place: e.place?.name, actor: e.actor?.name ?? null, date: e.date, modality: e.modality }));

describe("event types", () => {
  it.each([
    ["سيطرت الفصائل المسلحة على مدينة حمص.", "seize_control", "حمص"],
    ["دخلت القوات الحكومية بلدة كفرنبل.", "advance", "كفرنبل"],
    ["انسحبت القوات الحكومية من مدينة حماة.", "withdraw", "حماة"],
    ["اندلعت اشتباكات عنيفة بين الفصائل والقوات الحكومية في درعا.", "armed_clash", "درعا"],
    ["شنت طائرات التحالف غارات على مواقع في مأرب.", "airstrike", "مأرب"],
    ["سقطت قذائف هاون على أحياء في حلب.", "shelling", "حلب"],
    ["انفجرت سيارة مفخخة في سوق شعبي ببغداد.", "explosion", "بغداد"],
    ["أعدم التنظيم مدنيين في مدينة الرقة.", "attack_civilians", "الرقة"],
    ["اعتقلت الشرطة التركية عشرة أشخاص في إسطنبول.", "arrest", "إسطنبول"],
    ["اختطف مسلحون صحفيا في مدينة سرت.", "abduction", "سرت"],
    ["أفرجت السلطات عن 40 معتقلا من سجن عدرا.", "release_detainees", "سجن عدرا"],
    ["تظاهر مئات الأشخاص في مدينة البصرة.", "protest", "البصرة"],
    ["توصلت الأطراف إلى اتفاق لوقف إطلاق النار في الزبداني.", "agreement", "الزبداني"],
    ["نزحت مئات العائلات من بلدة تل أبيض.", "displacement", "تل أبيض"],
  ])("%s → %s", (text, type, place) => {
    expect(events(text).map((e) => [e.type, e.place])).toContainEqual([type, place]);
  });
});

describe("arguments", () => {
  it("takes the actor after the verb, and before it", () => {
    expect(events("سيطرت هيئة تحرير الشام على مدينة إدلب.")[0].actor).toBe("هيئة تحرير الشام");
    expect(events("وقالت مصادر إن الفصائل المسلحة دخلت حمص.")[0].actor).toBe("الفصائل المسلحة");
  });

  it("takes the genitive after a noun as the actor", () => {
    expect(events("قتل خمسة أشخاص في غارات التحالف على صعدة.")[0]).toMatchObject({ type: "airstrike", place: "صعدة", actor: "التحالف" });
  });

  it("keeps a force phrase no list holds as the actor", () => {
    expect(events("سيطرت فصائل محلية مسلحة على بلدة بصرى الشام.")[0].actor).toBe("فصائل محلية مسلحة");
  });

  it("gives every coordinated place its own event", () => {
    expect(events("سيطرت الفصائل على مدينة حلب، ثم حماة.").map((e) => e.place)).toEqual(["حلب", "حماة"]);
  });

  it("reads the place a withdrawal leaves from, not where it goes", () => {
    expect(events("انسحب حزب الله من القصير باتجاه لبنان.")[0].place).toBe("القصير");
  });

  it("counts people released, with more than", () => {
    const [e] = analyze("أفرجت الفصائل عن أكثر من 3500 سجين من سجن حمص المركزي.", PUB).events;
    expect([e.type, e.count, e.count_qualifier]).toEqual(["release_detainees", 3500, "more_than"]);
  });

  it.each([
    ["قتل 25 مسلحا في غارات على مأرب.", 25],
    ["قتل تسعة أشخاص في انفجار بسوق في بغداد.", 9],
    ["قتل خمسة وعشرون مدنيا في قصف على حلب.", 25],
    ["أسفر الانفجار في بغداد عن مقتل جنديين.", 2],
    ["قتل ٣٥ شخصا في غارة على صعدة.", 35],
  ])("counts the dead: %s", (text, n) => {
    expect(analyze(text, PUB).events[0]?.fatalities).toBe(n);
  });
});

describe("dates", () => {
  it.each([
    ["سيطرت الفصائل على حمص مساء السبت.", "2024-12-07", "day"],
    ["سيطرت الفصائل على حمص أمس.", "2024-12-06", "day"],
    ["سيطرت الفصائل على حمص يوم الخميس.", "2024-12-05", "day"],
    ["سيطرت الفصائل على حمص في 3 كانون الأول/ديسمبر.", "2024-12-03", "day"],
    ["سيطرت الفصائل على حمص في 17 تموز 2015.", "2015-07-17", "day"],
    ["سيطرت الفصائل على حمص قبل أيام.", "2024-12-04", "approximate"],
    ["سيطرت الفصائل على حمص.", "2024-12-07", "published"],
  ])("%s → %s (%s)", (text, date, precision) => {
    const [e] = analyze(text, PUB).events;
    expect([e.date, e.date_precision]).toEqual([date, precision]);
  });

  it("leaves relative dates unresolved without a publication date", () => {
    const [e] = analyze("سيطرت الفصائل على حمص أمس.").events;
    expect(e.date).toBeNull();
  });

  it("keeps the part of the day", () => {
    expect(analyze("سيطرت الفصائل على حمص مساء السبت.", PUB).events[0].time).toBe("evening");
  });

  it("does not take the date of a report for the date of the event", () => {
    const [e] = analyze("قتل عشرة أشخاص في انفجار في بغداد الثلاثاء، بحسب ما أفادت مصادر أمنية أمس الخميس.", "2024-12-07").events;
    expect(e.date).toBe("2024-12-03");
  });
});

describe("modality", () => {
  it.each([
    ["لم تسيطر الفصائل على حمص.", "negated"],
    ["ستسيطر الفصائل على حمص.", "planned"],
    ["تعتزم الفصائل السيطرة على حمص.", "planned"],
    ["هددت الفصائل بالسيطرة على حمص.", "threatened"],
    ["إذا سيطرت الفصائل على حمص فستنقطع الطرق.", "hypothetical"],
    ["نفى الجيش أن تكون الفصائل سيطرت على حمص.", "denied"],
    ["قال المرصد إن الفصائل سيطرت على حمص.", "claimed"],
    ["سيطرت الفصائل على حمص.", "asserted"],
  ])("%s → %s", (text, modality) => {
    const [e] = analyze(text, PUB).events;
    expect(e.modality).toBe(modality);
    expect(e.happened).toBe(!["negated", "planned", "threatened", "hypothetical", "denied"].includes(modality));
  });

  it("flags background history", () => {
    const e = analyze("سيطرت الفصائل على حمص عام 2012.", PUB).events[0];
    expect(e.background).toBe(true);
  });

  it("ties a claimed event to its claim", () => {
    const doc = analyze("قال المرصد السوري لحقوق الإنسان إن الفصائل سيطرت على حمص.", PUB);
    expect(doc.events[0].sources).toEqual([{ kind: "claim", id: doc.claims[0].id, name: "المرصد السوري لحقوق الإنسان", name_en: null, descriptor: null, via: null }]);
  });
});

describe("one happening, one event", () => {
  it("merges mentions of the same type, place and actor, keeping every sentence", () => {
    const doc = analyze("سيطرت الفصائل المسلحة على حمص. وأكد المرصد أن الفصائل المسلحة سيطرت على حمص بالكامل.", PUB);
    expect(doc.events).toHaveLength(1);
    expect(doc.events[0].mentions.map((m) => m.sentence)).toEqual([0, 1]);
  });

  it("keeps apart the same type at two places, and two explicit days", () => {
    expect(analyze("سيطرت الفصائل على حلب. وسيطرت الفصائل على حماة.", PUB).events).toHaveLength(2);
    expect(analyze("سيطرت القوات على عدن في 17 يوليو 2015. وسيطرت القوات على عدن في 20 يوليو 2015.", PUB).events).toHaveLength(2);
  });

  it("codes ACLED and CAMEO", () => {
    const [e] = analyze("شنت طائرات التحالف غارات على مأرب.", PUB).events;
    expect(e.acled).toEqual({ disorder_type: "Political violence", event_type: "Explosions/Remote violence", sub_event_type: "Air/drone strike" });
    expect(e.cameo).toBe("195");
  });
});
