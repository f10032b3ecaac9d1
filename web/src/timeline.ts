/**
 * The timeline: events per day over the data's robust period (period.ts), with a brush — drag across the
 * bars to choose a date range, a click clears it — zoom (the wheel at the pointer, the buttons) down to
 * single days, date inputs for the range, and a line saying which period the data covers. The chart is
 * drawn oldest on the left whatever the page's direction; the inputs and buttons work by keyboard.
 */
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { binDays, dateOf, dayOf, robustPeriod, zoomWindow } from "./period.js";

const SVG = "http://www.w3.org/2000/svg";
const HEIGHT = 64;
const PAD = 18;
/** Narrowest bar, in pixels: below it days are grouped. */
const MIN_BAR_PX = 2;

type Range = [string, string] | null;
type ButtonKey = "zoomIn" | "zoomOut" | "wholePeriod" | "clearDates";

export class Timeline {
  private days: Array<{ date: string; n: number }> = [];
  private range: Range = null;
  /** The days on screen, [first, last + 1). */
  private win: [number, number] | null = null;
  private period: [string, string] | null = null;
  private readonly svg: SVGSVGElement;
  private readonly chart: HTMLElement;
  private readonly from = h("input", { id: "f-from", type: "date" });
  private readonly to = h("input", { id: "f-to", type: "date" });
  private readonly coverage = h("span", { id: "coverage", class: "muted" });
  /** The buttons, with their label's key and whether the label is their text (else a sign: + −). */
  private readonly buttons: Array<{ el: HTMLButtonElement; key: ButtonKey; text: boolean }> = [];

  constructor(el: HTMLElement, private readonly onRange: (range: Range) => void) {
    this.svg = document.createElementNS(SVG, "svg");
    this.svg.setAttribute("height", String(HEIGHT));
    this.svg.setAttribute("id", "timeline-svg");
    this.svg.setAttribute("role", "img");
    this.chart = h("div", { class: "chart" });
    this.chart.append(this.svg);
    el.append(this.toolbar(), this.chart);
    this.bindPointer();
    // redraw when the width really changes (not for the height, and never in a loop with our own drawing)
    let lastWidth = 0;
    new ResizeObserver(() => {
      if (this.width !== lastWidth) {
        lastWidth = this.width;
        this.render();
      }
    }).observe(this.chart);
  }

  private toolbar(): HTMLElement {
    const button = (key: ButtonKey, act: () => void, sign?: string): HTMLButtonElement => {
      const b = h("button", { type: "button" }, sign ?? t(key));
      if (sign) b.setAttribute("aria-label", t(key));
      b.title = t(key);
      b.addEventListener("click", act);
      this.buttons.push({ el: b, key, text: !sign });
      return b;
    };
    const dateChanged = (): void => {
      const a = this.from.value, b = this.to.value;
      if (!a && !b) return this.choose(null);
      if (!a || !b) return; // wait for the other end
      this.choose(a <= b ? [a, b] : [b, a], true);
    };
    this.from.addEventListener("change", dateChanged);
    this.to.addEventListener("change", dateChanged);
    return h(
      "div",
      { class: "toolbar" },
      h("label", {}, h("span", { "data-i18n": "from" }, t("from")), " ", this.from),
      h("label", {}, h("span", { "data-i18n": "to" }, t("to")), " ", this.to),
      button("clearDates", () => this.choose(null)),
      button("zoomIn", () => this.zoom(0.5), "+"),
      button("zoomOut", () => this.zoom(2), "−"),
      button("wholePeriod", () => this.fit()),
      this.coverage,
    );
  }

