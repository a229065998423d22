import { consoleCatalogs, type TipInput } from "@balagh/shared";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffWithCli } from "../fixtures/balagh-cli.js";
import { PHONE } from "../fixtures/browser.js";
import { totpCode } from "../fixtures/console.js";
import { type ConsoleStage, submitTip as sendTip, snapshotsIn, startConsoleStage } from "../fixtures/console-e2e.js";
import { tipElsewhere, tipForX } from "../fixtures/console-workspace.js";

const fr = consoleCatalogs.fr;
const LAPTOP = { viewport: { width: 1280, height: 800 }, locale: "fr-FR" };
const LEAD = { email: "lead@hotline.mr", password: "the hotline lead's passphrase" };
/** Agency X of the issue, as the Mauritania deployment names it. */
const AGENCY_X_NAME = "Protection de l'enfance (ministère de l'Action sociale, brigade des mineurs)";
/** The promise for live updates: well within 5 seconds. */
const LIVE_WITHIN_MS = 5_000;
/** The workspace's actions (issue 9: assign, status, override, notes, links), each a POST. */
const TIP_ACTIONS = ["note", "status", "assign", "priority", "classification", "link"];
/** Set ADMIN_SCREENSHOTS=<folder> to keep pictures of the staff pages (French and Arabic, laptop and phone). */
const SCREENSHOTS = process.env.ADMIN_SCREENSHOTS;

let stage: ConsoleStage;
let hotline: string;
let browser: Browser;
let env: Record<string, string>;

beforeAll(async () => {
  stage = await startConsoleStage("admin");
  ({ hotline, browser, env } = stage);
  // The hotline lead is the one account made on the server (README: the first sign-in); everyone else in the console.
  await createStaffWithCli(env, { ...LEAD, role: "admin" });
}, 120_000);

afterAll(async () => {
  await stage?.close();
});

const submitTip = async (tip: TipInput) => (await sendTip(stage, tip)).id;

const h1 = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });

const snap = snapshotsIn(SCREENSHOTS);

const signInWithPassword = async (context: BrowserContext, email: string, password: string) => {
  const page = await context.newPage();
  await page.goto(`${hotline}/console/sign-in?lang=fr`);
  await page.getByLabel(fr["signIn.email"]).fill(email);
  await page.getByLabel(fr["signIn.password"], { exact: true }).fill(password);
  await page.getByRole("button", { name: fr["signIn.submit"] }).click();
  return page;
};

/** The admin's first sign-in: the password, then the authenticator enrolled from the key the page spells out. */
const adminSignsIn = async (context: BrowserContext) => {
  const page = await signInWithPassword(context, LEAD.email, LEAD.password);
  await h1(page, fr["enrol.title"]).waitFor();
  const key = ((await page.locator(".setup-key").textContent()) ?? "").replaceAll(" ", "");
  await page.getByLabel(fr["code.label"]).fill(totpCode(key, new Date()));
  await page.getByRole("button", { name: fr["enrol.submit"] }).click();
  await page.waitForURL(`${hotline}/console`);
  return page;
};

const createAgent = async (page: Page, email: string) => {
  await page.getByRole("link", { name: fr["nav.staff"] }).click();
  await h1(page, fr["staff.title"]).waitFor();
  await page.getByRole("link", { name: fr["staff.add"] }).click();
  await h1(page, fr["staff.new.title"]).waitFor();
  // First without an agency: refused, the message beside the field, the email kept.
  await page.getByLabel(fr["staff.email"]).fill(email);
  await page.getByLabel(fr["role.agent"]).check();
  await page.getByRole("button", { name: fr["staff.new.submit"] }).click();
  await page.getByRole("alert").filter({ hasText: fr["staff.problem.agencyMissing"] }).waitFor();
  expect(await page.getByLabel(fr["staff.email"]).inputValue()).toBe(email);
  await snap(page, "fr-staff-new-errors-laptop");
  await page.getByLabel(fr["staff.agency"], { exact: true }).selectOption({ label: AGENCY_X_NAME });
  await page.getByRole("button", { name: fr["staff.new.submit"] }).click();
  await h1(page, fr["staff.created.title"]).waitFor();
  return ((await page.locator(".temporary-password").textContent()) ?? "").trim();
};

