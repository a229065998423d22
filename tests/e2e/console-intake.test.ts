import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { catalogs, consoleCatalogs } from "@balagh/shared";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffWithCli } from "../fixtures/balagh-cli.js";
import { axeAudit, type ConsoleStage, signInOnPage, startConsoleStage } from "../fixtures/console-e2e.js";
import { AGENCY_X } from "../fixtures/console-workspace.js";

const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
const PASSWORD = "a long and private passphrase";
/** Set INTAKE_SCREENSHOTS=<folder> to keep pictures of the intake form and the receipt. */
const SCREENSHOTS = process.env.INTAKE_SCREENSHOTS;
const fr = consoleCatalogs.fr;

let stage: ConsoleStage;
let hotline: string;
let browser: Browser;
let context: BrowserContext;
let agent: Page;
let supervisorContext: BrowserContext;
let supervisor: Page;
let env: Record<string, string>;

beforeAll(async () => {
  stage = await startConsoleStage("intake");
  ({ hotline, browser, env } = stage);
  await Promise.all([
    createStaffWithCli(env, { email: "agent.x@agency.mr", role: "agent", agency: AGENCY_X, password: PASSWORD }),
    createStaffWithCli(env, { email: "duty@hotline.mr", role: "supervisor", password: PASSWORD }),
  ]);
  supervisorContext = await browser.newContext({ viewport: LAPTOP, locale: "fr-FR" });
  supervisor = await signInOnPage(supervisorContext, hotline, "duty@hotline.mr", PASSWORD);
  context = await browser.newContext({ viewport: LAPTOP, locale: "fr-FR" });
  agent = await signInOnPage(context, hotline, "agent.x@agency.mr", PASSWORD);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await supervisorContext?.close();
  await stage?.close();
});

const audit = axeAudit;

const snap = async (page: Page, name: string) => {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-laptop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(LAPTOP);
};

/** A question's fieldset by its legend, so that "Oui" is the answer to that question. */
const question = (page: Page, legend: string) => page.getByRole("group", { name: legend });

describe("an agency officer takes a call", () => {
  it("enters the caller's answers, reads the receipt, and finds the tip, its channel and author in the workspace", async () => {
    const page = agent;
    const text = catalogs.fr;
    await page.goto(`${hotline}/console`);
    await page.getByRole("link", { name: fr["nav.newTip"] }).click();
    await page.waitForURL(`${hotline}/console/intake`);

    // Sent with a question left out: the form comes back with its message, and what was typed.
    const narrative =
      "Un voisin dit que trois enfants talibés mendient au marché de Sebkha et doivent rapporter 200 MRU par jour.";
    await page.getByLabel(fr["intake.narrative.label"]).fill(narrative);
    await page.getByRole("button", { name: fr["intake.submit"] }).click();
    await page.locator(".error-summary").waitFor();
    await expect(page.getByLabel(fr["intake.narrative.label"]).inputValue()).resolves.toBe(narrative);

    await question(page, fr["intake.channel.legend"]).getByLabel(fr["intake.channel.phone"]).check();
    await question(page, fr["intake.danger.legend"]).getByLabel(text["danger.no"]).check();
    await question(page, fr["intake.role.legend"]).getByLabel(text["role.witness"]).check();
    await page.getByLabel(fr["intake.where.country"], { exact: true }).selectOption("MR");
    await page.getByLabel(new RegExp(`^${text["where.town"]}`)).fill("Sebkha");
    await question(page, fr["intake.when.legend"]).getByLabel(text["when.last_7_days"]).check();
    await question(page, fr["intake.situations.legend"]).getByLabel(text["situation.child_forced_begging"]).check();
    await question(page, fr["intake.child.legend"]).getByLabel(text["child.yes"]).check();
    await question(page, fr["intake.disclosure.legend"]).getByLabel(text["disclosure.anonymous"]).check();
    await page.getByRole("button", { name: fr["intake.submit"] }).click();

    await page.getByRole("heading", { level: 1, name: fr["intake.receipt.title"] }).waitFor();
    const groups = await page.locator(".receipt-digits__group").allInnerTexts();
    expect(groups).toHaveLength(5);
    for (const group of groups) expect(group).toMatch(/^\d{4}$/);
    expect(await page.getByText(fr["intake.receipt.readSlowly"]).isVisible()).toBe(true);
    const fontSize = await page
      .locator(".receipt-digits")
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(28);

    const row = (
      await stage.db.execute(
        "select t.id, t.channel, s.email from tips t join staff s on s.id = t.entered_by order by t.rowid desc limit 1",
      )
    ).rows[0];
    expect(row).toMatchObject({ channel: "phone", email: "agent.x@agency.mr" });

    await page.goto(`${hotline}/console/tips/${row?.id}`);
    const summary = (await page.locator(".summary-list").first().textContent()) ?? "";
    expect(summary).toContain(fr["intake.tip.channel"]);
    expect(summary).toContain(fr["intake.channel.phone"]);
    expect(summary).toContain("agent.x@agency.mr");
    await expect(page.locator(".narrative").textContent()).resolves.toBe(narrative);
    expect(await page.content()).not.toContain(groups.join(""));
  }, 120_000);
});

