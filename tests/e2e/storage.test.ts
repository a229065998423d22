import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import {
  appFrame,
  CATALOGS,
  fillToReview,
  finishReceipt,
  openWidget,
  RECEIPT_SHOWN,
  readReceipt,
  sendFromReview,
  solveStandIn,
} from "../fixtures/e2e-widget.js";
import { type Stack, startStack } from "../fixtures/stack.js";

const t = CATALOGS.fr;

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Everything a document can leave on the device, as seen from inside it. */
const probe = (target: Page | Frame) =>
  target.evaluate(async () => {
    const safely = async <T>(read: () => T | Promise<T>): Promise<T | string> => {
      try {
        return await read();
      } catch (error) {
        return `unreadable: ${(error as Error).name}`;
      }
    };
    return {
      origin: location.origin,
      cookie: await safely(() => document.cookie),
      localStorage: await safely(() => Object.keys(localStorage)),
      sessionStorage: await safely(() => Object.keys(sessionStorage)),
      indexedDB: await safely(async () => (await indexedDB.databases()).map((d) => d.name ?? "")),
      cacheStorage: await safely(() => (typeof caches === "undefined" ? [] : caches.keys())),
      serviceWorkers: await safely(async () =>
        navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope) : [],
      ),
    };
  });

const NOTHING = (origin: string) => ({
  origin,
  cookie: "",
  localStorage: [],
  sessionStorage: [],
  indexedDB: [],
  cacheStorage: [],
  serviceWorkers: [],
});

const deniedAsEmpty = (found: Awaited<ReturnType<typeof probe>>) =>
  Object.fromEntries(
    Object.entries(found).map(([k, v]) => [k, typeof v === "string" && v.startsWith("unreadable:") ? [] : v]),
  );

describe("nothing is left on the device", () => {
  it("after a full report: no cookie, web storage, IndexedDB, cache or worker on either origin; every response no-store", async () => {
    const context = await browser.newContext({ ...PHONE });
    try {
      const responses: Promise<{ url: string; method: string; cacheControl: string | undefined }>[] = [];
      context.on("response", (response) => {
        if (!response.url().startsWith(stack.hotline)) return;
        responses.push(
          response.allHeaders().then((headers) => ({
            url: response.url().slice(stack.hotline.length),
            method: response.request().method(),
            cacheControl: headers["cache-control"],
          })),
        );
      });
      const page = await context.newPage();
      await page.goto(stack.demoUrl);
      const frame = await openWidget(page);
      await fillToReview(frame, t, {
        danger: "not_sure",
        town: "Rosso",
        narrative: "Des enfants mendient pour un maître coranique qui exige une somme chaque soir.",
        situation: "child_forced_begging",
        child: "yes",
      });
      await sendFromReview(frame, t);
      await solveStandIn(frame);
      expect(await readReceipt(frame, t)).toMatch(RECEIPT_SHOWN);
      await finishReceipt(frame, t);
      expect(await stack.tipCount()).toBe(1);

      expect(await context.cookies()).toEqual([]);
      expect(await context.cookies([stack.hotline, stack.demoUrl])).toEqual([]);
      expect(await probe(page)).toEqual(NOTHING(new URL(stack.demoUrl).origin));
      // This Chromium (Playwright's contexts block third-party site data, unpartitioned) denies the
      // cross-site iframe any storage at all: "denied" is as good as empty there. The full-page test
      // below runs the same app first-party, where storage is allowed and must stay empty.
      expect(deniedAsEmpty(await probe(frame))).toEqual(NOTHING(stack.hotline));

      const seen = await Promise.all(responses);
      // The app's document, its code, and the submission all went by, and none may be cached.
      expect(seen.map((r) => `${r.method} ${r.url.split("?")[0]}`)).toEqual(
        expect.arrayContaining(["GET /embed.js", "GET /w/demo", "POST /api/v1/tips"]),
      );
      expect(seen.filter((r) => r.url.startsWith("/assets/")).length).toBeGreaterThan(0);
      expect(seen.filter((r) => !/(^|,)\s*no-store\s*(,|$)/.test(r.cacheControl ?? ""))).toEqual([]);

      // The probe does see storage when there is some (so its empty answers above mean something).
      await page.evaluate(() => localStorage.setItem("probe", "1"));
      await context.addCookies([{ name: "probe", value: "1", url: stack.demoUrl }]);
      expect(await probe(page)).toMatchObject({ localStorage: ["probe"], cookie: "probe=1" });
    } finally {
      await context.close();
    }
  });

  it("after a full report on the full page /report/demo (first party, storage allowed): nothing stored", async () => {
    const context = await browser.newContext({ ...PHONE });
    try {
      const page = await context.newPage();
      await page.goto(`${stack.hotline}/report/demo`);
      const frame = await appFrame(page, "/report/demo");
      // Storage is usable here: whatever the app wrote would be found.
      expect(await probe(frame)).toEqual(NOTHING(stack.hotline));
      await fillToReview(frame, t, {
        role: "victim",
        narrative: "On m’a pris mon passeport et je travaille sans salaire dans une maison à Nouakchott.",
        situation: "forced_labour_fishing",
      });
      await sendFromReview(frame, t);
      await solveStandIn(frame);
      expect(await readReceipt(frame, t)).toMatch(RECEIPT_SHOWN);
      expect(await context.cookies()).toEqual([]);
      expect(await probe(frame)).toEqual(NOTHING(stack.hotline));
      await finishReceipt(frame, t);
      expect(await probe(frame)).toEqual(NOTHING(stack.hotline));
      expect(await context.cookies()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
