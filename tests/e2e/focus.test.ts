import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import { partnerPage, type Site, startSite } from "../fixtures/e2e-site.js";
import {
  allowOrigin,
  appFrame,
  CATALOGS,
  focusedInPartnerPage,
  frameVisible,
  heading,
  hostFocused,
  Keys,
  waitUntil,
} from "../fixtures/e2e-widget.js";
import { type Stack, startStack } from "../fixtures/stack.js";

const t = CATALOGS.fr;
/** The loader's French words, as a reporter hears them. */
const LOADER = { launch: "Signaler une situation", close: "Fermer" };

let stack: Stack;
let site: Site;
let browser: Browser;
let context: BrowserContext;
let url: string;
let inlineUrl: string;

beforeAll(async () => {
  [stack, site, browser] = await Promise.all([startStack(), startSite(), launchBrowser()]);
  await allowOrigin(stack, site.origin);
  // A partner page with links and a search box of its own around the widget.
  url = site.page("/", partnerPage(stack.hotline));
  inlineUrl = site.page("/inline", partnerPage(stack.hotline, { mode: "inline" }));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await stack?.stop();
});

afterEach(async () => {
  await context?.close();
});

/**
 * The partner page, the launcher reached with Tab and pressed with Enter. `clock`: the pages'
 * timers run on Playwright's clock, which a test moves by hand once it pauses it.
 */
const openFromLauncher = async ({ clock = false } = {}) => {
  context = await browser.newContext({ ...PHONE });
  if (clock) await context.clock.install();
  const page = await context.newPage();
  await page.goto(url);
  for (let i = 0; i < 10 && !(await hostFocused(page)); i++) await page.keyboard.press("Tab");
  expect(await hostFocused(page)).toBe(true);
  await page.keyboard.press("Enter");
  const frame = await appFrame(page);
  return { page, frame, keys: new Keys(page, frame) };
};

/** Where the focused control of the form is, against the sticky bar that holds the quick exit. */
const focusedBox = () => {
  const el = document.activeElement as HTMLElement;
  const bar = document.querySelector("header")?.getBoundingClientRect();
  const box = el.getBoundingClientRect();
  const inBar = el.closest("header") !== null;
  const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}[${(el as HTMLInputElement).value ?? el.textContent}]`;
  return { name, inBar, top: box.top, bottom: box.bottom, barBottom: bar?.bottom ?? 0, height: innerHeight };
};

describe("focus and the modal dialog", () => {
  it("opening from the launcher moves focus into the form, onto the quick exit", async () => {
    const { page, frame } = await openFromLauncher();
    expect(await hostFocused(page)).toBe(true);
    // The form's document has the keyboard focus, on its first control: the quick exit.
    await expect
      .poll(
        () =>
          frame.evaluate(() => [
            document.hasFocus(),
            document.activeElement === document.body ? "(body)" : document.activeElement?.textContent?.trim(),
          ]),
        {
          timeout: 3_000,
        },
      )
      .toEqual([true, t["exit.button"]]);
  });

  it("inline, the form leaves the focus in the partner page as it loads", async () => {
    context = await browser.newContext({ ...PHONE });
    const page = await context.newPage();
    await page.goto(inlineUrl);
    // The form focuses its quick exit, if it does, in the same task that renders it: it has by now.
    const frame = await appFrame(page);
    expect(await frame.evaluate(() => document.hasFocus())).toBe(false);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  });

  it("a single Escape in the form closes the dialog within 1.5 s and gives the focus back to the launcher", async () => {
    const { page, frame, keys } = await openFromLauncher({ clock: true });
    await keys.tabTo((f) => f.tag === "button" && f.label === t["exit.button"], "the quick exit");
    expect(await frameVisible(frame)).toBe(true);
    // From here on no timer fires unless the test moves the clock.
    await page.clock.pauseAt((await frame.evaluate(() => Date.now())) + 1_000);
    await page.keyboard.press("Escape");
    await page.clock.runFor(1_500);
    // Only the timer the clock just ran can close it; the wait covers the message to the partner page.
    await waitUntil(async () => !(await frameVisible(frame)), "the dialog to close", 4_000);
    expect(await hostFocused(page)).toBe(true);
    const cdp = await context.newCDPSession(page);
    expect(await focusedInPartnerPage(cdp)).toBe(`button:${LOADER.launch}`);
  });

  it("Tab and Shift+Tab cycle between the close button and the form, never reaching the partner page", async () => {
    const { page, keys } = await openFromLauncher();
    await keys.tabTo((f) => f.tag === "button" && f.label === t["exit.button"], "the quick exit");
    const cdp = await context.newCDPSession(page);
    for (const key of ["Tab", "Shift+Tab"]) {
      const seen: string[] = [];
      // More presses than the first screen has controls: the cycle comes round at least twice.
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press(key);
        const inForm = await keys.focus();
        seen.push(inForm.frameHasFocus ? `form:${inForm.tag}:${inForm.label}` : await focusedInPartnerPage(cdp));
        // Outside the form, the only focused element is the loader's host (never a partner link or field).
        if (!inForm.frameHasFocus) expect(await hostFocused(page)).toBe(true);
      }
      expect(seen.some((s) => s.startsWith("link:") || s.startsWith("textbox:") || s.includes("Partner"))).toBe(false);
      expect(seen.some((s) => s === "nothing")).toBe(false);
      // Both ends of the cycle were reached, more than once.
      expect(seen.filter((s) => s === `button:${LOADER.close}`).length).toBeGreaterThanOrEqual(2);
      expect(seen.filter((s) => s === `form:button:${t["exit.button"]}`).length).toBeGreaterThanOrEqual(2);
      // The launcher behind the dialog is not in the cycle either.
      expect(seen.some((s) => s === `button:${LOADER.launch}`)).toBe(false);
    }
  });

  it("Shift+Tab up a long screen never hides the focused control under the sticky quick-exit bar (WCAG 2.4.11)", async () => {
    const { frame, keys } = await openFromLauncher();
    const next = () => frame.getByRole("button", { name: t["nav.next"], exact: true }).click();
    await frame.getByRole("radio", { name: t["danger.no"], exact: true }).check();
    await next();
    await frame.getByRole("radio", { name: t["role.witness"], exact: true }).check();
    await next();
    await frame.getByRole("radio", { name: t["when.earlier"], exact: true }).check();
    await next();
    await next();
    await frame.getByRole("radio", { name: t["child.no"], exact: true }).check();
    await next();
    // The "people" screen: a long list of fields, taller than the phone's screen.
    await heading(frame, `${t["people.title"]} ${t["form.optional"]}`).waitFor();
    await keys.tabTo((f) => f.tag === "button" && f.label === t["nav.next"], "Next");
    const hidden: string[] = [];
    for (let i = 0; i < 30; i++) {
      await keys.press("Shift+Tab");
      const box = await frame.evaluate(focusedBox);
      if (box.inBar) break;
      // Entirely under the bar, or off the screen: the reporter cannot see where they are.
      if (box.bottom <= box.barBottom || box.top >= box.height) hidden.push(`${box.name} ${JSON.stringify(box)}`);
    }
    expect(hidden).toEqual([]);
  });
});
