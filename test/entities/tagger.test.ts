import { describe, expect, it } from "vitest";
import { FeatureExtractor, LABELS, NameTagger, Trainer, WeightTable, decode, decodeModel, encodeModel, spansOf } from "../../src/entities/tagger/index.js";
import { tokenColumns, tokensFromColumns } from "../../src/output.js";
import { tokenKey } from "../../src/text/keys.js";
import { analyze } from "../helpers/analyze.js";
import { resources } from "../helpers/resources.js";

const y = (l: string): number => LABELS.indexOf(l as (typeof LABELS)[number]);

describe("BIO labels to spans", () => {
  const cases: Array<[string[], Array<[number, number, string]>]> = [
    [["O", "B-PER", "I-PER", "O"], [[1, 3, "PER"]]],
    [["B-LOC", "B-LOC"], [[0, 1, "LOC"], [1, 2, "LOC"]]],
    [["B-ORG", "I-ORG", "I-ORG"], [[0, 3, "ORG"]]],
    [["B-PER", "I-ORG"], [[0, 1, "PER"], [1, 2, "ORG"]]],
    [["O", "O"], []],
  ];
  it.each(cases)("%j", (labels, spans) => {
    expect(spansOf(labels.map(y), 0).map((s) => [s.tokenStart, s.tokenEnd, s.type])).toEqual(spans);
  });
});

describe("the averaged perceptron", () => {
  it("learns a toy tagging and keeps it through the model file", () => {
    // feature 11 marks a person's first word, 12 the words that continue it, 13 a place, 14 anything else
    const sents: Array<[number[], string[]]> = [
      [[14, 11, 12, 14], ["O", "B-PER", "I-PER", "O"]],
      [[13, 14, 11], ["B-LOC", "O", "B-PER"]],
      [[14, 13, 14, 11, 12, 12], ["O", "B-LOC", "O", "B-PER", "I-PER", "I-PER"]],
    ];
    const data = sents.map(([f, l]) => ({ feats: f.map((x) => Int32Array.of(x)), gold: Uint8Array.from(l.map(y)) }));
    const t = new Trainer();
    for (let e = 0; e < 5; e++) for (const d of data) t.learn(d.feats, d.gold);
    const m = decodeModel(encodeModel(t.export(0)));
    const w = new WeightTable(m.features, m.weights, m.scale);
    for (const d of data) expect([...decode(w, d.feats)]).toEqual([...d.gold]);
  });

  it("refuses a model file of another feature version, saying how to rebuild it", () => {
    const buf = encodeModel({ features: Int32Array.of(5), weights: new Int16Array(LABELS.length), scale: 1 });
    const bad = Buffer.from(buf.toString("latin1").replace("marsad-ner-features/", "marsad-ner-features/x"), "latin1");
    expect(() => decodeModel(bad)).toThrow(/npm run train:ner/);
  });
});

// Sentences written for these tests (not from any corpus).
const HELD_OUT = [
  "وقال المدرب فرانك دي بور إن فريقه سيقاتل حتى النهاية في مباراة السبت.",
  "وأكد هولمبرغ أن شركة نوردفيست ستفتتح مصنعا جديدا في مدينة يوتبوري العام المقبل.",
  "واستقبل الرئيس الفرنسي إيمانويل ماكرون رئيس الوزراء الكندي في قصر الإليزيه.",
  "وفاز برشلونة على ريال مدريد بهدفين نظيفين في مباراة الدوري الإسباني.",
];

describe("the committed name tagger", () => {
  const res = resources();
  const tagger = res.tagger!;

  it("is installed", () => {
    expect(tagger).not.toBeNull();
  });

  it("decodes by summed word weights exactly as the perceptron does over the full feature lists", () => {
    const fx = new FeatureExtractor({ lex: res.entityLexicons, actors: res.actors, gazetteer: res.gazetteer });
    const weights = (tagger as unknown as { model: WeightTable }).model;
    for (const text of HELD_OUT) {
      const doc = analyze(text);
      const keys = doc.tokens.map(tokenKey);
      const rules = res.recognizer.recognize(doc.text, doc.tokens, 0, doc.tokens.length, 0, keys);
      expect([...tagger.labels(doc.text, doc.tokens, keys, 0, doc.tokens.length, rules)]).toEqual([...decode(weights, fx.sentence(doc.text, doc.tokens, keys, 0, doc.tokens.length, rules))]);
    }
  });

  it("labels tokens read back from JSON (without word ids) as it labels fresh ones", () => {
    for (const text of HELD_OUT) {
      const doc = analyze(text);
      const keys = doc.tokens.map(tokenKey);
      const rules = res.recognizer.recognize(doc.text, doc.tokens, 0, doc.tokens.length, 0, keys);
      const fresh = [...tagger.labels(doc.text, doc.tokens, keys, 0, doc.tokens.length, rules)];
      const readBack = tokensFromColumns(tokenColumns(doc.tokens));
      expect(readBack.every((t) => t.word === undefined)).toBe(true);
      expect([...tagger.labels(doc.text, readBack, readBack.map(tokenKey), 0, readBack.length, rules)]).toEqual(fresh);
    }
  });

  it("keeps each word's scores apart when two words of a sentence share a cache slot", () => {
    const doc = analyze(HELD_OUT[2]);
    const keys = doc.tokens.map(tokenKey);
    const rules = res.recognizer.recognize(doc.text, doc.tokens, 0, doc.tokens.length, 0, keys);
    const expected = [...tagger.labels(doc.text, doc.tokens, keys, 0, doc.tokens.length, rules)];
    // give every word an id that lands on one slot (ids far above the segmenter's), then label again
    const clashing = doc.tokens.map((t, i) => ({ ...t, word: t.word === undefined ? undefined : 0x20000000 + i * (1 << 20) }));
    expect([...tagger.labels(doc.text, clashing, keys, 0, clashing.length, rules)]).toEqual(expected);
  });

  const names = (text: string): string[] => {
    const doc = analyze(text);
    const keys = doc.tokens.map(tokenKey);
    const rules = res.recognizer.recognize(doc.text, doc.tokens, 0, doc.tokens.length, 0, keys);
    return (tagger as NameTagger).tag(doc.text, doc.tokens, keys, 0, doc.tokens.length, rules).map((s) => `${s.type} ${doc.text.slice(doc.tokens[s.tokenStart].start, doc.tokens[s.tokenEnd - 1].end)}`);
  };

  it.each([
    [HELD_OUT[0], "PER فرانك دي بور"],
    [HELD_OUT[1], "PER هولمبرغ"],
    [HELD_OUT[1], "LOC يوتبوري"],
    [HELD_OUT[2], "PER إيمانويل ماكرون"],
    [HELD_OUT[3], "ORG ريال مدريد"],
  ])("finds the names of held-out sentences: %s → %s", (text, name) => {
    expect(names(text)).toContain(name);
  });

  it("sees no name in a sentence of ordinary words", () => {
    expect(names("وجاء القرار في إطار التعاون بين البلدين لتحسين الخدمات.")).toEqual([]);
  });
});
