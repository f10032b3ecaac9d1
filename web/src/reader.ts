/** The article reader: the text with entities, quotes, claims and event triggers highlighted, and a legend. */
import type { Doc } from "./api.js";
import { h, marked } from "./dom.js";
import { nameIn, t, typeLabel } from "./i18n.js";

const ENTITY_CLASS: Record<string, string> = { PER: "e-per", ORG: "e-org", LOC: "e-loc", FAC: "e-fac" };

export function renderArticle(el: HTMLElement, doc: Doc, meta: { title?: string | null; source?: string | null; published?: string | null; url?: string | null }, onBack: () => void): void {
  const marks: Array<{ start: number; end: number; cls: string; title?: string }> = [];
  const named = (x: { name: string; name_en?: string }): string => nameIn(x.name, x.name_en) ?? x.name;
  // a speaker or source that is an entity has the entity's English name
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const who = (s: { name: string; entity: string | null }): string => {
    const e = s.entity ? byId.get(s.entity) : undefined;
    return e && e.name === s.name ? named(e) : s.name;
  };
  for (const e of doc.entities) for (const m of e.mentions) if (m.start >= 0) marks.push({ start: m.start, end: m.end, cls: ENTITY_CLASS[e.type] ?? "e-org", title: `${e.type}: ${named(e)}` });
  for (const q of doc.quotes) marks.push({ start: q.start, end: q.end, cls: "m-quote", title: `${t("quote")} — ${who(q.speaker)}` });
  for (const c of doc.claims) marks.push({ start: c.start, end: c.end, cls: "m-claim", title: `${t("claim")} — ${who(c.source)} (${c.stance})` });
  for (const v of doc.events) for (const m of v.mentions) marks.push({ start: m.start, end: m.end, cls: "m-trigger", title: `${typeLabel(v.type)}${v.place ? ` — ${named(v.place)}` : ""}${v.actor ? ` — ${named(v.actor)}` : ""}` });
  const body = h("div", { class: "article-text", dir: "rtl" });
  for (const p of doc.paragraphs) {
    const inP = marks.filter((m) => m.start < p.end && m.end > p.start).map((m) => ({ ...m, start: Math.max(m.start, p.start) - p.start, end: Math.min(m.end, p.end) - p.start }));
    const tag = p.kind === "title" ? "h2" : p.kind === "subheading" ? "h3" : "p";
    body.append(h(tag, {}, marked(doc.text.slice(p.start, p.end), inP)));
  }
  const legend = h(
    "div",
    { class: "legend" },
    h("strong", {}, `${t("legend")}: `),
    h("span", { class: "e-per" }, t("person")), " ", h("span", { class: "e-org" }, t("organisation")), " ",
    h("span", { class: "e-loc" }, t("location")), " ", h("span", { class: "e-fac" }, t("facility")), " ",
    h("span", { class: "m-quote" }, t("quote")), " ", h("span", { class: "m-claim" }, t("claim")), " ", h("span", { class: "m-trigger" }, t("trigger")),
  );
  const back = h("button", { type: "button", class: "back" }, t("back"));
  back.addEventListener("click", onBack);
  const about = h("div", { class: "muted" }, [meta.source, meta.published].filter(Boolean).join(" · "));
  if (meta.url && /^https?:\/\//.test(meta.url)) about.append(" ", h("a", { href: meta.url, rel: "noopener noreferrer", target: "_blank" }, "↗"));
  const summary = h("ul", { class: "summary" });
  for (const v of doc.events) summary.append(h("li", {}, `${typeLabel(v.type)} — ${v.place ? named(v.place) : ""}${v.actor ? ` — ${named(v.actor)}` : ""}${v.date ? ` — ${v.date}` : ""}`));
  el.replaceChildren(back, about, legend, body, summary);
  el.classList.add("reader");
}
