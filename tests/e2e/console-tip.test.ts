import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { consoleCatalogs, type TipInput } from "@balagh/shared";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffWithCli } from "../fixtures/balagh-cli.js";
import { PHONE } from "../fixtures/browser.js";
import {
  axeAudit,
  type ConsoleStage,
  submitTip as sendTip,
  signInOnPage,
  startConsoleStage,
} from "../fixtures/console-e2e.js";
import { validTip } from "../fixtures/tips.js";

const LAPTOP = { viewport: { width: 1280, height: 800 }, locale: "fr-FR" };
const PASSWORD = "a long and private passphrase";
/** Set TIP_SCREENSHOTS=<folder> to keep pictures of the workspace and the audit viewer. */
const SCREENSHOTS = process.env.TIP_SCREENSHOTS;
const fr = consoleCatalogs.fr;
const ar = consoleCatalogs.ar;

let stage: ConsoleStage;
let hotline: string;
let browser: Browser;
/** One signed-in browser per member for the file: a code is good once, so a second sign-in would wait 30 s. */
let supervisorContext: BrowserContext;
let adminContext: BrowserContext;
let supervisor: Page;
let admin: Page;
let env: Record<string, string>;

const createStaff = (email: string, role: string, agency?: string) =>
  createStaffWithCli(env, { email, role, password: PASSWORD, ...(agency && { agency }) });

beforeAll(async () => {
  stage = await startConsoleStage("tip");
  ({ hotline, browser, env } = stage);
  await Promise.all([createStaff("superviseur@hotline.mr", "supervisor"), createStaff("lead@hotline.mr", "admin")]);
  supervisorContext = await browser.newContext(LAPTOP);
  adminContext = await browser.newContext(LAPTOP);
  supervisor = await signIn(supervisorContext, "superviseur@hotline.mr");
  admin = await signIn(adminContext, "lead@hotline.mr");
}, 120_000);

afterAll(async () => {
  await supervisorContext?.close();
  await adminContext?.close();
  await stage?.close();
});

const submitTip = async (tip: TipInput) => (await sendTip(stage, tip)).id;

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });

/** Signs in on the page as a person does, enrolling the second factor on the way. */
const signIn = (context: BrowserContext, email: string) => signInOnPage(context, hotline, email, PASSWORD);

const audit = axeAudit;

const snap = async (page: Page, name: string) => {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-laptop.png`), fullPage: true });
  await page.setViewportSize(PHONE.viewport);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(LAPTOP.viewport);
};

const switchLanguage = async (page: Page, endonym: string) => {
  await page.getByRole("button", { name: endonym }).click();
  await page.waitForLoadState();
};

describe("the workspace in a real browser", () => {
  it("a supervisor opens a tip from the queue, adds a note, changes the status and sees both in the timeline", async () => {
    const page = supervisor;
    {
      const id = await submitTip(validTip());
      await page.goto(`${hotline}/console`);
      await page.locator(`#queue-list > li[data-tip-id="${id}"]`).getByRole("link").click();
      await page.waitForURL(`${hotline}/console/tips/${id}`);
      // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, as a person reads it
      await expect(h1(page).innerText()).resolves.toContain(id);

      const note = "Appel à la DREN : visite du carrefour jeudi <b>matin</b>.";
      await page.getByLabel(fr["tip.form.noteLabel"]).fill(note);
      await page.getByRole("button", { name: fr["tip.form.noteSubmit"] }).click();
      await page.getByRole("status").filter({ hasText: fr["tip.done.note"] }).waitFor();
      // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, as a person reads it
      await expect(page.locator(".note .free-text").innerText()).resolves.toBe(note);

      const statusForm = page.locator("form", { has: page.getByRole("button", { name: fr["tip.form.statusSubmit"] }) });
      await statusForm.getByLabel(fr["tip.status.in_review"]).check();
      await statusForm.getByLabel(fr["tip.form.reason"]).fill("Vérification avec la brigade des mineurs");
      await statusForm.getByRole("button", { name: fr["tip.form.statusSubmit"] }).click();
      await page.getByRole("status").filter({ hasText: fr["tip.done.status"] }).waitFor();

      const timeline = page.locator(".timeline");
      // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, as a person reads it
      await expect(timeline.innerText()).resolves.toContain(`superviseur@hotline.mr ${fr["tip.event.note"]}`);
      // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, as a person reads it
      await expect(timeline.innerText()).resolves.toContain(`superviseur@hotline.mr ${fr["tip.event.status"]}`);
      // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, as a person reads it
      await expect(timeline.innerText()).resolves.toContain("Vérification avec la brigade des mineurs");
      expect(await page.locator("b").count()).toBe(0);
    }
  }, 90_000);
});

describe("axe-core in French and Arabic", () => {
  it("finds no WCAG 2.2 A/AA violation on the workspace (with and without errors) and the audit viewer", async () => {
    const found: Awaited<ReturnType<typeof audit>> = [];
    const page = supervisor;
    {
      const id = await submitTip(
        validTip({
          dangerNow: "yes",
          narrative: "ولد صغير يتسول كل يوم عند السوق، ويضربه الرجل إذا لم يجلب المال. Il dort dehors.",
          disclosure: "confidential",
          contact: { means: "+222 22 00 00 00", safeToContact: "yes", safeTimes: "après 18 h" },
        }),
      );
      for (const [language, endonym] of [
        ["fr", "Français"],
        ["ar", "العربية"],
      ] as const) {
        await page.goto(`${hotline}/console/tips/${id}`);
        if (language === "ar") await switchLanguage(page, endonym);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        found.push(...(await audit(page, `${language}/workspace`)));
        await snap(page, `${language}-workspace`);
        await page.getByRole("button", { name: consoleCatalogs[language]["tip.form.noteSubmit"] }).click();
        await page.locator(".error-summary").waitFor();
        found.push(...(await audit(page, `${language}/workspace-error`)));
        await snap(page, `${language}-workspace-error`);

        await admin.goto(`${hotline}/console/audit`);
        if (language === "ar") await switchLanguage(admin, endonym);
        await admin.getByRole("heading", { level: 1, name: consoleCatalogs[language]["audit.title"] }).waitFor();
        found.push(...(await audit(admin, `${language}/audit`)));
        await snap(admin, `${language}-audit`);
        await admin.goto(`${hotline}/console/audit?from=2026-13-01`);
        found.push(...(await audit(admin, `${language}/audit-error`)));
      }
      expect(ar["audit.title"]).not.toBe(fr["audit.title"]);
      expect(found, JSON.stringify(found, null, 2)).toEqual([]);
    }
  }, 120_000);
});
