/** Quotes and claims about a place or an actor, ranked by speaker (most quoted first); each speaker opens to its words. */
import type { SpeakerQuotes } from "./api.js";
import { h } from "./dom.js";
import { nameIn, t } from "./i18n.js";
import { link, type Nav } from "./nav.js";

export function renderSpeakers(speakers: SpeakerQuotes[], nav: Nav): HTMLElement {
  const box = h("section", { class: "speakers", "aria-labelledby": "speakers-title" }, h("h3", { id: "speakers-title" }, t("quotesAbout")));
  if (!speakers.length) {
    box.append(h("p", { class: "muted" }, t("noQuotes")));
    return box;
  }
  const ol = h("ol", { class: "ranked" });
  for (const s of speakers) {
    const items = h("ul", { class: "said-list" });
    for (const q of s.items) {
      items.append(
        h("li", {}, h("q", { dir: "rtl" }, q.text), h("div", { class: "muted" }, [q.outlet, q.published].filter(Boolean).join(" · "), " ", link(nav, { kind: "article", id: q.article }, t("openArticle")))),
      );
    }
    ol.append(h("li", { class: "speaker" }, h("details", {}, h("summary", {}, h("strong", { class: "name" }, nameIn(s.speaker, s.speaker_en) ?? s.speaker), ` — ${s.n} ${t("times")}`), items)));
  }
  box.append(ol);
  return box;
}
