import { describe, expect, it } from "vitest";
import { analyze } from "../helpers/analyze.js";

const PUB = "2024-12-08";
const first = (text: string) => analyze(text, PUB).events[0];
const all = (text: string) => analyze(text, PUB).events;

describe("counts", () => {
  it.each([
    ["وأسفر الهجوم على السوق في بغداد عن مقتل 14 شخصا على الأقل.", 14],
    ["قتل عشرون مدنيا في قصف على بلدة كفرنبل.", 20],
    ["سقطت قذائف هاون على حي في دمشق وارتفعت الحصيلة إلى 11 قتيلا وأصيب 40 آخرون.", 11],
    ["انفجرت سيارة مفخخة في كركوك مما أودى بحياة سبعة أشخاص.", 7],
  ])("%s → %i killed", (text, n) => {
    expect(first(text).fatalities).toBe(n);
  });

  it("takes the wounded apart from the killed", () => {
    const e = first("قتل ثلاثة جنود وأصيب 12 آخرون في هجوم على حاجز في العريش.");
    expect([e.fatalities, e.wounded]).toEqual([3, 12]);
  });

  it.each([
    ["قتل 5 أشخاص في غارة على حلب عام 2015."],
    ["اعتقلت الشرطة في إسطنبول شابا (19 عاما) بتهمة الانتماء إلى التنظيم."],
    ["انفجرت عبوة في بغداد في 2014 دون إصابات."],
  ])("never reads a year or an age as a count: %s", (text) => {
    const e = first(text);
    expect([e.count, e.fatalities]).not.toContain(2015);
    expect([e.count, e.fatalities]).not.toContain(19);
    expect([e.count, e.fatalities]).not.toContain(2014);
  });

  it("counts the people an execution or an arrest acts on", () => {
    expect(first("أعدم التنظيم 12 شخصا في مدينة الرقة.").count).toBe(12);
    expect(first("اعتقلت قوات الأمن نحو 30 شخصا في مدينة البصرة.")).toMatchObject({ count: 30, count_qualifier: "about" });
  });

  it("takes the toll from the next sentence when that sentence reports no event of its own", () => {
    expect(first("انفجرت سيارة مفخخة في سوق بمدينة كركوك صباح اليوم. وأدى ذلك إلى مقتل تسعة أشخاص.").fatalities).toBe(9);
  });

  it("keeps a total over several places once, on the first, and says so", () => {
    const es = all("قتل 20 شخصا في غارات على صنعاء وتعز وصعدة.");
    expect(es.map((e) => e.place?.name)).toEqual(["صنعاء", "تعز", "صعدة"]);
    expect(es.map((e) => e.fatalities)).toEqual([20, null, null]);
    expect(es[0].fatalities_total).toBe(true);
  });
});

describe("actor and target", () => {
  it("reads the passive agent and the party hit", () => {
    const e = first("تعرضت دورية للشرطة لهجوم من قبل مسلحين مجهولين في مدينة العريش.");
    expect(e.actor?.name).toBe("مسلحين مجهولين");
    expect(e.target?.name).toBe("الشرطة");
  });

  it("takes the object of the verb as the target, with its inter code", () => {
    const e = first("هاجم مسلحون مجهولون دورية للجيش في مدينة العريش.");
    expect([e.actor?.name, e.actor?.inter, e.target?.name, e.target?.inter]).toEqual(["مسلحون مجهولون", 3, "الجيش", 1]);
  });

  it("takes what على introduces as the target", () => {
    expect(first("شنت طائرات التحالف غارات على مواقع الحوثيين في صعدة.").target?.name).toBe("الحوثيين");
  });

  it("takes the second party of a clash as the target", () => {
    expect(first("اندلعت اشتباكات بين قوات النظام وتنظيم داعش في مدينة تدمر.")).toMatchObject({ actor: { name: "قوات النظام" }, target: { name: "تنظيم داعش" } });
  });

  it("takes the civilians killed as the target of a strike", () => {
    expect(first("قتل خمسة مدنيين في قصف لقوات النظام على بلدة كفرنبل.").target).toMatchObject({ category: "civilians", inter: 7 });
  });

  it("reads the group an attack is ascribed to as its actor", () => {
    expect(first("وقع هجوم انتحاري نسب إلى تنظيم داعش في مدينة سوروتش.").actor?.name).toBe("تنظيم داعش");
  });

  it("keeps helpers apart as associates", () => {
    const e = first("سيطرت القوات الحكومية بدعم من طيران التحالف على مدينة عدن.");
    expect(e.actor?.name).toBe("القوات الحكومية");
    expect(e.associates.map((a) => a.name)).toEqual(["طيران التحالف"]);
  });

  it("never takes an agency or a claim's source as the actor", () => {
    const e = first("وقالت وكالة رويترز إن انفجارا وقع في سوق ببغداد.");
    expect(e?.actor?.name ?? null).not.toBe("وكالة رويترز");
  });

  it("does not read a base as al-Qaeda", () => {
    const e = first("استهدف قصف صاروخي القاعدة الجوية في مدينة الأسد.");
    expect(e?.actor?.name ?? null).not.toBe("القاعدة");
  });
});

