/**
 * Generators of hostile inputs for the fuzz suite, each a function of a seeded random source and a
 * size in bytes. Every kind of input that once crashed, hung or blew up the output has a generator
 * here (issue 18): text that is no HTML, deep nesting, short lines by the thousand, long space runs,
 * repeated quote cues, runs of names, JSON-LD of the wrong types, impossible dates, huge numbers,
 * broken UTF-8. The words are our own, short and plain.
 */

import { mulberry32 } from "../../src/util/random.js";

export type Rng = () => number;

/** A seeded generator (same seed, same inputs). */
export const rng = (seed: number): Rng => mulberry32(seed);

const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

const WORDS = ["قال", "أكد", "الجيش", "القوات", "مدينة", "حمص", "دمشق", "حلب", "بغداد", "غزة", "قصف", "هجوم", "مقتل", "اعتقال", "مسلحين", "المرصد", "السوري", "لحقوق", "الإنسان", "أمس", "السبت", "في", "على", "من", "إلى", "أن", "إن", "وزير", "الدفاع", "مصدر", "محلي", "شخصا", "عشرات", "سيطرة", "قرية", "مطار", "سجن", "الشرطة", "الرئيس", "أحمد", "محمد", "علي", "بن", "أبو", "ذكرت", "وكالة", "رويترز", "بحسب", "وفقا", "لـ", "نقلا", "عن", "المتحدث", "باسم", "كانون", "الأول", "2024", "12", "٣٠", "انفجار", "سيارة", "مفخخة", "اشتباكات", "بين"];
const CUES = ["نقلا عن مصدر", "بحسب ما أفاد", "وقال إن", "وأضاف أن", "وفقا لمصادر", "ذكر المرصد أن", "أفادت وكالة رويترز أن"];
const NAMES = ["أحمد", "محمد", "علي", "حسن", "عمر", "خالد", "بن", "أبو", "عبد", "الله", "الرحمن"];
const PUNCT = [".", "،", "؟", "!", "؛", ":", "«", "»", "\"", "(", ")", "-", "…", "\n", "\n\n"];

function sentence(r: Rng): string {
  const n = int(r, 3, 18);
  const w: string[] = [];
  for (let k = 0; k < n; k++) w.push(r() < 0.08 ? pick(r, CUES) : pick(r, WORDS));
  if (r() < 0.15) w.splice(int(r, 0, w.length), 0, `«${pick(r, WORDS)} ${pick(r, WORDS)} ${pick(r, WORDS)}»`);
  return w.join(" ") + pick(r, [".", ".", ".", "؟", "!", ":", ""]);
}

/** Repeats `unit()` until the output reaches `size` characters. */
function fill(size: number, unit: () => string, sep = ""): string {
  const parts: string[] = [];
  let len = 0;
  while (len < size) {
    const u = unit();
    parts.push(u);
    len += u.length + sep.length;
  }
  return parts.join(sep);
}

export interface Generator {
  name: string;
  /** Text or bytes, and how to hand them to the analyser. */
  make(r: Rng, size: number): { input: string | Buffer; name?: string; format?: "auto" | "text" | "html"; published?: string };
}

