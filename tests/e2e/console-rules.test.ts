import { catalogs, consoleCatalogs } from "@balagh/shared";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffWithCli } from "../fixtures/balagh-cli.js";
import {
  type AxeViolation,
  axeAudit,
  type ConsoleStage,
  signInOnPage,
  snapshotsIn,
  startConsoleStage,
} from "../fixtures/console-e2e.js";

/** Set RULES_SCREENSHOTS=<folder> to keep pictures of the rules list and the dry run (French and Arabic). */
const snap = snapshotsIn(process.env.RULES_SCREENSHOTS);
const LEAD = { email: "lead@hotline.mr", password: "the hotline lead's passphrase" };
const ENDONYMS = { fr: "Français", ar: "العربية" } as const;

let stage: ConsoleStage;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  stage = await startConsoleStage("rules");
  await createStaffWithCli(stage.env, { ...LEAD, role: "admin" });
  context = await stage.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "fr-FR" });
  page = await signInOnPage(context, stage.hotline, LEAD.email, LEAD.password);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await stage?.close();
});

const count = async (table: string) =>
  Number((await stage.db.execute(`select count(*) as n from ${table}`)).rows[0]?.n);
const fieldset = (legend: string) => page.getByRole("group", { name: legend, exact: true });

describe("trying a sample tip against the routing rules, in French and Arabic", () => {
  it("shows the triage, the rules that fired and the routes, writes nothing, and has no WCAG 2.2 A/AA violation", async () => {
    const found: AxeViolation[] = [];
    const childProtection = String(
      (await stage.db.execute("select name from agencies where slug = 'mr-child-protection'")).rows[0]?.name,
    );
    for (const language of ["fr", "ar"] as const) {
      const t = consoleCatalogs[language];
      const answer = catalogs[language];
      await page.goto(`${stage.hotline}/console/admin/rules`);
      if (language === "ar") {
        await page.getByRole("button", { name: ENDONYMS.ar }).click();
        await page.waitForLoadState();
      }
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(language === "ar" ? "rtl" : "ltr");
      await page.getByRole("heading", { level: 1, name: t["rules.title"] }).waitFor();
      found.push(...(await axeAudit(page, `${language}/rules`)));
      await snap(page, `${language}-rules`);

      await page.getByRole("link", { name: t["rules.try"] }).first().click();
      await page.getByRole("heading", { level: 1, name: t["rules.try.title"] }).waitFor();
      await page.getByLabel(t["tip.answers.country"], { exact: true }).fill("Mauritanie");
      await page.getByRole("button", { name: t["rules.try.submit"] }).click();
      await page.locator(".error-summary").waitFor();
      expect(await page.getByLabel(t["tip.answers.country"], { exact: true }).inputValue()).toBe("Mauritanie");
      found.push(...(await axeAudit(page, `${language}/try-errors`)));
      await snap(page, `${language}-try-errors`);

      const [tips, entries] = [await count("tips"), await count("audit_log")];
      await fieldset(t["tip.answers.dangerNow"]).getByLabel(answer["danger.no"], { exact: true }).check();
      await fieldset(t["tip.answers.reporterRole"]).getByLabel(answer["role.witness"], { exact: true }).check();
      await page.getByLabel(t["tip.answers.country"], { exact: true }).fill("MR");
      await fieldset(t["tip.answers.when"]).getByLabel(answer["when.last_7_days"], { exact: true }).check();
      await fieldset(t["tip.answers.situations"])
        .getByLabel(t["queue.situation.child_forced_begging"], { exact: true })
        .check();
      await fieldset(t["tip.answers.childInvolved"]).getByLabel(answer["child.yes"], { exact: true }).check();
      await page
        .getByLabel(t["tip.answers.narrative"], { exact: true })
        .fill("Des enfants mendient devant la gare routière.");
      await fieldset(t["tip.answers.disclosure"]).getByLabel(answer["disclosure.anonymous"], { exact: true }).check();
      await page.getByRole("button", { name: t["rules.try.submit"] }).click();

      const result = page.getByRole("region", { name: t["rules.try.result"] });
      await result.waitFor();
      expect(await result.textContent()).toContain(t["rules.try.nothingSaved"]);
      // The README: a child involved always reaches child protection.
      expect(await result.locator(".route-list").textContent()).toContain(childProtection);
      expect([await count("tips"), await count("audit_log")]).toEqual([tips, entries]);
      found.push(...(await axeAudit(page, `${language}/try-result`)));
      await snap(page, `${language}-try-result`);
    }
    await page.getByRole("button", { name: ENDONYMS.fr }).click();
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
  }, 120_000);
});