  private bindPointer(): void {
    let from: number | null = null;
    const x = (ev: PointerEvent): number => ev.clientX - this.svg.getBoundingClientRect().left;
    this.svg.addEventListener("pointerdown", (ev) => {
      from = x(ev);
      this.svg.setPointerCapture(ev.pointerId);
    });
    this.svg.addEventListener("pointermove", (ev) => {
      if (from !== null) this.drawBrush(from, x(ev));
    });
    this.svg.addEventListener("pointerup", (ev) => {
      if (from === null) return;
      const to = x(ev);
      const a = Math.min(from, to), b = Math.max(from, to);
      from = null;
      this.choose(b - a < 3 ? null : [dateOf(this.dayAt(a)), dateOf(this.dayAt(b))]);
    });
    this.svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      this.zoom(ev.deltaY < 0 ? 0.7 : 1 / 0.7, this.dayAt(x(ev as unknown as PointerEvent)));
    }, { passive: false });
  }

  /**
   * The events per day of the filters, and the period the data covers (from the API, or measured here
   * from the days). The window is set to the period the first time, then kept.
   */
  set(days: Array<{ date: string; n: number }>, period?: [string, string] | null): void {
    this.days = days;
    this.period = period ?? robustPeriod(days);
    if (!this.win) this.fit(false);
    const total = days.reduce((s, d) => s + d.n, 0);
    this.coverage.textContent = this.period ? `${t("coverage")} ${this.period[0]} — ${this.period[1]} · ${total} ${t("events")}` : t("noEvents");
    this.render();
  }

  /** Sets the chosen range without telling the app (it comes from the app: the address, Back). */
  setRange(range: Range): void {
    this.range = range;
    this.from.value = range?.[0] ?? "";
    this.to.value = range?.[1] ?? "";
    if (range && this.win && (dayOf(range[0]) < this.win[0] || dayOf(range[1]) >= this.win[1])) this.show(range);
    this.render();
  }

  get selected(): Range {
    return this.range;
  }

  /** Relabels the buttons and the coverage line after a language switch. */
  relabel(): void {
    for (const { el, key, text } of this.buttons) {
      el.title = t(key);
      if (text) el.textContent = t(key);
      else el.setAttribute("aria-label", t(key));
    }
    this.chart.parentElement!.querySelectorAll<HTMLElement>("[data-i18n]").forEach((e) => (e.textContent = t(e.dataset.i18n as "from")));
    this.set(this.days, this.period);
  }

  private choose(range: Range, zoomTo = false): void {
    this.setRange(range);
    if (range && zoomTo) this.show(range);
    this.render();
    this.onRange(range);
  }

  /** Shows the days of `range`, with a margin. */
  private show(range: [string, string]): void {
    const a = dayOf(range[0]), b = dayOf(range[1]) + 1;
    const margin = Math.max(2, Math.round((b - a) * 0.1));
    this.win = [a - margin, b + margin];
  }

  private fit(draw = true): void {
    if (this.period) this.show(this.period);
    else this.win = null;
    if (draw) this.render();
  }

  private zoom(factor: number, at?: number): void {
    if (!this.win) return;
    this.win = zoomWindow(this.win, factor, at ?? (this.win[0] + this.win[1]) / 2);
    this.render();
  }

  private get width(): number {
    return Math.max(200, Math.floor(this.chart.clientWidth));
  }

  private get span(): [number, number] {
    return this.win ?? [0, 1];
  }

  private xOf(day: number): number {
    const [a, b] = this.span;
    return PAD + ((day - a) / (b - a)) * (this.width - 2 * PAD);
  }

  private dayAt(x: number): number {
    const [a, b] = this.span;
    const d = a + ((x - PAD) / (this.width - 2 * PAD)) * (b - a);
    return Math.floor(Math.min(Math.max(d, a), b - 1));
  }

  private render(): void {
    const w = this.width;
    this.svg.setAttribute("width", String(w));
    this.svg.setAttribute("aria-label", `${t("timeline")}: ${this.coverage.textContent ?? ""}`);
    this.svg.replaceChildren();
    if (!this.win || !this.days.length) return;
    const [a, b] = this.win;
    const pxPerDay = (w - 2 * PAD) / (b - a);
    const size = Math.max(1, Math.ceil(MIN_BAR_PX / pxPerDay));
    const bins = binDays(this.days, a, b - 1, size);
    const max = Math.max(1, ...bins.map((d) => d.n));
    const barW = Math.max(1, pxPerDay * size - (pxPerDay * size > 4 ? 1 : 0));
    const range = this.range ? [dayOf(this.range[0]), dayOf(this.range[1])] : null;
    for (const bin of bins) {
      const hgt = Math.max(1, ((HEIGHT - 2 * PAD + 10) * bin.n) / max);
      const r = this.shape("rect", { x: this.xOf(bin.start), y: HEIGHT - PAD - hgt, width: barW, height: hgt });
      const inRange = !range || (bin.start + size - 1 >= range[0] && bin.start <= range[1]);
      r.setAttribute("class", inRange ? "bar" : "bar out");
      const title = document.createElementNS(SVG, "title");
      title.textContent = size === 1 ? `${dateOf(bin.start)}: ${bin.n}` : `${dateOf(bin.start)} — ${dateOf(bin.start + size - 1)}: ${bin.n}`;
      r.append(title);
      this.svg.append(r);
    }
    const ticks = Math.max(2, Math.min(6, Math.floor(w / 140)));
    for (let k = 0; k < ticks; k++) {
      const day = Math.round(a + ((b - 1 - a) * k) / (ticks - 1));
      const x = this.xOf(day);
      const label = this.shape("text", { x, y: HEIGHT - 3 });
      label.setAttribute("text-anchor", k === 0 ? "start" : k === ticks - 1 ? "end" : "middle");
      label.textContent = dateOf(day);
      this.svg.append(label);
    }
    if (range) this.drawBrush(this.xOf(range[0]), this.xOf(range[1] + 1));
  }

  private shape(tag: "rect" | "text", attrs: Record<string, number>): SVGElement {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    return e;
  }

  private drawBrush(x1: number, x2: number): void {
    this.svg.querySelector(".brush")?.remove();
    const r = this.shape("rect", { x: Math.min(x1, x2), y: 2, width: Math.abs(x2 - x1), height: HEIGHT - PAD });
    r.setAttribute("class", "brush");
    this.svg.append(r);
  }
}
