import type { Browser, BrowserContext, Route } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import {
  CATALOGS,
  fillToReview,
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
let context: BrowserContext;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

afterEach(async () => {
  await context?.close();
});

type Sent = { key: string | undefined; body: string };

/**
 * Submits a report while `failFirst` decides the fate of the first POST /api/v1/tips; every later
 * one goes through. Returns what each attempt carried.
 */
const reportThroughFailure = async (narrative: string, failFirst: (route: Route) => Promise<void>) => {
  context = await browser.newContext({ ...PHONE });
  const sent: Sent[] = [];
  await context.route("**/api/v1/tips", async (route) => {
    const request = route.request();
    sent.push({ key: request.headers()["idempotency-key"], body: request.postData() ?? "" });
    if (sent.length === 1) await failFirst(route);
    else await route.continue();
  });
  const page = await context.newPage();
  await page.goto(stack.demoUrl);
  const frame = await openWidget(page);
  await fillToReview(frame, t, { narrative, town: "Atar", vehicles: "Camion rouge", count: "12" });
  await sendFromReview(frame, t);
  await solveStandIn(frame);

  // The failure is said in plain words, in the live region and on the screen, with a way to retry.
  await expect.poll(() => frame.getByRole("alert").textContent(), { timeout: 10_000 }).toBe(t["error.offline"]);
  await frame.getByRole("main").getByText(t["error.offline"], { exact: true }).waitFor();
  expect(sent).toHaveLength(1);
  await frame.getByRole("button", { name: t["send.retry"], exact: true }).click();
  const shown = await readReceipt(frame, t);
  expect(shown).toMatch(RECEIPT_SHOWN);
  return { sent, shown };
};

const expectSameReportTwice = (sent: Sent[], narrative: string) => {
  expect(sent).toHaveLength(2);
  const [first, second] = sent as [Sent, Sent];
  // One key for both attempts, a real one.
  expect(first.key).toMatch(/^[0-9a-f-]{16,}$/i);
  expect(second.key).toBe(first.key);
  // Every answer was kept: the retry carries exactly what the first attempt carried.
  expect(second.body).toBe(first.body);
  const { tip } = JSON.parse(first.body) as { tip: Record<string, unknown> };
  expect(tip).toMatchObject({
    narrative,
    location: { country: "MR", town: "Atar" },
    people: { count: 12 },
    details: { vehicles: "Camion rouge" },
    situations: ["forced_labour_fishing"],
    dangerNow: "no",
    reporterRole: "witness",
  });
};

describe("the network fails on submit", () => {
  it("when the request never reaches the server: the answers stay, the retry stores the report once", async () => {
    const before = await stack.tipCount();
    const narrative = "Des migrants sont enfermés dans un entrepôt à Atar en attendant une pirogue.";
    const { sent } = await reportThroughFailure(narrative, (route) => route.abort("internetdisconnected"));
    expectSameReportTwice(sent, narrative);
    expect(await stack.tipCount()).toBe(before + 1);
  });

  it("when the answer is lost after the server stored it: the retry gets the same receipt, still one report", async () => {
    const before = await stack.tipCount();
    const narrative = "Un passeur garde les passeports de six jeunes femmes dans une maison à Atar.";
    let firstReceipt = "";
    const { sent, shown } = await reportThroughFailure(narrative, async (route) => {
      // The server stores the tip and answers 201; the answer never reaches the app.
      const response = await route.fetch();
      expect(response.status()).toBe(201);
      firstReceipt = ((await response.json()) as { receipt: string }).receipt;
      await route.abort("connectionreset");
    });
    expectSameReportTwice(sent, narrative);
    expect(await stack.tipCount()).toBe(before + 1);
    // The retry was answered from the stored result: the reporter holds the one valid receipt.
    expect(shown.replace(/ /g, "")).toBe(firstReceipt);
  });
});
