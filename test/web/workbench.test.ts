/**
 * The analyst's workbench in a real browser (Debian's Chromium through playwright-core), over a store of
 * the workbench articles (test/fixtures/workbench, our own words): the four questions of issue 14 answered
 * through the UI, the address keeping every view and filter across a reload and Back, the phone layout,
 * the keyboard, and axe-core with no serious or critical violation on every view.
 */
import type { FastifyInstance } from "fastify";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnalyzer } from "../../src/analyze.js";
import { buildServer, webRoot } from "../../src/server/app.js";
import { resources } from "../helpers/resources.js";
import { workbenchStore } from "../helpers/workbench.js";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
/** Tiles the server offers: the app must not ask for them unless the reader turns them on. */
const TILES = "https://tiles.example.org/{z}/{x}/{y}.png";
const ready = existsSync(CHROMIUM) && existsSync(`${webRoot()}/index.html`);
if (!ready) console.warn("workbench browser tests skipped: they need /usr/bin/chromium (Debian package chromium) and `npm run build`");

/** Each question must be answered in the UI well under the minute. */
const QUESTION_MS = 20_000;

describe.runIf(ready)("the analyst's workbench in Chromium", () => {
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let base = "";
  const offsite: string[] = [];

  beforeAll(async () => {
    const store = await workbenchStore();
    app = await buildServer({ store, analyzer: createAnalyzer(resources()), tiles: TILES });
    await app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    // bypassCSP: the app's policy allows scripts from the app only, and axe-core is injected by the test
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    page.on("pageerror", (e) => console.error("page error:", e.message));
    page.on("request", (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith("data:")) offsite.push(r.url());
    });
    mkdirSync(SHOTS, { recursive: true });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const shot = (name: string) => page.screenshot({ path: `${SHOTS}wb-${name}.png` });
  const events = async () => Number(await page.getAttribute("body", "data-events"));
  /** Waits until the list shows `n` events (the body's data-events is set after the list is drawn). */
  const listShows = (n: number) => page.waitForFunction((x) => Number(document.body.dataset.events) === x, n, { timeout: 10_000 });
  const open = async (query = "") => {
    await page.goto(`${base}/${query}`);
    await page.waitForFunction(() => document.body.dataset.events !== undefined && !!document.querySelector("#f-country option[value]:not([value=''])"), undefined, { timeout: 15_000 });
  };
  /**
   * Axe-core on the page as it is: no serious or critical violation; and outside the map, no text whose
   * contrast axe could not check (but empty inputs and signs), so that a contrast failure cannot hide.
   */
  const axe = async (view: string, p: Page = page) => {
    if (!(await p.evaluate(() => "axe" in window))) await p.addScriptTag({ path: AXE });
    const found = await p.evaluate(async () => {
      type Node = { target: string[]; any: Array<{ message: string }> };
      type Result = { id: string; impact: string; nodes: Node[] };
      const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: Result[]; incomplete: Result[] }> } }).axe;
      const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
      const serious = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
      const unchecked = r.incomplete
        .filter((v) => v.id === "color-contrast")
        .flatMap((v) => v.nodes)
        // (the map's labels lie on its drawing, and the timeline's tick labels in an SVG: axe cannot read those grounds)
        .filter((n) => !document.querySelector(n.target.join(" "))?.closest("#map, svg") && !/no value|non-text/.test(n.any[0]?.message ?? ""))
        .map((n) => `contrast unchecked: ${n.target.join(" ")}: ${n.any[0]?.message}`);
      return [...serious, ...unchecked];
    });
    expect(found, `axe on the ${view} view`).toEqual([]);
  };

  it("paints the map with labelled places offline, without asking the tile server, and passes axe", async () => {
    const t0 = Date.now();
    await page.goto(base);
    await page.waitForSelector(".event-marker, .cluster", { timeout: 15_000 });
    console.log(`workbench: first paint with markers ${Date.now() - t0} ms`);
    await page.waitForFunction(() => Number(document.body.dataset.labels) > 100, undefined, { timeout: 15_000 });
    expect(await page.locator(".place-label").count()).toBeGreaterThan(3);
    expect(await page.locator("#coverage").textContent()).toMatch(/2024-0\d-\d\d — 2024-0\d-\d\d/);
    expect(offsite).toEqual([]);
    await shot("1-start");
    await axe("start");
  });

  it("Q1: what happened in Aden between 14 and 20 July, according to whom", async () => {
    const t0 = Date.now();
    await open();
    await page.selectOption("#f-country", "YE");
    await page.waitForFunction(() => Array.from(document.querySelectorAll("#f-admin1 option")).some((o) => /عدن|Aden/.test(o.textContent ?? "")));
    const aden = await page.locator("#f-admin1 option").evaluateAll((os) => os.find((o) => /عدن|Aden/.test(o.textContent ?? ""))!.getAttribute("value")!);
    await page.selectOption("#f-admin1", aden);
    await page.fill("#f-from", "2024-07-14");
    await page.fill("#f-to", "2024-07-20");
    await listShows(2);
    // the clash, reported by two outlets, each report with its outlet and source
    await page.locator("#list li", { hasText: /اشتباكات|Armed clash/ }).first().locator("a").click();
    await page.waitForSelector("#panel li.report");
    expect(await page.locator("#panel .corroboration").textContent()).toMatch(/2/);
    expect(await page.locator("#panel").textContent()).not.toMatch(/مؤكد|confirmed/i);
    const outlets = await page.locator("#panel li.report .outlet").allTextContents();
    expect(new Set(outlets).size).toBe(2);
    expect(await page.locator("#panel li.source .who").allTextContents()).toContain("مصادر محلية");
    expect(Date.now() - t0).toBeLessThan(QUESTION_MS);
    await shot("2-aden");
    await axe("event");
  });

  it("Q2: which places changed hands in Yemen in July and August", async () => {
    const t0 = Date.now();
    await open("?country=YE&from=2024-07-01&to=2024-08-31");
    await page.locator("#f-types input[value='seize_control']").check();
    await page.waitForFunction(() => location.search.includes("seize_control") && Array.from(document.querySelectorAll("#list li")).every((li) => /سيطرة|Takes control/.test(li.textContent ?? "")));
    const places = await page.locator("#list li strong.name").allTextContents();
    expect(places.filter((p) => p.includes("حرض"))).toHaveLength(2);
    expect(places.some((p) => p.includes("صرواح"))).toBe(true);
    // the control layer with its legend, and the place page with the list of changes
    await page.locator("#show-control").check();
    await page.waitForSelector(".map-legend .name");
    await page.locator("#list li", { hasText: "حرض" }).first().locator("a").click();
    await page.locator("#panel .facts a", { hasText: "حرض" }).click();
    await page.waitForSelector("#panel ol.control-changes li");
    expect(await page.locator("#panel ol.control-changes li").count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator("#panel .control-legend .name").count()).toBeGreaterThanOrEqual(2);
    expect(Date.now() - t0).toBeLessThan(QUESTION_MS);
    await shot("3-control");
    await axe("place");
  });

  it("Q3: who is quoted most about Ramadi", async () => {
    const t0 = Date.now();
    await open();
    await page.fill("#f-search", "الرمادي");
    await page.press("#f-search", "Enter");
    await page.waitForSelector("#panel .hit-groups details");
    expect(await page.locator("#panel .hit-groups").first().locator("summary").first().textContent()).toContain("علي فرحان");
    await axe("search");
    // the place page ranks the speakers
    await page.goto(`${base}/?place=${encodeURIComponent("الرمادي")}`);
    await page.locator("#list li a").first().click();
    await page.locator("#panel .facts a", { hasText: "الرمادي" }).click();
    await page.waitForSelector("#panel .speakers li.speaker");
    expect(await page.locator("#panel .speakers li.speaker summary").first().textContent()).toContain("علي فرحان");
    expect(Date.now() - t0).toBeLessThan(QUESTION_MS);
    await shot("4-ramadi");
  });

  it("Q4: airstrikes with casualties in Sanaa, the place typed in English; the address survives reload and Back", async () => {
    const t0 = Date.now();
    await open("?follow=0");
    await page.locator("#f-types input[value='airstrike']").check();
    await page.fill("#f-place", "Sanaa");
    await page.waitForFunction(() => location.search.includes("place=Sanaa"));
    const airstrikes = await events();
    await page.fill("#f-min", "1");
    await page.waitForFunction(() => location.search.includes("min=1"));
    await listShows(1);
    expect(airstrikes).toBeGreaterThan(1);
    expect(await page.locator("#list li").first().textContent()).toMatch(/5/);
    expect(Date.now() - t0).toBeLessThan(QUESTION_MS);
    // reload: the same filters and list
    const url = page.url();
    await page.reload();
    await listShows(1);
    expect(page.url()).toBe(url);
    expect(await page.inputValue("#f-place")).toBe("Sanaa");
    expect(await page.inputValue("#f-min")).toBe("1");
    expect(await page.locator("#f-types input[value='airstrike']").isChecked()).toBe(true);
    // an event view, then Back to the list and Forward again
    await page.locator("#list li a").first().click();
    await page.waitForFunction(() => location.search.includes("view=event"));
    await page.reload();
    await page.waitForSelector("#panel li.report");
    await page.goBack();
    await page.waitForSelector("#panel", { state: "hidden" });
    await page.goForward();
    await page.waitForSelector("#panel li.report");
    // the exports are those of the filters
    const csv = await page.getAttribute("#exports a.csv", "href");
    expect(csv).toContain("min_fatalities=1");
    expect(csv).toContain("type=airstrike");
    const res = await page.evaluate((u) => fetch(u).then(async (r) => ({ status: r.status, text: await r.text() })), csv!);
    expect(res.status).toBe(200);
    expect(res.text.split("\n").filter(Boolean).length).toBe(2); // the header and one event
    await shot("5-sanaa");
  });

  it("spreads a cluster of events at one place when clicked at full zoom", async () => {
    await open("?at=15.3694,44.1910,14&follow=0");
    // the clusters are drawn again when the events of the view arrive: click them once they have
    await page.waitForLoadState("networkidle");
    await page.waitForSelector(".cluster");
    expect(await page.locator(".event-marker").count()).toBe(0);
    await page.locator(".cluster").first().click();
    await page.waitForSelector("path.spider-leg", { state: "attached" });
    await page.waitForFunction(() => document.querySelectorAll(".event-marker").length >= 2);
    // a marker opens its event with Enter
    await page.locator(".event-marker").first().focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector("#panel li.report");
  });

  it("works by keyboard: a skip link to the list, the list's events opened with Enter", async () => {
    await open();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("#list") !== null)).toBe(true);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#panel li.report");
  });

  it("on a phone (390×844): a tapped marker shows its event and a way back, and every view passes axe", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true });
    const p = await phone.newPage();
    await p.goto(`${base}/?follow=0`);
    await p.waitForSelector(".event-marker, .cluster");
    const tapped = await p.evaluate(() => {
      const m = document.querySelector<HTMLElement>(".event-marker");
      m?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
      return !!m;
    });
    if (!tapped) await p.locator("#list li a").first().tap();
    await p.waitForSelector("#panel li.report");
    const inView = (sel: string) => p.locator(sel).first().evaluate((e) => {
      const r = e.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight && r.width > 0;
    });
    expect(await inView("#panel .back")).toBe(true);
    expect(await inView("#panel h2")).toBe(true);
    await p.screenshot({ path: `${SHOTS}wb-6-phone.png` });
    await axe("phone event", p);
    await p.locator("#panel .back").tap();
    await p.waitForSelector("#list li");
    expect(await inView("#list li")).toBe(true);
    await phone.close();
  });

  it("suggests actors as one types (any usual spelling), and opens the actor page and the article reader, each passing axe", async () => {
    await open();
    await page.fill("#f-actor", "الحوثى");
    await page.waitForFunction(() => Array.from(document.querySelectorAll("#actor-suggestions option")).some((o) => (o as HTMLOptionElement).value === "ye.houthis"));
    await page.goto(`${base}/?view=actor&id=ye.houthis`);
    await page.waitForSelector("#panel .histogram svg rect");
    expect(await page.locator("#panel h2").textContent()).toContain("الحوثي");
    expect(await page.locator("#panel ol.counted a", { hasText: "حرض" }).count()).toBe(1);
    await axe("actor");
    // its events into the filters: the list shows them
    await page.locator("#panel .to-map").click();
    await page.waitForFunction(() => location.search.includes("actor=ye.houthis"));
    await page.locator("#panel .back").click();
    await page.waitForSelector("#list li");
    for (const row of await page.locator("#list li").allTextContents()) expect(row).toContain("الحوثي");
    await page.locator("#list li a").first().click();
    await page.locator("#panel .open-article").first().click();
    await page.waitForSelector("#panel .article-text");
    await axe("article");
    // in English too
    await page.click("#lang");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await axe("article in English");
    await page.click("#lang");
  });
});