export const GENERATORS: readonly Generator[] = [
  { name: "news-text", make: (r, n) => ({ input: fill(n, () => fill(int(r, 40, 400), () => sentence(r), " "), "\n\n") }) },
  { name: "short-lines", make: (r, n) => ({ input: fill(n, () => `${pick(r, WORDS)} ${pick(r, WORDS)}`, "\n") }) },
  { name: "one-line-sentences", make: (r, n) => ({ input: fill(n, () => `${pick(r, WORDS)} ${pick(r, WORDS)}.`, " ") }) },
  { name: "space-runs", make: (r, n) => ({ input: `${sentence(r)}${" ".repeat(n)}${sentence(r)}` }) },
  { name: "repeated-cue", make: (r, n) => ({ input: `${sentence(r)}\n\n${fill(n, () => pick(r, CUES) + " ", "")}.` }) },
  { name: "claim-chain", make: (r, n) => ({ input: fill(n, () => `نقلا عن مصدر ${pick(r, WORDS)}`, " ") }) },
  { name: "name-run", make: (r, n) => ({ input: `قال ${fill(n, () => pick(r, NAMES), " ")} إن الوضع هادئ.` }) },
  { name: "punctuation-soup", make: (r, n) => ({ input: fill(n, () => (r() < 0.5 ? pick(r, PUNCT) : pick(r, WORDS)), " ") }) },
  { name: "quote-marks", make: (r, n) => ({ input: fill(n, () => `${pick(r, ["«", "»", "\"", "“", "”"])}${pick(r, WORDS)} قال:`, " ") }) },
  { name: "numbers", make: (r, n) => ({ input: fill(n, () => `${pick(r, ["مقتل", "اعتقال", "نزوح", "إصابة"])} ${"9".repeat(int(r, 1, 40))} ${pick(r, ["شخصا", "مدنيا", "ألف", "مليون"])} في ${pick(r, ["حمص", "حلب", "غزة"])} ${pick(r, ["في", "يوم"])} ${int(r, 0, 99)} ${pick(r, ["كانون الأول", "يناير", "شباط"])} ${int(r, 0, 99999)}.`, " ") }) },
  { name: "plain-as-html", make: (r, n) => ({ input: fill(n, () => sentence(r), " "), name: "page.html" }) },
  { name: "text-as-format-html", make: (r, n) => ({ input: fill(n, () => sentence(r), "\n"), format: "html" }) },
  { name: "deep-nesting", make: (r, n) => { const tag = pick(r, ["div", "span", "b", "section", "p", "blockquote", "ul"]); const d = Math.max(1, Math.floor(n / 12)); return { input: `<html><body>${`<${tag}>`.repeat(d)}${sentence(r)}${`</${tag}>`.repeat(d)}</body></html>`, name: "deep.html" }; } },
  { name: "random-tags", make: (r, n) => ({ input: `<html><body>${fill(n, () => (r() < 0.4 ? `<${pick(r, ["p", "div", "h2", "li", "a href=x", "br", "script", "style", "/p", "/div", "!--", "table", "td"])}>` : sentence(r)), "")}`, name: "tags.html" }) },
  {
    name: "json-ld-types",
    make: (r, n) => {
      const v = (): unknown => pick(r, [42, null, true, [], {}, { name: 7 }, [{ name: "أحمد" }, 3], "2024-02-30", "نص", { "@graph": 5 }]);
      const ld = JSON.stringify({ "@type": "NewsArticle", headline: v(), datePublished: v(), author: v(), publisher: pick(r, [v(), { name: v() }]) });
      return { input: `<html><head><script type="application/ld+json">${ld}</script><meta property="article:published_time" content="${pick(r, ["2024-02-30", "0000-00-00", "+010000-01-01", "2024-13-01", "أمس"])}"></head><body><article><p>${fill(n, () => sentence(r), " ")}</p></article></body></html>`, name: "ld.html" };
    },
  },
  { name: "relative-dates", make: (r, n) => ({ input: fill(n, () => `${pick(r, ["أمس", "السبت", "الأسبوع الماضي", "قبل يومين", "الشهر المقبل"])} ${sentence(r)}`, " "), published: pick(r, ["2024-02-29", "2000-01-01", "1800-01-01", "2200-12-31"]) }) },
  {
    name: "broken-utf8",
    make: (r, n) => {
      const b = Buffer.from(fill(n, () => sentence(r), " "), "utf8");
      for (let k = 0; k < int(r, 1, 3); k++) b[int(r, 0, b.length - 1)] = pick(r, [0xff, 0xc3, 0x80, 0xfe]);
      return { input: b };
    },
  },
  {
    name: "random-bytes",
    make: (r, n) => {
      const b = Buffer.alloc(Math.max(1, n));
      for (let k = 0; k < b.length; k++) b[k] = r() < 0.6 ? pick(r, [0xc7, 0xe1, 0xd3, 0x20, 0x0a, 0xd8, 0xa7]) : int(r, 1, 255);
      return { input: b };
    },
  },
  { name: "charset-lies", make: (r, n) => ({ input: Buffer.from(`<meta charset="${pick(r, ["windows-1256", "iso-8859-6", "utf-16", "x-unknown", "__proto__"])}">${fill(n, () => sentence(r), " ")}`, "utf8") }) },
];

/** One input from a spliced corpus article: cut, duplicated or salted with hostile pieces. */
export function splice(r: Rng, article: string): string {
  const at = int(r, 0, article.length);
  switch (int(r, 0, 4)) {
    case 0:
      return article.slice(0, at);
    case 1:
      return article.slice(at) + article.slice(0, at);
    case 2:
      return article.slice(0, at) + pick(r, ["<div>".repeat(50), "\u0000", " ".repeat(5000), "«", "نقلا عن مصدر ".repeat(30), "\n".repeat(500)]) + article.slice(at);
    case 3:
      return article + "\n\n" + article;
    default:
      return article.replace(/\n/g, () => (r() < 0.3 ? "\n\n" : "\n"));
  }
}
