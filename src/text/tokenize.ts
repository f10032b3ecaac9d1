/**
 * Tokeniser: splits a stretch of text into Arabic words, numbers (any digit set, with decimal and
 * thousands separators), Latin words, URLs, e-mail addresses, hashtags, @mentions, punctuation and
 * symbols. One pass over the characters with a precomputed class table; offsets are UTF-16 indices.
 */
import type { TokenKind } from "../document.js";
import { CharClass, CLASS } from "./chars.js";

export interface RawToken {
  start: number;
  end: number;
  kind: TokenKind;
}

/**
 * A token with every field of the document's tokens present from the start (all objects share one
 * shape, and the text stage fills the normalised fields in place rather than copying the token).
 */
const token = (start: number, end: number, kind: TokenKind): RawToken => ({ start, end, kind, norm: "", pro: "", stem: "", enc: "", key: "", word: undefined }) as RawToken;

/** Characters that may sit inside a number between two digits: . , ٫ ٬ and the narrow no-break space. */
const NUMBER_INNER = new Set([0x2e, 0x2c, 0x066b, 0x066c]);
/** Characters that may trail a URL but almost never end one: a sentence's punctuation. */
const URL_TRAILING = /[.,;:!?؟،؛)\]}»”’'"]+$/;
const URL_START = /^(?:https?:\/\/|www\.)/i;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

const cls = (text: string, i: number): CharClass => {
  const c = text.charCodeAt(i);
  return c < 0x10000 ? CLASS[c] : CharClass.Other;
};

const isWordChar = (k: CharClass): boolean => k === CharClass.ArabicLetter || k === CharClass.ArabicMark;

/** Ends of a run of non-space characters starting at i (for URLs and e-mail addresses). */
function nonSpaceEnd(text: string, i: number, to: number): number {
  let j = i;
  while (j < to) {
    const k = cls(text, j);
    if (k === CharClass.Space || k === CharClass.Format) break;
    j++;
  }
  return j;
}

/** Tokenises text[from, to) and appends to `out`. */
export function tokenize(text: string, from = 0, to = text.length, out: RawToken[] = []): RawToken[] {
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    const k = code < 0x10000 ? CLASS[code] : CharClass.Other;
    if (k === CharClass.Space || k === CharClass.Format || k === CharClass.Joiner) {
      i++;
      continue;
    }
    const start = i;
    // URLs and e-mail addresses: cheap first-character tests before any regex.
    if ((code === 0x68 || code === 0x77 || code === 0x48 || code === 0x57) && URL_START.test(text.slice(i, i + 8))) {
      const run = text.slice(i, nonSpaceEnd(text, i, to)).replace(URL_TRAILING, "");
      out.push(token(start, i + run.length, "url"));
      i += run.length;
      continue;
    }
    if (k === CharClass.Latin || k === CharClass.Digit) {
      const m = EMAIL.exec(text.slice(i, Math.min(to, i + 256)));
      if (m && m[0].indexOf("@") > 0) {
        out.push(token(start, i + m[0].length, "email"));
        i += m[0].length;
        continue;
      }
    }
    if (k === CharClass.ArabicLetter || k === CharClass.ArabicMark) {
      i++;
      while (i < to) {
        const kk = cls(text, i);
        if (isWordChar(kk)) i++;
        else if (kk === CharClass.Joiner && i + 1 < to && isWordChar(cls(text, i + 1))) i += 2;
        else break;
      }
      out.push(token(start, i, "word"));
      continue;
    }
    if (k === CharClass.Digit) {
      i++;
      while (i < to) {
        const kk = cls(text, i);
        if (kk === CharClass.Digit) i++;
        else if (NUMBER_INNER.has(text.charCodeAt(i)) && i + 1 < to && cls(text, i + 1) === CharClass.Digit) i += 2;
        else break;
      }
      out.push(token(start, i, "number"));
      continue;
    }
    if (k === CharClass.Latin) {
      i++;
      while (i < to) {
        const kk = cls(text, i);
        if (kk === CharClass.Latin || kk === CharClass.Digit) i++;
        // inner apostrophe or hyphen joining two Latin parts: "don't", "F-16"
        else if ((text[i] === "'" || text[i] === "’" || text[i] === "-") && i + 1 < to && cls(text, i + 1) !== CharClass.Space && (cls(text, i + 1) === CharClass.Latin || cls(text, i + 1) === CharClass.Digit)) i += 2;
        else break;
      }
      out.push(token(start, i, "latin"));
      continue;
    }
    if ((code === 0x23 || code === 0x40) && i + 1 < to) {
      // #hashtag (Arabic, Latin, digits, _) and @mention (Latin, digits, _)
      const tag = code === 0x23;
      let j = i + 1;
      while (j < to) {
        const kk = cls(text, j);
        if (kk === CharClass.Latin || kk === CharClass.Digit || text[j] === "_" || (tag && isWordChar(kk))) j++;
        else break;
      }
      if (j > i + 1) {
        out.push(token(start, j, tag ? "hashtag" : "mention"));
        i = j;
        continue;
      }
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < to) {
      out.push(token(start, i + 2, "symbol")); // a character outside the BMP (emoji …)
      i += 2;
      continue;
    }
    // Punctuation: a run of the same mark is one token ("...", "!!", "؟؟").
    i++;
    while (i < to && text.charCodeAt(i) === code) i++;
    out.push(token(start, i, k === CharClass.Punct ? "punct" : "symbol"));
  }
  return out;
}
