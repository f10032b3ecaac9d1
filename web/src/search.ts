/** Search hits over the texts, grouped by speaker and by place; each hit opens its article. */
import type { SearchGroup, SearchHit } from "./api.js";
import { h } from "./dom.js";
import { nameIn, t, type LabelKey } from "./i18n.js";
import { backButton, link, type Nav } from "./nav.js";

export function renderSearch(el: HTMLElement, q: string, bySpeaker: SearchGroup[], byPlace: SearchGroup[], hits: SearchHit[], nav: Nav): void {
  el.replaceChildren(backButton(nav, t("back")), h("h2", {}, `${t("search")}: `, h("span", { dir: "auto" }, q)));
  if (!hits.length) return void el.append(h("p", {}, t("nothingFound")));
  el.append(groups("bySpeaker", bySpeaker, nav), groups("byPlace", byPlace, nav));
}

function groups(title: LabelKey, list: SearchGroup[], nav: Nav): HTMLElement {
  const box = h("section", { class: "hit-groups" }, h("h3", {}, t(title)));
  if (!list.length) return box;
  for (const g of list) {
    const ul = h("ul", { class: "hits" });
    for (const x of g.items) {
      ul.append(h("li", {}, h("span", { class: "badge kind" }, x.kind === "quote" ? t("quote") : x.kind === "claim" ? t("claim") : t("articles")), " ", link(nav, { kind: "article", id: x.article }, h("span", { dir: "rtl" }, x.title ?? "")), h("div", { dir: "rtl" }, x.text)));
    }
    box.append(h("details", {}, h("summary", {}, h("strong", { class: "name" }, nameIn(g.name, g.name_en) ?? g.name), ` (${g.n})`), ul));
  }
  return box;
}
