/**
 * Moving between views by links that are real addresses: each link's href is the state it opens, so a
 * link can be copied or opened in a new tab; a plain click is handled in the page (history.pushState).
 */
import { h } from "./dom.js";
import { write, type AppState, type View } from "./state.js";

export interface Nav {
  /** The present state. */
  state(): AppState;
  /** Opens a view (a new history entry). */
  go(view: View): void;
  /** Back to where the reader came from in the app, else the list. */
  back(): void;
}

export const hrefOf = (nav: Nav, view: View): string => `?${write({ ...nav.state(), view, page: view.kind === "list" ? nav.state().page : 0 })}`;

/** A link to a view: its address in href, opened in the page on a plain click. */
export function link(nav: Nav, view: View, ...children: Array<Node | string | null>): HTMLAnchorElement {
  const a = h("a", { href: hrefOf(nav, view) }, ...children);
  a.addEventListener("click", (e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    nav.go(view);
  });
  return a;
}

/** The "back" button every panel starts with. */
export function backButton(nav: Nav, label: string): HTMLButtonElement {
  const b = h("button", { type: "button", class: "back" }, label);
  b.addEventListener("click", () => nav.back());
  return b;
}
