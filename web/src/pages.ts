/**
 * The actor page (its events over time, places, who quotes it, whom it quotes, who speaks about it) and the
 * place page (its events, the changes of control with a legend and a list, who acts there); both end with
 * the quotes about them ranked by speaker, and a button that puts them in the filters of the map.
 */
import type { ActorPage, EventItem, NamedCount, PlacePage, SpeakerQuotes } from "./api.js";
import { badge } from "./badge.js";
import { histogram } from "./chart.js";
import { h } from "./dom.js";
import { nameIn, t, type LabelKey } from "./i18n.js";
import { HOLDER_COLOURS, UNKNOWN_COLOUR } from "./colours.js";
import { backButton, link, type Nav } from "./nav.js";
import { renderSpeakers } from "./quotes.js";

const section = (title: LabelKey, ...body: Array<Node | null>): HTMLElement => h("section", {}, h("h3", {}, t(title)), ...body.filter((x): x is Node => x !== null));

function counted(items: NamedCount[], to?: (x: NamedCount) => HTMLElement | string): HTMLElement {
  if (!items.length) return h("p", { class: "muted" }, "—");
  const ol = h("ol", { class: "counted" });
  for (const x of items.slice(0, 15)) ol.append(h("li", { class: "name" }, to ? to(x) : nameIn(x.name, x.name_en) ?? x.name, h("span", { class: "muted" }, ` (${x.n})`)));
  return ol;
}

function events(items: EventItem[], nav: Nav): HTMLElement {
  const ul = h("ul", { class: "events" });
  for (const e of items.slice(0, 20)) {
    ul.append(h("li", {}, link(nav, { kind: "event", id: e.id }, badge(e.type), " ", h("span", { class: "name" }, nameIn(e.place, e.place_en) ?? ""), " ", h("span", { class: "muted" }, [e.date, e.fatalities ? `${e.fatalities} ${t("fatalities")}` : ""].filter(Boolean).join(" · ")))));
  }
  return ul;
}

function filterButton(label: string, act: () => void): HTMLButtonElement {
  const b = h("button", { type: "button", class: "to-map" }, label);
  b.addEventListener("click", act);
  return b;
}

export function renderActor(el: HTMLElement, a: ActorPage, quotes: SpeakerQuotes[], nav: Nav, showOnMap: () => void): void {
  const name = nameIn(a.name, a.name_en) ?? a.name;
  el.replaceChildren(
    backButton(nav, t("back")),
    h("h2", { class: "name" }, name),
    h("p", {}, `${a.events} ${t("events")} `, filterButton(t("eventsOfActor"), showOnMap)),
    section("eventsOverTime", histogram(a.by_day, t("eventsOverTime"))),
    section("places", counted(a.places.map((p) => ({ id: p.id, name: p.name, name_en: p.name_en, n: p.events })), (x) => link(nav, { kind: "place", id: x.id! }, nameIn(x.name, x.name_en) ?? x.name))),
    section("quotedBy", counted(a.quoted_about), h("p", { class: "muted" }, t("outlets")), counted(a.quoted_by)),
    section("theyQuote", counted(a.quotes_whom)),
    renderSpeakers(quotes, nav),
    section("events", events(a.recent, nav)),
  );
}

export function renderPlace(el: HTMLElement, p: PlacePage, quotes: SpeakerQuotes[], nav: Nav, showOnMap: () => void): void {
  const name = nameIn(p.name, p.name_en) ?? p.name;
  el.replaceChildren(
    backButton(nav, t("back")),
    h("h2", { class: "name" }, name),
    h("p", {}, [p.admin1, p.country].filter(Boolean).join(" · "), ` · ${p.events} ${t("events")} `, filterButton(t("eventsOfPlace"), showOnMap)),
    section("eventsOverTime", histogram(p.by_day, t("eventsOverTime"))),
    section("controlChanges", ...controlChanges(p.control)),
    renderSpeakers(quotes, nav),
    section("actor", counted(p.actors, (x) => link(nav, { kind: "actor", id: x.id ?? x.name }, nameIn(x.name, x.name_en) ?? x.name))),
    section("events", events(p.recent, nav)),
  );
}

/** The changes of control: a legend (each holder's colour) and the list in order, each row in its holder's colour. */
function controlChanges(changes: PlacePage["control"]): Array<Node | null> {
  if (!changes.length) return [h("p", { class: "muted" }, "—")];
  const colours = new Map<string, string>();
  const holder = (c: PlacePage["control"][number]): string => nameIn(c.holder, c.holder_en) ?? t("unknown");
  for (const c of changes) if (!colours.has(holder(c))) colours.set(holder(c), HOLDER_COLOURS[colours.size % HOLDER_COLOURS.length]);
  const swatch = (who: string): HTMLElement => {
    const i = h("i", { class: "ring" });
    i.style.borderColor = colours.get(who) ?? UNKNOWN_COLOUR;
    return i;
  };
  const legend = h("div", { class: "legend control-legend", role: "group", "aria-label": t("legend") }, h("strong", {}, `${t("legend")}: `));
  for (const who of colours.keys()) legend.append(h("span", { class: "name" }, swatch(who), " ", who), " ");
  const ol = h("ol", { class: "control-changes" });
  for (const c of changes) {
    const verb = c.change === "withdraw" ? t("withdrawal") : t("heldBy");
    ol.append(h("li", {}, h("span", { dir: "ltr" }, c.date ?? "?"), " ", swatch(holder(c)), " ", `${verb} `, h("strong", { class: "name" }, holder(c))));
  }
  return [legend, ol];
}
