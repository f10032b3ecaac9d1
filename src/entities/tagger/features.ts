/**
 * Features of the name tagger, as 32-bit hashes. What a word says by itself (its form, stem, affixes,
 * shape, and what Marsad's lists know of it) is computed once per distinct word and cached; a token's
 * features are then its own word's hashes, its neighbours' (±2) mixed with their offset, and the label
 * the list-and-rule recogniser gave it. The tag history is added by the decoder (perceptron.ts).
 * Changing anything here changes the model's inputs: bump FEATURE_VERSION and retrain (npm run train:ner).
 */
import type { Token } from "../../document.js";
import type { Gazetteer } from "../../geo/gazetteer.js";
import { hasArticle } from "../../text/keys.js";
import type { ActorIndex } from "../actors.js";
import type { EntityLexicons } from "../lexicons.js";
import type { Mention } from "../recognize.js";

export const FEATURE_VERSION = "marsad-ner-features/3";

/** The lists the features consult. */
export interface FeatureLists {
  lex: EntityLexicons;
  actors: ActorIndex;
  gazetteer: Gazetteer;
}

/** What one distinct word contributes: its own features, and the few its neighbours see. */
export interface WordFeatures {
  own: Int32Array;
  /** Identity of the word (its stem) for neighbour features. */
  id: number;
  /** List flags a neighbour sees (title, head, given name, locative…). */
  flags: Int32Array;
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a over a string's UTF-16 code units. */
export function hashString(s: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Mixes two hashes into one (a template and a value); never 0, which the weight table reserves. */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  h ^= h >>> 13;
  return h === 0 ? 1 : h;
}

const T = (name: string): number => hashString(name);
const NEIGHBOUR = [T("n-2"), T("n-1"), T("n+1"), T("n+2")];
const NEIGHBOUR_FLAG = [T("f-2"), T("f-1"), T("f+1"), T("f+2")];
/** Where the neighbours stand, relative to the token: index d of NEIGHBOUR. */
export const OFFSETS = [-2, -1, 1, 2];
export const RULE = T("rule");
export const RULE_PREV = T("rule-1");
const BIAS = T("bias");
const BIGRAM_PREV = T("bi-1");
const BIGRAM_NEXT = T("bi+1");

/** The word-pair features of a token whose word is `id` between its neighbours `prev` and `next`, written to out[at], out[at + 1]. */
export function pairs(prev: number, id: number, next: number, out: Int32Array, at: number): void {
  out[at] = mix(BIGRAM_PREV, mix(prev, id));
  out[at + 1] = mix(BIGRAM_NEXT, mix(id, next));
}
export const PAIRS = 2;
/** A word written with final ى ("على", "إلى"): a particle, never the name "علي" (normalisation folds ى into ي). */
export const MAQSURA = T("maqsura");
const BOUNDARY = T("<s>");
/** The word identity (WordFeatures.id) of a missing neighbour, before the first or after the last token. */
export const EDGE = BOUNDARY;
const EMPTY = new Int32Array(0);
const CACHE_LIMIT = 200_000;

/** Locative words and prepositions before a place ("في", "إلى", "شمال" …), by stem. */
const LOCATIVE = new Set(["في", "الي", "من", "قرب", "داخل", "عند", "نحو", "شمال", "جنوب", "شرق", "غرب", "وسط"]);

function shape(written: string): string {
  if (/^[0-9٠-٩.,]+$/.test(written)) return "num";
  if (/^[A-Za-z]/.test(written)) return /^[A-Z]/.test(written) ? "Lat" : "lat";
  if (/^[\u0600-\u06ff]+$/.test(written)) return "ar";
  return "sym";
}

export class FeatureExtractor {
  private readonly cache = new Map<string, WordFeatures>();

  constructor(private readonly lists: FeatureLists) {}

  /** The cache key of a token's word features. */
  static wordKey(t: Token): string {
    return t.kind === "word" ? t.norm : `${t.kind}\u0000${t.norm}`;
  }

  /** The word features of one token, cached by kind and normalised form. */
  word(t: Token, key: string): WordFeatures {
    const cacheKey = FeatureExtractor.wordKey(t);
    let w = this.cache.get(cacheKey);
    if (!w) {
      w = this.compute(t, key);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(cacheKey, w);
    }
    return w;
  }

