/**
 * Date expressions in a sentence, resolved against the publication date: explicit dates with
 * standard, Levantine and Maghrebi month names ("17 يوليو تموز", "7 كانون الأول/ديسمبر 2024"), a month
 * and year, a year ("عام 2011"), weekdays ("السبت", "مساء الخميس" → the latest such day on or before
 * publication), relative days ("أمس", "اليوم", "الليلة الماضية"), and approximate ones ("قبل أيام").
 * Without a publication date, only explicit dates resolve; the rest stay null.
 */
import type { Token } from "../document.js";
import { tokenKey } from "../text/keys.js";
import { digitsValue } from "./numbers.js";
import type { EventLexicon, TimeWord } from "./lexicon.js";

export type DatePrecision = "day" | "week" | "month" | "year" | "approximate";

export interface DateExpr {
  /** YYYY-MM-DD (for a month or a year, its first day), or null when it cannot be resolved. */
  date: string | null;
  precision: DatePrecision;
  /** Part of the day, when given: morning, noon, afternoon, evening, night, dawn. */
  time: string | null;
  /** Token range. */
  start: number;
  end: number;
  /** True for a year or an era ("منذ اندلاع النزاع عام 2011"). */
  background: boolean;
}

const DAY = 86_400_000;
/** YYYY-MM-DD, or null for a date outside years 0–9999 (a publication date near either end, plus days). */
const iso = (d: Date): string | null => {
  const s = Number.isNaN(d.getTime()) ? "" : d.toISOString();
  return /^\d{4}-\d{2}-\d{2}T/.test(s) ? s.slice(0, 10) : null;
};
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

function timeWord(tokens: Token[], k: number, to: number, lex: EventLexicon): { w: TimeWord; end: number } | null {
  const t = tokens[k];
  if (!t || t.kind !== "word") return null;
  // phrases first ("كانون الأول", "الليلة الماضية", "أول أمس", "قبل أيام")
  let node = lex.timePhrases.start(tokenKey(t)) ?? lex.timePhrases.start(t.norm) ?? lex.timePhrases.start(t.stem);
  let m = k + 1;
  let best: { w: TimeWord; end: number } | null = null;
  while (node) {
    if (node.values.length) best = { w: node.values[0], end: m };
    if (m >= to) break;
    const n = tokens[m];
    node = node.next(tokenKey(n)) ?? node.next(n.norm) ?? node.next(n.stem);
    m++;
  }
  if (best) return best;
  const w = lex.time.get(tokenKey(t)) ?? lex.time.get(t.norm) ?? lex.time.get(t.stem);
  return w ? { w, end: k + 1 } : null;
}

const isYear = (t: Token | undefined): number | null => {
  if (!t || t.kind !== "number") return null;
  const v = digitsValue(t.norm);
  return v !== null && Number.isInteger(v) && v >= 1900 && v <= 2100 ? v : null;
};

/** All date expressions in tokens [from, to). */
export function findDates(tokens: Token[], from: number, to: number, published: string | null, lex: EventLexicon): DateExpr[] {
  const out: DateExpr[] = [];
  const pub = published ? new Date(`${published}T00:00:00Z`) : null;
  let daypart: string | null = null;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    // "17 يوليو (تموز) 2015", "7 كانون الأول/ديسمبر 2024"
    if (t.kind === "number") {
      const day = digitsValue(t.norm);
      const month = timeWord(tokens, i + 1, to, lex);
      if (day !== null && Number.isInteger(day) && day >= 1 && day <= 31 && month?.w.kind === "month") {
        let end = month.end;
        // a second month name for the same month ("يوليو تموز", "كانون الأول/ديسمبر")
        while (end < to && (tokens[end].kind === "punct" || timeWord(tokens, end, to, lex)?.w.kind === "month")) {
          const tw = timeWord(tokens, end, to, lex);
          if (tw?.w.kind === "month") end = tw.end;
          else if (tokens[end].kind === "punct" && "/()".includes(tokens[end].norm) && end + 1 < to && timeWord(tokens, end + 1, to, lex)?.w.kind === "month") end++;
          else break;
        }
        const year = isYear(tokens[end]);
        const m = Number(month.w.value);
        let y = year ?? pub?.getUTCFullYear() ?? null;
        // without a year, a date months after publication is last year's
        if (!year && y !== null && pub && utc(y, m, day).getTime() - pub.getTime() > 31 * DAY) y--;
        out.push({ date: y === null ? null : iso(utc(y, m, day)), precision: "day", time: daypart, start: i, end: year ? end + 1 : end, background: false });
        i = (year ? end + 1 : end) - 1;
        continue;
      }
      continue;
    }
    // "عام 2011", "سنة 2015"
    if (t.kind === "word" && (t.stem === "عام" || t.stem === "سنه") && isYear(tokens[i + 1])) {
      const y = isYear(tokens[i + 1])!;
      out.push({ date: `${y}-01-01`, precision: "year", time: null, start: i, end: i + 2, background: !pub || y < pub.getUTCFullYear() });
      i++;
      continue;
    }
    const tw = timeWord(tokens, i, to, lex);
    if (!tw) continue;
    const { w, end } = tw;
    if (w.kind === "daypart") {
      daypart = w.value;
      continue;
    }
    if (w.kind === "month") {
      const year = isYear(tokens[end]);
      const y = year ?? pub?.getUTCFullYear() ?? null;
      out.push({ date: y === null ? null : iso(utc(y, Number(w.value), 1)), precision: "month", time: null, start: i, end: year ? end + 1 : end, background: !!(year && pub && year < pub.getUTCFullYear()) });
      i = end - 1;
      continue;
    }
    if (w.kind === "weekday") {
      let date: string | null = null;
      if (pub) {
        const back = (pub.getUTCDay() - Number(w.value) + 7) % 7;
        date = iso(new Date(pub.getTime() - back * DAY));
      }
      out.push({ date, precision: "day", time: daypart, start: i, end, background: false });
      i = end - 1;
      continue;
    }
    if (w.kind === "relative" || w.kind === "approx") {
      const date = pub ? iso(new Date(pub.getTime() + Number(w.value) * DAY)) : null;
      out.push({ date, precision: w.kind === "relative" ? "day" : "approximate", time: daypart, start: i, end, background: false });
      i = end - 1;
    }
  }
  // a part of the day written after its day ("السبت مساء") belongs to it
  if (daypart) for (const d of out) d.time ??= daypart;
  return out;
}
