#!/usr/bin/env node
// Trains Marsad's name tagger (src/entities/tagger) on the ANERcorp training split and writes the model
// file data/ner/tagger.bin, with a k-fold cross-validation report in data/ner/README.md.
//
//   npm run train:ner                           # build, cross-validate (5 folds), train on all, write the model
//   node scripts/train-ner.mjs --folds 0        # train and write only
//   node scripts/train-ner.mjs --no-write       # cross-validate only
//
// Deterministic: a fixed seed orders the sentences of every epoch. The corpus is read from
// ../shared/ner/anercorp-train.txt (--corpus PATH). Spans are compared on Marsad's tokens, so attached
// و/ب/ل never count: ANERcorp's "للعراق" and Marsad's "العراق" are the same span.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { scriptOptions } from "./options.mjs";

const opt = scriptOptions(import.meta.url, "npm run train:ner -- [--folds 5] [--epochs 8] [--seed N] [--min-weight 0.5] [--no-write] [--corpus FILE]", {
  corpus: { type: "string", default: fileURLToPath(new URL("../../shared/ner/anercorp-train.txt", import.meta.url)) },
  folds: { type: "string", default: "5" },
  epochs: { type: "string", default: "8" },
  seed: { type: "string", default: "20070101" },
  "min-weight": { type: "string", default: "0.5" },
  "no-write": { type: "boolean", default: false },
  dist: { type: "string", default: fileURLToPath(new URL("../dist/", import.meta.url)) },
});

if (!existsSync(opt.corpus)) {
  console.error(`train-ner: corpus not found at ${opt.corpus}; pass --corpus PATH to ANERcorp's training file`);
  process.exit(3);
}
const dist = (p) => new URL(p, pathToFileURL(resolve(opt.dist) + "/"));
if (!existsSync(fileURLToPath(dist("analyze.js")))) {
  console.error("train-ner: the analyser is not built; run `npm run build` first");
  process.exit(3);
}
const { loadResources } = await import(dist("analyze.js"));
const { tokenize, enrichTokens } = await import(dist("text/index.js"));
const { tokenKey } = await import(dist("text/keys.js"));
const { FeatureExtractor, Trainer, WeightTable, decode, spansOf, encodeModel, LABELS } = await import(dist("entities/tagger/index.js"));
const { combineMentions, DEFAULT_POLICY } = await import(dist("entities/combine.js"));
const { mulberry32 } = await import(dist("util/random.js"));
// Other ways to combine, measured beside the default one (--policies)
const POLICIES = {
  combined: DEFAULT_POLICY,
  "keep-rules": { veto: new Set(), extend: false },
  "no-extend": { veto: DEFAULT_POLICY.veto, extend: false },
  "veto-all": { veto: new Set(["given-name", "kunya", "title", "head"]), extend: true },
};

const TYPE = { PERS: "PER", PER: "PER", ORG: "ORG", LOC: "LOC" };
const started = Date.now();
const res = loadResources({ importedGazetteer: null, nameTagger: false });
const lists = { lex: res.entityLexicons, actors: res.actors, gazetteer: res.gazetteer };
const features = new FeatureExtractor(lists);

// ANERcorp: "word TAG" lines, sentences separated by blank lines.
const sentences = [];
let words = [];
for (const line of readFileSync(opt.corpus, "utf8").split(/\r?\n/)) {
  const m = /^(\S+)\s+(\S+)$/.exec(line.trim());
  if (!m) {
    if (words.length) sentences.push(words);
    words = [];
    continue;
  }
  // ANERcorp often writes the preposition على as علي; where the word is no name, write it as the news does
  const word = m[2] === "O" ? m[1].replace(/^([وف]?)علي$/, "$1على") : m[1];
  words.push({ word, tag: m[2] });
}
if (words.length) sentences.push(words);

/** One sentence on Marsad's tokens: gold labels, the recogniser's mentions, the static features. */
function prepare(ws) {
  let text = "";
  const offsets = [];
  for (const w of ws) {
    if (text) text += " ";
    offsets.push(text.length);
    text += w.word;
  }
  const tokens = [];
  enrichTokens(text, tokenize(text, 0, text.length), res.segmenter, tokens);
  const keys = tokens.map(tokenKey);
  const gold = new Uint8Array(tokens.length);
  let wi = 0;
  let prevWord = -1;
  for (let i = 0; i < tokens.length; i++) {
    while (wi + 1 < ws.length && offsets[wi + 1] <= tokens[i].start) wi++;
    const [bio, raw] = ws[wi].tag.split("-");
    const type = TYPE[raw];
    if (type) {
      const begins = bio === "B" && wi !== prevWord;
      gold[i] = LABELS.indexOf(`${begins ? "B" : "I"}-${type}`);
      // an I- that continues nothing (after MISC or O) begins a name
      if (!begins && (i === 0 || LABELS[gold[i - 1]].slice(2) !== type)) gold[i] = LABELS.indexOf(`B-${type}`);
    }
    prevWord = wi;
  }
  const rules = res.recognizer.recognize(text, tokens, 0, tokens.length, 0, keys);
  return { tokens, gold, rules, feats: features.sentence(text, tokens, keys, 0, tokens.length, rules) };
}