describe("an admin creates an agent in the console", () => {
  it("who, after choosing a password, sees a tip routed to agency X live and opens it; any other tip is a 404", async () => {
    const adminContext = await browser.newContext(LAPTOP);
    const agentContext = await browser.newContext(LAPTOP);
    try {
      const admin = await adminSignsIn(adminContext);
      const agentEmail = "officier.enfance@agency.mr";
      const temporary = await createAgent(admin, agentEmail);
      expect(temporary.length).toBeGreaterThanOrEqual(12);

      const agent = await signInWithPassword(agentContext, agentEmail, temporary);
      await h1(agent, fr["newPassword.title"]).waitFor();
      const chosen = "officer's own long passphrase";
      await agent.getByLabel(fr["newPassword.password"], { exact: true }).fill(chosen);
      await agent.getByLabel(fr["newPassword.confirmation"]).fill(chosen);
      await agent.getByRole("button", { name: fr["newPassword.submit"] }).click();
      await h1(agent, fr["queue.title"]).waitFor();
      await agent.locator('#queue-list[data-stream="open"]').waitFor({ state: "attached" });

      const elsewhere = await submitTip(tipElsewhere());
      const ours = await submitTip(tipForX());
      const line = (id: string) => agent.locator(`#queue-list > li[data-tip-id="${id}"]`);
      await line(ours).waitFor({ timeout: LIVE_WITHIN_MS });
      expect(await line(elsewhere).count()).toBe(0);
      await line(ours).getByRole("link").click();
      await agent.waitForURL(`${hotline}/console/tips/${ours}`);
      const csrf = await agent.locator('input[name="csrf"]').first().inputValue();

      // Not routed to X: absent from the queue after a reload, a 404 page, and a 404 for every action.
      await agent.goto(`${hotline}/console`);
      expect(await line(elsewhere).count()).toBe(0);
      expect((await agent.goto(`${hotline}/console/tips/${elsewhere}`))?.status()).toBe(404);
      for (const action of TIP_ACTIONS) {
        const answer = await agent.request.post(`${hotline}/console/tips/${elsewhere}/${action}`, {
          headers: { Origin: hotline },
          form: {
            csrf,
            note: "a note",
            status: "in_review",
            reason: "a reason",
            staffId: "",
            value: "P0",
            linkedTipId: ours,
          },
          maxRedirects: 0,
        });
        expect(answer.status(), action).toBe(404);
      }
      const touched = await stage.db.execute({
        sql: "select count(*) as n from audit_log where subject = ? and action not in ('tip.create', 'tip.route')",
        args: [elsewhere],
      });
      expect(Number(touched.rows[0]?.n)).toBe(0);

      if (SCREENSHOTS) await staffScreenshots(admin);
    } finally {
      await adminContext.close();
      await agentContext.close();
    }
  }, 120_000);
});

/** The staff list and the create form with its errors, in French and Arabic, on a laptop and a phone. */
const staffScreenshots = async (page: Page) => {
  for (const language of ["fr", "ar"] as const) {
    for (const [device, viewport] of [
      ["laptop", LAPTOP.viewport],
      ["phone", PHONE.viewport],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto(`${hotline}/console/admin/staff`);
      if (language === "ar" && (await page.evaluate(() => document.documentElement.lang)) !== "ar") {
        await page.getByRole("button", { name: "العربية" }).click();
      }
      await snap(page, `${language}-staff-list-${device}`);
      await page.goto(`${hotline}/console/admin/staff/new`);
      await page.getByRole("button", { name: consoleCatalogs[language]["staff.new.submit"] }).click();
      await snap(page, `${language}-staff-new-errors-${device}`);
      const member = page.locator('[data-member="officier.enfance@agency.mr"] a');
      await page.goto(`${hotline}/console/admin/staff`);
      await member.click();
      await snap(page, `${language}-staff-member-${device}`);
    }
  }
};
