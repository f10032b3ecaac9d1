/**
 * Decoding input bytes into text. The encoding is taken, in order, from a byte-order mark, from the
 * shape of UTF-16 without a mark, from strict UTF-8 validity, from a declared charset (`<meta charset>`,
 * an XML declaration, or the caller), and finally from byte statistics that tell the two legacy Arabic
 * code pages apart (windows-1256 and ISO-8859-6 put the same letters at different byte values).
 * Binary data (images, PDFs, archives, anything with NUL bytes) is refused.
 */
import iconv from "iconv-lite";
import { MarsadError, EXIT } from "../errors.js";

export interface Decoded {
  text: string;
  encoding: string;
  /** Problems met while decoding (a few invalid bytes replaced). */
  warnings?: string[];
}

/**
 * Text that is UTF-8 but for a few bad bytes (a truncated copy, one corrupted character) stays UTF-8:
 * read with replacement characters when they are at most this share of its non-ASCII characters.
 * Legacy Arabic code pages read as UTF-8 give almost nothing but replacement characters.
 */
const MAX_BAD_UTF8_SHARE = 0.02;

const MAGIC: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], "a PDF file"],
  [[0x50, 0x4b, 0x03, 0x04], "a ZIP archive or an Office document"],
  [[0x1f, 0x8b], "gzip-compressed data"],
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0x7f, 0x45, 0x4c, 0x46], "an executable"],
  [[0x42, 0x5a, 0x68], "bzip2-compressed data"],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a], "xz-compressed data"],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], "an SQLite database"],
];

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xff, 0xfe], "utf-16le"],
  [[0xfe, 0xff], "utf-16be"],
];

/** Encodings accepted from a declaration, by their usual labels. */
const LABELS: Record<string, string> = {
  "utf-8": "utf-8", utf8: "utf-8", "utf-16": "utf-16le", "utf-16le": "utf-16le", "utf-16be": "utf-16be",
  "windows-1256": "windows-1256", cp1256: "windows-1256", "x-cp1256": "windows-1256",
  "iso-8859-6": "iso-8859-6", "iso_8859-6": "iso-8859-6", "arabic": "iso-8859-6", "asmo-708": "iso-8859-6",
  "iso-8859-1": "windows-1252", latin1: "windows-1252", "windows-1252": "windows-1252", "us-ascii": "utf-8", ascii: "utf-8",
};

export function normaliseLabel(label: string): string | null {
  const l = label.trim().toLowerCase();
  if (Object.hasOwn(LABELS, l)) return LABELS[l];
  // only names that look like encoding names reach iconv ("__proto__", "constructor" do not)
  if (!/^[a-z][a-z0-9.:-]{1,39}$/.test(l)) return null;
  try {
    return iconv.encodingExists(l) ? l : null;
  } catch {
    return null;
  }
}

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

/** Guesses UTF-16 without a BOM: Arabic text puts 0x06 in every other byte, ASCII puts 0x00. */
function sniffUtf16(buf: Buffer): "utf-16le" | "utf-16be" | null {
  const n = Math.min(buf.length - (buf.length % 2), 4096);
  if (n < 8) return null;
  let evenHigh = 0, oddHigh = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0x00 || buf[i] === 0x06) evenHigh++;
    if (buf[i + 1] === 0x00 || buf[i + 1] === 0x06) oddHigh++;
  }
  const pairs = n / 2;
  if (oddHigh / pairs > 0.7 && evenHigh / pairs < 0.3) return "utf-16le";
  if (evenHigh / pairs > 0.7 && oddHigh / pairs < 0.3) return "utf-16be";
  return null;
}

/** A charset declared in the first bytes: <meta charset>, http-equiv content, or an XML declaration. */
export function declaredCharset(buf: Buffer): string | null {
  const head = buf.subarray(0, 4096).toString("latin1");
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.-]+)/i.exec(head);
  return m ? normaliseLabel(m[1]) : null;
}

