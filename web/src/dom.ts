/** Building elements from text only: article words are always set as text, never parsed as HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string | null | undefined | false>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === "string" ? document.createTextNode(c) : c);
  return el;
}

/** Text with marked stretches: each stretch [start, end) gets its classes; overlaps combine them. */
export function marked(text: string, marks: Array<{ start: number; end: number; cls: string; title?: string }>): DocumentFragment {
  const cuts = new Set([0, text.length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(text.length, m.start)));
    cuts.add(Math.max(0, Math.min(text.length, m.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let k = 0; k + 1 < points.length; k++) {
    const [a, b] = [points[k], points[k + 1]];
    const on = marks.filter((m) => m.start <= a && m.end >= b);
    const words = text.slice(a, b);
    if (!on.length) frag.append(document.createTextNode(words));
    else {
      const span = h("span", { class: on.map((m) => m.cls).join(" ") }, words);
      const title = on.map((m) => m.title).filter(Boolean).join(" · ");
      if (title) span.title = title;
      frag.append(span);
    }
  }
  return frag;
}

/**
 * A tooltip's content as an element holding text: Leaflet takes a string as HTML, and place and actor
 * names come from the web. Text is never parsed.
 */
export const textTip = (text: string): HTMLElement => h("span", {}, text);
