/**
 * The timeline: events per day as bars, with a brush — drag across the bars to choose a date range;
 * a click outside the selection clears it. The range filters the map and the list.
 */
const SVG = "http://www.w3.org/2000/svg";
const HEIGHT = 90;
const PAD = 18;

export class Timeline {
  private days: Array<{ date: string; n: number }> = [];
  private range: [string, string] | null = null;
  private readonly svg: SVGSVGElement;

  constructor(private readonly el: HTMLElement, private readonly onRange: (range: [string, string] | null) => void) {
    this.svg = document.createElementNS(SVG, "svg");
    this.svg.setAttribute("height", String(HEIGHT));
    this.svg.setAttribute("id", "timeline-svg");
    el.append(this.svg);
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
      if (b - a < 3) {
        this.range = null;
        this.render();
        this.onRange(null);
        return;
      }
      this.range = [this.dateAt(a), this.dateAt(b)];
      this.render();
      this.onRange(this.range);
    });
    // redraw when the width really changes (not for the height, and never in a loop with our own drawing)
    let lastWidth = 0;
    new ResizeObserver(() => {
      if (this.width !== lastWidth) {
        lastWidth = this.width;
        this.render();
      }
    }).observe(el);
  }

  set(days: Array<{ date: string; n: number }>): void {
    this.days = days;
    this.render();
  }

  get selected(): [string, string] | null {
    return this.range;
  }

  private get width(): number {
    const style = getComputedStyle(this.el);
    return Math.max(200, Math.floor(this.el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)));
  }

  /** The days shown, oldest on the left whatever the page's direction. */
  private span(): [number, number] {
    if (!this.days.length) return [0, 1];
    return [Date.parse(this.days[0].date), Date.parse(this.days[this.days.length - 1].date) + 86_400_000];
  }

  private xOf(date: string): number {
    const [a, b] = this.span();
    return PAD + ((Date.parse(date) - a) / (b - a)) * (this.width - 2 * PAD);
  }

  private dateAt(x: number): string {
    const [a, b] = this.span();
    const t = a + ((x - PAD) / (this.width - 2 * PAD)) * (b - a);
    return new Date(Math.min(Math.max(t, a), b - 1)).toISOString().slice(0, 10);
  }

  private render(): void {
    const w = this.width;
    this.svg.setAttribute("width", String(w));
    this.svg.replaceChildren();
    const max = Math.max(1, ...this.days.map((d) => d.n));
    const [a, b] = this.span();
    const barW = Math.max(1, ((w - 2 * PAD) * 86_400_000) / (b - a) - 1);
    for (const d of this.days) {
      const h = Math.max(1, ((HEIGHT - 2 * PAD) * d.n) / max);
      const r = document.createElementNS(SVG, "rect");
      r.setAttribute("x", String(this.xOf(d.date)));
      r.setAttribute("y", String(HEIGHT - PAD - h));
      r.setAttribute("width", String(barW));
      r.setAttribute("height", String(h));
      const inRange = !this.range || (d.date >= this.range[0] && d.date <= this.range[1]);
      r.setAttribute("class", inRange ? "bar" : "bar out");
      const title = document.createElementNS(SVG, "title");
      title.textContent = `${d.date}: ${d.n}`;
      r.append(title);
      this.svg.append(r);
    }
    if (this.days.length) {
      for (const [label, x] of [[this.days[0].date, PAD], [this.days[this.days.length - 1].date, w - PAD]] as const) {
        const t = document.createElementNS(SVG, "text");
        t.setAttribute("x", String(x));
        t.setAttribute("y", String(HEIGHT - 3));
        t.setAttribute("text-anchor", x === PAD ? "start" : "end");
        t.textContent = label;
        this.svg.append(t);
      }
    }
    if (this.range) this.drawBrush(this.xOf(this.range[0]), this.xOf(this.range[1]) + barW);
  }

  private drawBrush(x1: number, x2: number): void {
    this.svg.querySelector(".brush")?.remove();
    const r = document.createElementNS(SVG, "rect");
    r.setAttribute("class", "brush");
    r.setAttribute("x", String(Math.min(x1, x2)));
    r.setAttribute("y", "2");
    r.setAttribute("width", String(Math.abs(x2 - x1)));
    r.setAttribute("height", String(HEIGHT - PAD));
    this.svg.append(r);
  }
}