describe("places", () => {
  it.each([
    ["شنت القوات هجوما انطلاقا من عدن على مواقع المسلحين في لحج.", "لحج"],
    ["فجر انتحاري ابن مدينة الرمادي نفسه في سوق ببغداد.", "بغداد"],
    ["نزحت مئات العائلات من بلدة تل أبيض نحو الحدود التركية.", "تل أبيض"],
    // the object of the verb after its subject is where the strike fell, not the district around it
    ["قصفت طائرات الجيش بلدة كفرنبل في ريف إدلب.", "كفرنبل"],
    // where the shells came from is not where they fell
    ["تعرض مركز حدودي في ظهران الجنوب لقذائف من داخل اليمن.", "ظهران الجنوب"],
  ])("%s → %s", (text, place) => {
    expect(all(text).map((e) => e.place?.name)).toEqual([place]);
  });
});

describe("actors in their own clause", () => {
  it("ends a force phrase at its definite genitive, and an indefinite plural takes none", () => {
    expect(first("قصفت طائرات الجيش بلدة كفرنبل في ريف إدلب.").actor?.name).toBe("طائرات الجيش");
    expect(first("هاجم مسلحون الجيش في مدينة العريش.")).toMatchObject({ actor: { name: "مسلحون" }, target: { name: "الجيش" } });
  });

  it("reads the party after a verb of aiming as its subject when it wields the weapon", () => {
    const events = all("شن الطيران غارات على مدينة عربين، فيما استهدفت قوات النظام بصاروخ بلدة زبدين.");
    expect(events.map((e) => [e.place?.name, e.actor?.name, e.target?.name ?? null])).toEqual([
      ["عربين", "الطيران", null],
      ["زبدين", "قوات النظام", null],
    ]);
  });

  it("finds the owner after the launching verb past a time word, and through a relative clause", () => {
    expect(first("قتل عشرة مسلحين في غارات شنتها أمس طائرات التحالف على مواقع في محافظة الأنبار.").actor?.name).toContain("التحالف");
    expect(first("قتل ثلاثة أشخاص في الهجوم الذي نفذه تنظيم داعش على حاجز في مدينة العريش.").actor?.name).toBe("تنظيم داعش");
  });

  it("stops at the participle of aiming: what follows it was aimed at", () => {
    const e = first("وكان مسلحو داعش قد أطلقوا أمس صواريخ مستهدفة قوات البيشمركة في قضاء مخمور.");
    expect(e.actor?.name ?? null).not.toBe("قوات البيشمركة");
    expect(e.target?.name).toBe("قوات البيشمركة");
  });

  it("keeps a force's patron or opponent inside its phrase", () => {
    expect(first("وتمكنت القوات الموالية للرئيس هادي من السيطرة على مدينة زنجبار أمس.").actor?.name).toBe("القوات الموالية للرئيس هادي");
    expect(first("واستطاعت القوات المناهضة للحوثيين السيطرة على مطار عدن.").actor?.name).toBe("القوات المناهضة للحوثيين");
  });

  it("does not carry an actor or a target across a clause opened by فيما or كما", () => {
    const events = all("شن الطيران الحربي غارات على مدينة عربين، كما قتل قناص مدنيا في بلدة زملكا.");
    expect(events.find((e) => e.place?.name === "زملكا")?.actor?.name ?? null).not.toBe("الطيران الحربي");
  });
});

