/** The side panel: the list of events, one event with each report's sentence highlighted, and search hits. */
import type { EventItem } from "./api.js";
import { h, marked } from "./dom.js";
import { currentLang, nameIn, t, typeLabel, TYPE_LABELS } from "./i18n.js";

interface Report {
  event: number;
  article: { id: number; title: string | null; url: string | null; source: string | null; published: string | null };
  modality: string;
  date: string | null;
  actor: string | null;
  place: string | null;
  actor_en?: string | null;
  place_en?: string | null;
  fatalities: number | null;
  count: number | null;
  sentence: string;
  highlights: { trigger: [number, number] | null; actor: [number, number] | null; place: [number, number] | null };
}

const badge = (type: string): HTMLElement => {
  const b = h("span", { class: "badge" }, typeLabel(type));
  b.style.background = TYPE_LABELS[type]?.color ?? "#555";
  return b;
};

export function renderList(el: HTMLElement, items: EventItem[], total: number, onSelect: (id: number) => void): void {
  el.replaceChildren(h("p", { class: "count" }, `${total} ${t("events")}`));
  if (!items.length) return void el.append(h("p", {}, t("noEvents")));
  const ul = h("ul", { class: "events" });
  for (const e of items) {
    const actor = nameIn(e.actor, e.actor_en);
    const li = h("li", { tabindex: "0", "data-event": String(e.id) }, badge(e.type), " ", h("strong", { class: "name" }, nameIn(e.place, e.place_en) ?? ""), " ", h("span", { class: "muted" }, e.date ?? ""), actor ? h("div", { class: "muted name" }, actor) : null);
    li.addEventListener("click", () => onSelect(e.id));
    li.addEventListener("keydown", (k) => k.key === "Enter" && onSelect(e.id));
    ul.append(li);
  }
  el.append(ul);
}

export function renderEvent(el: HTMLElement, ev: Record<string, unknown>, onArticle: (id: number) => void, onBack: () => void): void {
  const reports = ev.reports as Report[];
  const back = h("button", { type: "button", class: "back" }, t("back"));
  back.addEventListener("click", onBack);
  const facts = h(
    "dl",
    { class: "facts" },
    h("dt", {}, t("actor")), h("dd", { class: "name" }, nameIn(ev.actor as string | null, ev.actor_en as string | null) ?? t("unknown")),
    h("dt", {}, t("place")), h("dd", { class: "name" }, nameIn(ev.place as string | null, ev.place_en as string | null) ?? ""),
    h("dt", {}, t("date")), h("dd", {}, String(ev.date ?? "")),
    h("dt", {}, t("reports")), h("dd", {}, `${reports.length} (${t("corroboration")}: ${ev.corroboration})`),
    ev.fatalities ? h("dt", {}, t("fatalities")) : null, ev.fatalities ? h("dd", {}, String(ev.fatalities)) : null,
  );
  const list = h("ol", { class: "reports" });
  for (const r of reports) {
    const marks = [];
    if (r.highlights.trigger) marks.push({ start: r.highlights.trigger[0], end: r.highlights.trigger[1], cls: "hl-trigger", title: t("trigger") });
    if (r.highlights.actor) marks.push({ start: r.highlights.actor[0], end: r.highlights.actor[1], cls: "hl-actor", title: t("actor") });
    if (r.highlights.place) marks.push({ start: r.highlights.place[0], end: r.highlights.place[1], cls: "hl-place", title: t("place") });
    const open = h("button", { type: "button", class: "open-article", "data-article": String(r.article.id) }, t("openArticle"));
    open.addEventListener("click", () => onArticle(r.article.id));
    list.append(
      h(
        "li",
        {},
        h("blockquote", { class: "sentence", dir: "rtl" }, marked(r.sentence, marks)),
        h("div", { class: "muted" }, [r.article.source, r.article.published, t((["denied", "claimed", "asserted"].includes(r.modality) ? r.modality : "asserted") as "asserted")].filter(Boolean).join(" · ")),
        h("div", {}, h("span", { dir: "rtl" }, r.article.title ?? ""), " ", open),
      ),
    );
  }
  // the English note (ACLED's style, written from the fields: docs/english.md) for readers of English
  const note = currentLang() === "en" && typeof ev.note_en === "string" ? h("p", { class: "note-en" }, ev.note_en) : null;
  el.replaceChildren(...[back, h("h2", {}, badge(String(ev.type)), " ", h("span", { class: "name" }, nameIn(ev.place as string | null, ev.place_en as string | null) ?? "")), note, facts, list].filter((x) => x !== null));
}

export function renderHits(el: HTMLElement, hits: Array<{ kind: string; article: number; title: string | null; text: string; who: string | null; published: string | null }>, onArticle: (id: number) => void): void {
  const ul = h("ul", { class: "hits" });
  for (const x of hits) {
    const li = h("li", { tabindex: "0" }, h("span", { class: "badge kind" }, x.kind), " ", h("strong", { dir: "rtl" }, x.title ?? ""), h("div", { dir: "rtl" }, x.who ? `${x.who}: ${x.text}` : x.text));
    li.addEventListener("click", () => onArticle(x.article));
    ul.append(li);
  }
  el.replaceChildren(ul);
}
