import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ConsoleLanguage, consoleCatalogs } from "@balagh/shared";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateMasterKey } from "../../server/src/security/keys.js";
import { createStaffWithCli } from "../fixtures/balagh-cli.js";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import { totpCode } from "../fixtures/console.js";
import { type AxeViolation, axeAudit } from "../fixtures/console-e2e.js";
import { type Site, startSite } from "../fixtures/e2e-site.js";
import { startServerProcess } from "../fixtures/server-process.js";

const LAPTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const PASSWORD = "a long and private passphrase";
/** Set CONSOLE_SCREENSHOTS=<folder> to keep pictures of the pages (laptop and phone) for a look. */
const SCREENSHOTS = process.env.CONSOLE_SCREENSHOTS;

type Violation = AxeViolation;

let dir: string;
let server: Awaited<ReturnType<typeof startServerProcess>>;
let hotline: string;
let browser: Browser;
let site: Site;
const env: Record<string, string> = {};

const createStaff = (email: string, role: string, agency?: string) =>
  createStaffWithCli(env, { email, role, password: PASSWORD, ...(agency && { agency }) });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "balagh-console-e2e-"));
  env.DATABASE_URL = `file:${join(dir, "balagh.db")}`;
  env.BALAGH_MASTER_KEY = generateMasterKey();
  [server, browser, site] = await Promise.all([startServerProcess(env), launchBrowser(), startSite()]);
  // The hotline's public address, the Origin its own pages post from.
  hotline = `http://localhost:${server.port}`;
  const phones = SCREENSHOTS ? ["phone-fr@hotline.mr", "phone-ar@hotline.mr"] : [];
  await Promise.all(
    [["lead@hotline.mr", "admin"], ["superviseur@hotline.mr", "supervisor"], ...phones.map((e) => [e, "admin"])].map(
      ([email = "", role = ""]) => createStaff(email, role),
    ),
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const audit = axeAudit;

const h1 = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });

const snap = async (page: Page, name: string) => {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
};

/** Email and password, as a person types them, on the page in whatever language it is. */
const submitPassword = async (page: Page, language: ConsoleLanguage, email: string) => {
  const t = consoleCatalogs[language];
  await page.getByLabel(t["signIn.email"]).fill(email);
  await page.getByLabel(t["signIn.password"], { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: t["signIn.submit"] }).click();
};

const typeCode = async (page: Page, language: ConsoleLanguage, code: string, submit: string) => {
  await page.getByLabel(consoleCatalogs[language]["code.label"]).fill(code);
  await page.getByRole("button", { name: submit }).click();
};

describe("an admin made with create-staff signs in and enrols the second factor, in a real browser", () => {
  for (const language of ["fr", "ar"] as const) {
    const t = consoleCatalogs[language];
    const email = language === "fr" ? "lead@hotline.mr" : "superviseur@hotline.mr";
    // The console's home is the queue: a supervisor's lists tips, an admin's says tips are not theirs.
    const home = language === "fr" ? t["queue.noTips.title"] : t["queue.title"];

    it(`in ${language === "fr" ? "French" : "Arabic"}, with no WCAG 2.2 A/AA violation on the way`, async () => {
      const context = await browser.newContext({ ...LAPTOP, locale: "fr-FR" });
      const found: Violation[] = [];
      const check = async (page: Page, state: string) => found.push(...(await audit(page, `${language}/${state}`)));
      try {
        const page = await context.newPage();
        await page.goto(`${hotline}/console`);
        await h1(page, consoleCatalogs.fr["signIn.title"]).waitFor();
        if (language === "ar") {
          await page.getByRole("link", { name: "العربية" }).click();
          await h1(page, t["signIn.title"]).waitFor();
          expect(await page.evaluate(() => [document.documentElement.lang, document.dir])).toEqual(["ar", "rtl"]);
        }
        await check(page, "sign-in");
        await snap(page, `${language}-sign-in-laptop`);

        await page.getByRole("button", { name: t["signIn.submit"] }).click();
        await page.getByRole("alert").getByText(t["signIn.emailMissing"]).waitFor();
        await check(page, "sign-in-missing");
        await submitPassword(page, language, email);
        await h1(page, t["enrol.title"]).waitFor();
        await check(page, "enrol");
        await snap(page, `${language}-enrol-laptop`);

        const key = ((await page.locator(".setup-key").textContent()) ?? "").replaceAll(" ", "");
        expect(key).toMatch(/^[A-Z2-7]{32}$/);
        await typeCode(page, language, "12", t["enrol.submit"]);
        await page.getByRole("alert").getByText(t["code.format"]).waitFor();
        await check(page, "enrol-error");
        await typeCode(page, language, totpCode(key, new Date()), t["enrol.submit"]);
        await h1(page, home).waitFor();
        await page.getByText(email).first().waitFor();
        await check(page, "home");
        if (SCREENSHOTS) {
          await page.setViewportSize({ width: 360, height: 640 });
          await snap(page, `${language}-home-narrow`);
          await page.setViewportSize(LAPTOP.viewport ?? { width: 1280, height: 800 });
        }

        // Signed out, and back in: now the code page, with a code of the next step (the last one is spent).
        await page.getByRole("button", { name: t["nav.signOut"] }).click();
        await page.getByText(t["signIn.signedOut"]).waitFor();
        await submitPassword(page, language, email);
        await h1(page, t["code.title"]).waitFor();
        await check(page, "code");
        await typeCode(page, language, totpCode(key, new Date(Date.now() + 30_000)), t["code.submit"]);
        await h1(page, home).waitFor();

        // A link from another site to a console page: the SameSite=Strict cookie follows after one hop.
        const link = site.page(`/link-${language}`, `<a href="${hotline}/console/account">open</a>`);
        await page.goto(link);
        await page.getByRole("link", { name: "open" }).click();
        await h1(page, t["account.title"]).waitFor();
        expect(found, JSON.stringify(found, null, 2)).toEqual([]);
      } finally {
        await context.close();
      }
    }, 90_000);
  }
});

describe.skipIf(!SCREENSHOTS)("pictures on a phone", () => {
  it.each(["fr", "ar"] as const)("%s", async (language) => {
    const context = await browser.newContext({ ...PHONE, locale: language === "ar" ? "ar" : "fr-FR" });
    try {
      const page = await context.newPage();
      await page.goto(`${hotline}/console/sign-in?lang=${language}`);
      await snap(page, `${language}-sign-in-phone`);
      await page.getByRole("button", { name: consoleCatalogs[language]["signIn.submit"] }).click();
      await snap(page, `${language}-sign-in-errors-phone`);
      await submitPassword(page, language, `phone-${language}@hotline.mr`);
      await h1(page, consoleCatalogs[language]["enrol.title"]).waitFor();
      await snap(page, `${language}-enrol-phone`);
      await typeCode(page, language, "000000", consoleCatalogs[language]["enrol.submit"]);
      await snap(page, `${language}-enrol-error-phone`);
    } finally {
      await context.close();
    }
  });
});