describe("sources", () => {
  it("names the claim the event sits in, with its descriptor", () => {
    const e = first("وقالت مصادر محلية إن مسلحين هاجموا حاجزا للشرطة في مدينة العريش.");
    expect(e.sources[0]).toMatchObject({ kind: "claim" });
  });

  it("names the speaker of the quotation the event is told in", () => {
    const doc = analyze("وقال المتحدث باسم الشرطة خالد حسن: «انفجرت عبوة ناسفة أمس قرب سوق في مدينة كركوك».", PUB, { source: "aawsat" });
    expect(doc.events[0].sources).toMatchObject([{ kind: "quote", name: doc.quotes[0].speaker.name }]);
  });

  it("carries the claim that opens a paragraph's report to the next sentence, not an opinion", () => {
    const doc = analyze(
      "عنوان\n\nأفاد المرصد السوري لحقوق الإنسان بأن طائرات حربية قصفت بلدة كفرنبل صباح اليوم. وقتل أربعة مدنيين في غارة على بلدة سراقب.\n\nقال الوزير إن بلاده تدعم الحل السياسي. وقتل أربعة مدنيين في غارة على بلدة بنش.",
      PUB,
      { source: "aawsat" },
    );
    const by = (place: string) => doc.events.find((e) => e.place?.name === place)?.sources.map((s) => [s.kind, s.name]);
    expect(by("سراقب")).toEqual([["claim", "المرصد السوري لحقوق الإنسان"]]);
    expect(by("بنش")).toEqual([["outlet", "صحيفة الشرق الأوسط"]]);
  });

  it("names the article's outlet when no claim carries the event", () => {
    const doc = analyze("سيطرت الفصائل المسلحة على مدينة حمص.", PUB, { source: "aawsat" });
    expect(doc.events[0].sources).toEqual([{ kind: "outlet", id: "aawsat", name: "صحيفة الشرق الأوسط", name_en: "Asharq Al-Awsat", descriptor: null, via: null }]);
  });
});

describe("the actor linked to a noun, and not the one hit", () => {
  it.each([
    ["أصيب مدني بقذيفة هاون أطلقتها ميليشيات الحوثي على حي سكني في مدينة تعز.", "ميليشيات الحوثي"],
    ["قتل عنصران من المتمردين في هجوم مسلح للمقاومة الشعبية على حاجز في مديرية باجل.", "المقاومة الشعبية"],
    ["سقط قتلى من المسلحين في مواجهات مع المقاومة الشعبية في مدينة مأرب.", "المقاومة الشعبية"],
    ["قال القائد إن هناك تقدما لألوية الجيش في محافظة مأرب.", "ألوية الجيش"],
  ])("%s → %s", (text, actor) => {
    expect(first(text).actor?.name).toBe(actor);
  });

  it("a party named after a death or an injury was hit: it is not the actor", () => {
    const e = first("استشهد جندي من منسوبي القوات البرية بعد إصابته بمقذوف في قطاع جازان.");
    expect(e.actor?.name ?? null).not.toBe("القوات البرية");
  });
});

describe("ground taken needs a place for its object", () => {
  it("an object that is no place does not borrow the place named before", () => {
    expect(all("وتحالف روسيا مع دمشق ضد التنظيم الذي استولى على مساحات واسعة من البلاد.").filter((e) => e.type === "seize_control")).toEqual([]);
  });
  it("a pronoun or a site noun still takes the place named before", () => {
    expect(all("دخلت القوات مدينة الحوطة وسيطرت عليها بالكامل.").some((e) => e.type === "seize_control" && e.place?.name === "الحوطة")).toBe(true);
    expect(all("وفي مدينة الحوطة سيطرت القوات على مواقع للمسلحين.").some((e) => e.type === "seize_control" && e.place?.name === "الحوطة")).toBe(true);
  });
});

describe("a place in a party's role is no location", () => {
  it.each([["كما تقدمت موسكو بعد ذلك بمشروع قرار في مجلس الأمن بشأن الهجوم."], ["وتخشى دول الخليج أن يعجل الاتفاق الذي أبرم مع طهران بالتقارب بين البلدين."]])("%s", (text) => {
    expect(all(text).map((e) => e.place?.name)).not.toContain(text.includes("موسكو") ? "موسكو" : "طهران");
  });
});

