/** A small bar chart of events over time (actor and place pages): by day over a short span, else by month. */
import { h } from "./dom.js";
import { dayOf } from "./period.js";

const SVG = "http://www.w3.org/2000/svg";
/** Spans longer than this many days are drawn by month. */
const DAILY_UP_TO = 120;

export function histogram(days: Array<{ date: string; n: number }>, label: string): HTMLElement {
  const box = h("figure", { class: "histogram" });
  if (!days.length) return box;
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : 1));
  const span = dayOf(sorted[sorted.length - 1].date) - dayOf(sorted[0].date);
  const bins = new Map<string, number>();
  for (const d of sorted) {
    const key = span > DAILY_UP_TO ? d.date.slice(0, 7) : d.date;
    bins.set(key, (bins.get(key) ?? 0) + d.n);
  }
  const entries = [...bins.entries()];
  const max = Math.max(...entries.map((e) => e[1]));
  const w = 300, hgt = 60, bw = w / entries.length;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${w} ${hgt}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${label}: ${entries[0][0]} — ${entries[entries.length - 1][0]}`);
  entries.forEach(([key, n], k) => {
    const r = document.createElementNS(SVG, "rect");
    const bh = Math.max(1, (n / max) * (hgt - 4));
    r.setAttribute("x", String(k * bw));
    r.setAttribute("y", String(hgt - bh));
    r.setAttribute("width", String(Math.max(0.5, bw - (bw > 3 ? 1 : 0))));
    r.setAttribute("height", String(bh));
    r.setAttribute("class", "bar");
    const title = document.createElementNS(SVG, "title");
    title.textContent = `${key}: ${n}`;
    r.append(title);
    svg.append(r);
  });
  box.append(svg, h("figcaption", { class: "muted", dir: "ltr" }, `${entries[0][0]} — ${entries[entries.length - 1][0]}`));
  return box;
}
