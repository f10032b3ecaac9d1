/**
 * A plain reading of HTML for pages the DOM cannot serve: text that is not HTML at all, a page whose
 * nesting is too deep for the DOM library and Readability (both recurse over the tree, and Readability
 * slows quadratically with depth), or a page that makes them throw. One linear scan, no DOM, no
 * recursion: scripts and styles are dropped, block tags become line breaks, entities are decoded.
 */

/** Tags whose content is never article text. */
const DROP_CONTENT = new Set(["script", "style", "noscript", "template", "svg", "head", "nav", "footer", "aside", "form", "button", "iframe", "select"]);
/** Tags that end a line of text. */
const BLOCK = new Set(["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "section", "article", "blockquote", "pre", "dd", "dt", "header", "main", "figcaption", "title", "hr"]);
/** Elements that have no end tag, or whose end tag is optional: they do not deepen the tree. */
const NO_DEPTH = new Set(["br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr", "param", "p", "li", "td", "th", "tr", "dt", "dd", "option", "!doctype"]);

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", laquo: "«", raquo: "»", hellip: "…", ndash: "–", mdash: "—", rlm: "\u200f", lrm: "\u200e", zwnj: "\u200c", zwj: "\u200d" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (all, e: string) => {
    if (e[0] !== "#") return NAMED[e.toLowerCase()] ?? all;
    const n = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : "\ufffd";
  });
}

const tagName = (html: string, at: number): string => {
  let k = at + 1;
  if (html[k] === "/") k++;
  const start = k;
  while (k < html.length && k - start < 20 && /[A-Za-z0-9!:-]/.test(html[k])) k++;
  return html.slice(start, k).toLowerCase();
};

/** The deepest nesting of elements, counted in one pass over the tags (void and optional-end elements left out). */
export function nestingDepth(html: string, stopAt = Infinity): number {
  let depth = 0, max = 0;
  for (let i = html.indexOf("<"); i >= 0 && i < html.length; i = html.indexOf("<", i + 1)) {
    const close = html[i + 1] === "/";
    const name = tagName(html, i);
    if (!name || NO_DEPTH.has(name) || name.startsWith("!")) continue;
    const end = html.indexOf(">", i);
    if (end < 0) break;
    if (html[end - 1] === "/") continue; // <x/>
    if (close) depth = Math.max(0, depth - 1);
    else if (++depth > max && (max = depth) >= stopAt) return max;
  }
  return max;
}

/** The text of an HTML page, block tags as line breaks, without DOM. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const lower = html.toLowerCase();
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, lt));
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const name = tagName(html, lt);
    const gt = html.indexOf(">", lt);
    if (!name || gt < 0) {
      // a lone "<" in text
      out.push("<");
      i = lt + 1;
      continue;
    }
    i = gt + 1;
    if (html[lt + 1] !== "/" && DROP_CONTENT.has(name)) {
      const end = lower.indexOf(`</${name}`, i);
      i = end < 0 ? html.length : Math.max(i, html.indexOf(">", end) + 1 || html.length);
      out.push("\n");
      continue;
    }
    if (BLOCK.has(name)) out.push("\n");
    else out.push(" ");
  }
  return decodeEntities(out.join(""))
    .replace(/[ \t\u00a0\r]+/g, " ")
    .replace(/ *\n */g, "\n");
}
