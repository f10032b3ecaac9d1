/**
 * Hijri dates to Gregorian ones. Saudi and Gulf news dates by the Umm al-Qura calendar ("3 شوال 1436 هـ"):
 * the arithmetic (tabular) calendar gives a first guess within two days, and ICU's islamic-umalqura
 * calendar, which Node ships, confirms the exact day around it.
 */
const DAY = 86_400_000;

// made on first use: building ICU's calendar costs tens of milliseconds, and most articles date nothing by Hijri
let umalqura: Intl.DateTimeFormat | undefined;
const calendar = (): Intl.DateTimeFormat => (umalqura ??= new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", { timeZone: "UTC", day: "numeric", month: "numeric", year: "numeric" }));

function hijriOf(ms: number): [number, number, number] {
  const parts = calendar().formatToParts(new Date(ms));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value.replace(/\D/g, "") ?? NaN);
  return [get("year"), get("month"), get("day")];
}

/** Days from 1970-01-01 of the tabular Hijri date (civil epoch 16 July 622). */
function tabular(y: number, m: number, d: number): number {
  const jdn = d + Math.ceil(29.5 * (m - 1)) + (y - 1) * 354 + Math.floor((3 + 11 * y) / 30) + 1948439 - 1;
  return jdn - 2440588;
}

/** The Gregorian date (YYYY-MM-DD) of Hijri year y, month m (1–12), day d; null when out of range. */
export function hijriToGregorian(y: number, m: number, d: number): string | null {
  if (!(y >= 1300 && y <= 1600 && m >= 1 && m <= 12 && d >= 1 && d <= 30)) return null;
  const guess = tabular(y, m, d) * DAY;
  for (const off of [0, -1, 1, -2, 2, -3, 3]) {
    const ms = guess + off * DAY;
    const [hy, hm, hd] = hijriOf(ms);
    if (hy === y && hm === m && hd === d) return new Date(ms).toISOString().slice(0, 10);
  }
  // day 30 of a 29-day month, or outside ICU's range: the tabular date
  return new Date(guess).toISOString().slice(0, 10);
}

/** The Hijri year in which a Gregorian date (YYYY-MM-DD) falls. */
export function hijriYearOf(iso: string): number {
  return hijriOf(Date.parse(`${iso}T00:00:00Z`))[0];
}
