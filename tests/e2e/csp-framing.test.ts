import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import { framingPage, type Site, startSite } from "../fixtures/e2e-site.js";
import {
  allowOrigin,
  appFrame,
  CATALOGS,
  fillToReview,
  hostFocused,
  RECEIPT_SHOWN,
  readReceipt,
  sendFromReview,
  solveStandIn,
} from "../fixtures/e2e-widget.js";
import { type Stack, startStack } from "../fixtures/stack.js";

const t = CATALOGS.fr;
const CSP_MESSAGE = /Content Security Policy|Refused/i;

let stack: Stack;
let allowed: Site;
let stranger: Site;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [stack, allowed, stranger, browser] = await Promise.all([startStack(), startSite(), startSite(), launchBrowser()]);
  await allowOrigin(stack, allowed.origin);
  for (const site of [allowed, stranger]) {
    site.page("/frame-widget", framingPage(`${stack.hotline}/w/demo`));
    site.page("/frame-report", framingPage(`${stack.hotline}/report/demo`));
  }
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([allowed?.close(), stranger?.close()]);
  await stack?.stop();
});

afterEach(async () => {
  await context?.close();
});

/** A fresh page whose console (its frames' included) is recorded. */
const recordedPage = async () => {
  context = await browser.newContext({ ...PHONE });
  const page = await context.newPage();
  const console: string[] = [];
  page.on("console", (message) => console.push(message.text()));
  page.on("pageerror", (error) => console.push(`pageerror: ${error.message}`));
  return { page, console };
};

/** The page's only child frame, once it has loaded (or failed to). */
const childFrame = async (page: Page): Promise<Frame> => {
  await page.waitForLoadState("load");
  const frames = page.frames().filter((f) => f !== page.mainFrame());
  expect(frames).toHaveLength(1);
  return frames[0] as Frame;
};

const showsTheApp = (frame: Frame) =>
  frame.evaluate(() => document.getElementById("balagh-app")?.childElementCount ?? 0).catch(() => 0);

describe("the loader under a strict partner CSP", () => {
  it("loads nothing but embed.js before the first click, then runs a full report with no CSP violation", async () => {
    const { page, console } = await recordedPage();
    const hotlineRequests: string[] = [];
    context.on("request", (request) => {
      if (request.url().startsWith(stack.hotline)) hotlineRequests.push(new URL(request.url()).pathname);
    });
    await page.goto(stack.demoUrl);
    await page.waitForFunction(() => typeof (window as { Balagh?: { open?: unknown } }).Balagh?.open === "function");
    await page.waitForLoadState("networkidle");
    // Focus on the launcher may add a preconnect, still no request.
    for (let i = 0; i < 10 && !(await hostFocused(page)); i++) await page.keyboard.press("Tab");
    expect(await hostFocused(page)).toBe(true);
    await page.waitForLoadState("networkidle");
    expect(hotlineRequests).toEqual(["/embed.js"]);

    await page.keyboard.press("Enter");
    const frame = await appFrame(page);
    expect(hotlineRequests).toContain("/w/demo");
    await fillToReview(frame, t, { narrative: "Un atelier de couture enferme des jeunes filles la nuit." });
    await sendFromReview(frame, t);
    await solveStandIn(frame);
    expect(await readReceipt(frame, t)).toMatch(RECEIPT_SHOWN);
    expect(console.filter((m) => CSP_MESSAGE.test(m))).toEqual([]);

    // The recorder does hear violations, from the partner page and from inside the form alike.
    await page.evaluate(() => {
      new Image().src = "http://127.0.0.1:9/partner-canary.png";
    });
    await frame.evaluate(() => {
      new Image().src = "http://127.0.0.1:9/form-canary.png";
    });
    await expect
      .poll(() => console.filter((m) => CSP_MESSAGE.test(m) && m.includes("canary")).length, { timeout: 5_000 })
      .toBe(2);
    expect(console.filter((m) => CSP_MESSAGE.test(m) && !m.includes("canary"))).toEqual([]);
  });
});

describe("who may frame the form", () => {
  it("an origin the partner allowed can frame /w/demo (the control case)", async () => {
    const { page } = await recordedPage();
    await page.goto(allowed.url("/frame-widget"));
    const frame = await appFrame(page, "/w/demo");
    await frame.getByRole("button", { name: t["exit.button"], exact: true }).waitFor();
  });

  it("an origin the partner did not allow cannot show /w/demo: the browser refuses by frame-ancestors", async () => {
    const { page, console } = await recordedPage();
    await page.goto(stranger.url("/frame-widget"));
    const frame = await childFrame(page);
    await expect.poll(() => console.some((m) => /frame-ancestors/.test(m)), { timeout: 5_000 }).toBe(true);
    expect(await showsTheApp(frame)).toBe(0);
    expect(frame.url()).not.toContain("/w/demo?");
  });

  for (const [who, site] of [
    ["the partner's own allowed origin", () => allowed],
    ["any other origin", () => stranger],
  ] as const) {
    it(`the full page /report/demo cannot be framed, not even by ${who}`, async () => {
      const { page, console } = await recordedPage();
      await page.goto(site().url("/frame-report"));
      const frame = await childFrame(page);
      await expect.poll(() => console.some((m) => /frame-ancestors 'none'/.test(m)), { timeout: 5_000 }).toBe(true);
      expect(await showsTheApp(frame)).toBe(0);
    });
  }
});
