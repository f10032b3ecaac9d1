/**
 * Dates as day numbers and the data's robust period: the days most events fall in, so that a few
 * misdated outliers (an event placed in 1906) do not stretch the timeline's axis over a century.
 * Pure functions, tested in test/web/period.test.ts.
 */

export const DAY = 86_400_000;

/** Share of the events left out at each end when the period is measured. */
export const OUTLIER_SHARE = 0.01;

export const dayOf = (date: string): number => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
export const dateOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * The first and last day of the period that holds all events but the `share` earliest and `share` latest
 * (at least the first and last day when there are few events). `days` need not be sorted.
 */
export function robustPeriod(days: ReadonlyArray<{ date: string; n: number }>, share = OUTLIER_SHARE): [string, string] | null {
  const sorted = days.filter((d) => d.n > 0).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (!sorted.length) return null;
  const total = sorted.reduce((s, d) => s + d.n, 0);
  const cut = Math.floor(total * share);
  let seen = 0;
  let first = sorted[0].date;
  for (const d of sorted) {
    seen += d.n;
    if (seen > cut) {
      first = d.date;
      break;
    }
  }
  seen = 0;
  let last = sorted[sorted.length - 1].date;
  for (let k = sorted.length - 1; k >= 0; k--) {
    seen += sorted[k].n;
    if (seen > cut) {
      last = sorted[k].date;
      break;
    }
  }
  return [first, last];
}

/**
 * Days grouped into bins of `size` days, counted: what the timeline draws when a day would be narrower
 * than a pixel. Each bin is named by its first day.
 */
export function binDays(days: ReadonlyArray<{ date: string; n: number }>, from: number, to: number, size: number): Array<{ start: number; n: number }> {
  const bins = new Map<number, number>();
  for (const d of days) {
    const day = dayOf(d.date);
    if (day < from || day > to) continue;
    const start = from + Math.floor((day - from) / size) * size;
    bins.set(start, (bins.get(start) ?? 0) + d.n);
  }
  return [...bins.entries()].map(([start, n]) => ({ start, n })).sort((a, b) => a.start - b.start);
}

/** A window of days zoomed by `factor` (< 1 zooms in) around `at`, kept at least `minDays` wide. */
export function zoomWindow(win: [number, number], factor: number, at: number, minDays = 7): [number, number] {
  const width = Math.max(minDays, (win[1] - win[0]) * factor);
  const share = win[1] > win[0] ? (at - win[0]) / (win[1] - win[0]) : 0.5;
  const start = Math.round(at - share * width);
  return [start, start + Math.round(width)];
}
