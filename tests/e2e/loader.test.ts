import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import { partnerPage, type Site, startSite } from "../fixtures/e2e-site.js";
import {
  allowOrigin,
  appFrame,
  CATALOGS,
  findFrame,
  focusedInPartnerPage,
  frameVisible,
  heading,
  hostFocused,
  waitUntil,
} from "../fixtures/e2e-widget.js";
import { type Stack, startStack } from "../fixtures/stack.js";

/** The loader's French words (README: the launcher's default text), as the accessibility tree names them. */
const LAUNCHER = "button:Signaler une situation";
const CLOSE = "button:Fermer";

let stack: Stack;
let site: Site;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [stack, site, browser] = await Promise.all([startStack(), startSite(), launchBrowser()]);
  await allowOrigin(stack, site.origin);
  site.page("/", partnerPage(stack.hotline));
  // README: calls made before the loader has run are queued in window.Balagh.q.
  site.page(
    "/queued",
    partnerPage(stack.hotline).replace("<body>", '<body><script>window.Balagh = { q: [["open"]] };</script>'),
  );
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await stack?.stop();
});

afterEach(async () => {
  await context?.close();
});

const open = async (path: string, screen: { width: number; height: number } = PHONE.viewport) => {
  context = await browser.newContext({ ...PHONE, viewport: screen });
  const page = await context.newPage();
  await page.goto(site.url(path));
  await page.waitForFunction(() => typeof (window as { Balagh?: { open?: unknown } }).Balagh?.open === "function");
  return page;
};

const preconnects = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="preconnect"]')].map((l) => l.href));

/** The launcher's centre: it sits in a closed shadow root, which only DevTools' DOM (pierce) sees into. */
const launcherCentre = async (cdp: CDPSession) => {
  type Node = { nodeId: number; nodeName: string; attributes?: string[]; children?: Node[]; shadowRoots?: Node[] };
  const { root } = (await cdp.send("DOM.getDocument", { depth: -1, pierce: true })) as { root: Node };
  const find = (node: Node): Node | undefined =>
    node.nodeName === "BUTTON" && node.attributes?.includes("aria-haspopup")
      ? node
      : [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(find).find(Boolean);
  const button = find(root);
  if (!button) throw new Error("no launcher in the partner page");
  const { model } = await cdp.send("DOM.getBoxModel", { nodeId: button.nodeId });
  const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.border;
  return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
};

const tabToLauncher = async (page: Page) => {
  for (let i = 0; i < 10 && !(await hostFocused(page)); i++) await page.keyboard.press("Tab");
  expect(await hostFocused(page)).toBe(true);
};

describe("the loader on a partner page", () => {
  it("plays the calls queued before it ran: open() shows the form, close() hides it, open() shows it again", async () => {
    const page = await open("/queued");
    const frame = await appFrame(page);
    expect(await frameVisible(frame)).toBe(true);
    await page.evaluate(() => (window as unknown as { Balagh: { close(): void } }).Balagh.close());
    await waitUntil(async () => !(await frameVisible(frame)), "the dialog to close");
    await page.evaluate(() => (window as unknown as { Balagh: { open(): void } }).Balagh.open());
    await waitUntil(() => frameVisible(frame), "the dialog to open again");
  });

  it("connects to the hotline ahead only once the pointer reaches the launcher, and requests nothing", async () => {
    const page = await open("/");
    const hotlineRequests: string[] = [];
    context.on("request", (r) => r.url().startsWith(stack.hotline) && hotlineRequests.push(r.url()));
    expect(await preconnects(page)).toEqual([]);
    const { x, y } = await launcherCentre(await context.newCDPSession(page));
    await page.mouse.move(x, y);
    await waitUntil(async () => (await preconnects(page)).length > 0, "a preconnect link");
    await page.mouse.move(1, 1);
    await page.mouse.move(x, y);
    expect(await preconnects(page)).toEqual([`${stack.hotline}/`]);
    expect(findFrame(page)).toBeNull();
    expect(hotlineRequests).toEqual([]);
  });

  it("connects ahead when the keyboard reaches the launcher too", async () => {
    const page = await open("/");
    await tabToLauncher(page);
    await waitUntil(async () => (await preconnects(page)).length > 0, "a preconnect link");
    expect(await preconnects(page)).toEqual([`${stack.hotline}/`]);
  });

  it("Escape on the close button closes the dialog and gives the focus back to the launcher", async () => {
    const page = await open("/");
    await tabToLauncher(page);
    await page.keyboard.press("Enter");
    const frame = await appFrame(page);
    const cdp = await context.newCDPSession(page);
    await waitUntil(async () => {
      await page.keyboard.press("Shift+Tab");
      return (await focusedInPartnerPage(cdp)) === CLOSE;
    }, "the close button");
    await page.keyboard.press("Escape");
    await waitUntil(async () => !(await frameVisible(frame)), "the dialog to close");
    expect(await focusedInPartnerPage(cdp)).toBe(LAUNCHER);
  });

  it("in a browser without <dialog>, opens the full-page form instead, in the page's language", async () => {
    context = await browser.newContext({ ...PHONE });
    await context.addInitScript(() => {
      delete (window as { HTMLDialogElement?: unknown }).HTMLDialogElement;
    });
    const page = await context.newPage();
    await page.goto(site.url("/"));
    await tabToLauncher(page);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/report/demo");
    expect(new URL(page.url()).origin).toBe(new URL(stack.hotline).origin);
    expect(new URL(page.url()).searchParams.get("lang")).toBe("fr");
    await heading(page.mainFrame(), CATALOGS.fr["danger.title"]).waitFor();
  });

  it("keeps the partner page behind the open dialog out of reach: its fields take no focus, its links no click", async () => {
    // A wide screen, where the page shows around the dialog.
    const page = await open("/", { width: 1280, height: 800 });
    const box = await page.locator("#partner-first").boundingBox();
    await page.evaluate(() => (window as unknown as { Balagh: { open(): void } }).Balagh.open());
    await appFrame(page);
    const focused = await page.evaluate(() => {
      document.getElementById("partner-search")?.focus();
      return document.activeElement?.id ?? "";
    });
    expect(focused).not.toBe("partner-search");
    if (!box) throw new Error("the partner link has no box");
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(await page.evaluate(() => location.hash)).toBe("");
  });
});
