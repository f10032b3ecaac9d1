/**
 * Dates read from pages, feeds and corpora: only real calendar dates as YYYY-MM-DD pass. A page may
 * claim 2024-02-30 or a year of 10000; such a date is dropped (null), never copied into the document.
 */

/** Years a page's own date may have; anything outside is a typo or a hostile page. */
const MIN_YEAR = 1800;
const MAX_YEAR = 2200;

/** True for a real date written YYYY-MM-DD (2024-02-29 yes, 2023-02-29, 2024-13-01 and 0000-01-01 no). */
export function isValidDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const last = new Date(Date.UTC(2000, mo, 0)); // month lengths of a leap year …
  last.setUTCFullYear(y, mo, 0); // … then of the year itself (setUTCFullYear keeps years below 100)
  return d <= last.getUTCDate();
}

/** A real date within the years news can mean (1800–2200): page dates, --published, API dates. */
export const plausible = (s: string): boolean => isValidDate(s) && Number(s.slice(0, 4)) >= MIN_YEAR && Number(s.slice(0, 4)) <= MAX_YEAR;

/** YYYY-MM-DD from an ISO-like date ("2024-12-07T10:00:00Z"), or null when there is none or it is not a real date. */
export function isoDate(s: unknown): string | null {
  if (typeof s !== "string") return null;
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(s.slice(0, 200));
  const d = m ? `${m[1]}-${m[2]}-${m[3]}` : null;
  return d && plausible(d) ? d : null;
}

/** The date of a timestamp (ms) as YYYY-MM-DD, or null when it is not a real, plausible date. */
export function dateOfTime(t: number): string | null {
  if (!Number.isFinite(t)) return null;
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return null;
  const s = d.toISOString().slice(0, 10);
  return plausible(s) ? s : null;
}