const LETTERS_1256 = new Set<number>();
const LETTERS_88596 = new Set<number>();
for (let b = 0xc1; b <= 0xd6; b++) LETTERS_1256.add(b); // ء … ض
for (const b of [0xd8, 0xd9, 0xda, 0xdb, 0xdd, 0xde, 0xdf, 0xe1, 0xe3, 0xe4, 0xe5, 0xe6, 0xec, 0xed]) LETTERS_1256.add(b);
for (let b = 0xc1; b <= 0xda; b++) LETTERS_88596.add(b); // ء … غ
for (let b = 0xe1; b <= 0xea; b++) LETTERS_88596.add(b); // ف … ي

/**
 * Scores a legacy decoding by how Arabic it reads: the share of high bytes that are letters in that
 * code page, plus the frequency of the article "ال" (alef then lam), whose lam byte differs between
 * the two pages (0xE1 in windows-1256, 0xE4 in ISO-8859-6).
 */
function legacyArabic(buf: Buffer): "windows-1256" | "iso-8859-6" | null {
  let high = 0, in1256 = 0, in88596 = 0, al1256 = 0, al88596 = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b < 0x80) continue;
    high++;
    if (LETTERS_1256.has(b)) in1256++;
    if (LETTERS_88596.has(b)) in88596++;
    if (b === 0xc7 && i + 1 < buf.length) {
      if (buf[i + 1] === 0xe1) al1256++;
      else if (buf[i + 1] === 0xe4) al88596++;
    }
  }
  if (high < 4) return null;
  const s1256 = in1256 / high + al1256 * 0.05;
  const s88596 = in88596 / high + al88596 * 0.05;
  if (Math.max(in1256, in88596) / high < 0.5) return null;
  return s1256 >= s88596 ? "windows-1256" : "iso-8859-6";
}

/** How many replacement characters reading as UTF-8 gives, against its non-ASCII characters. */
function utf8Damage(text: string): { bad: number; share: number } {
  let bad = 0, high = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    high++;
    if (c === 0xfffd) bad++;
  }
  return { bad, share: high ? bad / high : 1 };
}

function isValidUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** Refuses binary input with a message naming what it looks like. */
export function assertNotBinary(buf: Buffer): void {
  for (const [magic, what] of MAGIC) {
    if (startsWith(buf, magic)) throw new MarsadError(`input is binary data (${what}), not an article; give a text or HTML file`, EXIT.badInput);
  }
}

function assertTextual(text: string): void {
  const n = Math.min(text.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new MarsadError("input is binary data (it holds NUL bytes), not an article; give a text or HTML file", EXIT.badInput);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  if (n && control / n > 0.05) throw new MarsadError("input is binary data or an unknown encoding (many control characters); give UTF-8, UTF-16 or windows-1256 text, or name it with --encoding", EXIT.badInput);
}

export function decode(buf: Buffer, declared?: string): Decoded {
  assertNotBinary(buf);
  const bom = BOMS.find(([bytes]) => startsWith(buf, bytes));
  const body = bom ? buf.subarray(bom[0].length) : buf;
  let encoding: string | null;
  if (bom) encoding = bom[1];
  else if (declared) {
    encoding = normaliseLabel(declared);
    if (!encoding) throw new MarsadError(`unknown encoding "${declared.slice(0, 40)}"; use utf-8, utf-16le, utf-16be, windows-1256 or iso-8859-6`, EXIT.usage);
  } else if (sniffUtf16(buf)) encoding = sniffUtf16(buf);
  else if (isValidUtf8(buf)) encoding = "utf-8";
  else {
    const asUtf8 = body.toString("utf8");
    const damage = utf8Damage(asUtf8);
    if (damage.share <= MAX_BAD_UTF8_SHARE) {
      assertTextual(asUtf8);
      return { text: asUtf8, encoding: "utf-8", warnings: [`the input is UTF-8 with ${damage.bad} invalid byte sequence${damage.bad === 1 ? "" : "s"}, replaced by \ufffd`] };
    }
    encoding = declaredCharset(buf) ?? legacyArabic(buf) ?? "windows-1256";
  }
  const text = encoding === "utf-8" ? body.toString("utf8") : iconv.decode(body, encoding!);
  assertTextual(text);
  return { text, encoding: encoding! };
}