describe("killed before a number: the counted were hit", () => {
  it("passive: the soldiers killed are not the actor", () => {
    expect(first("قتل ثلاثة جنود في هجوم على حاجز في مدينة العريش.").actor?.name ?? null).not.toBe("جنود");
  });
  it("active: the forces that killed are the actor, not the counted", () => {
    expect(first("قتلت قوات الأمن ثلاثة مسلحين في اشتباك في مدينة العريش.").actor?.name).toBe("قوات الأمن");
  });
});

describe("who claimed it, and bare force nouns", () => {
  it("the group that claims responsibility is the actor; one that denies it is not", () => {
    expect(first("أعلن تنظيم داعش مسؤوليته عن التفجيرات في مدينة بغداد.").actor?.name).toBe("تنظيم داعش");
    expect(first("انفجرت سيارة مفخخة في سوق بمدينة بعقوبة أمس. ونفت جماعة أنصار السنة مسؤوليتها عن الهجوم.").actor).toBeNull();
  });
  it("a bare definite force noun stands for the force named before", () => {
    const events = all("أعلن تنظيم داعش مسؤوليته عن التفجيرات في مدينة بغداد. وهاجم التنظيم مواقع للجيش في مدينة الرمادي أمس.");
    expect(events.find((e) => e.place?.name === "الرمادي")?.actor?.name).toBe("تنظيم داعش");
  });
});

// Sentences written for these tests.
describe("the one hit, written before the strike, is not its maker", () => {
  it.each([
    ["those killed, named before the strike that killed them", "مقتل خمسة من عناصر تنظيم /داعش/ بضربة جوية جنوب الرمادي."],
    ["a target of a group", "وقصفت طائرة مسيرة هدفا لتنظيم داعش قرب الرقة."],
  ])("%s", (_what, text) => {
    const e = first(text);
    expect(e.type).toBe("airstrike");
    expect(e.actor?.name ?? "").not.toMatch(/داعش/);
  });

  it("the other side of a fight is not the one that took the town", () => {
    const e = all("وتمكن المقاومون بعد معارك عنيفة مع الحوثيين من السيطرة على مدينة زنجبار.").find((x) => x.type === "seize_control");
    expect(e?.actor?.name ?? "").not.toMatch(/الحوثي/);
  });
});

// Sentences written for these tests.
describe("a governorate gives way to the place of the sentence it holds", () => {
  it("takes the town over its governorate named after it", () => {
    const places = all("وتمكنت المقاومة من السيطرة على منطقتي الوهط وصبر عقب اشتباكات عنيفة بمحافظة لحج.").map((e) => [e.type, e.place?.name]);
    expect(places).toContainEqual(["armed_clash", "الوهط"]);
    expect(places.map(([, p]) => p)).not.toContain("لحج");
  });

  it("keeps the governorate where the sentence names no place in it", () => {
    expect(all("ودارت اشتباكات عنيفة في محافظة لحج أمس.").map((e) => e.place?.name)).toEqual(["لحج"]);
  });
});

// Sentences written for these tests.
describe("one that reacted to an event did not carry it out (data/events/reaction-words.tsv)", () => {
  it.each([
    ["a condemnation", "وأدانت الحكومة الأردنية بشدة التفجير الإرهابي الذي استهدف مسجدا في مدينة أبها."],
    ["a meeting held right after it", "وعقد مجلس الوزراء التركي اجتماعا طارئا عقب التفجير الذي وقع في بلدة سروج."],
  ])("%s", (_what, text) => {
    const e = first(text);
    expect(e.type).toBe("explosion");
    expect(e.actor).toBeNull();
  });

  it("but the one who claims it is its actor, and fighting before taking ground stays the taker's", () => {
    expect(first("وتبنى تنظيم داعش التفجير الذي وقع في بلدة سروج.").actor?.name).toBe("تنظيم داعش");
    const taken = all("وتمكنت القوات الحكومية وبعد معارك عنيفة من السيطرة على مدينة الرمادي.").find((e) => e.type === "seize_control");
    expect(taken?.actor?.name).toBe("القوات الحكومية");
  });
});

