/**
 * Date expressions in a sentence, resolved against the publication date: explicit dates with
 * standard, Levantine and Maghrebi month names ("17 يوليو تموز", "7 كانون الأول/ديسمبر 2024"), a month
 * and year, a year ("عام 2011"), weekdays ("السبت", "مساء الخميس" → the latest such day on or before
 * publication), relative days ("أمس", "اليوم", "الليلة الماضية"), approximate ones ("قبل أيام",
 * "الشهر الماضي" as last calendar month, "العام الماضي" as last year), months with الماضي/المقبل
 * ("سبتمبر الماضي"), Hijri dates ("3 شوال 1436 هـ", converted; the Hijri date kept) and day ranges
 * ("بين 10 و15 يوليو": the first day, the last in `until`). A month or a day written without its year is
 * the latest one on or before the publication date. Without a publication date, only explicit dates
 * resolve; the rest stay null.
 */
import type { Token } from "../document.js";
import { tokenKey } from "../text/keys.js";
import { hijriToGregorian, hijriYearOf } from "./hijri.js";
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
  /** The last day of a range ("بين 10 و15 يوليو"), else null. */
  until?: string | null;
  /** The Hijri date as written, YYYY-MM-DD in the Hijri calendar (month precision: day 01), for Hijri dates. */
  hijri?: string | null;
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
  const single = lex.timeOf.get(t);
  // phrases first ("كانون الأول", "الليلة الماضية", "أول أمس", "قبل أيام")
  let node = lex.timePhrases.mayStart(t) ? (lex.timePhrases.start(tokenKey(t)) ?? lex.timePhrases.start(t.norm) ?? lex.timePhrases.start(t.stem)) : undefined;
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
  const w = single;
  return w ? { w, end: k + 1 } : null;
}

