import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/text/sentences.js";
import { tokenize } from "../../src/text/tokenize.js";

const sentences = (s: string): string[] => {
  const t = tokenize(s);
  return splitSentences(s, t).map(([a, b]) => s.slice(t[a].start, t[b - 1].end));
};

describe("sentence splitting", () => {
  it.each([
    ["splits on the full stop", "سقطت قذيفة. قتل رجل.", ["سقطت قذيفة.", "قتل رجل."]],
    ["splits on the Arabic question mark", "من المسؤول؟ لا أحد يعرف.", ["من المسؤول؟", "لا أحد يعرف."]],
    ["splits on the Arabic semicolon", "وصل الوفد؛ وبدأت المحادثات", ["وصل الوفد؛", "وبدأت المحادثات"]],
    ["splits on the exclamation mark", "يا للهول! انهار الجسر", ["يا للهول!", "انهار الجسر"]],
    ["splits on a line break", "السطر الأول\nالسطر الثاني", ["السطر الأول", "السطر الثاني"]],
    ["keeps a closing quotation mark with its sentence", "قال: «انتهى الأمر.» ثم غادر.", ["قال: «انتهى الأمر.»", "ثم غادر."]],
    ["does not split inside a quotation", "قال: «وصلنا. لن نغادر». وأضاف آخر.", ["قال: «وصلنا. لن نغادر».", "وأضاف آخر."]],
    ["does not split inside curly quotation marks", "قال: “هذا يوم. وغدا آخر”. ثم صمت.", ["قال: “هذا يوم. وغدا آخر”.", "ثم صمت."]],
    ["does not split after an abbreviation", "التقى د. خالد بالوفد. ثم عاد.", ["التقى د. خالد بالوفد.", "ثم عاد."]],
    ["splits after a year marker", "ولد عام 1950 م. وتوفي أمس.", ["ولد عام 1950 م.", "وتوفي أمس."]],
    ["does not split a decimal number", "بلغ النمو 2.5 بالمئة. وهو رقم جيد.", ["بلغ النمو 2.5 بالمئة.", "وهو رقم جيد."]],
    ["ignores a quotation mark that is never closed", "قال: «سنعود. وسنبقى.", ["قال: «سنعود.", "وسنبقى."]],
  ])("%s", (_what, text, expected) => {
    expect(sentences(text as string)).toEqual(expected);
  });
});
