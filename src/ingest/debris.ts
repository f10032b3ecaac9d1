/** Removal of page and scraper debris ("Exit mobile version", share and related links, cookie notices). */
import type { IngestResources } from "./resources.js";

/** True when a whole line or block is debris. */
export function isDebris(line: string, res: IngestResources): boolean {
  const t = line.trim();
  if (!t) return true;
  return res.debrisLines.some((re) => re.test(t));
}

/** The paragraph with any trailing debris cut off ("… رابط الخبر بصحيفة الوئام: …"). */
export function cutDebrisTail(paragraph: string, res: IngestResources): string {
  const m = res.debrisTail?.exec(paragraph);
  return m ? paragraph.slice(0, m.index).trimEnd() : paragraph;
}