describe("the intake pages in French and Arabic", () => {
  it("have no WCAG 2.2 A/AA violation, with errors and on the receipt", async () => {
    const found: Awaited<ReturnType<typeof audit>> = [];
    const page = agent;
    for (const [language, endonym] of [
      ["fr", "Français"],
      ["ar", "العربية"],
    ] as const) {
      const t = consoleCatalogs[language];
      const text = catalogs[language];
      await page.goto(`${hotline}/console/intake`);
      if (language === "ar") {
        await page.getByRole("button", { name: endonym }).click();
        await page.waitForLoadState();
      }
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      found.push(...(await audit(page, `${language}/intake`)));
      await page
        .getByLabel(t["intake.narrative.label"])
        .fill(language === "ar" ? "أطفال يتسولون عند السوق كل يوم" : "Des enfants mendient au marché");
      await question(page, t["intake.disclosure.legend"]).getByLabel(text["disclosure.anonymous"]).check();
      await page.getByLabel(t["intake.contact.means"]).fill("+222 22 00 00 00");
      await page.getByRole("button", { name: t["intake.submit"] }).click();
      await page.locator(".error-summary").waitFor();
      found.push(...(await audit(page, `${language}/intake-errors`)));
      await snap(page, `${language}-intake-errors`);

      await page.getByLabel(t["intake.contact.means"]).fill("");
      await question(page, t["intake.channel.legend"]).getByLabel(t["intake.channel.walk_in"]).check();
      await question(page, t["intake.danger.legend"]).getByLabel(text["danger.not_sure"]).check();
      await question(page, t["intake.role.legend"]).getByLabel(text["role.family_or_friend"]).check();
      await page.getByLabel(t["intake.where.country"], { exact: true }).selectOption("MR");
      await question(page, t["intake.when.legend"]).getByLabel(text["when.earlier"]).check();
      await question(page, t["intake.child.legend"]).getByLabel(text["child.not_sure"]).check();
      await page.getByRole("button", { name: t["intake.submit"] }).click();
      await page.getByRole("heading", { level: 1, name: t["intake.receipt.title"] }).waitFor();
      found.push(...(await audit(page, `${language}/receipt`)));
      await snap(page, `${language}-receipt`);
    }
    await page.getByRole("button", { name: "Français" }).click();
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
  }, 120_000);
});

describe("re-routing in French and Arabic", () => {
  it("a supervisor adds an agency from the workspace; the page has no WCAG 2.2 A/AA violation, with an error too", async () => {
    const found: Awaited<ReturnType<typeof audit>> = [];
    const page = supervisor;
    const id = String((await stage.db.execute("select id from tips order by rowid desc limit 1")).rows[0]?.id);
    for (const [language, endonym] of [
      ["fr", "Français"],
      ["ar", "العربية"],
    ] as const) {
      const t = consoleCatalogs[language];
      await page.goto(`${hotline}/console/tips/${id}`);
      if (language === "ar") {
        await page.getByRole("button", { name: endonym }).click();
        await page.waitForLoadState();
      }
      await page.getByRole("link", { name: t["reroute.title"] }).click();
      await page.waitForURL(`${hotline}/console/tips/${id}/agencies`);
      await page.getByRole("button", { name: t["reroute.submit"] }).click();
      await page.locator(".error-summary").waitFor();
      found.push(...(await audit(page, `${language}/reroute-error`)));
      await snap(page, `${language}-reroute-error`);
      await question(page, t["reroute.change"]).getByLabel(t["reroute.add"]).check();
      await page
        .getByLabel(t["reroute.agency"], { exact: true })
        .selectOption(language === "fr" ? "iom-mauritania" : "mr-coast-guard");
      await page
        .getByLabel(t["tip.form.reason"])
        .fill(language === "fr" ? "Des migrants sont concernés" : "مهاجرون معنيون");
      await page.getByRole("button", { name: t["reroute.submit"] }).click();
      await page.getByRole("status").filter({ hasText: t["reroute.done"] }).waitFor();
      found.push(...(await audit(page, `${language}/reroute-done`)));
      await snap(page, `${language}-reroute-done`);
      await page.goto(`${hotline}/console`);
      await snap(page, `${language}-queue`);
    }
    await page.getByRole("button", { name: "Français" }).click();
    const routes = await stage.db.execute({
      sql: "select a.slug from tip_routes r join agencies a on a.id = r.agency_id where r.tip_id = ?",
      args: [id],
    });
    const slugs = routes.rows.map((r) => r.slug);
    expect(slugs).toContain("iom-mauritania");
    expect(slugs).toContain("mr-coast-guard");
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
  }, 120_000);
});