  private compute(t: Token, key: string): WordFeatures {
    if (t.kind !== "word") {
      const f = [`k=${t.kind}`, `sh=${shape(t.norm)}`];
      if (t.kind === "latin") f.push(`w=${t.norm.toLowerCase()}`);
      if (t.kind === "punct") f.push(`w=${t.norm}`);
      const own = Int32Array.from(f, (s) => mix(BIAS, hashString(s)));
      return { own, id: hashString(t.kind === "punct" ? t.norm : `<${t.kind}>`), flags: EMPTY };
    }
    const { lex, actors, gazetteer } = this.lists;
    const s = t.stem;
    const f: string[] = [`w=${t.norm}`, `s=${s}`, `p=${t.pro}`, `e=${t.enc ? "1" : ""}`, `p2=${s.slice(0, 2)}`, `p3=${s.slice(0, 3)}`, `x2=${s.slice(-2)}`, `x3=${s.slice(-3)}`, `len=${Math.min(s.length, 8)}`, `art=${hasArticle(t.pro) ? 1 : 0}`];
    const flags: string[] = [];
    const flag = (name: string): void => {
      f.push(name);
      flags.push(name);
    };
    flags.push(`x2=${s.slice(-2)}`, `p=${t.pro}`, `art=${hasArticle(t.pro) ? 1 : 0}`);
    if (lex.givenNames.has(s)) flag("given");
    if (lex.titles.start(key) || lex.titles.start(t.norm)) flag("title");
    const head = lex.heads.get(key) ?? lex.heads.get(s);
    if (head) flag(`head=${head.type}`);
    if (lex.multiWordHeads.start(key)) flag("head2");
    if (lex.functionWords.has(s)) flag("fn");
    else if (lex.common.has(s)) f.push("common");
    const gent = lex.gentilics.get(s);
    if (gent) flag(`gent=${gent.kind}`);
    if (lex.speechVerbs.has(s)) flag("speech");
    if (LOCATIVE.has(s) && !t.pro) flag("loc");
    const actor = actors.names.start(key) ?? actors.names.start(t.norm);
    if (actor) {
      f.push(actor.values.length ? `actor1=${actor.values[0].type}` : "actor+");
      flags.push("actor");
    }
    const place = gazetteer.names.start(key) ?? gazetteer.names.start(t.norm);
    if (place) {
      const kinds = place.values.length ? [...new Set(place.values.map((p) => p.place.kind))].sort().join(",") : "+";
      f.push(`gaz1=${kinds}`);
      flags.push("gaz");
    }
    if (!lex.common.has(s) && !lex.functionWords.has(s) && !lex.givenNames.has(s)) f.push("unknown");
    const own = Int32Array.from(f, (x) => mix(BIAS, hashString(x)));
    return { own, id: hashString(s), flags: Int32Array.from(flags, (x) => hashString(x)) };
  }

  /** The features word `w` gives a token whose neighbour it is at offset OFFSETS[d]. */
  static neighbour(w: WordFeatures, d: number): Int32Array {
    const withFlags = d === 1 || d === 2;
    const f = new Int32Array(1 + (withFlags ? w.flags.length : 0));
    f[0] = mix(NEIGHBOUR[d], w.id);
    if (withFlags) for (let k = 0; k < w.flags.length; k++) f[k + 1] = mix(NEIGHBOUR_FLAG[d], w.flags[k]);
    return f;
  }

  /** The feature of a missing neighbour at OFFSETS[d] (before the first or after the last token). */
  static boundary(d: number): number {
    return mix(NEIGHBOUR[d], BOUNDARY);
  }

  /** The label the recogniser gives each token of [from, to), as a hash (0: none). */
  static ruleLabels(rules: readonly Mention[], from: number, to: number): Int32Array {
    const out = new Int32Array(to - from);
    for (const m of rules) {
      const tag = hashString(`${m.type}|${m.rule}|${m.source}`);
      for (let k = m.tokenStart; k < m.tokenEnd; k++) out[k - from] = mix(tag, k === m.tokenStart ? 1 : 2);
    }
    return out;
  }

  /**
   * The static features of tokens [from, to): one Int32Array per token. `rules` are the recogniser's
   * mentions in that range, whose labels become features (so the model learns how far to trust them).
   */
  sentence(text: string, tokens: Token[], keys: string[], from: number, to: number, rules: readonly Mention[]): Int32Array[] {
    const n = to - from;
    const words: WordFeatures[] = new Array<WordFeatures>(n);
    for (let i = 0; i < n; i++) words[i] = this.word(tokens[from + i], keys[from + i]);
    const ruleLabel = FeatureExtractor.ruleLabels(rules, from, to);
    const out: Int32Array[] = new Array<Int32Array>(n);
    for (let i = 0; i < n; i++) {
      const w = words[i];
      const t = tokens[from + i];
      const maqsura = t.kind === "word" && text.charCodeAt(t.end - 1) === 0x649;
      let size = w.own.length + 2 + PAIRS + (maqsura ? 1 : 0);
      for (let d = 0; d < 4; d++) {
        const j = i + OFFSETS[d];
        size += 1 + (j >= 0 && j < n && (d === 1 || d === 2) ? words[j].flags.length : 0);
      }
      const f = new Int32Array(size);
      f.set(w.own);
      let k = w.own.length;
      f[k++] = mix(RULE, ruleLabel[i]);
      f[k++] = mix(RULE_PREV, i > 0 ? ruleLabel[i - 1] : 0);
      if (maqsura) f[k++] = MAQSURA;
      pairs(i > 0 ? words[i - 1].id : EDGE, w.id, i + 1 < n ? words[i + 1].id : EDGE, f, k);
      k += PAIRS;
      for (let d = 0; d < 4; d++) {
        const j = i + OFFSETS[d];
        if (j >= 0 && j < n) for (const x of FeatureExtractor.neighbour(words[j], d)) f[k++] = x;
        else f[k++] = FeatureExtractor.boundary(d);
      }
      out[i] = f;
    }
    return out;
  }
}
