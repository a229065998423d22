import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import { NEUTRAL_PAGE, partnerPage, type Site, startSite } from "../fixtures/e2e-site.js";
import {
  allowOrigin,
  CATALOGS,
  findFrame,
  focusedInPartnerPage,
  frameVisible,
  Keys,
  openWidget,
  waitUntil,
} from "../fixtures/e2e-widget.js";
import { type Stack, startStack } from "../fixtures/stack.js";

const t = CATALOGS.fr;
/** The loader's close button, as the accessibility tree names it in French. */
const CLOSE_BUTTON = "button:Fermer";

let stack: Stack;
/** The partner's site. */
let site: Site;
/** Another site, on another origin, that the partner page frames (an ad, a video, a compromised embed). */
let other: Site;
let browser: Browser;
let context: BrowserContext;
let url: string;

// The partner page counts the forged messages it receives: the loader's listener is on the same
// window, so once the count is reached the loader has handled every one of them.
const COUNT_FORGED = `<script>window.__forged = 0;
addEventListener("message", (e) => { if (e.data && e.data.forged) window.__forged++; });</script>`;

beforeAll(async () => {
  [stack, site, other, browser] = await Promise.all([startStack(), startSite(), startSite(), launchBrowser()]);
  await allowOrigin(stack, site.origin);
  url = site.page("/", partnerPage(stack.hotline, { extra: COUNT_FORGED }));
  site.page("/forged-exit", NEUTRAL_PAGE);
  other.page("/embed", "<!doctype html><title>Another site</title><p>Another site's frame</p>");
});

afterAll(async () => {
  await browser?.close();
  await other?.close();
  await site?.close();
  await stack?.stop();
});

afterEach(async () => {
  await context?.close();
});

const TYPES = ["ready", "resize", "close", "exit"] as const;

/** Every message the form sends, shaped as the form shapes them, posted to the partner page from wherever it runs. */
const forgeAll = ([types, exitUrl]: [readonly string[], string]) => {
  for (const type of types) {
    window.parent.postMessage({ source: "balagh", type, height: 3000, url: exitUrl, forged: true }, "*");
  }
};

/** Adds a frame to the partner page, as its own scripts could, and returns it once loaded. */
const addFrame = async (page: Page, src: string, path: string) => {
  await page.evaluate((s) => {
    const frame = document.createElement("iframe");
    frame.src = s;
    frame.title = "added by the partner page";
    document.body.append(frame);
  }, src);
  const frame = await waitUntil(() => findFrame(page, path), `the frame ${src}`);
  await frame.waitForLoadState();
  return frame;
};

type Setup = { page: Page; form: Frame };

/**
 * The dialog is open with the keyboard on its close button; `prepare` returns what sends every
 * forged message. Nothing may happen: no exit, no close, no focus moved, no resize.
 */
const expectIgnored = async (prepare: (s: Setup) => Promise<(args: [readonly string[], string]) => Promise<void>>) => {
  context = await browser.newContext({ ...PHONE });
  const page = await context.newPage();
  await page.goto(url);
  const form = await openWidget(page);
  const keys = new Keys(page, form);
  await keys.tabTo((f) => f.tag === "button" && f.label === t["exit.button"], "the quick exit");
  await keys.press("Shift+Tab");
  const forge = await prepare({ page, form });

  const cdp = await context.newCDPSession(page);
  expect(await focusedInPartnerPage(cdp)).toBe(CLOSE_BUTTON);
  const box = await (await form.frameElement()).boundingBox();

  await forge([TYPES, site.url("/forged-exit")]);
  await waitUntil(
    async () => (await page.evaluate(() => (window as unknown as { __forged: number }).__forged)) === TYPES.length,
    "the forged messages to reach the partner page",
  );

  // exit: the loader removes its host before leaving, so the host is still here and the page too;
  expect(await page.evaluate(() => document.querySelector("[data-balagh]") !== null)).toBe(true);
  expect(page.url()).toBe(url);
  expect(site.hits).not.toContain("/forged-exit");
  // close: the dialog is open; ready: the focus did not move into the form;
  expect(await frameVisible(form)).toBe(true);
  expect(await focusedInPartnerPage(cdp)).toBe(CLOSE_BUTTON);
  // resize: the frame kept its size.
  expect(await (await form.frameElement()).boundingBox()).toEqual(box);
};

describe("the loader ignores forged messages", () => {
  it("posted by the partner page itself", async () => {
    await expectIgnored(
      async ({ page }) =>
        (args) =>
          page.evaluate(forgeAll, args),
    );
  });

  it("posted by a frame of another origin that the partner page adds", async () => {
    await expectIgnored(async ({ page }) => {
      const added = await addFrame(page, other.url("/embed"), other.url("/embed"));
      return (args) => added.evaluate(forgeAll, args);
    });
  });

  it("posted by a frame of the hotline's own origin that is not the loader's (a second, inline form the partner page adds)", async () => {
    await expectIgnored(async ({ page }) => {
      const second = await addFrame(page, `${stack.hotline}/w/demo?lang=ar&mode=inline`, "lang=ar");
      // It is a real form: its own messages (ready on load) are not the loader's either.
      await second.locator("#balagh-app header button").first().waitFor();
      return (args) => second.evaluate(forgeAll, args);
    });
  });

  it("posted by the loader's own frame once it shows a page of another origin", async () => {
    await expectIgnored(async ({ page, form }) => {
      const elsewhere = other.url("/embed");
      await form.evaluate((to) => location.assign(to), elsewhere);
      const navigated = await waitUntil(() => findFrame(page, elsewhere), "the form's frame on the other site");
      await navigated.waitForLoadState();
      return (args) => navigated.evaluate(forgeAll, args);
    });
  });
});
