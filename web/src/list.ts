/** The event list: one page of the events of the filters (in the map's view when it follows the map), with a pager. */
import type { EventItem, Page } from "./api.js";
import { badge } from "./badge.js";
import { h } from "./dom.js";
import { nameIn, t } from "./i18n.js";
import { link, type Nav } from "./nav.js";

export const PAGE_SIZE = 50;

export interface ListControls {
  page: number;
  follow: boolean;
  onPage(page: number): void;
  onFollow(on: boolean): void;
}

export function renderList(el: HTMLElement, result: Page<EventItem>, nav: Nav, c: ListControls): void {
  const first = c.page * PAGE_SIZE;
  const follow = h("input", { type: "checkbox", id: "follow-map" });
  follow.checked = c.follow;
  follow.addEventListener("change", () => c.onFollow(follow.checked));
  const head = h(
    "div",
    { class: "list-head" },
    h("h2", { class: "count", id: "list-title" }, `${result.total} ${t("events")}`),
    h("label", {}, follow, " ", t("followMap")),
  );
  el.replaceChildren(head);
  if (!result.items.length) return void el.append(h("p", {}, t("noEvents")));
  const ul = h("ul", { class: "events", "aria-labelledby": "list-title" });
  for (const e of result.items) {
    const actor = nameIn(e.actor, e.actor_en);
    const facts = [e.date ?? "", e.fatalities ? `${e.fatalities} ${t("fatalities")}` : "", e.corroboration > 1 ? `${e.corroboration} ${t("outlets")}` : ""].filter(Boolean).join(" · ");
    const a = link(nav, { kind: "event", id: e.id }, badge(e.type), " ", h("strong", { class: "name" }, nameIn(e.place, e.place_en) ?? ""), " ", h("span", { class: "muted" }, facts));
    ul.append(h("li", { "data-event": String(e.id) }, a, actor ? h("div", { class: "muted name" }, actor) : null));
  }
  el.append(ul, pager(result.total, first, result.items.length, c));
}

function pager(total: number, first: number, shown: number, c: ListControls): HTMLElement {
  const prev = h("button", { type: "button", class: "prev" }, t("previous"));
  const next = h("button", { type: "button", class: "next" }, t("next"));
  prev.disabled = c.page === 0;
  next.disabled = first + shown >= total;
  prev.addEventListener("click", () => c.onPage(c.page - 1));
  next.addEventListener("click", () => c.onPage(c.page + 1));
  return h("nav", { class: "pager", "aria-label": t("eventList") }, prev, h("span", { class: "range" }, `${first + 1}–${first + shown} ${t("of")} ${total}`), next);
}
