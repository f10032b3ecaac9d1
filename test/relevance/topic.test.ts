/** The relevance stage: an article's topic, and which of its paragraphs may report events. */
import { describe, expect, it } from "vitest";
import { eventScope } from "../../src/relevance/index.js";
import { analyze } from "../helpers/analyze.js";

const SPORT = [
  "الهلال يتعادل مع النصر في مباراة مثيرة",
  "",
  "تعادل فريق الهلال مع ضيفه النصر بهدفين لمثلهما في المباراة التي جمعتهما مساء أمس على ملعب الملك فهد ضمن الجولة الثالثة من الدوري.",
  "",
  "وشن مهاجم الهلال هجوما خطيرا في الشوط الثاني، لكن حارس المرمى تصدى للكرة، وقال المدرب بعد المباراة إن اللاعبين قدموا مستوى جيدا.",
].join("\n");

const ECONOMY_WITH_BOMBING = [
  "تراجع عائدات السياحة في تونس",
  "",
  "تراجعت إيرادات قطاع السياحة في تونس بنسبة كبيرة خلال الموسم الحالي، وقالت وزارة السياحة إن الفنادق والشركات السياحية سجلت خسائر تقدر بمئات الملايين من الدولارات، وتراجعت الأسعار وحجوزات السياح في الأسواق.",
  "",
  "وكانت سيارة مفخخة قد انفجرت في مدينة سوسة الشهر الماضي، ما أدى إلى مقتل 38 شخصا بينهم سياح، في هجوم إرهابي تبناه تنظيم داعش.",
].join("\n");

const CONFLICT = [
  "غارات للتحالف على مواقع الحوثيين في صعدة",
  "",
  "شنت طائرات التحالف غارات على مواقع لميليشيات الحوثي في محافظة صعدة، ما أدى إلى مقتل عدد من المسلحين وتدمير آليات عسكرية.",
].join("\n");

describe("topic", () => {
  it.each([
    [SPORT, "sport"],
    [ECONOMY_WITH_BOMBING, "economy"],
    [CONFLICT, "conflict"],
  ])("%#: %s… is %s", (text, label) => {
    const topic = analyze(text, "2015-08-01").meta.topic!;
    expect(topic.label).toBe(label);
    expect(topic.evidence.length).toBeGreaterThan(0);
    expect(topic.score).toBeGreaterThan(0.3);
  });

  it("gives a short item with little evidence the topic other", () => {
    expect(analyze("وصل الوفد إلى المدينة صباح اليوم.").meta.topic!.label).toBe("other");
  });
});

describe("events by topic", () => {
  it("finds no event in a sport article, though its words are triggers", () => {
    expect(analyze(SPORT, "2015-08-01").events).toEqual([]);
  });

  it("keeps the conflict paragraph of an economy piece, as background", () => {
    const doc = analyze(ECONOMY_WITH_BOMBING, "2015-08-01");
    expect(doc.meta.topic!.conflictParagraphs).toEqual([2]);
    expect(doc.events.length).toBeGreaterThan(0);
    expect(doc.events.every((e) => e.background)).toBe(true);
  });

  it("keeps every event of a conflict article", () => {
    const doc = analyze(CONFLICT, "2015-08-01");
    expect(doc.events.map((e) => [e.type, e.background])).toContainEqual(["airstrike", false]);
  });

  it.each([
    ["sport", 0, "protest", "none"],
    ["economy", 0, "airstrike", "none"],
    ["economy", 1, "airstrike", "background"],
    ["economy", 0, "protest", "all"],
    ["society", 0, "protest", "all"],
    ["culture", 0, "protest", "none"],
    ["politics", 0, "airstrike", "all"],
    ["other", 0, "airstrike", "all"],
  ] as const)("a %s article, paragraph %i: %s → %s", (label, paragraph, type, scope) => {
    const topic = { label, score: 1, scores: { conflict: 0, politics: 0, economy: 0, sport: 0, culture: 0, society: 0 }, evidence: [], conflictParagraphs: [1] };
    expect(eventScope(topic, paragraph, type)).toBe(scope);
  });
});
