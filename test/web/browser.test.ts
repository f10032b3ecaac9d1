/**
 * The web app in a real browser: Debian's Chromium driven by playwright-core, against `marsad serve`
 * on 127.0.0.1 over a store of the test articles. Each test saves a screenshot in test-results/.
 */
import type { FastifyInstance } from "fastify";
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnalyzer } from "../../src/analyze.js";
import { buildServer, webRoot } from "../../src/server/app.js";
import { filledStore } from "../helpers/corpus.js";
import { resources } from "../helpers/resources.js";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));
const ready = existsSync(CHROMIUM) && existsSync(`${webRoot()}/index.html`);
if (!ready) console.warn("browser tests skipped: they need /usr/bin/chromium (Debian package chromium) and `npm run build`");

describe.runIf(ready)("the web app in Chromium", () => {
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let base = "";

  beforeAll(async () => {
    const store = await filledStore();
    app = await buildServer({ store, analyzer: createAnalyzer(resources()), tiles: null });
    await app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on("pageerror", (e) => console.error("page error:", e.message));
    mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const shot = (name: string) => page.screenshot({ path: `${SHOTS}${name}.png` });

  it("opens the map with country outlines and the events, right to left, fast", async () => {
    const t0 = Date.now();
    await page.goto(base);
    // a marker or a cluster drawn in view
    await page.waitForFunction(() => document.querySelectorAll(".event-marker, .cluster").length > 0, undefined, { timeout: 15_000 });
    const firstPaint = Date.now() - t0;
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await page.waitForFunction(() => document.body.dataset.outlines === "1" && !!document.querySelector(".leaflet-overlay-pane canvas")); // country outlines
    expect(await page.locator("#list li").count()).toBeGreaterThan(3);
    console.log(`first map paint with events: ${firstPaint} ms`);
    await shot("1-map");
  });

  it("shows an event's source sentence, with trigger, actor and place highlighted, when its marker is clicked", async () => {
    // a marker (a cluster is clicked open until one shows), found and clicked in one step (the side panel may cover its spot)
    for (let k = 0; k < 8 && !(await page.locator(".event-marker").count()); k++) {
      await page.evaluate(() => document.querySelector(".cluster")!.dispatchEvent(new MouseEvent("click", { bubbles: true })));
      await page.waitForTimeout(400);
    }
    await page.evaluate(() => document.querySelector(".event-marker")!.dispatchEvent(new MouseEvent("click", { bubbles: true })));
    await page.waitForSelector("#panel blockquote.sentence .hl-trigger");
    expect((await page.locator("#panel blockquote.sentence").first().textContent())!.length).toBeGreaterThan(20);
    await shot("2-event");
    await page.locator("#panel .back").first().click();
    await page.waitForSelector("#panel", { state: "hidden" });
    await page.locator("#list li a").first().click(); // the list opens the same panel
    await page.waitForSelector("#panel blockquote.sentence .hl-trigger");
  });

  it("filters the map and the list when a stretch of the timeline is brushed", async () => {
    await page.locator("#panel .back").first().click();
    const all = Number(await page.getAttribute("body", "data-events"));
    const box = (await page.locator("#timeline-svg").boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.8, box.y + 30);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.99, box.y + 30, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction((n) => Number(document.body.dataset.events) !== n, all);
    const some = Number(await page.getAttribute("body", "data-events"));
    expect(some).toBeLessThan(all);
    expect(await page.locator("#timeline .brush").count()).toBe(1);
    await shot("3-timeline");
    await page.mouse.click(box.x + 2, box.y + 30); // a click clears the range
    await page.waitForFunction((n) => Number(document.body.dataset.events) === n, all);
  });

  it("opens an article with its entities, quotes, claims and events highlighted and a legend", async () => {
    await page.locator("#list li a").first().click();
    await page.locator("#panel .open-article").first().click();
    await page.waitForSelector("#panel .article-text");
    expect(await page.locator("#panel .article-text .e-loc").count()).toBeGreaterThan(0);
    expect(await page.locator("#panel .article-text .m-trigger").count()).toBeGreaterThan(0);
    expect(await page.locator("#panel .legend").count()).toBe(1);
    await shot("4-article");
  });

  it("analyses a pasted article at once", async () => {
    await page.click("#paste");
    await page.fill("#paste-text", "وقال العقيد سامر الخطيب: «سيطرنا على بلدة مورك». وأفادت مصادر محلية أن القوات الحكومية انسحبت من مورك مساء الجمعة.");
    await page.fill("#paste-date", "2024-12-07");
    await page.click("#paste-go");
    await page.waitForSelector("#panel .article-text .m-quote");
    expect(await page.locator("#panel .article-text .e-per").count()).toBeGreaterThan(0);
    expect(await page.locator("#panel .summary li").count()).toBeGreaterThan(0);
    await shot("5-paste");
  });

  it("renders article text as text, never as HTML", async () => {
    await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned === undefined);
    await page.click("#paste");
    await page.fill("#paste-text", 'قال مسؤول إن <img src=x onerror="window.__pwned=1"> الوضع هادئ في مدينة حلب.');
    await page.click("#paste-go");
    await page.waitForSelector("#panel .article-text");
    expect(await page.locator("#panel .article-text img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it("switches its labels to English", async () => {
    await page.click("#lang");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("#paste").textContent()).toBe("Paste an article");
    await shot("6-english");
    await page.click("#lang");
  });

  it("colours places by who holds them", async () => {
    await page.locator("#show-control").check();
    await page.waitForSelector("path.control-marker", { state: "attached" });
    await shot("7-control");
  });

  it("in English, shows the English name wherever one exists: list, event, note, control tooltips, article", async () => {
    const arabic = /[\u0600-\u06ff]/;
    const api = <T>(path: string): Promise<T> => page.evaluate((p) => fetch(p).then((r) => r.json()), path) as Promise<T>;
    await page.click("#lang");
    await page.waitForFunction(() => document.documentElement.lang === "en" && !!document.querySelector("#list li"));
    type Item = { id: number; place: string | null; place_en: string | null; actor: string | null; actor_en: string | null };
    // the whole list, not only what the map shows, with the control layer (an address opens that view)
    await page.goto(`${base}/?follow=0&control=1`);
    await page.waitForFunction(() => document.documentElement.lang === "en" && !!document.querySelector("#list li"));
    const { items } = await api<{ items: Item[] }>("/api/events?limit=50");
    await page.waitForFunction((n) => document.querySelectorAll("#list li").length === n && !/[\u0600-\u06ff]/.test(document.querySelector("#list li .name")?.textContent ?? "x"), items.length, { timeout: 10_000 });
    // the list: each event under its English place and actor, never the Arabic one
    for (const it of items) {
      const li = (await page.locator(`#list li[data-event="${it.id}"]`).textContent())!;
      for (const [ar, en] of [[it.place, it.place_en], [it.actor, it.actor_en]]) {
        if (!ar) continue;
        expect(en, ar).toBeTruthy();
        expect(li).toContain(en);
        if (ar !== en) expect(li).not.toContain(ar);
      }
    }
    // one event: English names and its English note (the list shows once the panel is closed)
    if (await page.locator("#panel").isVisible()) await page.locator("#panel .back").first().click();
    await page.locator(`#list li[data-event="${items[0].id}"] a`).click();
    await page.waitForSelector("#panel .note-en");
    expect(await page.locator("#panel .note-en").textContent()).toMatch(/^(On|In) .*\.$/);
    for (const text of await page.locator("#panel h2 .name, #panel .facts .name, #panel .note-en").allTextContents()) expect(text).not.toMatch(arabic);
    // the control layer's tooltips
    const tips = await page.evaluate(() =>
      Array.from(document.querySelectorAll("path.control-marker")).map((m) => {
        m.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
        const tip = document.querySelector(".leaflet-tooltip")?.textContent ?? "";
        m.dispatchEvent(new MouseEvent("mouseout", { bubbles: true }));
        return tip;
      }),
    );
    expect(tips.length).toBeGreaterThan(0);
    for (const tip of tips) expect(tip).not.toMatch(arabic);
    // the article: entity, event and summary names in English (its text stays as written)
    await page.locator("#panel .open-article").first().click();
    await page.waitForSelector("#panel .article-text");
    const titles = await page.locator("#panel .article-text :is(.e-per, .e-org, .e-loc, .e-fac, .m-trigger)").evaluateAll((els) => els.map((e) => e.getAttribute("title") ?? ""));
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).not.toMatch(arabic);
    for (const li of await page.locator("#panel .summary li").allTextContents()) expect(li).not.toMatch(arabic);
    await shot("8-english-names");
    await page.click("#lang");
  });
});
