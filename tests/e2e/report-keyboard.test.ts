import { mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import { partnerPage, type Site, startSite, strictPartnerCsp } from "../fixtures/e2e-site.js";
import {
  allowOrigin,
  appFrame,
  CATALOGS,
  frameVisible,
  heading,
  hostFocused,
  Keys,
  type Lang,
  RECEIPT_SHOWN,
  STAND_IN_LABEL,
  storedTips,
  waitUntil,
} from "../fixtures/e2e-widget.js";
import { type Stack, startStack } from "../fixtures/stack.js";

/** Screenshots of every step, per language (not committed): look at them after a run. */
const SCREENSHOTS = process.env.BALAGH_SCREENSHOTS ?? join(tmpdir(), "balagh-e2e-screens");

let stack: Stack;
let site: Site;
let browser: Browser;

beforeAll(async () => {
  [stack, site, browser] = await Promise.all([startStack(), startSite(), launchBrowser()]);
  // An Arabic partner page (data-lang="ar") on an origin the partner allows, strict CSP as the demo's.
  await allowOrigin(stack, site.origin);
  site.page("/ar", partnerPage(stack.hotline, { lang: "ar" }), {
    "Content-Security-Policy": strictPartnerCsp(stack.hotline),
  });
  rmSync(SCREENSHOTS, { recursive: true, force: true });
});

afterAll(async () => {
  console.info(`Screenshots of every step: ${SCREENSHOTS}/{fr,ar}`);
  await browser?.close();
  await site?.close();
  await stack?.stop();
});

const NARRATIVES: Record<Lang, string> = {
  fr: "Au port de pêche, trois garçons déchargent les pirogues la nuit ; le patron garde leurs papiers.",
  ar: "في ميناء الصيد، ثلاثة أولاد يفرغون القوارب ليلًا، وصاحب العمل يحتفظ بأوراقهم.",
};

/** Tab from the top of the partner page to the launcher and press Enter. */
const openByKeyboard = async (page: Page) => {
  for (let i = 0; i < 10 && !(await hostFocused(page)); i++) await page.keyboard.press("Tab");
  expect(await hostFocused(page)).toBe(true);
  await page.keyboard.press("Enter");
  return appFrame(page);
};

const reportByKeyboard = async (page: Page, lang: Lang) => {
  const before = await stack.tipCount();
  const t = CATALOGS[lang];
  const dir = join(SCREENSHOTS, lang);
  mkdirSync(dir, { recursive: true });
  let n = 0;
  const shot = (name: string) =>
    page.screenshot({ path: join(dir, `${String(++n).padStart(2, "0")}-${name}.png`), animations: "disabled" });

  const frame = await openByKeyboard(page);
  const keys = new Keys(page, frame);
  const next = async (title: string, step: string) => {
    await keys.button(t["nav.next"]);
    await heading(frame, title).waitFor();
    await shot(step);
  };

  expect(await frame.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
    lang,
    lang === "ar" ? "rtl" : "ltr",
  ]);
  await shot("danger-empty");
  // Arabic goes through "yes": the emergency numbers come first, and the report still goes on.
  await keys.radio("dangerNow", t[lang === "ar" ? "danger.yes" : "danger.no"]);
  await shot("danger-answered");
  await next(t["role.title"], "role");

  await keys.radio("reporterRole", t["role.witness"]);
  await next(t["where.title"], "where");

  await keys.type("town", lang === "ar" ? "نواذيبو" : "Nouadhibou");
  await keys.radio("when", t["when.last_7_days"]);
  await next(t["what.title"], "what");

  await keys.check(t["situation.forced_labour_fishing"]);
  await keys.expand(t["indicators.group.ilo"]);
  await keys.check(t["indicator.identity_papers_taken"]);
  await shot("what-answered");
  await next(t["child.title"], "child");

  await keys.radio("childInvolved", t["child.yes"]);
  await next(`${t["people.title"]} ${t["form.optional"]}`, "people");

  await keys.type("count", "3");
  await next(t["narrative.title"], "narrative");

  await keys.type("narrative", NARRATIVES[lang]);
  await shot("narrative-typed");
  await next(`${t["details.title"]} ${t["form.optional"]}`, "details");

  await keys.type("vehicles", lang === "ar" ? "شاحنة بيضاء" : "Pick-up blanc");
  await next(t["disclosure.title"], "disclosure");
  // Anonymous unless the reporter chooses otherwise.
  expect(await frame.getByRole("radio", { name: t["disclosure.anonymous"] }).isChecked()).toBe(true);

  await keys.button(t["nav.next"]);
  await heading(frame, t["review.title"]).waitFor();
  await expect.poll(() => frame.getByText(NARRATIVES[lang]).count()).toBe(1);
  await shot("review");

  await keys.button(t["review.send"]);
  await heading(frame, t["captcha.title"]).waitFor();
  await frame.getByRole("button", { name: STAND_IN_LABEL }).waitFor({ timeout: 15_000 });
  await shot("captcha");
  await keys.button(STAND_IN_LABEL);

  await heading(frame, t["receipt.title"]).waitFor({ timeout: 20_000 });
  const shown = (await frame.getByText(RECEIPT_SHOWN).textContent())?.trim() ?? "";
  expect(shown).toMatch(RECEIPT_SHOWN);
  // Left to right even in Arabic, so the groups read in order.
  expect(await frame.getByText(RECEIPT_SHOWN).evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
  await shot("receipt");
  await keys.check(t["receipt.saved"]);
  await shot("receipt-saved");

  // Stored once, in the reporter's language.
  expect(await stack.tipCount()).toBe(before + 1);
  expect((await storedTips(stack)).at(-1)?.language).toBe(lang);

  await keys.button(t["receipt.finish"]);
  // Finished: the dialog closes and the launcher has the focus again.
  await waitUntil(async () => !(await frameVisible(frame)), "the dialog to close", 4_000);
  expect(await hostFocused(page)).toBe(true);
  return { shown, presses: keys.presses };
};

describe("a full report by keyboard only, on a phone", () => {
  it("in French, from the demo partner page (strict CSP)", async () => {
    const context = await browser.newContext({ ...PHONE, locale: "fr-FR" });
    try {
      const page = await context.newPage();
      await page.goto(stack.demoUrl);
      const { shown } = await reportByKeyboard(page, "fr");
      expect(shown.replace(/ /g, "")).toMatch(/^\d{20}$/);
    } finally {
      await context.close();
    }
  });

  it("in Arabic, right to left, from a partner page with data-lang=ar", async () => {
    const context = await browser.newContext({ ...PHONE, locale: "ar" });
    try {
      const page = await context.newPage();
      await page.goto(site.url("/ar"));
      const { shown } = await reportByKeyboard(page, "ar");
      // The receipt keeps Western digits inside the Arabic screen.
      expect(shown.replace(/ /g, "")).toMatch(/^\d{20}$/);
    } finally {
      await context.close();
    }
  });
});