// A sentence written for this test.
describe("a junction named after a place is the place of a strike there", () => {
  it("takes 'مفرق الجوف', not the governorate, and reinforcements struck are not the striker", () => {
    const e = first("وشنت طائرات التحالف غارتين استهدفت تعزيزات للحوثيين بالقرب من مفرق الجوف.");
    expect([e.type, e.place?.name]).toEqual(["airstrike", "مفرق الجوف"]);
    expect(e.actor?.name ?? "").not.toMatch(/الحوثي/);
  });
});

// Sentences written for this test.
describe("an organisation that says it acted is the actor", () => {
  it("reads 'قال X إنه استعاد' as X's own taking", () => {
    expect(first("وقال الجيش السوري إنه استعاد السيطرة على بلدة مورك.").actor?.name).toBe("الجيش السوري");
  });

  it("but not where the claim names another actor", () => {
    expect(first("وقال الجيش السوري إن المسلحين سيطروا على بلدة مورك.").actor?.name).toBe("المسلحين");
  });
});

describe("actors named by a nationality, a speaker's own forces, a capital", () => {
  it.each([
    ["قتل خمسة أشخاص في الغارات الروسية على ريف إدلب.", "الغارات الروسية"],
    ["أصيب عشرة مدنيين في القصف الإسرائيلي على بيت حانون.", "القصف الإسرائيلي"],
    ["وأسفرت غارات أمريكية على الرقة عن مقتل ثلاثة مسلحين.", "غارات أمريكية"],
  ])("%s → the forces of that country", (text, name) => {
    const e = first(text);
    expect(e.actor).toMatchObject({ name, category: "state_forces", inter: 1 });
  });

  it("a nationality of protesters or of an agreement names no state force", () => {
    for (const e of all("وخرجت الاحتجاجات الإيرانية في طهران أمس ضد الغلاء.")) expect(e.actor?.category ?? null).not.toBe("state_forces");
  });

  it("a country that says its own forces struck is the actor", () => {
    const e = first("مقدمة الخبر\n\nأعلنت السعودية أن طائراتها قصفت مواقع المتمردين في صعدة أمس.");
    expect(e.actor).toMatchObject({ name: "السعودية", category: "state_forces" });
  });

  it("a capital speaks for its government, another city does not", () => {
    const d = analyze("مقدمة الخبر\n\nوقالت طهران إن الهجوم على سفارتها كان متعمدا.\n\nوقالت حلب إن الطرق مغلقة.", PUB);
    expect(d.claims.map((c) => c.source.name)).toEqual(["طهران"]);
  });

  it("the masdar of a verb trigger reads as an event after the article, not under a demand to stop it", () => {
    expect(first("قتل عشرة مدنيين في القصف على بيت حانون أمس.")).toMatchObject({ type: "shelling", fatalities: 10 });
    expect(all("وطالبت الأمم المتحدة بوقف القصف على المدنيين في غزة.").filter((e) => e.happened)).toEqual([]);
  });
});

describe("driving a force out of a place", () => {
  it("طرد and دحر X من PLACE take the place; after a preposition the masdar's actor comes before it", () => {
    expect(first("ودحرت القوات العراقية مسلحي داعش من بلدة البغدادي.")).toMatchObject({ type: "seize_control", actor: { name: "القوات العراقية" }, place: { name: "البغدادي" } });
    expect(first("وتمكنت المقاومة الشعبية من طرد المتمردين من حي الزنوج في تعز.")).toMatchObject({ type: "seize_control", actor: { name: "المقاومة الشعبية" } });
  });

  it("expelling a diplomat or a member is no taking of ground", () => {
    expect(all("وطردت الحكومة السفير الإيراني من الرياض.")).toEqual([]);
    expect(all("وطرد الحزب النائب من صفوفه.")).toEqual([]);
  });
});

describe("a place that is a source", () => {
  it("'بحسب أنقرة' tells who says so, not where it happened", () => {
    expect(all("وقتل ما لا يقل عن ستين مقاتلا في هذه الغارات بحسب أنقرة.").map((e) => e.place?.name ?? null)).not.toContain("أنقرة");
  });
});

