/** An event type's badge: its name in ink on a light ground, marked by the type's colour (readable for all types). */
import { h } from "./dom.js";
import { TYPE_LABELS, typeLabel } from "./i18n.js";

export function badge(type: string): HTMLElement {
  const b = h("span", { class: "badge" }, typeLabel(type));
  b.style.borderInlineStartColor = TYPE_LABELS[type]?.color ?? "#555";
  return b;
}
