import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import { NEUTRAL_PAGE, type Site, startSite } from "../fixtures/e2e-site.js";
import { appFrame, CATALOGS, heading, openWidget, setPartner } from "../fixtures/e2e-widget.js";
import { type Stack, startStack } from "../fixtures/stack.js";

const t = CATALOGS.fr;
const TYPED = "Nouadhibou-Quai-4471";

let stack: Stack;
let site: Site;
let browser: Browser;
let context: BrowserContext;
let exitUrl: string;

beforeAll(async () => {
  [stack, site, browser] = await Promise.all([startStack(), startSite(), launchBrowser()]);
  exitUrl = site.page("/neutral", NEUTRAL_PAGE);
  // Before anything reads the partner (it is cached for 5 s once read).
  await setPartner(stack, "exit_url", exitUrl);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await stack?.stop();
});

afterEach(async () => {
  await context?.close();
});

const newPage = async () => {
  context = await browser.newContext({ ...PHONE });
  const page = await context.newPage();
  // History starts with a blank page, then the page with the form.
  await page.goto("about:blank");
  return page;
};

/** Two screens in, something typed: the form holds something worth hiding. */
const typeSomething = async (frame: Frame) => {
  await frame.getByRole("radio", { name: t["danger.no"], exact: true }).check();
  await frame.getByRole("button", { name: t["nav.next"], exact: true }).click();
  await frame.getByRole("radio", { name: t["role.witness"], exact: true }).check();
  await frame.getByRole("button", { name: t["nav.next"], exact: true }).click();
  await heading(frame, t["where.title"]).waitFor();
  await frame.getByRole("textbox", { name: t["where.town"] }).fill(TYPED);
};

/** The neutral page is shown, and Back does not bring back the form nor the page that held it. */
const expectGone = async (page: Page, formUrl: string) => {
  await page.waitForURL((url) => url.href !== formUrl, { timeout: 10_000 });
  await page.waitForLoadState();
  // Soft: where it lands is checked, and what Back does is checked whatever the landing page.
  expect.soft(page.url(), "quick exit lands on the partner's exit URL").toBe(exitUrl);
  if (page.url() === exitUrl) await page.getByRole("heading", { name: "Météo de Nouakchott" }).waitFor();
  await page.goBack({ timeout: 5_000 }).catch(() => null);
  await page.waitForLoadState();
  expect(["about:blank", exitUrl]).toContain(page.url());
  expect(page.url()).not.toBe(formUrl);
  expect(page.frames().some((f) => f.url().includes("/w/demo") || f.url().includes("/report/"))).toBe(false);
  expect(await page.locator("[data-balagh]").count()).toBe(0);
  expect(await page.content()).not.toContain(TYPED);
};

describe("quick exit", () => {
  it("the button in the widget replaces the partner page with the exit URL, history entry included", async () => {
    const page = await newPage();
    await page.goto(stack.demoUrl);
    const frame = await openWidget(page);
    await typeSomething(frame);
    await frame.getByRole("button", { name: t["exit.button"], exact: true }).click();
    await expectGone(page, `${stack.demoUrl}/`);
  });

  it("Escape twice inside the widget does the same", async () => {
    const page = await newPage();
    await page.goto(stack.demoUrl);
    const frame = await openWidget(page);
    await typeSomething(frame);
    // The focus is in the town field, inside the iframe.
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await expectGone(page, `${stack.demoUrl}/`);
  });

  it("on the full page /report/demo, the button replaces that page", async () => {
    const page = await newPage();
    const formUrl = `${stack.hotline}/report/demo`;
    await page.goto(formUrl);
    const frame = await appFrame(page, "/report/demo");
    await typeSomething(frame);
    await frame.getByRole("button", { name: t["exit.button"], exact: true }).click();
    await expectGone(page, formUrl);
  });

  it("on the full page, Escape twice replaces it too", async () => {
    const page = await newPage();
    const formUrl = `${stack.hotline}/report/demo`;
    await page.goto(formUrl);
    const frame = await appFrame(page, "/report/demo");
    await typeSomething(frame);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await expectGone(page, formUrl);
  });
});
