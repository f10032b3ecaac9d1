/**
 * Clitic segmentation of normalised Arabic words, checked against the word lexicon.
 *
 * Order of the rules (first that applies wins):
 *  1. a word known whole stays whole ("بشار", "لبنان", "فرانس", "كانون", "وزير");
 *  2. of the splits whose stem is known, the one removing the fewest letters ("بحمص" → ب + حمص,
 *     "والفصائل" → و + ال + فصائل, "أحيائها" → احياء + ها);
 *  3. an article sequence before an unknown stem is still split ("والكوماندوز" → و + ال + كوماندوز);
 *  4. a conjunction و before an unknown stem of three letters or more is split;
 *  5. otherwise the word stays whole.
 * The clitic inventory is data (data/text/clitics.json).
 */
import { readFileSync } from "node:fs";
import { dataPath } from "../data-dir.js";
import type { WordLexicon } from "./lexicon.js";
import { SpanTable } from "../util/span-table.js";
import { normalize } from "./normalize.js";

export interface Segmentation {
  /** Proclitics joined by "+" ("و+ال"), "" when none. */
  pro: string;
  stem: string;
  enc: string;
}

export interface WordAnalysis extends Segmentation {
  /** The word normalised for matching. */
  norm: string;
  /** Its matching key: the stem, with "ال" before it when the word carried the article. */
  key: string;
  /**
   * A number for this written form, unique in this process (never reused, even when the cache is
   * cleared): later stages cache per-word work under it instead of hashing strings (see Token.word).
   */
  id: number;
}

interface CliticRules {
  proclitics: Record<string, string[]>;
  article: string[];
  future: string[];
  futureStemStarts: string[];
  conjunctions: string[];
  enclitics: string[];
  minStem: number;
  minStemAfterArticle: number;
  minStemAfterConjunction: number;
}

/** WordAnalysis ids, shared by every segmenter of the process so that no two words ever share one. */
let nextWordId = 1;
const ARABIC_WORD = /^[\u0621-\u064a]+$/;
const CACHE_LIMIT = 200_000;

/** The article as written at the start of a word, and the shortest stem before a suffix that counts as definite. */
const ARTICLE_LETTERS = "ال";
const DEFINITE_STEM = 4;

export class CliticSegmenter {
  private readonly rules: CliticRules;
  private readonly prefixes: string[];
  private readonly article: Set<string>;
  private readonly future: Set<string>;
  private readonly cache = new Map<string, Segmentation>();
  private readonly words = new SpanTable<WordAnalysis>(19, CACHE_LIMIT);

  constructor(
    private readonly lexicon: WordLexicon,
    rules?: CliticRules,
  ) {
    this.rules = rules ?? (JSON.parse(readFileSync(dataPath("text", "clitics.json"), "utf8")) as CliticRules);
    this.prefixes = Object.keys(this.rules.proclitics).sort((a, b) => b.length - a.length);
    this.article = new Set(this.rules.article);
    this.future = new Set(this.rules.future);
  }

  /**
   * Normalises and segments one word as written in the text. Cached by the written form, so a word
   * that recurs costs one lookup.
   */
  analyzeWord(written: string): WordAnalysis {
    return this.analyzeSpan(written, 0, written.length);
  }

  /** analyzeWord of text.slice(start, end), without cutting the word out unless it is new. */
  analyzeSpan(text: string, start: number, end: number): WordAnalysis {
    return this.words.get(text, start, end, this.analyzeNew);
  }

  private readonly analyzeNew = (written: string): WordAnalysis => {
    const norm = normalize(written);
    const s = this.segment(norm);
    const article = s.pro === "ال" || s.pro.endsWith("+ال");
    const a: WordAnalysis = { norm, pro: s.pro, stem: s.stem, enc: s.enc, key: article ? "ال" + s.stem : s.stem, id: nextWordId++ };
    return a;
  };

  /** Segments one normalised word. Words that are not plain Arabic letters come back whole. */
  segment(word: string): Segmentation {
    const hit = this.cache.get(word);
    if (hit) return hit;
    const seg = this.compute(word);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, seg);
    return seg;
  }

  private whole(word: string): Segmentation {
    return { pro: "", stem: word, enc: "" };
  }

  private compute(word: string): Segmentation {
    if (word.length < 3 || !ARABIC_WORD.test(word) || this.lexicon.has(word)) return this.whole(word);
    const { minStem } = this.rules;
    let best: Segmentation | null = null;
    let bestCost = Infinity;
    const consider = (pro: string, body: string): void => {
      // body = word without the proclitics; try it bare, then with each enclitic removed
      const cost0 = pro.length;
      if (cost0 < bestCost && body.length >= minStem && this.lexicon.has(body)) {
        best = { pro: this.rules.proclitics[pro]?.join("+") ?? "", stem: body, enc: "" };
        bestCost = cost0;
      }
      if (this.article.has(pro)) return; // no pronoun suffix after the article
      // nor after an article left in the body: "الأمني" is ال + أمني, not "الأم" (mother) + ني, "الإعلامي"
      // not "الإعلام" + ي; a short word spelled with ال keeps its suffixes ("إليه" → "الي" + ه)
      const definiteBody = body.startsWith(ARTICLE_LETTERS);
      for (const enc of this.rules.enclitics) {
        const cost = cost0 + enc.length;
        if (cost >= bestCost || !body.endsWith(enc) || body.length - enc.length < minStem) continue;
        if (definiteBody && body.length - enc.length >= DEFINITE_STEM) continue;
        const stem = this.knownStemBeforeSuffix(body.slice(0, body.length - enc.length));
        if (stem) {
          best = { pro: this.rules.proclitics[pro]?.join("+") ?? "", stem, enc };
          bestCost = cost;
        }
      }
    };
    consider("", word);
    for (const p of this.prefixes) {
      if (!word.startsWith(p)) continue;
      const body = word.slice(p.length);
      if (this.future.has(p) && !this.rules.futureStemStarts.includes(body[0])) continue;
      consider(p, body);
    }
    if (best) return best;
    return this.fallback(word);
  }

  /** A stem before a pronoun suffix may change its last letter: ت→ة, ئ/ؤ→ء, ا→ى. */
  private knownStemBeforeSuffix(s: string): string | null {
    if (this.lexicon.has(s)) return s;
    const last = s[s.length - 1];
    const head = s.slice(0, -1);
    if (last === "ت" && this.lexicon.has(head + "ه")) return head + "ه";
    if ((last === "ئ" || last === "ؤ") && this.lexicon.has(head + "ء")) return head + "ء";
    if (last === "ا" && this.lexicon.has(head + "ي")) return head + "ي";
    return null;
  }

  private fallback(word: string): Segmentation {
    for (const p of this.prefixes) {
      if (this.article.has(p) && word.startsWith(p) && word.length - p.length >= this.rules.minStemAfterArticle) {
        return { pro: this.rules.proclitics[p].join("+"), stem: word.slice(p.length), enc: "" };
      }
    }
    const c = word[0];
    if (c === "و" && this.rules.conjunctions.includes(c) && word.length - 1 >= this.rules.minStemAfterConjunction) {
      return { pro: c, stem: word.slice(1), enc: "" };
    }
    return this.whole(word);
  }
}
