/** Character classes for the tokeniser, precomputed into one table for the whole BMP. */

export const enum CharClass {
  Other = 0,
  Space = 1,
  ArabicLetter = 2,
  /** Diacritics and tatweel: part of the word they sit in. */
  ArabicMark = 3,
  Digit = 4,
  Latin = 5,
  /** Zero-width joiners: part of a word when between letters. */
  Joiner = 6,
  /** Invisible format characters (directional marks, BOM): ignored between tokens. */
  Format = 7,
  Punct = 8,
}

function build(): Uint8Array {
  const t = new Uint8Array(0x10000);
  const set = (lo: number, hi: number, c: CharClass): void => {
    for (let i = lo; i <= hi; i++) t[i] = c;
  };
  const punct = /\p{P}/u;
  for (let i = 0; i < 0x10000; i++) {
    if (i >= 0xd800 && i <= 0xdfff) continue;
    if (punct.test(String.fromCharCode(i))) t[i] = CharClass.Punct;
  }
  set(0x09, 0x0d, CharClass.Space);
  set(0x20, 0x20, CharClass.Space);
  set(0x85, 0x85, CharClass.Space);
  set(0xa0, 0xa0, CharClass.Space);
  set(0x1680, 0x1680, CharClass.Space);
  set(0x2000, 0x200a, CharClass.Space);
  set(0x2028, 0x2029, CharClass.Space);
  set(0x202f, 0x202f, CharClass.Space);
  set(0x205f, 0x205f, CharClass.Space);
  set(0x3000, 0x3000, CharClass.Space);
  set(0x30, 0x39, CharClass.Digit);
  set(0x0660, 0x0669, CharClass.Digit);
  set(0x06f0, 0x06f9, CharClass.Digit);
  set(0x41, 0x5a, CharClass.Latin);
  set(0x61, 0x7a, CharClass.Latin);
  set(0xc0, 0x24f, CharClass.Latin);
  t[0xd7] = CharClass.Other; // multiplication sign
  t[0xf7] = CharClass.Other; // division sign
  set(0x0621, 0x063a, CharClass.ArabicLetter);
  set(0x0641, 0x064a, CharClass.ArabicLetter);
  set(0x066e, 0x066f, CharClass.ArabicLetter);
  set(0x0671, 0x06d3, CharClass.ArabicLetter);
  set(0x06d5, 0x06d5, CharClass.ArabicLetter);
  set(0x06ee, 0x06ef, CharClass.ArabicLetter);
  set(0x06fa, 0x06fc, CharClass.ArabicLetter);
  set(0x06ff, 0x06ff, CharClass.ArabicLetter);
  set(0x0750, 0x077f, CharClass.ArabicLetter);
  set(0xfb50, 0xfdff, CharClass.ArabicLetter);
  set(0xfe70, 0xfefc, CharClass.ArabicLetter);
  set(0x0610, 0x061a, CharClass.ArabicMark);
  set(0x064b, 0x065f, CharClass.ArabicMark);
  set(0x0670, 0x0670, CharClass.ArabicMark);
  set(0x06d6, 0x06ed, CharClass.ArabicMark);
  set(0x0640, 0x0640, CharClass.ArabicMark);
  set(0x200c, 0x200d, CharClass.Joiner);
  set(0x200b, 0x200b, CharClass.Format);
  set(0x200e, 0x200f, CharClass.Format);
  set(0x202a, 0x202e, CharClass.Format);
  set(0x2066, 0x2069, CharClass.Format);
  set(0xfeff, 0xfeff, CharClass.Format);
  set(0xad, 0xad, CharClass.Format);
  return t;
}

export const CLASS = build();

export const classOf = (code: number): CharClass => (code < 0x10000 ? CLASS[code] : CharClass.Other);

export const isArabicLetter = (code: number): boolean => CLASS[code] === CharClass.ArabicLetter;
