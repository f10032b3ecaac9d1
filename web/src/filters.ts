/**
 * The filter form: country, governorate, actor (with suggestions as one types: normalised Arabic and
 * English names, from the API), place, type, casualties ≥ N and outlet, and the export links of what is
 * shown. It reads and writes the app's Filters; every change is reported once, after typing pauses.
 */
import { api, exportUrl, type Country } from "./api.js";
import { h } from "./dom.js";
import { nameIn, t, TYPE_LABELS, typeLabel } from "./i18n.js";
import type { Filters } from "./state.js";

const TYPING_PAUSE_MS = 350;

function debounce(fn: () => void, ms = TYPING_PAUSE_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

export class FilterForm {
  private filters: Filters = {};
  private countries: Country[] = [];
  private readonly country = h("select", { id: "f-country" });
  private readonly admin1 = h("select", { id: "f-admin1" });
  private readonly actor = h("input", { id: "f-actor", type: "search", list: "actor-suggestions", autocomplete: "off" });
  private readonly suggestions = h("datalist", { id: "actor-suggestions" });
  private readonly place = h("input", { id: "f-place", type: "search" });
  private readonly min = h("input", { id: "f-min", type: "number", min: "0", step: "1", inputmode: "numeric" });
  private readonly outlet = h("input", { id: "f-outlet", type: "search", list: "outlet-list", autocomplete: "off" });
  private readonly outlets = h("datalist", { id: "outlet-list" });
  private readonly types = h("fieldset", { id: "f-types" });
  private readonly exports = h("div", { id: "exports", role: "group" });

  constructor(private readonly form: HTMLFormElement, private readonly onChange: (f: Filters) => void) {
    form.addEventListener("submit", (e) => e.preventDefault());
    this.country.addEventListener("change", () => {
      this.filters.country = this.country.value || undefined;
      this.filters.admin1 = undefined;
      void this.loadAdmin1();
      this.changed();
    });
    this.admin1.addEventListener("change", () => {
      this.filters.admin1 = this.admin1.value || undefined;
      this.changed();
    });
    const typed = (input: HTMLInputElement, key: "actor" | "place" | "source") => input.addEventListener("input", debounce(() => {
      this.filters[key] = input.value.trim() || undefined;
      this.changed();
    }));
    typed(this.actor, "actor");
    typed(this.place, "place");
    typed(this.outlet, "source");
    this.actor.addEventListener("input", debounce(() => void this.suggest(), 150));
    this.min.addEventListener("input", debounce(() => {
      const n = Math.floor(Number(this.min.value));
      this.filters.minFatalities = n > 0 ? n : undefined;
      this.changed();
    }));
    this.build();
  }

  /** Labels and the lists from the API (after a language switch too). */
  build(): void {
    const field = (key: Parameters<typeof t>[0], control: HTMLElement, ...more: HTMLElement[]) => h("label", { class: "field" }, h("span", {}, t(key)), control, ...more);
    this.buildTypes();
    this.form.replaceChildren(
      field("country", this.country),
      field("admin1", this.admin1),
      field("actor", this.actor, this.suggestions),
      field("place", this.place),
      field("minFatalities", this.min),
      field("source", this.outlet, this.outlets),
      this.types,
      this.exports,
    );
    this.fillCountries();
    this.buildExports();
  }

  async load(): Promise<void> {
    const [countries, outlets] = await Promise.all([api.countries().catch(() => ({ items: [] })), api.outletList()]);
    this.countries = countries.items;
    this.fillCountries();
    this.outlets.replaceChildren(...outlets.items.map((o) => h("option", { value: o.outlet }, `${nameIn(o.name ?? o.outlet, o.name_en)} (${o.events})`)));
    await this.loadAdmin1();
  }

  /** Shows `f` in the form (from the address, Back or a page's button) without reporting a change. */
  set(f: Filters): void {
    const countryChanged = (f.country ?? "") !== (this.filters.country ?? "");
    this.filters = { ...f };
    this.country.value = f.country ?? "";
    this.actor.value = f.actor ?? "";
    this.place.value = f.place ?? "";
    this.outlet.value = f.source ?? "";
    this.min.value = f.minFatalities ? String(f.minFatalities) : "";
    for (const box of this.types.querySelectorAll<HTMLInputElement>("input")) box.checked = !!f.type?.includes(box.value);
    if (countryChanged) void this.loadAdmin1();
    else this.admin1.value = f.admin1 ?? "";
    this.buildExports();
  }

  private changed(): void {
    this.buildExports();
    this.onChange({ ...this.filters });
  }

  private fillCountries(): void {
    const all = h("option", { value: "" }, t("allCountries"));
    const opts = this.countries.map((c) => h("option", { value: c.country }, `${nameIn(c.name, c.name_en) ?? c.country} (${c.events})`));
    this.country.replaceChildren(all, ...opts);
    this.country.value = this.filters.country ?? "";
  }

  private async loadAdmin1(): Promise<void> {
    const country = this.filters.country;
    const items = country ? (await api.admin1(country).catch(() => ({ items: [] }))).items : [];
    this.admin1.replaceChildren(h("option", { value: "" }, t("allAdmin1")), ...items.map((a) => h("option", { value: a.admin1 }, `${a.admin1} (${a.events})`)));
    this.admin1.disabled = !country;
    this.admin1.value = this.filters.admin1 ?? "";
  }

  private async suggest(): Promise<void> {
    const q = this.actor.value.trim();
    if (q.length < 2) return;
    const { items } = await api.actors(q).catch(() => ({ items: [] }));
    // the value is the record id when listed (what the API filters on), shown with its names
    this.suggestions.replaceChildren(...items.map((a) => h("option", { value: a.id }, [a.name, a.name_en].filter(Boolean).join(" — ") + ` (${a.events})`)));
  }

  private buildTypes(): void {
    this.types.replaceChildren(h("legend", {}, t("type")));
    for (const type of Object.keys(TYPE_LABELS)) {
      const input = h("input", { type: "checkbox", value: type });
      input.checked = !!this.filters.type?.includes(type);
      input.addEventListener("change", () => {
        const chosen = [...this.types.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.value);
        this.filters.type = chosen.length ? chosen : undefined;
        this.changed();
      });
      const dot = h("i", { class: "dot" });
      dot.style.background = TYPE_LABELS[type].color;
      this.types.append(h("label", { class: "type" }, input, dot, typeLabel(type)));
    }
  }

  /** Links that download the events of the filters: CSV (ACLED's columns), GeoJSON, JSON Lines. */
  private buildExports(): void {
    const formats = [["csv", "CSV"], ["geojson", "GeoJSON"], ["jsonl", "JSON Lines"]] as const;
    this.exports.setAttribute("aria-label", t("exportAs"));
    this.exports.replaceChildren(h("span", {}, `${t("exportAs")}: `), ...formats.map(([f, label]) => h("a", { href: exportUrl(f, this.filters), download: `marsad-events.${f}`, class: `export ${f}` }, label)));
  }
}
