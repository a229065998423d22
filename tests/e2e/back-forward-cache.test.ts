import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import { NEUTRAL_PAGE, partnerPage, type Site, startSite } from "../fixtures/e2e-site.js";
import {
  allowOrigin,
  appFrame,
  CATALOGS,
  evaluateInFormFrames,
  fillToReview,
  frameVisible,
  openWidget,
  waitUntil,
} from "../fixtures/e2e-widget.js";
import { type Stack, startStack } from "../fixtures/stack.js";

const t = CATALOGS.fr;
const NARRATIVE = "Un homme garde trois enfants talibés enfermés dans la maison bleue derrière le marché Capitale.";

let stack: Stack;
let site: Site;
let browser: Browser;
let context: BrowserContext;

// The partner page records every pageshow: `true` is a restore from the back/forward cache.
const RECORD_PAGESHOW = `<script>addEventListener("pageshow", (e) => { (window.__pageshows ||= []).push(e.persisted); });</script>
<p><a id="away" href="/away">Partner's other page</a></p>`;

beforeAll(async () => {
  [stack, site, browser] = await Promise.all([startStack(), startSite(), launchBrowser({ backForwardCache: true })]);
  await allowOrigin(stack, site.origin);
  site.page("/away", NEUTRAL_PAGE);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await stack?.stop();
});

afterEach(async () => {
  await context?.close();
});

/** What a form's frame holds, read through the DevTools protocol (see evaluateInFormFrames); null while it loads. */
type Held = { before: boolean; narrative: boolean; checked: number; title: string };
const HELD = `document.body && JSON.stringify({
  before: window.__before === true,
  narrative: document.body.innerText.includes(${JSON.stringify(NARRATIVE)})
    || [...document.querySelectorAll("textarea")].some((a) => a.value.includes(${JSON.stringify(NARRATIVE)})),
  checked: document.querySelectorAll("input:checked").length,
  title: document.querySelector("h1")?.textContent ?? "",
})`;
const formFrames = async () =>
  (await evaluateInFormFrames(browser, HELD)).map((v) => (typeof v === "string" ? (JSON.parse(v) as Held) : null));

/** Marks the form's document, so that a restored document can be told from a new one. */
const markDocument = (evaluate: (fn: () => void) => Promise<unknown>) =>
  evaluate(() => {
    (window as unknown as { __before: boolean }).__before = true;
  });

/** The reporter follows a link of the partner's (from the keyboard: the inline frame may move under a pointer). */
const followLinkAway = async (page: Page) => {
  await page.focus("#away");
  await page.keyboard.press("Enter");
  await page.waitForURL("**/away");
};

/** Back to the page, and proof that the browser restored it from the back/forward cache (not a new load). */
const comeBack = async (page: Page) => {
  await page.goBack({ waitUntil: "commit" });
  const shows = await waitUntil(
    () => page.evaluate(() => (window as unknown as { __pageshows?: boolean[] }).__pageshows),
    "the partner page's pageshow",
  );
  expect(shows, "the page must come from the back/forward cache, not a new load").toEqual([false, true]);
};

const partnerUrl = (path: string, mode: "floating" | "inline") =>
  site.page(path, partnerPage(stack.hotline, { mode, extra: RECORD_PAGESHOW }), { "Cache-Control": "no-cache" });

describe("nothing of the report survives a Back", () => {
  it("partner page, dialog closed with Escape: after Back the page has no frame with the answers, and open() starts afresh", async () => {
    context = await browser.newContext({ ...PHONE });
    const page = await context.newPage();
    await page.goto(partnerUrl("/modal", "floating"));
    const frame = await openWidget(page);
    await fillToReview(frame, t, { danger: "yes", narrative: NARRATIVE });
    await markDocument((fn) => frame.evaluate(fn));
    // The reading works: the frame holds the report now.
    expect(await formFrames()).toEqual([{ before: true, narrative: true, checked: 0, title: t["review.title"] }]);

    await page.keyboard.press("Escape");
    await waitUntil(async () => !(await frameVisible(frame)), "the dialog to close");
    await followLinkAway(page);
    await comeBack(page);

    // The frame that held the answers went with the page: none is restored.
    expect(await formFrames()).toEqual([]);
    await page.evaluate(() => (window as unknown as { Balagh: { open(): void } }).Balagh.open());
    const fresh = await waitUntil(async () => (await formFrames()).find((f) => f?.title), "a new form");
    expect(fresh).toEqual({ before: false, narrative: false, checked: 0, title: t["danger.title"] });
  });

  it("partner page, inline: after Back the form in the page is a new, empty one", async () => {
    context = await browser.newContext({ ...PHONE });
    const page = await context.newPage();
    await page.goto(partnerUrl("/inline", "inline"));
    const frame = await appFrame(page);
    await fillToReview(frame, t, { danger: "yes", narrative: NARRATIVE });
    await markDocument((fn) => frame.evaluate(fn));
    expect(await formFrames()).toEqual([{ before: true, narrative: true, checked: 0, title: t["review.title"] }]);

    await followLinkAway(page);
    await comeBack(page);

    const forms = await waitUntil(async () => {
      const found = await formFrames();
      return found.length > 0 && found.every((f) => f?.title) && found;
    }, "the inline form");
    expect(forms).toEqual([{ before: false, narrative: false, checked: 0, title: t["danger.title"] }]);
  });

  it("full-page form: a page restored by Back shows the first question, empty", async () => {
    context = await browser.newContext({ ...PHONE });
    // Chromium keeps pages answered with Cache-Control: no-store (as the hotline answers) out of
    // its back/forward cache; other browsers, and Chromium in time, restore them. Taking the header
    // off here puts the form in the cache, so that the form itself must forget.
    await context.route(`${stack.hotline}/**`, async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers["cache-control"];
      await route.fulfill({ response, headers });
    });
    const page = await context.newPage();
    await page.addInitScript(() => {
      addEventListener("pageshow", (e) => {
        const w = window as unknown as { __pageshows?: boolean[] };
        w.__pageshows = [...(w.__pageshows ?? []), e.persisted];
      });
    });
    await page.goto(`${stack.hotline}/report/demo`);
    await fillToReview(page.mainFrame(), t, { danger: "yes", narrative: NARRATIVE });
    await markDocument((fn) => page.evaluate(fn));

    await page.goto(site.url("/away"));
    await comeBack(page);

    const held = JSON.parse(String(await page.evaluate(HELD))) as Held;
    // The same document (restored, not reloaded), with nothing of the report left in it.
    expect(held).toEqual({ before: true, narrative: false, checked: 0, title: t["danger.title"] });
  });
});
