import { type ConsoleLanguage, consoleCatalogs, type TipInput } from "@balagh/shared";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffWithCli } from "../fixtures/balagh-cli.js";
import { PHONE } from "../fixtures/browser.js";
import {
  axeAudit,
  type ConsoleStage,
  submitTip as sendTip,
  signInOnPage,
  snapshotsIn,
  startConsoleStage,
} from "../fixtures/console-e2e.js";
import { validTip } from "../fixtures/tips.js";

const LAPTOP = { viewport: { width: 1280, height: 800 }, locale: "fr-FR" };
const PASSWORD = "a long and private passphrase";
/** The promise: a P0 raises the alert within 5 seconds of its 201. */
const ALERT_WITHIN_MS = 5_000;
/** Set QUEUE_SCREENSHOTS=<folder> to keep pictures of the queue (laptop and phone, French and Arabic). */
const SCREENSHOTS = process.env.QUEUE_SCREENSHOTS;

let stage: ConsoleStage;
let hotline: string;
let browser: Browser;
let env: Record<string, string>;

const createStaff = (email: string, role: string, agency?: string) =>
  createStaffWithCli(env, { email, role, password: PASSWORD, ...(agency && { agency }) });

beforeAll(async () => {
  stage = await startConsoleStage("queue");
  ({ hotline, browser, env } = stage);
  await Promise.all([
    createStaff("superviseur@hotline.mr", "supervisor"),
    createStaff("moudir@hotline.mr", "supervisor"),
    createStaff("enfance@hotline.mr", "agent", "mr-child-protection"),
  ]);
}, 120_000);

afterAll(async () => {
  await stage?.close();
});

/** A tip sent as the widget sends it, through the public API; returns its id and when the 201 came. */
const submitTip = (tip: TipInput) => sendTip(stage, tip);

const h1 = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });

/** Signs in on the page as a person does, enrolling the second factor when the account asks for it. */
const signIn = async (context: BrowserContext, email: string) => {
  const page = await signInOnPage(context, hotline, email, PASSWORD);
  await h1(page, consoleCatalogs.fr["queue.title"]).waitFor();
  return page;
};

const switchLanguage = async (page: Page, language: ConsoleLanguage, endonym: string) => {
  await page.getByRole("button", { name: endonym }).click();
  await h1(page, consoleCatalogs[language]["queue.title"]).waitFor();
};

const audit = axeAudit;

const snap = snapshotsIn(SCREENSHOTS);

/** Only once the page's stream is open can a new tip be shown live, or be missed. */
const streamOpen = (page: Page) => page.locator('#queue-list[data-stream="open"]').waitFor({ state: "attached" });

const lineOf = (page: Page, id: string) => page.locator(`#queue-list > li[data-tip-id="${id}"]`);

describe("the queue, live, in a real browser", () => {
  it("raises the P0 alert (banner and title) on a supervisor's open queue within 5 s, without a reload", async () => {
    const context = await browser.newContext(LAPTOP);
    try {
      const page = await signIn(context, "superviseur@hotline.mr");
      const fr = consoleCatalogs.fr;
      const loads: string[] = [];
      page.on("load", () => loads.push(page.url()));
      await streamOpen(page);
      const p0 = await submitTip(validTip({ dangerNow: "yes" }));
      const banner = page.getByRole("alert").filter({ hasText: fr["queue.live.alert"] });
      await banner.waitFor({ timeout: ALERT_WITHIN_MS });
      await page.waitForFunction(() => document.title.startsWith("(P0)"), undefined, { timeout: ALERT_WITHIN_MS });
      expect(Date.now() - p0.answeredAt).toBeLessThan(ALERT_WITHIN_MS);
      expect(loads).toEqual([]);
      expect(await banner.getByRole("link").getAttribute("href")).toBe(`/console/tips/${p0.id}`);
      await expect(lineOf(page, p0.id).getByRole("link").getAttribute("href")).resolves.toBe(`/console/tips/${p0.id}`);
      // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, as a person reads it
      expect(await page.locator('[data-count="P0"]').innerText()).toBe("1");

      const sound = page.getByRole("button", { name: new RegExp(fr["queue.live.sound"]) });
      expect(await sound.getAttribute("aria-pressed")).toBe("true");
      await sound.click();
      expect(await sound.getAttribute("aria-pressed")).toBe("false");
      await page.reload();
      expect(
        await page.getByRole("button", { name: new RegExp(fr["queue.live.sound"]) }).getAttribute("aria-pressed"),
      ).toBe("false");
    } finally {
      await context.close();
    }
  }, 60_000);

  it("adds a tip routed to an agent's agency to their open queue live, and not a tip routed elsewhere", async () => {
    const context = await browser.newContext(LAPTOP);
    try {
      const page = await signIn(context, "enfance@hotline.mr");
      await streamOpen(page);
      // DOMAIN.md: an adult's forced labour at sea goes to labour inspection, a talibé child to child protection.
      const elsewhere = await submitTip(
        validTip({
          situations: ["forced_labour_fishing"],
          childInvolved: "no",
          indicators: ["wages_withheld"],
          narrative: "Des hommes travaillent sur un bateau de pêche sans salaire depuis des mois.",
        }),
      );
      const ours = await submitTip(validTip());
      await lineOf(page, ours.id).waitFor({ timeout: ALERT_WITHIN_MS });
      expect(await lineOf(page, elsewhere.id).count()).toBe(0);
      await lineOf(page, ours.id).getByRole("link").click();
      await page.waitForURL(`${hotline}/console/tips/${ours.id}`);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe("the queue in French and Arabic", () => {
  it("has no WCAG 2.2 A/AA violation, with tips, filters open and a value ignored", async () => {
    const context = await browser.newContext(LAPTOP);
    const found: Awaited<ReturnType<typeof audit>> = [];
    try {
      const page = await signIn(context, "moudir@hotline.mr");
      await submitTip(validTip({ situations: ["unsafe_boat_departure"], childInvolved: "no", indicators: [] }));
      await page.reload();
      for (const [language, endonym] of [
        ["fr", "Français"],
        ["ar", "العربية"],
      ] as const) {
        if (language === "ar") await switchLanguage(page, "ar", endonym);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        found.push(...(await audit(page, `${language}/queue`)));
        await snap(page, `${language}-queue-laptop`);
        await page.goto(`${hotline}/console?priority=P0&priority=P1&situation=nope&child=yes`);
        await h1(page, consoleCatalogs[language]["queue.title"]).waitFor();
        found.push(...(await audit(page, `${language}/queue-filtered`)));
        await snap(page, `${language}-queue-filtered-laptop`);
        if (SCREENSHOTS) {
          await page.setViewportSize(PHONE.viewport);
          await page.goto(`${hotline}/console`);
          await snap(page, `${language}-queue-phone`);
          await page.goto(`${hotline}/console?situation=nope`);
          await snap(page, `${language}-queue-filtered-phone`);
          await page.setViewportSize(LAPTOP.viewport);
          await page.goto(`${hotline}/console`);
        }
      }
      expect(found, JSON.stringify(found, null, 2)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