/** A year standing alone: opening its sentence before a dash or colon, or after في. */
const YEAR_MARKS = new Set(["-", "–", "—", ":"]);
function bareYear(tokens: Token[], i: number, from: number): boolean {
  if (isYear(tokens[i]) === null) return false;
  const next = tokens[i + 1];
  if (i === from && next?.kind === "punct" && YEAR_MARKS.has(next.norm)) return true;
  return i > from && tokens[i - 1].kind === "word" && tokens[i - 1].norm === "في";
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
    // "17 يوليو (تموز) 2015", "7 كانون الأول/ديسمبر 2024", "3 شوال 1436 هـ", "بين 10 و15 يوليو"
    if (t.kind === "number") {
      const d = dayDate(tokens, i, to, pub, lex, daypart);
      if (d) {
        out.push(d);
        i = d.end - 1;
      } else if (bareYear(tokens, i, from)) {
        // "1943 - الحلفاء يشنون غارات …" (a chronicle's line), "في 2014": a year without عام
        const y = isYear(t)!;
        out.push({ date: `${y}-01-01`, precision: "year", time: null, start: i, end: i + 1, background: !pub || y < pub.getUTCFullYear() });
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
    if (w.kind === "month" || (w.kind === "hijri_month" && (isHijriYear(tokens[end]) || isYear(tokens[end])))) {
      out.push(monthDate(tokens, i, to, pub, lex, w, end));
      i = out[out.length - 1].end - 1;
      continue;
    }
    if (w.kind === "weekday") {
      // "صلاة الجمعة", "خطبة الجمعة": the prayer's name, not a date ("خلال صلاة الجمعة في 26 يونيو")
      if (i > 0 && PRAYER_WORDS.has(tokens[i - 1].stem)) {
        i = end - 1;
        continue;
      }
      // "الجمعة 31 يوليو": the date written after the weekday says which Friday
      if (end < to && tokens[end].kind === "number" && dayDate(tokens, end, to, pub, lex, daypart)) {
        i = end - 1;
        continue;
      }
      let date: string | null = null;
      if (pub) {
        const back = (pub.getUTCDay() - Number(w.value) + 7) % 7;
        date = iso(new Date(pub.getTime() - back * DAY));
      }
      out.push({ date, precision: "day", time: daypart, start: i, end, background: false });
      i = end - 1;
      continue;
    }
    if (w.kind === "relative") {
      let at = pub ? new Date(pub.getTime() + Number(w.value) * DAY) : null;
      let last = end;
      // "اليوم الخميس" in a paper dated Saturday: a weekday right after says which day, when it lies at
      // most WEEKDAY_SLACK days before the one counted from publication (the text was written earlier)
      const named = end < to ? timeWord(tokens, end, to, lex) : null;
      if (named?.w.kind === "weekday") {
        last = named.end;
        const back = at ? (at.getUTCDay() - Number(named.w.value) + 7) % 7 : 0;
        if (at && back <= WEEKDAY_SLACK) at = new Date(at.getTime() - back * DAY);
      }
      out.push({ date: at ? iso(at) : null, precision: "day", time: daypart, start: i, end: last, background: false });
      i = last - 1;
    }
    if (w.kind === "approx") {
      out.push({ ...approxDate(w.value, pub), time: daypart, start: i, end });
      i = end - 1;
    }
  }
  // a part of the day written after its day ("السبت مساء") belongs to it
  if (daypart) for (const d of out) d.time ??= daypart;
  return out;
}

/**
 * How many days before the day counted from publication a named weekday may move it ("اليوم الخميس" in
 * a paper dated Saturday, "اليوم الاثنين" in Friday's): the weekday was written when the text was, so
 * within a few days it says which day (further off, the day counted stands: a slip of the pen).
 */
const WEEKDAY_SLACK = 4;
/** Words before a weekday that make it the name of a prayer or a sermon. */
const PRAYER_WORDS = new Set(["صلاه", "خطبه", "صلوات", "خطب"]);

const isHijriYear = (t: Token | undefined): number | null => {
  if (!t || t.kind !== "number") return null;
  const v = digitsValue(t.norm);
  return v !== null && Number.isInteger(v) && v >= 1300 && v <= 1600 ? v : null;
};

/** A year after a month (Gregorian or Hijri, as the month is), and the era mark after a Hijri one. */
function yearAfter(tokens: Token[], k: number, to: number, lex: EventLexicon, hijri: boolean): { year: number; end: number } | null {
  const year = hijri ? isHijriYear(tokens[k]) : isYear(tokens[k]);
  if (year === null) return null;
  const era = k + 1 < to ? timeWord(tokens, k + 1, to, lex) : null;
  return { year, end: era?.w.kind === "hijri_era" ? era.end : k + 1 };
}

/** "الماضي"/"المقبل" after a month: its direction, and the token after it. */
function qualifier(tokens: Token[], k: number, to: number, lex: EventLexicon): { dir: -1 | 1; end: number } | null {
  if (k >= to) return null;
  const q = timeWord(tokens, k, to, lex);
  return q?.w.kind === "month_past" ? { dir: -1, end: q.end } : q?.w.kind === "month_next" ? { dir: 1, end: q.end } : null;
}

/**
 * The year of a month written without one: the latest such month on or before publication, or, with
 * الماضي, the latest strictly before the publication month; with المقبل, the next after it.
 */
function yearOfMonth(m: number, pub: Date, dir: -1 | 0 | 1): number {
  const y = pub.getUTCFullYear();
  const pm = pub.getUTCMonth() + 1;
  if (dir === 1) return m > pm ? y : y + 1;
  if (dir === -1) return m < pm ? y : y - 1;
  return m <= pm ? y : y - 1;
}

/** A day number followed by a month: "17 يوليو 2015", "3 شوال 1436 هـ", "بين 10 و15 يوليو". */
function dayDate(tokens: Token[], i: number, to: number, pub: Date | null, lex: EventLexicon, daypart: string | null): DateExpr | null {
  const day = digitsValue(tokens[i].norm);
  if (day === null || !Number.isInteger(day) || day < 1 || day > 31) return null;
  // a range: "10 - 15 يوليو", "10 و15 يوليو", "10 إلى 15 يوليو"
  let last: number | null = null;
  let k = i + 1;
  const sep = tokens[k];
  if (sep && (sep.norm === "-" || sep.norm === "الي" || sep.norm === "و" || sep.norm === "حتي") && tokens[k + 1]?.kind === "number") k++;
  if (k > i + 1 || (sep?.kind === "number" && sep.pro === "و")) {
    const n = digitsValue(tokens[k].norm);
    if (n !== null && Number.isInteger(n) && n > day && n <= 31) {
      last = n;
      k++;
    } else k = i + 1;
  }
  const month = timeWord(tokens, k, to, lex);
  if (!month || (month.w.kind !== "month" && month.w.kind !== "hijri_month")) return null;
  const hijri = month.w.kind === "hijri_month";
  let end = month.end;
  // a second name for the same month ("يوليو تموز", "كانون الأول/ديسمبر", "أغسطس (آب)")
  while (!hijri && end < to) {
    const tw = timeWord(tokens, end, to, lex);
    if (tw?.w.kind === "month") end = tw.end;
    else if (tokens[end].kind === "punct" && "/()".includes(tokens[end].norm) && (timeWord(tokens, end + 1, to, lex)?.w.kind === "month" || (tokens[end].norm === ")" && end > month.end))) end++;
    else break;
  }
  const m = Number(month.w.value);
  const yr = yearAfter(tokens, end, to, lex, hijri);
  const q = yr ? null : qualifier(tokens, end, to, lex);
  const stop = yr?.end ?? q?.end ?? end;
  if (hijri) {
    const pubIso = pub ? iso(pub) : null;
    const hy = yr?.year ?? (pubIso ? hijriYearOf(pubIso) : null);
    if (hy === null) return { date: null, precision: "day", time: daypart, start: i, end: stop, background: false };
    let date = hijriToGregorian(hy, m, day);
    // without a year, a Hijri date after publication is last Hijri year's
    if (!yr && date && pub && Date.parse(date) > pub.getTime() + DAY) date = hijriToGregorian(hy - 1, m, day);
    return { date, precision: "day", time: daypart, start: i, end: stop, background: false, until: last ? hijriToGregorian(hy, m, last) : null, hijri: `${hy}-${pad(m)}-${pad(day)}` };
  }
  let y = yr?.year ?? null;
  if (y === null && pub) y = yearOfMonth(m, pub, q?.dir ?? 0);
  return { date: y === null ? null : iso(utc(y, m, day)), precision: "day", time: daypart, start: i, end: stop, background: false, until: last && y !== null ? iso(utc(y, m, last)) : null };
}

/** A month: "أغسطس 2014", "سبتمبر الماضي", "يوليو", "رمضان 1436". */
function monthDate(tokens: Token[], i: number, to: number, pub: Date | null, lex: EventLexicon, w: TimeWord, end: number): DateExpr {
  const m = Number(w.value);
  const hijri = w.kind === "hijri_month";
  let stop = end;
  // a second name for the same month ("تموز/يوليو", "أغسطس (آب)")
  while (!hijri && stop < to && tokens[stop].kind === "punct" && "/()".includes(tokens[stop].norm)) {
    const tw = timeWord(tokens, stop + 1, to, lex);
    if (tw?.w.kind === "month") stop = tw.end;
    else if (tokens[stop].norm === ")") stop++;
    else break;
  }
  const yr = yearAfter(tokens, stop, to, lex, hijri);
  if (hijri) {
    const date = yr ? hijriToGregorian(yr.year, m, 1) : null;
    return { date, precision: "month", time: null, start: i, end: yr?.end ?? stop, background: false, hijri: yr ? `${yr.year}-${pad(m)}-01` : null };
  }
  const q = yr ? null : qualifier(tokens, stop, to, lex);
  const y = yr?.year ?? (pub ? yearOfMonth(m, pub, q?.dir ?? 0) : null);
  return { date: y === null ? null : iso(utc(y, m, 1)), precision: "month", time: null, start: i, end: yr?.end ?? q?.end ?? stop, background: !!(yr && pub && yr.year < pub.getUTCFullYear()) };
}

/** "قبل أيام" (-3 days), "الشهر الماضي" (-1 month: last calendar month), "العام الماضي" (-1 year). */
function approxDate(value: string, pub: Date | null): Pick<DateExpr, "date" | "precision" | "background"> {
  const [n, unit] = value.trim().split(/\s+/);
  const k = Number(n);
  if (!pub || !Number.isFinite(k)) return { date: null, precision: "approximate", background: false };
  const y = pub.getUTCFullYear();
  const m = pub.getUTCMonth();
  if (unit === "year") return { date: `${y + k}-01-01`, precision: "year", background: k < 0 };
  if (unit === "month") return { date: iso(new Date(Date.UTC(y, m + k, 1))), precision: "month", background: false };
  if (unit === "week") return { date: iso(new Date(pub.getTime() + k * 7 * DAY)), precision: "week", background: false };
  return { date: iso(new Date(pub.getTime() + k * DAY)), precision: "approximate", background: false };
}

const pad = (n: number): string => String(n).padStart(2, "0");
