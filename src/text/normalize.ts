/**
 * Normalisation for matching: folds the spelling variation of Arabic news (diacritics, tatweel,
 * alef forms, ى/ي, ة/ه, Arabic-Indic and Persian digits, every quotation-mark form) so that lexicons
 * and gazetteers match however a word is written. The folding table is data (data/text/char-map.json);
 * the stored text is never changed — only this matching form is derived from it.
 *
 * @example normalize("إِدْلِبُ") === "ادلب"; normalize("٣٥٠٠") === "3500"; normalize("«حماة»") === "\"حماه\""
 */
import { readFileSync } from "node:fs";
import { dataPath } from "../data-dir.js";

const DROP = 0xffff;

interface CharMapFile {
  drop: Record<string, string>;
  map: Record<string, [string, string]>;
}

function parseRange(key: string): [number, number] {
  const [a, b] = key.split("-");
  const lo = parseInt(a, 16);
  return [lo, b ? parseInt(b, 16) : lo];
}

function buildTable(): Uint16Array {
  const file = JSON.parse(readFileSync(dataPath("text", "char-map.json"), "utf8")) as CharMapFile;
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 0x20; // Latin upper case folds to lower case
  for (const key of Object.keys(file.drop)) {
    const [lo, hi] = parseRange(key);
    for (let c = lo; c <= hi; c++) table[c] = DROP;
  }
  for (const [key, [target]] of Object.entries(file.map)) {
    const [lo, hi] = parseRange(key);
    const t = parseInt(target, 16);
    // A range mapped to one target keeps offsets only for digit blocks (0660-0669 -> 0-9);
    // every other range maps each of its code points to the same target.
    const keepOffset = hi - lo === 9 && t === 0x30;
    for (let c = lo; c <= hi; c++) table[c] = keepOffset ? t + (c - lo) : t;
  }
  return table;
}

const TABLE = buildTable();

/** Arabic presentation forms (ligatures, contextual shapes) need NFKC before folding. */
const isPresentationForm = (c: number): boolean => (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc);

const CHUNK = 4096;

/** The matching form of a string. Pure; safe on any input. */
export function normalize(s: string): string {
  const n = s.length;
  let i = 0;
  // Fast path: most strings need no change, and are returned as they are.
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (TABLE[c] !== c || isPresentationForm(c)) break;
  }
  if (i === n) return s;
  const codes: number[] = [];
  for (let k = 0; k < i; k++) codes.push(s.charCodeAt(k));
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isPresentationForm(c)) {
      for (const f of String.fromCharCode(c).normalize("NFKC")) {
        const m = TABLE[f.charCodeAt(0)];
        if (m !== DROP) codes.push(m);
      }
      continue;
    }
    const m = TABLE[c];
    if (m !== DROP) codes.push(m);
  }
  if (codes.length <= CHUNK) return String.fromCharCode.apply(null, codes);
  let out = "";
  for (let k = 0; k < codes.length; k += CHUNK) out += String.fromCharCode.apply(null, codes.slice(k, k + CHUNK));
  return out;
}

/** True when the character is removed by normalisation (diacritics, tatweel, invisible marks). */
export const isDropped = (c: number): boolean => TABLE[c] === DROP;
