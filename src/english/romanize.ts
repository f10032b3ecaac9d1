/**
 * Romanisation of Arabic names that no list gives in English: a simplified, UNGEGN-like scheme with
 * no diacritics (docs/english.md). Letters come from data/english/letters.tsv, and name words that
 * English-language news spells one way ("محمد" → "Mohammed") from data/english/words.tsv. Unwritten
 * short vowels cannot be known; an "a" between two consonants keeps the result readable, and the
 * result says it was romanised, so a reader can tell it from a listed English name.
 *
 * @example romanize("ميلود الزوي") === "Milud al-Zawi"
 */
import { normalize } from "../text/normalize.js";

/** Marks that carry no sound of their own here: shadda, sukun, tanween, tatweel. */
const SILENT = /[\u064b-\u064d\u0651\u0652\u0640\u0670]/g;
const VOWEL_MARKS = new Set(["\u064e", "\u064f", "\u0650"]);
const LONG = new Set(["ا", "أ", "إ", "آ", "ٱ", "ى", "ة"]);

export class Romanizer {
  constructor(
    private readonly letters: ReadonlyMap<string, string>,
    /** Name words by normalised form → their usual English spelling. */
    private readonly names: ReadonlyMap<string, string>,
  ) {}

  /** The romanised form of a name of one or more words; Latin text is kept as written. */
  romanize(arabic: string): string {
    return arabic
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => this.word(w))
      .filter(Boolean)
      .join(" ");
  }

  private word(written: string): string {
    if (!/[\u0600-\u06ff]/.test(written)) return written;
    const known = this.names.get(normalize(written));
    if (known) return known;
    const w = written.replace(SILENT, "").replace(/[^\u0600-\u06ff]/g, "");
    // the article: "al-" and the rest of the word capitalised, as in "al-Bab"
    if (w.length > 3 && /^[اٱ]ل/.test(w)) {
      const rest = this.names.get(normalize(w.slice(2)));
      return `al-${rest ?? capitalise(this.letterByLetter(w.slice(2)))}`;
    }
    return capitalise(this.letterByLetter(w));
  }

  /** Letters to Latin; و and ي read as vowels between consonants, and "a" between two consonants. */
  private letterByLetter(w: string): string {
    let out = "";
    let prevVowel = true; // a word starts as if after a vowel: initial و/ي are consonants
    let prevConsonant = false;
    for (let i = 0; i < w.length; i++) {
      const c = w[i];
      if (VOWEL_MARKS.has(c)) {
        out += this.letters.get(c) ?? "";
        prevVowel = true;
        prevConsonant = false;
        continue;
      }
      const next = w[i + 1];
      const nextIsVowel = next !== undefined && (LONG.has(next) || next === "و" || next === "ي" || VOWEL_MARKS.has(next));
      if ((c === "و" || c === "ي") && !prevVowel && !nextIsVowel) {
        out += c === "و" ? "u" : "i";
        prevVowel = true;
        prevConsonant = false;
        continue;
      }
      const latin = this.letters.get(c);
      if (latin === undefined) continue;
      if (LONG.has(c)) {
        out += latin;
        prevVowel = true;
        prevConsonant = false;
        continue;
      }
      if (prevConsonant) out += "a";
      out += latin;
      prevVowel = false;
      prevConsonant = true;
    }
    return out;
  }
}

const capitalise = (s: string): string => (s.startsWith("'") ? s.slice(1) : s).replace(/^./, (c) => c.toUpperCase());
