/**
 * An event's place in time, from the date expression that governs it and the publication date:
 *  - the date, its precision and where it came from ("text": a date in the article; "published": none
 *    was written, so the publication date stands in);
 *  - background: the happening ended more than BACKGROUND_DAYS before publication (history, not news);
 *  - future: it starts after publication, so it is reported as planned, and carries no date of its own
 *    (no event is dated after its article; the planned date stays in `planned_date`).
 */
import type { DateExpr } from "./dates.js";

/** Older than this before publication, a happening is background to the article's news. */
const BACKGROUND_DAYS = 31;
const DAY = 86_400_000;

export interface Timing {
  date: string | null;
  precision: string | null;
  source: "text" | "published" | null;
  background: boolean;
  /** A date after publication: the event is planned for it. */
  future: string | null;
}

/** The last day of the period a date expression names. */
function periodEnd(d: DateExpr): number {
  const start = Date.parse(`${d.date}T00:00:00Z`);
  if (d.until) return Date.parse(`${d.until}T00:00:00Z`);
  const s = new Date(start);
  if (d.precision === "year") return Date.UTC(s.getUTCFullYear(), 11, 31);
  if (d.precision === "month") return Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + 1, 0);
  if (d.precision === "week") return start + 6 * DAY;
  return start;
}

export function timingOf(d: DateExpr | null, published: string | null): Timing {
  if (!d?.date) return { date: published, precision: published ? "published" : null, source: published ? "published" : null, background: false, future: null };
  if (!published) return { date: d.date, precision: d.precision, source: "text", background: d.background, future: null };
  const pub = Date.parse(`${published}T00:00:00Z`);
  if (Date.parse(`${d.date}T00:00:00Z`) > pub) return { date: null, precision: null, source: "text", background: false, future: d.date };
  return { date: d.date, precision: d.precision, source: "text", background: d.background || periodEnd(d) < pub - BACKGROUND_DAYS * DAY, future: null };
}
