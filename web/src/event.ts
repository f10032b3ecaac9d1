/**
 * One event, according to whom: each report with its outlet, date, the sentence (trigger, actor and place
 * highlighted) and what it rests on — the claim or quote with its source, or the outlet's own words.
 * Corroboration is counted in distinct outlets: "reported by N outlets", never "confirmed".
 */
import type { EventDetail, Report, Source } from "./api.js";
import { badge } from "./badge.js";
import { h, marked } from "./dom.js";
import { currentLang, nameIn, t, type LabelKey } from "./i18n.js";
import { backButton, link, type Nav } from "./nav.js";

/** "Reported by 3 outlets" / "أوردته 3 وسائل إعلام". */
export const reportedBy = (n: number): string => (n === 1 ? `${t("reportedBy")} ${t("outlet1")}` : `${t("reportedBy")} ${n} ${t("outlets")}`);

/** An outlet's name from its code (aawsat → صحيفة الشرق الأوسط), as /api/outlets lists them. */
export type OutletName = (code: string) => string;

export function renderEvent(el: HTMLElement, ev: EventDetail, nav: Nav, outletName: OutletName = (c) => c): void {
  const place = nameIn(ev.place, ev.place_en) ?? "";
  const actor = nameIn(ev.actor, ev.actor_en);
  const outlets = ev.outlets?.length ?? ev.corroboration;
  const placeName = h("span", { class: "name" }, place);
  const facts = h(
    "dl",
    { class: "facts" },
    h("dt", {}, t("actor")), h("dd", { class: "name" }, actor ? (ev.actor_id ? link(nav, { kind: "actor", id: ev.actor_id }, actor) : actor) : t("unknown")),
    h("dt", {}, t("place")), h("dd", { class: "name" }, ev.place_id ? link(nav, { kind: "place", id: ev.place_id }, place) : place),
    h("dt", {}, t("date")), h("dd", {}, ev.date_last && ev.date_last !== ev.date ? `${ev.date} — ${ev.date_last}` : String(ev.date ?? "")),
    ev.fatalities ? h("dt", {}, t("fatalities")) : null, ev.fatalities ? h("dd", {}, String(ev.fatalities)) : null,
    h("dt", {}, t("reports")), h("dd", { class: "corroboration" }, `${ev.reports.length} · ${reportedBy(outlets)}`),
  );
  const list = h("ol", { class: "reports" });
  for (const r of ev.reports) list.append(report(r, nav, outletName));
  // the English note (ACLED's style, written from the fields: docs/english.md) for readers of English
  const note = currentLang() === "en" && ev.note_en ? h("p", { class: "note-en" }, ev.note_en) : null;
  const more = h("p", { class: "more" }, ev.place_id ? link(nav, { kind: "place", id: ev.place_id }, `${t("quotesAbout")}: ${place}`) : null);
  el.replaceChildren(...[backButton(nav, t("back")), h("h2", {}, badge(ev.type), " ", placeName), note, facts, list, more].filter((x) => x !== null));
}

function report(r: Report, nav: Nav, outletName: OutletName): HTMLElement {
  const marks = [];
  const hl = r.highlights;
  if (hl.trigger) marks.push({ start: hl.trigger[0], end: hl.trigger[1], cls: "hl-trigger", title: t("trigger") });
  if (hl.actor) marks.push({ start: hl.actor[0], end: hl.actor[1], cls: "hl-actor", title: t("actor") });
  if (hl.place) marks.push({ start: hl.place[0], end: hl.place[1], cls: "hl-place", title: t("place") });
  const code = r.outlet ?? r.article.outlet ?? r.article.source;
  const outlet = code ? outletName(code) : null;
  const open = link(nav, { kind: "article", id: r.article.id }, t("openArticle"));
  open.classList.add("open-article");
  open.dataset.article = String(r.article.id);
  const modality = r.modality === "denied" || r.modality === "claimed" ? t(r.modality as LabelKey) : null;
  return h(
    "li",
    { class: "report" },
    h("div", { class: "report-head" }, h("strong", { class: "outlet name" }, outlet ?? t("unknown")), " · ", h("span", {}, r.article.published ?? r.date ?? ""), modality ? h("span", { class: "modality" }, ` · ${modality}`) : null),
    h("blockquote", { class: "sentence", dir: "rtl" }, marked(r.sentence, marks)),
    sources(r.sources ?? []),
    h("div", { class: "report-foot" }, h("span", { dir: "rtl", class: "title" }, r.article.title ?? ""), " ", open),
  );
}

/** According to whom: each claim or quote with its source (and channel), or the outlet itself. */
function sources(list: Source[]): HTMLElement | null {
  if (!list.length) return null;
  const ul = h("ul", { class: "sources" });
  for (const s of list) {
    const who = [nameIn(s.name, s.name_en), s.descriptor && s.descriptor !== s.name ? s.descriptor : null].filter(Boolean).join(" — ");
    const kind = s.kind === "quote" ? t("quote") : s.kind === "claim" ? t("claim") : null;
    ul.append(
      h(
        "li",
        { class: `source ${s.kind}` },
        h("span", { class: "muted" }, `${t("accordingTo")} `),
        h("strong", { class: "who name" }, who || t("unknown")),
        s.via ? h("span", { class: "muted" }, ` (${t("via")} ${s.via})`) : null,
        kind ? h("span", { class: "kind muted" }, ` · ${kind}`) : null,
        s.stance && s.stance !== "asserted" ? h("span", { class: "muted" }, ` · ${s.stance}`) : null,
        s.text ? h("q", { class: "said", dir: "rtl" }, s.text) : null,
      ),
    );
  }
  return ul;
}
