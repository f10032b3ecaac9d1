import { describe, expect, it } from "vitest";
import { combineMentions } from "../../src/entities/combine.js";
import type { Mention } from "../../src/entities/recognize.js";
import type { TaggedSpan } from "../../src/entities/tagger/index.js";
import { tokenKey } from "../../src/text/keys.js";
import { analyze, entitiesOf } from "../helpers/analyze.js";
import { resources } from "../helpers/resources.js";

// Sentences written for these tests (not from any corpus).
describe("list hits that are common words", () => {
  it.each([
    ["جاء القرار في إطار التعاون بين البلدين.", "إطار (framework) is not Atar"],
    ["حقق المنتخب فوزا كبيرا على ضيفه.", "كبيرا is not ك + Beira"],
    ["اعتقلت الشرطة الرجل بحجة حيازة سلاح.", "بحجة (on the pretext) is not Hajjah"],
    ["جرفت سيولا غزيرة عددا من السيارات.", "سيولا (floods) is not a place"],
  ])("%s — %s", (text) => {
    expect(entitiesOf(text).filter(([type]) => type === "LOC")).toEqual([]);
  });

  it("keeps the place where the context asks for one: مدينة حجة", () => {
    const places = analyze("وصل الوفد إلى مدينة حجة شمال غرب اليمن.").places;
    expect(places.filter((p) => p.ref?.startsWith("ye.") && p.name.includes("حجة")).length).toBe(1);
  });

  it("yields no event at إطار or بيرا", () => {
    const doc = analyze("قتل ثلاثة أشخاص في قصف استهدف السوق في إطار الحملة، وأصيب عدد كبيرا من المدنيين.");
    expect(doc.events.map((e) => e.place?.name ?? "")).not.toContain("إطار");
    expect(doc.places.map((p) => p.name)).toEqual([]);
  });
});

describe("clubs in a sport sentence", () => {
  it("reads a city's club as an organisation", () => {
    expect(entitiesOf("وفاز برشلونة على ريال مدريد بهدفين في مباراة الدوري.")).toEqual([
      ["ORG", "برشلونة"],
      ["ORG", "ريال مدريد"],
    ]);
  });

  it("keeps the city outside sport", () => {
    expect(entitiesOf("وصل الوزير إلى برشلونة لحضور المؤتمر.")).toEqual([["LOC", "برشلونة"]]);
  });
});

