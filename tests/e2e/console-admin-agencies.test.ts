import { type ConsoleLanguage, consoleCatalogs } from "@balagh/shared";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffWithCli } from "../fixtures/balagh-cli.js";
import { PHONE } from "../fixtures/browser.js";
import { totpCode } from "../fixtures/console.js";
import { axeAudit, type ConsoleStage, snapshotsIn, startConsoleStage } from "../fixtures/console-e2e.js";
import { AGENCY_X, tipForX } from "../fixtures/console-workspace.js";
import { submission } from "../fixtures/tips.js";
import { startWebhookReceiver, type WebhookReceiver } from "../fixtures/webhook-receiver.js";

const fr = consoleCatalogs.fr;
const LAPTOP = { viewport: { width: 1280, height: 800 }, locale: "fr-FR" };
const LEAD = { email: "lead@hotline.mr", password: "the hotline lead's passphrase" };
/** Set ADMIN_SCREENSHOTS=<folder> to keep pictures of the agency pages (French and Arabic, laptop and phone). */
const SCREENSHOTS = process.env.ADMIN_SCREENSHOTS;

let stage: ConsoleStage;
let receiver: WebhookReceiver;
let hotline: string;
let browser: Browser;
let env: Record<string, string>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  // Development mode: webhooks may go to this machine, where the test's receiver listens.
  stage = await startConsoleStage("agencies");
  ({ hotline, browser, env } = stage);
  await createStaffWithCli(env, { ...LEAD, role: "admin" });
}, 120_000);

afterAll(async () => {
  await stage?.close();
  await receiver?.close();
});

const h1 = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });

const snap = snapshotsIn(SCREENSHOTS);

const audit = axeAudit;

const adminSignsIn = async (page: Page) => {
  await page.goto(`${hotline}/console/sign-in?lang=fr`);
  await page.getByLabel(fr["signIn.email"]).fill(LEAD.email);
  await page.getByLabel(fr["signIn.password"], { exact: true }).fill(LEAD.password);
  await page.getByRole("button", { name: fr["signIn.submit"] }).click();
  await h1(page, fr["enrol.title"]).waitFor();
  const key = ((await page.locator(".setup-key").textContent()) ?? "").replaceAll(" ", "");
  await page.getByLabel(fr["code.label"]).fill(totpCode(key, new Date()));
  await page.getByRole("button", { name: fr["enrol.submit"] }).click();
  await page.waitForURL(`${hotline}/console`);
};

describe("an agency's webhook in a real browser", () => {
  it("is set from the agency's page, answers a signed test event, and its deliveries are listed", async () => {
    const context = await browser.newContext(LAPTOP);
    try {
      const page = await context.newPage();
      await adminSignsIn(page);
      await page.getByRole("link", { name: fr["nav.agencies"] }).click();
      await h1(page, fr["agencies.title"]).waitFor();
      await page.locator(`[data-agency="${AGENCY_X}"] a`).first().click();
      await page.getByLabel(fr["agencies.webhook.url"]).fill(receiver.url(AGENCY_X));
      await page.getByRole("button", { name: fr["agencies.webhook.set"] }).click();
      await h1(page, fr["agencies.secret.title"]).waitFor();
      const secret = ((await page.locator(".webhook-secret").textContent()) ?? "").trim();
      expect(secret).toMatch(/^whsec_/);
      receiver.secrets.set(AGENCY_X, secret);
      await page.getByRole("link", { name: fr["agencies.secret.back"] }).click();
      await page.getByRole("button", { name: fr["agencies.test.submit"] }).click();
      await page.locator('[data-test-result="ok"]').waitFor();
      expect(await page.locator('[data-test-result="ok"]').textContent()).toContain("HTTP 204");
      expect(receiver.received.at(-1)?.verified).toBe(true);

      const response = await fetch(`${hotline}/api/v1/tips`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(submission({ provider: "hcaptcha", response: stage.fake.issue() }, tipForX())),
      });
      expect(response.status).toBe(201);
      await page.getByRole("link", { name: fr["agencies.deliveries.link"] }).click();
      // Delivered right after the 201; the log shows it once the page is read after that.
      await expect
        .poll(async () => {
          await page.reload();
          return page.locator('[data-status="delivered"]').count();
        })
        .toBe(1);

      if (SCREENSHOTS) await agencyScreenshots(page);
      const found = [];
      for (const language of ["fr", "ar"] as const) {
        await page.goto(`${hotline}/console/admin/agencies`);
        await chooseLanguage(page, language);
        await page.locator(`[data-agency="${AGENCY_X}"] a`).first().click();
        found.push(...(await audit(page, `${language}/agency`)));
        await page.getByRole("link", { name: consoleCatalogs[language]["agencies.deliveries.link"] }).click();
        found.push(...(await audit(page, `${language}/deliveries`)));
        await page.goto(`${hotline}/console/admin/staff/new`);
        await page.getByRole("button", { name: consoleCatalogs[language]["staff.new.submit"] }).click();
        found.push(...(await audit(page, `${language}/staff-new-errors`)));
      }
      expect(found, JSON.stringify(found, null, 2)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

const chooseLanguage = async (page: Page, language: ConsoleLanguage) => {
  if ((await page.evaluate(() => document.documentElement.lang)) === language) return;
  await page.getByRole("button", { name: language === "ar" ? "العربية" : "Français" }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
};

/** The agency with its webhook (and a refused address), and the delivery log with a dead line, in French and Arabic. */
const agencyScreenshots = async (page: Page) => {
  await stage.db.execute(
    "update delivery_outbox set status = 'dead', attempts = 15, last_error = 'HTTP 410' where rowid = (select min(rowid) from delivery_outbox)",
  );
  const agencyId = String((await stage.db.execute(`select id from agencies where slug = '${AGENCY_X}'`)).rows[0]?.id);
  for (const language of ["fr", "ar"] as const) {
    for (const [device, viewport] of [
      ["laptop", LAPTOP.viewport],
      ["phone", PHONE.viewport],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto(`${hotline}/console/admin/agencies`);
      await chooseLanguage(page, language);
      await snap(page, `${language}-agencies-list-${device}`);
      await page.goto(`${hotline}/console/admin/agencies/${agencyId}`);
      await snap(page, `${language}-agency-webhook-${device}`);
      await page.getByLabel(consoleCatalogs[language]["agencies.webhook.url"]).fill("ftp://agency.example/hook");
      await page.getByRole("button", { name: consoleCatalogs[language]["agencies.webhook.set"] }).click();
      await snap(page, `${language}-agency-webhook-refused-${device}`);
      await page.goto(`${hotline}/console/admin/agencies/${agencyId}/deliveries`);
      await snap(page, `${language}-agency-deliveries-${device}`);
    }
  }
};