const data = sentences.map(prepare);
console.error(`train-ner: ${data.length} sentences, ${data.reduce((n, d) => n + d.tokens.length, 0)} tokens prepared in ${((Date.now() - started) / 1000).toFixed(1)} s`);

function train(items) {
  const rand = mulberry32(Number(opt.seed));
  const t = new Trainer();
  const order = items.map((_, k) => k);
  for (let e = 0; e < Number(opt.epochs); e++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(rand() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    for (const k of order) t.learn(items[k].feats, items[k].gold);
  }
  return t;
}

const TYPES = ["PER", "ORG", "LOC"];
const newCounts = () => Object.fromEntries(["ALL", ...TYPES].map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
const spanKey = (s) => `${s.tokenStart}:${s.tokenEnd}:${s.type === "FAC" ? "LOC" : s.type}`;

function count(c, gold, pred) {
  const g = new Set(gold.map(spanKey));
  const p = new Set(pred.filter((s) => s.type !== "MISC").map(spanKey));
  for (const k of p) {
    const type = k.split(":")[2];
    const hit = g.has(k) ? "tp" : "fp";
    c[type][hit]++;
    c.ALL[hit]++;
  }
  for (const k of g) if (!p.has(k)) {
    c[k.split(":")[2]].fn++;
    c.ALL.fn++;
  }
}

const f1 = ({ tp, fp, fn }) => {
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return { p, r, f: (2 * p * r) / (p + r || 1) };
};

const folds = Number(opt.folds);
const counts = { rules: newCounts(), model: newCounts(), ...Object.fromEntries(Object.keys(POLICIES).map((k) => [k, newCounts()])) };
for (let f = 0; f < folds; f++) {
  const t = train(data.filter((_, k) => k % folds !== f));
  const m = t.export(Number(opt["min-weight"]));
  const w = new WeightTable(m.features, m.weights, m.scale);
  for (const d of data.filter((_, k) => k % folds === f)) {
    const gold = spansOf(d.gold, 0);
    const model = spansOf(decode(w, d.feats), 0);
    count(counts.rules, gold, d.rules);
    count(counts.model, gold, model);
    for (const [name, policy] of Object.entries(POLICIES)) count(counts[name], gold, combineMentions(d.rules, model, d.tokens, 0, d.tokens.length, res.entityLexicons, 0, policy));
  }
  console.error(`train-ner: fold ${f + 1}/${folds} done (${m.features.length} features kept)`);
}

let report = "";
if (folds > 1) {
  const pct = (x) => x.toFixed(3);
  report += `${folds}-fold cross-validation on the training split (sentences dealt round-robin into folds; ${opt.epochs} epochs; seed ${opt.seed}).\n`;
  report += "Mention level, spans compared on Marsad's tokens (attached و/ب/ل/لل never count), FAC counted as LOC, MISC ignored.\n\n";
  report += "| system | type | P | R | F1 |\n|---|---|---|---|---|\n";
  for (const [name, c] of Object.entries(counts)) for (const type of ["ALL", ...TYPES]) {
    const s = f1(c[type]);
    report += `| ${name} | ${type} | ${pct(s.p)} | ${pct(s.r)} | ${pct(s.f)} |\n`;
  }
  console.log(report);
}

if (!opt["no-write"]) {
  const t = train(data);
  const m = t.export(Number(opt["min-weight"]));
  const dir = fileURLToPath(new URL("../data/ner/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const buf = encodeModel(m);
  writeFileSync(`${dir}tagger.bin`, buf);
  console.error(`train-ner: wrote data/ner/tagger.bin: ${m.features.length} of ${t.featureCount} features, ${(buf.length / 1e6).toFixed(2)} MB`);
  if (report) {
    const readme = `${dir}README.md`;
    const text = existsSync(readme) ? readFileSync(readme, "utf8") : "";
    const begin = "<!-- cv:begin -->";
    const end = "<!-- cv:end -->";
    const block = `${begin}\n${report}${end}`;
    writeFileSync(readme, text.includes(begin) ? text.replace(new RegExp(`${begin}[\\s\\S]*${end}`), block) : `${text}\n${block}\n`);
  }
}
console.error(`train-ner: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