describe("combining lists, rules and the tagger", () => {
  const res = resources();
  const lex = res.entityLexicons;
  const sentence = (text: string) => {
    const doc = analyze(text);
    const keys = doc.tokens.map(tokenKey);
    const rules = res.recognizer.recognize(doc.text, doc.tokens, 0, doc.tokens.length, 0, keys);
    const show = (ms: Mention[]) => ms.map((m) => [m.type, m.source, doc.text.slice(doc.tokens[m.tokenStart].start, doc.tokens[m.tokenEnd - 1].end)]);
    const at = (word: string): number => doc.tokens.findIndex((t) => doc.text.slice(t.start, t.end) === word);
    const combine = (model: TaggedSpan[] | null) => show(combineMentions(rules, model, doc.tokens, 0, doc.tokens.length, lex, 0));
    return { rules, combine, at };
  };

  it("without a tagger, keeps what the lists and rules found", () => {
    const s = sentence("وقال محمد الأحمد إن الجيش السوري دخل حمص.");
    expect(s.combine(null)).toEqual([
      ["PER", "context", "محمد الأحمد"],
      ["ORG", "list", "الجيش السوري"],
      ["LOC", "list", "حمص"],
    ]);
  });

  it("a listed actor or place keeps its record where the tagger sees nothing", () => {
    const s = sentence("وقال محمد الأحمد إن الجيش السوري دخل حمص.");
    expect(s.combine([{ tokenStart: s.at("محمد"), tokenEnd: s.at("الأحمد") + 1, type: "PER" }])).toEqual([
      ["PER", "context", "محمد الأحمد"],
      ["ORG", "list", "الجيش السوري"],
      ["LOC", "list", "حمص"],
    ]);
  });

  it("a person the rules made of a given name and an ordinary word, that the tagger sees nothing in, is dropped", () => {
    const s = sentence("وعلي الرغم من ذلك دخل الجيش السوري حمص.");
    expect(s.rules.some((m) => m.type === "PER")).toBe(true);
    expect(s.combine([])).toEqual([
      ["ORG", "list", "الجيش السوري"],
      ["LOC", "list", "حمص"],
    ]);
  });

  it("adds what only the tagger found, cut before an ordinary word", () => {
    const s = sentence("وأكد هولمبرغ يحضر الاجتماع في حمص.");
    expect(s.combine([{ tokenStart: s.at("هولمبرغ"), tokenEnd: s.at("يحضر") + 1, type: "PER" }])).toEqual([
      ["PER", "model", "هولمبرغ"],
      ["LOC", "list", "حمص"],
    ]);
  });

  it("does not add a lone ordinary word or a lone given name", () => {
    const s = sentence("وحضر الاجتماع سمير أمس.");
    expect(s.rules).toEqual([]);
    expect(s.combine([
      { tokenStart: s.at("سمير"), tokenEnd: s.at("سمير") + 1, type: "PER" },
      { tokenStart: s.at("الاجتماع"), tokenEnd: s.at("الاجتماع") + 1, type: "ORG" },
    ])).toEqual([]);
  });

  it("a place inside a longer organisation the tagger found becomes that organisation", () => {
    const s = sentence("وتعاقد ريال مدريد مع لاعب جديد.");
    expect(s.combine([{ tokenStart: s.at("ريال"), tokenEnd: s.at("مدريد") + 1, type: "ORG" }])).toEqual([["ORG", "model", "ريال مدريد"]]);
  });

  it("a person the tagger reads across a title rule and a listed place is one person with the tagger's extent", () => {
    const s = sentence("واستقبل الرئيس الفرنسي جاك شيراك الوفد.");
    const found = s.combine([{ tokenStart: s.at("جاك"), tokenEnd: s.at("شيراك") + 1, type: "PER" }]);
    expect(found.filter(([type]) => type === "PER").map(([, , name]) => name)).toEqual(["جاك شيراك"]);
    expect(found.filter(([type]) => type === "LOC")).toEqual([]);
  });

  it("a rule's person keeps a surname that is also an ordinary word where the tagger's name is shorter", () => {
    const s = sentence("وقال سمير الحاج إن المقاومة تقدمت.");
    expect(s.combine([{ tokenStart: s.at("سمير"), tokenEnd: s.at("سمير") + 1, type: "PER" }]).filter(([type]) => type === "PER")).toEqual([["PER", "context", "سمير الحاج"]]);
  });

  it("a given name that reads as a preposition and a word before the tagger's person is no part of it ('باسم': by the name of)", () => {
    const s = sentence("قالت امرأة عرفت نفسها باسم لينا إن الوضع صعب.");
    expect(s.combine([{ tokenStart: s.at("لينا"), tokenEnd: s.at("لينا") + 1, type: "PER" }]).filter(([type]) => type === "PER").map(([, , name]) => name)).toEqual(["لينا"]);
  });

  it("but a given name that is an ordinary word stays at the head of the rule's person ('عمر')", () => {
    const s = sentence("وقال عمر هوساوي إن المباراة صعبة.");
    expect(s.combine([{ tokenStart: s.at("هوساوي"), tokenEnd: s.at("هوساوي") + 1, type: "PER" }]).filter(([type]) => type === "PER").map(([, , name]) => name)).toEqual(["عمر هوساوي"]);
  });

  it("a given name with words no vocabulary holds stands though the tagger sees nothing there", () => {
    const s = sentence("وقالت فاطمة الزهراني إن السياح عادوا.");
    expect(s.rules.map((m) => m.rule)).toEqual(["given-name"]);
    expect(s.combine([]).filter(([type]) => type === "PER").map(([, , name]) => name)).toEqual(["فاطمة الزهراني"]);
  });
});
