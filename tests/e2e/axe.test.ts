import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import { partnerPage, type Site, startSite } from "../fixtures/e2e-site.js";
import {
  allowOrigin,
  CATALOGS,
  heading,
  type Lang,
  openWidget,
  RECEIPT_SHOWN,
  STAND_IN_LABEL,
} from "../fixtures/e2e-widget.js";
import { type Stack, startStack } from "../fixtures/stack.js";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

type Violation = { state: string; rule: string; impact: string | null; help: string; nodes: string[] };

let stack: Stack;
let site: Site;
let browser: Browser;

beforeAll(async () => {
  [stack, site, browser] = await Promise.all([startStack(), startSite(), launchBrowser()]);
  await allowOrigin(stack, site.origin);
  site.page("/ar", partnerPage(stack.hotline, { lang: "ar" }));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await stack?.stop();
});

/** axe-core inside the form's own document (evaluate is not subject to its CSP); WCAG 2.x A and AA rules. */
const audit = async (frame: Frame, state: string): Promise<Violation[]> => {
  if (!(await frame.evaluate(() => "axe" in window))) await frame.evaluate(AXE_SOURCE);
  const violations = await frame.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")} :: ${n.html.slice(0, 160)} :: ${n.failureSummary ?? ""}`),
    }));
  }, WCAG_A_AA);
  return violations.map((v) => ({ state, ...v }));
};

/** Walks every screen and state of the flow by pointer, auditing each one. */
const auditFlow = async (frame: Frame, lang: Lang) => {
  const t = CATALOGS[lang];
  const found: Violation[] = [];
  const check = async (state: string) => found.push(...(await audit(frame, `${lang}/${state}`)));
  const next = async (title: string) => {
    await frame.getByRole("button", { name: t["nav.next"], exact: true }).click();
    await heading(frame, title).waitFor();
  };
  const optional = (key: "people.title" | "details.title") => `${t[key]} ${t["form.optional"]}`;

  await heading(frame, t["danger.title"]).waitFor();
  await check("danger");
  // Next without an answer: the error state.
  await frame.getByRole("button", { name: t["nav.next"], exact: true }).click();
  await frame.getByRole("main").getByText(t["error.chooseOne"]).waitFor();
  await check("danger-error");
  await frame.getByRole("radio", { name: t["danger.yes"], exact: true }).check();
  await frame.getByText(t["danger.callNow"]).first().waitFor();
  await check("danger-yes-emergency-numbers");
  await next(t["role.title"]);

  await check("role");
  await frame.getByRole("radio", { name: t["role.victim"], exact: true }).check();
  await next(t["where.title"]);

  await frame.getByRole("button", { name: t["nav.next"], exact: true }).click();
  await frame.getByRole("main").getByText(t["error.chooseOne"]).waitFor();
  await check("where-error");
  await frame.getByRole("textbox", { name: t["where.town"] }).fill("Nouakchott");
  await frame.getByRole("radio", { name: t["when.happening_now"], exact: true }).check();
  await check("where");
  await next(t["what.title"]);

  await frame.getByRole("checkbox", { name: t["situation.domestic_servitude"] }).check();
  for (const group of ["indicators.group.ilo", "indicators.group.child", "indicators.group.route"] as const) {
    await frame.getByText(t[group], { exact: true }).first().click();
  }
  await frame.getByRole("checkbox", { name: t["indicator.wages_withheld"] }).check();
  await check("what-indicators-open");
  await next(t["child.title"]);

  await check("child");
  await frame.getByRole("radio", { name: t["child.not_sure"], exact: true }).check();
  await next(optional("people.title"));

  await frame.getByRole("textbox", { name: t["people.count"] }).fill("abc");
  await frame.getByRole("button", { name: t["nav.next"], exact: true }).click();
  await frame.getByRole("main").getByText(t["error.count"]).waitFor();
  await check("people-error");
  await frame.getByRole("textbox", { name: t["people.count"] }).fill("1");
  await frame.getByRole("checkbox", { name: t["age.adult"] }).check();
  await frame.getByRole("combobox", { name: t["people.nationalityPick"] }).selectOption("SN");
  await frame.getByRole("button", { name: t["people.add"], exact: true }).click();
  await check("people-with-nationality");
  await next(t["narrative.title"]);

  await check("narrative-empty");
  await frame.getByRole("button", { name: t["nav.next"], exact: true }).click();
  await frame.getByRole("main").getByText(t["error.required"]).waitFor();
  await check("narrative-error");
  await frame
    .getByRole("textbox", { name: t["narrative.label"] })
    .fill(lang === "ar" ? "أعمل في بيت دون أجر ولا أستطيع الخروج." : "Je travaille dans une maison sans salaire.");
  await next(optional("details.title"));

  await check("details");
  await next(t["disclosure.title"]);

  await check("disclosure-victim-consent");
  await frame.getByRole("radio", { name: t["disclosure.confidential"] }).check();
  await frame.getByRole("textbox", { name: t["contact.means"] }).fill("+222 00 00 00 00");
  await frame.getByRole("button", { name: t["nav.next"], exact: true }).click();
  await frame.getByRole("main").getByText(t["error.safe"]).first().waitFor();
  await check("disclosure-contact-error");
  // "Yes" twice on this screen: each radio is found within its own question.
  await frame.getByRole("group", { name: t["contact.safe"] }).getByRole("radio", { name: t["safe.yes"] }).check();
  await frame.getByRole("group", { name: t["consent.title"] }).getByRole("radio", { name: t["consent.yes"] }).check();
  await next(t["review.title"]);

  await check("review");
  await frame.getByRole("button", { name: t["review.send"], exact: true }).click();
  await heading(frame, t["captcha.title"]).waitFor();
  await frame.getByRole("button", { name: STAND_IN_LABEL }).waitFor({ timeout: 15_000 });
  await check("captcha");
  await frame.getByRole("button", { name: STAND_IN_LABEL }).click();

  await heading(frame, t["receipt.title"]).waitFor({ timeout: 20_000 });
  await frame.getByText(RECEIPT_SHOWN).waitFor();
  await check("receipt");
  await frame.getByRole("button", { name: t["receipt.finish"], exact: true }).click();
  await frame.getByRole("main").getByText(t["receipt.mustSave"]).waitFor();
  await check("receipt-must-save");
  return found;
};

describe("axe-core finds no WCAG 2.x A/AA violation on any screen of the form", () => {
  for (const [lang, url] of [
    ["fr", () => stack.demoUrl],
    ["ar", () => site.url("/ar")],
  ] as const) {
    it(`in ${lang === "fr" ? "French" : "Arabic"}`, async () => {
      const context = await browser.newContext({ ...PHONE });
      try {
        const page = await context.newPage();
        await page.goto(url());
        const frame = await openWidget(page);
        expect(await frame.evaluate(() => document.documentElement.lang)).toBe(lang);
        const found = await auditFlow(frame, lang);
        expect(found, JSON.stringify(found, null, 2)).toEqual([]);
      } finally {
        await context.close();
      }
    }, 60_000);
  }
});