describe("a masdar's words: who acted and who was acted on", () => {
  it("after a light verb the actor is its subject, not what was hit", () => {
    expect(first("وقامت طائرات التحالف بقصف مواقع الحوثيين في صعدة.").actor?.name).toBe("طائرات التحالف");
    expect(first("وقامت المروحيات بقصف الخلية بمنطقة الجغيني.").actor?.name ?? null).not.toBe("الخلية");
  });

  it("a masdar's pronoun is the one driven out, not the actor", () => {
    const taken = all("وواصل التنظيم شن هجمات داخل مدينة الحسكة على الرغم من طرده من بعض المناطق.").filter((e) => e.type === "seize_control");
    expect(taken.map((e) => e.actor?.name ?? null)).not.toContain("التنظيم");
    expect(first("وطرده الجيش من قرية الفاروق.").actor?.name).toBe("الجيش");
  });
});

describe("parties of a clash, and the party aimed at", () => {
  it("finds the two sides of a clash named after where it was", () => {
    const e = analyze("وتتواصل المواجهات العنيفة في ريف حماة بين قوات النظام والمسلحين الموالين لها من جهة، وفصائل المعارضة من جهة أخرى.", "2015-08-01").events[0];
    expect([e.actor?.name, e.target?.name]).toEqual(["قوات النظام", "فصائل المعارضة"]);
  });

  it("splits the two sides joined by و after بين, and keeps allies joined elsewhere", () => {
    const clash = analyze("ودارت معارك بين الجيش والحوثيين في مدينة تعز.", "2015-08-01").events[0];
    expect([clash.actor?.name, clash.target?.name]).toEqual(["الجيش", "الحوثيين"]);
    expect(analyze("وسيطر الجيش والمقاومة الشعبية على مدينة زنجبار.", "2015-08-01").events[0].actor?.name).toMatch(/^الجيش والمقاومة/);
  });

  it("never takes the party an attack was aimed at as the actor of a later strike", () => {
    const e = analyze("وأعلنت أنقرة عزمها شن هجوم ضد تنظيم داعش قريبا، بعد أيام من بدء غارات جوية على معسكرات في شمال العراق.", "2015-08-01").events.find((x) => x.type === "airstrike");
    expect(e?.actor?.name ?? null).not.toBe("تنظيم داعش");
  });

  it("reads no owner past a preposition after the trigger", () => {
    const e = analyze("وقتل جنديان في هجوم على قاعدة تابعة للقوات الدولية في كابل.", "2015-08-01").events[0];
    expect(e.actor?.name ?? null).toBeNull();
  });

  it("gives a force of some make its nationality when the adjective follows the make", () => {
    expect(analyze("وقتل خمسة مدنيين في قصف مقاتلات سوخوي الروسية على بلدة في ريف إدلب.", "2015-10-01").events[0].actor).toMatchObject({ name: "مقاتلات سوخوي الروسية", category: "state_forces" });
  });
});

describe("where a projectile came from is not where it fell", () => {
  it("places a shell from across the border where it fell", () => {
    expect(analyze("أصيب طفلان في جازان إثر سقوط قذيفة عسكرية من اليمن.", "2015-08-01").events[0].place?.name).toBe("جازان");
  });
});

describe("one that acted in the wake of an attack did not carry it out", () => {
  it("leaves the actor of attacks in construct after 'على أثر' empty", () => {
    const e = analyze("وأعلنت الحكومة حالة الطوارئ على أثر هجمات الأسبوع الماضي في مدينة العريش.", "2015-08-01").events[0];
    expect(e.type).toBe("armed_clash");
    expect(e.actor).toBeNull();
  });
});

describe("a place head before an ordinary word names no place", () => {
  it("passes over it to the next place of the sentence", () => {
    expect(analyze("وشنت طائرات التحالف غارات على منطقة آمنة في شمال سوريا أمس.", "2015-08-01").events[0].place?.name).toBe("شمال سوريا");
  });
});

describe("the forces of a political body are armed", () => {
  it("keeps a clash whose party is the forces of a council or party", () => {
    const e = analyze("اندلعت اشتباكات عنيفة يوم الاثنين بين قوات المجلس الانتقالي الجنوبي ومسلحين في مدينة عدن.", "2024-07-16").events[0];
    expect(e?.actor?.name).toBe("قوات المجلس الانتقالي الجنوبي");
  });
});
